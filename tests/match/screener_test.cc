#include "embargo/screener.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "embargo/lists.h"
#include "match/snapshot_format.h"
#include "model/entity_json.h"
#include "scoring/constants.h"
#include "test_paths.h"

namespace embargo {
namespace {

Entity Person(std::string id, std::vector<std::pair<std::string, NameKind>> names,
              std::string dob = "", std::vector<std::string> nationalities = {}) {
  Entity e;
  e.id = id;
  e.dataset = "test";
  e.source_id = id;
  e.schema = Schema::kPerson;
  for (auto& [value, kind] : names) e.names.push_back(Name{value, kind, {}});
  if (!dob.empty()) {
    PartialDate d = *PartialDate::Parse(dob);
    e.birth_dates.push_back(DateSpec{d, d, false});
  }
  e.nationalities = std::move(nationalities);
  return e;
}

Entity Org(std::string id, Schema schema, std::vector<std::pair<std::string, NameKind>> names) {
  Entity e = Person(std::move(id), std::move(names));
  e.schema = schema;
  return e;
}

// A snapshot file of this process's own, named after `tag`.
std::filesystem::path TempSnapshotPath(const std::string& tag) {
  return std::filesystem::temp_directory_path() /
         ("embargo_snapshot_" + tag + "_" + std::to_string(::getpid()) + ".idx");
}

class ScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ListSet lists;
    lists.entities.push_back(
        Person("kju", {{"KIM, Jong Un", NameKind::kPrimary}}, "1984-01-08", {"kp"}));
    lists.entities.push_back(Person("qadhafi",
                                    {{"QADHAFI, Muammar", NameKind::kPrimary},
                                     {"AL-QADHAFI, Muammar Abu Minyar", NameKind::kAlias}},
                                    "1942", {"ly"}));
    lists.entities.push_back(
        Person("ri", {{"RI WON HO", NameKind::kPrimary}}, "1964-07-17", {"kp"}));
    lists.entities.push_back(Person(
        "tall", {{"HASSAN, Ali Musa", NameKind::kPrimary}, {"THE TALL ONE", NameKind::kWeakAlias}},
        "1970-03-01", {"ir"}));
    lists.entities.push_back(Person("badri",
                                    {{"AL-BADRI, Ibrahim Awwad Ibrahim Ali", NameKind::kPrimary},
                                     {"ABU BAKR AL-BAGHDADI", NameKind::kWeakAlias},
                                     {"AKHUND", NameKind::kWeakAlias}},
                                    "1971", {"iq"}));
    lists.entities.push_back(
        Org("komid", Schema::kOrganization,
            {{"KOREA MINING DEVELOPMENT TRADING CORPORATION", NameKind::kPrimary},
             {"KOMID", NameKind::kAlias}}));
    Entity vessel = Org("vessel", Schema::kVessel, {{"CHON MA SAN", NameKind::kPrimary}});
    vessel.identifiers.push_back(Identifier{IdType::kImo, "8660313", "", "IMO"});
    lists.entities.push_back(vessel);
    lists.entities.push_back(
        Org("kimco", Schema::kCompany, {{"KIM JONG UN TRADING LLC", NameKind::kPrimary}}));
    lists.entities.push_back(
        Org("dcb", Schema::kOrganization, {{"DAEDONG CREDIT BANK (DCB)", NameKind::kPrimary}}));
    lists.entities.push_back(Person("bracket", {{"SMITH, John Robert (JRS)", NameKind::kPrimary}}));
    screener_ = Screener::Build(std::move(lists));
  }
  static void TearDownTestSuite() { screener_.reset(); }

  // Saves the fixture's snapshot at `path` and reads its bytes back.
  static void SaveSnapshot(const std::filesystem::path& path, std::string& bytes) {
    ASSERT_TRUE(screener_->SaveSnapshot(path).ok());
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }

  // Writes the checksum the snapshot `bytes` of `version` carries, after
  // its payload was changed.
  static void StampChecksum(std::string& bytes, uint32_t version) {
    const uint64_t checksum =
        match::SnapshotChecksum(version, std::string_view(bytes).substr(match::kSnapshotPayloadAt));
    std::memcpy(bytes.data() + match::kSnapshotChecksumAt, &checksum, sizeof checksum);
  }

