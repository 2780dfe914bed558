// `embargo screen --input`: every row with a usable name is screened, each
// dirty field read (or ignored) with its warning; the summary counts rows
// screened, with warnings and not screened; encodings, delimiters, stdin.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/batch_input.h"
#include "cli/screen_command.h"
#include "dirty_fields.h"
#include "encoded.h"
#include "scratch_dir.h"
#include "test_paths.h"
#include "xlsx_zip.h"

namespace embargo::cli {
namespace {

using testing::DirtyField;

// A small list in embargo's own format: FSC-0001 is RI Yong Gil (born
// 1955, North Korean), FSC-0002 a North Korean trading company.
const std::string kList = testing::TestData("lists/rok-fsc-sample.csv");

ScreenArgs Batch(const std::string& input) {
  ScreenArgs args;
  args.source.lists = {kList};
  args.input = input;
  args.threads = 2;
  args.cutoff = 0.0;
  args.limit = 10;
  return args;
}

struct BatchRun {
  int code = -1;
  std::string out, err;
  std::map<std::string, nlohmann::json> rows;  // by id
};

BatchRun RunBatch(const ScreenArgs& args) {
  BatchRun run;
  std::ostringstream out, err;
  run.code = RunScreen(args, out, err);
  run.out = out.str();
  run.err = err.str();
  std::istringstream lines(run.out);
  std::string line;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    run.rows[j["id"].get<std::string>()] = j;
  }
  return run;
}

const nlohmann::json* FindMatch(const nlohmann::json& row, const std::string& entity) {
  for (const auto& m : row["matches"]) {
    if (m["entity_id"] == entity) return &m;
  }
  return nullptr;
}

class BatchDirtyFieldTest : public ::testing::TestWithParam<DirtyField> {
 protected:
  static void SetUpTestSuite() {
    run_ = new BatchRun(RunBatch(
        Batch(testing::WriteScratchFile("dirty.csv", testing::DirtyFieldsCsv("Ri Yong Gil")))));
  }
  static void TearDownTestSuite() { delete run_; }
  static BatchRun* run_;
};
BatchRun* BatchDirtyFieldTest::run_ = nullptr;

TEST_P(BatchDirtyFieldTest, TheRowIsScreenedWithTheFieldReadAndItsWarning) {
  const DirtyField& d = GetParam();
  ASSERT_EQ(run_->code, kExitOk) << run_->err;
  ASSERT_TRUE(run_->rows.count(d.label)) << run_->out;
  const nlohmann::json& row = run_->rows[d.label];
  EXPECT_FALSE(row.contains("error")) << row.dump();
  nlohmann::json warnings = nlohmann::json::array();
  if (!d.warning.empty()) warnings.push_back(d.warning);
  EXPECT_EQ(row["warnings"], warnings);
  const nlohmann::json* person = FindMatch(row, "kr_fsc_sample-FSC-0001");
  if (d.field == "schema") {
    // A company is never compared with a listed person.
    EXPECT_EQ(person != nullptr, d.reading == "Person") << row.dump();
    return;
  }
  ASSERT_NE(person, nullptr) << row.dump();
  std::string feature = d.field == "birth_date" ? "birth_date" : "country";
  std::string details;
  for (const auto& f : (*person)["explanation"]["features"]) {
    if (f["feature"] == feature) details += f["detail"].get<std::string>();
  }
  EXPECT_NE(details.find("query " + d.reading + " vs listed"), std::string::npos) << details;
}

INSTANTIATE_TEST_SUITE_P(Issue12, BatchDirtyFieldTest, ::testing::ValuesIn(testing::DirtyFields()),
                         testing::DirtyFieldName);

TEST(ScreenBatchTest, ARowWithOnlyAnImoNumberScreensTheVessel) {
  ScreenArgs args = Batch(testing::WriteScratchFile("imo.csv", "id,name,imo\nv1,,9562233\n"));
  args.source.lists = {testing::SharedData("uk/uk-sanctions-list-excerpt-2026-08-14.xml")};
  BatchRun run = RunBatch(args);
  EXPECT_EQ(run.code, kExitOk) << run.err;
  ASSERT_EQ(run.rows.size(), 1u);
  ASSERT_EQ(run.rows["v1"]["matches"].size(), 1u) << run.rows["v1"].dump();
  EXPECT_EQ(run.rows["v1"]["matches"][0]["entity_id"], "gb_fcdo_sanctions-DPR0075");
  EXPECT_EQ(run.rows["v1"]["matches"][0]["score"], 0.95);
}

const char kRows[] =
    "id,name,birth_date,nationality\n"
    "r1,리영길,1955,북한\n"
    "r2,\"Ri, Yong Gil\",17/07/1964,Korea\n"
    "r3,,1970,\n"
    "r4,Korea Example Trading Corporation,,조선\n";

TEST(ScreenBatchTest, ARowWithoutAUsableNameIsNotScreenedAndTheExitCodeSaysSo) {
  std::string summary = (testing::ProcessScratchDir() / "summary.json").string();
  ScreenArgs args = Batch(testing::WriteScratchFile("rows.csv", kRows));
  args.summary = summary;
  BatchRun run = RunBatch(args);
  EXPECT_EQ(run.code, kExitRowsNotScreened);
  ASSERT_EQ(run.rows.size(), 4u);
  EXPECT_EQ(run.rows["r3"]["error"], args.input + ":4: missing name");
  EXPECT_EQ(run.rows["r2"]["warnings"],
            nlohmann::json::array(
                {"country 'Korea' is ambiguous: read as kp (North Korea) or kr (South Korea)"}));
  EXPECT_NE(run.err.find("warning: " + args.input + ":4: not screened: missing name\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("screened 3 of 4 rows (1 with warnings), 1 not screened, 2 with alerts "
                         "(threshold 0.80)\n"),
            std::string::npos)
      << run.err;
  std::ifstream in(summary);
  nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_EQ(j, (nlohmann::json{{"input", args.input},
                               {"rows", 4},
                               {"screened", 3},
                               {"screened_with_warnings", 1},
                               {"not_screened", 1},
                               {"alerted", 2},
                               {"threshold", kDefaultThreshold}}));
}

std::string WithDelimiter(std::string csv, char delimiter) {
  bool quoted = false;
  for (char& c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) c = delimiter;
  }
  return csv;
}

