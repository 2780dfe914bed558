// Cutting what a name field wraps around a name: labels, qualifiers after a
// comma or dash, former-name lead-ins. Examples from a
// peer's labelled pairs and a new user's trial.
#include "text/name_wrapping.h"

#include <gtest/gtest.h>

namespace embargo::text {
namespace {

TEST(NameWrappingTest, ALabelOfAFewWordsBeforeAColon) {
  EXPECT_EQ(AfterLabel("ORDERING CUSTOMER: KALLIOSAARI TRADING OY"), "KALLIOSAARI TRADING OY");
  EXPECT_EQ(AfterLabel("SHIPPER:TRANSPORTES REFRIGERADOS SA"), "TRANSPORTES REFRIGERADOS SA");
  EXPECT_EQ(AfterLabel("KALLIOSAARI TRADING OY"), "");
  EXPECT_EQ(AfterLabel("REF 2291: ACME"), "") << "a label holds no digits";
  EXPECT_EQ(AfterLabel("ONE TWO THREE FOUR: ACME"), "") << "four words are no label";
  EXPECT_EQ(AfterLabel("NAME: 12345"), "") << "nothing to read after it";
}

// The name and what follows its first comma or dash, both as the caller
// reads them.
std::string Split(std::string_view field) {
  std::optional<Qualified> split = SplitQualifier(field);
  return split ? split->name + " | " + split->qualifier : "";
}

TEST(NameWrappingTest, TheNameBeforeItsAddressPortOrBranch) {
  EXPECT_EQ(Split("Tidewell Process Equipment Inc, 12250 Brevard Ln, Pasadena TX"),
            "Tidewell Process Equipment Inc | 12250 Brevard Ln, Pasadena TX");
  EXPECT_EQ(Split("MT GOLDEN KINNAREE, Laem Chabang"), "MT GOLDEN KINNAREE | Laem Chabang");
  EXPECT_EQ(Split("Coastline Agro Supplies Ltd - Malindi Branch"),
            "Coastline Agro Supplies Ltd | Malindi Branch");
  EXPECT_EQ(Split("Coastline Agro Supplies Ltd \xE2\x80\x93 Malindi"),
            "Coastline Agro Supplies Ltd | Malindi");
  EXPECT_EQ(Split("KOREAN WORKERS PARTY, - PROPAGANDA DEPARTMENT"),
            "KOREAN WORKERS PARTY | PROPAGANDA DEPARTMENT");
  EXPECT_EQ(Split("Ruiz-Montalvo Trucking LLC"), "") << "a hyphen is no dash";
  EXPECT_EQ(Split("ACME LTD,"), "") << "nothing after the comma";
}

TEST(NameWrappingTest, AFormerNamesLeadIn) {
  EXPECT_EQ(WithoutFormerNameLeadIn("ex-Cape Diamond"), "Cape Diamond");
  EXPECT_EQ(WithoutFormerNameLeadIn("EX CAPE DIAMOND"), "CAPE DIAMOND");
  EXPECT_EQ(WithoutFormerNameLeadIn("formerly Cape Diamond"), "Cape Diamond");
  EXPECT_EQ(WithoutFormerNameLeadIn("f/k/a Cape Diamond"), "Cape Diamond");
  EXPECT_EQ(WithoutFormerNameLeadIn("Exxon"), "Exxon");
  EXPECT_EQ(WithoutFormerNameLeadIn("KOMID"), "KOMID");
}

}  // namespace
}  // namespace embargo::text