  // The fixture's snapshot has no datasets and nothing superseded: its
  // lists follow their two zero counts.
  static constexpr size_t kListsAt = match::kSnapshotPayloadAt + 8;

  static std::vector<Match> Screen(QueryFields fields, double threshold = kDefaultThreshold) {
    auto q = MakeQuery(fields);
    EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.error().ToString());
    return screener_->Screen(*q, ScreenOptions{threshold, 0.3, 5});
  }
  static QueryFields Name(std::string name, std::string schema = "") {
    QueryFields f;
    f.names = {std::move(name)};
    f.schema = std::move(schema);
    return f;
  }

  static std::shared_ptr<const Screener> screener_;
};
std::shared_ptr<const Screener> ScreenerTest::screener_;

TEST_F(ScreenerTest, FindsTheSameNameWrittenInOtherOrdersAndScripts) {
  for (const char* variant :
       {"Kim Jong Un", "Jong-un Kim", "KIM Jongun", "김정은", "Gim Jeong-eun"}) {
    auto m = Screen(Name(variant, "Person"));
    ASSERT_FALSE(m.empty()) << variant;
    EXPECT_EQ(m[0].entity->id, "kju") << variant;
    EXPECT_TRUE(m[0].match) << variant << " scored " << m[0].score;
  }
}

// In a big index the candidate estimate, which rewards parts in the query's
// order, ranks many near spellings (YONG HO CHANG) above the exact name in
// another order (CHANG MYONG HO); a name holding every query part is scored
// all the same. Found at a million synthetic entities (issue 16).
TEST(ScreenerCandidateTest, ANameWithEveryPartInAnotherOrderOutlivesManyNearSpellingsInOrder) {
  ListSet lists;
  lists.entities.push_back(Person("target", {{"CHANG MYONG HO", NameKind::kPrimary}}));
  const char* near[] = {"YONG HO CHANG", "KYONG HO CHANG", "HYONG HO CHANG", "MYONG HA CHANG"};
  for (int i = 0; i < 200; ++i) {
    lists.entities.push_back(
        Person("near-" + std::to_string(i), {{near[i % 4], NameKind::kPrimary}}));
  }
  auto screener = Screener::Build(std::move(lists));
  QueryFields fields;
  fields.names = {"Myong Ho CHANG"};
  fields.schema = "Person";
  ScreenOptions options;
  options.limit = 3;
  auto matches = screener->Screen(*MakeQuery(fields), options);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].entity->id, "target");
  EXPECT_TRUE(matches[0].match) << matches[0].score;
}

// A firm's name of several words meets a listed short name through its
// initials only where one of its words is in the entity's names too: the
// list says what ADF stands for. Advanced Data Flow Ltd alerted at 0.90 on
// the ADF (a new user's trial).
TEST(ScreenerInitialsTest, TheQuerysInitialsCountOnlyWhereOneOfItsWordsMeetsTheEntity) {
  ListSet lists;
  lists.entities.push_back(
      Org("adf", Schema::kOrganization,
          {{"ADF", NameKind::kPrimary}, {"Forces Démocratiques Alliées", NameKind::kAlias}}));
  auto screener = Screener::Build(std::move(lists));
  auto screen = [&](const std::string& name) {
    QueryFields fields;
    fields.names = {name};
    fields.schema = "Organization";
    ScreenOptions options;
    options.cutoff = 0.1;
    auto matches = screener->Screen(*MakeQuery(fields), options);
    EXPECT_EQ(matches.size(), 1u) << name;
    return matches.empty() ? Match{} : matches[0];
  };
  Match corroborated = screen("Allied Democratic Forces");
  EXPECT_NEAR(corroborated.score, scoring::kDerivedAcronymScale, 1e-6);
  EXPECT_EQ(corroborated.explanation.features[0].detail,
            "'Allied Democratic Forces' ~ 'ADF' (primary); by the initials of the query's words "
            "(adf)");
  Match chance = screen("Advanced Data Flow Ltd");
  EXPECT_NEAR(chance.score, scoring::kUncorroboratedInitialsCap, 1e-6);
  EXPECT_FALSE(chance.match);
  EXPECT_EQ(chance.explanation.features[0].detail,
            "'Advanced Data Flow Ltd' ~ 'ADF' (primary); by the initials of the query's words "
            "(adf), and none of its words is in the entity's names: capped at 0.75");
  // A country or a business word the entity's names hold is no word of the
  // name: Fast Delivery Logistics Rwanda is not the FDLR.
  ListSet fdlr;
  fdlr.entities.push_back(
      Org("fdlr", Schema::kOrganization,
          {{"FDLR", NameKind::kPrimary},
           {"Forces Démocratiques de Libération du Rwanda", NameKind::kAlias}}));
  screener = Screener::Build(std::move(fdlr));
  EXPECT_NEAR(screen("Fast Delivery Logistics Rwanda").score, scoring::kUncorroboratedInitialsCap,
              1e-6);
}

