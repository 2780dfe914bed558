// store::UpdateSources against real HTTP servers on loopback, on every store
// backend: conditional requests, unchanged content, and failures that must
// store nothing (HTTP errors, stalls, truncated bodies, files that are no list).
#include "store/update.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "common/sha256.h"
#include "scratch_dir.h"
#include "store/audit.h"
#include "store/loopback_server.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

namespace fs = std::filesystem;
using testing::RawServer;
using testing::ReadAll;
using testing::SleepUnlessStopped;
using namespace std::chrono_literals;
using Outcome = SourceUpdate::Outcome;

// The bytes of a reference list, read once per process.
const std::string& Shared(const std::string& relative) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  std::lock_guard lock(mutex);
  auto [it, added] = cache.try_emplace(relative);
  if (added) it->second = ReadAll(::embargo::testing::SharedData(relative));
  return it->second;
}
const std::string& Jan() { return Shared("ofac/sdn-2024-01-31.csv"); }
const std::string& Feb() { return Shared("ofac/sdn-2024-02-23.csv"); }
const std::string& Un() { return Shared("un/consolidated-2026-02-27.xml"); }

// What /feed does.
enum class Mode {
  kServe,        // 200 with the body and ETag (304 on a matching If-None-Match)
  kIgnoreCache,  // 200 with the body, no ETag, whatever the request says
  kFail,         // 500
  kStall,        // silent longer than the client's timeout, then the body
};

struct TestSource {
  std::string name, url, file;
  std::string extra_toml = "";  // more keys for [sources.<name>]
};

class UpdateTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    testing::StoreTest::SetUp();
    if (IsSkipped()) return;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = fs::temp_directory_path() / fmt::format("embargo_update_{}_{}", getpid(), name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    AddHandlers();
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }

  void TearDown() override {
    stop_ = true;
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string Url(std::string_view path) const {
    return fmt::format("http://127.0.0.1:{}{}", port_, path);
  }

  // A config of single-file sources; two tries per file, 10 ms apart, 1 s timeout.
  SourcesConfig Config(const std::vector<TestSource>& sources) {
    std::string toml = "[defaults]\nattempts = 2\nbackoff_ms = 10\ntimeout_s = 1\n";
    for (const TestSource& s : sources) {
      toml += fmt::format("[sources.{}]\nurl = \"{}\"\nname = \"{}\"\n{}", s.name, s.url, s.file,
                          s.extra_toml);
    }
    auto config = ParseSourcesConfig(toml, "test.toml");
    EXPECT_TRUE(config.ok()) << config.error().ToString();
    return config.ok() ? *config : SourcesConfig{};
  }
  // OFAC's sdn.csv, or the UN's XML, from /feed.
  SourcesConfig OfacConfig() { return Config({{"ofac", Url("/feed"), "sdn.csv"}}); }
  SourcesConfig UnConfig(std::string extra_toml = "") {
    return Config({{"un", Url("/feed"), "consolidated.xml", std::move(extra_toml)}});
  }

  std::vector<SourceUpdate> Update(const SourcesConfig& config) {
    auto updates = UpdateSources(db(), config, {}, dir_ / "downloads", "tester");
    EXPECT_TRUE(updates.ok()) << updates.error().ToString();
    return updates.ok() ? *updates : std::vector<SourceUpdate>{};
  }
  // The one update of a one-source config.
  SourceUpdate UpdateOne(const SourcesConfig& config) {
    std::vector<SourceUpdate> updates = Update(config);
    EXPECT_EQ(updates.size(), 1u);
    return updates.empty() ? SourceUpdate{} : updates.front();
  }

  fs::path Downloaded(const std::string& source, const std::string& file) const {
    return dir_ / "downloads" / source / file;
  }

  std::vector<ListVersion> Versions() {
    auto versions = ListVersions(db());
    EXPECT_TRUE(versions.ok()) << versions.error().ToString();
    return versions.ok() ? *versions : std::vector<ListVersion>{};
  }

  // (action, subject) of each audit row, in order.
  std::vector<std::pair<std::string, std::string>> Audit() {
    std::vector<std::pair<std::string, std::string>> out;
    Status status = ForEachAudit(db(), [&](const AuditRow& row) {
      out.emplace_back(row.action, row.subject);
      return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.error().ToString();
    return out;
  }
  std::vector<std::string> AuditActions() {
    std::vector<std::string> out;
    for (const auto& [action, subject] : Audit()) out.push_back(action);
    return out;
  }
  std::string LastAuditDetails() {
    auto details = db().QueryValue("SELECT details FROM audit_log ORDER BY seq DESC LIMIT 1");
    EXPECT_TRUE(details.ok()) << details.error().ToString();
    return details.ok() ? details->value_or("") : "";
  }

  void ExpectAuditIntact() {
    auto check = VerifyAudit(db());
    ASSERT_TRUE(check.ok()) << check.error().ToString();
    EXPECT_TRUE(check->ok()) << "row " << check->first_bad_seq << ": " << check->problem;
  }

  void Serve(std::string body, std::string etag, Mode mode = Mode::kServe) {
    std::lock_guard lock(mutex_);
    body_ = std::move(body);
    etag_ = std::move(etag);
    mode_ = mode;
  }
  // The If-None-Match header of each request to /feed ("" when absent).
  std::vector<std::string> IfNoneMatch() {
    std::lock_guard lock(mutex_);
    return if_none_match_;
  }

  void AddHandlers() {
    server_.Get("/feed", [this](const httplib::Request& req, httplib::Response& res) {
      std::unique_lock lock(mutex_);
      if_none_match_.push_back(req.get_header_value("If-None-Match"));
      Mode mode = mode_;
      std::string body = body_, etag = etag_;
      lock.unlock();
      switch (mode) {
        case Mode::kServe:
          res.set_header("ETag", etag);
          if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
          }
          break;
        case Mode::kIgnoreCache: break;
        case Mode::kFail: res.status = 500; return;
        case Mode::kStall: SleepUnlessStopped(stop_, 3s); break;
      }
      res.set_content(body, "text/plain");
    });
    // Always healthy: the UN list.
    server_.Get("/un.xml", [this](const httplib::Request&, httplib::Response& res) {
      ++un_hits_;
      res.set_content(Un(), "application/xml");
    });
  }

  fs::path dir_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> un_hits_{0};

  std::mutex mutex_;  // guards what /feed serves and what it saw
  Mode mode_ = Mode::kServe;
  std::string body_;
  std::string etag_;
  std::vector<std::string> if_none_match_;
};

TEST_P(UpdateTest, StoresAVersionThenAsksConditionallyAndGets304) {
  Serve(Jan(), "\"jan\"");
  SourcesConfig config = OfacConfig();

  SourceUpdate first = UpdateOne(config);
  EXPECT_EQ(first.source, "ofac");
  ASSERT_EQ(first.outcome, Outcome::kStored) << first.detail;
  ASSERT_EQ(first.versions.size(), 1u);
  EXPECT_TRUE(first.versions[0].created);
  const ListVersion& stored = first.versions[0].version;
  EXPECT_EQ(stored.dataset, "us_ofac_sdn");
  EXPECT_EQ(stored.entity_count, 13901);
  EXPECT_EQ(stored.source, "update ofac");
  EXPECT_EQ(stored.origin, Url("/feed"));
  EXPECT_EQ(stored.file_hash, Sha256Hex(Sha256Hex(Jan()) + "  sdn.csv\n"));
  // A single sdn.csv carries no publication date (an import takes it from a
  // file name like sdn-2024-01-31.csv): the version is in force from the day
  // it was fetched.
  EXPECT_EQ(stored.published, "");
  EXPECT_EQ(stored.effective_date, stored.fetched_at.substr(0, 10));
  EXPECT_EQ(first.attempts, 1);
  EXPECT_EQ(first.bytes, Jan().size());
  EXPECT_TRUE(ReadAll(Downloaded("ofac", "sdn.csv")) == Jan());

  SourceUpdate second = UpdateOne(config);
  EXPECT_EQ(second.outcome, Outcome::kUnchanged);
  EXPECT_EQ(second.detail, "the files are the ones fetched last time");
  EXPECT_TRUE(second.versions.empty());
  EXPECT_EQ(second.bytes, 0u);
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", "\"jan\""}));

  std::vector<ListVersion> versions = Versions();
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].id, stored.id);
  EXPECT_EQ(versions[0].entity_count, 13901);
  using Row = std::pair<std::string, std::string>;
  EXPECT_EQ(Audit(), (std::vector<Row>{
                         {"list.version", fmt::format("us_ofac_sdn@{}", versions[0].id)},
                         {"update.unchanged", "source ofac"},
                     }));
  ExpectAuditIntact();
}

