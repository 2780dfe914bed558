#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "embargo/lists.h"
#include "embargo/screener.h"
#include "match/index.h"
#include "test_paths.h"

namespace embargo {
namespace {

std::vector<Entity> Entities(std::initializer_list<std::pair<Schema, const char*>> names) {
  std::vector<Entity> out;
  for (const auto& [schema, name] : names) {
    Entity e;
    e.id = "t-" + std::to_string(out.size());
    e.schema = schema;
    e.names = {{name, NameKind::kPrimary, {}}};
    e.identifiers = {{IdType::kImo, "9187629", "", "IMO"}};
    out.push_back(std::move(e));
  }
  return out;
}

const std::vector<Entity>& Small() {
  static const auto* entities = new std::vector<Entity>(Entities(
      {{Schema::kPerson, "KIM, Jong Un"},
       {Schema::kPerson, "리원호"},
       {Schema::kOrganization, "KOREAN WORKERS PARTY, PROPAGANDA AND AGITATION DEPARTMENT"},
       {Schema::kPerson, "AL-QADHAFI, Muammar Abu Minyar"},
       {Schema::kVessel, "CHON MA SAN"},
       {Schema::kOrganization, "DPRK BANK"}}));
  return *entities;
}

// Small's names and two with readings in another transliteration convention
// (an Arabic name's vocabulary says it was read from Arabic script).
const std::vector<Entity>& WithReadings() {
  static const auto* entities = [] {
    auto* out = new std::vector<Entity>(Small());
    for (Entity e : Entities({{Schema::kPerson, "فضل محمد مظلوم"},
                              {Schema::kPerson, "Oleksandr Viktorovych HUSIEV"}})) {
      e.id = "t-" + std::to_string(out->size());
      out->push_back(std::move(e));
    }
    return out;
  }();
  return *entities;
}

std::string Written(const match::Index& index) {
  match::BinaryWriter w;
  index.Write(w);
  return w.data();
}

// What an index shows of itself: every name's tokens as their spellings,
// weights and flags, the vocabulary's lookups for its own spellings and
// syllables, and what it holds of `entities`: the countries their names
// name, the entities found by their ids.
std::string Describe(const match::Index& index, const std::vector<Entity>& entities) {
  std::string out;
  for (const match::IndexedName& n : index.names()) {
    out += std::to_string(n.entity) + "." + std::to_string(n.name_index) + ":";
    for (const match::NameToken& t : n.tokens)
      out += " " + index.vocab()[t.vocab].token.norm + "/" + std::to_string(t.weight);
    out += " total " + std::to_string(n.total_weight) + " head " + std::to_string(n.head) +
           (n.korean ? " korean" : "") + (n.acronym != match::kNoVocab ? " acronym" : "") + "\n";
  }
  match::LookupScratch scratch;
  std::vector<match::SimilarToken> similar;
  for (const match::VocabToken& v : index.vocab()) {
    index.FindSimilar(v.token, match::Index::Lookup::kFuzzy, similar, scratch);
    out += v.token.norm + (v.token.abjad ? " (abjad)" : "") + (v.is_syllable ? " (syllable)" : "") +
           " ~ " + std::to_string(similar.size()) + " " +
           std::to_string(index.postings(static_cast<uint32_t>(&v - index.vocab().data())).size()) +
           "\n";
  }
  out += "imo " + std::to_string(index.EntitiesWithIdentifier("9187629").size()) + "\n";
  for (uint32_t e = 0; e < entities.size(); ++e) {
    out += entities[e].id + ":";
    for (uint32_t found : index.EntitiesWithId(entities[e].id)) out += " " + std::to_string(found);
    for (const std::string& country : index.evidence(entities[e], e).named_countries)
      out += " names " + country;
    out += "\n";
  }
  return out;
}

TEST(IndexSnapshotTest, AnIndexReadBackIsTheIndexWritten) {
  match::Index built(WithReadings());
  std::string bytes = Written(built);
  match::BinaryReader r(bytes);
  std::optional<match::Index> read = match::Index::Read(r);
  ASSERT_TRUE(read.has_value()) << r.why();
  std::string why;
  ASSERT_TRUE(read->Complete(WithReadings(), why)) << why;
  EXPECT_EQ(r.remaining(), 0u);
  EXPECT_EQ(Describe(*read, WithReadings()), Describe(built, WithReadings()));
  // What the index holds of the entities, read back, not worked out again.
  EXPECT_NE(Describe(built, WithReadings()).find("t-5: 5 names kp"), std::string::npos)
      << Describe(built, WithReadings());
  // The department's second reading after the comma, the Arabic name's two
  // convention readings (ض as ز, ظ as ذ), the Ukrainian name's Russian one.
  EXPECT_EQ(read->names().size(), 12u);
  size_t abjad = 0;
  for (const match::VocabToken& v : read->vocab()) abjad += v.token.abjad;
  EXPECT_GE(abjad, 3u);                  // fdl, mhmd, mzlwm and the readings' fzl, mdhlwm
  EXPECT_TRUE(Written(*read) == bytes);  // (not EXPECT_EQ: no binary dump on failure)
  EXPECT_TRUE(read->AgreesWithAnalysis(WithReadings(), 1));
}

// An index over other names (as one written by an embargo that reads names
// differently would be) is told apart from its entities.
TEST(IndexSnapshotTest, AnIndexOfOtherNamesDoesNotAgreeWithTheEntities) {
  match::Index built(Small());
  std::vector<Entity> renamed = Small();
  renamed[3].names[0].value = "GADDAFI, Muammar";
  EXPECT_TRUE(built.AgreesWithAnalysis(Small(), 1));
  EXPECT_FALSE(built.AgreesWithAnalysis(renamed, 1));
}

// What the index holds of the entities besides their names (their ids,
// identifiers, the countries their names name) is checked against them too.
TEST(IndexSnapshotTest, AnIndexOfOtherIdsOrCountriesDoesNotAgreeWithTheEntities) {
  match::Index built(Small());
  std::vector<Entity> other_id = Small();
  other_id[1].id = "t-x";
  EXPECT_FALSE(built.AgreesWithAnalysis(other_id, 1));
  std::vector<Entity> other_identifier = Small();
  other_identifier[4].identifiers[0].value = "9999999";
  EXPECT_FALSE(built.AgreesWithAnalysis(other_identifier, 1));
  std::vector<Entity> with_country = Small();
  with_country[5].countries = {"kp"};  // then its name's country is not evidence
  EXPECT_FALSE(built.AgreesWithAnalysis(with_country, 1));
}

// An index is read with as many entities as it was built over, no fewer or more.
TEST(IndexSnapshotTest, AnIndexOfAnotherEntityCountIsRefused) {
  match::Index built(Small());
  std::string bytes = Written(built);
  for (size_t count : {Small().size() - 1, Small().size() + 1}) {
    std::vector<Entity> entities = WithReadings();
    entities.resize(count);
    match::BinaryReader r(bytes);
    std::optional<match::Index> read = match::Index::Read(r);
    ASSERT_TRUE(read.has_value()) << r.why();
    std::string why;
    EXPECT_FALSE(read->Complete(entities, why));
    EXPECT_EQ(why, "an index of 6 entities, not " + std::to_string(count));
  }
}

// Every one-byte change and every cut of a written index either reads as
// an index or fails the reader with a reason: never a read out of bounds
// (the sanitizer run checks), never an index whose ids point nowhere.
TEST(IndexSnapshotTest, EveryCorruptionIsReadSafelyOrRefused) {
  match::Index built(Small());
  const std::string bytes = Written(built);
  size_t refused = 0, tried = 0;
  auto attempt = [&](const std::string& data) {
    ++tried;
    match::BinaryReader r(data);
    std::optional<match::Index> read = match::Index::Read(r);
    std::string why;
    if (!read || !r.ok() || !read->Complete(Small(), why)) {
      ++refused;
      // The reader failed with a reason, or the entity numbers were refused
      // with one.
      EXPECT_TRUE(r.ok() ? !why.empty() : !r.why().empty());
      return;
    }
    for (const match::IndexedName& n : read->names()) {
      ASSERT_LT(n.entity, Small().size());
      ASSERT_LT(n.name_index, Small()[n.entity].names.size());
      for (const match::NameToken& t : n.tokens) ASSERT_LT(t.vocab, read->vocab().size());
    }
    // Every posting and some lookups, read.
    size_t postings = 0;
    for (uint32_t v = 0; v < read->vocab().size(); ++v) postings += read->postings(v).size();
    EXPECT_GT(postings + 1, 0u);
    match::LookupScratch scratch;
    std::vector<match::SimilarToken> similar;
    for (size_t v = 0; v < read->vocab().size(); v += 16)
      read->FindSimilar(read->vocab()[v].token, match::Index::Lookup::kFuzzy, similar, scratch);
    read->EntitiesWithIdentifier("9187629");
  };
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (unsigned char flip : {0xFF, 0x01}) {
      if (flip == 0x01 && at % 4 != 0) continue;  // low bits: a count or id one off
      std::string data = bytes;
      data[at] = static_cast<char>(data[at] ^ flip);
      attempt(data);
    }
  }
  for (size_t cut = 0; cut < bytes.size(); cut += 7) attempt(bytes.substr(0, cut));
  EXPECT_GT(refused, tried / 4);
  EXPECT_LT(bytes.size(), 25000u);  // keeps this test short under the sanitizers
}

// The snapshot of real lists: the index read from it screens exactly as
// the one built from the lists.
TEST(IndexSnapshotTest, ASnapshotOfRealListsScreensAsTheListsDo) {
  auto lists = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                          testing::SharedData("uk/uk-sanctions-list-excerpt-2026-08-14.xml")});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  // Every name of these lists reads today as the index read it: the
  // snapshot's index is used as written, not rebuilt.
  match::Index index(lists->entities);
  EXPECT_TRUE(index.AgreesWithAnalysis(lists->entities, 1));
  auto built = Screener::Build(std::move(*lists));
  auto path = std::filesystem::temp_directory_path() /
              ("embargo_index_snapshot_" + std::to_string(::getpid()) + ".idx");
  ASSERT_TRUE(built->SaveSnapshot(path).ok());
  auto loaded = Screener::LoadSnapshot(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ((*loaded)->name_count(), built->name_count());
  const std::vector<Entity>& entities = built->lists().entities;
  size_t compared = 0;
  for (size_t i = 0; i < entities.size(); i += 9) {
    Query q;
    q.names = {entities[i].caption()};
    q.schema = entities[i].schema;
    std::vector<Match> a = built->Screen(q, {});
    std::vector<Match> b = (*loaded)->Screen(q, {});
    ASSERT_EQ(a.size(), b.size()) << entities[i].caption();
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].entity->id, b[k].entity->id) << entities[i].caption();
      EXPECT_EQ(a[k].score, b[k].score) << entities[i].caption();
    }
    compared += a.size();
  }
  EXPECT_GT(compared, 100u);
}

}  // namespace
}  // namespace embargo
