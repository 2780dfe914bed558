// Issue 12's case: a Korean bank's 32-row customer file (Hangul and
// romanised names, dirty dates, Korea / 북한 / 대한민국, Corporate / 개인,
// Korean headers, an extra column) against every reference list. Every row
// is screened, on every input path, and 리원호 (born 1964-7-17, DPRK) alerts
// on UN KPi.033.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/batch_input.h"
#include "cli/customer_selection.h"
#include "cli/screen_command.h"
#include "common/file.h"
#include "encoded.h"
#include "scratch_dir.h"
#include "service/match_handler.h"
#include "service/reference_snapshot.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

constexpr char kRiWonHo[] = "un_sc_sanctions-KPi.033";

// The entry of `results` whose `key` is `id`, or null. RI WON HO is also on
// the UK and Australian lists, which may rank level with the UN entry.
nlohmann::json Find(const nlohmann::json& results, const char* key, const std::string& id) {
  for (const auto& r : results)
    if (r[key] == id) return r;
  return nullptr;
}
const std::vector<std::string> kKoreanHeaders = {"고객번호=id",         "성명=name",
                                                 "생년월일=birth_date", "국적=nationality",
                                                 "고객구분=schema",     "성별=gender"};

std::string Path() { return testing::TestData("input/korean-bank-customers.csv"); }

// The rows whose fields cannot all be read plainly, with their warnings.
const std::map<std::string, nlohmann::json>& ExpectedWarnings() {
  static const std::string korea =
      "country 'Korea' is ambiguous: read as kp (North Korea) or kr (South Korea)";
  static const std::map<std::string, nlohmann::json> warnings = {
      {"C0003", {korea}},
      {"C0005", {"birth_date '03/04/1987' is ambiguous: read as 1987-03-04 or 1987-04-03", korea}},
      {"C0010", {"birth_date '1974-01-32' has no valid day: read as 1974-01"}},
      {"C0025", {korea}},
  };
  return warnings;
}

std::map<std::string, nlohmann::json> ScreenFile(const BatchDecoding& decoding,
                                                 const std::string& path, BatchSummary& summary) {
  auto input = ReadBatchInput(path, kKoreanHeaders, decoding);
  EXPECT_TRUE(input.ok()) << input.error().ToString();
  if (!input.ok()) return {};
  EXPECT_EQ(input->warnings, std::vector<std::string>{path + ":1: ignoring unknown column '지점' "
                                                             "(map it with --map '지점=FIELD')"});
  std::ostringstream out;
  summary = ScreenBatch(*service::testing::ReferenceSnapshot().screener, *input, path,
                        ScreenOptions{}, 2, out);
  std::map<std::string, nlohmann::json> rows;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    rows[j["id"].get<std::string>()] = j;
  }
  return rows;
}

TEST(KoreanBankTest, TheBatchScreensEveryRowAndRiWonHoAlertsOnKPi033) {
  BatchSummary summary;
  auto rows = ScreenFile({}, Path(), summary);
  ASSERT_EQ(rows.size(), 32u);
  EXPECT_EQ(summary.rows, 32u);
  EXPECT_EQ(summary.screened, 32u);
  EXPECT_EQ(summary.not_screened, 0u);
  EXPECT_EQ(summary.with_warnings, ExpectedWarnings().size());
  for (const auto& [id, row] : rows) {
    EXPECT_FALSE(row.contains("error")) << row.dump();
    auto expected = ExpectedWarnings().find(id);
    EXPECT_EQ(row["warnings"],
              expected == ExpectedWarnings().end() ? nlohmann::json::array() : expected->second)
        << id;
  }
  const nlohmann::json& ri = rows["C0004"];
  ASSERT_FALSE(ri["matches"].empty()) << ri.dump();
  nlohmann::json un = Find(ri["matches"], "entity_id", kRiWonHo);
  ASSERT_FALSE(un.is_null()) << ri.dump();
  EXPECT_EQ(un["match"], true);
  EXPECT_EQ(un["score"], ri["matches"][0]["score"]);  // ranked first, or level with the first
  EXPECT_GE(un["score"].get<double>(), kDefaultThreshold);
}

TEST(KoreanBankTest, TheFileSavedAsCp949ScreensTheSame) {
  BatchSummary summary;
  auto utf8_rows = ScreenFile({}, Path(), summary);
  auto bytes = ReadFileBytes(Path());
  ASSERT_TRUE(bytes.ok());
  std::string cp949 =
      testing::WriteScratchFile("korean-bank.cp949.csv", testing::Encoded(*bytes, "CP949"));
  auto cp949_rows = ScreenFile({"CP949", DateOrder::kUnknown}, cp949, summary);
  EXPECT_EQ(summary.screened, 32u);
  EXPECT_EQ(cp949_rows, utf8_rows);
}

