// Payment cases on both backends: a held pacs.008 (the phoughton minimal
// sample with RI WON HO, UN KPi.033, planted as the creditor) becomes one
// case however often it is screened while held; a release makes good-guy
// entries that clear the same creditor text on the same entity until the
// listing changes; a block makes none; every change is in the audit trail
// and a direct edit of the new tables is named by `audit verify`.
#include "store/payment_cases.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/json_writer.h"
#include "common/sha256.h"
#include "embargo/lists.h"
#include "model/entity_json.h"
#include "payments/embargoes.h"
#include "payments/read_payments.h"
#include "payments/screening_json.h"
#include "store/audit.h"
#include "store/audit_verify.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

using ::embargo::testing::SharedData;

constexpr const char* kRiWonHo = "un_sc_sanctions-KPi.033";

const ListSet& UnList() {
  static const ListSet lists = [] {
    auto loaded = LoadLists({SharedData("un/consolidated-2026-02-27.xml")});
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return loaded.ok() ? std::move(*loaded) : ListSet{};
  }();
  return lists;
}

// The phoughton minimal pacs.008 with `creditor` as the creditor's name.
std::string Pacs008(const std::string& creditor) {
  std::ifstream in(SharedData("payments/iso20022/phoughton_y2025_pacs.008.min.xml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string xml = text.str();
  const std::string name = "<Nm>EXAMPLE PARTY NV</Nm>";
  size_t creditor_at = xml.rfind(name);  // Dbtr comes first, Cdtr last
  EXPECT_NE(creditor_at, xml.find(name));
  return xml.replace(creditor_at, name.size(), "<Nm>" + creditor + "</Nm>");
}

// The same with `remittance` as its unstructured remittance information.
std::string Pacs008WithRemittance(const std::string& creditor, const std::string& remittance) {
  std::string xml = Pacs008(creditor);
  const std::string end = "</CdtTrfTxInf>";
  size_t at = xml.rfind(end);
  EXPECT_NE(at, std::string::npos);
  return xml.insert(at, "<RmtInf><Ustrd>" + remittance + "</Ustrd></RmtInf>");
}

payments::Message Parse(const std::string& xml) {
  std::vector<payments::ParsedMessage> parsed = payments::ParsePayments(xml, "planted.xml");
  EXPECT_EQ(parsed.size(), 1u);
  if (parsed.empty() || !parsed[0].message) {
    ADD_FAILURE() << (parsed.empty() ? "nothing parsed" : parsed[0].error->ToString());
    return {};
  }
  return *parsed[0].message;
}

std::vector<std::string> HitTexts(const std::vector<payments::Hit>& hits) {
  std::vector<std::string> out;
  for (const payments::Hit& h : hits) {
    out.push_back(fmt::format("{} {} {} {}", h.path, h.kind, h.text,
                              h.entity != nullptr ? h.entity->id : ""));
  }
  return out;
}

class PaymentCaseTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(StoreListSet(db(), UnList(), {}).ok());
  }

  // Screens as `payments screen --store` does: the versions in force, the
  // good-guy entries in force.
  payments::Screening Screen(const payments::Message& message) {
    auto versions = VersionsInForce(db());
    EXPECT_TRUE(versions.ok() && !versions->empty());
    if (!versions.ok()) return {};
    if (screener_ == nullptr || ListVersionsJson(*versions) != versions_) {
      auto hashes = EntityHashes::FromVersions(db(), *versions);
      auto set = LoadListSet(db(), *versions);
      EXPECT_TRUE(hashes.ok() && set.ok());
      if (!hashes.ok() || !set.ok()) return {};
      hashes_ = *hashes;
      versions_ = ListVersionsJson(*versions);
      screener_ = std::make_unique<payments::PaymentScreener>(Screener::Build(std::move(*set)),
                                                              payments::DefaultEmbargoes());
    }
    auto entries = ActiveGoodGuys(db());
    EXPECT_TRUE(entries.ok()) << entries.error().ToString();
    good_guys_ =
        std::make_shared<GoodGuyList>(entries.ok() ? *entries : std::vector<GoodGuy>{}, hashes_);
    payments::PaymentScreenOptions options;
    options.cleared = [list = good_guys_](const payments::Hit& hit) { return list->Clears(hit); };
    return screener_->Screen(message, options);
  }

  Result<RecordedCase> Record(const payments::Message& message,
                              const payments::Screening& screening) {
    return RecordPaymentCase(db(), MakePaymentCase(message, screening, hashes_, versions_), "ops");
  }

  // Screens the planted message and records its case.
  PaymentCase HoldPlanted(const std::string& creditor = "RI WON HO") {
    payments::Message message = Parse(Pacs008(creditor));
    payments::Screening screening = Screen(message);
    EXPECT_EQ(screening.decision, "hold") << creditor;
    auto recorded = Record(message, screening);
    EXPECT_TRUE(recorded.ok()) << recorded.error().ToString();
    return recorded.ok() ? recorded->payment_case : PaymentCase{};
  }

  // Releases a case as two people do when its hits are strong evidence (a
  // name that matches in full): ana decides, bo approves.
  Result<PaymentCase> Release(int64_t id, const std::string& note) {
    auto decided = DecidePaymentCase(db(), id, "released", note, "ana");
    if (!decided.ok() || !decided->pending) return decided;
    return ReviewPaymentCase(db(), id, true, "checked: " + note, "bo");
  }

  std::string Value(const std::string& sql) {
    auto value = db().QueryValue(sql);
    EXPECT_TRUE(value.ok()) << value.error().ToString();
    return value.ok() ? value->value_or("") : "";
  }
  std::string RecordHash(const std::string& entity_id) {
    return Value(fmt::format(
        "SELECT record_hash FROM version_entities WHERE entity_id = '{}' ORDER BY version_id DESC "
        "LIMIT 1",
        entity_id));
  }
  std::vector<std::string> AuditActions() {
    std::vector<std::string> out;
    EXPECT_TRUE(ForEachAudit(db(), [&](const AuditRow& row) {
                  out.push_back(row.action);
                  return Status::Ok();
                }).ok());
    return out;
  }

  std::unique_ptr<payments::PaymentScreener> screener_;
  std::shared_ptr<GoodGuyList> good_guys_;
  EntityHashes hashes_;
  nlohmann::json versions_;
};