// Two query parts meet the listed family name as well: the middle one (the
// father's name فاضل) is left over, not the last (the family name الفضلي),
// and the explanation says so.
TEST(ScreenerAlignmentTest, AMiddlePartIsLeftOverBeforeALastOneThatMeetsTheNameAsWell) {
  ListSet lists;
  lists.entities.push_back(Person("fadhli", {{"AL-FADHLI, Muhsin", NameKind::kPrimary}}));
  auto screener = Screener::Build(std::move(lists));
  QueryFields fields;
  fields.names = {"محسن فاضل عايد عاشور الفضلي"};
  fields.schema = "Person";
  ScreenOptions options;
  options.cutoff = 0.1;
  auto matches = screener->Screen(*MakeQuery(fields), options);
  ASSERT_EQ(matches.size(), 1u);
  const Explanation& e = matches[0].explanation;
  std::vector<std::string> aligned;
  for (const auto& a : e.alignment) aligned.push_back(a.query + "~" + a.candidate);
  EXPECT_THAT(aligned, ::testing::Contains("fdly~fadhli"));
  EXPECT_THAT(e.unmatched_query, ::testing::ElementsAre("fadl", "aayd", "aashwr"));
}

TEST_F(ScreenerTest, FindsTransliterationVariants) {
  auto m = Screen(Name("Muammar Gaddafi", "Person"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entity->id, "qadhafi");
  EXPECT_TRUE(m[0].match);
  auto lee = Screen(Name("Lee Won-ho", "Person"));
  ASSERT_FALSE(lee.empty());
  EXPECT_EQ(lee[0].entity->id, "ri");
  EXPECT_TRUE(lee[0].match) << lee[0].score;
}

TEST_F(ScreenerTest, FindsANameWithATypoInEveryPart) {
  auto m = Screen(Name("Muamar Qadhaffi", "Person"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entity->id, "qadhafi");
  EXPECT_TRUE(m[0].match) << m[0].score;
}

TEST_F(ScreenerTest, APersonNeverMatchesAVesselOrACompany) {
  for (const Match& m : Screen(Name("Chon Ma San", "Person"), 0.0))
    EXPECT_NE(m.entity->id, "vessel");
  for (const Match& m : Screen(Name("Kim Jong Un", "Person"), 0.0))
    EXPECT_NE(m.entity->id, "kimco");
}

// A query that says nothing of what it names (a --name, a batch row with
// no schema column) may name a ship: OFAC's search of all types finds
// EBANO. Read as a firm's name its number words become numbers, so it is
// also read as a person's (Sergey Ten is no Sergey 10); a ship's name that
// ends in a Roman numeral is read with the number (MARIA III is not Mary Lee).
TEST(ScreenerKindTest, AQueryOfNoKnownKindMayNameAVesselOrAPersonWithANumberWord) {
  ListSet lists;
  lists.entities.push_back(Person("ten", {{"Sergey TEN", NameKind::kPrimary}}));
  lists.entities.push_back(Org("ebano", Schema::kVessel, {{"EBANO", NameKind::kPrimary}}));
  lists.entities.push_back(Org("maria", Schema::kVessel, {{"MARIA III", NameKind::kPrimary}}));
  std::shared_ptr<const Screener> screener = Screener::Build(std::move(lists));
  auto screen = [&](const std::string& name, const std::string& schema = "") {
    QueryFields f;
    f.names = {name};
    f.schema = schema;
    auto q = MakeQuery(f);
    EXPECT_TRUE(q.ok());
    return screener->Screen(*q, ScreenOptions{kDefaultThreshold, 0.3, 5});
  };
  auto top = [&](const std::string& name, const std::string& schema = "") {
    std::vector<Match> m = screen(name, schema);
    return m.empty() ? std::string("none") : fmt::format("{} {:.2f}", m[0].entity->id, m[0].score);
  };
  EXPECT_EQ(top("EBANO"), "ebano 1.00");
  EXPECT_EQ(top("EBANO", "Thing"), "ebano 1.00");
  EXPECT_EQ(top("EBANO", "Person"), "none");
  EXPECT_EQ(top("EBANO", "LegalEntity"), "none");  // a party's name, as yente reads it
  EXPECT_EQ(top("Sergey Ten"), "ten 1.00");
  EXPECT_EQ(top("MARIA III"), "maria 1.00");
  EXPECT_EQ(top("Maria 3"), "maria 1.00");
  for (const Match& m : screen("Mary Lee")) EXPECT_FALSE(m.match) << m.entity->id << m.score;
}

TEST_F(ScreenerTest, ASurnameAloneDoesNotAlert) {
  for (const Match& m : Screen(Name("Qadhafi", "Person"))) EXPECT_FALSE(m.match) << m.entity->id;
}

TEST_F(ScreenerTest, AWeakAliasAloneDoesNotAlertButCorroboratedItDoes) {
  auto alone = Screen(Name("The Tall One", "Person"), kDefaultThreshold);
  for (const Match& m : alone) EXPECT_FALSE(m.match);
  QueryFields with_dob = Name("The Tall One", "Person");
  with_dob.birth_dates = {"1970-03-01"};
  auto corroborated = Screen(with_dob);
  ASSERT_FALSE(corroborated.empty());
  EXPECT_EQ(corroborated[0].entity->id, "tall");
  EXPECT_TRUE(corroborated[0].match);
  EXPECT_EQ(corroborated[0].explanation.matched_kind, NameKind::kWeakAlias);
}

TEST_F(ScreenerTest, AWeakAliasThatNamesSomeoneMatchedInFullAlertsBelowAName) {
  auto full = Screen(Name("Abu Bakr al-Baghdadi", "Person"), kDefaultThreshold);
  ASSERT_FALSE(full.empty());
  EXPECT_EQ(full[0].entity->id, "badri");
  EXPECT_TRUE(full[0].match);
  EXPECT_DOUBLE_EQ(full[0].score, scoring::kWeakAliasFullMatchCap);
  EXPECT_EQ(full[0].explanation.matched_kind, NameKind::kWeakAlias);
  bool capped = false;
  for (const auto& f : full[0].explanation.features)
    capped |= f.feature == "weak_alias" && f.detail.find("matched in full") != std::string::npos;
  EXPECT_TRUE(capped);

  // One part, a part of it, or a misspelling of it: capped below the alert.
  for (const char* q : {"Akhund", "Abu Bakr", "Abu Bakr al-Bagdadi"}) {
    bool seen = false;
    for (const Match& m : Screen(Name(q, "Person"))) {
      if (m.entity->id != "badri") continue;
      seen = true;
      EXPECT_FALSE(m.match) << q;
      EXPECT_LE(m.score, scoring::kWeakAliasCap) << q;
    }
    EXPECT_TRUE(seen) << q;
  }
  // A birth date that contradicts the listed one takes it below the alert.
  QueryFields other = Name("Abu Bakr al-Baghdadi", "Person");
  other.birth_dates = {"1990-01-01"};
  for (const Match& m : Screen(other)) EXPECT_FALSE(m.match) << m.entity->id;
}

TEST_F(ScreenerTest, AContradictingBirthYearAndNationalityRemoveTheAlert) {
  QueryFields q = Name("Kim Jong Un", "Person");
  q.birth_dates = {"1950-05-05"};
  q.countries = {"France"};
  auto m = Screen(q);
  for (const Match& match : m) EXPECT_FALSE(match.match) << match.entity->id << " " << match.score;
  auto scored = Screen(q, 1.0);
  ASSERT_FALSE(scored.empty());
  double penalties = 0;
  for (const auto& f : scored[0].explanation.features) {
    if (f.feature == "birth_date" || f.feature == "country") penalties += f.value;
  }
  EXPECT_DOUBLE_EQ(penalties, -0.25 - 0.15);
}

TEST_F(ScreenerTest, AnOrganisationAliasMatchesExactly) {
  auto m = Screen(Name("KOMID", "Organization"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entity->id, "komid");
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  auto legal = Screen(Name("Korea Mining Development Trading Corp.", "Company"));
  ASSERT_FALSE(legal.empty());
  EXPECT_EQ(legal[0].entity->id, "komid");
  EXPECT_TRUE(legal[0].match);
}

// A firm's short name in brackets is one of its names: the lists' aliases
// write it alone (DCB, ETIM). A person's bracket is not read that way.
TEST_F(ScreenerTest, AFirmsShortNameInBracketsIsANameOfItsOwn) {
  auto m = Screen(Name("DCB"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entity->id, "dcb");
  EXPECT_TRUE(m[0].match);
  EXPECT_EQ(m[0].explanation.matched_name, "DAEDONG CREDIT BANK (DCB)");
  auto whole = Screen(Name("Daedong Credit Bank"));
  ASSERT_FALSE(whole.empty());
  EXPECT_EQ(whole[0].entity->id, "dcb");
  EXPECT_TRUE(whole[0].match);
  for (const Match& other : Screen(Name("DBC"))) EXPECT_FALSE(other.match) << other.entity->id;
  for (const Match& person : Screen(Name("JRS")))
    EXPECT_FALSE(person.entity->id == "bracket" && person.match);
}

// The lists write notes, titles, glosses and other-script forms in a name's
// brackets ("Jin Tiesan (金铁三)", "Mohamed Aouani (formerly listed as)",
// "(Sheikh) Musa Hilal"): the name without them is found as written
// elsewhere, and the other-script part on its own. Found on the independent
// deck (UN against Australia). A Han firm's brackets are part of its name.
TEST(ScreenerBracketTest, ANameIsFoundWithoutTheNotesItsListWroteInBrackets) {
  ListSet lists;
  lists.entities.push_back(Person("jin", {{"Jin Tiesan (金铁三)", NameKind::kPrimary}}));
  lists.entities.push_back(
      Person("aouani", {{"Mohamed Aouani (formerly listed as)", NameKind::kAlias}}));
  lists.entities.push_back(Person("hilal", {{"(Sheikh) Musa Hilal", NameKind::kAlias}}));
  lists.entities.push_back(Person("azzouz", {{"AA (initials)", NameKind::kAlias}}));
  lists.entities.push_back(Person("born", {{"Ali Hassan Karimi (1965)", NameKind::kPrimary}}));
  lists.entities.push_back(Person("tigrinya", {{"ኤርሚኣስ ግርማይ (Tigrinya)", NameKind::kAlias}}));
  lists.entities.push_back(
      Org("huaxin", Schema::kCompany, {{"華信船務(香港)有限公司", NameKind::kPrimary}}));
  auto screener = Screener::Build(std::move(lists));
  auto top = [&](const std::string& name) {
    QueryFields f;
    f.names = {name};
    auto q = MakeQuery(f);
    EXPECT_TRUE(q.ok());
    auto m = screener->Screen(*q, ScreenOptions{kDefaultThreshold, 0.3, 5});
    return m.empty() ? Match{} : m[0];
  };
  for (const auto& [query, id] :
       std::vector<std::pair<std::string, std::string>>{{"Jin Tiesan", "jin"},
                                                        {"金铁三", "jin"},
                                                        {"Mohamed Aouani", "aouani"},
                                                        {"Musa Hilal", "hilal"}}) {
    Match m = top(query);
    ASSERT_NE(m.entity, nullptr) << query;
    EXPECT_EQ(m.entity->id, id) << query;
    EXPECT_TRUE(m.match) << query << " scored " << m.score;
  }
  // Two syllables of the firm's name, in other characters, are not the firm.
  Match han = top("欣 花");
  EXPECT_FALSE(han.entity != nullptr && han.match) << han.score;
  // Nor are initials, a year or a language a name of their own.
  Match initials = top("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_FALSE(initials.entity != nullptr && initials.match) << initials.score;
  Match year = top("1965");
  EXPECT_FALSE(year.entity != nullptr && year.match) << year.score;
  Match language = top("Tigrinya");
  EXPECT_FALSE(language.entity != nullptr && language.match) << language.score;
}

TEST_F(ScreenerTest, AnImoNumberFindsARenamedVessel) {
  QueryFields q = Name("SOME NEW NAME", "Vessel");
  q.imo_numbers = {"IMO 8660313"};
  auto m = Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entity->id, "vessel");
  EXPECT_TRUE(m[0].match);
}

// The same name with another IMO number is another ship (a renamed one
// keeps its number): the match ranks lower and says so; the listed number
// written otherwise (IMO prefix) is the same ship.
TEST_F(ScreenerTest, AnotherImoNumberOnTheSameVesselNameSaysAnotherShip) {
  QueryFields q = Name("CHON MA SAN", "Vessel");
  auto plain = Screen(q);
  ASSERT_FALSE(plain.empty());
  q.imo_numbers = {"9187629"};
  auto other = Screen(q);
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(other[0].entity->id, "vessel");
  EXPECT_NEAR(other[0].score, plain[0].score + scoring::kImoMismatchPenalty, 1e-9);
  bool said = false;
  for (const auto& f : other[0].explanation.features)
    said |= f.feature == "imo" && f.detail.find("8660313") != std::string::npos;
  EXPECT_TRUE(said);
  q.imo_numbers = {"IMO8660313"};
  auto same = Screen(q);
  ASSERT_FALSE(same.empty());
  EXPECT_GE(same[0].score, plain[0].score);
}

TEST_F(ScreenerTest, ExplainsTheAlignmentAndEachFeature) {
  QueryFields q = Name("Jong-un Kim", "Person");
  q.birth_dates = {"1984-01-08"};
  auto m = Screen(q);
  ASSERT_FALSE(m.empty());
  const Explanation& e = m[0].explanation;
  EXPECT_EQ(e.matched_name, "KIM, Jong Un");
  EXPECT_EQ(e.alignment.size(), 3u);
  ASSERT_GE(e.features.size(), 2u);
  EXPECT_EQ(e.features[0].feature, "name_match");
  EXPECT_EQ(e.features[1].feature, "birth_date");
  EXPECT_DOUBLE_EQ(e.features[1].value, 0.05);
  // 31/02/1984 keeps its year and month: the month differs, not the day.
  q.birth_dates = {"31/02/1984"};
  m = Screen(q);
  ASSERT_FALSE(m.empty());
  ASSERT_GE(m[0].explanation.features.size(), 2u);
  EXPECT_EQ(m[0].explanation.features[1].detail,
            "same year, another month or day: query 1984-02 vs listed 1984-01-08");
}

// "Korea" is read as both Koreas: against a North Korean record it spares the
// mismatch penalty but earns no same-country bonus (+0.03 lifted a South
// Korean namesake towards an alert); "DPRK" earns it.
TEST_F(ScreenerTest, AnAmbiguousCountryEarnsNoBonus) {
  auto country_feature = [](const std::vector<Match>& m) {
    EXPECT_FALSE(m.empty());
    for (const auto& f : m[0].explanation.features)
      if (f.feature == "country") return f;
    return FeatureContribution{};
  };
  QueryFields q = Name("RI WON HO", "Person");
  q.countries = {"Korea"};
  FeatureContribution ambiguous = country_feature(Screen(q));
  EXPECT_EQ(ambiguous.value, 0);
  EXPECT_EQ(ambiguous.detail,
            "an ambiguous country (kp, kr) may be the listed one: no bonus, no penalty: query kp, "
            "kr vs listed kp");
  q.countries = {"DPRK"};
  EXPECT_DOUBLE_EQ(country_feature(Screen(q)).value, scoring::kNationalityMatchBonus);
  q.countries = {"Korea", "North Korea"};
  EXPECT_DOUBLE_EQ(country_feature(Screen(q)).value, scoring::kNationalityMatchBonus);
}

TEST_F(ScreenerTest, ScoresAreDeterministic) {
  auto a = Screen(Name("Ali Hassan", "Person"), 0.0);
  auto b = Screen(Name("Ali Hassan", "Person"), 0.0);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].entity->id, b[i].entity->id);
    EXPECT_EQ(a[i].score, b[i].score);
  }
}

TEST_F(ScreenerTest, SnapshotRoundTripsAndRejectsCorruption) {
  auto path = std::filesystem::temp_directory_path() / "embargo_screener_test.idx";
  ASSERT_TRUE(screener_->SaveSnapshot(path).ok());
  auto loaded = Screener::LoadSnapshot(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  auto q = *MakeQuery(Name("Lee Won-ho", "Person"));
  auto a = screener_->Screen(q, {});
  auto b = (*loaded)->Screen(q, {});
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a[0].entity->id, b[0].entity->id);
  EXPECT_EQ(a[0].score, b[0].score);

  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() / 2] ^= 0x5A;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  auto corrupted = Screener::LoadSnapshot(path);
  ASSERT_FALSE(corrupted.ok());
  EXPECT_EQ(corrupted.error().ToString(),
            path.string() + ": snapshot checksum mismatch (file corrupted)");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, 30);
  EXPECT_FALSE(Screener::LoadSnapshot(path).ok());
  std::filesystem::remove(path);
}

