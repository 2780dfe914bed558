// The monitoring endpoints: the pure handlers over a fresh SQLite store that
// holds the UN list, four customers and the alerts a re-screen raised; then
// the same endpoints through a real server started with --store and no lists.
#include "service/alerts_handler.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "embargo/lists.h"
#include "service/alert_store.h"
#include "service/background_server.h"
#include "service/server.h"
#include "service/versions_handler.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/audit_head.h"
#include "store/customers.h"
#include "store/payment_cases.h"
#include "store/rescreen.h"
#include "store/store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::service {
namespace {

using testing::AlertStore;
using testing::Person;
using testing::UnList;

class AlertHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<AlertStore>();
    ASSERT_TRUE(store_->ok());
  }
  store::Database& db() { return store_->db(); }

  nlohmann::json List(const Params& params = {}) {
    Response r = HandleAlertList(db(), params, "ana");
    EXPECT_EQ(r.status, 200) << r.body.dump();
    return r.body;
  }
  // The id of Lee Won-ho's alert on RI WON HO (KPi.033).
  std::string LeeAlertId() {
    nlohmann::json body = List({{"customer", "c-lee"}});
    for (const auto& a : body["results"]) {
      if (a["entity_id"] == "un_sc_sanctions-KPi.033")
        return std::to_string(a["id"].get<int64_t>());
    }
    ADD_FAILURE() << "no alert for c-lee on KPi.033: " << body.dump();
    return "0";
  }
  // As the server calls it: `caller` is the user of the request's key.
  // `policy`: by default no score alone needs a second person (four-eyes
  // has its own tests below and in tests/store/four_eyes_test.cc).
  Response Decide(const std::string& id, const nlohmann::json& body,
                  const std::string& caller = "api", store::FourEyesPolicy policy = {2.0}) {
    return HandleAlertDecision(db(), id, body.dump(), caller, policy);
  }

  std::unique_ptr<AlertStore> store_;
};

TEST_F(AlertHandlerTest, ListReturnsTheLiveAlertsByScore) {
  EXPECT_GE(store_->first_report().opened, 1u);
  nlohmann::json body = List();
  EXPECT_EQ(body["limit"], 50);
  EXPECT_EQ(body["offset"], 0);
  const auto& results = body["results"];
  ASSERT_GE(results.size(), 2u) << body.dump();
  bool lee = false;
  double previous = 1e9;
  for (const auto& a : results) {
    for (const char* key : {"id", "customer", "entity_id", "score", "status", "explanation"}) {
      EXPECT_TRUE(a.contains(key)) << key << " in " << a.dump();
    }
    EXPECT_EQ(a["status"], "open");
    EXPECT_EQ(a["live"], true);
    ASSERT_TRUE(a["explanation"].is_object()) << a.dump();
    EXPECT_TRUE(a["explanation"]["matched_name"].is_string()) << a.dump();
    double score = a["score"].get<double>();
    EXPECT_LE(score, previous) << "not ordered by score: " << body.dump();
    previous = score;
    // The ordinary customers raise nothing.
    EXPECT_NE(a["customer"], "c-plain-1");
    EXPECT_NE(a["customer"], "c-plain-2");
    if (a["customer"] == "c-lee" && a["entity_id"] == "un_sc_sanctions-KPi.033") {
      lee = true;
      EXPECT_EQ(a["explanation"]["matched_name"], "RI WON HO");
      EXPECT_EQ(a["customer_name"], "Lee Won-ho");
      EXPECT_EQ(a["dataset"], "un_sc_sanctions");
    }
  }
  EXPECT_TRUE(lee) << body.dump();
  // Not all scores tie, so the order is really checked.
  EXPECT_GT(results.front()["score"].get<double>(), results.back()["score"].get<double>());
  EXPECT_EQ(results.size(), store_->first_report().opened);
}

