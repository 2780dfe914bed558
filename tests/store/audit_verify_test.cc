// Each way of tampering with the store that the audit trail must catch, on
// both backends: rows cut off the end, all rows deleted, a row rewritten with
// every later hash recomputed, and direct edits of the tables the chain
// records (alerts, decisions, list versions and their entities, customers).
#include "store/audit_verify.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "common/sha256.h"
#include "embargo/lists.h"
#include "store/alerts.h"
#include "store/audit_state.h"
#include "store/customers.h"
#include "store/migrations.h"
#include "store/rescreen.h"
#include "store/store.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

namespace fs = std::filesystem;

std::atomic<int> scratch_dirs{0};

std::string Problems(const AuditReport& report) {
  std::string out = report.chain.problem;
  for (const StateDifference& d : report.differences) out += "\n" + d.ToString();
  for (const std::string& p : report.problems) out += "\n" + p;
  return out;
}

bool Mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

std::vector<std::string> Differences(const AuditReport& report) {
  std::vector<std::string> out;
  for (const StateDifference& d : report.differences) out.push_back(d.ToString());
  return out;
}

// SQL rewriting the chain from row `from` on: each row's details passed to
// `edit`, every hash from there recomputed.
std::string RecomputedChainSql(Database& db, int64_t from,
                               const std::function<void(int64_t, nlohmann::json&)>& edit) {
  std::vector<AuditRow> rows;
  EXPECT_TRUE(ForEachAudit(db, [&](const AuditRow& row) {
                rows.push_back(row);
                return Status::Ok();
              }).ok());
  std::string prev = from == 1 ? kAuditGenesis : rows[from - 2].hash;
  std::string sql;
  for (size_t i = from - 1; i < rows.size(); ++i) {
    AuditRow& row = rows[i];
    auto details = nlohmann::json::parse(row.details);
    edit(row.seq, details);
    row.details = details.dump();
    row.prev_hash = prev;
    row.hash = AuditRowHash(row);
    prev = row.hash;
    sql += fmt::format(
        "UPDATE audit_log SET details = '{}', prev_hash = '{}', hash = '{}' WHERE seq = {};",
        row.details, row.prev_hash, row.hash, row.seq);
  }
  return sql;
}

class AuditTrailTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           fmt::format("embargo-audit-trail-{}-{}", getpid(), scratch_dirs++);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    head_file_ = (dir_ / "store.audit-head").string();
    auto key = AuditKey::Create((dir_ / "audit.key").string());
    ASSERT_TRUE(key.ok()) << key.error().ToString();
    key_.emplace(std::move(*key));
    Scenario();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // A small monitored store, each step published as the commands do: the
  // three-entity sample list; customers K1 (Ri Yong Gil), K2 (Korea Example
  // Trading Corporation), K3 (John Smith); a re-screen raising alerts 1 (K1)
  // and 2 (K2); alert 1 escalated, alert 2 a false positive (decisions 1
  // and 2, and a suppression). Rows 1..8; heads published at 6, 7 and 8.
  void Scenario() {
    auto lists = LoadLists({::embargo::testing::TestData("lists/rok-fsc-sample.csv")});
    ASSERT_TRUE(lists.ok()) << lists.error().ToString();
    ASSERT_TRUE(StoreListSet(db(), *lists, {}).ok());
    QueryFields ri, ketc, smith;
    ri.id = "K1";
    ri.names = {"Ri Yong Gil"};
    ri.schema = "Person";
    ri.birth_dates = {"1955"};
    ketc.id = "K2";
    ketc.names = {"Korea Example Trading Corporation"};
    ketc.schema = "Organization";
    smith.id = "K3";
    smith.names = {"John Smith"};
    smith.schema = "Person";
    ASSERT_TRUE(ImportCustomers(db(), {ri, ketc, smith}, "customers.csv", "test").ok());
    RescreenOptions options;
    options.threads = 1;
    auto run = Rescreen(db(), options);
    ASSERT_TRUE(run.ok()) << run.error().ToString();
    ASSERT_EQ(run->opened, 2u);
    heads_.push_back(Publish());
    ASSERT_TRUE(DecideAlert(db(), 1, "escalated", "same birth year", "ana").ok());
    heads_.push_back(Publish());
    // No score alone needs a second person here (four_eyes_test.cc has those).
    ASSERT_TRUE(
        DecideAlert(db(), 2, "false_positive", "a different company", "ana", FourEyesPolicy{2.0})
            .ok());
    heads_.push_back(Publish());
    ASSERT_EQ(heads_.back().seq, 8);
  }

  AuditHead Publish() {
    auto publisher = HeadPublisher::Open(db(), {key_->path(), head_file_});
    EXPECT_TRUE(publisher.ok()) << publisher.error().ToString();
    auto head = publisher->Publish(db(), Republish::kYes);
    EXPECT_TRUE(head.ok() && *head) << (head.ok() ? "" : head.error().ToString());
    return head.ok() && *head ? **head : AuditHead{};
  }

  AuditReport Verify(const AuditKey* key, const std::string& head_file,
                     const std::vector<AuditHead>& expected = {}) {
    AuditVerifyOptions options;
    options.key = key;
    options.head_file = head_file;
    options.expected = expected;
    auto report = VerifyAuditTrail(db(), options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return report.ok() ? *report : AuditReport{};
  }
  AuditReport VerifyEverything() { return Verify(&*key_, head_file_); }

  std::string Value(const std::string& sql) {
    auto value = db().QueryValue(sql);
    EXPECT_TRUE(value.ok()) << value.error().ToString();
    return value.ok() ? value->value_or("") : "";
  }

  // Rewrites row `seq`'s details and recomputes its hash and every later
  // one, as a forger who knows the chain's recipe would.
  void RewriteRow(int64_t seq, const std::function<void(nlohmann::json&)>& edit) {
    store_->ExecOutside(RecomputedChainSql(db(), seq, [&](int64_t row, nlohmann::json& details) {
      if (row == seq) edit(details);
    }));
  }

  fs::path dir_;
  std::string head_file_;
  std::optional<AuditKey> key_;
  std::vector<AuditHead> heads_;  // published at rows 6, 7, 8
};

TEST_P(AuditTrailTest, AnUntouchedStoreVerifiesClean) {
  AuditReport report = VerifyEverything();
  EXPECT_TRUE(report.ok()) << Problems(report);
  EXPECT_EQ(report.chain.rows, 8);
  EXPECT_EQ(report.anchored_seq, 8);
  EXPECT_EQ(report.published_seq, 8);
  EXPECT_EQ(report.rows_checked, (std::map<std::string, int64_t>{{"alert_assignments", 0},
                                                                 {"alerts", 2},
                                                                 {"customers", 3},
                                                                 {"decision_reviews", 0},
                                                                 {"decisions", 2},
                                                                 {"entity_records", 3},
                                                                 {"list_versions", 1},
                                                                 {"monitor_state", 1},
                                                                 {"screenings", 0},
                                                                 {"payment_case_decisions", 0},
                                                                 {"payment_case_reviews", 0},
                                                                 {"payment_cases", 0},
                                                                 {"payment_good_guys", 0},
                                                                 {"suppressions", 1},
                                                                 {"version_entities", 3}}));
  EXPECT_EQ(report.notes, (std::vector<std::string>{
                              fmt::format("head file {}: 3 heads, the latest row 8 published at {}",
                                          head_file_, heads_.back().at)}));
}

