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

}  // namespace
}  // namespace embargo
