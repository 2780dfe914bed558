// Downloading one official list file for `embargo update`: HTTP(S) with
// conditional requests (ETag / Last-Modified), retries with backoff, a size
// limit and an atomic replace of the destination, or a copy from a file://
// mirror. FetchToFile is thread-safe (it shares no state); two concurrent
// calls must not target the same destination.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "embargo/status.h"

namespace embargo::store {

struct FetchOptions {
  std::string etag;           // from the previous fetch: sent as If-None-Match
  std::string last_modified;  // from the previous fetch: sent as If-Modified-Since
  // The download fails beyond this many body bytes, and at once when the
  // Content-Length header announces more.
  uint64_t max_bytes = 512ull << 20;
  // Total tries for retryable failures: connection errors, timeouts, a
  // truncated body, HTTP 5xx, 408 and 429. Other 4xx fail at once.
  int attempts = 4;
  // Wait before the second try, doubled after each failure. A Retry-After
  // header in seconds replaces it (capped at one minute).
  std::chrono::milliseconds backoff{500};
  std::chrono::seconds connect_timeout{15};
  std::chrono::seconds read_timeout{60};  // a server silent this long fails the try
  std::string user_agent = "embargo/0.1 (+sanctions screening)";
};

struct FetchResult {
  bool not_modified = false;  // HTTP 304: nothing was written
  std::string etag;           // of the response (or the one sent, on 304)
  std::string last_modified;  // likewise
  std::string sha256;         // lowercase hex of the body; empty on 304
  uint64_t bytes = 0;         // body size; 0 on 304
  int attempts = 0;           // tries used, 1 when the first succeeded
  std::string final_url;      // after redirects
};

// Downloads `url` (http://, https:// or file://) to `dest`. The body streams
// into `dest` + ".part", is checked against Content-Length and max_bytes, then
// renamed over `dest`. On any failure `dest` is untouched and no ".part" is
// left. Redirects (301, 302, 303, 307, 308; at most 10) are followed. Errors
// read "<url>: <what went wrong>", e.g. "<url>: HTTP 404 Not Found" or
// "<url>: truncated: got 100 of 1000 bytes", with "(gave up after N
// attempts)" appended when more than one try was made.
//
// Known limit: cpp-httplib 0.11 percent-decodes response header values, so a
// redirect Location whose query holds %2F, %3D or %26 reaches the next server
// decoded (spaces and '+' are re-encoded).
Result<FetchResult> FetchToFile(const std::string& url, const std::filesystem::path& dest,
                                const FetchOptions& options);

}  // namespace embargo::store
