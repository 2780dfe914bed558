// Shared by the parser tests: read a file and run one parser over its bytes,
// and parse a reference list once for a whole test binary.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "common/file.h"
#include "sources/parsed_list.h"

namespace embargo::testing {

using BytesParser = Result<ParsedList> (*)(const std::filesystem::path&, std::string_view);

inline Result<ParsedList> ParseFileWith(BytesParser parser, const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return parser(path, *bytes);
}

// Parses `path` with `parser`; a failure is reported and gives an empty list.
inline ParsedList ParseOrFail(BytesParser parser, const std::string& path) {
  Result<ParsedList> parsed = ParseFileWith(parser, path);
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  return parsed.ok() ? *parsed : ParsedList{};
}

// The bytes of a reference file (../shared/data/<relative>); a failure is
// reported and gives "".
inline std::string SharedBytes(const std::string& relative) {
  Result<std::string> bytes = ReadFileBytes(std::string(EMBARGO_SHARED_DATA) + "/" + relative);
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? *bytes : "";
}

// What `parser` says of `bytes` read as the file `name`: "ok" or the error.
inline std::string ParseError(BytesParser parser, const std::string& name, std::string_view bytes) {
  Result<ParsedList> parsed = parser(name, bytes);
  return parsed.ok() ? "ok" : parsed.error().ToString();
}

}  // namespace embargo::testing
