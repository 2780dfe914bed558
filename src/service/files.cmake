list(APPEND EMBARGO_SOURCES
  src/service/http_types.cc
  src/service/ftm_output.cc
  src/service/json_output.cc
  src/service/match_handler.cc
  src/service/metrics.cc
  src/service/auth.cc
  src/service/server.cc
  src/service/http_transport.cc
  src/service/request_target.cc
  src/service/json_body_check.cc
  src/service/catalog_handler.cc
  src/service/algorithms_handler.cc
  src/service/entity_handler.cc
  src/service/search_handler.cc
  src/service/entity_filter.cc
  src/service/openapi.cc
  src/service/alerts_handler.cc)
