list(APPEND EMBARGO_TEST_SOURCES tests/eval/accuracy_test.cc tests/eval/variant_class_test.cc
  tests/eval/independent_deck_test.cc tests/eval/independent_eval_test.cc
  tests/eval/validation_html_test.cc)
