#include "payments/codes.h"

#include <gtest/gtest.h>

#include "common/strings.h"

namespace embargo::payments {
namespace {

TEST(PaymentCodesTest, BicsAreReadInElevenCharacterForm) {
  EXPECT_TRUE(IsBic("FTBDKPPY"));
  EXPECT_TRUE(IsBic("ftbdkppyxxx"));
  EXPECT_TRUE(IsBic("HANYUS33XXX"));
  EXPECT_FALSE(IsBic("FTBDKPP"));     // 7
  EXPECT_FALSE(IsBic("FTB1KPPY"));    // a digit in the institution code
  EXPECT_FALSE(IsBic("FTBDK1PY"));    // a digit in the country
  EXPECT_FALSE(IsBic("FTBDKPPY12"));  // 10
  EXPECT_EQ(Bic11("FTBDKPPY"), "FTBDKPPYXXX");
  EXPECT_EQ(Bic11("citius33xxx"), "CITIUS33XXX");
  EXPECT_EQ(Bic11("not a bic"), "");
}

TEST(PaymentCodesTest, AsciiCaseChangesOnlyAsciiLetters) {
  EXPECT_EQ(AsciiUppercase("ftbdkppy-xxx ü"), "FTBDKPPY-XXX ü");
  EXPECT_EQ(AsciiLowercase("KP Ü"), "kp Ü");
}

TEST(PaymentCodesTest, AnIbanGivesItsCountryOnlyWithRightCheckDigits) {
  EXPECT_EQ(IbanCountry("DE89 3704 0044 0532 0130 00"), "DE");
  EXPECT_EQ(IbanCountry("CH0309000000250090342"), "CH");      // the Swiss pain.001 sample
  EXPECT_EQ(IbanCountry("DE89 3704 0044 0532 0130 01"), "");  // one digit changed
  EXPECT_EQ(IbanCountry("44444444444"), "");                  // a plain account number
  EXPECT_EQ(IbanCountry("LK123456"), "");
  EXPECT_EQ(NormalizeAccount(" de89-3704 0044 "), "DE8937040044");
}

}  // namespace
}  // namespace embargo::payments
