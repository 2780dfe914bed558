#include "model/imo.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

TEST(ImoTest, ValidatesTheCheckDigit) {
  EXPECT_TRUE(IsValidImo("9074729"));
  EXPECT_TRUE(IsValidImo("7937317"));
  EXPECT_TRUE(IsValidImo("8660313"));  // CHON MA SAN
  EXPECT_FALSE(IsValidImo("9074728"));
  EXPECT_FALSE(IsValidImo("907472"));
  EXPECT_FALSE(IsValidImo("90747X9"));
  EXPECT_FALSE(IsValidImo("90747299"));
}

}  // namespace
}  // namespace embargo
