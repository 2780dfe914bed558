#include "service/algorithms_handler.h"

#include <array>
#include <cmath>
#include <string_view>

#include "embargo/screener.h"
#include "match/evidence.h"
#include "match/name_matcher.h"
#include "scoring/constants.h"

namespace embargo::service {
namespace {

constexpr std::array<std::string_view, 8> kAliases = {
    "best",          "default",    "logic-v2",       "logic-v1",
    "regression-v1", "name-based", "name-qualified", "ofac"};
constexpr const char* kDocsUrl = "docs/SCORING.md";

// `reported_as`: the key of the /match result's "features" that carries the
// adjustment (several coefficients share one: birth_date is exact, year,
// day mismatch or mismatch, its detail says which).
nlohmann::json Feature(const std::string& description, double coefficient,
                       const char* reported_as) {
  return {{"description", description},
          {"coefficient", coefficient},
          {"reported_as", reported_as},
          {"url", kDocsUrl}};
}

nlohmann::json Features() {
  using namespace match;
  return {
      {"name_match", Feature("Similarity of the best query name to the best listed name; the base "
                             "score every other feature adjusts",
                             1.0, "name_match")},
      {"name_extra_query_part", Feature("Share of an unmatched query name part's weight counted "
                                        "against the name score",
                                        kExtraQueryPartCost, "name_match")},
      {"name_extra_result_part", Feature("Share of an unmatched listed name part's weight counted "
                                         "against the name score",
                                         kExtraListPartCost, "name_match")},
      {"name_single_part_cap", Feature("Ceiling on a person's name score when only one of several "
                                       "listed name parts matches (OFAC FAQ 5)",
                                       kSinglePartCap, "name_match")},
      {"name_business_words_only_cap",
       Feature("Ceiling on a firm's name score when only business words (bank, commercial, "
               "trading...) match and the listed name has a part that is not one",
               kBusinessWordsOnlyCap, "name_match")},
      {"birth_date_exact", Feature("Same birth date", kDobExactBonus, "birth_date")},
      {"birth_date_year",
       Feature("Same birth year, day unknown on one side", kDobYearBonus, "birth_date")},
      {"birth_date_day_mismatch",
       Feature("Same birth year, another month or day", kDobDayMismatchPenalty, "birth_date")},
      {"birth_date_mismatch",
       Feature("Different birth year", kDobContradictionPenalty, "birth_date")},
      {"country_match",
       Feature("A shared nationality or country", kNationalityMatchBonus, "country")},
      {"nationality_mismatch",
       Feature("Different nationality", kNationalityMismatchPenalty, "country")},
      {"country_mismatch",
       Feature("Different address country only", kCountryMismatchPenalty, "country")},
      {"gender_mismatch", Feature("Different gender", kGenderMismatchPenalty, "gender")},
      {"identifier_match", Feature("A shared identifier (passport, IMO, BIC...) raises the score "
                                   "to at least this",
                                   kIdentifierMatchFloor, "identifier")},
      {"identifier_mismatch", Feature("The query's passport differs from every listed passport",
                                      kIdentifierMismatchPenalty, "identifier")},
      {"imo_mismatch", Feature("The query's IMO number is none of the listed vessel's",
                               kImoMismatchPenalty, "imo")},
      {"vessel", Feature("A vessel's former names and flags as the listed record gives them, when "
                         "the query's name or flag is one of them (explains; adjusts nothing)",
                         0.0, "vessel")},
      {"weak_alias",
       Feature("Ceiling on a match through a weak alias (OFAC FAQ 124) unless a birth "
               "date or identifier corroborates it; a weak alias of two name parts or more "
               "(no connector, no title) matched in full is capped at "
               "weak_alias_full_match_cap instead, above the threshold",
               match::kWeakAliasCap, "weak_alias")},
  };
}

// Every constant of the scorer (scoring/constants.h) by group, rounded to
// the precision it is written with (floats would show 0.30000001).
nlohmann::json Constants() {
  nlohmann::json groups = nlohmann::json::object();
  for (const scoring::Constant& c : scoring::Published()) {
    groups[std::string(c.group)][std::string(c.name)] = std::round(c.value * 1e6) / 1e6;
  }
  return groups;
}

nlohmann::json Algorithm() {
  const char* description =
      "embargo's transliteration-aware name alignment plus signed evidence from birth dates, "
      "countries, gender and identifiers. Scores are a ranking signal, not a probability.";
  nlohmann::json aliases = nlohmann::json::array();
  for (std::string_view a : kAliases) aliases.push_back(a);
  return {{"name", kAlgorithmName},
          {"description", description},
          {"docs",
           {{"name", kAlgorithmName},
            {"description", description},
            {"config", {{"constants", Constants()}}},
            {"features", Features()}}},
          {"aliases", aliases},
          {"default_threshold", kDefaultThreshold}};
}

}  // namespace

Response HandleAlgorithms() {
  Response r;
  r.body = {{"algorithms", nlohmann::json::array({Algorithm()})},
            {"default", kAlgorithmName},
            {"best", kAlgorithmName}};
  return r;
}

bool IsKnownAlgorithm(const std::string& name) {
  if (name == kAlgorithmName) return true;
  for (std::string_view a : kAliases) {
    if (name == a) return true;
  }
  return false;
}

}  // namespace embargo::service
