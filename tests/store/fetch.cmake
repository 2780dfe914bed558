# tests for src/store fetch
list(APPEND EMBARGO_TEST_SOURCES tests/store/fetch_test.cc tests/store/sources_config_test.cc)
