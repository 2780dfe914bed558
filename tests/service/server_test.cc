// End to end: a real server on loopback (port chosen by the OS) over a copy
// of two reference lists, driven by an HTTP client with yente-shaped requests.
#include "service/server.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "common/sha256.h"
#include "service/auth.h"
#include "service/background_server.h"
#include "service/openapi.h"
#include "test_paths.h"

namespace embargo::service {
namespace {

namespace fs = std::filesystem;
using testing::BackgroundServer;

constexpr char kUserKey[] = "user-key-0123456789abcdef";
constexpr char kAdminKey[] = "admin-key-0123456789abcdef";
constexpr char kViewerKey[] = "viewer-key-0123456789abcdef";

// A server in a background thread over its own copy of the lists, so tests
// can corrupt a file and reload.
class RunningServer {
 public:
  explicit RunningServer(bool with_keys)
      : dir_(fs::temp_directory_path() /
             fs::path("embargo_server_test_" + std::to_string(::getpid()) +
                      (with_keys ? "_keys" : ""))) {
    fs::create_directories(dir_ / "lists");
    fs::copy_file(embargo::testing::SharedData("un/consolidated-2026-02-27.xml"),
                  dir_ / "lists/un.xml", fs::copy_options::overwrite_existing);
    fs::copy_file(embargo::testing::TestData("lists/rok-fsc-sample.csv"), dir_ / "lists/rok.csv",
                  fs::copy_options::overwrite_existing);
    ServerOptions options;
    options.lists = {(dir_ / "lists").string()};
    options.port = 0;
    options.threads = 4;
    if (with_keys) {
      std::ofstream keys(dir_ / "keys");
      keys << "# test keys\nuser " << Sha256Hex(kUserKey) << "\nadmin " << Sha256Hex(kAdminKey)
           << " root@bank\nviewer " << Sha256Hex(kViewerKey) << " vic\n";
      options.api_keys_path = (dir_ / "keys").string();
    }
    running_ = std::make_unique<BackgroundServer>(options);
  }
  ~RunningServer() {
    running_.reset();
    fs::remove_all(dir_);
  }
  httplib::Client Client() const { return running_->Client(); }
  const fs::path& dir() const { return dir_; }
  Server& server() { return running_->server(); }

 private:
  fs::path dir_;
  std::unique_ptr<BackgroundServer> running_;
};

nlohmann::json Json(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

const char kYenteExample[] = R"({
  "queries": {
    "q1": {"schema": "Person", "properties": {"name": ["Lee Won-ho"], "birthDate": ["1964-07-17"], "nationality": ["kp"]}},
    "q2": {"schema": "Company", "properties": {"name": "Korea Example Trading Corp"}}
  }
})";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new RunningServer(false); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static RunningServer* server_;
};
RunningServer* ServerTest::server_ = nullptr;