TEST_P(PaymentCaseTest, AHeldMessageBecomesACaseWithItsHitsContentAndListVersions) {
  payments::Message message = Parse(Pacs008("RI WON HO"));
  payments::Screening screening = Screen(message);
  ASSERT_EQ(screening.decision, "hold");
  EXPECT_EQ(HitTexts(screening.hits),
            (std::vector<std::string>{
                fmt::format("CdtTrfTxInf[1]/Cdtr/Nm party_name RI WON HO {}", kRiWonHo)}));
  auto recorded = Record(message, screening);
  ASSERT_TRUE(recorded.ok()) << recorded.error().ToString();
  EXPECT_TRUE(recorded->created);
  const PaymentCase& c = recorded->payment_case;
  EXPECT_EQ(c.id, 1);
  EXPECT_EQ(c.status, "held");
  EXPECT_EQ(c.message_digest, payments::MessageDigest(message));
  EXPECT_EQ(c.message_type, "pacs.008.001.08");
  EXPECT_EQ(c.message_id, message.id);
  EXPECT_EQ(c.file, "planted.xml");
  EXPECT_EQ(c.decided_at, "");
  EXPECT_EQ(nlohmann::json::parse(c.list_versions), (nlohmann::json{{"un_sc_sanctions", 1}}));
  std::string content;
  JsonWriter w(content);
  payments::WriteMessageContent(w, message);
  EXPECT_EQ(nlohmann::json::parse(c.message), nlohmann::json::parse(content));
  auto hits = nlohmann::json::parse(c.hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["kind"], "party_name");
  EXPECT_EQ(hits[0]["entity"]["id"], kRiWonHo);
  EXPECT_EQ(hits[0]["good_guy"], (nlohmann::json{{"field", "creditor"},
                                                 {"text", "RI WON HO"},
                                                 {"entity_id", kRiWonHo},
                                                 {"entity_hash", RecordHash(kRiWonHo)}}));
  EXPECT_EQ(AuditActions().back(), "payment_case.open");
}

// Lists read from files give the hashes the store keeps for them, so a
// `--lists` screen recorded in a store agrees with a `--store` one.
TEST_P(PaymentCaseTest, AComputedEntityHashIsTheStoredRecordHash) {
  for (const Entity& e : UnList().entities) {
    if (e.id != kRiWonHo) continue;
    EXPECT_EQ(EntityHashes().Of(e), RecordHash(kRiWonHo));
    EXPECT_EQ(EntityHashes().Of(e), Sha256Hex(EntityJson(e)));
    return;
  }
  ADD_FAILURE() << kRiWonHo << " is not on the UN list";
}

