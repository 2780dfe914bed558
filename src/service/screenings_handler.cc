#include "service/screenings_handler.h"

#include <fmt/format.h>

#include <variant>

#include "common/strings.h"
#include "model/calendar.h"
#include "store/screening_certificate.h"
#include "store/screenings.h"

namespace embargo::service {
namespace {

bool SeesEveryone(const KeyHolder& caller) { return caller.role >= Role::kReviewer; }

}  // namespace

Response HandleScreeningList(store::Database& db, const Params& params, const KeyHolder& caller) {
  store::ScreeningFilter filter;
  filter.actor = Param(params, "actor");
  filter.kind = Param(params, "kind");
  filter.since = Param(params, "since");
  if (!filter.since.empty() && !IsIsoDayOrTime(filter.since)) {
    return ErrorResponse(400, fmt::format("since: '{}' is not a date (YYYY-MM-DD) or a time "
                                          "(YYYY-MM-DDTHH:MM[:SS])",
                                          filter.since));
  }
  filter.search = Param(params, "q");
  if (!SeesEveryone(caller)) {
    if (!filter.actor.empty() && filter.actor != caller.user) {
      return ErrorResponse(403, fmt::format("{} sees their own screenings only: another's need "
                                            "the reviewer role",
                                            caller.user));
    }
    filter.actor = caller.user;
  }
  if (!filter.kind.empty() && filter.kind != "name" && filter.kind != "batch" &&
      filter.kind != "payment") {
    return ErrorResponse(400,
                         fmt::format("kind '{}': expected name, batch or payment", filter.kind));
  }
  auto limit = ParseNumber<int64_t>(Param(params, "limit", "100"));
  if (!limit || *limit < 1 || *limit > 1000) {
    return ErrorResponse(400, "limit must be a number from 1 to 1000");
  }
  filter.limit = static_cast<size_t>(*limit);
  if (std::string before = Param(params, "before"); !before.empty()) {
    auto n = ParseNumber<int64_t>(before);
    if (!n || *n < 1) return ErrorResponse(400, "before must be a record id >= 1");
    filter.before_id = *n;
  }
  auto records = store::ListScreenings(db, filter);
  if (!records.ok()) return ErrorResponse(500, records.error().ToString());
  Response r;
  r.body = {{"results", nlohmann::json::array()}, {"limit", *limit}};
  for (const store::ScreeningRecord& record : *records) {
    r.body["results"].push_back(store::ScreeningJson(record));
  }
  return r;
}

namespace {

// Record `id` when `caller` may see it; otherwise the answer (404, 500).
std::variant<store::ScreeningRecord, Response> VisibleRecord(store::Database& db,
                                                             const std::string& id,
                                                             const KeyHolder& caller) {
  auto n = ParseNumber<int64_t>(id);
  auto not_found = ErrorResponse(404, fmt::format("Screening not found: {}", id));
  if (!n || *n < 1) return not_found;
  auto record = store::GetScreening(db, *n);
  if (!record.ok()) return ErrorResponse(500, record.error().ToString());
  if (!*record || (!SeesEveryone(caller) && (*record)->actor != caller.user)) return not_found;
  return std::move(**record);
}

}  // namespace

Response HandleScreening(store::Database& db, const std::string& id, const KeyHolder& caller) {
  auto record = VisibleRecord(db, id, caller);
  if (auto* refused = std::get_if<Response>(&record)) return *refused;
  Response r;
  r.body = store::ScreeningJson(std::get<store::ScreeningRecord>(record));
  return r;
}

Response HandleScreeningCertificate(store::Database& db, const std::string& id,
                                    const KeyHolder& caller) {
  auto record = VisibleRecord(db, id, caller);
  if (auto* refused = std::get_if<Response>(&record)) return *refused;
  auto page = store::ScreeningCertificate(db, std::get<store::ScreeningRecord>(record));
  if (!page.ok()) return ErrorResponse(500, page.error().ToString());
  return HtmlReportResponse(std::move(*page));
}

}  // namespace embargo::service
