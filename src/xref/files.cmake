list(APPEND EMBARGO_SOURCES
  src/xref/xref.cc
  src/xref/identifier_links.cc
  src/xref/name_links.cc
  src/xref/unlinked.cc
  src/xref/xref_json.cc
  src/xref/entity_view.cc
  src/xref/link_target.cc
  src/xref/gaps.cc
  src/xref/gaps_html.cc)
