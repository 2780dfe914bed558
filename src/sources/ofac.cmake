list(APPEND EMBARGO_SOURCES src/sources/ofac_remarks.cc src/sources/ofac_legacy.cc
  src/sources/ofac_sdn_xml.cc src/sources/ofac_enhanced_xml.cc
  src/sources/ofac_advanced_xml.cc)
