list(APPEND EMBARGO_SOURCES src/cli/commands.cc)
