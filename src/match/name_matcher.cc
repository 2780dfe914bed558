#include "match/name_matcher.h"

#include <algorithm>

namespace embargo::match {
namespace {

struct UnitPair {
  float similarity;
  float weight;
  uint32_t q_start, q_length, c_start, c_length;
  text::TokenMatchKind kind;
};

const SimilarToken* FindSimilar(const QueryUnit& unit, uint32_t vocab) {
  auto it = std::lower_bound(unit.similar.begin(), unit.similar.end(), vocab,
                             [](const SimilarToken& s, uint32_t v) { return s.vocab < v; });
  return it != unit.similar.end() && it->vocab == vocab ? &*it : nullptr;
}

// An initial on either side ("M." for "Mohammad") matches a part starting
// with that letter.
bool InitialMatch(const text::Token& q, text::TokenRole q_role, const text::Token& c,
                  text::TokenRole c_role) {
  if (q_role == text::TokenRole::kInitial && c.norm.size() > 1) return c.norm[0] == q.norm[0];
  if (c_role == text::TokenRole::kInitial && q.norm.size() > 1) return q.norm[0] == c.norm[0];
  return false;
}

// Parts written joined on one side and apart on the other ("Jongun" / "Jong
// Un") must match nearly letter for letter: a join may not swallow a word.
constexpr float kMinJoinedSimilarity = 0.95f;  // exact or spelling variant, not fuzzy
constexpr size_t kMaxJoinedLengthDifference = 1;

bool JoinAcceptable(float similarity, size_t q_length, size_t c_length) {
  size_t diff = q_length > c_length ? q_length - c_length : c_length - q_length;
  return similarity >= kMinJoinedSimilarity && diff <= kMaxJoinedLengthDifference;
}

size_t NormLength(const text::AnalyzedName& name, uint32_t start, uint32_t length) {
  size_t n = 0;
  for (uint32_t k = 0; k < length; ++k) n += name.tokens[start + k].norm.size();
  return n;
}

std::string JoinNorms(const text::AnalyzedName& analyzed, uint32_t start, uint32_t length) {
  std::string out = analyzed.tokens[start].norm;
  for (uint32_t k = 1; k < length; ++k) out += " " + analyzed.tokens[start + k].norm;
  return out;
}

void CollectPairs(const Index& index, const QueryName& query, const IndexedName& name,
                  std::vector<UnitPair>& pairs) {
  pairs.clear();
  const auto& vocab = index.vocab();
  for (const QueryUnit& unit : query.units) {
    const text::Token& q = query.analyzed.tokens[unit.start];
    size_t q_length = NormLength(query.analyzed, unit.start, unit.length);
    for (uint32_t j = 0; j < name.tokens.size(); ++j) {
      const NameToken& c = name.tokens[j];
      const text::Token& ct = vocab[c.vocab].token;
      if (const SimilarToken* s = FindSimilar(unit, c.vocab)) {
        if (unit.length == 1 || JoinAcceptable(s->score, q_length, ct.norm.size())) {
          pairs.push_back(
              {s->score, unit.weight + c.weight, unit.start, unit.length, j, 1, s->kind});
        }
      } else if (unit.length == 1 && InitialMatch(q, q.role, ct, c.role)) {
        pairs.push_back(
            {0.8f, unit.weight + c.weight, unit.start, 1, j, 1, text::TokenMatchKind::kInitial});
      }
      if (unit.length == 1 && j < name.joined.size()) {
        const SimilarToken* s = FindSimilar(unit, name.joined[j]);
        size_t c_length = ct.norm.size() + vocab[name.tokens[j + 1].vocab].token.norm.size();
        if (s != nullptr && JoinAcceptable(s->score, q_length, c_length)) {
          float w = unit.weight + c.weight + name.tokens[j + 1].weight;
          pairs.push_back({s->score, w, unit.start, 1, j, 2, s->kind});
        }
      }
    }
  }
}

void FindSimilarCached(const Index& index, const std::string& norm, Index::Lookup lookup,
                       const text::Token* token, Workspace& ws, std::vector<SimilarToken>& out) {
  std::string key = norm;
  key.push_back(lookup == Index::Lookup::kFuzzy ? '~' : '=');
  auto [it, inserted] = ws.token_cache.try_emplace(std::move(key));
  if (inserted) {
    if (token != nullptr) {
      index.FindSimilar(*token, lookup, it->second);
    } else {
      index.FindSimilar(text::MakeToken(norm, text::TokenRole::kName), lookup, it->second);
    }
  }
  out = it->second;
}

}  // namespace

QueryName AnalyzeQueryName(const Index& index, const std::string& name, Schema schema,
                           Workspace& ws) {
  QueryName q;
  q.original = name;
  q.analyzed = text::AnalyzeName(name, schema);
  const auto& tokens = q.analyzed.tokens;
  for (const text::Token& t : tokens) {
    float w = index.KeyWeight(t.key) * RoleWeight(t.role);
    q.token_weights.push_back(w);
    q.total_weight += w;
  }
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    QueryUnit unit;
    unit.start = i;
    unit.weight = q.token_weights[i];
    bool searchable =
        tokens[i].role == text::TokenRole::kName || tokens[i].role == text::TokenRole::kNumber;
    FindSimilarCached(index, tokens[i].norm,
                      searchable ? Index::Lookup::kFuzzy : Index::Lookup::kExactOnly, &tokens[i],
                      ws, unit.similar);
    q.units.push_back(std::move(unit));
  }
  for (uint32_t i = 0; i + 1 < tokens.size(); ++i) {
    QueryUnit unit;
    unit.start = i;
    unit.length = 2;
    unit.weight = q.token_weights[i] + q.token_weights[i + 1];
    FindSimilarCached(index, tokens[i].norm + tokens[i + 1].norm, Index::Lookup::kFuzzy, nullptr,
                      ws, unit.similar);
    if (!unit.similar.empty()) q.units.push_back(std::move(unit));
  }
  return q;
}