TEST(ScreenBatchTest, EncodingsByteOrderMarksAndDelimitersGiveTheSameOutput) {
  const std::string expected = RunBatch(Batch(testing::WriteScratchFile("utf8.csv", kRows))).out;
  struct Variant {
    std::string file, bytes, encoding;
  };
  const Variant variants[] = {
      {"cp949.csv", testing::Encoded(kRows, "CP949"), "CP949"},
      {"euckr.csv", testing::Encoded(kRows, "EUC-KR"), "euc-kr"},
      {"utf16le.csv", "\xFF\xFE" + testing::Encoded(kRows, "UTF-16LE"), ""},
      {"utf16be.csv", "\xFE\xFF" + testing::Encoded(kRows, "UTF-16BE"), ""},
      {"bom.csv", "\xEF\xBB\xBF" + std::string(kRows), ""},
      {"semicolon.csv", WithDelimiter(kRows, ';'), ""},
      {"tab.tsv", WithDelimiter(kRows, '\t'), ""},
      {"pipe.csv", WithDelimiter(kRows, '|'), ""},
  };
  for (const Variant& v : variants) {
    ScreenArgs args = Batch(testing::WriteScratchFile(v.file, v.bytes));
    args.encoding = v.encoding;
    BatchRun run = RunBatch(args);
    EXPECT_EQ(run.code, kExitRowsNotScreened) << v.file << ": " << run.err;
    std::string out = run.out;
    // Row errors name the file.
    for (size_t at; (at = out.find(args.input)) != std::string::npos;)
      out.replace(at, args.input.size(), "FILE");
    std::string want = expected;
    const std::string utf8_path = (testing::ProcessScratchDir() / "utf8.csv").string();
    for (size_t at; (at = want.find(utf8_path)) != std::string::npos;)
      want.replace(at, utf8_path.size(), "FILE");
    EXPECT_EQ(out, want) << v.file;
  }
}

