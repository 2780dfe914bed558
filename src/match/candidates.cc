#include "match/candidates.h"

#include <algorithm>
#include <functional>
#include <limits>

#include "scoring/constants.h"

namespace embargo::match {
namespace {

using scoring::kFullCoverShare;
using scoring::kMaxCandidateNames;
using scoring::kMaxCoveringNames;
using scoring::kMinCandidateShare;

// Every bound on what units still to come can add is loosened by this:
// float sums in another order differ in their last bits, and a bound must
// never cut a name the exhaustive pass keeps.
constexpr float kBoundSlack = 1e-4f;

// A posting list this many times longer than the names still in the running
// is searched for each of them instead of read through.
constexpr size_t kSearchInsteadOfScan = 8;

// Postings are scattered over the whole index: a name's place and weight
// are asked for this many postings ahead, so that reads overlap.
constexpr size_t kPrefetchAhead = 16;

struct PlannedUnit {
  const QueryUnit* unit;
  float most;       // the most it adds to one name: weight × its best similarity
  size_t postings;  // names listed under its similar tokens, repeats included
};

// Adds `add` to a name's accumulator once per unit (`epoch`).
inline void Add(NameSlot& slot, uint32_t epoch, float add, bool single) {
  slot.stamp = epoch;
  slot.acc += add;
  if (single) slot.parts += add;
}

class Accumulator {
 public:
  Accumulator(const Index& index, const QueryName& q, Workspace& ws)
      : index_(index),
        q_(q),
        ws_(ws),
        min_acc_(kMinCandidateShare * q.total_weight),
        full_cover_(kFullCoverShare * q.total_weight) {
    ws_.slots.clear();
  }

  void Run(bool prune, CandidateStats* stats) {
    prune_ = prune;
    std::vector<PlannedUnit> plan = Plan();
    // from[i]: the most units i.. can add to one name, summed from the back
    // and loosened by kBoundSlack (accumulators sum in another order).
    std::vector<float> from(plan.size() + 1, 0.0f);
    for (size_t i = plan.size(); i-- > 0;) from[i] = from[i + 1] + plan[i].most;
    for (float& bound : from) bound += kBoundSlack;
    size_t postings_to_come = 0;
    for (const PlannedUnit& p : plan) postings_to_come += p.postings;
    for (size_t i = 0; i < plan.size(); ++i) {
      const float remaining = from[i];
      if (open_ && prune) {
        if (ws_.slots.size() >= kMaxCandidateNames && postings_to_come > 2 * ws_.slots.size())
          RaiseBar();
        // A name not seen yet ends at most remaining / (query weight + its own).
        open_ = !(remaining < min_acc_ ||
                  (remaining < full_cover_ && remaining / q_.total_weight < bar_));
      }
      postings_to_come -= plan[i].postings;
      if (open_) {
        AddToAll(*plan[i].unit, from[i + 1]);
      } else {
        DropHopeless(remaining);
        AddToLive(*plan[i].unit);
      }
    }
    if (stats != nullptr) {
      ++stats->queries;
      if (!open_) ++stats->closed_early;  // closing happens before a unit
      if (bar_ >= 0) ++stats->raised_bar;
      stats->postings_read += read_;
      stats->names_skipped += skipped_;
    }
  }

  void Rank(std::vector<uint32_t>& out) {
    std::vector<std::pair<float, uint32_t>>& ranked = ws_.ranked;
    std::vector<std::pair<float, uint32_t>>& covering = ws_.covering;
    ranked.clear();
    covering.clear();
    for (const NameSlot& slot : ws_.slots) {
      if (slot.acc >= min_acc_) {
        ranked.emplace_back(slot.acc / slot.length, slot.name);
        if (slot.parts >= full_cover_) covering.emplace_back(slot.parts / slot.length, slot.name);
      }
      Forget(slot.name);
    }
    ws_.slots.clear();
    auto best_first = [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    const size_t keep = std::min(kMaxCandidateNames, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), best_first);
    const size_t first = out.size();
    for (size_t i = 0; i < keep; ++i) out.push_back(ranked[i].second);
    if (keep == ranked.size()) return;  // every covering name is in already
    // At most `keep` of them are in already: the best keep + kMaxCoveringNames
    // hold every one added.
    const size_t look = std::min(covering.size(), keep + kMaxCoveringNames);
    std::partial_sort(covering.begin(), covering.begin() + look, covering.end(), best_first);
    covering.resize(look);
    size_t added = 0;
    for (const auto& [estimate, name] : covering) {
      if (added == kMaxCoveringNames) break;
      auto kept_begin = out.begin() + static_cast<std::ptrdiff_t>(first);
      auto kept_end = kept_begin + static_cast<std::ptrdiff_t>(keep);
      if (std::find(kept_begin, kept_end, name) != kept_end) continue;
      out.push_back(name);
      ++added;
    }
  }

