// MakeQuery: a usable name is enough; every other field is read leniently
// and, where it cannot be read, ignored with a warning.
#include <gtest/gtest.h>

#include "embargo/screener.h"

namespace embargo {
namespace {

QueryFields Named(const std::string& name) {
  QueryFields f;
  f.names = {name};
  return f;
}

std::vector<std::string> Dates(const Query& q) {
  std::vector<std::string> out;
  for (const DateSpec& d : q.birth_dates) out.push_back(d.ToString());
  return out;
}

TEST(MakeQueryTest, AnIdentifierAloneIsEnoughAndAnImoNumberMakesAVessel) {
  QueryFields f;
  f.imo_numbers = {" IMO 9562233 "};
  Result<Query> imo = MakeQuery(f);
  ASSERT_TRUE(imo.ok()) << imo.error().message;
  EXPECT_EQ(imo->imo_numbers, std::vector<std::string>{"IMO 9562233"});
  EXPECT_EQ(imo->schema, Schema::kVessel);
  f = QueryFields{};
  f.id_numbers = {"745420176"};
  Result<Query> passport = MakeQuery(f);
  ASSERT_TRUE(passport.ok());
  EXPECT_FALSE(passport->schema.has_value());
  f.id_numbers = {" "};  // a blank identifier is none
  EXPECT_EQ(MakeQuery(f).error().message, "missing name");
  f.names = {"***"};
  f.imo_numbers = {"9562233"};  // the name is unusable, the number is not
  Result<Query> warned = MakeQuery(f);
  ASSERT_TRUE(warned.ok());
  EXPECT_EQ(warned->warnings,
            std::vector<std::string>{"name '***' has no letter or digit: ignored"});
}

// A new user's trial: a wrong check digit, or an IMO number on a Person
// query, found nothing and said nothing.
TEST(MakeQueryTest, AnImoNumberThatNamesNoVesselIsWarnedOf) {
  QueryFields f;
  f.imo_numbers = {"8660314"};
  EXPECT_EQ(MakeQuery(f)->warnings,
            std::vector<std::string>{"imo '8660314' is not a valid IMO ship number (seven "
                                     "digits, the last a check digit): screened as written (an "
                                     "IMO company or owner number has no check digit: give it "
                                     "as an id number)"});
  f.imo_numbers = {"IMO 8660313"};
  EXPECT_TRUE(MakeQuery(f)->warnings.empty());
  f.names = {"CHON MA SAN"};
  f.schema = "Person";
  EXPECT_EQ(MakeQuery(f)->warnings,
            std::vector<std::string>{"imo 'IMO 8660313' given for a Person query, which is "
                                     "compared with parties only, not with vessels"});
  f.schema = "Vessel";
  EXPECT_TRUE(MakeQuery(f)->warnings.empty());
}

TEST(MakeQueryTest, OnlyAQueryWithoutAUsableNameFails) {
  QueryFields f;
  EXPECT_EQ(MakeQuery(f).error().message, "missing name");
  f.names = {" ", ""};
  EXPECT_EQ(MakeQuery(f).error().message, "missing name");
  EXPECT_EQ(MakeQuery(Named("---")).error().message, "name '---' has no letter or digit");
  EXPECT_EQ(MakeQuery(Named("Jos\xE9")).error().message,
            "name is not valid UTF-8 (save the input as UTF-8)");
}

// A 20,000-letter name took 3.4 s to screen, 100,000 letters 68 s; a
// 5,000-byte date came back whole in its warning.
TEST(MakeQueryTest, ANameOrFieldTooLongIsRefusedWithoutRepeatingIt) {
  const std::string long_name(kMaxQueryNameBytes + 1, 'x');
  EXPECT_EQ(MakeQuery(Named(long_name)).error().message,
            "name is 1025 bytes long, at most 1024 are screened");
  QueryFields f;
  f.names = {long_name, "RI WON HO"};
  f.birth_dates = {std::string(5000, '1'), "1964-07-17"};
  f.countries = {std::string(300, 'k')};
  f.gender = std::string(300, 'm');
  Query q = *MakeQuery(f);
  EXPECT_EQ(q.names, std::vector<std::string>{"RI WON HO"});
  EXPECT_EQ(Dates(q), std::vector<std::string>{"1964-07-17"});
  EXPECT_EQ(q.warnings, (std::vector<std::string>{
                            "name is 1025 bytes long, at most 1024 are screened: ignored",
                            "birth_date is 5000 bytes long, at most 256 are read: ignored",
                            "country is 300 bytes long, at most 256 are read: ignored",
                            "gender is 300 bytes long, at most 256 are read: ignored",
                        }));
  EXPECT_TRUE(MakeQuery(Named(std::string(kMaxQueryNameBytes, 'x'))).ok());
}

TEST(MakeQueryTest, AnUnusableNameBesideAUsableOneIsIgnoredWithAWarning) {
  QueryFields f;
  f.names = {"***", "RI WON HO"};
  Query q = *MakeQuery(f);
  EXPECT_EQ(q.names, std::vector<std::string>{"RI WON HO"});
  EXPECT_EQ(q.warnings, std::vector<std::string>{"name '***' has no letter or digit: ignored"});
}

TEST(MakeQueryTest, UnreadableFieldsAreIgnoredAndTheQueryStillBuilds) {
  QueryFields f = Named("RI WON HO");
  f.birth_dates = {"tomorrow", "1964-7-17"};
  f.countries = {"Atlantis", "DPRK"};
  f.schema = "Spaceship";
  f.gender = "Robot";
  Query q = *MakeQuery(f);
  EXPECT_EQ(Dates(q), std::vector<std::string>{"1964-07-17"});
  EXPECT_EQ(q.countries, std::vector<std::string>{"kp"});
  // The schema is unknown, but a birth date says: a person.
  EXPECT_EQ(q.schema, Schema::kPerson);
  EXPECT_EQ(q.gender, Gender::kUnknown);
  EXPECT_EQ(q.warnings, (std::vector<std::string>{
                            "schema 'Spaceship' is not a known kind of party: ignored",
                            "birth_date 'tomorrow' is not a date: ignored",
                            "country 'Atlantis' is not a known country: ignored",
                            "gender 'Robot' is not a known gender: ignored",
                        }));
}

TEST(MakeQueryTest, AnAmbiguousDateCarriesBothReadingsUnlessTheOrderIsGiven) {
  QueryFields f = Named("Choi Yoon-seo");
  f.birth_dates = {"03/04/1987"};
  Query both = *MakeQuery(f);
  EXPECT_EQ(Dates(both), (std::vector<std::string>{"1987-03-04", "1987-04-03"}));
  EXPECT_EQ(both.warnings, std::vector<std::string>{"birth_date '03/04/1987' is ambiguous: read "
                                                    "as 1987-03-04 or 1987-04-03"});
  f.date_order = DateOrder::kDayMonthYear;
  Query day_first = *MakeQuery(f);
  EXPECT_EQ(Dates(day_first), std::vector<std::string>{"1987-04-03"});
  EXPECT_TRUE(day_first.warnings.empty());
}

TEST(MakeQueryTest, AmbiguousAndRepeatedCountriesAreReadOnce) {
  QueryFields f = Named("Kim Min-jun");
  f.countries = {"Korea", "대한민국", "KOR"};
  Query q = *MakeQuery(f);
  EXPECT_EQ(q.countries, (std::vector<std::string>{"kp", "kr"}));
  EXPECT_EQ(q.warnings.size(), 1u);
  // kr is also given for sure; kp only by the ambiguous "Korea".
  EXPECT_EQ(q.ambiguous_countries, std::vector<std::string>{"kp"});
  f.countries = {"Korea"};
  EXPECT_EQ(MakeQuery(f)->ambiguous_countries, (std::vector<std::string>{"kp", "kr"}));
  f.countries = {"DPRK"};
  EXPECT_TRUE(MakeQuery(f)->ambiguous_countries.empty());
}

TEST(MakeQueryTest, SchemaAndGenderSynonymsAreRead) {
  QueryFields f = Named("한빛무역 주식회사");
  f.schema = "Corporate";
  EXPECT_EQ(MakeQuery(f)->schema, Schema::kCompany);
  f = Named("김민준");
  f.schema = "개인";
  f.gender = "남";
  Query q = *MakeQuery(f);
  EXPECT_EQ(q.schema, Schema::kPerson);
  EXPECT_EQ(q.gender, Gender::kMale);
  EXPECT_TRUE(q.warnings.empty());
}

}  // namespace
}  // namespace embargo
