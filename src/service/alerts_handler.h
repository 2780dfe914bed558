// The monitoring endpoints (when the service runs with --store):
//   GET  /alerts?status=&customer=&all=true&limit=&offset=   live alerts (all: closed too)
//   GET  /alerts/{id}                                        one alert with its decisions
//   POST /alerts/{id}/decision {"status", "note", "analyst"} an analyst's decision
//   POST /alerts/{id}/review {"approve": bool, "note"}       a reviewer's four-eyes review
//   POST /alerts/{id}/assign {"assignee": user|"me"|null}    who works it
// Pure functions over a store connection; the caller serialises access to it
// (one Database is one connection).
#pragma once

#include <string>

#include "service/auth.h"
#include "service/http_types.h"
#include "store/database.h"
#include "store/four_eyes.h"

namespace embargo::service {

// 200 {"results": [alert...], "limit", "offset"}; 400 on a bad parameter.
// brief=true: each alert without its explanation, with its "matched_name"
// (a queue's rows: a fifth of the bytes). assignee=USER|me|none (me: the
// caller), older_than_days=N (opened more than N days ago).
Response HandleAlertList(store::Database& db, const Params& params, const std::string& caller);
// 200 the alert with "decisions" and "customer_record" (the customer's
// screening fields: names, schema, birth_dates, countries, id_numbers ...);
// 404 when there is no such alert.
Response HandleAlert(store::Database& db, const std::string& id);
// 200 the updated alert; 400 on a bad body or status, a missing note, or a
// closed alert; 404 when there is no such alert. The decision is recorded
// under `caller`, the user of the request's key; 403 when the body's
// "analyst" names anyone else (a client cannot act in another's name). A
// decision `policy` holds back answers 202 with the alert, its
// "pending_review" saying who waits for whom.
Response HandleAlertDecision(store::Database& db, const std::string& id, const std::string& body,
                             const std::string& caller, const store::FourEyesPolicy& policy);
// 200 the alert after `caller` approved or rejected its pending decision;
// 400 on a bad body, nothing pending or a closed alert; 403 when `caller`
// made the decision; 404 when there is no such alert. (The reviewer role is
// the server's check.)
Response HandleAlertReview(store::Database& db, const std::string& id, const std::string& body,
                           const std::string& caller);
// 200 the alert assigned to "assignee" ("me": the caller; null: nobody).
// An analyst assigns to themselves, or gives back their own; anything else
// needs the reviewer role (403). With keys, the assignee must hold one with
// the analyst role or above (400). 400 on a bad body or a closed alert; 404
// when there is no such alert.
Response HandleAlertAssign(store::Database& db, const std::string& id, const std::string& body,
                           const KeyHolder& caller, const ApiKeys& keys);

}  // namespace embargo::service
