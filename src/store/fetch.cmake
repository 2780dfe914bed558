# src/store fetch: HTTP downloads and the sources config (embargo update).
list(APPEND EMBARGO_SOURCES src/store/fetch.cc src/store/sources_config.cc)