TEST_F(AlertHandlerTest, ListFiltersByStatusAndCustomer) {
  size_t all = List()["results"].size();
  EXPECT_EQ(List({{"status", "open"}})["results"].size(), all);
  EXPECT_TRUE(List({{"status", "true_match"}})["results"].empty());

  nlohmann::json lee = List({{"customer", "c-lee"}});
  ASSERT_FALSE(lee["results"].empty());
  for (const auto& a : lee["results"]) EXPECT_EQ(a["customer"], "c-lee");
  EXPECT_TRUE(List({{"customer", "c-plain-1"}})["results"].empty());
  EXPECT_TRUE(List({{"customer", "nobody"}})["results"].empty());

  // After a true_match decision the status filter picks it out.
  std::string id = LeeAlertId();
  ASSERT_EQ(Decide(id, {{"status", "true_match"}, {"note", "same person"}}).status, 200);
  nlohmann::json matched = List({{"status", "true_match"}});
  ASSERT_EQ(matched["results"].size(), 1u) << matched.dump();
  EXPECT_EQ(std::to_string(matched["results"][0]["id"].get<int64_t>()), id);
  EXPECT_EQ(List({{"status", "open"}})["results"].size(), all - 1);
}

TEST_F(AlertHandlerTest, ListPagesWithLimitAndOffset) {
  nlohmann::json everything = List();
  const auto& all = everything["results"];
  ASSERT_GE(all.size(), 2u) << "need two alerts to page: " << everything.dump();
  std::vector<int64_t> ids;
  for (size_t offset = 0; offset < all.size(); ++offset) {
    nlohmann::json page = List({{"limit", "1"}, {"offset", std::to_string(offset)}});
    EXPECT_EQ(page["limit"], 1);
    EXPECT_EQ(page["offset"], offset);
    ASSERT_EQ(page["results"].size(), 1u) << page.dump();
    ids.push_back(page["results"][0]["id"].get<int64_t>());
  }
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(ids[i], all[i]["id"].get<int64_t>());
  EXPECT_TRUE(List({{"offset", std::to_string(all.size())}})["results"].empty());
}

TEST_F(AlertHandlerTest, BadPagingIsA400WithADetail) {
  for (const char* limit : {"0", "5000", "abc", "-1", ""}) {
    Response r = HandleAlertList(db(), {{"limit", limit}}, "ana");
    EXPECT_EQ(r.status, 400) << "limit=" << limit;
    ASSERT_TRUE(r.body.contains("detail")) << r.body.dump();
    EXPECT_NE(r.body["detail"].get<std::string>().find("limit"), std::string::npos)
        << r.body.dump();
  }
  for (const char* offset : {"-1", "abc"}) {
    Response r = HandleAlertList(db(), {{"offset", offset}}, "ana");
    EXPECT_EQ(r.status, 400) << "offset=" << offset;
    EXPECT_NE(r.body.value("detail", "").find("offset"), std::string::npos) << r.body.dump();
  }
}

TEST_F(AlertHandlerTest, OneAlertHasItsDecisions) {
  std::string id = LeeAlertId();
  Response r = HandleAlert(db(), id);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(std::to_string(r.body["id"].get<int64_t>()), id);
  EXPECT_EQ(r.body["customer"], "c-lee");
  EXPECT_EQ(r.body["entity_id"], "un_sc_sanctions-KPi.033");
  EXPECT_EQ(r.body["status"], "open");
  ASSERT_TRUE(r.body["decisions"].is_array()) << r.body.dump();
  EXPECT_TRUE(r.body["decisions"].empty());

  for (const char* unknown : {"999999", "abc", "0", "-3", "12abc", ""}) {
    Response missing = HandleAlert(db(), unknown);
    EXPECT_EQ(missing.status, 404) << "id '" << unknown << "'";
    EXPECT_TRUE(missing.body.contains("detail")) << missing.body.dump();
  }
}

