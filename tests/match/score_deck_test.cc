// The scorer's data-driven deck (tests/data/names/score_deck.tsv): each row
// is a query and the record it must (or must not) match, with the score
// range expected. Records named by @id are on the reference lists; the
// others are added as records of a "score_deck" dataset beside them, so
// every row is scored against all the lists at once, as in production.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/screener.h"
#include "test_paths.h"

namespace embargo {
namespace {

struct DeckRow {
  int line = 0;
  std::string query, query_schema, listed, listed_schema, expected;
};

std::vector<DeckRow> ReadDeck() {
  std::vector<DeckRow> rows;
  std::ifstream in(testing::TestData("names/score_deck.tsv"));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    f.resize(5);
    rows.push_back({n, f[0], f[1], f[2], f[3], f[4]});
  }
  return rows;
}

std::string DeckEntityId(const DeckRow& row) {
  return row.listed[0] == '@' ? row.listed.substr(1) : "score_deck-" + std::to_string(row.line);
}

TEST(ScoreDeckTest, EveryRowScoresInItsRange) {
  std::vector<DeckRow> rows = ReadDeck();
  ASSERT_GE(rows.size(), 30u);
  auto lists = LoadLists({testing::SharedData("")});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  for (const DeckRow& row : rows) {
    if (row.listed[0] == '@') continue;
    Entity e;
    e.id = DeckEntityId(row);
    e.dataset = "score_deck";
    e.source_id = std::to_string(row.line);
    e.schema = ParseSchema(row.listed_schema).value_or(Schema::kLegalEntity);
    e.names.push_back(Name{row.listed, NameKind::kPrimary, {}});
    lists->entities.push_back(std::move(e));
  }
  lists->datasets.push_back(Dataset{"score_deck", "embargo_list", "score_deck.tsv", "", 0, 0});
  std::shared_ptr<const Screener> screener = Screener::Build(std::move(*lists));
  ScreenOptions options;
  options.cutoff = 0.01;
  options.limit = 500;
  for (const DeckRow& row : rows) {
    QueryFields fields;
    fields.names = {row.query};
    fields.schema = row.query_schema;
    auto query = MakeQuery(fields);
    ASSERT_TRUE(query.ok()) << row.line;
    double score = 0;
    for (const Match& m : screener->Screen(*query, options))
      if (m.entity->id == DeckEntityId(row)) score = m.score;
    bool at_least = row.expected.rfind(">=", 0) == 0;
    double bound = std::stod(row.expected.substr(at_least ? 2 : 1));
    if (at_least) {
      EXPECT_GE(score, bound) << "score_deck.tsv:" << row.line << ": " << row.query << " ~ "
                              << row.listed;
    } else {
      EXPECT_LT(score, bound) << "score_deck.tsv:" << row.line << ": " << row.query << " ~ "
                              << row.listed;
    }
  }
}

}  // namespace
}  // namespace embargo
