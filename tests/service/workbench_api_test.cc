// The workbench's records over HTTP, on a real server with a store and API
// keys for two analysts, a reviewer and a viewer: every screening recorded
// under the key's user and shown to whom may see it; alerts assigned by
// role; the gap report over the served lists, the same as `embargo gaps`.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "common/sha256.h"
#include "service/alert_store.h"
#include "service/background_server.h"
#include "store/audit.h"
#include "xref/gaps.h"
#include "xref/xref.h"

namespace embargo::service {
namespace {

using testing::AlertStore;

nlohmann::json Json(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

// A server over the alert store, with a key per user: "<user>-key".
class WorkbenchApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_.ok());
    keys_ = store_.path() + ".keys";
    std::ofstream keys(keys_);
    keys << "analyst " << Sha256Hex("ana-key") << " ana\nanalyst " << Sha256Hex("bob-key")
         << " bob\nreviewer " << Sha256Hex("rev-key") << " rev\nviewer " << Sha256Hex("vic-key")
         << " vic\n";
    keys.close();
    ServerOptions options;
    options.store = store_.path();
    options.api_keys_path = keys_;
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<testing::BackgroundServer>(options);
    ASSERT_TRUE(server_->ok());
  }
  httplib::Result Get(const std::string& user, const std::string& path) {
    auto c = server_->Client();
    return c.Get(path, {{"Authorization", "ApiKey " + user + "-key"}});
  }
  httplib::Result Post(const std::string& user, const std::string& path, const std::string& body,
                       const char* type = "application/json") {
    auto c = server_->Client();
    return c.Post(path, {{"Authorization", "ApiKey " + user + "-key"}}, body, type);
  }
  int64_t LeeAlert() {
    nlohmann::json alerts = Json(Get("rev", "/alerts?customer=c-lee"));
    for (const auto& a : alerts["results"]) {
      if (a["entity_id"] == "un_sc_sanctions-KPi.033") return a["id"].get<int64_t>();
    }
    ADD_FAILURE() << alerts.dump();
    return 0;
  }

  AlertStore store_;
  std::string keys_;
  std::unique_ptr<testing::BackgroundServer> server_;
};