// An FtM record as text, every field: records compared whole.
std::string RecordText(const FtmRecord* r) {
  if (r == nullptr) return "none";
  std::string text = r->id + "|" + r->schema + "|" + r->caption + "|";
  for (const FtmProperty& p : r->properties) {
    text += p.name + "=";
    for (const std::string& v : p.values) text += v + ";";
  }
  for (const auto* list : {&r->datasets, &r->referents})
    for (const std::string& v : *list) text += "|" + v;
  text += "|" + r->first_seen + "|" + r->last_seen + "|" + r->last_change;
  text += r->target ? (*r->target ? "|target" : "|not target") : "|";
  return text;
}

// The index file keeps every entity whole: each one reads back with the
// same lossless JSON, topics and all (lists with sanctions, export denials,
// debarments and FtM topics), and with the same FtM record (read from the
// mapped file when first used).
TEST(ScreenerSnapshotTest, EveryEntityOfRealListsRoundTrips) {
  auto lists =
      LoadLists({testing::SharedData("us/csl-sample.csv"), testing::SharedData("us/bis-dpl.txt"),
                 testing::SharedData("opensanctions/zala.ftm.json"),
                 testing::SharedData("un/consolidated-2026-02-27.xml")});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  auto screener = Screener::Build(std::move(*lists));
  auto path = TempSnapshotPath("roundtrip");
  ASSERT_TRUE(screener->SaveSnapshot(path).ok());
  auto loaded = Screener::LoadSnapshot(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const std::vector<Entity>& before = screener->lists().entities;
  const std::vector<Entity>& after = (*loaded)->lists().entities;
  ASSERT_EQ(before.size(), after.size());
  std::set<std::string> topics;
  size_t records = 0;
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(EntityJson(before[i]), EntityJson(after[i])) << before[i].id;
    EXPECT_EQ(RecordText(before[i].ftm.get()), RecordText(after[i].ftm.get())) << before[i].id;
    records += after[i].ftm != nullptr;
    topics.insert(after[i].topics.begin(), after[i].topics.end());
  }
  EXPECT_EQ(records, 17u);  // zala's screenable entities
  EXPECT_EQ(topics, (std::set<std::string>{"corp.disqual", "debarment", "export.control", "poi",
                                           "sanction", "sanction.linked"}));
}

