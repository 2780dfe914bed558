// FtM's model as embargo knows it: properties by schema (inherited ones
// included) and the reverse names of entity-typed properties.
#include "model/ftm_schema.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

TEST(FtmSchemaTest, SchemataExtendTheirParents) {
  EXPECT_TRUE(IsFtmSchemaA("Company", "Company"));
  EXPECT_TRUE(IsFtmSchemaA("Company", "Organization"));
  EXPECT_TRUE(IsFtmSchemaA("Company", "Thing"));
  EXPECT_TRUE(IsFtmSchemaA("Vessel", "Vehicle"));
  EXPECT_TRUE(IsFtmSchemaA("Passport", "Identification"));
  EXPECT_FALSE(IsFtmSchemaA("Person", "Organization"));
  EXPECT_FALSE(IsFtmSchemaA("Organization", "Company"));
  EXPECT_FALSE(IsFtmSchemaA("Dog", "Thing"));
}

TEST(FtmSchemaTest, PropertiesAreTheSchemasOwnAndInherited) {
  EXPECT_TRUE(IsFtmProperty("Person", "name"));            // Thing
  EXPECT_TRUE(IsFtmProperty("Person", "idNumber"));        // LegalEntity
  EXPECT_TRUE(IsFtmProperty("Person", "passportNumber"));  // its own
  EXPECT_FALSE(IsFtmProperty("Organization", "passportNumber"));
  EXPECT_TRUE(IsFtmProperty("Company", "imoNumber"));          // Organization's
  EXPECT_TRUE(IsFtmProperty("Vessel", "registrationNumber"));  // Vehicle's
  EXPECT_FALSE(IsFtmProperty("Vessel", "idNumber"));
  EXPECT_FALSE(IsFtmProperty("Vessel", "birthDate"));
  EXPECT_TRUE(IsFtmProperty("Airplane", "icaoCode"));
  EXPECT_FALSE(IsFtmProperty("Person", "cryptoWallet"));
  EXPECT_FALSE(IsFtmProperty("Sanction", "name"));  // not a thing schema known here
}

TEST(FtmSchemaTest, ReversePropertiesFollowInheritance) {
  EXPECT_EQ(FtmReverseProperty("Sanction", "entity"), "sanctions");
  EXPECT_EQ(FtmReverseProperty("Passport", "holder"), "identification");
  EXPECT_EQ(FtmReverseProperty("Ownership", "owner"), "ownershipOwner");
  EXPECT_EQ(FtmReverseProperty("Person", "addressEntity"), "things");
  EXPECT_EQ(FtmReverseProperty("Person", "name"), "");
  EXPECT_EQ(FtmReverseProperty("Sanction", "program"), "");
  EXPECT_TRUE(IsFtmEntityPropertyName("ownershipOwner"));
  EXPECT_TRUE(IsFtmEntityPropertyName("addressEntity"));
  EXPECT_FALSE(IsFtmEntityPropertyName("address"));
  EXPECT_TRUE(IsFtmEdgeSchema("Ownership"));
  EXPECT_FALSE(IsFtmEdgeSchema("Sanction"));
}

}  // namespace
}  // namespace embargo
