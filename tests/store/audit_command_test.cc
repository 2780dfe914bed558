// The audit trail through the commands, on both backends: a realistic
// sequence (two OFAC versions, the sample customers, a re-screen, a
// decision) publishes its head after every command and verifies clean with
// the key; a tampered alert is reported and exits 3.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/screen_command.h"
#include "cli/store_commands.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

namespace fs = std::filesystem;
using ::embargo::testing::SharedData;

class AuditCommandTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           fmt::format("embargo-audit-cli-{}-{}", getpid(), static_cast<int>(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    audit_.key_file = (dir_ / "audit.key").string();
    audit_.head_file = (dir_ / "audit.head").string();
    AuditArgs init;
    init.key_out = audit_.key_file;
    std::ostringstream out, err;
    ASSERT_EQ(RunAuditInitKey(init, out, err), 0) << err.str();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // The "audit head SEQ:HASH (...)" line a write command printed.
  std::string PrintedHead(const std::string& out) {
    static const std::regex kHead(
        "audit head ([0-9]+:[0-9a-f]{64}) \\(HMAC with key ([0-9a-f]{16}); "
        "appended to (.*)\\)\n");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(out, m, kHead)) << out;
    if (m.empty()) return "";
    EXPECT_EQ(m[3].str(), audit_.head_file);
    return m[1].str();
  }
  int Verify(std::string& out, std::vector<std::string> expect = {}) {
    AuditArgs args;
    args.store = store_->url();
    args.audit = audit_;
    args.expect_heads = std::move(expect);
    std::ostringstream o, err;
    int code = RunAuditVerify(args, o, err);
    out = o.str() + err.str();
    return code;
  }
  size_t HeadFileLines() {
    std::ifstream in(audit_.head_file);
    size_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }

  fs::path dir_;
  store::AnchorOptions audit_;
};

