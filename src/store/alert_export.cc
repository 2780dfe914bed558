#include "store/alert_export.h"

#include <fmt/format.h>

#include <algorithm>

namespace embargo::store {
namespace {

const std::vector<std::string>& Header() {
  static const std::vector<std::string> kHeader = {
      "alert_id",     "customer",    "customer_name", "entity_id",    "dataset",
      "list_version", "score",       "matched_name",  "alert_status", "state",
      "created_at",   "closed_at",   "closed_reason", "decision_id",  "decision_status",
      "analyst",      "decided_at",  "decision_note", "review_state", "review_reason",
      "reviewer",     "reviewed_at", "review_note"};
  return kHeader;
}

}  // namespace

std::vector<size_t> AlertExportNumericColumns() { return {0, 5, 6, 13}; }

Result<std::vector<std::vector<std::string>>> AlertExportTable(Database& db,
                                                               const AlertFilter& filter) {
  auto alerts = ListAlerts(db, filter);
  if (!alerts.ok()) return alerts.error();
  std::sort(alerts->begin(), alerts->end(),
            [](const Alert& a, const Alert& b) { return a.id < b.id; });
  std::vector<std::vector<std::string>> table = {Header()};
  for (const Alert& a : *alerts) {
    auto decisions = AlertDecisions(db, a.id);
    if (!decisions.ok()) return decisions.error();
    const std::vector<std::string> alert = {std::to_string(a.id),
                                            a.customer,
                                            a.customer_name,
                                            a.entity_id,
                                            a.dataset,
                                            std::to_string(a.version_id),
                                            fmt::format("{:.4f}", a.score),
                                            AlertMatchedName(a),
                                            a.status,
                                            AlertState(a),
                                            a.created_at,
                                            a.closed_at,
                                            a.closed_reason};
    if (decisions->empty()) {
      table.push_back(alert);
      table.back().resize(Header().size());
    }
    for (const Decision& d : *decisions) {
      std::vector<std::string> row = alert;
      row.insert(row.end(), {std::to_string(d.id), d.status, d.analyst, d.decided_at, d.note});
      if (d.review) {
        row.insert(row.end(), {d.review->state, d.review->reason, d.review->reviewer,
                               d.review->reviewed_at, d.review->note});
      }
      row.resize(Header().size());
      table.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace embargo::store
