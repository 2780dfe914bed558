list(APPEND EMBARGO_SOURCES
  src/text/transliterate.cc
  src/text/phonetic.cc
  src/text/name_tables.cc
  src/text/name_analyzer.cc
  src/text/similarity.cc
  src/text/korean.cc
  src/text/chinese.cc
  src/text/kana.cc
  src/text/khmer.cc
  src/text/org_names.cc
  src/text/script_words.cc
  src/text/name_remarks.cc
  src/text/arabic_org_words.cc
  src/text/hanja.cc
  src/text/korean_cyrillic.cc
  src/text/given_names.cc
  src/text/convention_readings.cc)
