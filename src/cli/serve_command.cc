#include "cli/serve_command.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <ostream>

#include "common/sha256.h"
#include "service/auth.h"

namespace embargo::cli {

int RunServe(service::ServerOptions options, const std::string& listen, std::ostream& out,
             std::ostream& err) {
  size_t colon = listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    std::from_chars(listen.data() + colon + 1, listen.data() + listen.size(), port);
    options.host = listen.substr(0, colon);
  }
  if (port < 0 || port > 65535 || options.host.empty()) {
    err << "embargo serve: bad --listen '" << listen << "': expected HOST:PORT\n";
    return 2;
  }
  options.port = port;
  service::Server server(options);
  Status loaded = server.Load();
  if (!loaded.ok()) {
    err << "embargo serve: " << loaded.error().ToString() << '\n';
    return 1;
  }
  auto bound = server.Bind();
  if (!bound.ok()) {
    err << "embargo serve: " << bound.error().ToString() << '\n';
    return 1;
  }
  {
    // Scoped: holding the snapshot here would keep it alive past a reload.
    auto snapshot = server.snapshot();
    out << fmt::format("embargo serving {} entities (index {}) on {}://{}:{}/\n",
                       snapshot->screener->lists().entities.size(), snapshot->version,
                       options.tls_cert_path.empty() ? "http" : "https", options.host, *bound);
  }
  // With keys, the example carries the header a key goes in (without it
  // the hint answered 401: a new user's trial).
  out << fmt::format(
             "  try: curl -s -X POST '{}://{}:{}/match/default'{} -H 'Content-Type: "
             "application/json' "
             "-d '{{\"queries\":{{\"q1\":{{\"schema\":\"Person\",\"properties\":{{\"name\":[\"Lee "
             "Won-ho\"]}}}}}}}}'\n",
             options.tls_cert_path.empty() ? "http" : "https", options.host, *bound,
             options.api_keys_path.empty() ? "" : " -H 'Authorization: ApiKey YOUR_KEY'")
      << std::flush;
  Status run = server.Run();
  if (!run.ok()) {
    err << "embargo serve: " << run.error().ToString() << '\n';
    return 1;
  }
  return 0;
}

int RunKeysHash(const std::string& key, const std::string& role, const std::string& user,
                std::ostream& out, std::ostream& err) {
  std::optional<service::Role> parsed = service::ParseRole(role);
  if (!parsed) {
    err << "embargo keys hash: --role must be viewer, analyst, reviewer or admin\n";
    return 2;
  }
  if (!user.empty() && !service::ValidUserName(user)) {
    err << "embargo keys hash: --user must be 1 to 64 of A-Z a-z 0-9 . _ @ -\n";
    return 2;
  }
  if (key.size() < 16) {
    err << "embargo keys hash: use a key of at least 16 characters\n";
    return 2;
  }
  out << service::RoleName(*parsed) << ' ' << Sha256Hex(key) << (user.empty() ? "" : " ") << user
      << '\n';
  return 0;
}

}  // namespace embargo::cli