TEST_P(UpdateTest, NewBytesWithANewETagMakeTheNextVersion) {
  Serve(Jan(), "\"jan\"");
  SourcesConfig config = OfacConfig();
  SourceUpdate first = UpdateOne(config);
  ASSERT_EQ(first.outcome, Outcome::kStored) << first.detail;

  Serve(Feb(), "\"feb\"");
  SourceUpdate second = UpdateOne(config);
  ASSERT_EQ(second.outcome, Outcome::kStored) << second.detail;
  ASSERT_EQ(second.versions.size(), 1u);
  EXPECT_TRUE(second.versions[0].created);
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", "\"jan\""}));
  EXPECT_TRUE(ReadAll(Downloaded("ofac", "sdn.csv")) == Feb());

  std::vector<ListVersion> versions = Versions();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].id, first.versions[0].version.id);
  EXPECT_EQ(versions[1].id, second.versions[0].version.id);
  EXPECT_EQ(versions[0].entity_count, 13901);
  EXPECT_EQ(versions[1].entity_count, 13901 + 584 - 1);
  // Undated files: both in force from their fetch day, the later one on top.
  EXPECT_EQ(versions[1].effective_date, versions[1].fetched_at.substr(0, 10));
  EXPECT_GE(versions[1].effective_date, versions[0].effective_date);
  auto in_force = VersionsInForce(db());
  ASSERT_TRUE(in_force.ok()) << in_force.error().ToString();
  ASSERT_EQ(in_force->size(), 1u);
  EXPECT_EQ((*in_force)[0].id, versions[1].id);

  auto delta = DiffVersionIds(db(), versions[0].id, versions[1].id);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();
  EXPECT_EQ(delta->added.size(), 584u);
  EXPECT_EQ(delta->removed.size(), 1u);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"list.version", "list.version"}));

  // And the ETag of the new bytes is what the next request sends.
  SourceUpdate third = UpdateOne(config);
  EXPECT_EQ(third.outcome, Outcome::kUnchanged) << third.detail;
  EXPECT_EQ(IfNoneMatch().back(), "\"feb\"");
  EXPECT_EQ(Versions().size(), 2u);
  ExpectAuditIntact();
}

// A download cut at a record boundary (and given its Ctrl-Z again, so it is
// structurally whole) is refused by the shrink guard, again on the next run
// (the fetch state was not saved), and stored once accepted.
TEST_P(UpdateTest, AListThatShrankSharplyIsRefusedUntilAccepted) {
  Serve(Jan(), "\"jan\"");
  SourcesConfig config = OfacConfig();
  ASSERT_EQ(UpdateOne(config).outcome, Outcome::kStored);
  Serve(::embargo::testing::CutOfacAtRecord(Jan(), 10, ::embargo::testing::CutEnd::kReterminated),
        "\"cut\"");
  SourceUpdate refused = UpdateOne(config);
  EXPECT_EQ(refused.outcome, Outcome::kFailed);
  std::string file = Downloaded("ofac", "sdn.csv").string();
  Result<ListSet> cut = LoadLists({file});
  ASSERT_TRUE(cut.ok()) << cut.error().ToString();
  std::vector<ListVersion> versions = Versions();
  ASSERT_EQ(versions.size(), 1u);
  size_t now = cut->entities.size(), was = static_cast<size_t>(versions[0].entity_count);
  EXPECT_EQ(refused.detail,
            fmt::format("{}: us_ofac_sdn has {} entities, {:.1f} % fewer than the {} of its "
                        "previous version (us_ofac_sdn@{}); more than 20 % fewer looks like a "
                        "list cut short: refused (pass --accept-shrink if the list really shrank)",
                        file, now, 100.0 * (was - now) / was, was, versions[0].id));

  SourceUpdate again = UpdateOne(config);
  EXPECT_EQ(again.outcome, Outcome::kFailed);
  EXPECT_EQ(again.detail, refused.detail);
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", "\"jan\"", ""}));
  EXPECT_EQ(Versions().size(), 1u);

  ShrinkGuard accept;
  accept.action = ShrinkAction::kAccept;
  auto accepted = UpdateSources(db(), config, {}, dir_ / "downloads", "tester", accept);
  ASSERT_TRUE(accepted.ok()) << accepted.error().ToString();
  ASSERT_EQ(accepted->size(), 1u);
  EXPECT_EQ(accepted->front().outcome, Outcome::kStored) << accepted->front().detail;
  versions = Versions();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].entity_count, static_cast<int64_t>(now));
  ExpectAuditIntact();
}

