#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/lists_command.h"
#include "cli/screen_command.h"
#include "scratch_dir.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

// A small list in embargo's own format (Hangul beside romanised names).
const std::string kList = testing::TestData("lists/rok-fsc-sample.csv");

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

ScreenArgs BatchArgs(const std::string& input) {
  ScreenArgs args;
  args.source.lists = {kList};
  args.input = input;
  args.threads = 2;
  args.mappings = {"full_name=name", "dob=birth_date"};
  return args;
}

TEST(ScreenCommandTest, BatchWritesOneJsonLinePerRowInInputOrder) {
  std::ostringstream out, err;
  ASSERT_EQ(RunScreen(BatchArgs(testing::TestData("batch/mixed.csv")), out, err),
            kExitRowsNotScreened)
      << err.str();
  auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["id"], "r1");
  ASSERT_FALSE(lines[0]["matches"].empty());
  const auto& best = lines[0]["matches"][0];
  EXPECT_EQ(best["entity_id"], "kr_fsc_sample-FSC-0001");
  EXPECT_EQ(best["dataset"], "kr_fsc_sample");
  EXPECT_EQ(best["source_id"], "FSC-0001");
  EXPECT_EQ(best["schema"], "Person");
  EXPECT_EQ(best["match"], true);
  EXPECT_GE(best["score"].get<double>(), kDefaultThreshold);
  EXPECT_EQ(best["explanation"]["features"][0]["feature"], "name_match");
  EXPECT_FALSE(best["explanation"]["alignment"].empty());
  EXPECT_EQ(lines[3]["id"], "r4");
  EXPECT_EQ(lines[3]["matches"][0]["entity_id"], "kr_fsc_sample-FSC-0002");
}

TEST(ScreenCommandTest, ARowWithoutANameYieldsAnErrorLineAndTheBatchGoesOn) {
  std::ostringstream out, err;
  ASSERT_EQ(RunScreen(BatchArgs(testing::TestData("batch/mixed.csv")), out, err),
            kExitRowsNotScreened);
  auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  std::string path = testing::TestData("batch/mixed.csv");
  EXPECT_TRUE(lines[1].contains("matches")) << lines[1].dump();
  EXPECT_EQ(lines[1]["warnings"], nlohmann::json::array());
  EXPECT_EQ(lines[2]["error"], path + ":4: missing name");
  EXPECT_NE(err.str().find(path + ":1: ignoring unknown column 'notes'"), std::string::npos)
      << err.str();
}

TEST(ScreenCommandTest, InvalidUtf8InANameIsARowErrorUnlessTheEncodingIsGiven) {
  std::ostringstream out, err;
  const std::string path = testing::TestData("batch/latin1.csv");
  ASSERT_EQ(RunScreen(BatchArgs(path), out, err), kExitRowsNotScreened) << err.str();
  auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["error"], path + ":2: name is not valid UTF-8 (save the input as UTF-8)");
  EXPECT_TRUE(lines[1].contains("matches"));
  EXPECT_NE(err.str().find("warning: " + path + ": the input is not valid UTF-8"),
            std::string::npos)
      << err.str();
  std::ostringstream out2, err2;
  ScreenArgs latin1 = BatchArgs(path);
  latin1.encoding = "ISO-8859-1";
  ASSERT_EQ(RunScreen(latin1, out2, err2), kExitOk) << err2.str();
  EXPECT_TRUE(JsonLines(out2.str())[0].contains("matches"));
}

TEST(ScreenCommandTest, BrokenCsvQuotingFailsWithFileAndLine) {
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(testing::TestData("batch/broken-quote.csv"));
  EXPECT_EQ(RunScreen(args, out, err), 1);
  EXPECT_EQ(err.str(), "embargo screen: " + testing::TestData("batch/broken-quote.csv") +
                           ":2:4: unterminated quoted field (missing closing '\"')\n");
  EXPECT_TRUE(out.str().empty());
}