TEST(ScreenBatchTest, BytesTheEncodingDoesNotAllowStopTheBatchWithTheLine) {
  ScreenArgs args =
      Batch(testing::WriteScratchFile("bad-cp949.csv", "id,name\n1,\xB8\xAE\n2,\xFF\n"));
  args.encoding = "CP949";
  BatchRun run = RunBatch(args);
  EXPECT_EQ(run.code, kExitFailed);
  EXPECT_EQ(run.err, "embargo screen: " + args.input +
                         ":3: 0xFF is not valid CP949 (is the encoding right?)\n");
  EXPECT_TRUE(run.out.empty());
}

TEST(ScreenBatchTest, ADashReadsTheBatchFromStdin) {
  std::istringstream stdin_rows(kRows);
  std::streambuf* saved = std::cin.rdbuf(stdin_rows.rdbuf());
  BatchRun run = RunBatch(Batch("-"));
  std::cin.rdbuf(saved);
  EXPECT_EQ(run.code, kExitRowsNotScreened) << run.err;
  ASSERT_EQ(run.rows.size(), 4u);
  EXPECT_EQ(run.rows["r3"]["error"], "<stdin>:4: missing name");
  EXPECT_NE(FindMatch(run.rows["r1"], "kr_fsc_sample-FSC-0001"), nullptr);
}

TEST(ScreenBatchTest, TheDateOrderResolvesAmbiguousDates) {
  const std::string path =
      testing::WriteScratchFile("order.csv", "id,name,birth_date\nr1,Ri Yong Gil,03/04/1955\n");
  BatchRun both = RunBatch(Batch(path));
  EXPECT_EQ(both.rows["r1"]["warnings"].size(), 1u);
  ScreenArgs args = Batch(path);
  args.single.date_order = DateOrder::kDayMonthYear;
  BatchRun day_first = RunBatch(args);
  EXPECT_EQ(day_first.rows["r1"]["warnings"], nlohmann::json::array());
  const nlohmann::json* m = FindMatch(day_first.rows["r1"], "kr_fsc_sample-FSC-0001");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->dump().find("query 1955-04-03 vs listed 1955"), std::string::npos) << m->dump();
}

// A workbook stores no empty cells at the end of a row: such a row is no
// short row ("2 fields, header has 3" was each one's warning: a new user's
// trial). A delimited file's short row still says so.
TEST(BatchInputTest, AWorkbookRowEndingInEmptyCellsHasNoWarning) {
  auto row = testing::InlineStringRow;
  testing::XlsxParts parts = testing::OneSheetWorkbookParts("Sheet1");
  parts["xl/worksheets/sheet1.xml"] =
      testing::Worksheet(row(1, {"name", "birth_date", "country"}) +
                         row(2, {"RI WON HO", "1964-07-17"}) + row(3, {"KIM SU"}));
  std::string book = testing::WriteScratchFile("short-rows.xlsx", testing::ZipParts(parts));
  auto input = ReadBatchInput(book, {});
  ASSERT_TRUE(input.ok()) << input.error().ToString();
  ASSERT_EQ(input->rows.size(), 2u);
  EXPECT_TRUE(input->warnings.empty()) << input->warnings.front();
  EXPECT_TRUE(input->rows[0].warnings.empty());
  EXPECT_EQ(input->rows[0].fields.birth_dates, std::vector<std::string>{"1964-07-17"});
  std::string csv = testing::WriteScratchFile("short-rows.csv",
                                              "name,birth_date,country\nRI WON HO,1964-07-17\n");
  auto delimited = ReadBatchInput(csv, {});
  ASSERT_TRUE(delimited.ok());
  EXPECT_EQ(delimited->rows[0].warnings, std::vector<std::string>{"2 fields, header has 3"});
}

}  // namespace
}  // namespace embargo::cli