TEST_P(AuditTrailTest, EveryChangeRecordsTheStateOfTheRowsItChanged) {
  std::vector<std::pair<std::string, std::vector<std::string>>> recorded;
  ASSERT_TRUE(ForEachAudit(db(), [&](const AuditRow& row) {
                auto details = nlohmann::json::parse(row.details);
                const nlohmann::json state = details.value("state", nlohmann::json::object());
                std::vector<std::string> tables;
                for (const auto& [table, recorded] : state.items()) {
                  tables.push_back(table + " " + std::to_string(recorded["rows"].size()));
                }
                recorded.emplace_back(row.action, tables);
                return Status::Ok();
              }).ok());
  using Tables = std::vector<std::string>;
  EXPECT_EQ(recorded, (std::vector<std::pair<std::string, Tables>>{
                          {"list.version", {"list_versions 1", "version_entities 3"}},
                          {"customers.import", {"customers 3"}},
                          {"rescreen.start", {}},
                          {"alert.open", {"alerts 1"}},
                          {"alert.open", {"alerts 1"}},
                          {"rescreen.done", {"monitor_state 1"}},
                          {"alert.decide", {"alerts 1", "decisions 1"}},
                          {"alert.decide", {"alerts 1", "decisions 1", "suppressions 1"}},
                      }));
  // Values as stored; an alert's explanation by its SHA-256.
  auto details = nlohmann::json::parse(Value("SELECT details FROM audit_log WHERE seq = 8"));
  const auto& alerts = details["state"]["alerts"];
  EXPECT_EQ(alerts["columns"][7], "explanation_sha256");
  EXPECT_EQ(alerts["rows"]["2"][8], "false_positive");
  EXPECT_EQ(alerts["rows"]["2"][7],
            Sha256Hex(Value("SELECT explanation FROM alerts WHERE id = 2")));
  EXPECT_EQ(alerts["sha256"], Sha256Hex(alerts["rows"].dump()));
  EXPECT_EQ(details["state"]["suppressions"]["rows"]["2:kr_fsc_sample-FSC-0002"],
            nlohmann::json::array({Value("SELECT record_hash FROM customers WHERE id = 2"),
                                   Value("SELECT entity_hash FROM alerts WHERE id = 2"), "2"}));
}

TEST_P(AuditTrailTest, WithoutAKeyOrHeadTheStateIsCheckedAndTheHeadSaidUnanchored) {
  AuditReport report = Verify(nullptr, "");
  EXPECT_TRUE(report.ok()) << Problems(report);
  EXPECT_EQ(report.anchored_seq, 0);
  EXPECT_EQ(report.notes,
            (std::vector<std::string>{
                "no head file: give --audit-head-file (or EMBARGO_AUDIT_HEAD_FILE) to check the "
                "heads published there",
                "the head is not anchored: no audit key (--audit-key-file or "
                "EMBARGO_AUDIT_KEY_FILE), so a chain rewritten with recomputed hashes verifies "
                "unless a published head shows it",
                "3 keyed anchors in the store not checked: no key"}));
}

// A row written by a command run without the key (here: the same list
// imported again, "list.unchanged") is not covered by any anchor.
TEST_P(AuditTrailTest, RowsAfterTheLastAnchorAreAProblemWithTheKeyAndANoteWithout) {
  auto lists = LoadLists({::embargo::testing::TestData("lists/rok-fsc-sample.csv")});
  ASSERT_TRUE(lists.ok());
  ASSERT_TRUE(StoreListSet(db(), *lists, {}).ok());
  AuditReport by_key = VerifyEverything();
  EXPECT_EQ(
      by_key.problems,
      (std::vector<std::string>{"rows 9..9 come after the last row anchored by key " + key_->id() +
                                " (row 8): written without the key, or forged"}));
  AuditReport unkeyed = Verify(nullptr, head_file_);
  EXPECT_TRUE(unkeyed.ok()) << Problems(unkeyed);
  EXPECT_TRUE(Mentions(unkeyed.notes, "rows 9..9 were written after the last published head"));
  Publish();
  EXPECT_TRUE(VerifyEverything().ok());
}

