list(APPEND EMBARGO_TEST_SOURCES tests/eval/accuracy_test.cc)
