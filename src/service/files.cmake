list(APPEND EMBARGO_SOURCES
  src/service/http_types.cc
  src/service/ftm_output.cc)
