// `embargo customers import`: every row with an id and a usable name is
// stored, each dirty field kept and read as the screener will read it;
// every refused row and every warning is reported with its file:line.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/store_commands.h"
#include "dirty_fields.h"
#include "scratch_dir.h"
#include "store/customers.h"
#include "store/test_store.h"

namespace embargo::cli {
namespace {

using store::testing::Backend;
using store::testing::ScratchStore;
using testing::DirtyField;

struct ImportRun {
  int code = -1;
  std::string out, err, report;
  std::vector<store::Customer> stored;
};

ImportRun Import(ScratchStore& store, CustomersImportArgs args) {
  ImportRun run;
  args.store = store.url();
  args.report = (testing::ProcessScratchDir() / "report.txt").string();
  std::ostringstream out, err;
  run.code = RunCustomersImport(args, out, err);
  run.out = out.str();
  run.err = err.str();
  std::ifstream report(args.report);
  run.report.assign(std::istreambuf_iterator<char>(report), {});
  auto stored = store::LoadCustomers(store.db());
  EXPECT_TRUE(stored.ok()) << stored.error().ToString();
  if (stored.ok()) run.stored = std::move(*stored);
  return run;
}

class CustomersImportDirtyFieldTest : public ::testing::TestWithParam<DirtyField> {
 protected:
  static void SetUpTestSuite() {
    store_ = new ScratchStore(Backend::kSqlite);
    CustomersImportArgs args;
    args.path = testing::WriteScratchFile("customers.csv", testing::DirtyFieldsCsv("RI WON HO"));
    run_ = new ImportRun(Import(*store_, args));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete store_;
  }
  static ScratchStore* store_;
  static ImportRun* run_;
};
ScratchStore* CustomersImportDirtyFieldTest::store_ = nullptr;
ImportRun* CustomersImportDirtyFieldTest::run_ = nullptr;

std::string Reading(const Query& q, const std::string& field) {
  std::vector<std::string> parts;
  if (field == "birth_date") {
    for (const DateSpec& d : q.birth_dates) parts.push_back(d.ToString());
  } else if (field == "country") {
    parts = q.countries;
  } else {
    parts.push_back(std::string(SchemaName(q.schema.value_or(Schema::kLegalEntity))));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

TEST_P(CustomersImportDirtyFieldTest, TheRowIsStoredAsGivenAndReadLikeTheBatch) {
  const DirtyField& d = GetParam();
  ASSERT_EQ(run_->code, 0) << run_->err;
  EXPECT_EQ(run_->stored.size(), testing::DirtyFields().size());
  const store::Customer* customer = nullptr;
  for (const store::Customer& c : run_->stored) {
    if (c.external_id == d.label) customer = &c;
  }
  ASSERT_NE(customer, nullptr) << run_->out;
  auto query = MakeQuery(customer->fields);
  ASSERT_TRUE(query.ok()) << query.error().ToString();
  EXPECT_EQ(Reading(*query, d.field), d.reading);
  // Row n of the table is line n + 2 of the file (after the header).
  size_t row = 0;
  while (testing::DirtyFields()[row].label != d.label) ++row;
  std::string where = fmt::format("customers.csv:{}: ", row + 2);
  std::string expected =
      d.warning.empty() ? "" : fmt::format("{}warning (id '{}'): {}\n", where, d.label, d.warning);
  std::string reported;
  std::istringstream lines(run_->report);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(where) != std::string::npos) reported += line.substr(line.find(where)) + "\n";
  }
  EXPECT_EQ(reported, expected) << run_->report;
}

INSTANTIATE_TEST_SUITE_P(Issue12, CustomersImportDirtyFieldTest,
                         ::testing::ValuesIn(testing::DirtyFields()), testing::DirtyFieldName);

TEST(CustomersImportTest, StoresEveryGoodRowAndReportsEveryRefusedOne) {
  ScratchStore store(Backend::kSqlite);
  CustomersImportArgs args;
  args.path = testing::WriteScratchFile("refused.csv",
                                        "id,name,birth_date,country\n"
                                        "C1,김민준,1988-3-14,대한민국\n"
                                        "C2,,1970,\n"
                                        ",이서연,1992.05.21,\n"
                                        "C1,박지훈,19921103,Korea\n"
                                        "C3,***,,\n"
                                        "C4,최윤서,03/04/1987,\n"
                                        "C2,정우진,1975-7-4,\n");
  args.date_order = DateOrder::kDayMonthYear;
  ImportRun run = Import(store, args);
  EXPECT_EQ(run.code, 3);
  // The summary, then the audit head the import published.
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            "7 records: 3 added, 0 updated, 0 unchanged; 4 refused, 0 stored with "
            "warnings\n");
  EXPECT_EQ(run.out.substr(run.out.find('\n') + 1).rfind("audit head ", 0), 0u) << run.out;
  const std::string& p = args.path;
  EXPECT_EQ(run.report, p + ":3: refused (id 'C2'): missing name\n" + p +
                            ":4: refused: no id (the id cell is empty)\n" + p +
                            ":5: refused (id 'C1'): id given twice (first on line 2)\n" + p +
                            ":6: refused (id 'C3'): name '***' has no letter or digit\n");
  EXPECT_EQ(run.err, "embargo customers import: 4 of 7 rows refused (see the report: " +
                         (testing::ProcessScratchDir() / "report.txt").string() + ")\n");
  ASSERT_EQ(run.stored.size(), 3u);
  EXPECT_EQ(run.stored[0].external_id, "C1");
  EXPECT_EQ(run.stored[0].fields.names, std::vector<std::string>{"김민준"});
  // The date order is stored with the record, so a re-screen reads it the same way.
  EXPECT_EQ(run.stored[1].external_id, "C4");
  EXPECT_EQ(run.stored[1].fields.date_order, DateOrder::kDayMonthYear);
  EXPECT_EQ(MakeQuery(run.stored[1].fields)->birth_dates.size(), 1u);
  // An id refused once (no name) is free for a later good row.
  EXPECT_EQ(run.stored[2].external_id, "C2");
  EXPECT_EQ(run.stored[2].fields.names, std::vector<std::string>{"정우진"});
}

// A row read with more or fewer fields than the header is stored, and the
// report and the count of rows with warnings say so (they went to stderr
// only: a new user's trial).
TEST(CustomersImportTest, ARowOfAnotherFieldCountIsReported) {
  ScratchStore store(Backend::kSqlite);
  CustomersImportArgs args;
  args.path = testing::WriteScratchFile("fields.csv",
                                        "id,name,country\n"
                                        "C1,KIM SU,KR,extra,more\n"
                                        "C2,LEE MIN\n");
  ImportRun run = Import(store, args);
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            "2 records: 2 added, 0 updated, 0 unchanged; 0 refused, 2 stored with warnings\n");
  EXPECT_EQ(run.report, args.path + ":2: warning (id 'C1'): 5 fields, header has 3\n" + args.path +
                            ":3: warning (id 'C2'): 2 fields, header has 3\n");
  EXPECT_EQ(run.stored.size(), 2u);
}

