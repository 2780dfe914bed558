list(APPEND EMBARGO_TEST_SOURCES
  tests/xref/identifier_links_test.cc
  tests/xref/name_links_test.cc
  tests/xref/xref_test.cc
  tests/xref/xref_command_test.cc
  tests/xref/gaps_test.cc
  tests/xref/gaps_html_test.cc)
