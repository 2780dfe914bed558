// Entity evidence beyond the name: birth date, nationality/country, gender
// and identifiers, each turned into a signed contribution to the score with
// a readable detail. Missing evidence on either side is neutral. Pure
// functions; thread-safe.
#pragma once

#include <vector>

#include "embargo/screener.h"
#include "match/index.h"

namespace embargo::match {

inline constexpr double kDobExactBonus = 0.05;
inline constexpr double kDobYearBonus = 0.02;
inline constexpr double kDobDayMismatchPenalty = -0.10;
inline constexpr double kDobContradictionPenalty = -0.25;
inline constexpr double kNationalityMatchBonus = 0.03;
inline constexpr double kNationalityMismatchPenalty = -0.15;
inline constexpr double kCountryMismatchPenalty = -0.05;
inline constexpr double kGenderMismatchPenalty = -0.15;
inline constexpr double kIdentifierMismatchPenalty = -0.05;
// A shared identifier (passport, IMO, BIC...) is strong evidence: the score
// becomes at least this, whatever the name (the explanation's identifier
// feature shows how much that added).
inline constexpr double kIdentifierMatchFloor = 0.95;
// A match through a weak alias alone never reaches an alert (OFAC FAQ 124):
// without a corroborating birth date or identifier it stays at or below this.
inline constexpr double kWeakAliasCap = 0.69;

enum class DateRelation { kNone, kContradicts, kDayMismatch, kNear, kSameYear, kExact };
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

}  // namespace embargo::match
