// Reading payment files: every file is a message or an error entry, so a
// screening run reports what it could not read.
#include "payments/read_payments.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace embargo::payments {
namespace {

std::string OnlyError(const std::vector<ParsedMessage>& parsed) {
  if (parsed.size() != 1 || !parsed[0].error) return "not one error";
  return parsed[0].error->ToString();
}

TEST(ReadPaymentsTest, AnEmptyTextIsAnErrorNotNoMessage) {
  // A new user's trial: a zero-byte file (a failed transfer) in a folder
  // was counted nowhere, and the run said "0 not read".
  EXPECT_EQ(OnlyError(ParsePayments("", "cut.fin")), "cut.fin:1: empty: no payment message in it");
  EXPECT_EQ(OnlyError(ParsePayments(" \r\n\t", "cut.xml")),
            "cut.xml:1: empty: no payment message in it");
  EXPECT_EQ(OnlyError(ParsePayments("\xEF\xBB\xBF", "bom.xml")),
            "bom.xml:1: empty: no payment message in it");
}

TEST(ReadPaymentsTest, AFolderReportsItsEmptyFileBesideTheOthers) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / "embargo_read_payments_empty";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.fin").close();
  std::ofstream(dir / "b.txt") << "hello\n";
  std::vector<ParsedMessage> parsed = ReadPayments(dir.string());
  ASSERT_EQ(parsed.size(), 2u);
  ASSERT_TRUE(parsed[0].error);
  EXPECT_EQ(parsed[0].error->ToString(),
            (dir / "a.fin").string() + ":1: empty: no payment message in it");
  ASSERT_TRUE(parsed[1].error);
  EXPECT_NE(parsed[1].error->ToString().find("not a payment message"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace embargo::payments
