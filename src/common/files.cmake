list(APPEND EMBARGO_SOURCES src/common/status.cc src/common/file.cc src/common/csv.cc src/common/strings.cc
  src/common/sha256.cc src/common/json_text.cc)
