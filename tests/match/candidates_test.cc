// The candidate stage's pruning keeps exactly the names the exhaustive pass
// keeps: over every reference list, for people on no list (the development
// negatives) and for listed names themselves (which have many near names,
// so the kept set fills and the bar rises).
#include "match/candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "match/derived_names.h"
#include "test_paths.h"

namespace embargo {
namespace {

std::vector<std::string> NegativeNames(size_t limit) {
  std::ifstream in(testing::SharedData("negatives/negatives-global-dev.csv"));
  std::vector<std::string> names;
  std::string line;
  std::getline(in, line);  // header: full_name first
  while (names.size() < limit && std::getline(in, line))
    names.push_back(line.substr(0, line.find(',')));
  return names;
}

std::vector<uint32_t> Candidates(const match::Index& index, const std::string& name, Schema schema,
                                 match::Workspace& ws, match::CandidateOptions options) {
  std::vector<match::QueryName> qnames;
  qnames.push_back(match::AnalyzeQueryName(index, name, schema, ws));
  for (match::QueryName& d : match::DeriveQueryNames(index, qnames.front(), schema, ws))
    qnames.push_back(std::move(d));
  std::vector<uint32_t> out;
  for (const match::QueryName& q : qnames) match::CollectCandidates(index, q, ws, out, options);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST(CandidatesTest, PruningKeepsWhatTheExhaustivePassKeeps) {
  auto lists = LoadLists({testing::SharedData("")});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  match::Index index(lists->entities);
  match::Workspace ws(index.names().size());

  std::vector<std::pair<std::string, Schema>> queries;
  for (const std::string& name : NegativeNames(1500)) queries.emplace_back(name, Schema::kPerson);
  for (size_t i = 0; i < index.names().size(); i += 29) {
    const match::IndexedName& n = index.names()[i];
    const Entity& e = lists->entities[n.entity];
    queries.emplace_back(e.names[n.name_index].value, e.schema);
  }
  ASSERT_GT(queries.size(), 2500u);

  match::CandidateStats pruned, exhaustive;
  size_t differ = 0;
  for (const auto& [name, schema] : queries) {
    auto a = Candidates(index, name, schema, ws, {.prune = true, .stats = &pruned});
    auto b = Candidates(index, name, schema, ws, {.prune = false, .stats = &exhaustive});
    if (a != b && ++differ <= 5) ADD_FAILURE() << name << ": " << a.size() << " vs " << b.size();
  }
  EXPECT_EQ(differ, 0u);
  EXPECT_EQ(exhaustive.closed_early, 0u);
  // The pruning does something: most queries stop admitting names early and
  // far fewer postings are read through.
  EXPECT_GT(pruned.closed_early * 2, pruned.queries);
  EXPECT_GT(pruned.raised_bar, 0u);
  EXPECT_LT(pruned.postings_read * 10, exhaustive.postings_read * 9);
  std::cout << "closed early " << pruned.closed_early << " of " << pruned.queries
            << " query names (bar raised " << pruned.raised_bar << ", names skipped "
            << pruned.names_skipped << "); postings read " << pruned.postings_read << " vs "
            << exhaustive.postings_read << "\n";
}

Entity ListedPerson(std::string id, std::string name) {
  Entity e;
  e.id = e.source_id = std::move(id);
  e.dataset = "test";
  e.schema = Schema::kPerson;
  e.names.push_back(Name{std::move(name), NameKind::kPrimary, {}});
  return e;
}

// The norms of the vocabulary tokens unit `i` of `q` is similar to, and
// whether any of them is only a typo of it.
std::pair<std::vector<std::string>, bool> Similar(const match::Index& index,
                                                  const match::QueryName& q, size_t i) {
  std::vector<std::string> norms;
  bool fuzzy = false;
  for (const match::SimilarToken& t : q.units[i].similar) {
    norms.push_back(index.vocab()[t.vocab].token.norm);
    fuzzy = fuzzy || t.kind == text::TokenMatchKind::kFuzzy;
  }
  std::sort(norms.begin(), norms.end());
  return {norms, fuzzy};
}

// A syllable read from one Han or Hangul character is that syllable in
// some spelling, never a typo of another (jing is not ming): the scorer
// refuses such pairs, so the candidate stage must not read their postings
// either (in a big index they were most of what a Chinese name read).
TEST(CandidatesTest, ASyllableWrittenInHanLooksUpNoTypoOfItself) {
  std::vector<Entity> entities = {ListedPerson("a", "ZHANG Jing"), ListedPerson("b", "WANG Ming"),
                                  ListedPerson("c", "CHANG Ting")};
  match::Index index(entities);
  match::Workspace ws(index.names().size());

  match::QueryName han = match::AnalyzeQueryName(index, "张静", Schema::kPerson, ws);
  ASSERT_TRUE(han.written_in_syllables);
  ASSERT_EQ(han.analyzed.tokens.size(), 2u);
  auto [family, family_fuzzy] = Similar(index, han, 0);
  auto [given, given_fuzzy] = Similar(index, han, 1);
  EXPECT_EQ(family, (std::vector<std::string>{"chang", "zhang"}));
  EXPECT_EQ(given, (std::vector<std::string>{"jing"}));
  EXPECT_FALSE(family_fuzzy);
  EXPECT_FALSE(given_fuzzy);

  // Written in Latin letters the same parts are words, typos and all.
  match::QueryName latin = match::AnalyzeQueryName(index, "Zhang Jing", Schema::kPerson, ws);
  ASSERT_FALSE(latin.written_in_syllables);
  auto [latin_given, latin_fuzzy] = Similar(index, latin, 1);
  EXPECT_TRUE(latin_fuzzy);
  EXPECT_TRUE(std::find(latin_given.begin(), latin_given.end(), "ming") != latin_given.end());

  // And the Han name still finds the listed one.
  std::vector<uint32_t> out;
  match::CollectCandidates(index, han, ws, out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(entities[index.names()[out.front()].entity].id, "a");
}

// A Korean query's two syllables looked up as one word keep only the words
// the scorer can take for them: one that reads as the two syllables
// (CHONGHUI for 정희), or a spelling of the pair as one word. A fuzzy
// neighbour (CHONGHUN, ZHONG) would only cost the candidate stage its
// postings.
TEST(CandidatesTest, AKoreanSyllablePairKeepsOnlyWordsThatReadAsIt) {
  std::vector<Entity> entities = {ListedPerson("a", "KIM Chonghui"),
                                  ListedPerson("b", "PAK Chonghun"),
                                  ListedPerson("c", "ZHONG Wei")};
  match::Index index(entities);
  match::Workspace ws(index.names().size());
  match::QueryName q = match::AnalyzeQueryName(index, "김정희", Schema::kPerson, ws);
  ASSERT_TRUE(q.analyzed.korean);
  const match::QueryUnit* pair = nullptr;
  for (const match::QueryUnit& unit : q.units) {
    if (unit.length == 2 && q.analyzed.tokens[unit.start].norm != "kim") pair = &unit;
  }
  ASSERT_NE(pair, nullptr);
  std::vector<std::string> norms;
  for (const match::SimilarToken& t : pair->similar)
    norms.push_back(index.vocab()[t.vocab].token.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"chonghui"}));

  std::vector<uint32_t> out;
  match::CollectCandidates(index, q, ws, out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(entities[index.names()[out.front()].entity].id, "a");
}

}  // namespace
}  // namespace embargo
