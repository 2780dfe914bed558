// Cross-list linkage: the same real-world target on several lists (UN, OFAC
// SDN, CSL, FtM datasets, users' own lists). Links are found first by shared
// identifiers (passport, national ID, IMO, BIC, registration number:
// normalised, with type and country when known), then by name matching
// constrained by schema, birth date, nationality and programme. Each link
// carries its evidence and a confidence; a record with several equally good
// candidates on another list is reported as ambiguous, not linked. Links
// between records of different datasets are joined into clusters
// (connected components). Pure functions over an immutable ListSet;
// thread-safe, deterministic (the same lists give the same result).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/lists.h"

namespace embargo::xref {

enum class LinkMethod { kIdentifier, kName };
std::string_view LinkMethodName(LinkMethod method);  // "identifier", "name"

struct Link {
  size_t a = 0;  // index into ListSet::entities
  size_t b = 0;  // index into ListSet::entities; a < b, different datasets
  LinkMethod method = LinkMethod::kName;
  double confidence = 0;              // 0..1
  std::vector<std::string> evidence;  // "passport 745420176 (kp)", "name 'RI WON HO' ~ 'RI, Won
                                      // Ho' 1.00", "birth date 1964-07-17"
};

struct Ambiguity {
  size_t entity = 0;               // the record that could not be linked
  std::string other_dataset;       // on which list
  std::vector<size_t> candidates;  // equally good candidates there
  std::string why;
};

struct Cluster {
  std::vector<size_t> members;  // entity indices, sorted by (dataset, id)
  std::vector<size_t> links;    // indices into XrefResult::links, ascending
};

struct XrefResult {
  std::vector<Link> links;           // sorted by (a, b)
  std::vector<Cluster> clusters;     // every entity with at least one link; no singletons;
                                     // sorted by first member
  std::vector<Ambiguity> ambiguous;  // sorted by (entity, other_dataset)
};

struct XrefOptions {
  bool use_identifiers = true;
  bool use_names = true;
  double name_threshold = 0.90;  // name-link score needed (after evidence)
  int threads = 0;               // 0 = all cores
  // A name candidate is the clear best only when the runner-up on the same
  // list scores at least this much less; otherwise the record is ambiguous.
  double ambiguity_margin = 0.03;
};

// Links the records of every dataset in `lists` to those of every other.
// Identifier links: a normalised value (at least 5 characters) shared by
// records of compatible schema and identifier type (an unlabelled number is
// compatible with any type), whose issuing countries agree when both give
// one; a value held by more than 3 records of one dataset is too generic
// and ignored. Name links: a record's clear best match on another list, at
// or above name_threshold, not contradicted by birth date, nationality or
// gender, and not the closest match of a different record the other way
// round. A record already linked to a list by identifier is not name-linked
// to it.
XrefResult LinkLists(const ListSet& lists, const XrefOptions& options = {});

enum class UnlinkedReason {
  kNoCandidate,     // no record on the other list shares enough of a name
  kSchema,          // the closest name is on a record of another kind (person vs vessel)
  kBelowThreshold,  // the closest record scores below name_threshold
  kContradiction,   // birth date, nationality or gender contradict
  kAmbiguous,       // several records score within ambiguity_margin
  kConflict,        // the closest record is closer to another record, or already linked
};
std::string_view UnlinkedReasonName(UnlinkedReason reason);  // "below_threshold", ...

struct Unlinked {
  size_t entity = 0;              // index into ListSet::entities
  std::optional<size_t> closest;  // the closest record on the other list
  double score = 0;               // its score (after evidence), 0 without one
  UnlinkedReason reason = UnlinkedReason::kNoCandidate;
  std::string why;  // readable, names the evidence
};

// The records of `from_dataset` whose source id starts with `source_prefix`
// ("KP" for the UN DPRK regime; empty = all) that share no cluster with a
// record of `to_dataset` in `result` (which LinkLists computed over `lists`
// with `options`), each with its closest candidate there and why it was not
// linked. Sorted by source id.
std::vector<Unlinked> ExplainUnlinked(const ListSet& lists, const XrefResult& result,
                                      std::string_view from_dataset, std::string_view to_dataset,
                                      std::string_view source_prefix,
                                      const XrefOptions& options = {});

}  // namespace embargo::xref
