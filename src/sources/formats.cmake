list(APPEND EMBARGO_SOURCES
  src/sources/list_text.cc
  src/sources/xml_text.cc
  src/sources/un_xml.cc
  src/sources/us_csl.cc
  src/sources/bis_dpl.cc
  src/sources/ftm_json.cc
  src/sources/embargo_list_record.cc
  src/sources/embargo_list.cc
  src/sources/free_text.cc
  src/sources/ofsi_csv.cc
  src/sources/dfat_xlsx.cc
  src/sources/eu_fsf_xml.cc
  src/sources/uk_fcdo_xml.cc
  src/sources/ca_sema_xml.cc
  src/sources/detect.cc
  src/sources/load.cc
  src/sources/list_guard.cc)
