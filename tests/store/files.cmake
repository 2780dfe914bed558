list(APPEND EMBARGO_TEST_SOURCES tests/store/entity_diff_test.cc)
include(tests/store/fetch.cmake)