TEST_F(WorkbenchApiTest, EveryScreeningIsRecordedUnderTheKeysUser) {
  auto matched = Post("ana", "/match/default", R"({"queries": {
      "lee": {"schema": "Person", "properties": {"name": ["Lee Won-ho"],
              "birthDate": ["1964-07-17"], "nationality": ["kp"]}},
      "plain": {"schema": "Person", "properties": {"name": ["Margarethe Vollenweider"]}}}})");
  ASSERT_TRUE(matched);
  ASSERT_EQ(matched->status, 200) << matched->body;
  const std::string mt =
      "{1:F01AABSLKLXAXXX0000000000}{2:I103HANYUS33XXXXN}{4:\r\n:20:REF9\r\n:23B:CRED\r\n"
      ":32A:250922USD700,\r\n:50K:/100611002421\r\nOPTIMA TECHNOLOGIES LTD\r\n"
      ":59:/LK123456\r\nRI WON HO\r\n:71A:OUR\r\n-}";
  auto paid = Post("bob", "/payments/screen", mt, "text/plain");
  ASSERT_TRUE(paid);
  ASSERT_EQ(Json(paid)["decision"], "hold") << paid->body;

  // An analyst sees their own records, newest first, flushed on reading.
  nlohmann::json own = Json(Get("ana", "/screenings"));
  ASSERT_EQ(own["results"].size(), 2u) << own.dump();
  std::map<std::string, nlohmann::json> by_key;
  for (const auto& r : own["results"]) {
    EXPECT_EQ(r["actor"], "ana");
    EXPECT_EQ(r["channel"], "api");
    EXPECT_EQ(r["kind"], "name");
    by_key[r["subject"]["key"].get<std::string>()] = r;
  }
  const nlohmann::json& lee = by_key["lee"];
  EXPECT_EQ(lee["outcome"], "alert");
  EXPECT_EQ(lee["subject"]["properties"]["name"][0], "Lee Won-ho");
  EXPECT_EQ(lee["result"]["candidates"][0]["id"], "un_sc_sanctions-KPi.033");
  EXPECT_EQ(lee["result"]["candidates"][0]["match"], true);
  EXPECT_EQ(lee["versions"]["un_sc_sanctions"]["source"], "un_sc_sanctions@1");
  EXPECT_EQ(by_key["plain"]["outcome"], "clear");

  // Another's records: refused below the reviewer role.
  auto others = Get("ana", "/screenings?actor=bob");
  ASSERT_TRUE(others);
  EXPECT_EQ(others->status, 403) << others->body;
  nlohmann::json everyone = Json(Get("rev", "/screenings"));
  ASSERT_EQ(everyone["results"].size(), 3u) << everyone.dump();
  nlohmann::json payment = everyone["results"][0];
  EXPECT_EQ(payment["actor"], "bob");
  EXPECT_EQ(payment["kind"], "payment");
  EXPECT_EQ(payment["outcome"], "alert");
  EXPECT_EQ(payment["subject"]["id"], "REF9");
  EXPECT_GT(payment["result"]["case_id"].get<int64_t>(), 0);
  EXPECT_EQ(payment["result"]["threshold"], 0.8);  // what it was screened at
  // A since that is no day: 2026-13-01 was read as one (a new user's trial).
  EXPECT_EQ(Get("rev", "/screenings?since=2026-13-01")->status, 400);
  const std::string bobs = fmt::format("/screenings/{}", payment["id"].get<int64_t>());
  EXPECT_EQ(Get("ana", bobs)->status, 404);
  EXPECT_EQ(Json(Get("rev", bobs))["subject"]["id"], "REF9");
  EXPECT_EQ(Json(Get("rev", "/screenings?kind=payment"))["results"].size(), 1u);
  EXPECT_EQ(Json(Get("rev", "/screenings?q=Vollenweider"))["results"].size(), 1u);
  EXPECT_EQ(Get("rev", "/screenings?kind=bogus")->status, 400);
  // A since that is no date was read as one that passes nothing (200, no results).
  EXPECT_EQ(Get("rev", "/screenings?since=garbage")->status, 400);
  EXPECT_EQ(Json(Get("rev", "/screenings?since=2000-01-01T00:00:00Z"))["results"].size(),
            everyone["results"].size());

  // Each record has its certificate, for whoever may see the record.
  const std::string own_certificate =
      fmt::format("/screenings/{}/certificate", lee["id"].get<int64_t>());
  auto certificate = Get("ana", own_certificate);
  ASSERT_TRUE(certificate);
  ASSERT_EQ(certificate->status, 200) << certificate->body;
  EXPECT_EQ(certificate->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(certificate->body.find("by ana · through the HTTP API"), std::string::npos);
  EXPECT_NE(certificate->body.find("(RI WON HO)"), std::string::npos);
  EXPECT_EQ(Get("bob", own_certificate)->status, 404);

  // The records are in the audit trail: verify recomputes their batches.
  nlohmann::json verified = Json(Post("rev", "/audit/verify", ""));
  EXPECT_EQ(verified["ok"], true) << verified.dump();
  EXPECT_EQ(verified["rows_checked"]["screenings"], 3) << verified.dump();
}

