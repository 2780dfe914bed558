// Assigning alerts, on every store backend: who works an alert, the queue
// by assignee and by age, a decision by anyone else refused, and the
// assignment audited like every other table (an edit outside embargo shows).
#include <gtest/gtest.h>

#include "store/alerts.h"
#include "store/audit_verify.h"
#include "store/customers.h"
#include "store/ofac_months.h"
#include "store/rescreen.h"
#include "store/test_store.h"
#include "store/versions.h"

namespace embargo::store {
namespace {

class AlertAssignmentTest : public testing::StoreTest {
 protected:
  // Live alerts: two customers named as two listed people (and whoever
  // else shares their names).
  std::vector<Alert> TwoAlerts() {
    const ListSet& sdn = testing::OfacJanuary();
    EXPECT_TRUE(StoreListSet(db(), sdn, {}).ok());
    std::vector<QueryFields> customers;
    for (int i : {100, 200}) {
      QueryFields f;
      f.id = "K" + std::to_string(i);
      f.names = {sdn.entities[i].caption()};
      f.schema = std::string(SchemaName(sdn.entities[i].schema));
      customers.push_back(f);
    }
    EXPECT_TRUE(ImportCustomers(db(), customers, "customers.csv", "test").ok());
    RescreenOptions options;
    options.threads = 1;
    EXPECT_TRUE(Rescreen(db(), options).ok());
    auto alerts = ListAlerts(db(), {});
    EXPECT_TRUE(alerts.ok());
    return alerts.ok() ? *alerts : std::vector<Alert>{};
  }
  std::vector<int64_t> Ids(const AlertFilter& filter) {
    auto alerts = ListAlerts(db(), filter);
    EXPECT_TRUE(alerts.ok());
    std::vector<int64_t> ids;
    if (alerts.ok()) {
      for (const Alert& a : *alerts) ids.push_back(a.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

TEST_P(AlertAssignmentTest, AnAssignedAlertIsItsAssigneesToDecide) {
  std::vector<Alert> alerts = TwoAlerts();
  ASSERT_GE(alerts.size(), 2u);
  const int64_t a = alerts[0].id;
  const std::vector<int64_t> all = Ids({});
  std::vector<int64_t> others;
  for (int64_t id : all) {
    if (id != a) others.push_back(id);
  }

  auto assigned = AssignAlert(db(), a, "ana", "rev");
  ASSERT_TRUE(assigned.ok()) << assigned.error().ToString();
  EXPECT_EQ(assigned->assignee, "ana");
  EXPECT_EQ(assigned->assigned_by, "rev");
  EXPECT_FALSE(assigned->assigned_at.empty());
  EXPECT_EQ(AlertToJson(*assigned)["assignee"], "ana");

  AlertFilter mine;
  mine.assignee = "ana";
  EXPECT_EQ(Ids(mine), std::vector<int64_t>{a});
  AlertFilter nobody;
  nobody.assignee = "";
  EXPECT_EQ(Ids(nobody), others);

  auto by_bob = DecideAlert(db(), a, "escalated", "looks like him", "bob");
  ASSERT_FALSE(by_bob.ok());
  EXPECT_EQ(by_bob.error().message,
            "alert " + std::to_string(a) +
                " is assigned to ana: bob cannot decide it unless it is assigned to them first");
  EXPECT_TRUE(DecideAlert(db(), a, "escalated", "looks like him", "ana").ok());

  // Reassigned, then unassigned: anyone may decide again.
  ASSERT_TRUE(AssignAlert(db(), a, "bob", "rev").ok());
  EXPECT_TRUE(DecideAlert(db(), a, "escalated", "still him", "bob").ok());
  auto cleared = AssignAlert(db(), a, "", "rev");
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->assignee, "");
  EXPECT_EQ(Ids(nobody), all);

  auto rows = db().Query(
      "SELECT action, actor FROM audit_log WHERE action LIKE 'alert.%assign' ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].Text(0), "alert.assign");
  EXPECT_EQ((*rows)[2].Text(0), "alert.unassign");
  EXPECT_EQ((*rows)[2].Text(1), "rev");
  testing::ExpectTrailIntact(db());
}

TEST_P(AlertAssignmentTest, TheQueueFiltersByAge) {
  std::vector<Alert> alerts = TwoAlerts();
  ASSERT_GE(alerts.size(), 2u);
  AlertFilter old;
  old.created_before = UtcDaysAgo(3);
  EXPECT_TRUE(Ids(old).empty());  // opened just now
  store_->ExecOutside("UPDATE alerts SET created_at = '2026-01-05T10:00:00.000Z' WHERE id = " +
                      std::to_string(alerts[1].id));
  EXPECT_EQ(Ids(old), std::vector<int64_t>{alerts[1].id});
}

TEST_P(AlertAssignmentTest, AClosedAlertTakesNoAssignmentAndAnEditOutsideShows) {
  std::vector<Alert> alerts = TwoAlerts();
  ASSERT_GE(alerts.size(), 1u);
  ASSERT_TRUE(AssignAlert(db(), alerts[0].id, "ana", "ana").ok());
  // The same assignment again changes nothing and records nothing.
  auto before = db().QueryValue("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(AssignAlert(db(), alerts[0].id, "ana", "ana").ok());
  auto after = db().QueryValue("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(**before, **after);

  store_->ExecOutside("UPDATE alert_assignments SET assignee = 'eve'");
  AuditVerifyOptions options;
  options.require_anchor = RequireAnchor::kNo;
  auto report = VerifyAuditTrail(db(), options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->differences.size(), 1u);
  EXPECT_EQ(report->differences[0].ToString(),
            "alert_assignments " + std::to_string(alerts[0].id) +
                ": assignee is 'eve' in the table, 'ana' in the audit trail (row " +
                std::to_string(report->differences[0].seq) + ")");

  FourEyesPolicy lenient;
  lenient.strong_score = 1.1;  // closes at once, no reviewer
  auto closing = DecideAlert(db(), alerts[1].id, "false_positive", "a namesake", "ana", lenient);
  ASSERT_TRUE(closing.ok()) << closing.error().ToString();
  ASSERT_FALSE(closing->live());
  // An assignment checked against what its caller saw fails when another
  // process changed it meanwhile.
  auto stale = AssignAlert(db(), alerts[0].id, "bob", "rev", std::string(""));
  ASSERT_FALSE(stale.ok());
  EXPECT_NE(stale.error().message.find("was assigned to eve meanwhile"), std::string::npos)
      << stale.error().message;

  auto closed = AssignAlert(db(), alerts[1].id, "bob", "rev");
  ASSERT_FALSE(closed.ok());
  EXPECT_NE(closed.error().message.find("is closed"), std::string::npos) << closed.error().message;
}

EMBARGO_STORE_BACKENDS(AlertAssignmentTest);

}  // namespace
// A queue row names what matched: the listed name, or for a match by an
// identifier alone (an IMO number) that identifier ("listed as" was blank:
// a new user's trial).
TEST(AlertMatchedNameTest, AnIdentifierMatchIsNamedByItsIdentifier) {
  Alert by_name;
  by_name.explanation = R"({"matched_name": "RI WON HO", "features": []})";
  EXPECT_EQ(AlertMatchedName(by_name), "RI WON HO");
  Alert by_imo;
  by_imo.explanation =
      R"({"matched_name": "", "features": [{"feature": "identifier", "value": 0.0,
          "detail": "same identifier 9357389"}]})";
  EXPECT_EQ(AlertMatchedName(by_imo), "(same identifier 9357389)");
  Alert neither;
  neither.explanation = "{}";
  EXPECT_EQ(AlertMatchedName(neither), "");
}

}  // namespace embargo::store