TEST_P(AuditTrailTest, DeletedTailRowsAreDetected) {
  store_->ExecOutside("DELETE FROM audit_log WHERE seq > 6");
  AuditReport report = VerifyEverything();
  EXPECT_TRUE(report.chain.ok());  // a shorter chain is still a chain
  EXPECT_EQ(report.chain.rows, 6);
  const AuditHead& last = heads_.back();
  EXPECT_TRUE(Mentions(report.problems,
                       fmt::format("{}:3: row 8 was published at {}, but the chain ends at row 6: "
                                   "rows 7..8 were deleted",
                                   head_file_, last.at)))
      << Problems(report);
  EXPECT_TRUE(Mentions(report.problems,
                       fmt::format("audit_anchors row 8: row 8 was published at {}, but the chain "
                                   "ends at row 6: rows 7..8 were deleted",
                                   last.at)))
      << Problems(report);
  // The decisions those rows recorded are in the tables but not in the trail.
  EXPECT_TRUE(Mentions(Differences(report),
                       "decisions 1: in the table but not in the audit trail: written outside "
                       "embargo"))
      << Problems(report);
  EXPECT_TRUE(Mentions(Differences(report),
                       "alerts 1: status is 'escalated' in the table, 'open' in the audit trail "
                       "(row 4)"))
      << Problems(report);
}

// A forger who cuts the tail, puts the tables back as they were at row 6 and
// removes the anchors made after it leaves a store that is consistent by
// itself and by the key (row 6 was anchored): only a head published outside
// the database shows the loss.
TEST_P(AuditTrailTest, ACutTailWithTheTablesRolledBackShowsOnlyAgainstAPublishedHead) {
  auto state = nlohmann::json::parse(Value("SELECT details FROM audit_log WHERE seq = 4"));
  std::string updated_at = state["state"]["alerts"]["rows"]["1"][11];
  state = nlohmann::json::parse(Value("SELECT details FROM audit_log WHERE seq = 5"));
  std::string updated_at_2 = state["state"]["alerts"]["rows"]["2"][11];
  store_->ExecOutside(
      fmt::format("DELETE FROM audit_log WHERE seq > 6; DELETE FROM audit_anchors WHERE seq > 6; "
                  "DELETE FROM suppressions; DELETE FROM decisions; "
                  "UPDATE alerts SET status = 'open', updated_at = '{}' WHERE id = 1; "
                  "UPDATE alerts SET status = 'open', closed_at = NULL, closed_reason = NULL, "
                  "updated_at = '{}' WHERE id = 2",
                  updated_at, updated_at_2));
  AuditReport by_key = Verify(&*key_, "");
  EXPECT_TRUE(by_key.ok()) << Problems(by_key);
  EXPECT_EQ(by_key.anchored_seq, 6);

  AuditReport by_file = Verify(&*key_, head_file_);
  EXPECT_EQ(by_file.problems,
            (std::vector<std::string>{
                fmt::format("{}:2: row 7 was published at {}, but the chain ends at row 6: rows "
                            "7..7 were deleted",
                            head_file_, heads_[1].at),
                fmt::format("{}:3: row 8 was published at {}, but the chain ends at row 6: rows "
                            "7..8 were deleted",
                            head_file_, heads_[2].at)}));
  AuditHead kept;
  kept.seq = heads_.back().seq;
  kept.hash = heads_.back().hash;
  AuditReport by_expected = Verify(nullptr, "", {kept});
  EXPECT_EQ(by_expected.problems,
            (std::vector<std::string>{fmt::format(
                "--expect-head 8:{}: row 8 was published, but the chain ends at row 6: rows 7..8 "
                "were deleted",
                kept.hash)}));
}

TEST_P(AuditTrailTest, AllRowsDeletedAreDetected) {
  store_->ExecOutside("DELETE FROM audit_log");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(report.chain.rows, 0);
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(Mentions(report.problems,
                       fmt::format("{}:3: row 8 was published at {}, but the chain ends at row 0: "
                                   "rows 1..8 were deleted",
                                   head_file_, heads_.back().at)))
      << Problems(report);
  // Even with the anchors gone and nothing published, the tables hold rows
  // the (empty) trail never recorded.
  store_->ExecOutside("DELETE FROM audit_anchors");
  AuditReport bare = Verify(nullptr, "");
  EXPECT_FALSE(bare.ok());
  EXPECT_EQ(bare.differences.size(), 13u) << Problems(bare);
  EXPECT_TRUE(
      Mentions(Differences(bare),
               "alerts 2: in the table but not in the audit trail: written outside embargo"))
      << Problems(bare);
  EXPECT_TRUE(Mentions(Differences(bare),
                       "list_versions 1: in the table but not in the audit trail: written outside "
                       "embargo"))
      << Problems(bare);
}

