include(src/sources/ofac.cmake)
include(src/sources/formats.cmake)
