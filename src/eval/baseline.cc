#include "eval/baseline.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "common/parallel.h"

namespace embargo::eval {
namespace {

// The best Jaro-Winkler two strings of these lengths with at most `common`
// characters in common can reach.
double UpperBound(size_t a, size_t b, size_t common) {
  if (a == 0 || b == 0) return 0;
  double m = static_cast<double>(std::min({a, b, common}));
  double jaro = (m / static_cast<double>(a) + m / static_cast<double>(b) + 1) / 3;
  return jaro >= 0.7 ? jaro + 0.4 * (1 - jaro) : jaro;
}

}  // namespace

double JaroWinkler(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1 : 0;
  size_t window = std::max(a.size(), b.size()) / 2;
  window = window > 0 ? window - 1 : 0;
  std::vector<char> used_a(a.size()), used_b(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0, hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (used_b[j] || a[i] != b[j]) continue;
      used_a[i] = used_b[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!used_a[i]) continue;
    while (!used_b[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3;
  if (jaro < 0.7) return jaro;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + 0.1 * static_cast<double>(prefix) * (1 - jaro);
}

std::u32string BaselineMatcher::Normalize(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_ispunct(c)) continue;
    if (u_isUWhiteSpace(c)) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
      continue;
    }
    out.push_back(static_cast<char32_t>(u_tolower(c)));
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::u32string BaselineMatcher::SortWords(const std::u32string& normalized) {
  std::vector<std::u32string> words;
  for (size_t start = 0; start < normalized.size();) {
    size_t end = normalized.find(U' ', start);
    if (end == std::u32string::npos) end = normalized.size();
    if (end > start) words.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  std::u32string out;
  for (const std::u32string& word : words) out += (out.empty() ? U"" : U" ") + word;
  return out;
}

BaselineMatcher::BaselineMatcher(const ListSet& lists) {
  for (const Entity& entity : lists.entities) {
    entities_.push_back(&entity);
    for (const Name& name : entity.names) {
      std::u32string plain = Normalize(name.value);
      if (plain.empty()) continue;
      names_.push_back({plain, SortWords(plain), Count(plain), entities_.size() - 1});
    }
  }
}

BaselineMatcher::Histogram BaselineMatcher::Count(const std::u32string& text) {
  Histogram out{};
  for (char32_t c : text)
    if (out[c % 32] < 255) ++out[c % 32];
  return out;
}

EvalOutcome BaselineMatcher::Score(const LabeledQuery& lq) const {
  EvalOutcome outcome;
  outcome.kind = lq.kind;
  outcome.positive = !lq.expected_id.empty();
  if (lq.fields.names.empty()) {
    outcome.error = true;
    return outcome;
  }
  std::u32string plain = Normalize(lq.fields.names[0]);
  std::u32string sorted = SortWords(plain);
  Histogram histogram = Count(plain);
  double top = -1;
  size_t top_name = 0;
  for (size_t i = 0; i < names_.size(); ++i) {
    const ListedName& listed = names_[i];
    const Entity& entity = *entities_[listed.entity];
    if (!lq.dataset.empty() && entity.dataset != lq.dataset) continue;
    bool expected = outcome.positive && entity.id == lq.expected_id;
    size_t common = 0;
    for (size_t k = 0; k < histogram.size(); ++k)
      common += std::min(histogram[k], listed.histogram[k]);
    double bound = UpperBound(plain.size(), listed.plain.size(), common);
    if (!expected && bound < std::max(top, kEvalCutoff)) continue;
    double score = std::max(JaroWinkler(plain, listed.plain), JaroWinkler(sorted, listed.sorted));
    if (score > top) {
      top = score;
      top_name = i;
    }
    if (expected) outcome.expected_score = std::max(outcome.expected_score, score);
  }
  if (top < kEvalCutoff) return outcome;
  outcome.top_score = top;
  const Entity& best = *entities_[names_[top_name].entity];
  outcome.top_entity = best.id;
  icu::UnicodeString name;
  for (char32_t c : names_[top_name].plain) name.append(static_cast<UChar32>(c));
  name.toUTF8String(outcome.top_name);
  outcome.expected_at_top = outcome.expected_score >= top;
  if (outcome.expected_score < kEvalCutoff) outcome.expected_score = -1;
  return outcome;
}

std::vector<EvalOutcome> BaselineMatcher::ScoreAll(const std::vector<LabeledQuery>& queries,
                                                   int threads) const {
  std::vector<EvalOutcome> outcomes(queries.size());
  ParallelFor(queries.size(), threads, [&](size_t i) { outcomes[i] = Score(queries[i]); });
  return outcomes;
}

}  // namespace embargo::eval