TEST_F(AlertHandlerTest, FalsePositiveClosesTheAlert) {
  std::string id = LeeAlertId();
  Response r = Decide(
      id, {{"status", "false_positive"}, {"note", "different person"}, {"analyst", "ana"}}, "ana");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["status"], "false_positive");
  EXPECT_EQ(r.body["live"], false);
  EXPECT_FALSE(r.body["closed_at"].is_null());
  EXPECT_EQ(r.body["closed_reason"], "decided false positive");
  ASSERT_EQ(r.body["decisions"].size(), 1u) << r.body.dump();
  EXPECT_EQ(r.body["decisions"][0]["analyst"], "ana");
  EXPECT_EQ(r.body["decisions"][0]["status"], "false_positive");
  EXPECT_EQ(r.body["decisions"][0]["note"], "different person");

  // GET agrees; the live list no longer holds it, all=true does.
  Response again = HandleAlert(db(), id);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["live"], false);
  EXPECT_EQ(again.body["decisions"].size(), 1u);
  auto has = [&](const nlohmann::json& body) {
    for (const auto& a : body["results"])
      if (std::to_string(a["id"].get<int64_t>()) == id) return true;
    return false;
  };
  EXPECT_FALSE(has(List()));
  EXPECT_TRUE(has(List({{"all", "true"}})));

  // A closed alert takes no more decisions.
  Response twice = Decide(id, {{"status", "true_match"}, {"note", "changed my mind"}});
  EXPECT_EQ(twice.status, 400);
  EXPECT_NE(twice.body.value("detail", "").find("closed"), std::string::npos) << twice.body.dump();
  EXPECT_EQ(HandleAlert(db(), id).body["decisions"].size(), 1u);
}

TEST_F(AlertHandlerTest, BadDecisionsAreRejected) {
  std::string id = LeeAlertId();
  auto expect_400 = [&](const std::string& body, const std::string& why) {
    Response r = HandleAlertDecision(db(), id, body, "api", {});
    EXPECT_EQ(r.status, 400) << why << ": " << r.body.dump();
    EXPECT_TRUE(r.body.contains("detail")) << why;
  };
  expect_400("{not json", "bad JSON");
  expect_400("", "empty body");
  expect_400(R"(["false_positive", "note"])", "not an object");
  expect_400(R"({"status": "false_positive"})", "missing note");
  expect_400(R"({"status": "false_positive", "note": ""})", "empty note");
  expect_400(R"({"status": "maybe", "note": "hmm"})", "bad status");
  expect_400(R"({"note": "no status"})", "missing status");
  expect_400(R"({"status": "true_match", "note": 7})", "note not a string");
  expect_400(R"({"status": "true_match", "note": "x", "analyst": ["ana"]})",
             "analyst not a string");

  // Nothing was recorded.
  Response r = HandleAlert(db(), id);
  EXPECT_EQ(r.body["status"], "open");
  EXPECT_TRUE(r.body["decisions"].empty());

  // Unknown alerts are 404, whatever the body.
  EXPECT_EQ(Decide("999999", {{"status", "true_match"}, {"note", "x"}}).status, 404);
  EXPECT_EQ(Decide("abc", {{"status", "true_match"}, {"note", "x"}}).status, 404);
}

// Four-eyes over HTTP: a false positive on strong evidence answers 202 and
// leaves the alert open, saying who waits for whom; its analyst cannot
// review it; another user's approval closes it.
TEST_F(AlertHandlerTest, AStrongFalsePositiveIs202UntilAnotherUserApproves) {
  std::string id = LeeAlertId();
  const double score = HandleAlert(db(), id).body["score"].get<double>();
  Response r = Decide(id, {{"status", "false_positive"}, {"note", "a namesake"}}, "ana",
                      store::FourEyesPolicy{score});
  ASSERT_EQ(r.status, 202) << r.body.dump();
  EXPECT_EQ(r.body["status"], "open");
  EXPECT_EQ(r.body["live"], true);
  EXPECT_EQ(r.body["pending_review"]["status"], "false_positive");
  EXPECT_EQ(r.body["pending_review"]["analyst"], "ana");
  EXPECT_EQ(r.body["pending_review"]["waiting_for"], "a reviewer other than ana");
  EXPECT_TRUE(r.body["decisions"][0]["review"]["reviewer"].is_null()) << r.body.dump();
  EXPECT_EQ(r.body["decisions"][0]["review"]["state"], "pending");
  EXPECT_EQ(List({{"pending", "true"}})["results"].size(), 1u);

  Response own = HandleAlertReview(db(), id, R"({"approve": true, "note": "fine"})", "ana");
  EXPECT_EQ(own.status, 403) << own.body.dump();
  EXPECT_NE(own.body.value("detail", "").find("cannot review it"), std::string::npos);
  EXPECT_EQ(HandleAlertReview(db(), id, R"({"approve": "yes", "note": "x"})", "rev").status, 400);
  EXPECT_EQ(HandleAlertReview(db(), id, R"({"approve": true})", "rev").status, 400)
      << "a review needs a note";
  EXPECT_EQ(HandleAlertReview(db(), "999999", R"({"approve": true, "note": "x"})", "rev").status,
            404);

  Response approved =
      HandleAlertReview(db(), id, R"({"approve": true, "note": "born 1990, not 1964"})", "rev");
  ASSERT_EQ(approved.status, 200) << approved.body.dump();
  EXPECT_EQ(approved.body["status"], "false_positive");
  EXPECT_EQ(approved.body["live"], false);
  EXPECT_TRUE(approved.body["pending_review"].is_null());
  EXPECT_EQ(approved.body["decisions"][0]["review"]["state"], "approved");
  EXPECT_EQ(approved.body["decisions"][0]["review"]["reviewer"], "rev");
  Response nothing = HandleAlertReview(db(), id, R"({"approve": true, "note": "x"})", "rev");
  EXPECT_EQ(nothing.status, 400) << nothing.body.dump();
}

