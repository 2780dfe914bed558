// `embargo payments screen --store` and `embargo payments cases
// list|show|decide` on both backends: the UN list imported, a pacs.008 with
// RI WON HO (UN KPi.033) planted as the creditor held as case 1, listed,
// shown, released by an analyst, then passed with its hit under "cleared";
// deciding it again fails; the audit trail verifies.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/payments_command.h"
#include "cli/store_commands.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

namespace fs = std::filesystem;
using ::embargo::testing::SharedData;

constexpr const char* kUnList = "un/consolidated-2026-02-27.xml";

class PaymentCasesCommandTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           fmt::format("embargo-payment-cases-{}-{}", getpid(), static_cast<int>(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    audit_.head_file = (dir_ / "audit.head").string();
    ImportArgs import;
    import.store = store_->url();
    import.audit = audit_;
    import.paths = {SharedData(kUnList)};
    std::ostringstream out, err;
    ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // The phoughton minimal pacs.008 with `creditor` as the creditor, as a file.
  std::string Planted(const std::string& creditor) {
    std::ifstream in(SharedData("payments/iso20022/phoughton_y2025_pacs.008.min.xml"));
    std::stringstream text;
    text << in.rdbuf();
    std::string xml = text.str();
    const std::string name = "<Nm>EXAMPLE PARTY NV</Nm>";
    xml.replace(xml.rfind(name), name.size(), "<Nm>" + creditor + "</Nm>");
    std::string path = (dir_ / (creditor + ".xml")).string();
    std::ofstream(path) << xml;
    return path;
  }

  // Runs `payments screen --store` on `file`: its one JSON line; `report`
  // gets what it printed on stderr.
  nlohmann::json Screen(const std::string& file, std::string& report,
                        std::vector<std::string> lists = {}) {
    PaymentsArgs args;
    args.source.store = store_->url();
    args.source.audit = audit_;
    args.source.lists = std::move(lists);
    args.inputs = {file};
    args.threads = 1;
    std::ostringstream out, err;
    EXPECT_EQ(RunPaymentsScreen(args, out, err), 0) << err.str();
    report = err.str();
    return nlohmann::json::parse(out.str());
  }
  PaymentCasesArgs Cases() {
    PaymentCasesArgs args;
    args.store = store_->url();
    args.audit = audit_;
    return args;
  }

  fs::path dir_;
  store::AnchorOptions audit_;
};

TEST_P(PaymentCasesCommandTest, AHeldPaymentIsACaseThatAReleaseClearsNextTime) {
  const std::string file = Planted("RI WON HO");
  std::string report;
  nlohmann::json held = Screen(file, report);
  EXPECT_EQ(held["decision"], "hold");
  EXPECT_EQ(held["hits"][0]["entity"]["id"], "un_sc_sanctions-KPi.033");
  EXPECT_NE(report.find("embargo payments: 1 messages: 0 pass, 1 held, 0 not read\n"
                        "embargo payments: payment cases: 1 opened, 0 already held; 0 hits "
                        "cleared by good-guy entries\naudit head "),
            std::string::npos)
      << report;
  Screen(file, report);  // still held: the same case
  EXPECT_NE(report.find("payment cases: 0 opened, 1 already held"), std::string::npos) << report;

  PaymentCasesArgs list = Cases();
  list.format = "json";
  std::ostringstream out, err;
  ASSERT_EQ(RunPaymentCasesList(list, out, err), 0) << err.str();
  nlohmann::json listed = nlohmann::json::parse(out.str());
  EXPECT_EQ(listed["id"], 1);
  EXPECT_EQ(listed["status"], "held");
  EXPECT_EQ(listed["message_type"], "pacs.008.001.08");
  EXPECT_EQ(listed["message_id"], "EXMsgId/EXEndToEndId");
  EXPECT_EQ(listed["list_versions"], (nlohmann::json{{"un_sc_sanctions", 1}}));
  EXPECT_EQ(listed["hits"][0]["good_guy"]["text"], "RI WON HO");

  list.format = "text";
  list.status = "released";
  out.str("");
  ASSERT_EQ(RunPaymentCasesList(list, out, err), 0) << err.str();
  EXPECT_EQ(out.str(), fmt::format("{:>6} {:<9} {:<16} {:<24} {:<24}  first hit\ntotals: held 1\n",
                                   "id", "status", "type", "message id", "created"));

  PaymentCasesArgs decide = Cases();
  decide.id = 1;
  decide.decision = "released";
  decide.note = "a namesake: born 1990";
  decide.analyst = "ana";
  out.str("");
  ASSERT_EQ(RunPaymentCasesDecide(decide, out, err), 0) << err.str();
  // A name that matches in full: the release waits for a second person.
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "payment case 1: released by ana, waiting for a second person (its party_name hit "
            "'RI WON HO' scores 1.00, at or above the four-eyes bar 0.90): the case stays held "
            "until another analyst approves (payments cases review 1 --approve)");
  EXPECT_NE(out.str().find("\naudit head "), std::string::npos) << out.str();
  EXPECT_EQ(Screen(file, report)["decision"], "hold");
  PaymentCasesArgs review = Cases();
  review.id = 1;
  review.approve = true;
  review.note = "born 1990: checked";
  review.analyst = "ana";
  out.str("");
  err.str("");
  EXPECT_EQ(RunPaymentCasesReview(review, out, err), 1);
  EXPECT_EQ(err.str(),
            "embargo payments cases review: ana released payment case 1 and cannot review the "
            "release: four-eyes needs a reviewer other than its analyst\n");
  review.analyst = "bo";
  ASSERT_EQ(RunPaymentCasesReview(review, out, err), 0) << err.str();
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "payment case 1: release approved by bo (1 good-guy entry: the same text in the same "
            "field is cleared until it or the listing changes)");
  EXPECT_NE(out.str().find("\naudit head "), std::string::npos) << out.str();

  nlohmann::json cleared = Screen(file, report);
  EXPECT_EQ(cleared["decision"], "pass");
  EXPECT_TRUE(cleared["hits"].empty());
  EXPECT_EQ(cleared["cleared"][0]["entity"]["id"], "un_sc_sanctions-KPi.033");
  EXPECT_NE(report.find("1 messages: 1 pass, 0 held"), std::string::npos) << report;
  EXPECT_NE(report.find("1 hits cleared by good-guy entries"), std::string::npos) << report;

  PaymentCasesArgs show = Cases();
  show.id = 1;
  out.str("");
  ASSERT_EQ(RunPaymentCasesShow(show, out, err), 0) << err.str();
  nlohmann::json shown = nlohmann::json::parse(out.str());
  EXPECT_EQ(shown["status"], "released");
  EXPECT_EQ(shown["decisions"][0]["note"], "a namesake: born 1990");
  EXPECT_EQ(shown["good_guys"][0]["field"], "creditor");
  EXPECT_EQ(shown["good_guys"][0]["entity_id"], "un_sc_sanctions-KPi.033");

  AuditArgs verify;
  verify.store = store_->url();
  verify.audit = audit_;
  out.str("");
  EXPECT_EQ(RunAuditVerify(verify, out, err), 0) << out.str() << err.str();
}

