list(APPEND EMBARGO_TEST_SOURCES
  tests/service/alerts_handler_test.cc
  tests/service/workbench_api_test.cc
  tests/service/catalog_handler_test.cc
  tests/service/entity_handler_test.cc
  tests/service/ftm_fidelity_test.cc
  tests/service/query_names_test.cc
  tests/service/search_handler_test.cc
  tests/service/match_handler_test.cc
  tests/service/openapi_test.cc
  tests/service/server_test.cc
  tests/service/routes_test.cc
  tests/service/request_target_test.cc
  tests/service/json_body_check_test.cc
  tests/service/server_hardening_test.cc
  tests/service/payments_handler_test.cc
  tests/service/reconcile_handler_test.cc
  tests/service/name_prefix_index_test.cc)
