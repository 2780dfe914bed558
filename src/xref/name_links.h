// Name matching between datasets, for linking records across lists. A
// record's names (not its weak aliases), with its schema, birth dates,
// nationalities and gender, are screened against an index of each other
// dataset, built with the rarity weights of all the lists together so that
// scores compare across datasets. The screener's score is taken as it is,
// except for two penalties that mean nothing between list records (see
// LinkScore in name_links.cc). Propose() says whether the closest record
// there is a link candidate, and if not, why. Immutable after construction;
// Propose() is thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "embargo/screener.h"
#include "xref/xref.h"

namespace embargo::xref {

enum class Verdict { kLink, kNoCandidate, kBelowThreshold, kContradiction, kAmbiguous };

struct Candidate {
  size_t entity = 0;  // index into ListSet::entities
  double score = 0;
  Explanation explanation;
  std::string note;  // how a tie with another candidate was broken
};

struct Proposal {
  Verdict verdict = Verdict::kNoCandidate;
  std::vector<Candidate> candidates;  // best first
  std::vector<size_t> tied;           // kAmbiguous: the records it cannot tell apart
  std::string why;                    // for the verdicts other than kLink
};

// The most LinkScore adds back to a screener score (a day-mismatch penalty
// and a country-mismatch penalty).
inline constexpr double kLinkScoreRelief = 0.15;

// Scores below this are not looked at when linking (they can never be the
// clear best above a threshold).
inline constexpr double kLinkCandidateCutoff = 0.6;

class NameLinker {
 public:
  // Indexes `datasets` of `lists` (empty: all of them). `lists` must outlive
  // the linker.
  NameLinker(const ListSet& lists, const XrefOptions& options,
             const std::vector<std::string>& datasets = {});

  // The closest records of `dataset` to entity `entity` scoring at least
  // `cutoff`, and the verdict on the best one.
  Proposal Propose(size_t entity, std::string_view dataset, double cutoff) const;

  // The closest record of `dataset` among those whose schema the entity's
  // own rules out (a vessel for an organisation), to explain a missing link.
  std::optional<Candidate> ClosestOfOtherSchema(size_t entity, std::string_view dataset) const;

 private:
  bool BreakTie(const Entity& x, std::vector<Candidate>& candidates) const;
  void Judge(const Entity& x, std::string_view dataset, bool tie_broken, Proposal& p) const;
  std::optional<Candidate> NameRival(const Entity& x, const Candidate& best,
                                     std::string_view dataset) const;
  std::vector<Candidate> Screen(size_t entity, const Query& query, std::string_view dataset,
                                double cutoff) const;

  const ListSet& lists_;
  XrefOptions options_;
  std::map<std::string, std::shared_ptr<const Screener>, std::less<>> by_dataset_;
  std::unordered_map<std::string_view, size_t> index_of_;  // entity id -> index
};

// Whether some full date of `a` and some full date of `b` are one day apart.
bool OneDayApart(const std::vector<DateSpec>& a, const std::vector<DateSpec>& b);

// Why two records cannot be the same party (birth dates, nationalities or
// genders that disagree), or nullopt.
std::optional<std::string> Contradiction(const Entity& x, const Entity& y);

// The kind of the entity's name written `name` (kAlias when none is).
NameKind KindOf(const Entity& e, std::string_view name);

// Whether birth dates (same date or year) or a shared nationality confirm
// that x and y are one party; for parties other than people, any shared
// country (address, jurisdiction) does.
bool Corroborated(const Entity& x, const Entity& y);

// Readable evidence for a name link: the matched names and score, then
// SharedEvidence, then how a tie was broken.
std::vector<std::string> NameEvidence(const Entity& x, const Entity& y, const Candidate& match);

// What else two records agree on: birth dates (same, same year, close, a
// day apart), nationalities, gender, programme.
std::vector<std::string> SharedEvidence(const Entity& x, const Entity& y);

// Why record `entity` has no counterpart on `to_dataset` (which `linker`
// indexes): its closest record there (one scoring 0.5 or more) and the
// verdict on it, or that none comes close; a clear match
// LinkLists did not keep is a conflict, explained by `result`'s ambiguity.
Unlinked ExplainUnlinkedRecord(const ListSet& lists, const XrefResult& result,
                               const NameLinker& linker, size_t entity, std::string_view to_dataset,
                               double threshold);

}  // namespace embargo::xref
