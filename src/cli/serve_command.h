// `embargo serve` (the HTTP service) and `embargo keys hash` (a line for the
// API keys file).
#pragma once

#include <iosfwd>
#include <string>

#include "service/server.h"

namespace embargo::cli {

int RunServe(service::ServerOptions options, const std::string& listen, std::ostream& out,
             std::ostream& err);
int RunKeysHash(const std::string& key, const std::string& role, const std::string& user,
                std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
