// Order-free alignment of a query name against an indexed list name.
//
// The query is analysed once (QueryName): its tokens, their rarity weights,
// and for each token and each adjacent pair of tokens written as one, the
// vocabulary tokens similar to it. Scoring a list name is then lookups only:
// every (query unit, list unit) pair gets the similarity found at query
// analysis; pairs are taken greedily, best first, one-to-one; the score is
// the weighted share of matched parts, where an unmatched query part costs
// more than an unmatched list part (lists carry middle names and
// patronymics people leave out). Thread-compatible; QueryName is per query.
#pragma once

#include <string>
#include <vector>

#include "embargo/screener.h"
#include "match/index.h"
#include "match/workspace.h"

namespace embargo::match {

// Share of an unmatched query part's weight counted against the score.
inline constexpr float kExtraQueryPartCost = 0.9f;
// Share of an unmatched list part's weight counted against the score; a
// person's leading given name costs kExtraQueryPartCost instead.
inline constexpr float kExtraListPartCost = 0.25f;
// Cap on a person's name score when a single name part matches and the list
// name has more (OFAC FAQ 5 step 3: a surname alone is not a match).
inline constexpr float kSinglePartCap = 0.65f;

struct QueryUnit {
  uint32_t start = 0;
  uint32_t length = 1;                // 1 = one token, 2 = two adjacent tokens joined
  float weight = 0;                   // sum of the covered tokens' weights
  std::vector<SimilarToken> similar;  // sorted by vocab id
};

struct QueryName {
  std::string original;
  text::AnalyzedName analyzed;
  std::vector<float> token_weights;
  std::vector<QueryUnit> units;
  float total_weight = 0;
};

// Analyses a query name; similar-token lookups go through `ws`'s cache.
QueryName AnalyzeQueryName(const Index& index, const std::string& name, Schema schema,
                           Workspace& ws);

struct NameScore {
  float score = 0;
  int matched_significant = 0;  // matched list-name tokens that are ordinary name parts
  bool single_part_capped = false;
};

// Whether person-name rules (leading given name, one-part cap) apply: the
// listed party is a person, or of unknown kind (BIS DPL mixes people and
// firms) and the query is a person.
bool PersonRulesApply(Schema query_schema, Schema listed_schema);

// Scores `name` against the query; fills `explanation` (alignment and
// unmatched parts) when it is not null.
NameScore ScoreName(const Index& index, const QueryName& query, const IndexedName& name,
                    bool person_rules, Explanation* explanation);

}  // namespace embargo::match
