// The screening records (store/screenings.h) of what the engine returns: a
// name's matches and a payment message's screening, so the service and the
// CLI record them alike. The caller fills who, when, where and against which
// versions (`base`); these fill kind, subject, outcome and result. Pure
// functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "payments/payment_screener.h"
#include "store/screenings.h"

namespace embargo::store {

// [{"id", "caption", "schema", "dataset", "score", "match", "matched_name"}],
// in rank order.
nlohmann::json CandidatesJson(const std::vector<Match>& matches);

// A name query: `subject` is the query as read (schema and properties);
// outcome "alert" when a match is at or above the threshold, else "clear";
// "not_screened" with `error` when the query had no usable name. The result:
// {"threshold", "candidates", "warnings"[, "error"]}.
ScreeningRecord NameScreeningRecord(ScreeningRecord base, nlohmann::json subject,
                                    const std::vector<Match>& matches, double threshold,
                                    const std::vector<std::string>& warnings,
                                    const std::string& error = "");

// A payment message: subject {"type", "id", "uetr", "amount", "currency",
// "file", "line", "digest"}; outcome "alert" when held, else "clear"; the
// result {"decision", "hits": [{"path", "kind", "text", "score", "entity"}],
// "cleared": n, "case_id"}.
ScreeningRecord PaymentScreeningRecord(ScreeningRecord base, const payments::Message& message,
                                       const payments::Screening& screening, int64_t case_id);

}  // namespace embargo::store
