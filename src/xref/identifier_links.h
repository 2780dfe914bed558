// Identifier links: records of different datasets that carry the same
// passport, national ID, IMO, BIC or registration number. Values are
// compared normalised (match::NormalizeIdentifier); the types must be
// compatible and the issuing countries must agree when both lists give one.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "embargo/lists.h"
#include "xref/xref.h"

namespace embargo::xref {

// A value held by more records than this in one dataset is too generic to
// identify anyone (a placeholder, a registry's shared number) and is ignored.
inline constexpr size_t kMaxIdentifierHolders = 3;
// Normalised values shorter than this are ignored.
inline constexpr size_t kMinIdentifierLength = 5;
inline constexpr double kIdentifierConfidence = 0.99;
// One side does not say which country issued the identifier.
inline constexpr double kIdentifierConfidenceNoCountry = 0.95;
// The two records' birth dates, nationalities or genders contradict.
inline constexpr double kContradictedIdentifierConfidence = 0.80;

struct IdentifierLinks {
  std::vector<Link> links;  // sorted by (a, b); one evidence string per shared identifier
  std::vector<Ambiguity> ambiguous;
};

// A value that two or three records of one list carry (a passport the UN
// gives for two people) links one of them to a record elsewhere only when
// their names share a part; otherwise the pair is reported as ambiguous.
IdentifierLinks FindIdentifierLinks(const ListSet& lists);

}  // namespace embargo::xref
