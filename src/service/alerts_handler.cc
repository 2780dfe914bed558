#include "service/alerts_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "common/json_parse.h"
#include "common/strings.h"
#include "store/alerts.h"

namespace embargo::service {
namespace {

std::optional<int64_t> AlertId(const std::string& id) {
  auto n = ParseNumber<int64_t>(id);
  if (!n || *n <= 0) return std::nullopt;
  return n;
}

// A POST about one alert: the alert and the body, a JSON object.
struct AlertPost {
  store::Alert alert;
  nlohmann::json body;
};

// The alert `id` names and the parsed body, or the answer refusing them
// (404 no such alert; 400 a body that is no JSON object, `shape` saying
// what it should be).
std::variant<AlertPost, Response> ReadAlertPost(store::Database& db, const std::string& id,
                                                const std::string& body, const char* shape) {
  auto n = AlertId(id);
  if (!n) return ErrorResponse(404, fmt::format("Alert not found: {}", id));
  auto alert = store::GetAlert(db, *n);
  if (!alert.ok()) return ErrorResponse(404, fmt::format("Alert not found: {}", id));
  Result<nlohmann::json> parsed = ParseJson(body, "request body");
  if (!parsed.ok()) return ErrorResponse(400, parsed.error().ToString());
  if (!parsed->is_object()) {
    return ErrorResponse(400, fmt::format("body must be a JSON object: {}", shape));
  }
  return AlertPost{std::move(*alert), std::move(*parsed)};
}

}  // namespace

Response HandleAlertList(store::Database& db, const Params& params, const std::string& caller) {
  store::AlertFilter filter;
  filter.status = Param(params, "status");
  filter.customer = Param(params, "customer");
  auto all = BoolParam(params, "all");
  auto pending = BoolParam(params, "pending");
  auto brief = BoolParam(params, "brief");
  for (const Result<bool>* flag : {&all, &pending, &brief}) {
    if (!flag->ok()) return ErrorResponse(400, flag->error().message);
  }
  filter.include_closed = *all;
  filter.pending_review = *pending;
  if (params.count("assignee") > 0) {
    filter.assignee = store::AssigneeNamed(Param(params, "assignee"), caller);
  }
  if (std::string days = Param(params, "older_than_days"); !days.empty()) {
    auto n = ParseNumber<int64_t>(days);
    if (!n || *n < 0 || *n > 36500) {
      return ErrorResponse(400, "older_than_days must be a number of days from 0 to 36500");
    }
    filter.created_before = store::UtcDaysAgo(*n);
  }
  const std::vector<std::string>& statuses = store::AlertStatuses();
  if (!filter.status.empty() &&
      std::find(statuses.begin(), statuses.end(), filter.status) == statuses.end()) {
    return ErrorResponse(400, fmt::format("status '{}': expected open, escalated, true_match or "
                                          "false_positive",
                                          filter.status));
  }
  auto limit = ParseNumber<int64_t>(Param(params, "limit", "50"));
  auto offset = ParseNumber<int64_t>(Param(params, "offset", "0"));
  if (!limit || *limit < 1 || *limit > 1000) {
    return ErrorResponse(400, "limit must be a number from 1 to 1000");
  }
  if (!offset || *offset < 0) return ErrorResponse(400, "offset must be a number >= 0");
  filter.limit = *limit;
  filter.offset = *offset;
  auto alerts = store::ListAlerts(db, filter);
  if (!alerts.ok()) return ErrorResponse(500, alerts.error().ToString());
  Response r;
  r.body = {{"results", nlohmann::json::array()}, {"limit", *limit}, {"offset", *offset}};
  for (const store::Alert& a : *alerts) {
    r.body["results"].push_back(*brief ? store::AlertSummaryJson(a) : store::AlertToJson(a));
  }
  return r;
}

Response HandleAlert(store::Database& db, const std::string& id) {
  auto n = AlertId(id);
  if (!n) return ErrorResponse(404, fmt::format("Alert not found: {}", id));
  auto alert = store::GetAlert(db, *n);
  if (!alert.ok()) return ErrorResponse(404, fmt::format("Alert not found: {}", id));
  auto decisions = store::AlertDecisions(db, *n);
  if (!decisions.ok()) return ErrorResponse(500, decisions.error().ToString());
  Response r;
  r.body = store::AlertToJson(*alert, *decisions);
  // The customer's record as it was screened, beside the listed entity.
  auto record = db.QueryValue("SELECT record FROM customers WHERE id = ?", {alert->customer_id});
  if (!record.ok()) return ErrorResponse(500, record.error().ToString());
  nlohmann::json fields = nlohmann::json::parse(record->value_or("null"), nullptr, false);
  r.body["customer_record"] = fields.is_discarded() ? nlohmann::json() : fields;
  return r;
}

Response HandleAlertDecision(store::Database& db, const std::string& id, const std::string& body,
                             const std::string& caller, const store::FourEyesPolicy& policy) {
  auto post = ReadAlertPost(db, id, body, "{\"status\", \"note\", \"analyst\"}");
  if (auto* refused = std::get_if<Response>(&post)) return *refused;
  const nlohmann::json& json = std::get<AlertPost>(post).body;
  const int64_t alert_id = std::get<AlertPost>(post).alert.id;
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (!json.contains(key)) return std::string();
    if (!json[key].is_string()) return std::nullopt;
    return json[key].get<std::string>();
  };
  auto status = text("status"), note = text("note"), analyst = text("analyst");
  if (!status || !note || !analyst) {
    return ErrorResponse(400, "status, note and analyst must be strings");
  }
  if (!analyst->empty() && *analyst != caller) {
    return ErrorResponse(403, fmt::format("a decision is recorded under the key's user ('{}'); "
                                          "the body cannot name another analyst ('{}')",
                                          caller, *analyst));
  }
  // Past the decision's own fields (400), in DecideAlert's order: an alert
  // waiting for a reviewer is a conflict with its state (409), another
  // analyst's alert a permission refusal (403). DecideAlert checks them
  // again inside its transaction.
  const store::Alert& alert = std::get<AlertPost>(post).alert;
  int refused = 400;
  if (!store::DecisionFieldsProblem(*status, *note)) {
    if (alert.pending) {
      refused = 409;
    } else if (!alert.assignee.empty() && alert.assignee != caller) {
      refused = 403;
    }
  }
  auto decided = store::DecideAlert(db, alert_id, *status, *note, caller, policy);
  if (!decided.ok()) return ErrorResponse(refused, decided.error().message);
  Response r = HandleAlert(db, id);
  if (r.status == 200 && decided->pending) r.status = 202;
  return r;
}

