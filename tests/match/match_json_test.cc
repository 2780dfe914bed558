#include "embargo/match_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "embargo/lists.h"

namespace embargo {
namespace {

// The public JSON form of a match, read back as a client would: every key
// the header promises, the values the screener gave, scores rounded.
TEST(MatchJsonTest, AMatchReadsBackWithItsExplanation) {
  ListSet lists;
  Entity e;
  e.id = "ri";
  e.dataset = "test";
  e.source_id = "KPi.033";
  e.schema = Schema::kPerson;
  e.names.push_back(Name{"RI WON HO", NameKind::kPrimary, {}});
  lists.entities.push_back(e);
  auto screener = Screener::Build(std::move(lists));
  QueryFields fields;
  fields.names = {"Ri Won-ho"};
  auto query = MakeQuery(fields);
  ASSERT_TRUE(query.ok());
  std::vector<Match> matches = screener->Screen(*query, ScreenOptions{0.8, 0.3, 5});
  ASSERT_EQ(matches.size(), 1u);
  const Match& m = matches[0];

  nlohmann::json j = nlohmann::json::parse(MatchJson(m));
  EXPECT_EQ(j["entity_id"], "ri");
  EXPECT_EQ(j["dataset"], "test");
  EXPECT_EQ(j["source_id"], "KPi.033");
  EXPECT_EQ(j["schema"], "Person");
  EXPECT_EQ(j["caption"], "RI WON HO");
  EXPECT_EQ(j["matched_name"], "RI WON HO");
  EXPECT_EQ(j["match"], m.match);
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), std::round(m.score * 10000) / 10000);

  const nlohmann::json& x = j["explanation"];
  EXPECT_EQ(x, nlohmann::json::parse(ExplanationJson(m.explanation)));
  EXPECT_EQ(x["query_name"], "Ri Won-ho");
  EXPECT_EQ(x["matched_kind"], "primary");
  ASSERT_EQ(x["alignment"].size(), 3u) << x.dump();
  EXPECT_EQ(x["alignment"][0]["kind"], "exact");
  for (const auto& a : x["alignment"]) {
    for (const char* key : {"candidate", "kind", "query", "similarity"})
      EXPECT_TRUE(a.contains(key)) << key;
  }
  EXPECT_TRUE(x["unmatched_query"].empty());
  EXPECT_TRUE(x["unmatched_candidate"].empty());
  ASSERT_FALSE(x["features"].empty());
  EXPECT_EQ(x["features"][0]["feature"], "name_match");
}

}  // namespace
}  // namespace embargo
