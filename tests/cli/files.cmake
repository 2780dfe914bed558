list(APPEND EMBARGO_TEST_SOURCES tests/cli/cli_test.cc tests/cli/output_test.cc)
