list(APPEND EMBARGO_TEST_SOURCES
  tests/service/catalog_handler_test.cc)
