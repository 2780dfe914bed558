// The request target of an HTTP request ("/search/default?q=Lee%20Won-ho")
// read into a percent-decoded path and query parameters. A path or a
// parameter that decodes to bytes that are not UTF-8 is an Error whose
// message is the 400 detail the client sees. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "embargo/status.h"
#include "service/http_types.h"

namespace embargo::service {

struct RequestTarget {
  std::string path;  // percent-decoded ('+' stays '+')
  Params params;     // percent-decoded, '+' read as a space; "a" alone is a="" (as cpp-httplib did)
};

// Decodes `target` (origin form: path, then an optional '?' and query). A
// '%' not followed by two hex digits is kept as it is.
Result<RequestTarget> ParseRequestTarget(std::string_view target);

}  // namespace embargo::service
