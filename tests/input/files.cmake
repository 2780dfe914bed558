list(APPEND EMBARGO_TEST_SOURCES
  tests/input/field_readers_test.cc
  tests/input/make_query_test.cc
  tests/input/rows_test.cc
  tests/input/text_decoding_test.cc)