// Found by fuzz_snapshot: a snapshot whose checksum holds, but whose
// birth dates have years near INT_MIN and INT_MAX, loaded, and screening
// the entity's own dates overflowed the year arithmetic of evidence scoring.
TEST(ScreenerSnapshotTest, AnOutOfRangeBirthDateIsAMalformedPayloadAtItsByte) {
  std::string path = testing::TestData("fuzz/snapshot-birth-year-overflow.snapshot");
  auto loaded = Screener::LoadSnapshot(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().ToString(),
            path +
                ": malformed snapshot payload at byte 300: date -167772161-0-0 out of range "
                "(years 0..9999, months 0..12, days 0..31)");
}

// From format 12 the entities' and records' bytes are counted before them
// (the index after them is read on another core meanwhile): a count that
// runs past the end, or leaves bytes the records do not take, is refused at
// its byte, before the index is looked at.
TEST_F(ScreenerTest, ASnapshotsCountOfListBytesIsChecked) {
  auto path = TempSnapshotPath("lists");
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(SaveSnapshot(path, bytes));
  // The lists' byte count is the payload's last 8 bytes.
  ASSERT_EQ(bytes.substr(match::kSnapshotPayloadAt, 8), std::string(8, '\0'));
  const size_t count_at = bytes.size() - 8;
  uint64_t lists_bytes = 0;
  std::memcpy(&lists_bytes, bytes.data() + count_at, sizeof lists_bytes);
  ASSERT_GT(lists_bytes, 0u);
  ASSERT_LT(kListsAt + lists_bytes, count_at);
  auto load_with_count = [&](uint64_t count) {
    std::string changed = bytes;
    std::memcpy(changed.data() + count_at, &count, sizeof count);
    StampChecksum(changed, match::kSnapshotFormatVersion);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << changed;
    auto loaded = Screener::LoadSnapshot(path);
    return loaded.ok() ? std::string("ok") : loaded.error().ToString();
  };
  EXPECT_EQ(load_with_count(lists_bytes), "ok");
  EXPECT_EQ(load_with_count(lists_bytes + 3),
            fmt::format("{}: malformed snapshot payload at byte {}: 3 bytes after the records",
                        path.string(), kListsAt + lists_bytes));
  EXPECT_EQ(load_with_count(bytes.size()),
            fmt::format("{}: malformed snapshot payload at byte {}: the lists' {} bytes run past "
                        "the end",
                        path.string(), kListsAt, bytes.size()));
  std::filesystem::remove(path);
}

