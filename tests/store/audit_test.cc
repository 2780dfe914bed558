#include "store/audit.h"

#include <gtest/gtest.h>

#include <sstream>

#include "store/test_store.h"

namespace embargo::store {
namespace {

using testing::Backend;

class AuditTest : public testing::StoreTest {
 protected:
  // Appends n events, each in its own transaction as commands do.
  void Append(int n) {
    for (int i = 0; i < n; ++i) {
      auto tx = Transaction::Begin(db());
      ASSERT_TRUE(tx.ok());
      auto row = AppendAudit(db(), {"analyst-" + std::to_string(i % 2),
                                    "alert.decide",
                                    "alert " + std::to_string(i + 1),
                                    {{"status", "false_positive"}, {"note", "dob differs"}}});
      ASSERT_TRUE(row.ok()) << row.error().ToString();
      ASSERT_TRUE(tx->Commit().ok());
    }
  }
  AuditCheck Verify() {
    auto check = VerifyAudit(db());
    EXPECT_TRUE(check.ok()) << check.error().ToString();
    return check.ok() ? *check : AuditCheck{};
  }
  void Tamper(const std::string& sql) { store_->ExecOutside(sql); }
};

TEST_P(AuditTest, AnIntactChainVerifies) {
  Append(5);
  AuditCheck check = Verify();
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.rows, 5);
  auto head = db().QueryValue("SELECT hash FROM audit_log WHERE seq = 5");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(check.head_hash, head->value_or(""));
  auto first = db().QueryValue("SELECT prev_hash FROM audit_log WHERE seq = 1");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->value_or(""), kAuditGenesis);
}

TEST_P(AuditTest, AnEmptyLogVerifies) {
  AuditCheck check = Verify();
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.rows, 0);
  EXPECT_EQ(check.head_hash, kAuditGenesis);
}

TEST_P(AuditTest, AnEditedRowInTheDatabaseIsNamed) {
  Append(6);
  Tamper("UPDATE audit_log SET details = '{\"status\":\"true_match\"}' WHERE seq = 3");
  AuditCheck check = Verify();
  EXPECT_EQ(check.first_bad_seq, 3);
  EXPECT_NE(check.problem.find("edited"), std::string::npos) << check.problem;
}

TEST_P(AuditTest, AnEditRecomputingTheRowHashBreaksTheNextRow) {
  Append(4);
  // A careful forger also rewrites the row's own hash: row 3 then no longer
  // follows row 2's successor chain.
  Tamper("UPDATE audit_log SET actor = 'mallory', hash = 'ab' WHERE seq = 2");
  AuditCheck check = Verify();
  EXPECT_EQ(check.first_bad_seq, 2);
  // Fix row 2's hash properly: now row 3's prev_hash betrays it.
  auto rows = db().Query(
      "SELECT seq, at, actor, action, subject, details, prev_hash FROM audit_log WHERE seq = 2");
  ASSERT_TRUE(rows.ok());
  const SqlRow& r = rows->front();
  AuditRow forged{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), ""};
  Tamper("UPDATE audit_log SET hash = '" + AuditRowHash(forged) + "' WHERE seq = 2");
  check = Verify();
  EXPECT_EQ(check.first_bad_seq, 3);
  EXPECT_NE(check.problem.find("does not follow row 2"), std::string::npos) << check.problem;
}

TEST_P(AuditTest, ARemovedRowIsNamed) {
  Append(5);
  Tamper("DELETE FROM audit_log WHERE seq = 4");
  AuditCheck check = Verify();
  EXPECT_EQ(check.first_bad_seq, 4);
  EXPECT_NE(check.problem.find("missing"), std::string::npos) << check.problem;
}

TEST_P(AuditTest, ReorderedRowsAreNamed) {
  Append(5);
  // Swap rows 2 and 3 by renumbering them.
  Tamper(
      "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
      "UPDATE audit_log SET seq = 3 WHERE seq = 100;");
  AuditCheck check = Verify();
  EXPECT_EQ(check.first_bad_seq, 2);
}

TEST_P(AuditTest, ExportWritesOneJsonObjectPerRowInOrder) {
  Append(3);
  std::ostringstream out;
  ASSERT_TRUE(ExportAudit(db(), out).ok());
  std::istringstream lines(out.str());
  std::string line;
  std::string prev = kAuditGenesis;
  int seq = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["seq"], ++seq);
    EXPECT_EQ(j["prev_hash"], prev);
    EXPECT_EQ(j["action"], "alert.decide");
    EXPECT_EQ(j["details"]["note"], "dob differs");
    prev = j["hash"];
  }
  EXPECT_EQ(seq, 3);
}

TEST_P(AuditTest, AnEventRolledBackWithItsTransactionLeavesNoRow) {
  Append(1);
  {
    auto tx = Transaction::Begin(db());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(AppendAudit(db(), {"a", "alert.open", "alert 9", {}}).ok());
  }
  AuditCheck check = Verify();
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.rows, 1);
}

EMBARGO_STORE_BACKENDS(AuditTest);

}  // namespace
}  // namespace embargo::store