 private:
  // The query's weight plus what the name's own parts would cost unmatched:
  // the denominator of the rank estimate.
  float Length(uint32_t name) const {
    return q_.total_weight + kExtraListPartCost * index_.name_weight(name);
  }

  // The units that add anything, the ones that can add most first.
  std::vector<PlannedUnit> Plan() const {
    std::vector<PlannedUnit> plan;
    for (const QueryUnit& unit : q_.units) {
      if (unit.weight <= 0 || unit.similar.empty()) continue;
      float best = 0;
      size_t postings = 0;
      for (const SimilarToken& t : unit.similar) {
        best = std::max(best, t.score);
        postings += index_.postings(t.vocab).size();
      }
      plan.push_back({&unit, best * unit.weight, postings});
    }
    std::stable_sort(plan.begin(), plan.end(),
                     [](const PlannedUnit& a, const PlannedUnit& b) { return a.most > b.most; });
    return plan;
  }

  // The bar: the estimate of the kMaxCandidateNames-th name that has
  // reached the candidate share. Estimates only grow, so a name that cannot
  // reach the bar (and cannot hold every unit) cannot be kept. A pass over
  // the names seen: made only when the postings to come are longer.
  void RaiseBar() {
    std::vector<float>& estimates = ws_.estimates;
    estimates.clear();
    for (const NameSlot& slot : ws_.slots) {
      if (slot.acc >= min_acc_) estimates.push_back(slot.acc / slot.length);
    }
    if (estimates.size() < kMaxCandidateNames) return;
    auto nth = estimates.begin() + (kMaxCandidateNames - 1);
    std::nth_element(estimates.begin(), nth, estimates.end(), std::greater<float>());
    bar_ = std::max(bar_, *nth);
  }

  bool Seen(uint32_t name) const { return (ws_.seen[name >> 6] >> (name & 63)) & 1; }
  void See(uint32_t name) { ws_.seen[name >> 6] |= uint64_t{1} << (name & 63); }
  void Forget(uint32_t name) { ws_.seen[name >> 6] &= ~(uint64_t{1} << (name & 63)); }

  // Forgets the names that can no longer be kept whatever the units to
  // come add: below the candidate share, or (not holding every unit) below
  // the bar. Their slots are dropped (the others keep their order).
  void DropHopeless(float remaining) {
    std::vector<NameSlot>& slots = ws_.slots;
    size_t kept = 0;
    for (size_t i = 0; i < slots.size(); ++i) {
      const NameSlot& slot = slots[i];
      const float most = slot.acc + remaining;
      const bool hopeless = most < min_acc_ || (most < full_cover_ && most / slot.length < bar_);
      if (hopeless) {
        Forget(slot.name);
      } else {
        ws_.slot_of[slot.name] = static_cast<uint32_t>(kept);
        slots[kept++] = slot;
      }
    }
    slots.resize(kept);
  }

  // The unit's similar tokens, best first: a name takes the best one it holds.
  const std::vector<SimilarToken>& BestFirst(const QueryUnit& unit) {
    std::vector<SimilarToken>& similar = ws_.similar;
    similar.assign(unit.similar.begin(), unit.similar.end());
    std::sort(similar.begin(), similar.end(),
              [](const auto& a, const auto& b) { return a.score > b.score; });
    return similar;
  }