// A shipping firm's vessels may be given by IMO number alone: stored, and
// listed under it (the row had no name to list them by).
TEST(CustomersImportTest, AVesselGivenByItsImoNumberAloneIsStored) {
  ScratchStore store(Backend::kSqlite);
  CustomersImportArgs args;
  args.path = testing::WriteScratchFile("vessels.csv", "id,name,imo\nV1,,9187629\nV2,EBANO,\n");
  ImportRun run = Import(store, args);
  EXPECT_EQ(run.code, 0) << run.err;
  ASSERT_EQ(run.stored.size(), 2u);
  EXPECT_EQ(run.stored[0].external_id, "V1");
  EXPECT_EQ(run.stored[0].fields.imo_numbers, std::vector<std::string>{"9187629"});
}

TEST(CustomersImportTest, AFileWithoutIdsStoresNothing) {
  ScratchStore store(Backend::kSqlite);
  CustomersImportArgs args;
  args.path = testing::WriteScratchFile("no-ids.csv", "name\n김민준\n이서연\n");
  ImportRun run = Import(store, args);
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.err, "embargo customers import: " + args.path +
                         ": no row has an id (an 'id' column is required; map one with --map "
                         "HEADER=id; nothing stored)\n");
  EXPECT_TRUE(run.stored.empty());
}

}  // namespace
}  // namespace embargo::cli