// Issue 17: an ordinary key posting {"analyst": "ceo"} was recorded as
// "ceo". The analyst is the key's user; the body may only repeat it.
TEST_F(AlertHandlerTest, TheBodyCannotNameAnotherAnalyst) {
  std::string id = LeeAlertId();
  Response r = Decide(id, {{"status", "false_positive"}, {"note", "trust me"}, {"analyst", "ceo"}},
                      "intern");
  EXPECT_EQ(r.status, 403) << r.body.dump();
  EXPECT_EQ(r.body["detail"],
            "a decision is recorded under the key's user ('intern'); the body cannot name another "
            "analyst ('ceo')");
  Response alert = HandleAlert(db(), id);
  EXPECT_EQ(alert.body["status"], "open");
  EXPECT_TRUE(alert.body["decisions"].empty());
}

TEST_F(AlertHandlerTest, TrueMatchKeepsItLiveAndTheCallerIsTheAnalyst) {
  std::string id = LeeAlertId();
  // An empty analyst is the caller too.
  Response escalated = Decide(
      id, {{"status", "escalated"}, {"note", "ask compliance"}, {"analyst", ""}}, "api-default");
  ASSERT_EQ(escalated.status, 200) << escalated.body.dump();
  EXPECT_EQ(escalated.body["status"], "escalated");
  ASSERT_EQ(escalated.body["decisions"].size(), 1u);
  EXPECT_EQ(escalated.body["decisions"][0]["analyst"], "api-default");

  // A live alert takes further decisions.
  Response r = Decide(id, {{"status", "true_match"}, {"note", "same person, same birth date"}},
                      "api-default");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["status"], "true_match");
  EXPECT_EQ(r.body["live"], true);
  EXPECT_TRUE(r.body["closed_at"].is_null());
  ASSERT_EQ(r.body["decisions"].size(), 2u);
  EXPECT_EQ(r.body["decisions"][1]["analyst"], "api-default");
  EXPECT_EQ(r.body["decisions"][1]["status"], "true_match");

  // Stepping back from a true match, even to "escalated", is a reversal:
  // it waits for a reviewer (202) and the alert stays a true match.
  Response back = Decide(id, {{"status", "escalated"}, {"note", "not so sure"}}, "api-default");
  ASSERT_EQ(back.status, 202) << back.body.dump();
  EXPECT_EQ(back.body["status"], "true_match");
  EXPECT_EQ(back.body["pending_review"]["status"], "escalated");
  // While it waits, another decision conflicts with the alert's state.
  Response again = Decide(id, {{"status", "false_positive"}, {"note", "x"}}, "api-default");
  EXPECT_EQ(again.status, 409) << again.body.dump();
  EXPECT_NE(again.body["detail"].get<std::string>().find("waits for a reviewer"),
            std::string::npos);
}

