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

#include <array>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "match/index.h"
#include "match/workspace.h"
#include "scoring/constants.h"

namespace embargo::match {

// The alignment's constants (scoring/constants.h).
using scoring::kAcronymSimilarity;
using scoring::kBusinessWordsOnlyCap;
using scoring::kExtraListMiddleCost;
using scoring::kExtraListPartCost;
using scoring::kExtraQueryCoveringPartCost;
using scoring::kExtraQueryMiddleCost;
using scoring::kExtraQueryPartCost;
using scoring::kExtraQuerySubsetMiddleCost;
using scoring::kFamilyMismatchCap;
using scoring::kKoreanSyllableSimilarity;
using scoring::kMaxJoinedParts;
using scoring::kMaxShortWord;
using scoring::kMinLegalFormTypoSimilarity;
using scoring::kShortWordTypoCap;
using scoring::kSinglePartCap;
using scoring::kSubsetMinSimilarity;

struct QueryUnit {
  uint32_t start = 0;
  uint32_t length = 1;                // 1 = one token, 2 = two adjacent tokens joined
  float weight = 0;                   // sum of the covered tokens' weights
  std::vector<SimilarToken> similar;  // sorted by vocab id; set with SetSimilar
  // One bit per vocab id hash of `similar`: most list tokens a name scorer
  // asks about are not similar, and a clear bit says so without a search.
  std::array<uint64_t, 8> filter{};
};

// Sets unit.similar and its filter.
void SetSimilar(QueryUnit& unit, const std::vector<SimilarToken>& similar);

struct QueryName {
  std::string original;
  // Names derived from the query (an acronym of its words) count for less:
  // their scores are multiplied by this.
  float scale = 1.0f;
  // Only exact spellings count (a derived acronym: PYS is not BIIS).
  bool exact_only = false;
  // Derived from the query as an acronym (its initials, or a one-word part in
  // brackets: "FOREIGN TRADE BANK (FTB)"): not compared with the acronyms of
  // listed names, two acronyms alike say little.
  bool from_acronym = false;
  // The initials of the query's words (an acronym the query does not
  // write): the words they stand for that name something (no business
  // word, legal form, connector or country), which must meet one of a
  // listed entity's names for the initials to count in full (Screener).
  bool initials = false;
  std::vector<text::Token> initials_of;
  // A query of no known kind read as a person's name where reading it as a
  // firm's changed its words (Sergey Ten: ten, not 10): compared with
  // listed persons (and parties of unknown kind) only.
  bool person_only = false;
  // A firm's name read without the countries it names (Foreign Trade Bank
  // of North Korea): compared only with parties tied to one of these
  // countries (ISO alpha-2, lowercase); empty for other names.
  std::vector<std::string> of_countries;
  text::AnalyzedName analyzed;
  std::vector<text::KoreanSyllable> syllables;  // per token, when analyzed.korean
  std::vector<bool> is_syllable;  // per token: a Korean or Chinese syllable as written
  // Written in Hangul or Han, a token per character: each token is the
  // reading of one syllable, so it meets only that syllable in some
  // spelling, never a longer word by a few edits (静 jing is not Jinghe).
  bool written_in_syllables = false;
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
  bool business_capped = false;  // only business words match a firm's name
  bool family_capped = false;
  bool order_capped = false;       // the given-name syllables run in another order
  bool short_typo_capped = false;  // only a typo of a short word matches
  bool loose_typo_capped = false;  // only one word matches, by a loose typo
  bool numbers_capped = false;     // both names hold numbers, none of which meet
};

// Whether person-name rules (leading given name, one-part cap) apply: the
// listed party is a person, or of unknown kind (BIS DPL mixes people and
// firms) and the query is a person.
bool PersonRulesApply(Schema query_schema, Schema listed_schema);

// Scores `name` against the query; fills `explanation` (alignment and
// unmatched parts) when it is not null. `scratch`: the workspace's buffers.
NameScore ScoreName(const Index& index, const QueryName& query, const IndexedName& name,
                    bool person_rules, AlignScratch& scratch, Explanation* explanation);

}  // namespace embargo::match
