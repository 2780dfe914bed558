// ExplainUnlinked (declared in xref/xref.h): the records of one list with
// no counterpart on another, and why.
#include <fmt/format.h>

#include <algorithm>

#include "common/parallel.h"
#include "xref/name_links.h"
#include "xref/xref.h"

namespace embargo::xref {
namespace {

// Records sharing a cluster with a record of `to_dataset`.
std::vector<bool> Covered(const ListSet& lists, const XrefResult& result,
                          std::string_view to_dataset) {
  std::vector<bool> covered(lists.entities.size());
  for (const Cluster& c : result.clusters) {
    bool reaches = std::any_of(c.members.begin(), c.members.end(),
                               [&](size_t m) { return lists.entities[m].dataset == to_dataset; });
    if (!reaches) continue;
    for (size_t m : c.members) covered[m] = true;
  }
  return covered;
}

UnlinkedReason ReasonOf(Verdict verdict) {
  switch (verdict) {
    case Verdict::kBelowThreshold: return UnlinkedReason::kBelowThreshold;
    case Verdict::kContradiction: return UnlinkedReason::kContradiction;
    case Verdict::kAmbiguous: return UnlinkedReason::kAmbiguous;
    case Verdict::kLink: return UnlinkedReason::kConflict;
    case Verdict::kNoCandidate: break;
  }
  return UnlinkedReason::kNoCandidate;
}

// A record the name pass would have linked but did not: LinkLists recorded
// why as an ambiguity.
std::string ConflictWhy(const XrefResult& result, size_t entity, std::string_view to_dataset) {
  for (const Ambiguity& a : result.ambiguous) {
    if (a.entity == entity && a.other_dataset == to_dataset) return a.why;
  }
  return "a clear match by name that the linkage run did not keep";
}

// Below this a closest record on the other list is not named.
constexpr double kMinClosestScore = 0.5;

}  // namespace

Unlinked ExplainUnlinkedRecord(const ListSet& lists, const XrefResult& result,
                               const NameLinker& linker, size_t entity, std::string_view to_dataset,
                               double threshold) {
  Unlinked u;
  u.entity = entity;
  Proposal p = linker.Propose(entity, to_dataset, 0.0);
  u.reason = ReasonOf(p.verdict);
  u.why = p.verdict == Verdict::kLink ? ConflictWhy(result, entity, to_dataset) : p.why;
  // A record whose name shares a part or two is no counterpart worth
  // naming (HWANG SOK-HWA's closest OFAC record was 'LAO, Ssu' at 0.05).
  if (!p.candidates.empty() && p.candidates[0].score < kMinClosestScore) {
    u.reason = UnlinkedReason::kNoCandidate;
    u.why = fmt::format("no {} record's name comes within {:.2f} (the closest scores {:.2f})",
                        to_dataset, kMinClosestScore, p.candidates[0].score);
    p.candidates.clear();
  }
  if (!p.candidates.empty()) {
    u.closest = p.candidates[0].entity;
    u.score = p.candidates[0].score;
    return u;
  }
  auto other = linker.ClosestOfOtherSchema(entity, to_dataset);
  if (other && other->explanation.name_score >= threshold) {
    const Entity& x = lists.entities[entity];
    const Entity& y = lists.entities[other->entity];
    u.reason = UnlinkedReason::kSchema;
    u.closest = other->entity;
    u.score = other->score;
    u.why = fmt::format("the name matches {} '{}' ({:.2f}), but that is a {} and this a {}", y.id,
                        y.caption(), other->explanation.name_score, SchemaName(y.schema),
                        SchemaName(x.schema));
  }
  return u;
}

std::string_view UnlinkedReasonName(UnlinkedReason reason) {
  switch (reason) {
    case UnlinkedReason::kNoCandidate: return "no_candidate";
    case UnlinkedReason::kSchema: return "schema";
    case UnlinkedReason::kBelowThreshold: return "below_threshold";
    case UnlinkedReason::kContradiction: return "contradiction";
    case UnlinkedReason::kAmbiguous: return "ambiguous";
    case UnlinkedReason::kConflict: return "conflict";
  }
  return "unknown";
}

std::vector<Unlinked> ExplainUnlinked(const ListSet& lists, const XrefResult& result,
                                      std::string_view from_dataset, std::string_view to_dataset,
                                      std::string_view source_prefix, const XrefOptions& options) {
  std::vector<bool> covered = Covered(lists, result, to_dataset);
  std::vector<size_t> pending;
  for (size_t e = 0; e < lists.entities.size(); ++e) {
    const Entity& x = lists.entities[e];
    if (x.dataset == from_dataset && x.source_id.starts_with(source_prefix) && !covered[e])
      pending.push_back(e);
  }
  std::sort(pending.begin(), pending.end(), [&](size_t a, size_t b) {
    return lists.entities[a].source_id < lists.entities[b].source_id;
  });
  std::vector<Unlinked> out(pending.size());
  if (pending.empty()) return out;
  NameLinker linker(lists, options, {std::string(to_dataset)});
  ParallelFor(pending.size(), options.threads, [&](size_t i) {
    out[i] = ExplainUnlinkedRecord(lists, result, linker, pending[i], to_dataset,
                                   options.name_threshold);
  });
  return out;
}

}  // namespace embargo::xref
