// Entity evidence beyond the name: birth date, nationality/country, gender
// and identifiers, each turned into a signed contribution to the score with
// a readable detail. Missing evidence on either side is neutral. Pure
// functions; thread-safe.
#pragma once

#include <vector>

#include "embargo/screener.h"
#include "match/index.h"
#include "scoring/constants.h"

namespace embargo::match {

// The evidence's constants (scoring/constants.h).
using scoring::kCountryMismatchPenalty;
using scoring::kDobContradictionPenalty;
using scoring::kDobDayMismatchPenalty;
using scoring::kDobExactBonus;
using scoring::kDobYearBonus;
using scoring::kGenderMismatchPenalty;
using scoring::kIdentifierMatchFloor;
using scoring::kIdentifierMismatchPenalty;
using scoring::kImoMismatchPenalty;
using scoring::kNationalityMatchBonus;
using scoring::kNationalityMismatchPenalty;
using scoring::kWeakAliasCap;
using scoring::kWeakAliasFullMatch;
using scoring::kWeakAliasFullMatchCap;

// kYearDigit: full dates of the same day and month whose years differ in
// one digit (1980 / 1990: a typo on one side or the other, as OFAC
// corrected KHASIKOV's): neither confirms nor contradicts.
enum class DateRelation { kNone, kContradicts, kDayMismatch, kYearDigit, kNear, kSameYear, kExact };
DateRelation CompareBirthDates(const std::vector<DateSpec>& query,
                               const std::vector<DateSpec>& listed);

struct EvidenceResult {
  std::vector<FeatureContribution> features;
  double adjustment = 0;  // sum of the contributions
  bool identifier_match = false;
  bool corroborated = false;  // birth date agrees or an identifier matches
};

// kScoreOnly skips the readable details (the features' `detail` strings):
// candidates are scored first and explained only if reported.
enum class EvidenceDetail { kScoreOnly, kExplain };

EvidenceResult ScoreEvidence(const Query& query, const EntityEvidence& evidence,
                             EvidenceDetail detail = EvidenceDetail::kExplain);

// Whether a listed party is tied to one of `codes` (ISO alpha-2,
// lowercase): its nationalities, its linked countries, its addresses'
// countries, or those its firm's names name.
bool TiedToAnyCountry(const EntityEvidence& evidence, const std::vector<std::string>& codes);

// The most ScoreEvidence can add to a name score for this query, whatever
// the entity: an agreeing birth date and nationality. Infinite when the
// query carries identifiers (a matching one lifts the score to
// kIdentifierMatchFloor). A candidate whose name score plus this stays
// below the cutoff need not be looked at further.
double MaxEvidenceGain(const Query& query);

}  // namespace embargo::match
