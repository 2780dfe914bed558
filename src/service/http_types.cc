#include "service/http_types.h"

#include <fmt/format.h>

#include "common/strings.h"

namespace embargo::service {

nlohmann::json BodyJson(const Response& response) {
  return response.text.empty() ? response.body : nlohmann::json::parse(response.text);
}

Response ErrorResponse(int status, std::string detail) {
  Response r;
  r.status = status;
  r.body = {{"detail", std::move(detail)}};
  return r;
}

Response HtmlReportResponse(std::string html) {
  Response r;
  r.text = std::move(html);
  r.content_type = "text/html; charset=utf-8";
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  return r;
}

std::string Param(const Params& params, const std::string& key, const std::string& fallback) {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

Result<bool> BoolParam(const Params& params, const std::string& key, bool fallback) {
  const std::string text = AsciiLowercase(Trim(Param(params, key)));
  if (text.empty()) return fallback;
  if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "0" || text == "no" || text == "off") return false;
  return MakeError(fmt::format("{} must be true or false, not '{}'", key, Param(params, key)));
}

std::vector<std::string> ParamAll(const Params& params, const std::string& key) {
  std::vector<std::string> out;
  auto [begin, end] = params.equal_range(key);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

namespace {

std::string_view Opaque(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  if (Trim(if_none_match) == "*") return true;
  for (const std::string& tag : SplitList(if_none_match, ',')) {
    if (Opaque(tag) == Opaque(etag)) return true;
  }
  return false;
}

}  // namespace embargo::service
