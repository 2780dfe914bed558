list(APPEND EMBARGO_SOURCES
  src/cli/commands.cc
  src/cli/progress.cc
  src/cli/batch_input.cc
  src/cli/open_screener.cc
  src/cli/screen_command.cc
  src/cli/lists_command.cc
  src/cli/eval_command.cc
  src/cli/validate_command.cc
  src/cli/serve_command.cc
  src/cli/diff_command.cc
  src/cli/versions_command.cc
  src/cli/update_command.cc
  src/cli/monitor_command.cc
  src/cli/audit_command.cc
  src/cli/xref_command.cc
  src/cli/show_command.cc
  src/cli/gaps_command.cc)