TEST_P(PaymentCaseTest, TheSameMessageScreenedAgainWhileHeldKeepsItsOneCase) {
  PaymentCase first = HoldPlanted();
  payments::Message again = Parse(Pacs008("RI WON HO"));
  again.file = "resent/planted.xml";  // the same content from another file
  auto second = Record(again, Screen(again));
  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->payment_case.id, first.id);
  EXPECT_EQ(second->payment_case.file, "planted.xml");
  EXPECT_EQ(Value("SELECT count(*) FROM payment_cases"), "1");
  std::vector<std::string> actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "payment_case.open"), 1);
  // Another message is another case.
  EXPECT_EQ(HoldPlanted("RI WON HO PYONGYANG").id, 2);
}

TEST_P(PaymentCaseTest, CasesAreListedByStatusAndShownWithTheirDecisions) {
  HoldPlanted();
  HoldPlanted("RI WON HO PYONGYANG");
  ASSERT_TRUE(DecidePaymentCase(db(), 2, "blocked", "the listed official", "ana").ok());
  auto held = ListPaymentCases(db(), {.status = "held"});
  ASSERT_TRUE(held.ok()) << held.error().ToString();
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ(held->front().id, 1);
  auto all = ListPaymentCases(db(), {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  auto limited = ListPaymentCases(db(), {.limit = 1});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
  auto counts = PaymentCaseCounts(db());
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, (std::vector<std::pair<std::string, int64_t>>{{"blocked", 1}, {"held", 1}}));

  auto shown = GetPaymentCase(db(), 2);
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->status, "blocked");
  EXPECT_FALSE(shown->decided_at.empty());
  auto decisions = PaymentCaseDecisions(db(), 2);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ(decisions->front().status, "blocked");
  EXPECT_EQ(decisions->front().note, "the listed official");
  EXPECT_EQ(decisions->front().analyst, "ana");
  nlohmann::json j = PaymentCaseToJson(*shown, *decisions, {});
  EXPECT_EQ(j["decisions"][0]["note"], "the listed official");
  EXPECT_EQ(j["message"]["type"], "pacs.008.001.08");
  EXPECT_EQ(j["hits"][0]["good_guy"]["field"], "creditor");

  auto missing = GetPaymentCase(db(), 99);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(), "no payment case 99");
}

TEST_P(PaymentCaseTest, AReleaseClearsTheSameCreditorOnTheSameListingNextTime) {
  PaymentCase held = HoldPlanted();
  auto released = Release(held.id, "a namesake: born 1990");
  ASSERT_TRUE(released.ok()) << released.error().ToString();
  EXPECT_EQ(released->status, "released");
  auto entries = ActiveGoodGuys(db());
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  const GoodGuy& entry = entries->front();
  EXPECT_EQ(entry.key.field, "creditor");
  EXPECT_EQ(entry.key.text, "RI WON HO");
  EXPECT_EQ(entry.key.entity_id, kRiWonHo);
  EXPECT_EQ(entry.key.entity_hash, RecordHash(kRiWonHo));
  EXPECT_EQ(entry.case_id, held.id);
  EXPECT_EQ(entry.lapsed_at, "");

  // The same payment again: it passes, the hit reported as cleared.
  payments::Message message = Parse(Pacs008("RI WON HO"));
  payments::Screening again = Screen(message);
  EXPECT_EQ(again.decision, "pass");
  EXPECT_TRUE(again.hits.empty());
  EXPECT_EQ(HitTexts(again.suppressed),
            (std::vector<std::string>{
                fmt::format("CdtTrfTxInf[1]/Cdtr/Nm party_name RI WON HO {}", kRiWonHo)}));
  std::string line;
  JsonWriter w(line);
  payments::WriteScreening(w, message, again);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["decision"], "pass");
  EXPECT_EQ(j["cleared"][0]["entity"]["id"], kRiWonHo);
  // Case and spacing do not make another party.
  EXPECT_EQ(Screen(Parse(Pacs008("Ri  Won Ho"))).decision, "pass");
}

