// Refuses a JSON request body whose shape would make its DOM costly, before
// anything builds one: nesting deeper than Limits::max_json_depth (400) or
// more values than Limits::max_json_nodes (413). One streaming (SAX) pass
// that keeps no values; a body that is not JSON passes, and the handler's
// own parse says what is wrong with it. Pure function; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "service/http_types.h"

namespace embargo::service {

// The error response for a body over a JSON shape limit, or nullopt.
std::optional<Response> CheckJsonBody(std::string_view body, const Limits& limits);

}  // namespace embargo::service
