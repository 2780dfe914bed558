#include "service/http_types.h"

namespace embargo::service {

Response ErrorResponse(int status, std::string detail) {
  Response r;
  r.status = status;
  r.body = {{"detail", std::move(detail)}};
  return r;
}

std::string Param(const Params& params, const std::string& key, const std::string& fallback) {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

std::vector<std::string> ParamAll(const Params& params, const std::string& key) {
  std::vector<std::string> out;
  auto [begin, end] = params.equal_range(key);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

}  // namespace embargo::service