TEST_P(UpdateTest, TheSameBytesFromAServerIgnoringValidatorsAreUnchanged) {
  Serve(Un(), "", Mode::kIgnoreCache);
  SourcesConfig config = UnConfig();
  SourceUpdate first = UpdateOne(config);
  ASSERT_EQ(first.outcome, Outcome::kStored) << first.detail;

  SourceUpdate second = UpdateOne(config);
  EXPECT_EQ(second.outcome, Outcome::kUnchanged);
  EXPECT_EQ(second.detail, "the files are the ones fetched last time");
  EXPECT_EQ(second.bytes, Un().size());  // downloaded again, then found identical
  EXPECT_TRUE(second.versions.empty());
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", ""}));  // no ETag to send

  EXPECT_EQ(Versions().size(), 1u);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"list.version", "update.unchanged"}));
  ExpectAuditIntact();
}

TEST_P(UpdateTest, AFailingSourceStoresNothingAndTheOthersGoOn) {
  Serve(Jan(), "\"jan\"", Mode::kFail);
  SourcesConfig config =
      Config({{"ofac", Url("/feed"), "sdn.csv"}, {"un", Url("/un.xml"), "consolidated.xml"}});

  std::vector<SourceUpdate> updates = Update(config);
  ASSERT_EQ(updates.size(), 2u);
  const SourceUpdate& ofac = updates[0];
  const SourceUpdate& un = updates[1];
  EXPECT_EQ(ofac.source, "ofac");
  EXPECT_EQ(ofac.outcome, Outcome::kFailed);
  EXPECT_EQ(ofac.detail,
            Url("/feed") + ": HTTP 500 Internal Server Error (gave up after 2 attempts)");
  EXPECT_TRUE(ofac.versions.empty());
  EXPECT_EQ(IfNoneMatch().size(), 2u);  // retried once, as configured
  EXPECT_FALSE(fs::exists(Downloaded("ofac", "sdn.csv")));

  EXPECT_EQ(un.source, "un");
  ASSERT_EQ(un.outcome, Outcome::kStored) << un.detail;
  ASSERT_EQ(un.versions.size(), 1u);
  EXPECT_EQ(un.versions[0].version.dataset, "un_sc_sanctions");

  std::vector<ListVersion> versions = Versions();
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].dataset, "un_sc_sanctions");
  EXPECT_EQ(versions[0].source, "update un");
  using Row = std::pair<std::string, std::string>;
  std::vector<Row> audit = Audit();
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0], (Row{"update.failed", "source ofac"}));
  EXPECT_EQ(audit[1], (Row{"list.version", fmt::format("un_sc_sanctions@{}", versions[0].id)}));
  auto failed = db().QueryValue("SELECT details FROM audit_log WHERE action = 'update.failed'");
  ASSERT_TRUE(failed.ok()) << failed.error().ToString();
  EXPECT_NE(failed->value_or("").find("HTTP 500"), std::string::npos) << failed->value_or("");
  ExpectAuditIntact();
}

TEST_P(UpdateTest, AStallingServerTimesOutAndKeepsThePreviousFile) {
  Serve(Un(), "\"un1\"");
  SourcesConfig config = UnConfig("attempts = 1\n");  // one timeout is enough
  SourceUpdate first = UpdateOne(config);
  ASSERT_EQ(first.outcome, Outcome::kStored) << first.detail;

  Serve("late\n", "\"un2\"", Mode::kStall);
  auto start = std::chrono::steady_clock::now();
  SourceUpdate second = UpdateOne(config);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(second.outcome, Outcome::kFailed);
  EXPECT_EQ(second.detail, Url("/feed") + ": read timed out after 1 s");
  EXPECT_LT(took, 2500ms);  // gave up on the client's timeout, not the server's stall
  EXPECT_TRUE(second.versions.empty());

  EXPECT_TRUE(ReadAll(Downloaded("un", "consolidated.xml")) == Un());
  EXPECT_FALSE(fs::exists(Downloaded("un", "consolidated.xml.part")));
  EXPECT_EQ(Versions().size(), 1u);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"list.version", "update.failed"}));
  EXPECT_NE(LastAuditDetails().find("timed out"), std::string::npos) << LastAuditDetails();

  // The server recovers: the fetch state of the last success still holds.
  Serve(Un(), "\"un1\"");
  SourceUpdate third = UpdateOne(config);
  EXPECT_EQ(third.outcome, Outcome::kUnchanged) << third.detail;
  EXPECT_EQ(IfNoneMatch().back(), "\"un1\"");
  ExpectAuditIntact();
}