TEST(ScreenCommandTest, InputWithoutANameColumnOrEmptyIsAnError) {
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(testing::TestData("batch/no-name.csv"));
  args.mappings = {};
  EXPECT_EQ(RunScreen(args, out, err), 1);
  EXPECT_EQ(err.str(), "embargo screen: " + testing::TestData("batch/no-name.csv") +
                           ":1: no 'name' column in the header (map one with --map HEADER=name)\n");
  std::ostringstream out2, err2;
  EXPECT_EQ(RunScreen(BatchArgs(testing::TestData("batch/empty.csv")), out2, err2), 1);
  EXPECT_EQ(err2.str(), "embargo screen: " + testing::TestData("batch/empty.csv") +
                            ":1: empty input: expected a header row with a 'name' column\n");
}

TEST(ScreenCommandTest, BadMappingIsAnError) {
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(testing::TestData("batch/mixed.csv"));
  args.mappings = {"full_name=fullname"};
  EXPECT_EQ(RunScreen(args, out, err), 1);
  EXPECT_EQ(err.str(),
            "embargo screen: bad --map 'full_name=fullname': unknown field 'fullname'\n");
}

// A row whose field count is not the header's says so in its own output
// line, and counts among the rows screened with warnings.
TEST(ScreenCommandTest, ARowWithAnotherFieldCountCarriesAWarning) {
  testing::ScratchDir dir;
  const std::string path =
      dir.Write("counts.csv",
                "id,name,birth_date\n1,Kim Jong Un\n2,Ri Won Ho,1964,x\n3,Lee\n4,Lee Min,1964\n");
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(path);
  args.summary = (dir.path() / "summary.json").string();
  ASSERT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["warnings"], nlohmann::json({"2 fields, header has 3"}));
  EXPECT_EQ(lines[1]["warnings"], nlohmann::json({"4 fields, header has 3"}));
  EXPECT_EQ(lines[3]["warnings"], nlohmann::json::array());
  EXPECT_NE(err.str().find("(3 with warnings)"), std::string::npos) << err.str();
}

// The header's names as customers' files write them.
TEST(ScreenCommandTest, HeaderNamesAreReadInAnyCaseAndUnderTheirCommonNames) {
  testing::ScratchDir dir;
  const std::string path =
      dir.Write("headers.csv", "Customer ID,Full Name,Date of Birth\nc1,리영길,1955\n");
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(path);
  args.mappings = {"Customer ID=id"};
  ASSERT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "c1");
  ASSERT_FALSE(lines[0]["matches"].empty()) << lines[0].dump();
  EXPECT_EQ(lines[0]["matches"][0]["entity_id"], "kr_fsc_sample-FSC-0001");
  EXPECT_EQ(err.str().find("ignoring unknown column"), std::string::npos) << err.str();
  // A mapping of a column the file does not have is a mistake worth a word.
  std::ostringstream out2, err2;
  args.mappings = {"Customer ID=id", "Birthday=birth_date"};
  ASSERT_EQ(RunScreen(args, out2, err2), kExitOk) << err2.str();
  EXPECT_NE(err2.str().find(path + ":1: --map 'Birthday=birth_date': no column 'Birthday' in the "
                                   "header"),
            std::string::npos)
      << err2.str();
}

// Options that cannot go together, or would hide alerts, are usage errors
// (exit 2), whatever part of the command line refuses them.
TEST(ScreenCommandTest, UsageErrorsExitWithTwo) {
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {kList};
  args.single.names = {"리영길"};
  args.threshold = 0.5;
  args.cutoff = 0.99;
  EXPECT_EQ(RunScreen(args, out, err), kExitUsage);
  EXPECT_EQ(err.str(),
            "embargo screen: --cutoff 0.99 is above --threshold 0.5: matches that alert would not "
            "be shown\n");
  for (std::vector<std::string> argv :
       {std::vector<std::string>{"embargo", "screen", "--name", "x", "--cutoff", "2"},
        std::vector<std::string>{"embargo", "screen", "--name", "x", "--limit", "0"},
        std::vector<std::string>{"embargo", "screen", "--bogus"},
        std::vector<std::string>{"embargo", "screen", "--name", "x", "--input", "a.csv"}}) {
    std::vector<char*> c_argv;
    for (std::string& a : argv) c_argv.push_back(a.data());
    EXPECT_EQ(Main(static_cast<int>(c_argv.size()), c_argv.data()), kExitUsage) << argv[3];
  }
}

// Runs the command line `argv` as main does: its exit code.
int RunCommandLine(std::vector<std::string> argv) {
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  return Main(static_cast<int>(c_argv.size()), c_argv.data());
}

