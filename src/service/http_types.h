// What the service's handlers take and return: plain values, no sockets, so
// every endpoint's behaviour is tested without a server. The HTTP layer
// (server.cc) only translates to and from cpp-httplib.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/screener.h"
#include "service/cross_links.h"

namespace embargo::service {

// Query-string parameters; a key may repeat (include_dataset=a&include_dataset=b).
using Params = std::multimap<std::string, std::string>;

struct Response {
  int status = 200;
  nlohmann::json body;
  std::vector<std::pair<std::string, std::string>> headers;
  // For the request log and metrics: screened queries and alerts raised.
  size_t queries = 0;
  size_t alerts = 0;
};

// An error in yente's shape: {"detail": message}.
Response ErrorResponse(int status, std::string detail);

// The snapshot a request is answered from: an immutable screener plus its
// version stamp. Requests pin one with a shared_ptr; reloads publish a new one.
struct ServingSnapshot {
  std::shared_ptr<const Screener> screener;
  std::string version;  // content stamp: load time and a hash of the datasets
  std::chrono::system_clock::time_point loaded_at;
  // The links between the screener's lists, for /entities/{id}; made by the
  // reload worker after publishing, or by the first request that needs them.
  std::shared_ptr<CrossLinks> cross_links = std::make_shared<CrossLinks>();
};

// Limits that protect the service; each breach is a 4xx with a clear detail.
struct Limits {
  size_t max_queries = 100;       // queries per /match request
  size_t max_name_length = 1024;  // bytes in one name
  size_t max_names_per_query = 50;
  size_t max_limit = 500;  // results per query
  size_t max_body_bytes = 1 << 20;
  size_t max_concurrent = 256;
};

// First value of a parameter, or `fallback`.
std::string Param(const Params& params, const std::string& key, const std::string& fallback = "");
// All values of a parameter.
std::vector<std::string> ParamAll(const Params& params, const std::string& key);

// Whether an If-None-Match header value names `etag` (a quoted entity tag):
// "*", or a comma-separated list holding it, compared weakly (W/"x" matches
// "x") as RFC 9110 section 13.1.2 says.
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

}  // namespace embargo::service