TEST_F(AlertHandlerTest, FalsePositiveFeedsTheGoodGuyList) {
  std::string id = LeeAlertId();
  size_t live_before = List()["results"].size();
  ASSERT_EQ(
      Decide(id, {{"status", "false_positive"}, {"note", "different person"}, {"analyst", "ana"}},
             "ana")
          .status,
      200);
  store::RescreenReport full = store_->Rescreen(/*full=*/true);
  EXPECT_EQ(full.mode, "full");
  EXPECT_EQ(full.suppressed, 1u);
  EXPECT_EQ(full.opened, 0u);
  nlohmann::json lee = List({{"customer", "c-lee"}});
  for (const auto& a : lee["results"])
    EXPECT_NE(a["entity_id"], "un_sc_sanctions-KPi.033") << "reopened: " << lee.dump();
  EXPECT_EQ(List()["results"].size(), live_before - 1);
}

TEST_F(AlertHandlerTest, DecisionsAreInTheAuditLog) {
  std::string id = LeeAlertId();
  ASSERT_EQ(
      Decide(id, {{"status", "false_positive"}, {"note", "different person"}, {"analyst", "ana"}},
             "ana")
          .status,
      200);
  auto check = store::VerifyAudit(db());
  ASSERT_TRUE(check.ok()) << check.error().ToString();
  EXPECT_TRUE(check->ok()) << "row " << check->first_bad_seq << ": " << check->problem;
  int decide_rows = 0;
  Status walked = store::ForEachAudit(db(), [&](const store::AuditRow& row) -> Status {
    if (row.action != "alert.decide") return Status::Ok();
    ++decide_rows;
    EXPECT_EQ(row.subject, "alert " + id);
    EXPECT_EQ(row.actor, "ana");
    auto details = nlohmann::json::parse(row.details, nullptr, false);
    EXPECT_EQ(details.value("status", ""), "false_positive") << row.details;
    EXPECT_EQ(details.value("note", ""), "different person") << row.details;
    return Status::Ok();
  });
  ASSERT_TRUE(walked.ok()) << walked.error().ToString();
  EXPECT_EQ(decide_rows, 1);
}

using RunningServer = testing::BackgroundServer;

