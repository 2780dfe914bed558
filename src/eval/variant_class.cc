#include "eval/variant_class.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <set>

namespace embargo::eval {
namespace {

using Tokens = std::vector<std::string>;

// Words that only say what kind of firm it is, in the spellings lists use.
const std::set<std::string, std::less<>>& LegalFormWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "ab",           "ag",           "ao",      "as",       "bv",
      "cjsc",         "closed",       "co",      "company",  "corp",
      "corporation",  "fze",          "fzco",    "fzc",      "gmbh",
      "inc",          "incorporated", "joint",   "jsc",      "kg",
      "limited",      "liability",    "llc",     "llp",      "lp",
      "ltd",          "nv",           "oao",     "ojsc",     "ooo",
      "open",         "pao",          "pjsc",    "plc",      "pte",
      "pty",          "pvt",          "public",  "private",  "sa",
      "sarl",         "spa",          "srl",     "stock",    "zao",
      "the",          "and",          "of",      "tov",      "aktiengesellschaft",
      "gesellschaft", "societe",      "anonyme", "sociedad", "anonima",
  };
  return kWords;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == '.'; }

bool IsTokenChar(UChar32 c) { return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// Non-Latin scripts of the letters in `name`.
std::set<int> Scripts(std::string_view name) {
  std::set<int> out;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
        script != USCRIPT_INHERITED)
      out.insert(script);
  }
  return out;
}

std::u32string Utf32(std::string_view utf8) {
  std::u32string out;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    out.push_back(static_cast<char32_t>(text.char32At(i)));
  return out;
}

size_t Levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

double Similarity(const std::string& a, const std::string& b) {
  std::u32string x = Utf32(a), y = Utf32(b);
  size_t longer = std::max(x.size(), y.size());
  return longer == 0 ? 1.0 : 1.0 - static_cast<double>(Levenshtein(x, y)) / longer;
}

Tokens Sorted(Tokens tokens) {
  std::sort(tokens.begin(), tokens.end());
  return tokens;
}

std::string Joined(const Tokens& tokens) {
  std::string out;
  for (const std::string& t : tokens) out += t;
  return out;
}

Tokens WithoutLegalForms(const Tokens& tokens) {
  Tokens out;
  for (const std::string& t : tokens)
    if (!LegalFormWords().contains(t)) out.push_back(t);
  return out;
}

// `small` is one token spelling the initials of `large` (connectors skipped or not).
bool IsAcronym(const Tokens& small, const Tokens& large) {
  if (small.size() != 1 || large.size() < 2) return false;
  std::u32string all, content;
  for (const std::string& t : large) {
    char32_t first = Utf32(t).front();
    all.push_back(first);
    if (!LegalFormWords().contains(t)) content.push_back(first);
  }
  std::u32string acronym = Utf32(small[0]);
  return acronym == all || acronym == content;
}

// Greedy one-to-one pairing of the tokens of `a` with those of `b`, best
// pairs first; returns the similarity of each pair made.
std::vector<std::pair<std::string, std::string>> Pair(const Tokens& a, const Tokens& b) {
  struct Candidate {
    double similarity;
    size_t i, j;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j) candidates.push_back({Similarity(a[i], b[j]), i, j});
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& x, const Candidate& y) { return x.similarity > y.similarity; });
  std::vector<bool> used_a(a.size()), used_b(b.size());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Candidate& c : candidates) {
    if (used_a[c.i] || used_b[c.j]) continue;
    used_a[c.i] = used_b[c.j] = true;
    pairs.emplace_back(a[c.i], b[c.j]);
  }
  return pairs;
}

// "corp" for "corporation", "bk" for "bank", "trdg" for "trading": the same
// first letter, the short form's letters in order, at most 60 % as long.
bool IsShortForm(const std::u32string& shorter, const std::u32string& longer) {
  if (shorter.empty() || shorter[0] != longer[0] || shorter.size() * 10 > longer.size() * 6)
    return false;
  size_t at = 0;
  for (char32_t c : longer)
    if (at < shorter.size() && c == shorter[at]) ++at;
  return at == shorter.size();
}

