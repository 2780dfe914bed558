list(APPEND EMBARGO_SOURCES
  src/scoring/constants.cc)
