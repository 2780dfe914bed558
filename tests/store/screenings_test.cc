// Screening records on every store backend: a batch gets consecutive ids and
// one audit row carrying its digest; the filters; `audit verify` reports a
// record edited, deleted or inserted outside embargo, naming the batch.
#include "store/screenings.h"

#include <gtest/gtest.h>

#include "store/audit_verify.h"
#include "store/screening_record_of.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

ScreeningRecord Named(const std::string& actor, const std::string& name,
                      const std::string& outcome = "clear") {
  ScreeningRecord r;
  r.at = NowUtc();
  r.actor = actor;
  r.channel = "api";
  r.kind = "name";
  r.subject = nlohmann::json{{"schema", "Person"}, {"properties", {{"name", {name}}}}}.dump();
  r.versions = R"({"un_sc_sanctions":{"source":"un_sc_sanctions@1","published":"2024-05-01"}})";
  r.outcome = outcome;
  r.result = R"({"threshold":0.8,"candidates":[],"warnings":[]})";
  return r;
}

class ScreeningsTest : public testing::StoreTest {
 protected:
  void Record(std::vector<ScreeningRecord> records) {
    auto recorded = RecordScreenings(db(), records);
    ASSERT_TRUE(recorded.ok()) << recorded.error().ToString();
  }
  std::vector<std::string> Problems() {
    AuditVerifyOptions options;
    options.require_anchor = RequireAnchor::kNo;
    auto report = VerifyAuditTrail(db(), options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    if (!report.ok()) return {"verify failed"};
    return report->problems;
  }
};

TEST_P(ScreeningsTest, ABatchGetsConsecutiveIdsAndOneAuditRowWithItsDigest) {
  std::vector<ScreeningRecord> first = {Named("ana", "Ri Won Ho", "alert"), Named("ana", "Kim")};
  auto one = RecordScreenings(db(), first);
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  EXPECT_EQ(one->first_id, 1);
  EXPECT_EQ(one->last_id, 2);
  EXPECT_EQ(first[1].id, 2);
  std::vector<ScreeningRecord> second = {Named("bob", "Lee Won-ho")};
  auto two = RecordScreenings(db(), second);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->first_id, 3);
  EXPECT_EQ(two->audit_seq, one->audit_seq + 1);

  auto row = db().Query("SELECT actor, action, subject, details FROM audit_log WHERE seq = ?",
                        {one->audit_seq});
  ASSERT_TRUE(row.ok() && row->size() == 1u);
  EXPECT_EQ(row->front().Text(0), "ana");
  EXPECT_EQ(row->front().Text(1), "screening.record");
  EXPECT_EQ(row->front().Text(2), "screenings 1..2");
  nlohmann::json details = nlohmann::json::parse(row->front().Text(3));
  EXPECT_EQ(details["screenings"]["count"], 2);
  EXPECT_EQ(details["screenings"]["sha256"], ScreeningsDigest(first));

  std::vector<ScreeningRecord> none;
  auto empty = RecordScreenings(db(), none);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->first_id, 0);  // nothing written, no audit row
  EXPECT_TRUE(Problems().empty());
}