TEST_F(WorkbenchApiTest, AnAnalystTakesAlertsAReviewerHandsThemOut) {
  const int64_t id = LeeAlert();
  const std::string assign = fmt::format("/alerts/{}/assign", id);
  auto taken = Post("ana", assign, R"({"assignee": "me"})");
  ASSERT_TRUE(taken);
  ASSERT_EQ(taken->status, 200) << taken->body;
  EXPECT_EQ(Json(taken)["assignee"], "ana");
  EXPECT_EQ(Json(taken)["assigned_by"], "ana");

  // Bob can neither take it from her nor decide it.
  EXPECT_EQ(Post("bob", assign, R"({"assignee": "bob"})")->status, 403);
  auto decided = Post("bob", fmt::format("/alerts/{}/decision", id),
                      R"({"status": "escalated", "note": "x"})");
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, 403) << "a permission refusal, as taking it is";
  EXPECT_NE(decided->body.find("is assigned to ana"), std::string::npos) << decided->body;
  // A decision that is wrong in itself is a bad request, whose alert it is.
  auto bogus =
      Post("bob", fmt::format("/alerts/{}/decision", id), R"({"status": "bogus", "note": "x"})");
  ASSERT_TRUE(bogus);
  EXPECT_EQ(bogus->status, 400) << bogus->body;
  // A viewer may not assign at all; nobody may be handed work without the
  // analyst role.
  EXPECT_EQ(Post("vic", assign, R"({"assignee": "me"})")->status, 403);
  auto to_viewer = Post("rev", assign, R"({"assignee": "vic"})");
  ASSERT_TRUE(to_viewer);
  EXPECT_EQ(to_viewer->status, 400) << to_viewer->body;
  EXPECT_EQ(Post("rev", assign, R"({"assignee": 7})")->status, 400);

  auto handed = Post("rev", assign, R"({"assignee": "bob"})");
  ASSERT_TRUE(handed);
  ASSERT_EQ(handed->status, 200) << handed->body;
  nlohmann::json bobs = Json(Get("bob", "/alerts?assignee=me"));
  ASSERT_EQ(bobs["results"].size(), 1u) << bobs.dump();
  EXPECT_EQ(bobs["results"][0]["id"], id);
  nlohmann::json unassigned = Json(Get("bob", "/alerts?assignee=none&limit=1000"));
  for (const auto& a : unassigned["results"]) EXPECT_NE(a["id"], id);
  EXPECT_TRUE(Json(Get("bob", "/alerts?older_than_days=1"))["results"].empty());
  EXPECT_EQ(Get("bob", "/alerts?older_than_days=soon")->status, 400);

  // Bob gives it back; the audit trail names who did what.
  ASSERT_EQ(Post("bob", assign, R"({"assignee": null})")->status, 200);
  nlohmann::json rows = Json(Get("rev", "/audit?limit=3"))["results"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["action"], "alert.unassign");
  EXPECT_EQ(rows[0]["actor"], "bob");
  EXPECT_EQ(rows[1]["action"], "alert.assign");
  EXPECT_EQ(rows[1]["actor"], "rev");
  EXPECT_EQ(rows[1]["details"]["assignee"], "bob");
  EXPECT_EQ(rows[1]["details"]["previous"], "ana");
}

// A store that refuses the records: the service stops screening (503) once
// the backlog is full, rather than screen what it cannot record, and
// screens again once the records are written.
TEST(ScreeningBacklogTest, TheServiceFailsClosedWhileTheStoreRefusesItsRecords) {
  AlertStore store;
  ASSERT_TRUE(store.ok());
  ServerOptions options;
  options.store = store.path();
  options.port = 0;
  options.threads = 2;
  options.screening_backlog = 1;
  testing::BackgroundServer server(options);
  ASSERT_TRUE(server.ok());
  auto c = server.Client();
  const std::string query =
      R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}}})";
  ASSERT_TRUE(store.db().Exec("ALTER TABLE screenings RENAME TO screenings_away").ok());
  auto first = c.Post("/match/default", query, "application/json");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200) << "screened; its record waits";
  auto refused = c.Post("/match/default", query, "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503) << refused->body;
  EXPECT_NE(refused->body.find("1 screening records wait for the store"), std::string::npos)
      << refused->body;
  auto metrics = c.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("embargo_screening_records_queued 1\n"), std::string::npos);

  ASSERT_TRUE(store.db().Exec("ALTER TABLE screenings_away RENAME TO screenings").ok());
  nlohmann::json records = Json(c.Get("/screenings"));  // flushes the backlog first
  ASSERT_EQ(records["results"].size(), 1u) << records.dump();
  auto again = c.Post("/match/default", query, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
}

TEST(GapsApiTest, TheReportOverTheServedListsIsTheCommandsReport) {
  const std::vector<std::string> files = {
      ::embargo::testing::SharedData("un/consolidated-2026-02-27.xml"),
      ::embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  ServerOptions options;
  options.lists = files;
  options.port = 0;
  options.threads = 2;
  testing::BackgroundServer server(options);
  ASSERT_TRUE(server.ok());
  auto c = server.Client();

  auto lists = LoadLists(files);
  ASSERT_TRUE(lists.ok());
  xref::GapReport expected =
      xref::BuildGapReport(*lists, xref::LinkLists(*lists), {.regime = "DPRK"});
  auto got = c.Get("/gaps?regime=dprk&explain=false");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(Json(got), xref::GapReportToJson(expected));
  EXPECT_FALSE(expected.targets.empty());

  auto html = c.Get("/gaps?regime=DPRK&format=html&explain=false");
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(html->body.find("<html"), std::string::npos);
  auto csv = c.Get("/gaps?regime=DPRK&format=csv&explain=false");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body, xref::GapReportToCsv(expected));

  auto bad = c.Get("/gaps?regime=atlantis");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("unknown regime 'atlantis'"), std::string::npos) << bad->body;
  EXPECT_EQ(c.Get("/gaps?format=pdf")->status, 400);
}

}  // namespace
}  // namespace embargo::service
