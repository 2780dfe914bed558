#include "service/request_target.h"

#include <fmt/format.h>

#include "sources/list_text.h"

namespace embargo::service {
namespace {

enum class Plus { kKeep, kSpace };

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text, Plus plus) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    int high = c == '%' && i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    int low = high >= 0 ? HexValue(text[i + 2]) : -1;
    if (low >= 0) {
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c == '+' && plus == Plus::kSpace ? ' ' : c);
    }
  }
  return out;
}

bool IsUtf8(std::string_view bytes) { return CheckUtf8(bytes, "").ok(); }

}  // namespace

Result<RequestTarget> ParseRequestTarget(std::string_view target) {
  size_t question = target.find('?');
  RequestTarget out;
  out.path = PercentDecode(target.substr(0, question), Plus::kKeep);
  if (!IsUtf8(out.path)) return MakeError("request path is not valid UTF-8 after percent-decoding");
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, eq), Plus::kSpace);
    std::string value =
        eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1), Plus::kSpace);
    if (!IsUtf8(key)) return MakeError("a query parameter name is not valid UTF-8");
    if (!IsUtf8(value)) {
      return MakeError(fmt::format("query parameter '{}' is not valid UTF-8", key));
    }
    out.params.emplace(std::move(key), std::move(value));
  }
  return out;
}

}  // namespace embargo::service
