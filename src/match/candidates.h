// The candidate stage: which indexed names a query name is scored against.
// Every query unit (a token, or two adjacent tokens joined) adds, to each
// name in the postings of its similar vocabulary tokens, its weight times
// the best similarity; names whose evidence reaches kMinCandidateShare of
// the query's weight are ranked by an estimate of the name score (evidence
// over the query's weight plus kExtraListPartCost of the name's), and the
// best kMaxCandidateNames, plus up to kMaxCoveringNames names holding every
// query unit, are kept.
//
// In a big index the common units (Mohammed, Maria, Kim) have postings of
// tens of thousands of names. Units are therefore added rarest first (the
// most they can add, largest first), with a bar: the estimate of the
// kMaxCandidateNames-th name that has reached the share so far (estimates
// only grow). A name not seen yet that could not reach the bar with every
// unit still to come is not admitted (its weight, a byte per name, says so
// without touching its accumulator; a similar token through which no name
// not seen yet could be kept is searched for the names in the running only,
// and no weight is read); once no name not seen yet could be
// kept (below the share, or below the bar), the remaining units only update
// the names still in the running, found in long postings by binary search.
// The kept set is the one the exhaustive pass finds: `prune = false` runs
// that pass (tests).
#pragma once

#include <cstdint>
#include <vector>

#include "match/index.h"
#include "match/name_matcher.h"
#include "match/workspace.h"

namespace embargo::match {

// What the candidate stage did, summed over calls (tests, benchmarks).
struct CandidateStats {
  size_t queries = 0;
  size_t closed_early = 0;   // stopped admitting new names before the last unit
  size_t raised_bar = 0;     // kMaxCandidateNames names reached the share
  size_t names_skipped = 0;  // names not admitted: below the bar
  size_t postings_read = 0;  // postings read through (not searched)
};

struct CandidateOptions {
  bool prune = true;
  CandidateStats* stats = nullptr;
};

// Appends the names `q` is to be scored against to `out` (possibly
// repeating names other query names appended). Uses `ws`'s accumulators and
// leaves them cleared.
void CollectCandidates(const Index& index, const QueryName& q, Workspace& ws,
                       std::vector<uint32_t>& out, CandidateOptions options = {});

}  // namespace embargo::match