TEST_P(PaymentCaseTest, ADifferentCreditorTextIsNotCleared) {
  PaymentCase held = HoldPlanted();
  ASSERT_TRUE(Release(held.id, "a namesake").ok());
  for (const char* creditor : {"RI WON-HO", "WON HO RI"}) {
    payments::Screening other = Screen(Parse(Pacs008(creditor)));
    EXPECT_EQ(other.decision, "hold") << creditor;
    EXPECT_EQ(HitTexts(other.hits),
              (std::vector<std::string>{
                  fmt::format("CdtTrfTxInf[1]/Cdtr/Nm party_name {} {}", creditor, kRiWonHo)}));
    EXPECT_TRUE(other.suppressed.empty()) << creditor;
  }
}

// A hit in free text is released for the whole field it is in, not for the
// words that matched: releasing "FORTUNE COOKIE ORDER" cleared "CHARTER
// HIRE M/V FORTUNE" (a new user's trial).
TEST_P(PaymentCaseTest, AReleasedFreeTextHitClearsThatTextOnly) {
  const std::string innocent = "ACME TRADING BV";
  payments::Message message = Parse(Pacs008WithRemittance(innocent, "FEES RI WON HO VISIT"));
  payments::Screening screening = Screen(message);
  ASSERT_EQ(screening.decision, "hold");
  ASSERT_EQ(screening.hits.size(), 1u) << ::testing::PrintToString(HitTexts(screening.hits));
  EXPECT_EQ(screening.hits[0].field_text, "FEES RI WON HO VISIT");
  auto recorded = Record(message, screening);
  ASSERT_TRUE(recorded.ok()) << recorded.error().ToString();
  ASSERT_TRUE(Release(recorded->payment_case.id, "a visit fee").ok());
  auto entries = ActiveGoodGuys(db());
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().key.text, "FEES RI WON HO VISIT");
  EXPECT_EQ(Screen(Parse(Pacs008WithRemittance(innocent, "fees  ri won ho visit"))).decision,
            "pass");
  payments::Screening other = Screen(Parse(Pacs008WithRemittance(innocent, "SALARY RI WON HO")));
  EXPECT_EQ(other.decision, "hold");
  EXPECT_TRUE(other.suppressed.empty());
}

// Entries are per hit: the name the release covered is cleared, a place
// the creditor field now also names holds the payment.
TEST_P(PaymentCaseTest, AnEntryClearsItsOwnHitOnlyAndTheOthersStillHold) {
  PaymentCase held = HoldPlanted();
  ASSERT_TRUE(Release(held.id, "a namesake").ok());
  payments::Screening screening = Screen(Parse(Pacs008("RI WON HO PYONGYANG")));
  EXPECT_EQ(screening.decision, "hold");
  EXPECT_EQ(HitTexts(screening.hits),
            (std::vector<std::string>{"CdtTrfTxInf[1]/Cdtr/Nm place PYONGYANG "}));
  EXPECT_EQ(HitTexts(screening.suppressed),
            (std::vector<std::string>{
                fmt::format("CdtTrfTxInf[1]/Cdtr/Nm party_name RI WON HO {}", kRiWonHo)}));
}

TEST_P(PaymentCaseTest, AChangedListingRaisesTheHitAgainAndTheEntryLapses) {
  PaymentCase held = HoldPlanted();
  ASSERT_TRUE(Release(held.id, "a namesake").ok());
  const std::string released_hash = RecordHash(kRiWonHo);
  ListSet amended = UnList();
  for (Entity& e : amended.entities) {
    if (e.id == kRiWonHo) e.remarks.push_back("Amended: new passport.");
  }
  auto stored = StoreListSet(db(), amended, {});
  ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  ASSERT_TRUE(stored->front().created);
  ASSERT_NE(RecordHash(kRiWonHo), released_hash);

  payments::Screening screening = Screen(Parse(Pacs008("RI WON HO")));
  EXPECT_EQ(screening.decision, "hold");
  ASSERT_EQ(screening.hits.size(), 1u);
  std::vector<int64_t> stale = good_guys_->Stale(screening.hits[0]);
  EXPECT_EQ(stale, (std::vector<int64_t>{1}));
  ASSERT_TRUE(LapseGoodGuys(db(), stale, "ops").ok());
  auto active = ActiveGoodGuys(db());
  ASSERT_TRUE(active.ok());
  EXPECT_TRUE(active->empty());
  auto entries = CaseGoodGuys(db(), held.id);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_FALSE(entries->front().lapsed_at.empty());
  EXPECT_EQ(AuditActions().back(), "payment_good_guy.lapse");
  // Lapsing again changes nothing and records nothing.
  const size_t rows = AuditActions().size();
  ASSERT_TRUE(LapseGoodGuys(db(), stale, "ops").ok());
  EXPECT_EQ(AuditActions().size(), rows);
  // The new case records the new version; releasing it makes a fresh entry.
  auto recorded = Record(Parse(Pacs008("RI WON HO")), screening);
  ASSERT_TRUE(recorded.ok());
  EXPECT_TRUE(recorded->created);
  EXPECT_EQ(nlohmann::json::parse(recorded->payment_case.list_versions),
            (nlohmann::json{{"un_sc_sanctions", stored->front().version.id}}));
  ASSERT_TRUE(Release(recorded->payment_case.id, "still").ok());
  EXPECT_EQ(Screen(Parse(Pacs008("RI WON HO"))).decision, "pass");
}

