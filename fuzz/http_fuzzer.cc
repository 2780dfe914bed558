// libFuzzer harness: the HTTP request path of `embargo serve` after the
// transport, without sockets: the request target's percent-decoding
// (service/request_target.h), the JSON body's shape check
// (service/json_body_check.h), /match and /search (HandleMatch,
// HandleSearch) on a small fixed snapshot, and the response and the
// request-log line made into JSON text (common/json_text.h), as
// service/server.cc does; an answer written as text (JsonWriter) is read
// back and must be JSON. The input's first line is the request target, the
// rest the body; the path picks the endpoint.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>

#include "common/json_text.h"
#include "embargo/lists.h"
#include "fuzz/fuzz_input.h"
#include "service/json_body_check.h"
#include "service/match_handler.h"
#include "service/request_target.h"
#include "service/search_handler.h"

namespace embargo::fuzz {
namespace {

using service::Response;

// The snapshot every input is answered from, built once from the list the
// build names (tests/data/lists/rok-fsc-sample.csv).
const service::ServingSnapshot& Snapshot() {
  static const service::ServingSnapshot snapshot = [] {
    auto lists = LoadLists({EMBARGO_FUZZ_LIST});
    if (!lists.ok()) {
      std::cerr << lists.error().ToString() << "\n";
      std::abort();
    }
    service::ServingSnapshot s;
    s.screener = Screener::Build(std::move(lists).value());
    s.version = "fuzz";
    return s;
  }();
  return snapshot;
}

std::optional<Response> Answer(const service::RequestTarget& target, const std::string& body) {
  const service::Limits limits;
  constexpr std::string_view kMatch = "/match/", kSearch = "/search/";
  std::string_view path = target.path;
  if (path.starts_with(kMatch)) {
    if (auto refused = service::CheckJsonBody(body, limits)) return refused;
    std::string dataset(path.substr(kMatch.size()));
    return service::HandleMatch(Snapshot(), dataset, target.params, body, limits);
  }
  if (path.starts_with(kSearch)) {
    std::string dataset(path.substr(kSearch.size()));
    return service::HandleSearch(Snapshot(), dataset, target.params);
  }
  return std::nullopt;
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  embargo::fuzz::Snapshot();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  std::vector<std::string_view> lines = SplitParts(Bytes(data, size), 2, "\n");
  std::string body = lines.size() > 1 ? std::string(lines[1]) : std::string();
  auto target = embargo::service::ParseRequestTarget(lines[0]);
  if (!target.ok()) return 0;
  std::optional<Response> response = Answer(*target, body);
  if (response) {
    // An answer written as text must read back as JSON (parse throws, and
    // the fuzzer reports it, if the writer ever produced anything else).
    if (!response->text.empty()) {
      nlohmann::json parsed = nlohmann::json::parse(response->text);
      (void)parsed;
    } else {
      embargo::JsonText(response->body);
    }
  }
  // The request log line, as `serve --log-queries` writes it.
  embargo::JsonText({{"path", target->path},
                     {"q", embargo::service::Param(target->params, "q")},
                     {"body", body}});
  return 0;
}