  // Adds the unit to every name holding one of its similar tokens, except
  // names not seen yet that cannot reach the bar even with every unit after
  // this one (`after` at most) and cannot hold every unit: those are left
  // unseen, and stay so in the units to come (their bound only shrinks).
  void AddToAll(const QueryUnit& unit, float after) {
    const uint32_t epoch = ++ws_.epoch;
    const bool single = unit.length == 1;
    for (const SimilarToken& t : BestFirst(unit)) {
      const float add = t.score * unit.weight;
      // most / (query weight + kExtraListPartCost × w) < bar for w above
      // this (a margin of float rounding: fewer are skipped, never more).
      const float most = add + after;
      const bool skip = bar_ > 0 && most < full_cover_;
      const float heavier = skip ? (most / bar_ - q_.total_weight) / kExtraListPartCost + 1e-3f
                                 : std::numeric_limits<float>::infinity();
      std::span<const uint32_t> postings = index_.postings(t.vocab);
      // No name not seen yet can be kept through this token (below the
      // share, or below the bar whatever its weight): only the names in the
      // running take it, and the names' weights need not be read.
      if (prune_ && (most < min_acc_ || heavier < 0)) {
        AddTokenToLive(postings, add, single, epoch);
        continue;
      }
      read_ += postings.size();
      for (size_t i = 0; i < postings.size(); ++i) {
        if (i + kPrefetchAhead < postings.size()) {
          const uint32_t ahead = postings[i + kPrefetchAhead];
          __builtin_prefetch(&ws_.slot_of[ahead]);
          index_.PrefetchNameWeight(ahead);
        }
        const uint32_t name = postings[i];
        if (Seen(name)) {
          NameSlot& slot = ws_.slots[ws_.slot_of[name]];
          if (slot.stamp != epoch) Add(slot, epoch, add, single);
          continue;
        }
        if (index_.name_weight_at_least(name) > heavier) {
          ++skipped_;
          continue;
        }
        See(name);
        ws_.slot_of[name] = static_cast<uint32_t>(ws_.slots.size());
        ws_.slots.push_back(NameSlot{.name = name,
                                     .stamp = epoch,
                                     .acc = add,
                                     .parts = single ? add : 0.0f,
                                     .length = Length(name)});
      }
    }
  }

  // Adds the unit to the names in the running only.
  void AddToLive(const QueryUnit& unit) {
    const uint32_t epoch = ++ws_.epoch;
    const bool single = unit.length == 1;
    for (const SimilarToken& t : BestFirst(unit))
      AddTokenToLive(index_.postings(t.vocab), t.score * unit.weight, single, epoch);
  }

  // Adds `add` to the names in the running found in `postings` that the
  // unit (`epoch`) has not added to yet.
  void AddTokenToLive(std::span<const uint32_t> postings, float add, bool single, uint32_t epoch) {
    std::vector<NameSlot>& slots = ws_.slots;
    if (postings.size() > kSearchInsteadOfScan * slots.size()) {
      for (NameSlot& slot : slots) {
        if (slot.stamp == epoch) continue;
        if (std::binary_search(postings.begin(), postings.end(), slot.name))
          Add(slot, epoch, add, single);
      }
      return;
    }
    read_ += postings.size();
    for (uint32_t name : postings) {
      if (!Seen(name)) continue;
      NameSlot& slot = slots[ws_.slot_of[name]];
      if (slot.stamp != epoch) Add(slot, epoch, add, single);
    }
  }

  const Index& index_;
  const QueryName& q_;
  Workspace& ws_;
  const float min_acc_;
  const float full_cover_;
  bool prune_ = true;   // false: the exhaustive pass (tests)
  bool open_ = true;    // names not seen yet are still admitted
  float bar_ = -1;      // the estimate a name must reach to stay in the running
  size_t read_ = 0;     // postings read through
  size_t skipped_ = 0;  // names not seen because they could not be kept
};

}  // namespace

void CollectCandidates(const Index& index, const QueryName& q, Workspace& ws,
                       std::vector<uint32_t>& out, CandidateOptions options) {
  Accumulator accumulator(index, q, ws);
  accumulator.Run(options.prune, options.stats);
  accumulator.Rank(out);
}

}  // namespace embargo::match