TEST_P(PaymentCaseTest, ABlockKeepsNoGoodGuyAndTheNextPaymentIsHeldAgain) {
  PaymentCase held = HoldPlanted();
  auto blocked = DecidePaymentCase(db(), held.id, "blocked", "the listed official", "ana");
  ASSERT_TRUE(blocked.ok()) << blocked.error().ToString();
  EXPECT_EQ(blocked->status, "blocked");
  auto entries = ActiveGoodGuys(db());
  ASSERT_TRUE(entries.ok());
  EXPECT_TRUE(entries->empty());
  // Decided, the case no longer holds the digest: the next one is a new case.
  EXPECT_EQ(HoldPlanted().id, held.id + 1);
}

TEST_P(PaymentCaseTest, OnlyAHeldCaseCanBeDecidedWithAStatusAndANote) {
  PaymentCase held = HoldPlanted();
  auto bad_status = DecidePaymentCase(db(), held.id, "cleared", "x", "ana");
  ASSERT_FALSE(bad_status.ok());
  EXPECT_EQ(bad_status.error().ToString(), "status 'cleared': expected released or blocked");
  auto no_note = DecidePaymentCase(db(), held.id, "released", "", "ana");
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().ToString(), "a decision needs a note: why this status");
  // White space is no note (a new user's trial stored "   ").
  EXPECT_FALSE(DecidePaymentCase(db(), held.id, "blocked", "   ", "ana").ok());
  auto missing = DecidePaymentCase(db(), 42, "blocked", "x", "ana");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(), "no payment case 42");

  auto released = Release(held.id, "a namesake");
  ASSERT_TRUE(released.ok());
  auto twice = DecidePaymentCase(db(), held.id, "blocked", "changed my mind", "bob");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().ToString(),
            fmt::format("payment case 1 was already released at {}: only a held case can be "
                        "decided",
                        released->decided_at));
  auto decisions = PaymentCaseDecisions(db(), held.id);
  ASSERT_TRUE(decisions.ok());
  EXPECT_EQ(decisions->size(), 1u);
  EXPECT_EQ(Value("SELECT count(*) FROM payment_good_guys"), "1");
}

