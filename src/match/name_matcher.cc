#include "match/name_matcher.h"

#include <algorithm>
#include <iterator>

#include "common/utf8.h"
#include "text/chinese.h"
#include "text/name_tables.h"
#include "text/similarity.h"

namespace embargo::match {
namespace {

// The filter bit of a vocab id: its top 9 bits after a multiplicative hash.
uint32_t FilterBit(uint32_t vocab) { return (vocab * 0x9E3779B1u) >> 23; }

const SimilarToken* FindSimilar(const QueryUnit& unit, uint32_t vocab) {
  const uint32_t bit = FilterBit(vocab);
  if ((unit.filter[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return nullptr;
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
using scoring::kGenderedFormSimilarity;
using scoring::kListedReadingScale;
using scoring::kMaxAbjadJoinedLengthDifference;
using scoring::kMaxJoinedLengthDifference;
using scoring::kMinAbjadJoinedSimilarity;
using scoring::kMinArticleStrippedLetters;
using scoring::kMinArticleStrippedSimilarity;
using scoring::kMinInexactJoinedLength;
using scoring::kMinJoinedSimilarity;  // exact or spelling variant, not fuzzy

// Whether parts joined on one side meet the other side's part: as spelled
// or another spelling (of kMinInexactJoinedLength letters or more), of about
// the same length; read from Arabic script on
// one side and Latin on the other (`across`), also as a close spelling,
// with the vowels the script leaves out.
bool JoinAcceptable(float similarity, bool across, size_t q_length, size_t c_length) {
  size_t diff = q_length > c_length ? q_length - c_length : c_length - q_length;
  if (similarity < 1.0f && std::min(q_length, c_length) < kMinInexactJoinedLength) return false;
  if (across)
    return similarity >= kMinAbjadJoinedSimilarity && diff <= kMaxAbjadJoinedLengthDifference;
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

// Korean names compare syllable by syllable (text/korean.h): a pair of
// single syllables must be able to be the same syllable, and a syllable
// pair written as one word must split into two that are.
struct KoreanRule {
  const QueryName& query;
  const IndexedName& name;
  const std::vector<VocabToken>& vocab;
  bool on = false;

  const text::KoreanSyllable& Listed(uint32_t j) const {
    return vocab[name.tokens[j].vocab].syllable;
  }
  const std::string& ListedNorm(uint32_t j) const { return vocab[name.tokens[j].vocab].token.norm; }

  // The similarity of query token i to list token j, or -1 to refuse.
  float Single(uint32_t i, uint32_t j, float found) const {
    const text::KoreanSyllable& q = query.syllables[i];
    const text::KoreanSyllable& c = Listed(j);
    if (!q.valid() || !c.valid()) return found;
    if (!text::SameKoreanSyllable(q, c)) return -1;
    return query.analyzed.tokens[i].norm == ListedNorm(j) ? 1.0f : kKoreanSyllableSimilarity;
  }
  // Query tokens i, i+1 written as list token j ("young ho" / "youngho").
  bool QueryPairAsOne(uint32_t i, uint32_t j) const {
    return text::JoinedKoreanSyllables(ListedNorm(j), query.syllables[i], query.syllables[i + 1]);
  }
  // List tokens j, j+1 written as query token i.
  bool ListedPairAsOne(uint32_t i, uint32_t j) const {
    return text::JoinedKoreanSyllables(query.analyzed.tokens[i].norm, Listed(j), Listed(j + 1));
  }
};

void CollectPairs(const Index& index, const QueryName& query, const IndexedName& name,
                  bool person_rules, std::vector<UnitPair>& pairs) {
  pairs.clear();
  const auto& vocab = index.vocab();
  KoreanRule korean{query, name, vocab, query.analyzed.korean && name.korean};
  // The syllables of a Korean or Chinese name (on either side) meet only
  // the same syllable in another spelling, never a fuzzy one: yong / song
  // are two syllables, while jonf is a typo of one.
  bool syllabic = !korean.on && (query.analyzed.syllabic || name.syllabic);
  auto both_syllables = [&](uint32_t i, uint32_t j) {
    return query.is_syllable[i] && vocab[name.tokens[j].vocab].is_syllable;
  };
  for (const QueryUnit& unit : query.units) {
    const text::Token& q = query.analyzed.tokens[unit.start];
    size_t q_length = NormLength(query.analyzed, unit.start, unit.length);
    for (uint32_t j = 0; j < name.tokens.size(); ++j) {
      const NameToken& c = name.tokens[j];
      const text::Token& ct = vocab[c.vocab].token;
      if (const SimilarToken* s = FindSimilar(unit, c.vocab)) {
        float similarity = s->score;
        bool ok = true;
        if (korean.on && unit.length == 1) {
          similarity = korean.Single(unit.start, j, s->score);
          ok = similarity >= 0;
        } else if (korean.on && unit.length == 2) {
          ok = korean.QueryPairAsOne(unit.start, j);
        } else if (unit.length >= 2) {
          ok = JoinAcceptable(s->score, q.abjad != ct.abjad, q_length, ct.norm.size());
        }
        if (syllabic && unit.length == 1 && both_syllables(unit.start, j) &&
            s->kind != text::TokenMatchKind::kExact && s->kind != text::TokenMatchKind::kVariant)
          ok = false;
        if (query.exact_only && s->kind != text::TokenMatchKind::kExact) ok = false;
        // (A syllable read from one Han or Hangul character has no fuzzy
        // neighbours: AnalyzeQueryName leaves them out.)
        // A given name's short form meets a name, not a particle (Albert's
        // Al is no article of AL-SHAMMAT).
        if (s->kind == text::TokenMatchKind::kNickname && c.role != text::TokenRole::kName)
          ok = false;
        // A legal form meets a part of another role as spelled, or as a
        // close typo (LIMTIED / LIMITED: kMinLegalFormTypoSimilarity),
        // never loosely (Stacey is no STOCK of PAO) nor by a reading of
        // Arabic script's consonants (jnty is no JOINT).
        if (s->kind != text::TokenMatchKind::kExact &&
            (q.role == text::TokenRole::kLegalForm) != (c.role == text::TokenRole::kLegalForm) &&
            (q.abjad || similarity < kMinLegalFormTypoSimilarity))
          ok = false;
        // A person's leading given name in the other gender's form (JULIA
        // / JULIO, DANIELLE / DANIEL) is another name: a weak match at most.
        // (Not a family name: a typo drops the last letter of ZHUKOVA as
        // often as of any other word.)
        if (person_rules && unit.length == 1 && s->kind == text::TokenMatchKind::kFuzzy &&
            static_cast<int>(unit.start) == query.analyzed.head &&
            static_cast<int>(j) == name.head && similarity > kGenderedFormSimilarity && !q.abjad &&
            !ct.abjad && text::GenderedGivenNameForms(q.norm, ct.norm))
          similarity = kGenderedFormSimilarity;
        if (ok) {
          pairs.push_back(
              {similarity, unit.weight + c.weight, unit.start, unit.length, j, 1, s->kind});
        }
      } else if (unit.length == 1 && korean.on) {
        float similarity = korean.Single(unit.start, j, -1);
        if (similarity > 0) {
          pairs.push_back({similarity, unit.weight + c.weight, unit.start, 1, j, 1,
                           text::TokenMatchKind::kVariant});
        }
      } else if (unit.length == 1 && !(syllabic && both_syllables(unit.start, j)) &&
                 InitialMatch(q, q.role, ct, c.role)) {
        pairs.push_back({scoring::kInitialSimilarity, unit.weight + c.weight, unit.start, 1, j, 1,
                         text::TokenMatchKind::kInitial});
      }
      if (unit.length == 1 && j == 0 && name.acronym != kNoVocab && !query.from_acronym) {
        // An acronym against the words it stands for (PLA / People's
        // Liberation Army): exact letters only.
        const SimilarToken* s = FindSimilar(unit, name.acronym);
        if (s != nullptr && s->kind == text::TokenMatchKind::kExact) {
          float w = unit.weight;
          for (uint32_t k = name.acronym_first; k <= name.acronym_last; ++k)
            w += name.tokens[k].weight;
          pairs.push_back({kAcronymSimilarity, w, unit.start, 1, name.acronym_first,
                           name.acronym_last - name.acronym_first + 1,
                           text::TokenMatchKind::kAcronym});
        }
      }
      if (unit.length == 1 && j < name.joined.size()) {
        const SimilarToken* s = FindSimilar(unit, name.joined[j]);
        size_t c_length = ct.norm.size() + vocab[name.tokens[j + 1].vocab].token.norm.size();
        const bool across = s != nullptr && q.abjad != vocab[name.joined[j]].token.abjad;
        bool ok =
            s != nullptr && (korean.on ? korean.ListedPairAsOne(unit.start, j)
                                       : JoinAcceptable(s->score, across, q_length, c_length));
        ok = ok && !(syllabic && s->kind == text::TokenMatchKind::kFuzzy &&
                     query.is_syllable[unit.start]);
        ok = ok && !(query.exact_only && s->kind != text::TokenMatchKind::kExact);
        if (ok) {
          float w = unit.weight + c.weight + name.tokens[j + 1].weight;
          pairs.push_back({s->score, w, unit.start, 1, j, 2, s->kind});
        }
      }
    }
  }
}

bool IsHangulOrHan(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3400 && c <= 0x4DBF);
}

// For a name written in Hangul or Han, the written word each syllable token
// came from (one token per syllable character), with the characters in
// `chars`; empty (and `chars` meaningless) when the tokens do not map onto
// the characters that way.
std::vector<uint32_t> WrittenWords(const std::string& name, size_t tokens,
                                   std::vector<char32_t>& chars) {
  chars.clear();
  std::vector<uint32_t> words;
  uint32_t word = 0;
  bool in_word = false;
  for (size_t pos = 0; pos < name.size();) {
    Utf8Char c = DecodeUtf8(name, pos);
    if (c.length == 0) return {};
    pos += c.length;
    if (c.code_point == ' ' || c.code_point == '\t') {
      if (in_word) ++word;
      in_word = false;
    } else if (IsHangulOrHan(c.code_point)) {
      words.push_back(word);
      chars.push_back(c.code_point);
      in_word = true;
    } else {
      return {};  // other characters: no one-to-one mapping
    }
  }
  if (words.size() != tokens) return {};
  return words;
}

// Sets unit.filter from unit.similar.
void FillFilter(QueryUnit& unit) {
  unit.filter.fill(0);
  for (const SimilarToken& s : unit.similar) {
    const uint32_t bit = FilterBit(s.vocab);
    unit.filter[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

// Sets unit.similar to the tokens of `similar` that `keep` accepts: those
// the scorer can take from the unit (the others would only cost the
// candidate stage their postings).
template <typename Keep>
void SetSimilarWhere(QueryUnit& unit, const std::vector<SimilarToken>& similar, Keep keep) {
  unit.similar.clear();
  std::copy_if(similar.begin(), similar.end(), std::back_inserter(unit.similar), keep);
  FillFilter(unit);
}

// An Arabic article written joined to the name in Latin letters (ALJEITHNI,
// ELSAYED) where the list writes the name without it (JUAYTHINI): the
// unit also takes the listed tokens close to the name alone, when the
// token as written is no listed name itself (ALEXANDER, ELENA).
void AddWithoutJoinedArticle(const Index& index, const text::Token& token, QueryUnit& unit,
                             Workspace& ws) {
  const std::string& norm = token.norm;
  if (norm.size() < 2 + kMinArticleStrippedLetters || !(norm[0] == 'a' || norm[0] == 'e') ||
      norm[1] != 'l')
    return;
  for (const SimilarToken& s : unit.similar) {
    if (s.kind == text::TokenMatchKind::kExact) return;
  }
  std::vector<SimilarToken> merged;
  const std::vector<SimilarToken>& rest =
      FindSimilarCached(index, norm.substr(2), Index::Lookup::kFuzzy, nullptr, ws);
  auto a = unit.similar.begin();
  auto b = rest.begin();
  while (a != unit.similar.end() || b != rest.end()) {
    if (b != rest.end() && b->score < kMinArticleStrippedSimilarity) {
      ++b;
    } else if (b == rest.end() || (a != unit.similar.end() && a->vocab < b->vocab)) {
      merged.push_back(*a++);
    } else if (a == unit.similar.end() || b->vocab < a->vocab) {
      merged.push_back(*b++);
    } else {
      merged.push_back(a->score >= b->score ? *a : *b);
      ++a;
      ++b;
    }
  }
  SetSimilar(unit, merged);
}

}  // namespace

void SetSimilar(QueryUnit& unit, const std::vector<SimilarToken>& similar) {
  unit.similar = similar;
  FillFilter(unit);
}

QueryName AnalyzeQueryName(const Index& index, const std::string& name, Schema schema,
                           Workspace& ws) {
  QueryName q;
  q.original = name;
  q.analyzed = text::AnalyzeName(name, schema);
  const auto& tokens = q.analyzed.tokens;
  for (const text::Token& t : tokens) {
    text::KoreanSyllable syllable = text::ParseKoreanSyllable(t.norm);
    q.is_syllable.push_back(syllable.valid() || text::IsChineseSyllable(t.norm));
    if (q.analyzed.korean) q.syllables.push_back(syllable);
  }
  for (const text::Token& t : tokens) {
    float w = index.KeyWeight(t.key) * RoleWeight(t.role);
    q.token_weights.push_back(w);
    q.total_weight += w;
  }
  // Adjacent parts written as one on the list: two (Jong Un / JONGUN) or
  // three (CHON MA SAN / CHONMASAN). Syllables written in Hangul or Han join
  // only within a written word: 이 정자 is not CHONGCHAI.
  std::vector<char32_t> chars;
  std::vector<uint32_t> words = WrittenWords(name, tokens.size(), chars);
  q.written_in_syllables = !words.empty();
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    QueryUnit unit;
    unit.start = i;
    unit.weight = q.token_weights[i];
    bool searchable =
        tokens[i].role == text::TokenRole::kName || tokens[i].role == text::TokenRole::kNumber;
    // A particle meets its other spellings (ben / bin, el / al), no typo.
    Index::Lookup lookup = searchable ? Index::Lookup::kFuzzy
                           : tokens[i].role == text::TokenRole::kParticle
                               ? Index::Lookup::kSpelling
                               : Index::Lookup::kExactOnly;
    // A syllable read from one Han or Hangul character is that syllable in
    // some spelling, never a typo of another or of a longer word (jing is
    // not ming, nor Jinghe): its fuzzy neighbours are left out.
    SetSimilarWhere(unit, FindSimilarCached(index, tokens[i].norm, lookup, &tokens[i], ws),
                    [&](const SimilarToken& t) {
                      return !q.written_in_syllables || t.kind != text::TokenMatchKind::kFuzzy;
                    });
    if (searchable && !tokens[i].abjad) AddWithoutJoinedArticle(index, tokens[i], unit, ws);
    q.units.push_back(std::move(unit));
  }
  // Written in Hangul, each syllable is known exactly, not as the set of
  // syllables its romanisation could spell.
  if (q.analyzed.korean && q.written_in_syllables) {
    for (size_t i = 0; i < chars.size(); ++i) {
      text::KoreanSyllable exact = text::HangulSyllable(chars[i]);
      if (exact.valid()) q.syllables[i] = exact;
    }
  }
  for (uint32_t length = 2; length <= kMaxJoinedParts; ++length) {
    for (uint32_t i = 0; i + length <= tokens.size(); ++i) {
      if (!words.empty() && words[i] != words[i + length - 1]) continue;
      QueryUnit unit;
      unit.start = i;
      unit.length = length;
      std::string joined;
      for (uint32_t k = 0; k < length; ++k) {
        joined += tokens[i + k].norm;
        unit.weight += q.token_weights[i + k];
      }
      // Joined parts must match letter for letter or as another spelling
      // (kMinJoinedSimilarity), except a Korean syllable pair, which meets
      // any spelling of its two syllables (text::JoinedKoreanSyllables).
      Index::Lookup lookup =
          q.analyzed.korean && length == 2 ? Index::Lookup::kFuzzy : Index::Lookup::kSpelling;
      // Parts read from Arabic script are looked up as one such word, by
      // their consonants too (no edit distances: a pair and a triple of
      // every Arabic name would cost a fuzzy lookup each).
      bool abjad = true;
      for (uint32_t k = 0; k < length; ++k) abjad = abjad && tokens[i + k].abjad;
      if (abjad) {
        text::Token as_one = text::MakeToken(joined, text::TokenRole::kName);
        text::ReadAsAbjad(as_one);
        SetSimilar(unit, FindSimilarCached(index, joined, Index::Lookup::kConsonants, &as_one, ws));
      } else if (q.analyzed.korean && length == 2) {
        // Of a Korean pair's fuzzy neighbours the scorer takes only a word
        // that reads as its two syllables (CollectPairs: KoreanRule), or
        // the pair's spelling as one word (JoinAcceptable), not chonghui's
        // zhong, zhanggu, juancui.
        SetSimilarWhere(unit, FindSimilarCached(index, joined, lookup, nullptr, ws),
                        [&](const SimilarToken& t) {
                          return t.score >= kMinJoinedSimilarity ||
                                 text::JoinedKoreanSyllables(index.vocab()[t.vocab].token.norm,
                                                             q.syllables[i], q.syllables[i + 1]);
                        });
      } else {
        SetSimilar(unit, FindSimilarCached(index, joined, lookup, nullptr, ws));
      }
      if (!unit.similar.empty()) q.units.push_back(std::move(unit));
    }
  }
  return q;
}

bool PersonRulesApply(Schema query_schema, Schema listed_schema) {
  return listed_schema == Schema::kPerson ||
         (listed_schema == Schema::kLegalEntity && query_schema == Schema::kPerson);
}

namespace {

// Where a name's family name may stand: before the comma of "LAST, First";
// first in a name written in Hangul; otherwise first or last.
bool FamilySlot(uint32_t i, size_t count, int before_comma, bool family_first) {
  if (before_comma > 0) return static_cast<int>(i) < before_comma;
  if (family_first) return i == 0;
  return i == 0 || i + 1 == count;
}

// The family names of two names of syllables must meet: some aligned pair
// joins a family slot on each side.
bool FamiliesMeet(const QueryName& query, const IndexedName& name,
                  const std::vector<UnitPair>& taken) {
  size_t nq = query.analyzed.tokens.size(), nc = name.tokens.size();
  for (const UnitPair& p : taken) {
    if (FamilySlot(p.q_start, nq, query.analyzed.before_comma, query.analyzed.family_first) &&
        FamilySlot(p.c_start, nc, name.before_comma, false))
      return true;
  }
  return false;
}

// The given-name syllables of two names of syllables run in the same order
// (KIM Un Jong is not KIM Jong Un; RI Yong Su is not RI Su Yong): aligned
// pairs outside the family slots, taken in the query's order, keep the
// listed name's order.
bool GivenSyllablesInOrder(const QueryName& query, const IndexedName& name,
                           const std::vector<UnitPair>& taken) {
  size_t nq = query.analyzed.tokens.size(), nc = name.tokens.size();
  // A name that repeats a syllable (Jin Tiesan (金铁三) reads jin twice) has
  // no one order to keep.
  for (size_t i = 0; i < nq; ++i)
    for (size_t k = i + 1; k < nq; ++k)
      if (query.analyzed.tokens[i].norm == query.analyzed.tokens[k].norm) return true;
  std::vector<std::pair<uint32_t, uint32_t>> given;
  for (const UnitPair& p : taken) {
    if (FamilySlot(p.q_start, nq, query.analyzed.before_comma, query.analyzed.family_first) &&
        FamilySlot(p.c_start, nc, name.before_comma, false))
      continue;
    given.emplace_back(p.q_start, p.c_start);
  }
  std::sort(given.begin(), given.end());
  for (size_t i = 1; i < given.size(); ++i)
    if (given[i].second < given[i - 1].second) return false;
  return true;
}

// How much leaving a part out costs (the share of its weight counted
// against the name score). A name that holds all of the other's parts and
// more (subset names: a second given name, a patronymic, a father's name)
// pays less for the extra middle parts than two names that each hold a
// part the other lacks (Stephen Jay Smith / Stephen Edward Smith), which
// disagree.
struct PartCosts {
  bool person_rules = false;
  bool syllabic = false;  // every syllable of a Korean or Chinese name counts
  bool disagree = false;  // both names have a part the other lacks
  bool strict_head = true;
  // Every aligned part matches as spelled or as another spelling
  // (kSubsetMinSimilarity): extra middle parts on the query's side then
  // extend the listed name rather than strain a loose match.
  bool holds_listed = false;
  bool query_syllabic = false;  // a Korean or Chinese query: no middle names
  // The listed name states no legal form: the query's (PAO, Ltd) is one it
  // does not state, not one it contradicts.
  bool listed_formless = false;
  // A firm's or body's name the query holds whole (holds_listed), with two
  // parts at least that are not business words, and no part the query
  // lacks: a business word the query adds (Qods Aeronautics Industries
  // Industrial Group / QODS AERONAUTICS INDUSTRIES, Rah Sahel Institute)
  // extends the name rather than contradicts it. (A one-word name is too
  // little: OPTIMA TECHNOLOGIES is not OOO OPTIMA.)
  bool extendable = false;
  // A person's listed name of two parts or more that the query holds whole
  // (every listed part aligned, each exact or another spelling): the
  // query's other parts, wherever they stand, extend the listed name
  // (DAWOOD IBRAHIM KASKAR / IBRAHIM, Dawood).
  bool covers_listed = false;

  // `after_link`: the part follows a nasab particle (ben, bin, ould).
  float Query(const text::Token& t, bool after_link) const {
    if (t.role == text::TokenRole::kLegalForm && listed_formless) return kExtraListPartCost;
    if (extendable && t.role == text::TokenRole::kName &&
        (text::IsBusinessWord(t.norm) || text::IsBodyWord(t.norm)))
      return kExtraListPartCost;
    bool middle = person_rules && !disagree && t.position == text::NamePosition::kMiddle;
    if (!middle) return covers_listed ? kExtraQueryCoveringPartCost : kExtraQueryPartCost;
    if (holds_listed && after_link) return scoring::kExtraQueryNasabLinkCost;
    return holds_listed && !query_syllabic ? kExtraQuerySubsetMiddleCost : kExtraQueryMiddleCost;
  }
  float Listed(const NameToken& c, bool head) const {
    if (syllabic) return kExtraQueryPartCost;
    if (person_rules && head) return strict_head ? kExtraQueryPartCost : kExtraListPartCost;
    if (person_rules && !disagree && c.position == text::NamePosition::kMiddle)
      return kExtraListMiddleCost;
    return kExtraListPartCost;
  }
};

// Whether the matched parts of a firm's listed name are all business words
// while a part left unmatched is not (COMMERCIAL BANK against KORYO
// COMMERCIAL BANK).
bool OnlyBusinessWordsMatch(const Index& index, const IndexedName& name,
                            const std::vector<char>& c_used) {
  bool distinctive_left = false;
  for (size_t j = 0; j < name.tokens.size(); ++j) {
    const NameToken& c = name.tokens[j];
    if (c.role != text::TokenRole::kName) continue;
    bool business = text::IsBusinessWord(index.vocab()[c.vocab].token.norm);
    if (c_used[j] && !business) return false;
    distinctive_left |= !c_used[j] && !business;
  }
  return distinctive_left;
}

bool Counts(text::TokenRole role) {
  return role == text::TokenRole::kName || role == text::TokenRole::kNumber;
}

// "abdul" (servant of) is the first half of a compound (Abdul Rahim, عبد
// العلي Abdul Ali): two of them pair only when the names after them pair
// too, so Mohammad Abdul Ali does not meet ABDUL RAHIM, Ali Mohamad through
// a lone abdul. A side where nothing follows (HAQ, Abdul) is not tested.
bool SplitsCompound(const Index& index, const QueryName& query, const IndexedName& name,
                    const UnitPair& p, const std::vector<UnitPair>& pairs) {
  if (p.q_length != 1 || p.c_length != 1) return false;
  if (query.analyzed.tokens[p.q_start].norm != "abdul" ||
      index.vocab()[name.tokens[p.c_start].vocab].token.norm != "abdul")
    return false;
  // The next name part on each side, past articles and particles (Abdal
  // Al-Hadi).
  uint32_t q = p.q_start + 1, c = p.c_start + 1;
  while (q < query.analyzed.tokens.size() &&
         query.analyzed.tokens[q].role != text::TokenRole::kName)
    ++q;
  while (c < name.tokens.size() && name.tokens[c].role != text::TokenRole::kName) ++c;
  if (q >= query.analyzed.tokens.size() || c >= name.tokens.size()) return false;
  return std::none_of(pairs.begin(), pairs.end(), [&](const UnitPair& other) {
    return other.q_start <= q && q < other.q_start + other.q_length && other.c_start <= c &&
           c < other.c_start + other.c_length;
  });
}

// The Arabic article (al-Tahir) before a part that matched: the lists write
// one name with it and without it (TAHER, AL-FADHLI / FADHLI), so the side
// that lacks it says nothing against the match.
bool ArticleOfMatchedPart(std::string_view norm, text::TokenRole role, bool next_matched) {
  return next_matched && role == text::TokenRole::kParticle &&
         (norm == "al" || norm == "el" || norm == "ul");
}

// Whether the one aligned pair is a typo (fuzzy) of a short word: KIM /
// KIMO, KHAN / HANI, KYAW / KIEV, MAO / MIO. A word of a few letters is a
// typo away from many others; read from Arabic script (consonants only)
// short words meet their spellings that way.
bool OnlyAShortWordTypo(const Index& index, const QueryName& query, const IndexedName& name,
                        const std::vector<UnitPair>& taken) {
  if (taken.size() != 1) return false;
  const UnitPair& p = taken.front();
  if (p.kind != text::TokenMatchKind::kFuzzy || query.analyzed.tokens[p.q_start].abjad)
    return false;
  size_t listed = 0;
  for (uint32_t k = 0; k < p.c_length; ++k)
    listed += index.vocab()[name.tokens[p.c_start + k].vocab].token.norm.size();
  return std::min(NormLength(query.analyzed, p.q_start, p.q_length), listed) <= kMaxShortWord;
}

// Whether the one aligned pair is a typo (fuzzy) whose spellings as written
// are further apart than kMinLooseTypoLetters, though their folded sounds
// meet (PUTIN / PETION, HAMAS / HAMZA), neither side read from Arabic script
// nor transcribed from Han or kana.
bool OnlyALooseTypo(const Index& index, const QueryName& query, const IndexedName& name,
                    const std::vector<UnitPair>& taken) {
  if (taken.size() != 1) return false;
  const UnitPair& p = taken.front();
  if (p.kind != text::TokenMatchKind::kFuzzy) return false;
  std::string written, listed;
  for (uint32_t k = 0; k < p.q_length; ++k) {
    const text::Token& t = query.analyzed.tokens[p.q_start + k];
    if (t.abjad || t.transcribed) return false;
    written += t.norm;
  }
  for (uint32_t k = 0; k < p.c_length; ++k) {
    const text::Token& t = index.vocab()[name.tokens[p.c_start + k].vocab].token;
    if (t.abjad || t.transcribed) return false;
    listed += t.norm;
  }
  return text::PlainEditSimilarity(written, listed) < scoring::kMinLooseTypoLetters;
}

// Whether both names hold numbers and none of them was aligned (numbers
// align only when equal): GOLDEN LOTUS INVESTMENT NO 3 / NO 8.
bool NumbersDiffer(const QueryName& query, const IndexedName& name, const std::vector<char>& q_used,
                   const std::vector<char>& c_used) {
  bool query_number = false, listed_number = false;
  for (size_t i = 0; i < query.analyzed.tokens.size(); ++i) {
    if (query.analyzed.tokens[i].role != text::TokenRole::kNumber) continue;
    if (q_used[i]) return false;
    query_number = true;
  }
  for (size_t j = 0; j < name.tokens.size(); ++j) {
    if (name.tokens[j].role != text::TokenRole::kNumber) continue;
    if (c_used[j]) return false;
    listed_number = true;
  }
  return query_number && listed_number;
}

}  // namespace

NameScore ScoreName(const Index& index, const QueryName& query, const IndexedName& name,
                    bool person_rules, AlignScratch& scratch, Explanation* explanation) {
  std::vector<UnitPair>& pairs = scratch.pairs;
  std::vector<UnitPair>& taken = scratch.taken;
  CollectPairs(index, query, name, person_rules, pairs);
  // Between pairs as good, a query part in the middle of the name is
  // aligned last: left over, it costs less than a first or last part
  // (محسن فاضل عايد عاشور الفضلي: the family name الفضلي, not the
  // father's name فاضل, meets FADHLI).
  auto middle = [&](const UnitPair& p) {
    return p.q_length == 1 &&
           query.analyzed.tokens[p.q_start].position == text::NamePosition::kMiddle;
  };
  std::sort(pairs.begin(), pairs.end(), [&](const UnitPair& a, const UnitPair& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    if (a.weight != b.weight) return a.weight > b.weight;
    if (middle(a) != middle(b)) return middle(b);
    return std::tie(a.q_start, a.c_start, a.q_length, a.c_length) <
           std::tie(b.q_start, b.c_start, b.q_length, b.c_length);
  });
  const size_t nq = query.analyzed.tokens.size();
  const size_t nc = name.tokens.size();
  std::vector<char>& q_used = scratch.q_used;
  std::vector<char>& c_used = scratch.c_used;
  q_used.assign(nq, 0);
  c_used.assign(nc, 0);
  taken.clear();
  float numerator = 0, denominator = 0;
  NameScore result;
  bool other_given_matched = false;  // a listed given name other than the leading one
  for (const UnitPair& p : pairs) {
    bool free = true;
    for (uint32_t k = 0; k < p.q_length; ++k) free &= !q_used[p.q_start + k];
    for (uint32_t k = 0; k < p.c_length; ++k) free &= !c_used[p.c_start + k];
    if (!free || SplitsCompound(index, query, name, p, pairs)) continue;
    taken.push_back(p);
    for (uint32_t k = 0; k < p.q_length; ++k) q_used[p.q_start + k] = true;
    for (uint32_t k = 0; k < p.c_length; ++k) {
      const NameToken& c = name.tokens[p.c_start + k];
      c_used[p.c_start + k] = true;
      if (c.role == text::TokenRole::kName) ++result.matched_significant;
      other_given_matched |= c.position == text::NamePosition::kMiddle;
    }
    numerator += p.similarity * p.weight;
    denominator += p.weight;
    if (explanation) {
      std::string candidate = index.vocab()[name.tokens[p.c_start].vocab].token.norm;
      for (uint32_t k = 1; k < p.c_length; ++k)
        candidate += " " + index.vocab()[name.tokens[p.c_start + k].vocab].token.norm;
      explanation->alignment.push_back({JoinNorms(query.analyzed, p.q_start, p.q_length), candidate,
                                        p.similarity,
                                        std::string(text::TokenMatchKindName(p.kind))});
    }
  }
  bool query_extra = false, list_extra = false;
  for (size_t i = 0; i < nq; ++i)
    query_extra |= !q_used[i] && Counts(query.analyzed.tokens[i].role);
  for (size_t j = 0; j < nc; ++j) list_extra |= !c_used[j] && Counts(name.tokens[j].role);
  bool syllabic = query.analyzed.syllabic && name.syllabic;
  // The listed leading given name left out is another person (HAMZA USAMA
  // BIN LADEN is not USAMA BIN LADEN), unless the query matched another of
  // the listed given names and no nasab chain says whose son is whose
  // (Boris Johnson is Alexander Boris de Pfeffel Johnson).
  bool holds_listed = !taken.empty();
  for (const UnitPair& p : taken) holds_listed &= p.similarity >= kSubsetMinSimilarity;
  PartCosts costs{
      person_rules,
      syllabic,
      query_extra && list_extra,
      person_rules && (name.nasab || !other_given_matched || (query_extra && list_extra)),
      holds_listed,
      query.analyzed.syllabic,
      std::none_of(name.tokens.begin(), name.tokens.end(),
                   [](const NameToken& c) { return c.role == text::TokenRole::kLegalForm; }),
      !person_rules && !(query_extra && list_extra) && holds_listed &&
          std::count_if(name.tokens.begin(), name.tokens.end(), [&](const NameToken& c) {
            return c.role == text::TokenRole::kName &&
                   !text::IsBusinessWord(index.vocab()[c.vocab].token.norm);
          }) >= 2};
  const auto list_significant =
      std::count_if(name.tokens.begin(), name.tokens.end(),
                    [](const NameToken& c) { return c.role == text::TokenRole::kName; });
  costs.covers_listed =
      person_rules && !list_extra && !query.analyzed.syllabic && !taken.empty() &&
      std::all_of(taken.begin(), taken.end(),
                  [](const UnitPair& p) { return p.similarity >= scoring::kVariantSimilarity; }) &&
      list_significant >= 2;
  // In a nasab chain a name before the listed one is a son's (HAMZA USAMA
  // BIN LADEN is not USAMA BIN LADEN).
  if (costs.covers_listed && (query.analyzed.nasab || name.nasab)) {
    for (size_t i = 0; i < nq && !q_used[i]; ++i)
      if (Counts(query.analyzed.tokens[i].role)) costs.covers_listed = false;
  }
  for (size_t i = 0; i < nq; ++i) {
    if (q_used[i]) continue;
    const text::Token& t = query.analyzed.tokens[i];
    if (ArticleOfMatchedPart(t.norm, t.role, i + 1 < nq && q_used[i + 1])) continue;
    const bool after_link = i > 0 && text::IsNasabLink(query.analyzed.tokens[i - 1].norm);
    denominator += 2 * costs.Query(t, after_link) * query.token_weights[i];
    if (explanation && query.token_weights[i] > 0)
      explanation->unmatched_query.push_back(query.analyzed.tokens[i].norm);
  }
  for (size_t j = 0; j < nc; ++j) {
    const NameToken& c = name.tokens[j];
    if (c_used[j]) continue;
    if (ArticleOfMatchedPart(index.vocab()[c.vocab].token.norm, c.role,
                             j + 1 < nc && c_used[j + 1]))
      continue;
    denominator += 2 * costs.Listed(c, static_cast<int>(j) == name.head) * c.weight;
    if (explanation && c.weight > 0) {
      explanation->unmatched_candidate.push_back(index.vocab()[c.vocab].token.norm);
    }
  }
  const float listed_scale = name.derived_reading ? kListedReadingScale : 1.0f;
  result.score = denominator > 0 ? query.scale * listed_scale * numerator / denominator : 0;
  if (person_rules && result.matched_significant == 1 && list_significant >= 2 &&
      result.score > kSinglePartCap) {
    result.score = kSinglePartCap;
    result.single_part_capped = true;
  }
  if (!person_rules && result.score > kBusinessWordsOnlyCap && !taken.empty() &&
      OnlyBusinessWordsMatch(index, name, c_used)) {
    result.score = kBusinessWordsOnlyCap;
    result.business_capped = true;
  }
  if (result.score > scoring::kNumbersDifferCap && NumbersDiffer(query, name, q_used, c_used)) {
    result.score = scoring::kNumbersDifferCap;
    result.numbers_capped = true;
  }
  if (result.score > scoring::kLooseTypoCap && OnlyALooseTypo(index, query, name, taken)) {
    result.score = scoring::kLooseTypoCap;
    result.loose_typo_capped = true;
  }
  if (result.score > kShortWordTypoCap && OnlyAShortWordTypo(index, query, name, taken)) {
    result.score = kShortWordTypoCap;
    result.short_typo_capped = true;
  }
  if (syllabic && result.score > kFamilyMismatchCap && !FamiliesMeet(query, name, taken)) {
    result.score = kFamilyMismatchCap;
    result.family_capped = true;
  }
  if (syllabic && result.score > kFamilyMismatchCap && !GivenSyllablesInOrder(query, name, taken)) {
    result.score = kFamilyMismatchCap;
    result.order_capped = true;
  }
  return result;
}

}  // namespace embargo::match
