list(APPEND EMBARGO_SOURCES
  src/input/field_reading.cc
  src/input/batch_field.cc
  src/input/rows.cc
  src/input/text_key.cc
  src/input/date_reading.cc
  src/input/country_reading.cc
  src/input/kind_reading.cc
  src/input/make_query.cc
  src/input/text_decoding.cc
  src/input/delimiter.cc)
