list(APPEND EMBARGO_SOURCES src/sources/ofac_remarks.cc src/sources/ofac_legacy.cc)
