// SplitBrackets: what stands outside a name's brackets and each part inside,
// the separator where a part was, an open bracket running to the end.
#include "match/bracket_parts.h"

#include <gtest/gtest.h>

namespace embargo::match {
namespace {

TEST(SplitBracketsTest, KeepsWhatIsOutsideAndEachPartInside) {
  BracketParts komid = SplitBrackets("KOREA MINING (KOMID) TRADING (KP)", " ");
  EXPECT_EQ(komid.outside, "KOREA MINING   TRADING  ");
  EXPECT_EQ(komid.inside, (std::vector<std::string_view>{"KOMID", "KP"}));
  BracketParts han = SplitBrackets("華信船務(香港)有限公司", "");
  EXPECT_EQ(han.outside, "華信船務有限公司");
  EXPECT_EQ(han.inside, (std::vector<std::string_view>{"香港"}));
  BracketParts open = SplitBrackets("Musa Hilal (Sheikh", " ");
  EXPECT_EQ(open.outside, "Musa Hilal  ");
  EXPECT_EQ(open.inside, (std::vector<std::string_view>{"Sheikh"}));
  BracketParts none = SplitBrackets("RI WON HO", " ");
  EXPECT_EQ(none.outside, "RI WON HO");
  EXPECT_TRUE(none.inside.empty());
}

}  // namespace
}  // namespace embargo::match
