# The Python package (python/): the pybind11 extension `embargo._embargo`
# over embargo_lib, and the pure-Python package `embargo` around it. Both are
# assembled in ${CMAKE_BINARY_DIR}/python, the folder users and the tests put
# on PYTHONPATH; `cmake --install` copies the package to Python's
# site folder.
#
# Debian's pybind11 and the Python libraries the package works with
# (python3-pandas, python3-dask, python3-distributed) are installed for
# Debian's interpreter, so that is the one built for and tested with, whatever
# `python3` comes first on PATH (a pyenv one sees none of them).
if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python 3 REQUIRED COMPONENTS Interpreter Development.Module)
find_package(pybind11 CONFIG REQUIRED)

set(EMBARGO_PYTHON_DIR "${CMAKE_BINARY_DIR}/python")
pybind11_add_module(embargo_python MODULE
  python/bindings/module.cc
  python/bindings/row_fields.cc)
# The module is a client of the public API: it compiles against include/
# (and its own python/) only, so an include of a subsystem's header fails:
# it links the subsystems' libraries, not embargo_lib, which adds src/.
target_include_directories(embargo_python PRIVATE python ${CMAKE_SOURCE_DIR}/include)
target_link_libraries(embargo_python PRIVATE ${EMBARGO_SUBSYSTEMS} embargo_deps)
# embargo_lib's symbols and those of the static libraries under it stay
# inside the module.
target_link_options(embargo_python PRIVATE -Wl,--exclude-libs,ALL)
set_target_properties(embargo_python PROPERTIES
  OUTPUT_NAME _embargo
  LIBRARY_OUTPUT_DIRECTORY "${EMBARGO_PYTHON_DIR}/embargo")

set(EMBARGO_PYTHON_FILES __init__.py __main__.py dask.py _rows.py _frame.py)
set(EMBARGO_PYTHON_COPIES)
foreach(file ${EMBARGO_PYTHON_FILES})
  add_custom_command(
    OUTPUT "${EMBARGO_PYTHON_DIR}/embargo/${file}"
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/python/embargo/${file}"
            "${EMBARGO_PYTHON_DIR}/embargo/${file}"
    DEPENDS "${CMAKE_SOURCE_DIR}/python/embargo/${file}")
  list(APPEND EMBARGO_PYTHON_COPIES "${EMBARGO_PYTHON_DIR}/embargo/${file}")
endforeach()
add_custom_target(embargo_python_package ALL DEPENDS ${EMBARGO_PYTHON_COPIES})
add_dependencies(embargo_python embargo_python_package)

set(EMBARGO_PYTHON_INSTALL_DIR
  "lib/python${Python_VERSION_MAJOR}.${Python_VERSION_MINOR}/dist-packages"
  CACHE PATH "Where `cmake --install` puts the embargo package, under the prefix")
install(TARGETS embargo_python LIBRARY DESTINATION "${EMBARGO_PYTHON_INSTALL_DIR}/embargo"
  COMPONENT python)
install(FILES ${EMBARGO_PYTHON_COPIES} DESTINATION "${EMBARGO_PYTHON_INSTALL_DIR}/embargo"
  COMPONENT python)

# The Python tests (tests/python), unittest, with Debian's interpreter.
foreach(suite screening dask)
  add_test(NAME python_${suite}
    COMMAND ${Python_EXECUTABLE} -m unittest -v test_${suite}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}/tests/python")
  set_tests_properties(python_${suite} PROPERTIES
    ENVIRONMENT "PYTHONPATH=${EMBARGO_PYTHON_DIR};EMBARGO_SHARED_DATA=${EMBARGO_SHARED_DATA};PYTHONDONTWRITEBYTECODE=1"
    TIMEOUT 300)
endforeach()