// A release of a case whose hit is strong evidence (here a name that
// matches in full: 1.00) waits for a second person: one analyst released a
// message carrying a listed BIC alone (a new user's trial). The case stays
// held and clears nothing until another approves; a rejection leaves it
// held; a block takes effect at once and the release waiting lapses.
TEST_P(PaymentCaseTest, AReleaseOfStrongEvidenceWaitsForASecondPerson) {
  PaymentCase held = HoldPlanted();
  auto decided = DecidePaymentCase(db(), held.id, "released", "a namesake", "ana");
  ASSERT_TRUE(decided.ok()) << decided.error().ToString();
  EXPECT_EQ(decided->status, "held");
  ASSERT_TRUE(decided->pending.has_value());
  EXPECT_EQ(decided->pending->analyst, "ana");
  EXPECT_EQ(decided->pending->reason,
            "its party_name hit 'RI WON HO' scores 1.00, at or above the four-eyes bar 0.90");
  EXPECT_EQ(Screen(Parse(Pacs008("RI WON HO"))).decision, "hold");  // nothing cleared yet
  auto again = DecidePaymentCase(db(), held.id, "released", "really", "ana");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("waits for a reviewer"), std::string::npos);
  auto own = ReviewPaymentCase(db(), held.id, true, "fine", "ana");
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().message,
            "ana released payment case 1 and cannot review the release: four-eyes needs a "
            "reviewer other than its analyst");
  auto rejected = ReviewPaymentCase(db(), held.id, false, "born 1964: the listed man", "bo");
  ASSERT_TRUE(rejected.ok()) << rejected.error().ToString();
  EXPECT_EQ(rejected->status, "held");
  EXPECT_FALSE(rejected->pending.has_value());
  EXPECT_TRUE(ActiveGoodGuys(db())->empty());

  ASSERT_TRUE(DecidePaymentCase(db(), held.id, "released", "a namesake after all", "ana").ok());
  auto approved = ReviewPaymentCase(db(), held.id, true, "checked the birth date", "bo");
  ASSERT_TRUE(approved.ok()) << approved.error().ToString();
  EXPECT_EQ(approved->status, "released");
  EXPECT_EQ(ActiveGoodGuys(db())->size(), 1u);
  EXPECT_EQ(Screen(Parse(Pacs008("RI WON HO"))).decision, "pass");
  auto none = ReviewPaymentCase(db(), held.id, true, "again", "bo");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "payment case 1 has no release waiting for a reviewer");

  // A block while a release waits: it takes effect, the release lapses.
  PaymentCase other = HoldPlanted("RI WON HO PYONGYANG");
  ASSERT_TRUE(DecidePaymentCase(db(), other.id, "released", "a namesake", "ana").ok());
  auto blocked = DecidePaymentCase(db(), other.id, "blocked", "the listed official", "bo");
  ASSERT_TRUE(blocked.ok()) << blocked.error().ToString();
  EXPECT_EQ(blocked->status, "blocked");
  EXPECT_FALSE(blocked->pending.has_value());
  EXPECT_EQ(
      Value(fmt::format("SELECT state FROM payment_case_reviews WHERE case_id = {}", other.id)),
      "lapsed");
  testing::ExpectTrailIntact(db());

  // A bar the analyst lowers holds more; one above every hit holds none.
  FourEyesPolicy strict{0.5};
  EXPECT_TRUE(ReleaseNeedsReview(other, strict).has_value());
  FourEyesPolicy none_strong{1.01};
  EXPECT_FALSE(ReleaseNeedsReview(other, none_strong).has_value());
}

class PaymentCaseAuditTest : public PaymentCaseTest {
 protected:
  // Case 1 released (good guy 1), case 2 blocked, case 3 held; then the
  // listing changes and the entry lapses.
  void SetUp() override {
    PaymentCaseTest::SetUp();
    if (IsSkipped()) return;
    HoldPlanted();
    ASSERT_TRUE(Release(1, "a namesake").ok());
    HoldPlanted("RI WON HO PYONGYANG");
    ASSERT_TRUE(DecidePaymentCase(db(), 2, "blocked", "the official", "ana").ok());
    HoldPlanted("Ri Won Ho, Damascus");
    ASSERT_TRUE(LapseGoodGuys(db(), {1}, "ops").ok());
  }
  std::vector<std::string> Differences() {
    auto report = VerifyAuditTrail(db(), {});
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    std::vector<std::string> out;
    if (!report.ok()) return out;
    for (const StateDifference& d : report->differences) out.push_back(d.ToString());
    return out;
  }
  // The audit row that last recorded `table` row `key`.
  int64_t LastRecorded(const std::string& table, const std::string& key) {
    int64_t seq = 0;
    EXPECT_TRUE(ForEachAudit(db(), [&](const AuditRow& row) {
                  auto details = nlohmann::json::parse(row.details);
                  if (details.contains("state") && details["state"].contains(table) &&
                      details["state"][table]["rows"].contains(key)) {
                    seq = row.seq;
                  }
                  return Status::Ok();
                }).ok());
    return seq;
  }
};

