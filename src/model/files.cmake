list(APPEND EMBARGO_SOURCES src/model/entity.cc src/model/calendar.cc src/model/country.cc src/model/entity_json.cc src/model/ftm_schema.cc
  src/model/imo.cc)