TEST_P(AuditTrailTest, ARowRewrittenWithEveryLaterHashRecomputedIsDetected) {
  RewriteRow(5, [](nlohmann::json& details) { details["score"] = 0.5; });
  const std::string hash_6 = Value("SELECT hash FROM audit_log WHERE seq = 6");
  const std::string rewritten = fmt::format(
      "row 6 was published at {} with hash {}, but the chain's row 6 has hash {}: the chain was "
      "rewritten up to row 6",
      heads_[0].at, heads_[0].hash, hash_6);
  const std::string unanchored = "no row is anchored by key " + key_->id() +
                                 ": the 8 rows may have been rewritten with recomputed hashes (if "
                                 "you trust them, anchor them: embargo audit anchor)";
  AuditReport by_file = Verify(nullptr, head_file_);
  EXPECT_TRUE(by_file.chain.ok());
  EXPECT_TRUE(by_file.differences.empty()) << Problems(by_file);
  EXPECT_TRUE(Mentions(by_file.problems, head_file_ + ":1: " + rewritten)) << Problems(by_file);
  EXPECT_TRUE(Mentions(by_file.problems, "audit_anchors row 6: " + rewritten)) << Problems(by_file);

  // The forger removes the anchors too: the chain and the tables agree, and
  // without a key or a head kept elsewhere nothing can tell.
  store_->ExecOutside("DELETE FROM audit_anchors");
  AuditReport bare = Verify(nullptr, "");
  EXPECT_TRUE(bare.ok()) << Problems(bare);
  AuditReport by_key = Verify(&*key_, "");
  EXPECT_EQ(by_key.problems, (std::vector<std::string>{unanchored}));

  // Anchors for the forged chain need the key: without it they do not match.
  store_->ExecOutside(fmt::format(
      "INSERT INTO audit_anchors (seq, hash, hmac, key_id, at) VALUES (8, '{}', '{}', '{}', "
      "'now')",
      Value("SELECT hash FROM audit_log WHERE seq = 8"), std::string(64, 'f'), key_->id()));
  AuditReport forged = Verify(&*key_, "");
  EXPECT_EQ(forged.problems,
            (std::vector<std::string>{"audit_anchors row 8: its HMAC does not match: made or "
                                      "edited by someone without the key",
                                      unanchored}));
}

TEST_P(AuditTrailTest, AnAlertStatusUpdatedDirectlyIsNamed) {
  store_->ExecOutside("UPDATE alerts SET status = 'false_positive' WHERE id = 1");
  AuditReport report = VerifyEverything();
  EXPECT_TRUE(report.chain.ok());
  EXPECT_TRUE(report.problems.empty()) << Problems(report);
  ASSERT_EQ(report.differences.size(), 1u) << Problems(report);
  const StateDifference& d = report.differences[0];
  EXPECT_EQ(d.table, "alerts");
  EXPECT_EQ(d.key, "1");
  EXPECT_EQ(d.field, "status");
  EXPECT_EQ(d.ToString(),
            "alerts 1: status is 'false_positive' in the table, 'escalated' in the audit trail "
            "(row 7)");
}

TEST_P(AuditTrailTest, AnAlertClosedDirectlyIsNamedFieldByField) {
  store_->ExecOutside(
      "UPDATE alerts SET closed_at = '2026-01-01T00:00:00.000Z', closed_reason = 'gone' WHERE id "
      "= 1");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(
      Differences(report),
      (std::vector<std::string>{
          "alerts 1: closed_at is '2026-01-01T00:00:00.000Z' in the table, NULL in the "
          "audit trail (row 7)",
          "alerts 1: closed_reason is 'gone' in the table, NULL in the audit trail (row 7)"}));
}

