list(APPEND EMBARGO_TEST_SOURCES
  tests/sources/un_xml_test.cc
  tests/sources/us_csl_test.cc
  tests/sources/bis_dpl_test.cc
  tests/sources/ftm_json_test.cc
  tests/sources/embargo_list_test.cc
  tests/sources/ofsi_csv_test.cc
  tests/sources/dfat_xlsx_test.cc
  tests/sources/eu_fsf_xml_test.cc
  tests/sources/eu_fsf_csv_test.cc
  tests/sources/uk_fcdo_xml_test.cc
  tests/sources/ca_sema_xml_test.cc
  tests/sources/detect_test.cc
  tests/sources/load_test.cc
  tests/sources/completeness_test.cc
  tests/sources/list_guard_test.cc)
