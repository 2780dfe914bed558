list(APPEND EMBARGO_TEST_SOURCES tests/text/name_analyzer_test.cc tests/text/similarity_test.cc
  tests/text/convention_readings_test.cc tests/text/script_words_test.cc
  tests/text/name_remarks_test.cc tests/text/arabic_org_words_test.cc
  tests/text/hanja_test.cc tests/text/korean_cyrillic_test.cc tests/text/name_wrapping_test.cc)