TEST_P(AuditTrailTest, ADeletedDecisionIsNamed) {
  store_->ExecOutside("DELETE FROM decisions WHERE id = 1");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{"decisions 1: in the audit trail (row 7) but not in the "
                                      "table: deleted outside embargo"}));
  EXPECT_FALSE(report.ok());
}

TEST_P(AuditTrailTest, ADecisionInsertedDirectlyIsNamed) {
  store_->ExecOutside(
      "INSERT INTO decisions (alert_id, status, note, analyst, decided_at) VALUES (1, "
      "'true_match', 'x', 'mallory', '2026-01-01T00:00:00.000Z')");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{
                "decisions 3: in the table but not in the audit trail: written outside embargo"}));
}

TEST_P(AuditTrailTest, AChangedListVersionRowIsNamed) {
  const std::string effective = Value("SELECT effective_date FROM list_versions WHERE id = 1");
  store_->ExecOutside("UPDATE list_versions SET effective_date = '2000-01-01' WHERE id = 1");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{fmt::format(
                "list_versions 1: effective_date is '2000-01-01' in the table, '{}' in the audit "
                "trail (row 1)",
                effective)}));
}

TEST_P(AuditTrailTest, AVersionsEntitySetChangedOutsideEmbargoIsNamed) {
  const std::string ri =
      Value("SELECT record_hash FROM version_entities WHERE entity_id = 'kr_fsc_sample-FSC-0001'");
  const std::string vessel =
      Value("SELECT record_hash FROM version_entities WHERE entity_id = 'kr_fsc_sample-FSC-0003'");
  store_->ExecOutside(fmt::format(
      "UPDATE version_entities SET record_hash = '{}' WHERE entity_id = 'kr_fsc_sample-FSC-0001'; "
      "DELETE FROM version_entities WHERE entity_id = 'kr_fsc_sample-FSC-0002'",
      vessel));
  AuditReport report = VerifyEverything();
  EXPECT_EQ(
      Differences(report),
      (std::vector<std::string>{
          fmt::format("version_entities 1:kr_fsc_sample-FSC-0001: record_hash is '{}' in the "
                      "table, '{}' in the audit trail (row 1)",
                      vessel, ri),
          "version_entities 1:kr_fsc_sample-FSC-0002: in the audit trail (row 1) but not in the "
          "table: deleted outside embargo"}));
}

TEST_P(AuditTrailTest, AnEditedEntityRecordIsNamed) {
  const std::string hash =
      Value("SELECT record_hash FROM version_entities WHERE entity_id = 'kr_fsc_sample-FSC-0001'");
  store_->ExecOutside(fmt::format(
      "UPDATE entity_records SET body = replace(body, 'Ri Yong Gil', 'Ri Yong Kil') WHERE hash = "
      "'{}'",
      hash));
  const std::string body = Value("SELECT body FROM entity_records WHERE hash = '" + hash + "'");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{fmt::format(
                "entity_records {}: the body's SHA-256 is {}, not its key: the record was "
                "edited outside embargo",
                hash, Sha256Hex(body))}));
}

TEST_P(AuditTrailTest, ACustomerRecordEditedDirectlyIsNamed) {
  const std::string before = Value("SELECT record FROM customers WHERE external_id = 'K3'");
  store_->ExecOutside(
      "UPDATE customers SET record = '{\"names\":[\"Jon Smith\"]}' WHERE external_id = 'K3'");
  AuditReport report = VerifyEverything();
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{fmt::format(
                "customers K3: record_sha256 is '{}' in the table, '{}' in the audit trail (row "
                "2)",
                Sha256Hex("{\"names\":[\"Jon Smith\"]}"), Sha256Hex(before))}));
}

