#include "payments/read_payments.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/file.h"
#include "payments/iso20022.h"
#include "payments/swift_mt.h"

namespace embargo::payments {

std::vector<ParsedMessage> ParsePayments(std::string_view bytes, const std::string& file) {
  size_t first = 0;
  // A UTF-8 byte-order mark before XML.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") first = 3;
  while (first < bytes.size() && (bytes[first] == ' ' || bytes[first] == '\t' ||
                                  bytes[first] == '\r' || bytes[first] == '\n')) {
    ++first;
  }
  if (first == bytes.size()) {
    // A file cut to nothing (a transfer that failed) is not a file with no
    // payment in it to report as passed.
    ParsedMessage bad;
    bad.error = MakeError(file, 1, "empty: no payment message in it");
    return {std::move(bad)};
  }
  if (bytes[first] == '<') return ParseIso20022(bytes, file);
  if (bytes[first] == '{') return ParseSwiftMt(bytes, file);
  ParsedMessage bad;
  bad.error = MakeError(file, 1,
                        "not a payment message: expected ISO 20022 XML ('<') or SWIFT MT FIN "
                        "blocks ('{1:')");
  return {std::move(bad)};
}

std::vector<ParsedMessage> ReadPayments(const std::string& path, uint64_t max_file_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    fs::recursive_directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      // XML schemas kept beside the messages they describe are not messages.
      if (it->path().extension() == ".xsd") continue;
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    if (ec) {
      ParsedMessage bad;
      bad.error = MakeError(path, 0, "cannot read the folder: " + ec.message());
      return {std::move(bad)};
    }
  } else {
    files.push_back(path);
  }
  std::vector<ParsedMessage> out;
  for (const std::string& file : files) {
    auto bytes = ReadFileBytes(file, max_file_bytes);
    if (!bytes.ok()) {
      ParsedMessage bad;
      bad.error = bytes.error();
      out.push_back(std::move(bad));
      continue;
    }
    for (ParsedMessage& parsed : ParsePayments(*bytes, file)) out.push_back(std::move(parsed));
  }
  return out;
}

}  // namespace embargo::payments