TEST_P(PaymentCasesCommandTest, ACaseIsDecidedOnceAndAMissingOneIsAnError) {
  std::string report;
  Screen(Planted("RI WON HO"), report);
  PaymentCasesArgs decide = Cases();
  decide.id = 1;
  decide.decision = "blocked";
  decide.note = "the listed official";
  decide.analyst = "ana";
  std::ostringstream out, err;
  ASSERT_EQ(RunPaymentCasesDecide(decide, out, err), 0) << err.str();
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')), "payment case 1: blocked by ana");
  decide.decision = "released";
  EXPECT_EQ(RunPaymentCasesDecide(decide, out, err), 1);
  EXPECT_NE(err.str().find("embargo payments cases decide: payment case 1 was already blocked at "),
            std::string::npos)
      << err.str();
  decide.id = 7;
  err.str("");
  EXPECT_EQ(RunPaymentCasesDecide(decide, out, err), 1);
  EXPECT_EQ(err.str(), "embargo payments cases decide: no payment case 7\n");
  PaymentCasesArgs show = Cases();
  show.id = 7;
  err.str("");
  EXPECT_EQ(RunPaymentCasesShow(show, out, err), 1);
  EXPECT_EQ(err.str(), "embargo payments cases show: no payment case 7\n");
}

// --lists beside --store: the lists come from the files, the cases go to
// the store, and the entries made from the store's versions still clear
// (the same entities hash alike).
TEST_P(PaymentCasesCommandTest, ListsFromFilesRecordTheirFilesAndShareTheEntries) {
  const std::string file = Planted("RI WON HO");
  std::string report;
  Screen(file, report);
  PaymentCasesArgs decide = Cases();
  decide.id = 1;
  decide.decision = "released";
  decide.note = "a namesake";
  std::ostringstream out, err;
  ASSERT_EQ(RunPaymentCasesDecide(decide, out, err), 0) << err.str();
  PaymentCasesArgs review = Cases();
  review.id = 1;
  review.approve = true;
  review.note = "checked";
  review.analyst = "a reviewer";
  ASSERT_EQ(RunPaymentCasesReview(review, out, err), 0) << err.str();

  nlohmann::json cleared = Screen(file, report, {SharedData(kUnList)});
  EXPECT_EQ(cleared["decision"], "pass") << cleared.dump();
  nlohmann::json held = Screen(Planted("WON HO RI"), report, {SharedData(kUnList)});
  EXPECT_EQ(held["decision"], "hold");
  PaymentCasesArgs show = Cases();
  show.id = 2;
  out.str("");
  ASSERT_EQ(RunPaymentCasesShow(show, out, err), 0) << err.str();
  nlohmann::json shown = nlohmann::json::parse(out.str());
  EXPECT_EQ(shown["list_versions"]["un_sc_sanctions"]["file"], SharedData(kUnList));
  auto stored = db().QueryValue(
      "SELECT record_hash FROM version_entities WHERE entity_id = 'un_sc_sanctions-KPi.033'");
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ(shown["hits"][0]["good_guy"]["entity_hash"], **stored);
}

EMBARGO_STORE_BACKENDS(PaymentCasesCommandTest);

}  // namespace
}  // namespace embargo::cli
