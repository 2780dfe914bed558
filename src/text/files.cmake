list(APPEND EMBARGO_SOURCES
  src/text/transliterate.cc
  src/text/phonetic.cc
  src/text/name_tables.cc
  src/text/name_analyzer.cc
  src/text/similarity.cc)
