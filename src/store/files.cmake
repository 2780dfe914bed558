list(APPEND EMBARGO_SOURCES src/store/entity_diff.cc)
include(src/store/fetch.cmake)