// Format 12 (its lists' byte count before them, a CRC-32 checksum) is read
// as it was written.
TEST_F(ScreenerTest, ASnapshotOfFormat12IsStillRead) {
  auto path = TempSnapshotPath("v12");
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(SaveSnapshot(path, bytes));
  std::string count = bytes.substr(bytes.size() - 8);
  std::string v12 =
      bytes.substr(0, kListsAt) + count + bytes.substr(kListsAt, bytes.size() - 8 - kListsAt);
  ASSERT_EQ(v12.size(), bytes.size());
  const uint32_t version = 12;
  std::memcpy(v12.data() + match::kSnapshotVersionAt, &version, sizeof version);
  const std::string_view payload = std::string_view(v12).substr(match::kSnapshotPayloadAt);
  EXPECT_NE(match::SnapshotChecksum(version, payload),
            match::SnapshotChecksum(match::kSnapshotFormatVersion, payload));
  StampChecksum(v12, version);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << v12;
  auto loaded = Screener::LoadSnapshot(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ((*loaded)->lists().entities.size(), screener_->lists().entities.size());
  auto before = screener_->Screen(*MakeQuery(Name("Kim Jong Un", "Person")), ScreenOptions{});
  auto after = (*loaded)->Screen(*MakeQuery(Name("Kim Jong Un", "Person")), ScreenOptions{});
  ASSERT_FALSE(after.empty());
  ASSERT_EQ(before.size(), after.size());
  EXPECT_EQ(before[0].entity->id, after[0].entity->id);
  EXPECT_DOUBLE_EQ(before[0].score, after[0].score);
}

TEST_F(ScreenerTest, AnIndexFileOfAnOlderFormatAsksToBeRebuilt) {
  auto path = TempSnapshotPath("v1");
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(SaveSnapshot(path, bytes));
  ASSERT_GT(bytes.size(), 12u);
  bytes.replace(8, 4, std::string("\x01\x00\x00\x00", 4));  // the version after the magic
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  auto loaded = Screener::LoadSnapshot(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().ToString(),
            path.string() + ": snapshot format version 1 is not supported (expected 4 to " +
                std::to_string(match::kSnapshotFormatVersion) +
                "); rebuild it with 'embargo index build'");
}

}  // namespace
}  // namespace embargo
