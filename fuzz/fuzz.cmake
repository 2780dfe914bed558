# The libFuzzer harnesses (EMBARGO_FUZZ=ON, clang only): each harness is one
# binary linking the library code it needs, built with coverage and
# AddressSanitizer + UBSan. Nothing else is built in such a tree: no embargo
# binary, tests or benchmarks. `make fuzz` configures build-fuzz/ with clang,
# builds, generates the seed corpora (fuzz_corpus) and runs each harness.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "EMBARGO_FUZZ=ON needs clang (libFuzzer): configure with CXX=clang++")
endif()

# Only the subsystems the harnesses reach: no store, xref, eval, CLI commands
# or server transport. common/'s SHA-256 (OpenSSL) and HTML report style are
# for the store and the reports.
set(EMBARGO_FUZZ_LIB_SOURCES)
foreach(subsystem common model scoring sources text input match payments)
  set(EMBARGO_SOURCES)
  include(src/${subsystem}/files.cmake)
  list(APPEND EMBARGO_FUZZ_LIB_SOURCES ${EMBARGO_SOURCES})
endforeach()
list(FILTER EMBARGO_FUZZ_LIB_SOURCES EXCLUDE REGEX "common/(sha256|html_report)\\.cc$")
# A screened message's JSON digests it with SHA-256: for the store and the API.
list(FILTER EMBARGO_FUZZ_LIB_SOURCES EXCLUDE REGEX "payments/screening_json\\.cc$")
list(APPEND EMBARGO_FUZZ_LIB_SOURCES
  src/cli/batch_input.cc
  src/service/http_types.cc
  src/service/request_target.cc
  src/service/json_body_check.cc
  src/service/entity_filter.cc
  src/service/ftm_output.cc
  src/service/ftm_graph.cc
  src/service/manifest.cc
  src/service/catalog_handler.cc
  src/service/algorithms_handler.cc
  src/service/match_handler.cc
  src/service/search_options.cc
  src/service/query_names.cc
  src/service/search_handler.cc)

# -O1 with line tables: fast enough to fuzz, quick to build, readable stacks.
# UBSan findings abort (no recovery), so libFuzzer reports them as crashes.
set(EMBARGO_FUZZ_SANITIZE address,undefined)
add_compile_options(-O1 -gline-tables-only -fno-omit-frame-pointer -fno-sanitize-recover=all)

add_library(embargo_fuzz_lib STATIC ${EMBARGO_FUZZ_LIB_SOURCES} fuzz/fuzz_input.cc
  fuzz/xlsx_parts.cc fuzz/list_checks.cc)
target_include_directories(embargo_fuzz_lib PUBLIC include src ${CMAKE_SOURCE_DIR})
target_compile_options(embargo_fuzz_lib PUBLIC -fsanitize=fuzzer-no-link,${EMBARGO_FUZZ_SANITIZE})
target_link_options(embargo_fuzz_lib PUBLIC -fsanitize=${EMBARGO_FUZZ_SANITIZE})
target_link_libraries(embargo_fuzz_lib
  PUBLIC embargo_flags Threads::Threads fmt::fmt nlohmann_json::nlohmann_json
  PRIVATE ICU::uc ICU::i18n ICU::data pugixml::pugixml PkgConfig::LIBZIP ZLIB::ZLIB PkgConfig::XXHASH yaml-cpp)

set(EMBARGO_FUZZERS lists ofac batch names snapshot http payments)
foreach(name ${EMBARGO_FUZZERS})
  add_executable(fuzz_${name} fuzz/${name}_fuzzer.cc)
  target_link_libraries(fuzz_${name} PRIVATE embargo_fuzz_lib)
  target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
endforeach()
# The HTTP and payments harnesses screen against this small list.
target_compile_definitions(fuzz_http PRIVATE
  EMBARGO_FUZZ_LIST="${CMAKE_SOURCE_DIR}/tests/data/lists/rok-fsc-sample.csv")
target_compile_definitions(fuzz_payments PRIVATE
  EMBARGO_FUZZ_LIST="${CMAKE_SOURCE_DIR}/tests/data/lists/rok-fsc-sample.csv")

# Seed corpora: small slices of the reference data (never copied into the
# repository) and the hand-written seeds in fuzz/seeds/, one folder per
# harness under corpus/.
add_executable(fuzz_make_corpus fuzz/make_corpus.cc fuzz/slices.cc)
target_link_libraries(fuzz_make_corpus PRIVATE embargo_fuzz_lib ICU::uc pugixml::pugixml)
add_custom_target(fuzz_corpus
  COMMAND fuzz_make_corpus "${EMBARGO_SHARED_DATA}" "${CMAKE_SOURCE_DIR}"
          "${CMAKE_BINARY_DIR}/corpus"
  DEPENDS fuzz_make_corpus
  COMMENT "Generating the fuzz seed corpora in ${CMAKE_BINARY_DIR}/corpus")
