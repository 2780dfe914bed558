list(APPEND EMBARGO_TEST_SOURCES tests/model/country_test.cc tests/sources/ofac_remarks_test.cc
  tests/sources/ofac_legacy_test.cc tests/sources/ofac_sdn_xml_test.cc
  tests/sources/ofac_formats_test.cc tests/sources/ofac_enhanced_xml_test.cc
  tests/sources/ofac_advanced_xml_test.cc)
