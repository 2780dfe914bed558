list(APPEND EMBARGO_SOURCES
  src/sources/list_text.cc
  src/sources/json_parse.cc
  src/sources/un_xml.cc
  src/sources/us_csl.cc)
