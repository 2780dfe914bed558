list(APPEND EMBARGO_SOURCES src/common/status.cc src/common/file.cc src/common/csv.cc src/common/strings.cc src/common/utf8.cc src/common/json_parse.cc src/common/json_text.cc src/common/json_writer.cc
  src/common/sha256.cc)
list(APPEND EMBARGO_SOURCES src/common/xlsx.cc src/common/xlsx_writer.cc src/common/zip_archive.cc)
list(APPEND EMBARGO_SOURCES src/common/html_report.cc)