TEST_P(ScreeningsTest, FiltersByActorKindTimeAndSubjectText) {
  Record({Named("ana", "Ri Won Ho", "alert"), Named("ana", "100%_sure Ltd"),
          Named("bob", "Lee Won-ho")});
  ScreeningFilter filter;
  auto all = ListScreenings(db(), filter);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->front().id, 3);  // newest first

  filter.actor = "ana";
  auto ana = ListScreenings(db(), filter);
  ASSERT_TRUE(ana.ok());
  EXPECT_EQ(ana->size(), 2u);

  filter = {};
  filter.search = "Won";
  auto won = ListScreenings(db(), filter);
  ASSERT_TRUE(won.ok());
  EXPECT_EQ(won->size(), 2u);
  // LIKE's wildcards are literal text here: "%_" finds only the firm.
  filter.search = "%_";
  auto literal = ListScreenings(db(), filter);
  ASSERT_TRUE(literal.ok());
  ASSERT_EQ(literal->size(), 1u);
  EXPECT_EQ(literal->front().id, 2);

  filter = {};
  filter.kind = "payment";
  auto payments = ListScreenings(db(), filter);
  ASSERT_TRUE(payments.ok());
  EXPECT_TRUE(payments->empty());

  filter = {};
  filter.since = "2999-01-01";
  auto future = ListScreenings(db(), filter);
  ASSERT_TRUE(future.ok());
  EXPECT_TRUE(future->empty());

  filter = {};
  filter.before_id = 3;
  filter.limit = 1;
  auto page = ListScreenings(db(), filter);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ(page->front().id, 2);

  auto got = GetScreening(db(), 1);
  ASSERT_TRUE(got.ok() && got->has_value());
  nlohmann::json j = ScreeningJson(**got);
  EXPECT_EQ(j["subject"]["properties"]["name"][0], "Ri Won Ho");
  EXPECT_EQ(j["versions"]["un_sc_sanctions"]["source"], "un_sc_sanctions@1");
  auto missing = GetScreening(db(), 99);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(ScreeningsTest, VerifyReportsARecordEditedDeletedOrInsertedOutsideEmbargo) {
  Record({Named("ana", "Ri Won Ho", "alert"), Named("ana", "Kim Yong Chol", "alert")});
  Record({Named("bob", "Lee Won-ho")});
  ASSERT_TRUE(Problems().empty());

  // An insider turns an alert into a clear result.
  store_->ExecOutside("UPDATE screenings SET outcome = 'clear' WHERE id = 2");
  EXPECT_EQ(Problems(),
            (std::vector<std::string>{
                "screenings 1..2: their SHA-256 differs from the one the audit trail (row 1) "
                "records: edited outside embargo"}));
  store_->ExecOutside("UPDATE screenings SET outcome = 'alert' WHERE id = 2");
  ASSERT_TRUE(Problems().empty());

  store_->ExecOutside("DELETE FROM screenings WHERE id = 3");
  EXPECT_EQ(Problems(), (std::vector<std::string>{
                            "screenings 3..3: the audit trail (row 2) records 1 screenings, the "
                            "table holds 0: deleted outside embargo"}));

  store_->ExecOutside(
      "INSERT INTO screenings (id, at, actor, channel, kind, subject, versions, outcome, result, "
      "audit_seq) VALUES (3, 'x', 'bob', 'api', 'name', '{}', '{}', 'clear', '{}', 2), (7, 'x', "
      "'eve', 'api', 'name', '{}', '{}', 'clear', '{}', 2)");
  EXPECT_EQ(Problems(),
            (std::vector<std::string>{
                "screenings 3..3: their SHA-256 differs from the one the audit trail (row 2) "
                "records: edited outside embargo",
                "screenings 7: in the table but in no batch of the audit trail: written outside "
                "embargo"}));
}

TEST_P(ScreeningsTest, ANameRecordSaysWhatWasFoundAndAPaymentWhatWasHeld) {
  ScreeningRecord base;
  base.actor = "ana";
  ScreeningRecord clear = NameScreeningRecord(base, {{"names", {"Nobody"}}}, {}, 0.8, {"w"});
  EXPECT_EQ(clear.kind, "name");
  EXPECT_EQ(clear.outcome, "clear");
  EXPECT_EQ(nlohmann::json::parse(clear.result),
            (nlohmann::json{
                {"threshold", 0.8}, {"candidates", nlohmann::json::array()}, {"warnings", {"w"}}}));
  ScreeningRecord refused = NameScreeningRecord(base, {}, {}, 0.8, {}, "no name");
  EXPECT_EQ(refused.outcome, "not_screened");
  EXPECT_EQ(nlohmann::json::parse(refused.result)["error"], "no name");
}

EMBARGO_STORE_BACKENDS(ScreeningsTest);

}  // namespace
}  // namespace embargo::store
