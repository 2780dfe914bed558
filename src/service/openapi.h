// The service's OpenAPI 3.0 description, served at GET /openapi.json: every
// route, its parameters, bodies and responses, and the API-key scheme
// (header "Authorization: ApiKey <key>"). Built once, immutable; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace embargo::service {

const nlohmann::json& OpenApiDocument();

// (method, path template) of every operation in the document, method in
// upper case: ("POST", "/match/{dataset}"). For comparison with the routes
// the server registers.
std::vector<std::pair<std::string, std::string>> DocumentedRoutes();

}  // namespace embargo::service