bool PersonRulesApply(Schema query_schema, Schema listed_schema) {
  return listed_schema == Schema::kPerson ||
         (listed_schema == Schema::kLegalEntity && query_schema == Schema::kPerson);
}

NameScore ScoreName(const Index& index, const QueryName& query, const IndexedName& name,
                    bool person_rules, Explanation* explanation) {
  thread_local std::vector<UnitPair> pairs;
  CollectPairs(index, query, name, pairs);
  std::sort(pairs.begin(), pairs.end(), [](const UnitPair& a, const UnitPair& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    if (a.weight != b.weight) return a.weight > b.weight;
    return std::tie(a.q_start, a.c_start, a.q_length, a.c_length) <
           std::tie(b.q_start, b.c_start, b.q_length, b.c_length);
  });
  const size_t nq = query.analyzed.tokens.size();
  const size_t nc = name.tokens.size();
  thread_local std::vector<char> q_used, c_used;
  q_used.assign(nq, 0);
  c_used.assign(nc, 0);
  float numerator = 0, denominator = 0;
  NameScore result;
  for (const UnitPair& p : pairs) {
    bool free = true;
    for (uint32_t k = 0; k < p.q_length; ++k) free &= !q_used[p.q_start + k];
    for (uint32_t k = 0; k < p.c_length; ++k) free &= !c_used[p.c_start + k];
    if (!free) continue;
    for (uint32_t k = 0; k < p.q_length; ++k) q_used[p.q_start + k] = true;
    for (uint32_t k = 0; k < p.c_length; ++k) {
      c_used[p.c_start + k] = true;
      if (name.tokens[p.c_start + k].role == text::TokenRole::kName) ++result.matched_significant;
    }
    numerator += p.similarity * p.weight;
    denominator += p.weight;
    if (explanation) {
      std::string candidate = index.vocab()[name.tokens[p.c_start].vocab].token.norm;
      if (p.c_length == 2)
        candidate += " " + index.vocab()[name.tokens[p.c_start + 1].vocab].token.norm;
      explanation->alignment.push_back({JoinNorms(query.analyzed, p.q_start, p.q_length), candidate,
                                        p.similarity,
                                        std::string(text::TokenMatchKindName(p.kind))});
    }
  }
  int list_significant = 0;
  for (size_t i = 0; i < nq; ++i) {
    if (q_used[i]) continue;
    denominator += 2 * kExtraQueryPartCost * query.token_weights[i];
    if (explanation && query.token_weights[i] > 0)
      explanation->unmatched_query.push_back(query.analyzed.tokens[i].norm);
  }
  for (size_t j = 0; j < nc; ++j) {
    if (name.tokens[j].role == text::TokenRole::kName) ++list_significant;
    if (c_used[j]) continue;
    bool head = person_rules && static_cast<int>(j) == name.head;
    denominator += 2 * (head ? kExtraQueryPartCost : kExtraListPartCost) * name.tokens[j].weight;
    if (explanation && name.tokens[j].weight > 0) {
      explanation->unmatched_candidate.push_back(index.vocab()[name.tokens[j].vocab].token.norm);
    }
  }
  result.score = denominator > 0 ? numerator / denominator : 0;
  if (person_rules && result.matched_significant == 1 && list_significant >= 2 &&
      result.score > kSinglePartCap) {
    result.score = kSinglePartCap;
    result.single_part_capped = true;
  }
  return result;
}

}  // namespace embargo::match