nlohmann::json Json(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

TEST(AlertServerTest, ServesTheAlertsAndListsOfItsStore) {
  AlertStore store;
  ASSERT_TRUE(store.ok());
  ServerOptions options;
  options.store = store.path();
  options.port = 0;
  options.threads = 2;
  RunningServer server(options);
  ASSERT_TRUE(server.ok());
  auto c = server.Client();

  auto list = c.Get("/alerts?customer=c-lee");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_NE(list->get_header_value("Content-Type").find("application/json"), std::string::npos);
  nlohmann::json alerts = Json(list);
  int64_t id = 0;
  for (const auto& a : alerts["results"])
    if (a["entity_id"] == "un_sc_sanctions-KPi.033") id = a["id"].get<int64_t>();
  ASSERT_GT(id, 0) << alerts.dump();

  auto decided = c.Post(fmt::format("/alerts/{}/decision", id),
                        R"({"status": "true_match", "note": "same person"})", "application/json");
  ASSERT_TRUE(decided);
  ASSERT_EQ(decided->status, 200) << decided->body;
  EXPECT_EQ(Json(decided)["status"], "true_match");

  auto one = c.Get(fmt::format("/alerts/{}", id));
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  nlohmann::json alert = Json(one);
  EXPECT_EQ(alert["status"], "true_match");
  ASSERT_EQ(alert["decisions"].size(), 1u) << alert.dump();
  // No keys file: a loopback client is the local administrator, "local".
  EXPECT_EQ(alert["decisions"][0]["analyst"], "local");
  EXPECT_EQ(alert["decisions"][0]["note"], "same person");

  // The server wrote to the same store the test reads, and published the
  // audit head after the decision: the chain's last row, beside the store.
  auto stored = store::GetAlert(store.db(), id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->status, "true_match");
  auto heads = store::ReadHeadFile(store.path() + ".audit-head");
  ASSERT_TRUE(heads.ok()) << heads.error().ToString();
  ASSERT_EQ(heads->size(), 1u);
  auto last = store.db().Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(heads->back().head.seq, last->front().Int(0));
  EXPECT_EQ(heads->back().head.hash, last->front().Text(1));
  EXPECT_EQ(heads->back().head.hmac, "");  // no audit key configured

  // The alert carries the customer's record beside the listed entity's id.
  EXPECT_EQ(alert["customer_record"]["names"], nlohmann::json::array({"Lee Won-ho"}));
  EXPECT_EQ(alert["customer_record"]["birth_dates"], nlohmann::json::array({"1964-07-17"}));

  // The audit trail over HTTP: the decision is the newest row, and the
  // chain and tables verify.
  auto audit = c.Get("/audit?limit=2");
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200) << audit->body;
  nlohmann::json rows = Json(audit)["results"];
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["action"], "alert.decide");
  EXPECT_EQ(rows[0]["actor"], "local");
  EXPECT_EQ(rows[0]["details"]["note"], "same person");
  EXPECT_FALSE(rows[0]["details"].contains("state")) << "the recorded state is left out";
  EXPECT_GT(rows[0]["seq"].get<int64_t>(), rows[1]["seq"].get<int64_t>());
  auto older = c.Get(fmt::format("/audit?limit=1&before={}", rows[0]["seq"].get<int64_t>()));
  ASSERT_TRUE(older);
  EXPECT_EQ(Json(older)["results"][0]["seq"], rows[1]["seq"]);
  EXPECT_EQ(c.Get("/audit?limit=0")->status, 400);
  auto verified = c.Post("/audit/verify", "", "application/json");
  ASSERT_TRUE(verified);
  ASSERT_EQ(verified->status, 200) << verified->body;
  EXPECT_EQ(Json(verified)["ok"], true) << verified->body;
  EXPECT_EQ(Json(verified)["rows"], rows[0]["seq"]);

  // The list versions the store holds, a version's diff, an entity's history.
  auto versions = c.Get("/versions");
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->status, 200) << versions->body;
  nlohmann::json held = Json(versions)["results"];
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["dataset"], "un_sc_sanctions");
  auto diff = c.Get(fmt::format("/versions/{}/diff", held[0]["id"].get<int64_t>()));
  ASSERT_TRUE(diff);
  ASSERT_EQ(diff->status, 200) << diff->body;
  EXPECT_EQ(Json(diff)["counts"]["added"], held[0]["entities"]);
  EXPECT_EQ(c.Get("/versions/999/diff")->status, 404);
  auto history = c.Get("/history/un_sc_sanctions-KPi.033");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->status, 200) << history->body;
  EXPECT_EQ(Json(history)["versions"][0]["state"], "added");
  EXPECT_EQ(c.Get("/history/not-an-entity")->status, 404);
  // Server paths are an admin's (this loopback client is one): others see
  // the file's name (a viewer saw the paths: a new user's trial).
  const std::string origin = held[0]["origin"];
  EXPECT_NE(origin.find('/'), std::string::npos) << origin;
  const nlohmann::json as_viewer = HandleVersions(store.db(), false).body["results"][0];
  EXPECT_EQ(as_viewer["origin"], origin.substr(origin.rfind('/') + 1));
  const nlohmann::json history_as_viewer =
      HandleEntityHistory(store.db(), "un_sc_sanctions-KPi.033", false).body;
  EXPECT_EQ(history_as_viewer.dump().find(origin), std::string::npos) << history_as_viewer.dump();

  auto bad = c.Post(fmt::format("/alerts/{}/decision", id), "{oops", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto missing = c.Get("/alerts/999999");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);

  // Screening runs on the lists the store holds (no --lists given).
  auto match = c.Post("/match/default", R"({"queries": {"q1": {"schema": "Person",
      "properties": {"name": ["Lee Won-ho"], "birthDate": ["1964-07-17"], "nationality": ["kp"]}}}})",
                      "application/json");
  ASSERT_TRUE(match);
  ASSERT_EQ(match->status, 200) << match->body;
  nlohmann::json q1 = Json(match)["responses"]["q1"];
  ASSERT_FALSE(q1["results"].empty()) << q1.dump();
  EXPECT_EQ(q1["results"][0]["id"], "un_sc_sanctions-KPi.033");
  EXPECT_EQ(q1["results"][0]["caption"], "RI WON HO");
}

