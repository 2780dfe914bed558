// Alerts and their decisions as one table for auditors (`embargo alerts
// export`, CSV or .xlsx): a row per decision, the alert's columns repeated,
// and a row with empty decision columns for an alert nobody decided. A
// four-eyes review sits beside the decision it reviewed. Ordered by alert
// id, then decision id.
#pragma once

#include <string>
#include <vector>

#include "store/alerts.h"
#include "store/database.h"

namespace embargo::store {

// The header row, then the rows, of the alerts `filter` selects (its limit
// and offset apply to alerts, not rows).
Result<std::vector<std::vector<std::string>>> AlertExportTable(Database& db,
                                                               const AlertFilter& filter);

// 0-based columns of that table that hold numbers (ids, version, score).
std::vector<size_t> AlertExportNumericColumns();

}  // namespace embargo::store
