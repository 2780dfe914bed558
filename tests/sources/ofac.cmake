list(APPEND EMBARGO_TEST_SOURCES tests/model/country_test.cc)