TEST_P(PaymentCaseAuditTest, EveryChangeIsRecordedAndTheTrailVerifies) {
  testing::ExpectTrailIntact(db());
  auto report = VerifyAuditTrail(db(), {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->rows_checked.at("payment_cases"), 3);
  EXPECT_EQ(report->rows_checked.at("payment_case_decisions"), 2);
  EXPECT_EQ(report->rows_checked.at("payment_good_guys"), 1);
  EXPECT_EQ(report->rows_checked.at("payment_case_reviews"), 1);
  std::vector<std::string> actions = AuditActions();
  EXPECT_EQ(
      std::vector<std::string>(actions.begin() + 1, actions.end()),
      (std::vector<std::string>{"payment_case.open", "payment_case.decide", "payment_case.approve",
                                "payment_case.open", "payment_case.decide", "payment_case.open",
                                "payment_good_guy.lapse"}));
  // A case's hits and message by their SHA-256.
  auto details = nlohmann::json::parse(Value("SELECT details FROM audit_log WHERE seq = 2"));
  const auto& cases = details["state"]["payment_cases"];
  EXPECT_EQ(cases["columns"][5], "hits_sha256");
  EXPECT_EQ(cases["rows"]["1"][5], Sha256Hex(Value("SELECT hits FROM payment_cases WHERE id = 1")));
  EXPECT_EQ(cases["rows"]["1"][4], "held");
}

TEST_P(PaymentCaseAuditTest, ACaseStatusUpdatedDirectlyIsNamed) {
  store_->ExecOutside("UPDATE payment_cases SET status = 'released' WHERE id = 3");
  EXPECT_EQ(Differences(), (std::vector<std::string>{fmt::format(
                               "payment_cases 3: status is 'released' in the table, 'held' in "
                               "the audit trail (row {})",
                               LastRecorded("payment_cases", "3"))}));
}

TEST_P(PaymentCaseAuditTest, ADeletedGoodGuyIsNamed) {
  store_->ExecOutside("DELETE FROM payment_good_guys WHERE id = 1");
  EXPECT_EQ(Differences(), (std::vector<std::string>{fmt::format(
                               "payment_good_guys 1: in the audit trail (row {}) but not in the "
                               "table: deleted outside embargo",
                               LastRecorded("payment_good_guys", "1"))}));
}

TEST_P(PaymentCaseAuditTest, AGoodGuyRevivedOrADecisionRewrittenDirectlyIsNamed) {
  store_->ExecOutside(
      "UPDATE payment_good_guys SET lapsed_at = NULL WHERE id = 1; UPDATE "
      "payment_case_decisions SET note = 'no note' WHERE id = 2");
  std::vector<std::string> differences = Differences();
  ASSERT_EQ(differences.size(), 2u) << ::testing::PrintToString(differences);
  EXPECT_EQ(differences[0], fmt::format("payment_case_decisions 2: note is 'no note' in the "
                                        "table, 'the official' in the audit trail (row {})",
                                        LastRecorded("payment_case_decisions", "2")));
  EXPECT_EQ(differences[1].rfind("payment_good_guys 1: lapsed_at is NULL in the table, '", 0), 0u)
      << differences[1];
}

EMBARGO_STORE_BACKENDS(PaymentCaseTest);
EMBARGO_STORE_BACKENDS(PaymentCaseAuditTest);

TEST(GoodGuyTextTest, IsTrimmedSpacedOnceAndCaseFolded) {
  EXPECT_EQ(NormalizedGoodGuyText("  Ri  Won\tHo \n"), "ri won ho");
  EXPECT_EQ(NormalizedGoodGuyText("ÄLMHULT STRASSE"), "älmhult strasse");
  EXPECT_EQ(NormalizedGoodGuyText("Straße"), "strasse");
  EXPECT_EQ(NormalizedGoodGuyText(""), "");
}

TEST(GoodGuyKeyTest, APlaceHitIsKeyedByItsJurisdictionAndName) {
  payments::Place pyongyang{"KP", "town", "Pyongyang", "UN SCR 1718"};
  payments::Hit hit;
  hit.path = "CdtTrfTxInf[1]/Cdtr/PstlAdr/TwnNm";
  hit.role = "creditor";
  hit.kind = "place";
  hit.text = "PYONGYANG";
  hit.place = &pyongyang;
  GoodGuyKey key = GoodGuyKeyOf(hit, EntityHashes());
  EXPECT_EQ(key.field, "creditor");
  EXPECT_EQ(key.text, "PYONGYANG");
  EXPECT_EQ(key.entity_id, "place:KP:Pyongyang");
  EXPECT_EQ(key.entity_hash, "");
  GoodGuyList list({{7, key, 1, "2026-01-01", ""}}, EntityHashes());
  hit.text = "Pyongyang";
  EXPECT_TRUE(list.Clears(hit));
  hit.path = ":70:";
  hit.role = "";
  EXPECT_FALSE(list.Clears(hit));
}

}  // namespace
}  // namespace embargo::store