TEST_P(UpdateTest, ATruncatedBodyStoresNothing) {
  RawServer raw("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + Jan().substr(0, 100));
  SourcesConfig config = Config({{"ofac", raw.Url("/sdn.csv"), "sdn.csv"}});
  SourceUpdate update = UpdateOne(config);
  EXPECT_EQ(update.outcome, Outcome::kFailed);
  EXPECT_EQ(update.detail,
            raw.Url("/sdn.csv") + ": truncated: got 100 of 1000 bytes (gave up after 2 attempts)");
  EXPECT_EQ(raw.connections(), 2);
  EXPECT_TRUE(update.versions.empty());
  EXPECT_FALSE(fs::exists(Downloaded("ofac", "sdn.csv")));
  EXPECT_FALSE(fs::exists(Downloaded("ofac", "sdn.csv.part")));
  EXPECT_TRUE(Versions().empty());
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"update.failed"}));
  EXPECT_NE(LastAuditDetails().find("truncated"), std::string::npos) << LastAuditDetails();
  ExpectAuditIntact();
}

TEST_P(UpdateTest, AFileThatIsNoListFailsWithTheParseError) {
  Serve("hello\n", "\"hello\"");
  SourcesConfig config = OfacConfig();
  SourceUpdate update = UpdateOne(config);
  EXPECT_EQ(update.outcome, Outcome::kFailed);
  // The error of parsing the downloaded file.
  std::string path = Downloaded("ofac", "sdn.csv").string();
  auto direct = LoadLists({path});
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(update.detail, direct.error().ToString());
  EXPECT_NE(update.detail.find(path), std::string::npos) << update.detail;
  EXPECT_TRUE(update.versions.empty());
  EXPECT_TRUE(Versions().empty());
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"update.failed"}));

  // A failure is not remembered as fetched: the next run asks and parses again.
  SourceUpdate again = UpdateOne(config);
  EXPECT_EQ(again.outcome, Outcome::kFailed);
  EXPECT_EQ(again.detail, update.detail);
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", ""}));
  ExpectAuditIntact();
}

// A download that failed to parse stays in the download dir. When the server
// then goes back to the bytes stored last (and their ETag), a 304 must not be
// taken for "the file on disk is the one fetched last time".
TEST_P(UpdateTest, ABadDownloadIsNotMistakenForTheLastGoodFile) {
  Serve(Un(), "\"good\"");
  SourcesConfig config = UnConfig();
  ASSERT_EQ(UpdateOne(config).outcome, Outcome::kStored);
  Serve("hello\n", "\"oops\"");
  ASSERT_EQ(UpdateOne(config).outcome, Outcome::kFailed);
  EXPECT_EQ(ReadAll(Downloaded("un", "consolidated.xml")), "hello\n");

  Serve(Un(), "\"good\"");
  SourceUpdate back = UpdateOne(config);
  EXPECT_EQ(back.outcome, Outcome::kUnchanged) << back.detail;
  // Asked unconditionally, so the good file is back on disk.
  EXPECT_EQ(IfNoneMatch(), (std::vector<std::string>{"", "\"good\"", ""}));
  EXPECT_TRUE(ReadAll(Downloaded("un", "consolidated.xml")) == Un());
  EXPECT_EQ(Versions().size(), 1u);
  EXPECT_EQ(AuditActions(),
            (std::vector<std::string>{"list.version", "update.failed", "update.unchanged"}));
  ExpectAuditIntact();
}

TEST_P(UpdateTest, AnUnknownSourceNameIsAnErrorNamingTheConfiguredOnes) {
  Serve(Jan(), "\"jan\"", Mode::kFail);
  SourcesConfig config =
      Config({{"ofac", Url("/feed"), "sdn.csv"}, {"un", Url("/un.xml"), "consolidated.xml"}});
  auto updates = UpdateSources(db(), config, {"ofac", "eu"}, dir_ / "downloads", "tester");
  ASSERT_FALSE(updates.ok());
  EXPECT_EQ(updates.error().ToString(), "unknown source 'eu' (configured: ofac, un)");
  EXPECT_TRUE(IfNoneMatch().empty());  // nothing fetched, not even the known one
  EXPECT_EQ(un_hits_, 0);
  EXPECT_TRUE(Versions().empty());
  EXPECT_TRUE(AuditActions().empty());

  // `only` restricts the run to the named sources.
  auto only_ofac = UpdateSources(db(), config, {"ofac"}, dir_ / "downloads", "tester");
  ASSERT_TRUE(only_ofac.ok()) << only_ofac.error().ToString();
  ASSERT_EQ(only_ofac->size(), 1u);
  EXPECT_EQ((*only_ofac)[0].source, "ofac");
  EXPECT_EQ((*only_ofac)[0].outcome, Outcome::kFailed);
  EXPECT_EQ(un_hits_, 0);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"update.failed"}));
  ExpectAuditIntact();
}

EMBARGO_STORE_BACKENDS(UpdateTest);

}  // namespace
}  // namespace embargo::store