TEST_P(AuditCommandTest, ARealisticSequenceVerifiesCleanAndATamperedAlertIsReported) {
  const std::string url = store_->url();
  std::ostringstream out, err;
  ImportArgs import;
  import.store = url;
  import.audit = audit_;
  import.paths = {SharedData("ofac/sdn-2024-01-31.csv"), SharedData("ofac/sdn-2024-02-23.csv")};
  ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
  EXPECT_EQ(PrintedHead(out.str()).substr(0, 2), "2:");

  CustomersImportArgs customers;
  customers.store = url;
  customers.audit = audit_;
  customers.path = ::embargo::testing::TestData("../../samples/customers.csv");
  out.str("");
  ASSERT_EQ(RunCustomersImport(customers, out, err), 0) << err.str();
  EXPECT_EQ(PrintedHead(out.str()).substr(0, 2), "3:");

  RescreenArgs rescreen;
  rescreen.store = url;
  rescreen.audit = audit_;
  rescreen.threads = 2;
  out.str("");
  ASSERT_EQ(RunRescreen(rescreen, out, err), 0) << err.str();
  PrintedHead(out.str());

  AlertsArgs alerts;
  alerts.store = url;
  alerts.format = "json";
  out.str("");
  ASSERT_EQ(RunAlertsList(alerts, out, err), 0) << err.str();
  auto first = nlohmann::json::parse(out.str().substr(0, out.str().find('\n')));
  alerts.id = first["id"].get<long long>();
  alerts.audit = audit_;
  alerts.decision = "false_positive";
  alerts.note = "different person: born 1990";
  alerts.analyst = "ana";
  alerts.four_eyes.strong_score = 0;  // every false positive waits for a reviewer
  out.str("");
  ASSERT_EQ(RunAlertsDecide(alerts, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("waits for a reviewer other than ana"), std::string::npos) << out.str();
  PrintedHead(out.str());
  alerts.approve = true;
  alerts.note = "agreed: the birth years differ";
  alerts.analyst = "rev";
  out.str("");
  ASSERT_EQ(RunAlertsReview(alerts, out, err), 0) << err.str();
  const std::string decided = PrintedHead(out.str());

  // A store-backed screen records the versions it used (published), then
  // its screening record (published again).
  ScreenArgs screen;
  screen.source.store = url;
  screen.source.audit = audit_;
  screen.single.names = {"Lee Won-ho"};
  out.str("");
  ASSERT_EQ(RunScreen(screen, out, err), 0) << err.str();
  EXPECT_EQ(HeadFileLines(), 7u);

  std::string report;
  ASSERT_EQ(Verify(report, {decided}), 0) << report;
  EXPECT_NE(report.find("\nok\n"), std::string::npos) << report;
  EXPECT_NE(report.find("chain: "), std::string::npos) << report;

  // An insider reopens the alert in the table.
  store_->ExecOutside(fmt::format(
      "UPDATE alerts SET status = 'open', closed_at = NULL, closed_reason = NULL WHERE id = {}",
      alerts.id));
  ASSERT_EQ(Verify(report), 3) << report;
  const std::string seq = decided.substr(0, decided.find(':'));
  EXPECT_NE(report.find(fmt::format("BROKEN: alerts {}: status is 'open' in the table, "
                                    "'false_positive' in the audit trail (row {})\n",
                                    alerts.id, seq)),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("BROKEN: 3 problems\n"), std::string::npos) << report;
}

TEST_P(AuditCommandTest, ADeletedTailFailsAgainstTheHeadPrintedByTheLastCommand) {
  std::ostringstream out, err;
  ImportArgs import;
  import.store = store_->url();
  import.audit = audit_;
  import.paths = {::embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
  const std::string head = PrintedHead(out.str());
  std::string report;
  ASSERT_EQ(Verify(report, {head}), 0) << report;

  store_->ExecOutside("DELETE FROM audit_log; DELETE FROM audit_anchors");
  fs::remove(audit_.head_file);
  ASSERT_EQ(Verify(report, {head}), 3) << report;
  EXPECT_NE(report.find(fmt::format("BROKEN: --expect-head {}: row 1 was published, but the chain "
                                    "ends at row 0: rows 1..1 were deleted\n",
                                    head)),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(fmt::format("BROKEN: no head file at {}\n", audit_.head_file)),
            std::string::npos)
      << report;
}

TEST_P(AuditCommandTest, AStoreWrittenWithoutTheKeyIsAnchoredOnlyAfterItVerifies) {
  std::ostringstream out, err;
  ImportArgs import;
  import.store = store_->url();
  import.audit.head_file = audit_.head_file;
  import.paths = {::embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("(not keyed: no audit key; appended to " + audit_.head_file + ")\n"),
            std::string::npos)
      << out.str();
  std::string report;
  ASSERT_EQ(Verify(report), 3) << report;
  EXPECT_NE(report.find("BROKEN: no row is anchored by key "), std::string::npos) << report;

  AuditArgs anchor;
  anchor.store = store_->url();
  anchor.audit = audit_;
  auto origin = db().QueryValue("SELECT origin FROM list_versions");
  ASSERT_TRUE(origin.ok());
  store_->ExecOutside("UPDATE list_versions SET origin = 'elsewhere'");
  out.str("");
  EXPECT_EQ(RunAuditAnchor(anchor, out, err), 3);
  EXPECT_NE(out.str().find("nothing anchored: the trail does not verify\n"), std::string::npos)
      << out.str();
  store_->ExecOutside("UPDATE list_versions SET origin = '" + origin->value_or("") + "'");
  out.str("");
  ASSERT_EQ(RunAuditAnchor(anchor, out, err), 0) << out.str() << err.str();
  PrintedHead(out.str());
  ASSERT_EQ(Verify(report), 0) << report;
}

TEST_P(AuditCommandTest, ABadKeyFileStopsAWriteBeforeAnythingIsStored) {
  fs::permissions(audit_.key_file, fs::perms::group_read, fs::perm_options::add);
  std::ostringstream out, err;
  ImportArgs import;
  import.store = store_->url();
  import.audit = audit_;
  import.paths = {::embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  EXPECT_EQ(RunImport(import, out, err), 1);
  EXPECT_EQ(err.str(), fmt::format("embargo import: {}: the audit key is open to other users "
                                   "(mode 0640): chmod 600 {} (nothing stored)\n",
                                   audit_.key_file, audit_.key_file));
  auto rows = db().QueryValue("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->value_or(""), "0");
}

EMBARGO_STORE_BACKENDS(AuditCommandTest);

}  // namespace
}  // namespace embargo::cli