// Moving the monitoring bookmark past a new version would skip re-screening
// the customers against what it changed.
TEST_P(AuditTrailTest, AMonitorStateMovedDirectlyIsNamed) {
  auto lists = LoadLists({::embargo::testing::TestData("lists/rok-fsc-sample.csv")});
  ASSERT_TRUE(lists.ok());
  lists->entities.pop_back();  // one of three: past the shrink guard's 20 %
  auto stored = StoreListSet(db(), *lists, {}, ShrinkGuard{.action = ShrinkAction::kAccept});
  ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  ASSERT_EQ(stored->front().version.id, 2);
  store_->ExecOutside("UPDATE monitor_state SET version_id = 2");
  AuditReport report = Verify(nullptr, "");
  EXPECT_EQ(Differences(report),
            (std::vector<std::string>{"monitor_state kr_fsc_sample: version_id is '2' in the "
                                      "table, '1' in the audit trail (row 6)"}));
}

EMBARGO_STORE_BACKENDS(AuditTrailTest);

// A store written before the chain recorded state (schema 1): its rows are
// adopted as found when it is opened, and verified from then on.
class AuditMigrationTest : public testing::StoreTest {};

TEST_P(AuditMigrationTest, AStoreFromBeforeIsAdoptedAndVerifiedFromThen) {
  // A schema-1 store: only the first migration, rows written without state.
  auto raw = Database::Open(store_->url());
  ASSERT_TRUE(raw.ok());
  Database& old = **raw;
  ASSERT_TRUE(old.ExecScript("DROP TABLE payment_case_reviews; "
                             "DROP TABLE alert_assignments; DROP TABLE screenings; "
                             "DROP INDEX version_entities_entity; DROP TABLE decision_reviews; "
                             "DROP TABLE payment_good_guys; DROP "
                             "TABLE payment_case_decisions; DROP TABLE payment_cases; DROP TABLE "
                             "audit_anchors; DELETE FROM schema_migrations WHERE version > 1")
                  .ok());
  auto lists = LoadLists({::embargo::testing::TestData("lists/rok-fsc-sample.csv")});
  ASSERT_TRUE(lists.ok());
  ASSERT_TRUE(StoreListSet(old, *lists, {}).ok());
  QueryFields ri;
  ri.id = "K1";
  ri.names = {"Ri Yong Gil"};
  ri.schema = "Person";
  ASSERT_TRUE(ImportCustomers(old, {ri}, "customers.csv", "test").ok());
  RescreenOptions options;
  options.threads = 1;
  ASSERT_TRUE(Rescreen(old, options).ok());
  // Schema 1 wrote no state: strip it, and rebuild the chain as it was.
  std::string sql =
      RecomputedChainSql(old, 1, [](int64_t, nlohmann::json& details) { details.erase("state"); });
  auto rows = old.QueryValue("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(rows.ok());
  const int64_t old_rows = std::stoll(rows->value_or("0"));
  ASSERT_TRUE(old.ExecScript(sql).ok());
  raw->reset();

  auto reopened = OpenStore(store_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.error().ToString();
  Database& db = **reopened;
  std::vector<std::string> baseline;
  ASSERT_TRUE(ForEachAudit(db, [&](const AuditRow& row) {
                if (row.action == "audit.baseline") baseline.push_back(row.subject);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(baseline, (std::vector<std::string>{"list_versions", "customers", "alerts",
                                                "monitor_state", "kr_fsc_sample@1"}));
  auto report = VerifyAuditTrail(db, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << Problems(*report);
  EXPECT_EQ(report->rows_checked.at("alerts"), 1);

  store_->ExecOutside("UPDATE alerts SET status = 'true_match' WHERE id = 1");
  report = VerifyAuditTrail(db, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Differences(*report),
            (std::vector<std::string>{fmt::format(
                "alerts 1: status is 'true_match' in the table, 'open' in the audit trail (row {})",
                old_rows + 3)}));
}

EMBARGO_STORE_BACKENDS(AuditMigrationTest);

}  // namespace
}  // namespace embargo::store