// The analyst deciding may lower the four-eyes bar, never raise it: raised
// to 1, an analyst closed a 0.975 alert alone (a new user's trial). The
// refusal comes before the store is opened.
TEST(AlertsCommandTest, TheDecidingAnalystCannotRaiseTheFourEyesBar) {
  const std::string store = "/nonexistent/embargo-four-eyes.db";
  for (const char* score : {"1.0", "0.95", "0.91"}) {
    EXPECT_EQ(RunCommandLine({"embargo", "alerts", "decide", "5", "--status", "false_positive",
                              "--note", "x", "--four-eyes-score", score, "--store", store}),
              kExitUsage)
        << score;
  }
  // payments cases decide takes the same bar; a review says which way.
  EXPECT_EQ(RunCommandLine({"embargo", "payments", "cases", "decide", "1", "--status", "released",
                            "--note", "x", "--four-eyes-score", "1.0", "--store", store}),
            kExitUsage);
  EXPECT_EQ(RunCommandLine(
                {"embargo", "payments", "cases", "review", "1", "--note", "x", "--store", store}),
            kExitUsage);
  EXPECT_EQ(RunCommandLine({"embargo", "payments", "cases", "review", "1", "--approve", "--reject",
                            "--note", "x", "--store", store}),
            kExitUsage);
  // Lowered, it is accepted (and the missing store is the error).
  EXPECT_NE(RunCommandLine({"embargo", "alerts", "decide", "5", "--status", "false_positive",
                            "--note", "x", "--four-eyes-score", "0.5", "--store", store}),
            kExitUsage);
}

// A day that does not exist is refused, not read as no day (--since
// 2026-13-01 listed nothing; --as-of 2024-02-30 screened: a new user's
// trial). The refusal comes before the store is opened.
TEST(StoreCommandTest, ADayThatDoesNotExistIsRefused) {
  const std::string store = "/nonexistent/embargo-days.db";
  EXPECT_EQ(
      RunCommandLine({"embargo", "screenings", "list", "--since", "2026-13-01", "--store", store}),
      kExitUsage);
  EXPECT_EQ(RunCommandLine(
                {"embargo", "screen", "--as-of", "2024-02-30", "--name", "x", "--store", store}),
            kExitUsage);
  EXPECT_NE(
      RunCommandLine({"embargo", "screenings", "list", "--since", "2024-02-29", "--store", store}),
      kExitUsage);
}

// An IMO number or an id number alone screens, as in a batch row.
TEST(ScreenCommandTest, AnIdentifierAloneIsScreened) {
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {kList};
  args.single.imo_numbers = {"IMO 9999999"};
  EXPECT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  EXPECT_NE(out.str().find("No candidates"), std::string::npos) << out.str();
}

