#include "embargo/entity.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

TEST(PartialDateTest, ParsesPrefixDates) {
  EXPECT_EQ(PartialDate::Parse("1971")->ToString(), "1971");
  EXPECT_EQ(PartialDate::Parse("1971-03")->ToString(), "1971-03");
  EXPECT_EQ(PartialDate::Parse("1971-03-05")->ToString(), "1971-03-05");
  EXPECT_EQ(PartialDate::Parse("1971-03-05T00:00:00")->ToString(), "1971-03-05");
}

TEST(PartialDateTest, RejectsMalformedDates) {
  EXPECT_FALSE(PartialDate::Parse("71").has_value());
  EXPECT_FALSE(PartialDate::Parse("1971-13").has_value());
  EXPECT_FALSE(PartialDate::Parse("1971/03/05").has_value());
  EXPECT_FALSE(PartialDate::Parse("").has_value());
}

TEST(SchemaTest, PersonNeverMatchesVessel) {
  EXPECT_FALSE(SchemasCompatible(Schema::kPerson, Schema::kVessel));
  EXPECT_FALSE(SchemasCompatible(Schema::kVessel, Schema::kOrganization));
  EXPECT_TRUE(SchemasCompatible(Schema::kLegalEntity, Schema::kPerson));
  EXPECT_TRUE(SchemasCompatible(Schema::kCompany, Schema::kOrganization));
  EXPECT_FALSE(SchemasCompatible(Schema::kPerson, Schema::kCompany));
}

TEST(SchemaTest, ParsesFtmAndListSpellings) {
  EXPECT_EQ(ParseSchema("person"), Schema::kPerson);
  EXPECT_EQ(ParseSchema("individual"), Schema::kPerson);
  EXPECT_EQ(ParseSchema("Vessel"), Schema::kVessel);
  EXPECT_FALSE(ParseSchema("Spaceship").has_value());
}

}  // namespace
}  // namespace embargo
