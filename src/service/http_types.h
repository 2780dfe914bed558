// What the service's handlers take and return: plain values, no sockets, so
// every endpoint's behaviour is tested without a server. The HTTP layer
// (server.cc over http_transport.cc) only translates to and from HTTP.
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

namespace embargo::payments {
class PaymentScreener;
}  // namespace embargo::payments

namespace embargo::service {

class FtmGraph;
struct Manifest;

// Query-string parameters; a key may repeat (include_dataset=a&include_dataset=b).
using Params = std::multimap<std::string, std::string>;

struct Response {
  int status = 200;
  nlohmann::json body;
  // The body already written as JSON text (JsonWriter), for answers built
  // on every request; when set, `body` is not used.
  std::string text;
  // With `text`: its media type when it is no JSON ("text/csv; charset=utf-8").
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  // For the request log and metrics: screened queries and alerts raised.
  size_t queries = 0;
  size_t alerts = 0;
};

// The body as a tree, whether it was built as one or written as text.
nlohmann::json BodyJson(const Response& response);

// An error in yente's shape: {"detail": message}.
Response ErrorResponse(int status, std::string detail);

// 200 with one of embargo's self-contained HTML reports (common/html_report.h:
// no script, nothing fetched), under a content security policy that allows
// nothing but its inline styles.
Response HtmlReportResponse(std::string html);

// The snapshot a request is answered from: an immutable screener plus its
// version stamp. Requests pin one with a shared_ptr; reloads publish a new one.
struct ServingSnapshot {
  std::shared_ptr<const Screener> screener;
  std::string version;  // content stamp: load time and a hash of the datasets
  // Each dataset's source and publication date as screening records carry
  // them (store::ScreenedVersions, compact JSON).
  std::string screened_versions;
  std::chrono::system_clock::time_point loaded_at;
  // The links between the screener's lists, for /entities/{id}; made by the
  // reload worker after publishing, or by the first request that needs them.
  std::shared_ptr<CrossLinks> cross_links = std::make_shared<CrossLinks>();
  // Payment screening over `screener` (listed BICs and IMO numbers) and the
  // embargo table, for POST /payments/screen; built with the snapshot.
  std::shared_ptr<const payments::PaymentScreener> payments;
  // The kept FtM records as a graph (nesting, /adjacent, referents); built
  // with the snapshot.
  std::shared_ptr<const FtmGraph> ftm_graph;
  // The manifest the lists were loaded from (serve --manifest), else null:
  // dataset names, titles, versions and collections for /catalog.
  std::shared_ptr<const Manifest> manifest;
};

// Limits that protect the service; each breach of a request limit is a 4xx
// with a clear detail, a deadline missed closes the connection.
struct Limits {
  size_t max_queries = 100;                     // queries per /match request
  size_t max_name_length = kMaxQueryNameBytes;  // bytes in one name
  size_t max_names_per_query = 50;
  size_t max_limit = 500;              // results per query
  size_t max_body_bytes = 1 << 20;     // 413 beyond, chunked bodies included
  size_t max_concurrent = 256;         // requests at once, queued or running (429 beyond)
  size_t max_header_bytes = 16 << 10;  // request line and headers (431 beyond)
  size_t max_json_depth = 32;          // nesting of a JSON body (400 beyond), checked unparsed
  size_t max_json_nodes = 20000;       // values in a JSON body (413 beyond), checked unparsed
  size_t max_connections = 10000;      // open connections; more are closed at once
  // Request line and headers, from the connection's accept or the request's
  // first byte; a TLS handshake gets as long.
  std::chrono::milliseconds header_timeout{5000};
  std::chrono::milliseconds idle_timeout{30000};  // a kept-alive connection between requests
  std::chrono::milliseconds body_timeout{30000};  // reading a body, and writing a response
};

// First value of a parameter, or `fallback`.
std::string Param(const Params& params, const std::string& key, const std::string& fallback = "");
// A yes-or-no parameter: true, 1, yes, on or false, 0, no, off (any case);
// `fallback` when absent or empty; an error naming the parameter otherwise
// (pending=1 was read as false: a new user's trial).
Result<bool> BoolParam(const Params& params, const std::string& key, bool fallback = false);
// All values of a parameter.
std::vector<std::string> ParamAll(const Params& params, const std::string& key);

// Whether an If-None-Match header value names `etag` (a quoted entity tag):
// "*", or a comma-separated list holding it, compared weakly (W/"x" matches
// "x") as RFC 9110 section 13.1.2 says.
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

}  // namespace embargo::service