TEST(ScreenCommandTest, SingleNamePrintsATableWithExplanations) {
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {kList};
  args.single.names = {"리영길"};
  ASSERT_EQ(RunScreen(args, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("kr_fsc_sample-FSC-0001"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("name_match"), std::string::npos);
  EXPECT_NE(out.str().find("YES"), std::string::npos);
}

// Written as an IMO number is (IMO 9999999), the query names it once.
TEST(ScreenCommandTest, AnImoQueryIsNamedByItsDigits) {
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {kList};
  args.single.imo_numbers = {"IMO 9999999"};
  ASSERT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  EXPECT_EQ(out.str().rfind("Query: IMO 9999999\n", 0), 0u) << out.str();
}

// --output with one name: the JSON line a batch row gets, to the file (the
// table still printed) or, with --output -, instead of the table.
TEST(ScreenCommandTest, OneNameWithOutputWritesItsJsonLine) {
  testing::ScratchDir dir;
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {kList};
  args.single.names = {"리영길"};
  args.single.id = "c-1";
  args.output = (dir.path() / "one.jsonl").string();
  ASSERT_EQ(RunScreen(args, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("kr_fsc_sample-FSC-0001"), std::string::npos) << out.str();
  std::ifstream file(args.output);
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::vector<nlohmann::json> lines = JsonLines(text);
  ASSERT_EQ(lines.size(), 1u) << text;
  EXPECT_EQ(lines[0]["id"], "c-1");
  ASSERT_FALSE(lines[0]["matches"].empty());
  EXPECT_EQ(lines[0]["matches"][0]["entity_id"], "kr_fsc_sample-FSC-0001");
  std::ostringstream out2, err2;
  args.output = "-";
  ASSERT_EQ(RunScreen(args, out2, err2), 0) << err2.str();
  std::vector<nlohmann::json> stdout_lines = JsonLines(out2.str());
  ASSERT_EQ(stdout_lines.size(), 1u) << out2.str();
  EXPECT_EQ(stdout_lines[0], lines[0]);
}

// A batch file of a header and no rows screens nothing, and says so.
TEST(ScreenCommandTest, AHeaderWithoutRowsIsSaid) {
  testing::ScratchDir dir;
  std::string path = dir.Write("header.csv", "name,birth_date\n");
  std::ostringstream out, err;
  ScreenArgs args = BatchArgs(path);
  args.mappings = {};
  EXPECT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  EXPECT_NE(err.str().find(path + " has a header but no rows: nothing to screen"),
            std::string::npos)
      << err.str();
  EXPECT_EQ(out.str(), "");
}

TEST(ScreenCommandTest, UnknownListFileFailsClearly) {
  std::ostringstream out, err;
  ScreenArgs args;
  args.source.lists = {testing::TestData("batch/no-name.csv")};
  args.single.names = {"x"};
  EXPECT_EQ(RunScreen(args, out, err), 1);
  EXPECT_NE(err.str().find("unknown list format"), std::string::npos) << err.str();
}

TEST(ListsCommandTest, ShowsDatasetsAndCounts) {
  std::ostringstream out, err;
  ListSource source;
  source.lists = {kList};
  ASSERT_EQ(RunLists(source, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("kr_fsc_sample"), std::string::npos);
  EXPECT_NE(out.str().find("embargo_list"), std::string::npos);
}

// Issue 13: every IMO number is checked by its check digit; the bad ones
// are kept and named.
TEST(ListsCommandTest, ChecksEveryImoNumber) {
  std::ostringstream out, err;
  ListSource source;
  source.lists = {testing::SharedData("uk/uk-sanctions-list-excerpt-2026-08-14.xml")};
  ASSERT_EQ(RunLists(source, out, err), 0) << err.str();
  EXPECT_NE(
      out.str().find("vessels' IMO numbers: 1 checked, 1 valid, 0 with a wrong check digit or "
                     "length\n"),
      std::string::npos)
      << out.str();
  // Petrel 8: IMO, Bulk Carrier, 7078 tonnes, built 2011, formerly of India.
  EXPECT_NE(out.str().find("vessels: 1; with an IMO number 1, an MMSI 0, a type 1, a tonnage 1, "
                           "a year of build 1, former flags 1\n"),
            std::string::npos)
      << out.str();
  std::string bad =
      testing::WriteScratchFile("imo.csv", "id,name,schema,imo\nV1,SHIP,Vessel,IMO 9562234\n");
  source.lists = {bad};
  std::ostringstream out2;
  ASSERT_EQ(RunLists(source, out2, err), 0) << err.str();
  EXPECT_NE(
      out2.str().find("vessels' IMO numbers: 1 checked, 0 valid, 1 with a wrong check digit or "
                      "length\n  invalid: "),
      std::string::npos)
      << out2.str();
}

TEST(IndexCommandTest, SnapshotScreensLikeTheLists) {
  auto path = std::filesystem::temp_directory_path() / "embargo_cli_test.idx";
  std::ostringstream out, err;
  ListSource source;
  source.lists = {kList};
  ASSERT_EQ(RunIndexBuild(source, path.string(), out, err), 0) << err.str();
  ScreenArgs from_lists = BatchArgs(testing::TestData("batch/mixed.csv"));
  ScreenArgs from_index = from_lists;
  from_index.source.lists.clear();
  from_index.source.index = path.string();
  std::ostringstream a, b, e1, e2;
  ASSERT_EQ(RunScreen(from_lists, a, e1), kExitRowsNotScreened);
  ASSERT_EQ(RunScreen(from_index, b, e2), kExitRowsNotScreened) << e2.str();
  EXPECT_EQ(a.str(), b.str());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace embargo::cli
