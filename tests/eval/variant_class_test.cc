#include "eval/variant_class.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace embargo::eval {
namespace {

// tests/data/eval/variant_classes.tsv: query, listed name, expected class.
TEST(VariantClassTest, ClassesOfTheExamplePairs) {
  std::ifstream file(testing::TestData("eval/variant_classes.tsv"));
  ASSERT_TRUE(file) << "missing tests/data/eval/variant_classes.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string query, listed, expected;
    std::getline(fields, query, '\t');
    std::getline(fields, listed, '\t');
    std::getline(fields, expected, '\t');
    EXPECT_EQ(ClassifyVariant(query, listed), expected) << query << " ~ " << listed;
    ++cases;
  }
  EXPECT_EQ(cases, 21);  // every line of the file was read
}

TEST(VariantClassTest, EveryExampleClassIsAKnownClass) {
  for (const char* name : {"exact", "other_script", "different"})
    EXPECT_NE(std::find(VariantClasses().begin(), VariantClasses().end(), name),
              VariantClasses().end());
}

TEST(VariantClassTest, TokensAreCasefoldedWithApostrophesAndDotsJoined) {
  EXPECT_EQ(VariantTokens("O'NEIL, A.B.C. Straße"),
            (std::vector<std::string>{"oneil", "abc", "strasse"}));
  EXPECT_EQ(VariantTokens("ＫＩＭ　Jong-un"), (std::vector<std::string>{"kim", "jong", "un"}));
}

TEST(VariantClassTest, ClosestNameSharesMostTokens) {
  std::vector<std::string> names = {"ORGANIZATION AND GUIDANCE DEPARTMENT", "OGD",
                                    "Korean Workers' Party Central Committee"};
  EXPECT_EQ(ClosestName("Organisation and Guidance Dept", names), 0u);
  EXPECT_EQ(ClosestName("OGD", names), 1u);
}

}  // namespace
}  // namespace embargo::eval
