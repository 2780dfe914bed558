// No silent loss: every output of the CLI that cannot be written fails the
// command (issue 11: `screen --output /dev/full` exited 0, results lost), and
// thresholds that are not numbers in range are refused (`--threshold nan`
// silently turned alerting off).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "cli/eval_command.h"
#include "cli/screen_command.h"
#include "cli/store_commands.h"
#include "scratch_dir.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

const std::string kList = testing::TestData("lists/rok-fsc-sample.csv");
const std::string kBatch = testing::TestData("batch/mixed.csv");

// The last line of `text`.
std::string LastLine(const std::string& text) {
  size_t start = text.rfind('\n', text.size() < 2 ? 0 : text.size() - 2);
  return start == std::string::npos ? text : text.substr(start + 1);
}

// `embargo ARGS...` through Main, as the binary runs it; stderr captured.
int RunMain(std::vector<std::string> args, std::string& err) {
  args.insert(args.begin(), "embargo");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  ::testing::internal::CaptureStderr();
  int code = Main(static_cast<int>(argv.size()), argv.data());
  err = ::testing::internal::GetCapturedStderr();
  return code;
}

// `embargo screen --input kBatch --output OUTPUT`: the exit code and the
// last line on stderr (the batch first warns about an unknown column).
std::pair<int, std::string> ScreenBatchTo(const std::string& output) {
  ScreenArgs args;
  args.source.lists = {kList};
  args.input = kBatch;
  args.output = output;
  args.mappings = {"full_name=name", "dob=birth_date"};
  std::ostringstream out, err;
  int code = RunScreen(args, out, err);
  return {code, LastLine(err.str())};
}

TEST(OutputTest, ScreenToAFullDeviceFails) {
  EXPECT_EQ(ScreenBatchTo("/dev/full"),
            std::pair(1, std::string("embargo screen: /dev/full: write failed (disk full?); the "
                                     "output is incomplete\n")));
}

TEST(OutputTest, ScreenToAnUnwritablePathFails) {
  EXPECT_EQ(ScreenBatchTo("/nonexistent-embargo-dir/out.jsonl"),
            std::pair(1, std::string("embargo screen: /nonexistent-embargo-dir/out.jsonl: cannot "
                                     "write file (No such file or directory)\n")));
}

TEST(OutputTest, EvalAndDeckOutputsToAFullDeviceFail) {
  EvalArgs eval;
  eval.source.lists = {kList};
  eval.inputs = {kBatch};
  eval.mappings = {"full_name=name", "dob=birth_date"};
  eval.threads = 1;
  for (std::string EvalArgs::*path : {&EvalArgs::json_path, &EvalArgs::misses_path}) {
    EvalArgs args = eval;
    args.*path = "/dev/full";
    std::ostringstream out, err;
    EXPECT_EQ(RunEval(args, out, err), 1);
    EXPECT_EQ(err.str(),
              "embargo eval: /dev/full: write failed (disk full?); the output is incomplete\n");
  }
  DeckArgs deck;
  deck.source.lists = {kList};
  deck.out_path = "/dev/full";
  std::ostringstream out, err;
  EXPECT_EQ(RunDeck(deck, out, err), 1);
  EXPECT_EQ(err.str(),
            "embargo deck: /dev/full: write failed (disk full?); the output is incomplete\n");
}

TEST(OutputTest, AuditExportToAFullDeviceFails) {
  testing::ScratchDir dir;
  std::string store = (dir.path() / "embargo.db").string();
  ImportArgs import;
  import.store = store;
  import.paths = {kList};
  std::ostringstream out, err;
  ASSERT_EQ(RunImport(import, out, err), 0) << err.str();
  EXPECT_EQ(RunAuditExport(store, "/dev/full", out, err), 1);
  EXPECT_EQ(err.str(),
            "embargo audit export: /dev/full: write failed (disk full?); the output is "
            "incomplete\n");
}

// Whatever a command writes to stdout is checked once, in Main.
TEST(OutputTest, StdoutThatCannotBeWrittenFailsTheCommand) {
  std::ofstream full("/dev/full");
  full << std::string(1 << 16, 'x');
  std::ostringstream err;
  EXPECT_EQ(CheckStdout(0, full, err), 1);
  EXPECT_EQ(err.str(), "embargo: stdout: write failed (disk full?); the output is incomplete\n");
  std::ostringstream good, no_err;
  good << "ok\n";
  EXPECT_EQ(CheckStdout(0, good, no_err), 0);
  EXPECT_EQ(CheckStdout(2, good, no_err), 2);
  EXPECT_EQ(no_err.str(), "");
}

TEST(OutputTest, NonFiniteAndOutOfRangeThresholdsAreRefused) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"screen", "--lists", kList, "--name", "x", "--threshold", "nan"},
       "--threshold: 'nan' is not a number in [0, 1]"},
      {{"screen", "--lists", kList, "--name", "x", "--threshold", "inf"},
       "--threshold: 'inf' is not a number in [0, 1]"},
      {{"screen", "--lists", kList, "--name", "x", "--cutoff", "-nan"},
       "--cutoff: '-nan' is not a number in [0, 1]"},
      {{"eval", "--lists", kList, "--input", kBatch, "--threshold", "NaN"},
       "--threshold: 'NaN' is not a number in [0, 1]"},
      {{"xref", "--lists", kList, "--name-threshold", "nan"},
       "--name-threshold: 'nan' is not a number in [0, 1]"},
      {{"rescreen", "--threshold", "1.5"}, "--threshold: '1.5' is not a number in [0, 1]"},
      {{"import", kList, "--max-shrink", "nan"}, "--max-shrink: 'nan' is not a number in [0, 100]"},
  };
  for (const Case& c : cases) {
    std::string err;
    EXPECT_NE(RunMain(c.args, err), 0) << c.args[0];
    EXPECT_NE(err.find(c.message), std::string::npos) << err;
  }
}

}  // namespace
}  // namespace embargo::cli