TEST_F(ServerTest, MatchAnswersAYenteShapedRequest) {
  auto c = server_->Client();
  auto r = c.Post("/match/default?limit=3", kYenteExample, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("x-batch-size"), "2");
  auto body = Json(r);
  EXPECT_EQ(body["limit"], 3);
  const auto& q1 = body["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty());
  EXPECT_EQ(q1["results"][0]["id"], "un_sc_sanctions-KPi.033");
  EXPECT_EQ(q1["results"][0]["caption"], "RI WON HO");
  EXPECT_EQ(q1["results"][0]["match"], true);
  EXPECT_TRUE(q1["results"][0]["explanations"].contains("name_match"));
  EXPECT_GE(q1["total"]["value"].get<int>(), 1);
  EXPECT_EQ(q1["query"]["schema"], "Person");
  EXPECT_EQ(body["responses"]["q2"]["results"][0]["id"], "kr_fsc_sample-FSC-0002");
}

TEST_F(ServerTest, PaymentsScreenTakesARawMtMessage) {
  auto c = server_->Client();
  std::string mt =
      "{1:F01AABSLKLXAXXX0000000000}{2:I103HANYUS33XXXXN}{4:\r\n:20:REF1\r\n:23B:CRED\r\n"
      ":32A:250922USD700,\r\n:50K:/100611002421\r\nRI WON HO PYONGYANG DPRK\r\n"
      ":59:/LK123456\r\nLNM\r\n:71A:OUR\r\n-}";
  auto r = c.Post("/payments/screen", mt, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto body = Json(r);
  EXPECT_EQ(body["decision"], "hold");
  std::set<std::string> hits;
  for (const auto& hit : body["messages"][0]["hits"]) {
    hits.insert(hit["path"].get<std::string>() + " " + hit["kind"].get<std::string>() + " " +
                hit["text"].get<std::string>());
  }
  EXPECT_EQ(hits, (std::set<std::string>{":50K: party_name RI WON HO", ":50K: place PYONGYANG",
                                         ":50K: place DPRK"}))
      << r->body;
  auto bad = c.Post("/payments/screen", "not a message", "text/plain");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, MatchHonoursDatasetScopeAndExclusions) {
  auto c = server_->Client();
  auto only_un = Json(c.Post("/match/un_sc_sanctions", kYenteExample, "application/json"));
  EXPECT_TRUE(only_un["responses"]["q2"]["results"].empty());
  auto excluded = Json(c.Post("/match/default?exclude_entity_ids=un_sc_sanctions-KPi.033",
                              kYenteExample, "application/json"));
  for (const auto& r : excluded["responses"]["q1"]["results"])
    EXPECT_NE(r["id"], "un_sc_sanctions-KPi.033");
  auto unknown = c.Post("/match/nope", kYenteExample, "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ServerTest, AKnownPathAskedWithAnotherMethodIsA405) {
  auto c = server_->Client();
  auto get = c.Get("/match/default");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  EXPECT_EQ(Json(get)["detail"], "method GET is not allowed on /match/default: use POST");
  auto unknown = c.Get("/nowhere");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ServerTest, EveryReadEndpointAnswers) {
  auto c = server_->Client();
  EXPECT_EQ(Json(c.Get("/healthz"))["status"], "ok");
  auto ready = Json(c.Get("/readyz"));
  EXPECT_EQ(ready["status"], "ok");
  EXPECT_GT(ready["entities"].get<int>(), 1000);
  auto catalog_response = c.Get("/catalog");
  auto catalog = Json(catalog_response);
  EXPECT_TRUE(catalog.contains("datasets"));
  std::string etag = catalog_response->get_header_value("ETag");
  EXPECT_EQ(etag, "\"" + ready["index_version"].get<std::string>() + "\"");
  auto unchanged = c.Get("/catalog", {{"If-None-Match", etag}});
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
  EXPECT_EQ(unchanged->get_header_value("ETag"), etag);
  EXPECT_EQ(c.Get("/catalog", {{"If-None-Match", "\"stale\""}})->status, 200);
  EXPECT_EQ(Json(c.Get("/algorithms"))["best"], "embargo-v1");
  auto entity = Json(c.Get("/entities/un_sc_sanctions-KPi.055"));
  EXPECT_EQ(entity["caption"], "HAN JANG SU");
  auto missing = c.Get("/entities/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto search = Json(c.Get("/search/default?q=KOMID"));
  ASSERT_FALSE(search["results"].empty());
  EXPECT_EQ(search["results"][0]["id"], "un_sc_sanctions-KPe.001");
  auto metrics = c.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("embargo_requests_total{endpoint=\"/healthz\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("embargo_index_age_seconds"), std::string::npos);
}

TEST_F(ServerTest, OpenApiDocumentDescribesExactlyTheServedRoutes) {
  auto c = server_->Client();
  auto doc = Json(c.Get("/openapi.json"));
  std::set<std::pair<std::string, std::string>> documented, served;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert({upper, path});
    }
  }
  for (const auto& route : ServerRoutes()) served.insert(route);
  EXPECT_EQ(documented, served);
}

TEST_F(ServerTest, BadRequestsGetTheDocumented4xxAndTheServerStaysUp) {
  auto c = server_->Client();
  struct Case {
    std::string body;
    int status;
    std::string detail;
  };
  std::string thousand = R"({"queries":{)";
  for (int i = 0; i < 1000; ++i)
    thousand += (i ? "," : "") +
                fmt::format(R"("q{}":{{"schema":"Person","properties":{{"name":["x"]}}}})", i);
  thousand += "}}";
  const Case cases[] = {
      {"{not json", 400,
       "request body:1:3: invalid JSON: syntax error while parsing object key - invalid literal; "
       "last read: '{no'; expected string literal"},
      {R"({"queries": []})", 400, "request body must be an object with a 'queries' object"},
      {R"({"queries": {"a": {"schema": "Person", "properties": {"name": [true]}}}})", 400,
       "query 'a': property 'name' must be a string or a list of strings"},
      {R"({"queries": {"a": {"schema": "Person", "properties": {"name": ["x"]}}}, "config": {"foo": 1}})",
       400,
       "Unknown config key: foo (embargo-v1 takes no config: its constants and features are "
       "fixed, GET /algorithms lists them)"},
      {R"({"queries": {"a": {"schema": "Person", "properties": {"name": ["x"]}}}, "weights": {"bogus": 1}})",
       400,
       "Unknown weights key: bogus (embargo-v1 takes no weights: its constants and features are "
       "fixed, GET /algorithms lists them)"},
      {R"({"queries": {}})", 400, "No queries provided"},
      {thousand, 400, "Too many queries: 1000, at most 100 per request"},
  };
  for (const Case& k : cases) {
    auto r = c.Post("/match/default", k.body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, k.status) << k.body.substr(0, 80);
    EXPECT_EQ(Json(r)["detail"], k.detail);
  }
  auto bad_limit = c.Post("/match/default?limit=0", kYenteExample, "application/json");
  EXPECT_EQ(Json(bad_limit)["detail"], "limit must be an integer in [1, 500]");
  std::string huge(10 << 20, 'x');
  auto too_big = c.Post("/match/default", huge, "application/json");
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  EXPECT_EQ(Json(c.Get("/healthz"))["status"], "ok");
}

TEST_F(ServerTest, AReloadWithACorruptedListKeepsServingTheOldIndex) {
  auto c = server_->Client();
  std::string before = Json(c.Get("/readyz"))["index_version"];
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // versions carry seconds
  auto ok = c.Post("/admin/reload?sync=true", "", "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  std::string after = Json(c.Get("/readyz"))["index_version"];
  EXPECT_NE(before, after);

  fs::path un = server_->dir() / "lists/un.xml";
  std::string saved;
  {
    std::ifstream in(un, std::ios::binary);
    saved.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(un, std::ios::binary | std::ios::trunc) << saved.substr(0, saved.size() / 2);
  auto failed = c.Post("/admin/reload?sync=true", "", "application/json");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 422);
  auto ready = Json(c.Get("/readyz"));
  EXPECT_EQ(ready["index_version"], after);
  EXPECT_EQ(ready["last_reload"]["ok"], false);
  EXPECT_NE(ready["last_reload"]["error"].get<std::string>().find("un.xml"), std::string::npos);
  auto still = Json(c.Post("/match/default", kYenteExample, "application/json"));
  EXPECT_EQ(still["responses"]["q1"]["results"][0]["id"], "un_sc_sanctions-KPi.033");
  std::ofstream(un, std::ios::binary | std::ios::trunc) << saved;
}

// A list cut short must not become the index served (issue 11): a reload
// whose lists shrank sharply, or lost a dataset, is refused until accepted.
TEST_F(ServerTest, AReloadWithAListCutShortIsRefusedUntilAccepted) {
  auto c = server_->Client();
  std::string serving = Json(c.Get("/readyz"))["index_version"];
  fs::path rok = server_->dir() / "lists/rok.csv";
  std::string saved;
  {
    std::ifstream in(rok, std::ios::binary);
    saved.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Two of three records: 33.3 % fewer, past the 20 % default.
  std::string cut = saved.substr(0, saved.rfind("FSC-0003"));
  std::ofstream(rok, std::ios::binary | std::ios::trunc) << cut;
  auto refused = c.Post("/admin/reload?sync=true", "", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(Json(refused)["detail"].get<std::string>().find(
                "kr_fsc_sample has 2 entities, 33.3 % fewer than the 3 of its previous version"),
            std::string::npos)
      << refused->body;
  EXPECT_NE(Json(refused)["detail"].get<std::string>().find("accept_shrink=true"),
            std::string::npos);
  EXPECT_EQ(Json(c.Get("/readyz"))["index_version"], serving);
  auto vessel = c.Get("/entities/kr_fsc_sample-FSC-0003");  // the record cut off
  ASSERT_TRUE(vessel);
  EXPECT_EQ(vessel->status, 200) << vessel->body;

  // A dataset gone altogether is refused too.
  fs::remove(rok);
  auto missing = c.Post("/admin/reload?sync=true", "", "application/json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 422);
  EXPECT_NE(
      Json(missing)["detail"].get<std::string>().find("kr_fsc_sample (3 entities) is missing"),
      std::string::npos)
      << missing->body;

  std::ofstream(rok, std::ios::binary | std::ios::trunc) << cut;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // versions carry seconds
  auto accepted = c.Post("/admin/reload?sync=true&accept_shrink=true", "", "application/json");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_NE(Json(c.Get("/readyz"))["index_version"], serving);
  // The acceptance was for that reload only: the next one compares with
  // the two records now served, and the full file passes.
  std::ofstream(rok, std::ios::binary | std::ios::trunc) << saved;
  auto restored = c.Post("/admin/reload?sync=true", "", "application/json");
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->status, 200) << restored->body;
}

TEST(ServerAuthTest, KeysAreCheckedAndAdminEndpointsNeedAnAdminKey) {
  RunningServer server(true);
  auto c = server.Client();
  auto none = c.Post("/match/default", kYenteExample, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "ApiKey");
  httplib::Headers wrong = {{"Authorization", "ApiKey not-a-key"}};
  EXPECT_EQ(c.Post("/match/default", wrong, kYenteExample, "application/json")->status, 401);
  httplib::Headers user = {{"Authorization", std::string("ApiKey ") + kUserKey}};
  EXPECT_EQ(c.Post("/match/default", user, kYenteExample, "application/json")->status, 200);
  auto forbidden = c.Post("/admin/reload?sync=true", user, "", "application/json");
  EXPECT_EQ(forbidden->status, 403);
  EXPECT_EQ(Json(forbidden)["detail"], "this endpoint needs an admin key");
  httplib::Headers admin = {{"Authorization", std::string("ApiKey ") + kAdminKey}};
  auto reloaded = c.Post("/admin/reload?sync=true", admin, "", "application/json");
  ASSERT_TRUE(reloaded);
  EXPECT_EQ(reloaded->status, 200);
  auto health = c.Get("/healthz");  // probes need no key
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(ServerAuthTest, AViewerKeyCannotDecideAlerts) {
  RunningServer server(true);
  auto c = server.Client();
  httplib::Headers viewer = {{"Authorization", std::string("ApiKey ") + kViewerKey}};
  EXPECT_EQ(c.Post("/match/default", viewer, kYenteExample, "application/json")->status, 200);
  auto decided = c.Post("/alerts/1/decision", viewer,
                        R"({"status": "false_positive", "note": "not him"})", "application/json");
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, 403);
  EXPECT_EQ(Json(decided)["detail"],
            "deciding an alert needs the analyst role; the key of 'vic' has the viewer role");
  httplib::Headers analyst = {{"Authorization", std::string("ApiKey ") + kUserKey}};
  auto reviewed =
      c.Post("/alerts/1/review", analyst, R"({"approve": true, "note": "ok"})", "application/json");
  ASSERT_TRUE(reviewed);
  EXPECT_EQ(reviewed->status, 403);
  EXPECT_NE(Json(reviewed)["detail"].get<std::string>().find(
                "reviewing another's decision needs the reviewer role"),
            std::string::npos)
      << reviewed->body;
  auto admin_path = c.Post("/admin/reload?sync=true", viewer, "", "application/json");
  EXPECT_EQ(admin_path->status, 403);
}

// The workbench page loads without a key (it holds no data and asks for
// one), under a content security policy that allows nothing from elsewhere;
// what it calls needs a key as any client's call does.
TEST(ServerAuthTest, TheWorkbenchLoadsWithoutAKeyAndItsApiCallsNeedOne) {
  RunningServer server(true);
  auto c = server.Client();
  auto page = c.Get("/ui");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<script type=\"module\" src=\"/ui/app.js\"></script>"),
            std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  // "/ui/" is the same page (a 401 without a key, a 404 with one: a new
  // user's trial); it names its icon, so browsers ask for no /favicon.ico.
  auto slash = c.Get("/ui/");
  ASSERT_TRUE(slash);
  EXPECT_EQ(slash->status, 200);
  EXPECT_EQ(slash->body, page->body);
  EXPECT_NE(page->body.find("<link rel=\"icon\""), std::string::npos);
  // The page's script modules import each other by relative path.
  for (const char* file : {"/ui/app.js", "/ui/core.js", "/ui/login.js", "/ui/screen.js",
                           "/ui/alerts.js", "/ui/lists.js", "/ui/audit.js", "/ui/app.css"}) {
    auto asset = c.Get(file);
    ASSERT_TRUE(asset);
    EXPECT_EQ(asset->status, 200) << file;
    EXPECT_GT(asset->body.size(), 1000u) << file;
    if (std::string_view(file).ends_with(".js")) {
      EXPECT_EQ(asset->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    }
  }
  // Assets come from a table compiled in, never from a file path.
  EXPECT_NE(c.Get("/ui/../keys")->status, 200);
  EXPECT_NE(c.Get("/ui/..%2Fkeys")->status, 200);
  EXPECT_EQ(c.Get("/ui/missing.js")->status, 404);
  EXPECT_EQ(c.Get("/whoami")->status, 401);

  httplib::Headers viewer = {{"Authorization", std::string("ApiKey ") + kViewerKey}};
  auto who = c.Get("/whoami", viewer);
  ASSERT_TRUE(who);
  ASSERT_EQ(who->status, 200) << who->body;
  EXPECT_EQ(Json(who),
            (nlohmann::json{{"user", "vic"}, {"role", "viewer"}, {"monitoring", false}}));
  auto audit = c.Get("/audit", viewer);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->status, 403);
  EXPECT_EQ(Json(audit)["detail"],
            "reading the audit trail needs the reviewer role; the key of 'vic' has the viewer "
            "role");
  httplib::Headers admin = {{"Authorization", std::string("ApiKey ") + kAdminKey}};
  auto off = c.Get("/audit", admin);
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 404) << "no store: " << off->body;
}

TEST(ServerAuthTest, OnlyAdminsSeeServerPathsInReadyzAndNobodyInTheCatalog) {
  RunningServer server(true);
  auto c = server.Client();
  httplib::Headers user = {{"Authorization", std::string("ApiKey ") + kUserKey}};
  httplib::Headers admin = {{"Authorization", std::string("ApiKey ") + kAdminKey}};
  fs::path un = server.dir() / "lists/un.xml";
  std::string saved;
  {
    std::ifstream in(un, std::ios::binary);
    saved.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(un, std::ios::binary | std::ios::trunc) << saved.substr(0, saved.size() / 2);
  EXPECT_EQ(c.Post("/admin/reload?sync=true", admin, "", "application/json")->status, 422);
  std::ofstream(un, std::ios::binary | std::ios::trunc) << saved;

  for (const httplib::Headers& caller : {httplib::Headers{}, user}) {
    auto ready = Json(c.Get("/readyz", caller));
    EXPECT_EQ(ready["last_reload"]["ok"], false);
    EXPECT_FALSE(ready["last_reload"].contains("error")) << ready.dump();
    EXPECT_FALSE(ready.contains("datasets"));
  }
  auto ready = Json(c.Get("/readyz", admin));
  EXPECT_NE(ready["last_reload"]["error"].get<std::string>().find("un.xml"), std::string::npos);
  ASSERT_EQ(ready["datasets"].size(), 2u);
  EXPECT_EQ(ready["datasets"][0]["path"].get<std::string>().rfind(server.dir().string(), 0), 0u);
  for (const httplib::Headers& caller : {user, admin}) {
    auto catalog = c.Get("/catalog", caller);
    ASSERT_TRUE(catalog);
    EXPECT_EQ(catalog->status, 200);
    EXPECT_EQ(catalog->body.find(server.dir().string()), std::string::npos);
  }
}

// Polls /readyz until the current snapshot's cross-list links are made.
bool CrossLinksBecomeReady(httplib::Client& c) {
  for (int i = 0; i < 1200; ++i) {  // 2 min: generous for sanitizer builds
    if (Json(c.Get("/readyz"))["cross_links_ready"] == true) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(ServerCrossLinksTest, AreMadeInTheBackgroundAfterLoadAndAfterEachReload) {
  ServerOptions options;
  options.lists = {embargo::testing::SharedData("un/consolidated-2026-02-27.xml"),
                   embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  options.port = 0;
  BackgroundServer running(options);
  ASSERT_TRUE(running.ok());
  Server& server = running.server();
  httplib::Client c = running.Client();

  // No /entities request has been made: the reload worker made the links.
  EXPECT_TRUE(CrossLinksBecomeReady(c));
  // /readyz says exactly what the OpenAPI document says it says.
  nlohmann::json ready = Json(c.Get("/readyz"));
  const nlohmann::json& schema = OpenApiDocument()["components"]["schemas"]["Readiness"];
  for (const auto& [key, value] : ready.items())
    EXPECT_TRUE(schema["properties"].contains(key)) << key;
  for (const auto& key : schema["required"]) EXPECT_TRUE(ready.contains(key)) << key;
  auto first = server.snapshot();
  EXPECT_TRUE(first->cross_links->computed());

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // versions carry seconds
  ASSERT_TRUE(server.ReloadNow().ok());
  auto second = server.snapshot();
  ASSERT_NE(first->version, second->version);
  EXPECT_NE(first->cross_links.get(), second->cross_links.get());  // a reload starts afresh
  EXPECT_TRUE(CrossLinksBecomeReady(c));
  EXPECT_TRUE(second->cross_links->computed());
  // The illustrative Korean entry has no UN counterpart, and no UN record's
  // name comes close enough to be named as its closest (0.28).
  auto entity = Json(c.Get("/entities/kr_fsc_sample-FSC-0001"));
  ASSERT_EQ(entity["xref"]["unlinked"].size(), 1u) << entity["xref"].dump(1);
  const nlohmann::json& unlinked = entity["xref"]["unlinked"][0];
  EXPECT_EQ(unlinked["reason"], "no_candidate") << unlinked.dump(1);
  EXPECT_TRUE(unlinked["closest"].is_null()) << unlinked.dump(1);
  EXPECT_EQ(unlinked["why"],
            "no un_sc_sanctions record's name comes within 0.50 (the closest scores 0.28)");
}

TEST(ServerTlsTest, ServesHttpsWithACertificateAndRejectsAHalfConfiguration) {
  fs::path dir = fs::temp_directory_path() / ("embargo_tls_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " +
      (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << "openssl is needed to make a test certificate";
  ServerOptions options;
  options.lists = {embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  options.port = 0;
  options.tls_cert_path = (dir / "cert.pem").string();
  options.tls_key_path = (dir / "key.pem").string();
  {
    BackgroundServer running(options);
    ASSERT_TRUE(running.ok());
    httplib::SSLClient client("127.0.0.1", running.port());
    client.enable_server_certificate_verification(false);
    auto r = client.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }

  ServerOptions half = options;
  half.tls_key_path.clear();
  Server half_server(half);
  Status loaded = half_server.Load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().ToString(), "TLS needs both --tls-cert and --tls-key");
  fs::remove_all(dir);
}

TEST(ApiKeysTest, KeysFileErrorsNameTheLine) {
  auto path = fs::temp_directory_path() / ("embargo_keys_test_" + std::to_string(::getpid()));
  auto error = [&](const std::string& second_line) {
    std::ofstream(path) << "user " << Sha256Hex("x") << "\n" << second_line << "\n";
    auto keys = ApiKeys::Load(path.string());
    return keys.ok() ? std::string("loaded") : keys.error().ToString();
  };
  EXPECT_EQ(error("root abc"),
            path.string() + ":2: unknown role 'root': expected viewer, analyst, reviewer or admin");
  EXPECT_EQ(error("admin " + Sha256Hex("y") + " ana extra"),
            path.string() +
                ":2: expected '<role> <sha256-hex> [<user>]' (make one with: embargo keys hash KEY "
                "--role ROLE --user NAME)");
  EXPECT_EQ(error("admin " + Sha256Hex("y") + " ana/root"),
            path.string() + ":2: user name 'ana/root' must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
  EXPECT_EQ(error("admin " + Sha256Hex("x") + " ana"),
            path.string() + ":2: this key is listed twice");
  fs::remove(path);
}

TEST(ApiKeysTest, AKeyNamesItsUserAndRole) {
  auto path = fs::temp_directory_path() / ("embargo_keys_users_" + std::to_string(::getpid()));
  std::ofstream(path) << "# bank keys\nuser " << Sha256Hex("old-style-key") << "\nreviewer "
                      << Sha256Hex("rita-key") << " rita@bank.example\nviewer "
                      << Sha256Hex("vic-key") << " vic\n";
  auto keys = ApiKeys::Load(path.string());
  fs::remove(path);
  ASSERT_TRUE(keys.ok()) << keys.error().ToString();
  auto holder = [&](const std::string& header) {
    auto h = keys->Authenticate(header);
    return h ? h->user + "/" + std::string(RoleName(h->role)) : std::string("none");
  };
  EXPECT_EQ(holder("ApiKey rita-key"), "rita@bank.example/reviewer");
  EXPECT_EQ(holder("apikey vic-key"), "vic/viewer");
  EXPECT_EQ(holder("ApiKey old-style-key"),
            "key:" + Sha256Hex("old-style-key").substr(0, 8) + "/analyst");
  EXPECT_EQ(holder("ApiKey rita"), "none");
  EXPECT_EQ(holder("Bearer rita-key"), "none");
}

}  // namespace
}  // namespace embargo::service