Response HandleAlertReview(store::Database& db, const std::string& id, const std::string& body,
                           const std::string& caller) {
  constexpr const char* kShape = "{\"approve\": true or false, \"note\"}";
  auto post = ReadAlertPost(db, id, body, kShape);
  if (auto* refused = std::get_if<Response>(&post)) return *refused;
  const store::Alert* alert = &std::get<AlertPost>(post).alert;
  const nlohmann::json& json = std::get<AlertPost>(post).body;
  if (!json.contains("approve") || !json["approve"].is_boolean() ||
      (json.contains("note") && !json["note"].is_string())) {
    return ErrorResponse(400, fmt::format("body must be a JSON object: {}", kShape));
  }
  if (alert->pending && alert->pending->analyst == caller) {
    return ErrorResponse(403, fmt::format("{} made decision {} and cannot review it: four-eyes "
                                          "needs a reviewer other than its analyst",
                                          caller, alert->pending->decision_id));
  }
  auto reviewed = store::ReviewDecision(db, alert->id, json["approve"].get<bool>(),
                                        json.value("note", std::string()), caller);
  if (!reviewed.ok()) return ErrorResponse(400, reviewed.error().message);
  return HandleAlert(db, id);
}

Response HandleAlertAssign(store::Database& db, const std::string& id, const std::string& body,
                           const KeyHolder& caller, const ApiKeys& keys) {
  constexpr const char* kShape = "{\"assignee\": a user, or null}";
  auto post = ReadAlertPost(db, id, body, kShape);
  if (auto* refused = std::get_if<Response>(&post)) return *refused;
  const store::Alert* alert = &std::get<AlertPost>(post).alert;
  const nlohmann::json& json = std::get<AlertPost>(post).body;
  if (!json.contains("assignee") || !(json["assignee"].is_string() || json["assignee"].is_null())) {
    return ErrorResponse(400, fmt::format("body must be a JSON object: {}", kShape));
  }
  std::string assignee = json["assignee"].is_null() ? "" : json["assignee"].get<std::string>();
  if (assignee == "me") assignee = caller.user;
  // An analyst takes alerts for themselves and gives back their own; handing
  // work to others, or taking it from them, is a reviewer's.
  const bool own = (assignee.empty() || assignee == caller.user) &&
                   (alert->assignee.empty() || alert->assignee == caller.user);
  if (!own && caller.role < Role::kReviewer) {
    return ErrorResponse(403, fmt::format("{} may assign alerts to themselves only: assigning "
                                          "them to others, or taking them from others, needs "
                                          "the reviewer role",
                                          caller.user));
  }
  if (!assignee.empty() && !keys.empty()) {
    std::optional<Role> role = keys.RoleOf(assignee);
    if (!role || *role < Role::kAnalyst) {
      return ErrorResponse(400, fmt::format("'{}' is no analyst: no API key with the analyst "
                                            "role or above is theirs",
                                            assignee));
    }
  }
  // Against whom the permission was checked: refused if another process
  // reassigned the alert since it was read.
  auto assigned = store::AssignAlert(db, alert->id, assignee, caller.user, alert->assignee);
  if (!assigned.ok()) return ErrorResponse(400, assigned.error().message);
  return HandleAlert(db, id);
}

}  // namespace embargo::service
