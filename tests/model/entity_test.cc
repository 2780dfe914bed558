#include "embargo/entity.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

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

// FtmRecordRef reads like a shared_ptr: none is nullptr, a record given is
// that record, and copies share it.
TEST(FtmRecordRefTest, HoldsARecordOrNone) {
  Entity e;
  EXPECT_TRUE(e.ftm == nullptr);
  EXPECT_FALSE(e.ftm);
  EXPECT_EQ(e.ftm.get(), nullptr);
  auto record = std::make_shared<FtmRecord>();
  record->id = "NK-1";
  e.ftm = std::shared_ptr<const FtmRecord>(record);
  EXPECT_TRUE(e.ftm != nullptr);
  EXPECT_EQ(e.ftm.get(), record.get());
  Entity copy = e;
  EXPECT_EQ(copy.ftm->id, "NK-1");
  EXPECT_EQ(copy.ftm.get(), e.ftm.get());
  e.ftm = std::shared_ptr<const FtmRecord>();
  EXPECT_TRUE(e.ftm == nullptr);
}

std::atomic<int> decoded{0};

std::shared_ptr<const FtmRecord> DecodeId(std::string_view bytes) {
  ++decoded;
  if (bytes == "bad") return nullptr;
  auto record = std::make_shared<FtmRecord>();
  record->id = std::string(bytes);
  return record;
}

// A lazy record is decoded once, when first read, however many threads
// read it at once and however many copies share it; one its decoder cannot
// read is an empty record, never a null one behind a non-null reference.
TEST(FtmRecordRefTest, ALazyRecordIsDecodedOnceWhenFirstRead) {
  decoded = 0;
  auto bytes = std::make_shared<std::string>("Q7-ABC");
  FtmRecordRef lazy = FtmRecordRef::Lazy(*bytes, bytes, &DecodeId);
  FtmRecordRef copy = lazy;
  EXPECT_TRUE(lazy != nullptr);
  EXPECT_EQ(decoded, 0);
  std::vector<std::thread> readers;
  std::vector<const FtmRecord*> seen(8);
  for (size_t i = 0; i < seen.size(); ++i)
    readers.emplace_back([&, i] { seen[i] = (i % 2 == 0 ? lazy : copy).get(); });
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(decoded, 1);
  for (const FtmRecord* r : seen) EXPECT_EQ(r, lazy.get());
  EXPECT_EQ(lazy->id, "Q7-ABC");

  auto bad = std::make_shared<std::string>("bad");
  FtmRecordRef unreadable = FtmRecordRef::Lazy(*bad, bad, &DecodeId);
  ASSERT_NE(unreadable.get(), nullptr);
  EXPECT_TRUE(unreadable->id.empty());
}

// A vessel's facts are held only by the entities that have them: read
// through const, an entity without reads them empty and holds nothing.
TEST(BoxedTest, UnsetReadsAsEmptyAndHoldsNothing) {
  Entity person;
  const Entity& read = person;
  EXPECT_TRUE(read.vessel->empty());
  EXPECT_EQ(*read.vessel, VesselFacts{});
  EXPECT_FALSE(person.vessel.has_value());
  person.vessel->type = "Tug";  // a write creates it
  EXPECT_TRUE(person.vessel.has_value());
  EXPECT_EQ(read.vessel->type, "Tug");
}

// What the list readers do: an update that sets nothing holds nothing; one
// that sets a fact creates the value; a later one changes it in place.
TEST(BoxedTest, UpdateCreatesTheValueOnlyWhenItSetsSomething) {
  Entity e;
  e.vessel.Update([](VesselFacts& v) { v.type = ""; });
  EXPECT_FALSE(e.vessel.has_value());
  e.vessel.Update([](VesselFacts& v) { v.type = "Tug"; });
  EXPECT_TRUE(e.vessel.has_value());
  e.vessel.Update([](VesselFacts& v) { v.tonnage = "400"; });
  EXPECT_EQ(*e.vessel, (VesselFacts{"Tug", "400", "", ""}));
}

TEST(BoxedTest, CopiesAreDeepAndCompareByValue) {
  Entity ship;
  ship.vessel = VesselFacts{"Crude Oil Tanker", "", "2876", "1999"};
  Entity copy = ship;
  EXPECT_EQ(copy.vessel, ship.vessel);
  copy.vessel->type = "Tug";
  EXPECT_EQ(ship.vessel->type, "Crude Oil Tanker");
  EXPECT_NE(copy.vessel, ship.vessel);
  Entity none;
  EXPECT_EQ(none.vessel, Boxed<VesselFacts>(VesselFacts{}));  // unset equals empty
  Entity moved = std::move(copy);
  EXPECT_EQ(moved.vessel->type, "Tug");
  copy = ship;  // a moved-from entity takes a copy again
  EXPECT_EQ(copy.vessel, ship.vessel);
}

}  // namespace
}  // namespace embargo
