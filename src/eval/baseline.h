// The naive matcher the engine is measured against: every listed name (weak
// aliases included) lowercased with punctuation removed, compared by
// Jaro-Winkler to the query as written and with both sides' words sorted;
// a name's score is the better of the two, an entity's the best over its
// names, and it alerts at kBaselineThreshold. Brute force over all names
// (skipping names whose lengths and letter counts bound the score below the
// best found so far), in parallel over queries. Immutable after construction;
// thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/lists.h"
#include "eval/evaluate.h"

namespace embargo::eval {

inline constexpr double kBaselineThreshold = 0.80;

// Jaro-Winkler similarity of two code point strings (prefix scale 0.1, up to
// 4 characters, applied when the Jaro similarity is at least 0.7).
double JaroWinkler(std::u32string_view a, std::u32string_view b);

class BaselineMatcher {
 public:
  explicit BaselineMatcher(const ListSet& lists);

  // Scores one query as Evaluate does for the engine: top candidate and the
  // expected entity's score, among the records of `lq.dataset` (all when "").
  EvalOutcome Score(const LabeledQuery& lq) const;

  // Score() over all queries on `threads` threads (0 = all cores).
  std::vector<EvalOutcome> ScoreAll(const std::vector<LabeledQuery>& queries, int threads) const;

  // "Al-Qaida, Inc." -> "alqaida inc"; and its words sorted.
  static std::u32string Normalize(std::string_view name);
  static std::u32string SortWords(const std::u32string& normalized);

 private:
  // Letter counts by code point modulo 32: bounds how many characters two
  // strings can have in common, so most names are skipped without Jaro-Winkler.
  using Histogram = std::array<uint8_t, 32>;
  static Histogram Count(const std::u32string& text);

  struct ListedName {
    std::u32string plain;
    std::u32string sorted;
    Histogram histogram;
    size_t entity;  // index into entities_
  };
  std::vector<ListedName> names_;
  std::vector<const Entity*> entities_;
};

}  // namespace embargo::eval