TEST(AlertServerTest, WithoutAStoreTheAlertsAre404) {
  ServerOptions options;
  options.lists = {::embargo::testing::SharedData("un/consolidated-2026-02-27.xml")};
  options.port = 0;
  options.threads = 2;
  RunningServer server(options);
  ASSERT_TRUE(server.ok());
  auto c = server.Client();
  for (const char* path : {"/alerts", "/alerts/1"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_NE(Json(r).value("detail", "").find("--store"), std::string::npos) << r->body;
  }
  auto r =
      c.Post("/alerts/1/decision", R"({"status": "true_match", "note": "x"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(Json(r).value("detail", "").find("--store"), std::string::npos) << r->body;
}

// POST /payments/screen on a server with a store: a held message becomes a
// payment case (one per message, however often it is sent), and once the
// case is released as a false positive the same creditor no longer stops
// the payment.
TEST(AlertServerTest, PaymentsScreenOpensCasesThatAReleaseClears) {
  AlertStore store;
  ASSERT_TRUE(store.ok());
  ServerOptions options;
  options.store = store.path();
  options.port = 0;
  options.threads = 2;
  RunningServer server(options);
  ASSERT_TRUE(server.ok());
  auto c = server.Client();
  const std::string mt =
      "{1:F01AABSLKLXAXXX0000000000}{2:I103HANYUS33XXXXN}{4:\r\n:20:REF1\r\n:23B:CRED\r\n"
      ":32A:250922USD700,\r\n:50K:/100611002421\r\nOPTIMA TECHNOLOGIES LTD\r\n"
      ":59:/LK123456\r\nRI WON HO\r\n:71A:OUR\r\n-}";
  auto first = Json(c.Post("/payments/screen", mt, "text/plain"));
  ASSERT_EQ(first["decision"], "hold") << first.dump();
  int64_t case_id = first["messages"][0].value("case_id", int64_t{0});
  ASSERT_GT(case_id, 0) << first.dump();
  auto again = Json(c.Post("/payments/screen", mt, "text/plain"));
  EXPECT_EQ(again["messages"][0].value("case_id", int64_t{0}), case_id);

  auto held = store::GetPaymentCase(store.db(), case_id);
  ASSERT_TRUE(held.ok()) << held.error().ToString();
  EXPECT_EQ(held->status, "held");
  EXPECT_EQ(held->message_id, "REF1");
  auto released =
      store::DecidePaymentCase(store.db(), case_id, "released", "the importer's agent", "ana");
  ASSERT_TRUE(released.ok()) << released.error().ToString();
  // A name that matches in full: a second person approves (four-eyes).
  ASSERT_TRUE(released->pending.has_value());
  auto approved = store::ReviewPaymentCase(store.db(), case_id, true, "checked", "bo");
  ASSERT_TRUE(approved.ok()) << approved.error().ToString();

  auto after = Json(c.Post("/payments/screen", mt, "text/plain"));
  EXPECT_EQ(after["decision"], "pass") << after.dump();
  EXPECT_FALSE(after["messages"][0].contains("case_id"));
  ASSERT_GE(after["messages"][0]["cleared"].size(), 1u) << after.dump();
  EXPECT_EQ(after["messages"][0]["cleared"][0]["path"], ":59:");
  // Another beneficiary is not covered by that release.
  std::string other = mt;
  other.replace(other.find("RI WON HO"), 9, "YUN HO JIN");
  EXPECT_EQ(Json(c.Post("/payments/screen", other, "text/plain"))["decision"], "hold");

  auto check = store::VerifyAudit(store.db());
  ASSERT_TRUE(check.ok()) << check.error().ToString();
  EXPECT_TRUE(check->ok()) << "row " << check->first_bad_seq << ": " << check->problem;
}

}  // namespace
}  // namespace embargo::service