// The same rows saved by Excel (tests/data/input/make_korean_bank_xlsx.py):
// clean birth dates as date cells, the others as typed, 19780622 a number.
std::string Workbook() { return testing::TestData("input/korean-bank-customers.xlsx"); }

TEST(KoreanBankTest, TheWorkbooksFirstSheetScreensLikeTheCsv) {
  BatchSummary summary;
  auto csv_rows = ScreenFile({}, Path(), summary);
  auto xlsx_rows = ScreenFile({}, Workbook(), summary);
  EXPECT_EQ(summary.screened, 32u);
  EXPECT_EQ(xlsx_rows, csv_rows);
}

TEST(KoreanBankTest, ASheetIsChosenByName) {
  auto notes = ReadBatchInput(Workbook(), kKoreanHeaders, {"", DateOrder::kUnknown, "메모"});
  ASSERT_FALSE(notes.ok());
  EXPECT_EQ(notes.error().ToString(),
            Workbook() + ":1: no 'name' column in the header (map one with --map HEADER=name)");
  auto missing = ReadBatchInput(Workbook(), kKoreanHeaders, {"", DateOrder::kUnknown, "Sheet1"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(),
            Workbook() + ": no sheet named 'Sheet1' (sheets: 고객목록, 메모)");
  auto customers =
      ReadBatchInput(Workbook(), kKoreanHeaders, {"", DateOrder::kUnknown, "고객목록"});
  ASSERT_TRUE(customers.ok()) << customers.error().ToString();
  ASSERT_EQ(customers->rows.size(), 32u);
  // A date cell reads as YYYY-MM-DD, a number as written; the sheet's row numbers are the lines.
  EXPECT_EQ(customers->rows[0].fields.birth_dates, std::vector<std::string>{"1988-03-14"});
  EXPECT_EQ(customers->rows[19].fields.birth_dates, std::vector<std::string>{"19780622"});
  EXPECT_EQ(customers->rows[19].line, 21);
}

TEST(KoreanBankTest, CustomersImportTakesEveryRow) {
  auto input = ReadBatchInput(Path(), kKoreanHeaders);
  ASSERT_TRUE(input.ok()) << input.error().ToString();
  CustomerSelection selection = SelectCustomers(*input, "customers.csv");
  EXPECT_EQ(selection.accepted.size(), 32u);
  EXPECT_EQ(selection.refused, 0u);
  EXPECT_EQ(selection.with_warnings, ExpectedWarnings().size());
  EXPECT_EQ(selection.report.front(), "customers.csv:4: warning (id 'C0003'): " +
                                          ExpectedWarnings().at("C0003")[0].get<std::string>());
}

TEST(KoreanBankTest, MatchScreensEveryRowAsAQuery) {
  auto input = ReadBatchInput(Path(), kKoreanHeaders);
  ASSERT_TRUE(input.ok()) << input.error().ToString();
  nlohmann::json queries = nlohmann::json::object();
  for (const BatchRow& row : input->rows) {
    const QueryFields& f = row.fields;
    nlohmann::json props = {{"name", f.names},
                            {"birthDate", f.birth_dates},
                            {"nationality", f.countries},
                            {"gender", f.gender}};
    queries[f.id] = {{"schema", f.schema}, {"properties", props}};
  }
  nlohmann::json body = {{"queries", queries}};
  service::Response r = service::HandleMatch(service::testing::ReferenceSnapshot(), "default", {},
                                             body.dump(), service::Limits{});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const nlohmann::json answer = service::BodyJson(r);
  const nlohmann::json& responses = answer["responses"];
  ASSERT_EQ(responses.size(), 32u);
  for (const auto& [id, entry] : responses.items()) {
    EXPECT_EQ(entry["status"], 200) << id;
    auto expected = ExpectedWarnings().find(id);
    EXPECT_EQ(entry["warnings"],
              expected == ExpectedWarnings().end() ? nlohmann::json::array() : expected->second)
        << id;
  }
  const nlohmann::json& results = responses["C0004"]["results"];
  nlohmann::json un = Find(results, "id", kRiWonHo);
  ASSERT_FALSE(un.is_null()) << results.dump();
  EXPECT_EQ(un["match"], true);
  EXPECT_EQ(un["score"], results[0]["score"]);
}

}  // namespace
}  // namespace embargo::cli
