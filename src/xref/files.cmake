list(APPEND EMBARGO_SOURCES
  src/xref/xref.cc
  src/xref/identifier_links.cc
  src/xref/name_links.cc
  src/xref/unlinked.cc
  # The CLI commands over xref (kept here while src/cli/files.cmake is shared).
  src/cli/xref_command.cc
  src/cli/show_command.cc)
