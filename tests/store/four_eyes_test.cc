// Four-eyes over alert decisions, on every store backend: which decisions
// wait for a second person, that the alert stays as it was until a reviewer
// other than the analyst approves, and what approval, rejection and a
// closing alert do to the pending decision and to the audit trail.
#include "store/four_eyes.h"

#include <gtest/gtest.h>

#include "store/alerts.h"
#include "store/customers.h"
#include "store/ofac_months.h"
#include "store/rescreen.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

const ListSet& Sdn() { return testing::OfacJanuary(); }

// The first listed person in the SDN list with a passport number.
const Entity& PersonWithPassport() {
  for (const Entity& e : Sdn().entities) {
    if (e.schema != Schema::kPerson) continue;
    for (const Identifier& id : e.identifiers) {
      if (id.type == IdType::kPassport && id.value.size() >= 6) return e;
    }
  }
  return Sdn().entities.front();
}

class FourEyesTest : public testing::StoreTest {
 protected:
  // The live alert re-screening raises for `customer` on `entity_id`.
  Alert AlertFor(const QueryFields& customer, const std::string& entity_id) {
    auto stored = StoreListSet(db(), Sdn(), {});
    EXPECT_TRUE(stored.ok()) << stored.error().ToString();
    auto imported = ImportCustomers(db(), {customer}, "customers.csv", "test");
    EXPECT_TRUE(imported.ok()) << imported.error().ToString();
    RescreenOptions options;
    options.threads = 1;
    auto report = Rescreen(db(), options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    AlertFilter filter;
    filter.entity_id = entity_id;
    auto alerts = ListAlerts(db(), filter);
    EXPECT_TRUE(alerts.ok() && alerts->size() == 1u);
    return alerts.ok() && !alerts->empty() ? alerts->front() : Alert{};
  }
  int64_t AuditRows(const std::string& action) {
    auto n = db().QueryValue("SELECT count(*) FROM audit_log WHERE action = ?", {action});
    EXPECT_TRUE(n.ok());
    return n.ok() ? std::stoll(n->value_or("0")) : -1;
  }
};

QueryFields CustomerNamed(const Entity& listed, std::string name) {
  QueryFields f;
  f.id = "K1";
  f.names = {std::move(name)};
  f.schema = std::string(SchemaName(listed.schema));
  return f;
}

TEST_P(FourEyesTest, AStrongFalsePositiveWaitsForAReviewerOtherThanItsAnalyst) {
  const Entity& listed = Sdn().entities[100];
  Alert alert = AlertFor(CustomerNamed(listed, listed.caption()), listed.id);
  ASSERT_GT(alert.id, 0);
  ASSERT_GE(alert.score, FourEyesPolicy{}.strong_score);

  auto decided = DecideAlert(db(), alert.id, "false_positive", "a namesake", "ana");
  ASSERT_TRUE(decided.ok()) << decided.error().ToString();
  // Recorded, not in effect: the alert is live and open, and says who waits.
  EXPECT_TRUE(decided->live());
  EXPECT_EQ(decided->status, "open");
  ASSERT_TRUE(decided->pending.has_value());
  EXPECT_EQ(decided->pending->status, "false_positive");
  EXPECT_EQ(decided->pending->analyst, "ana");
  EXPECT_NE(decided->pending->reason.find("false positive on an alert scoring"), std::string::npos)
      << decided->pending->reason;
  EXPECT_EQ(AlertToJson(*decided)["pending_review"]["waiting_for"], "a reviewer other than ana");
  AlertFilter pending_only;
  pending_only.pending_review = true;
  auto queue = ListAlerts(db(), pending_only);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(queue->front().id, alert.id);

  // Nothing else is decided meanwhile, and nobody reviews their own decision.
  auto again = DecideAlert(db(), alert.id, "true_match", "on second thoughts", "bob");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("waits for a reviewer"), std::string::npos);
  auto own = ReviewDecision(db(), alert.id, true, "looks fine to me", "ana");
  ASSERT_FALSE(own.ok());
  EXPECT_NE(own.error().message.find("cannot review it"), std::string::npos);
  EXPECT_FALSE(ReviewDecision(db(), alert.id, true, "", "rev").ok()) << "a review needs a note";
  EXPECT_FALSE(ReviewDecision(db(), alert.id, true, " \t ", "rev").ok()) << "white space is none";
  // A note has a length: a 900 KB one went into the audit trail (a new
  // user's trial).
  auto long_note = ReviewDecision(db(), alert.id, true, std::string(kMaxNoteBytes + 1, 'x'), "rev");
  ASSERT_FALSE(long_note.ok());
  EXPECT_EQ(long_note.error().message, "a review's note is 10001 bytes: at most 10000");
  auto still = GetAlert(db(), alert.id);
  ASSERT_TRUE(still.ok());
  EXPECT_TRUE(still->live());
  EXPECT_TRUE(still->pending.has_value());

  auto approved = ReviewDecision(db(), alert.id, true, "checked the birth date", "rev");
  ASSERT_TRUE(approved.ok()) << approved.error().ToString();
  EXPECT_FALSE(approved->live());
  EXPECT_EQ(approved->status, "false_positive");
  EXPECT_FALSE(approved->pending.has_value());
  auto decisions = AlertDecisions(db(), alert.id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  ASSERT_TRUE(decisions->front().review.has_value());
  EXPECT_EQ(decisions->front().review->state, "approved");
  EXPECT_EQ(decisions->front().review->reviewer, "rev");
  EXPECT_EQ(AuditRows("alert.decide"), 1);
  EXPECT_EQ(AuditRows("alert.approve"), 1);

  // Approved, it suppresses the pair as any false positive does.
  auto report = Rescreen(db(), {.full = true, .threads = 1});
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->suppressed, 1u);
  EXPECT_EQ(report->opened, 0u);
  testing::ExpectTrailIntact(db());
}

