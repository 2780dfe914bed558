// `embargo alerts list|decide|review` on both backends: the UN list
// imported, customers in Latin, Hangul and Cyrillic re-screened; the text
// table keeps its columns whatever the script; a strong false positive
// waits for a second person, whom its analyst cannot be; a mistyped --store
// is an error, not a new empty store.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/store_commands.h"
#include "cli/text_columns.h"
#include "common/csv.h"
#include "common/xlsx.h"
#include "store/customers.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

namespace fs = std::filesystem;

QueryFields Customer(std::string id, std::string name, std::vector<std::string> birth = {}) {
  QueryFields f;
  f.id = std::move(id);
  f.names = {std::move(name)};
  f.schema = "Person";
  f.birth_dates = std::move(birth);
  return f;
}

class AlertsCommandTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           fmt::format("embargo-alerts-command-{}-{}", getpid(), static_cast<int>(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    audit_.head_file = (dir_ / "audit.head").string();
    ImportArgs import;
    import.store = store_->url();
    import.audit = audit_;
    import.paths = {::embargo::testing::SharedData("un/consolidated-2026-02-27.xml")};
    std::ostringstream out, err;
    ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
    auto imported = store::ImportCustomers(
        db(),
        {Customer("c-ri", "리원호", {"1964-07-17"}), Customer("c-yun", "YUN HO JIN"),
         Customer("c-abbasi", "Фереидун Аббаси Давани")},
        "customers.csv", "test");
    ASSERT_TRUE(imported.ok()) << imported.error().ToString();
    RescreenArgs rescreen;
    rescreen.store = store_->url();
    rescreen.audit = audit_;
    rescreen.threads = 1;
    ASSERT_EQ(RunRescreen(rescreen, out, err), 0) << err.str();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  AlertsArgs Args() {
    AlertsArgs args;
    args.store = store_->url();
    args.audit = audit_;
    return args;
  }

  fs::path dir_;
  store::AnchorOptions audit_;
};

TEST_P(AlertsCommandTest, TheTableKeepsItsColumnsInEveryScript) {
  std::ostringstream out, err;
  ASSERT_EQ(RunAlertsList(Args(), out, err), 0) << err.str();
  std::istringstream lines(out.str());
  std::string header;
  std::getline(lines, header);
  const size_t score_column = DisplayWidth(header.substr(0, header.find("score")));
  int rows = 0;
  bool hangul = false;
  for (std::string line; std::getline(lines, line) && !line.starts_with("totals:");) {
    ++rows;
    hangul = hangul || line.find("리원호") != std::string::npos;
    // The score (0.xxx or 1.000) ends at the header's "score" column end.
    size_t dot =
        line.find('.', line.find(" 0.") != std::string::npos ? line.find(" 0.") : line.find(" 1."));
    ASSERT_NE(dot, std::string::npos) << line;
    EXPECT_EQ(DisplayWidth(line.substr(0, dot - 1)), score_column) << line;
  }
  EXPECT_GE(rows, 2) << out.str();
  EXPECT_TRUE(hangul) << out.str();
}

TEST_P(AlertsCommandTest, AStrongFalsePositiveWaitsForAnotherReviewer) {
  AlertsArgs list = Args();
  list.customer = "c-yun";
  list.format = "json";
  std::ostringstream out, err;
  ASSERT_EQ(RunAlertsList(list, out, err), 0) << err.str();
  ASSERT_FALSE(out.str().empty()) << "no alert for YUN HO JIN, a name on the UN list";
  nlohmann::json first = nlohmann::json::parse(out.str().substr(0, out.str().find('\n')));
  const int64_t id = first["id"];
  ASSERT_GE(first["score"].get<double>(), 0.9) << first.dump();

  AlertsArgs decide = Args();
  decide.id = id;
  decide.decision = "false_positive";
  decide.note = "a namesake";
  decide.analyst = "ana";
  out.str("");
  ASSERT_EQ(RunAlertsDecide(decide, out, err), 0) << err.str();
  EXPECT_NE(out.str().find(fmt::format("alert {}: false_positive by ana waits for a reviewer "
                                       "other than ana",
                                       id)),
            std::string::npos)
      << out.str();

  AlertsArgs pending = Args();
  pending.pending = true;
  out.str("");
  ASSERT_EQ(RunAlertsList(pending, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("pending"), std::string::npos) << out.str();

  AlertsArgs review = Args();
  review.id = id;
  review.approve = true;
  review.note = "checked";
  review.analyst = "ana";
  std::ostringstream own_err;
  EXPECT_EQ(RunAlertsReview(review, out, own_err), 1);
  EXPECT_NE(own_err.str().find("ana made decision"), std::string::npos) << own_err.str();
  review.analyst = "rev";
  out.str("");
  ASSERT_EQ(RunAlertsReview(review, out, err), 0) << err.str();
  EXPECT_NE(out.str().find(fmt::format("alert {}: decision", id)), std::string::npos);
  EXPECT_NE(out.str().find("approved by rev; the alert is false_positive and closed"),
            std::string::npos)
      << out.str();
}

// The auditor's export: a row per decision (the review beside it), an
// undecided alert once; the .xlsx and the CSV hold the same table.
TEST_P(AlertsCommandTest, TheExportHoldsEveryDecisionAndReviewInCsvAndXlsx) {
  AlertsArgs list = Args();
  list.format = "json";
  std::ostringstream out, err;
  ASSERT_EQ(RunAlertsList(list, out, err), 0) << err.str();
  std::vector<int64_t> ids;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);)
    ids.push_back(nlohmann::json::parse(line)["id"]);
  ASSERT_GE(ids.size(), 2u);
  AlertsArgs decide = Args();
  decide.id = ids[0];
  decide.decision = "false_positive";
  decide.note = "namesake, \"born 1990\"";  // a quote and a comma for the CSV
  decide.analyst = "ana";
  decide.four_eyes.strong_score = 0;
  ASSERT_EQ(RunAlertsDecide(decide, out, err), 0) << err.str();
  decide.approve = true;
  decide.note = "agreed";
  decide.analyst = "rev";
  ASSERT_EQ(RunAlertsReview(decide, out, err), 0) << err.str();

  AlertsArgs csv = Args();
  csv.all = true;
  csv.out = (dir_ / "alerts.csv").string();
  ASSERT_EQ(RunAlertsExport(csv, out, err), 0) << err.str();
  AlertsArgs xlsx = csv;
  xlsx.out = (dir_ / "alerts.xlsx").string();
  ASSERT_EQ(RunAlertsExport(xlsx, out, err), 0) << err.str();

  std::ifstream in(csv.out, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto rows = ReadCsv(text, csv.out);
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  ASSERT_EQ(rows->size(), ids.size() + 1) << text;  // header, one row per alert (one decision)
  const std::vector<std::string>& header = rows->front().fields;
  auto column = [&](const char* name) { return static_cast<size_t>(FindColumn(header, name)); };
  const std::vector<std::string>* decided = nullptr;
  for (const CsvRow& row : *rows) {
    if (row.fields[column("alert_id")] == std::to_string(ids[0])) decided = &row.fields;
  }
  ASSERT_NE(decided, nullptr) << text;
  EXPECT_EQ((*decided)[column("decision_status")], "false_positive");
  EXPECT_EQ((*decided)[column("decision_note")], "namesake, \"born 1990\"");
  EXPECT_EQ((*decided)[column("analyst")], "ana");
  EXPECT_EQ((*decided)[column("review_state")], "approved");
  EXPECT_EQ((*decided)[column("reviewer")], "rev");
  EXPECT_EQ((*decided)[column("state")], "closed");

  auto workbook = XlsxWorkbook::Open(xlsx.out);
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  auto sheet = workbook->ReadSheet("alerts");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  ASSERT_EQ(sheet->rows.size(), rows->size());
  for (size_t r = 0; r < rows->size(); ++r) {
    std::vector<std::string> cells = sheet->rows[r].Texts();
    cells.resize((*rows)[r].fields.size());
    EXPECT_EQ(cells, (*rows)[r].fields) << "row " << r;
  }
  // Names in Hangul and Cyrillic survive both.
  EXPECT_NE(text.find("리원호"), std::string::npos);
  EXPECT_NE(text.find("Фереидун"), std::string::npos);
}

TEST_P(AlertsCommandTest, AMistypedStoreIsAnErrorNotANewStore) {
  if (GetParam() != store::testing::Backend::kSqlite) GTEST_SKIP() << "a file path";
  AlertsArgs args = Args();
  args.store = (dir_ / "embrago.db").string();
  std::ostringstream out, err;
  EXPECT_EQ(RunAlertsList(args, out, err), 1);
  EXPECT_NE(err.str().find("no store at '" + args.store + "'"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(args.store));
}

TEST_P(AlertsCommandTest, AssignedAlertsShowTheirAssigneeAndFilterTheQueue) {
  AlertsArgs list = Args();
  list.customer = "c-yun";
  list.format = "json";
  std::ostringstream out, err;
  ASSERT_EQ(RunAlertsList(list, out, err), 0) << err.str();
  ASSERT_FALSE(out.str().empty());
  const int64_t id = nlohmann::json::parse(out.str().substr(0, out.str().find('\n')))["id"];

  AlertsArgs assign = Args();
  assign.id = id;
  EXPECT_EQ(RunAlertsAssign(assign, out, err), 2) << "neither --to nor --unassign";
  assign.assign_to = "me";
  assign.analyst = "ana";  // as if ana ran it
  out.str("");
  ASSERT_EQ(RunAlertsAssign(assign, out, err), 0) << err.str();
  EXPECT_NE(out.str().find(fmt::format("alert {}: assigned to ana\n", id)), std::string::npos)
      << out.str();

  AlertsArgs mine = Args();
  mine.assignee = "ana";
  out.str("");
  ASSERT_EQ(RunAlertsList(mine, out, err), 0) << err.str();
  std::istringstream lines(out.str());
  std::string header, row, totals;
  std::getline(lines, header);
  std::getline(lines, row);
  std::getline(lines, totals);
  EXPECT_NE(header.find("assignee"), std::string::npos) << header;
  EXPECT_NE(row.find(" ana "), std::string::npos) << row;
  // The totals are the whole store's, and say so under a filter.
  EXPECT_TRUE(totals.starts_with("totals (the whole store, not only the alerts above):"))
      << "one alert is ana's: " << out.str();

  // Bob cannot decide ana's alert.
  AlertsArgs decide = Args();
  decide.id = id;
  decide.decision = "escalated";
  decide.note = "ask the branch";
  decide.analyst = "bob";
  err.str("");
  EXPECT_EQ(RunAlertsDecide(decide, out, err), 1);
  EXPECT_NE(err.str().find("is assigned to ana"), std::string::npos) << err.str();

  AlertsArgs old = Args();
  old.older_than_days = 1;
  old.format = "json";
  out.str("");
  ASSERT_EQ(RunAlertsList(old, out, err), 0) << err.str();
  EXPECT_EQ(out.str(), "") << "every alert was opened just now";
}

EMBARGO_STORE_BACKENDS(AlertsCommandTest);

}  // namespace
}  // namespace embargo::cli