bool IsAbbreviationPairing(const Tokens& a, const Tokens& b) {
  if (a.size() != b.size()) return false;
  bool shortened = false;
  for (const auto& [x, y] : Pair(a, b)) {
    if (x == y) continue;
    std::u32string shorter = Utf32(x.size() < y.size() ? x : y);
    std::u32string longer = Utf32(x.size() < y.size() ? y : x);
    if (!IsShortForm(shorter, longer)) return false;
    shortened = true;
  }
  return shortened;
}

size_t EditsOverPairs(const Tokens& a, const Tokens& b) {
  size_t edits = 0;
  for (const auto& [x, y] : Pair(a, b)) edits += Levenshtein(Utf32(x), Utf32(y));
  return edits;
}

bool AllPairsSimilar(const Tokens& a, const Tokens& b) {
  auto pairs = Pair(a, b);
  return std::all_of(pairs.begin(), pairs.end(),
                     [](const auto& p) { return Similarity(p.first, p.second) >= 0.5; });
}

bool StrictSubset(const Tokens& small, const Tokens& large) {
  std::set<std::string> s(small.begin(), small.end()), l(large.begin(), large.end());
  return s.size() < l.size() && std::includes(l.begin(), l.end(), s.begin(), s.end());
}

bool SharesToken(const Tokens& a, const Tokens& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& t) {
    return std::find(b.begin(), b.end(), t) != b.end();
  });
}

}  // namespace

const std::vector<std::string>& VariantClasses() {
  static const std::vector<std::string> kClasses = {
      "exact",    "word_order",   "joined_split", "other_script",  "legal_form",
      "acronym",  "abbreviation", "typo",         "missing_parts", "extra_parts",
      "spelling", "partial",      "different"};
  return kClasses;
}

std::vector<std::string> VariantTokens(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) text = fold->normalize(text, status);
  std::vector<std::string> tokens;
  icu::UnicodeString token;
  auto flush = [&] {
    if (token.isEmpty()) return;
    std::string utf8;
    token.toUTF8String(utf8);
    tokens.push_back(std::move(utf8));
    token.remove();
  };
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (IsTokenChar(c))
      token.append(c);
    else if (!IsApostrophe(c))
      flush();
  }
  flush();
  return tokens;
}

std::string ClassifyVariant(std::string_view query, std::string_view listed) {
  Tokens q = VariantTokens(query), l = VariantTokens(listed);
  if (q == l) return "exact";
  if (Sorted(q) == Sorted(l)) return "word_order";
  if (Joined(q) == Joined(l)) return "joined_split";
  if (Scripts(query) != Scripts(listed)) return "other_script";
  Tokens q_core = WithoutLegalForms(q), l_core = WithoutLegalForms(l);
  if (q_core.size() + l_core.size() < q.size() + l.size() && !q_core.empty() &&
      Sorted(q_core) == Sorted(l_core))
    return "legal_form";
  if (IsAcronym(q, l) || IsAcronym(l, q) || IsAcronym(q_core, l_core) || IsAcronym(l_core, q_core))
    return "acronym";
  if (IsAbbreviationPairing(q, l)) return "abbreviation";
  if (q.size() == l.size() && EditsOverPairs(q, l) <= 2) return "typo";
  if (StrictSubset(q, l)) return "missing_parts";
  if (StrictSubset(l, q)) return "extra_parts";
  if (q.size() == l.size() && AllPairsSimilar(q, l)) return "spelling";
  if (SharesToken(q, l)) return "partial";
  return "different";
}

size_t ClosestName(std::string_view query, const std::vector<std::string>& candidates) {
  Tokens q = VariantTokens(query);
  size_t best = 0;
  double best_score = -1e9;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Tokens c = VariantTokens(candidates[i]);
    double score = 0;
    for (const auto& [x, y] : Pair(q, c)) score += Similarity(x, y);
    score -=
        0.1 * static_cast<double>(q.size() > c.size() ? q.size() - c.size() : c.size() - q.size());
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

}  // namespace embargo::eval