TEST_P(FourEyesTest, TheScoreLevelIsConfiguredAndABelowItDecisionTakesEffectAtOnce) {
  const Entity& listed = Sdn().entities[100];
  std::string typo = listed.caption();
  typo.insert(typo.size() / 2, "x");
  Alert alert = AlertFor(CustomerNamed(listed, typo), listed.id);
  ASSERT_GT(alert.id, 0);
  ASSERT_LT(alert.score, 1.0);
  EXPECT_TRUE(FourEyesReason(alert, "false_positive", {alert.score}).has_value())
      << "the level is inclusive";
  EXPECT_FALSE(FourEyesReason(alert, "true_match", {alert.score}).has_value());
  EXPECT_FALSE(FourEyesReason(alert, "escalated", {alert.score}).has_value());

  auto decided =
      DecideAlert(db(), alert.id, "false_positive", "a namesake", "ana", {alert.score + 0.001});
  ASSERT_TRUE(decided.ok()) << decided.error().ToString();
  EXPECT_FALSE(decided->live());
  EXPECT_FALSE(decided->pending.has_value());
  auto decisions = AlertDecisions(db(), alert.id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_FALSE(decisions->front().review.has_value());
  testing::ExpectTrailIntact(db());
}

TEST_P(FourEyesTest, ReversingATrueMatchWaitsAndARejectionLeavesItStanding) {
  const Entity& listed = Sdn().entities[100];
  Alert alert = AlertFor(CustomerNamed(listed, listed.caption()), listed.id);
  ASSERT_GT(alert.id, 0);
  auto confirmed = DecideAlert(db(), alert.id, "true_match", "same person", "ana");
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().ToString();
  EXPECT_EQ(confirmed->status, "true_match");
  EXPECT_FALSE(confirmed->pending.has_value()) << "confirming needs no second person";

  // The intern's case from the issue: overturning a confirmed true match.
  FourEyesPolicy lenient{1.0};
  for (const char* status : {"false_positive", "escalated"}) {
    auto reason = FourEyesReason(*confirmed, status, lenient);
    ASSERT_TRUE(reason.has_value()) << status;
    EXPECT_NE(reason->find("reverses"), std::string::npos) << *reason;
  }
  auto reversed = DecideAlert(db(), alert.id, "escalated", "not sure any more", "intern", lenient);
  ASSERT_TRUE(reversed.ok()) << reversed.error().ToString();
  EXPECT_EQ(reversed->status, "true_match");
  ASSERT_TRUE(reversed->pending.has_value());

  auto rejected = ReviewDecision(db(), alert.id, false, "the passport matches", "ana");
  ASSERT_TRUE(rejected.ok()) << rejected.error().ToString();
  EXPECT_EQ(rejected->status, "true_match");
  EXPECT_TRUE(rejected->live());
  EXPECT_FALSE(rejected->pending.has_value()) << "open to decisions again";
  auto decisions = AlertDecisions(db(), alert.id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 2u);
  EXPECT_FALSE(decisions->at(0).review.has_value());
  ASSERT_TRUE(decisions->at(1).review.has_value());
  EXPECT_EQ(decisions->at(1).review->state, "rejected");
  EXPECT_EQ(AuditRows("alert.reject"), 1);
  testing::ExpectTrailIntact(db());
}

TEST_P(FourEyesTest, AFalsePositiveDespiteTheSameIdentifierWaitsWhateverTheScore) {
  const Entity& listed = PersonWithPassport();
  ASSERT_EQ(listed.schema, Schema::kPerson);
  QueryFields customer = CustomerNamed(listed, listed.caption());
  for (const Identifier& id : listed.identifiers) {
    if (id.type == IdType::kPassport) customer.id_numbers.push_back(id.value);
  }
  Alert alert = AlertFor(customer, listed.id);
  ASSERT_GT(alert.id, 0);
  ASSERT_TRUE(ExplanationHasIdentifierMatch(alert.explanation)) << alert.explanation;
  auto reason = FourEyesReason(alert, "false_positive", {1.0});
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("same identifier"), std::string::npos) << *reason;
  EXPECT_FALSE(ExplanationHasIdentifierMatch("{\"features\": []}"));
  EXPECT_FALSE(ExplanationHasIdentifierMatch("not json"));
}

TEST_P(FourEyesTest, APendingDecisionLapsesWhenItsAlertCloses) {
  const Entity& listed = Sdn().entities[100];
  Alert alert = AlertFor(CustomerNamed(listed, listed.caption()), listed.id);
  ASSERT_GT(alert.id, 0);
  ASSERT_TRUE(DecideAlert(db(), alert.id, "false_positive", "a namesake", "ana").ok());
  ASSERT_TRUE(CloseAlert(db(), alert.id, "entity delisted", "rescreen").ok());
  auto closed = GetAlert(db(), alert.id);
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed->live());
  EXPECT_FALSE(closed->pending.has_value());
  auto decisions = AlertDecisions(db(), alert.id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  ASSERT_TRUE(decisions->front().review.has_value());
  EXPECT_EQ(decisions->front().review->state, "lapsed");
  EXPECT_FALSE(ReviewDecision(db(), alert.id, true, "too late", "rev").ok());
  testing::ExpectTrailIntact(db());
}

EMBARGO_STORE_BACKENDS(FourEyesTest);

}  // namespace
}  // namespace embargo::store
