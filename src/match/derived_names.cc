#include "match/derived_names.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "common/strings.h"
#include "match/bracket_parts.h"
#include "model/country.h"
#include "text/arabic_org_words.h"
#include "text/convention_readings.h"
#include "text/name_tables.h"
#include "text/name_wrapping.h"

namespace embargo::match {
namespace {

using namespace scoring;  // kMinSplitLength, kKnownScore, kMinFuzzyPart...

bool Known(const QueryUnit& unit) {
  for (const SimilarToken& s : unit.similar) {
    if (s.score >= kKnownScore) return true;
  }
  return false;
}

float BestScore(const Index& index, const std::string& part, Workspace& ws) {
  float best = 0;
  for (const SimilarToken& s : FindSimilarCached(index, part, Index::Lookup::kFuzzy, nullptr, ws))
    best = std::max(best, s.score);
  return best;
}

// Whether `part` can be a word of a name on its own: it has a vowel. Most
// words split into pieces the index holds ("st ew art", "ro nn ing");
// pieces without a vowel are never names.
bool CanBeWord(std::string_view part) {
  return part.find_first_of("aeiouy") != std::string_view::npos;
}

// `word` as two or three words one indexed name holds exactly (chon ma
// san), or, when `fuzzy`, as two the index holds closely (fridrich
// buchenberg); "" when none.
std::string SplitWord(const Index& index, const std::string& word, bool fuzzy, Workspace& ws) {
  size_t n = word.size();
  std::string_view w = word;
  for (size_t a = kMinExactPart; a + kMinExactPart <= n; ++a) {
    std::string_view left = w.substr(0, a), right = w.substr(a);
    if (CanBeWord(left) && CanBeWord(right) && index.HoldTogether({left, right}))
      return word.substr(0, a) + " " + word.substr(a);
  }
  for (size_t a = kMinExactPart; a + 2 * kMinExactPart <= n; ++a) {
    std::string_view left = w.substr(0, a);
    if (!CanBeWord(left) || !index.HasToken(left)) continue;
    for (size_t b = a + kMinExactPart; b + kMinExactPart <= n; ++b) {
      std::string_view middle = w.substr(a, b - a), right = w.substr(b);
      if (CanBeWord(middle) && CanBeWord(right) && index.HoldTogether({left, middle, right}))
        return word.substr(0, a) + " " + word.substr(a, b - a) + " " + word.substr(b);
    }
  }
  if (!fuzzy || n < kMinFuzzySplitLength) return "";
  float best = 0;
  std::string split;
  for (size_t a = kMinFuzzyPart; a + kMinFuzzyPart <= n; ++a) {
    if (!CanBeWord(w.substr(0, a)) || !CanBeWord(w.substr(a))) continue;
    float left = BestScore(index, word.substr(0, a), ws);
    if (left < kMinFuzzyPartScore) continue;
    float score = std::min(left, BestScore(index, word.substr(a), ws));
    if (score >= kMinFuzzyPartScore && score > best) {
      best = score;
      split = word.substr(0, a) + " " + word.substr(a);
    }
  }
  return split;
}

std::string SplitRunTogetherWords(const Index& index, const QueryName& query, Workspace& ws) {
  const auto& tokens = query.analyzed.tokens;
  // A close (not exact) split is tried only for a name written as one
  // word: among other words, a long unknown word is most often a name the
  // lists do not hold, and each try costs two fuzzy lookups.
  size_t name_words = 0;
  for (const text::Token& t : tokens) name_words += t.role == text::TokenRole::kName;
  const bool fuzzy = name_words == 1;
  std::string rewritten;
  bool changed = false;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    std::string word = tokens[i].norm;
    if (tokens[i].role == text::TokenRole::kName && word.size() >= kMinSplitLength &&
        !Known(query.units[i])) {
      std::string split = SplitWord(index, word, fuzzy, ws);
      if (!split.empty()) {
        word = split;
        changed = true;
      }
    }
    if (!rewritten.empty()) rewritten.push_back(' ');
    rewritten += word;
  }
  return changed ? rewritten : "";
}

// Words that name bodies rather than firms: with business words, legal
// forms and connectors, what tells "People's Liberation Army" (whose
// acronym is worth trying) from "Kimberly Michael Thompson" (whose is not).
bool IsBodyWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "agency",       "army",    "authority",   "battalion", "brigade", "bureau",
      "committee",    "council", "directorate", "force",     "forces",  "front",
      "government",   "league",  "ministry",    "movement",  "office",  "organisation",
      "organization", "party",   "regiment",    "union"};
  for (std::string_view w : kWords)
    if (w == word) return true;
  return false;
}

// Whether an acronym of the query is worth trying: the query is a firm or
// body, by its schema or by its words. A person's three names make an
// acronym too, and it finds short listed names by chance.
bool AcronymWorthTrying(const QueryName& query, Schema schema) {
  if (schema == Schema::kPerson) return false;
  if (schema != Schema::kLegalEntity) return true;
  for (const text::Token& t : query.analyzed.tokens) {
    // "of", "for", "and", not the particles of people's names (de, du, van).
    bool english_connector = t.norm == "of" || t.norm == "for" || t.norm == "and";
    if (t.role == text::TokenRole::kLegalForm || english_connector) return true;
    if (text::IsBusinessWord(t.norm) || IsBodyWord(t.norm)) return true;
  }
  return false;
}

// The words of the query that name something: what its initials must be
// corroborated by (QueryName::initials_of).
std::vector<text::Token> NamingWords(const QueryName& query) {
  std::vector<text::Token> words;
  for (const text::Token& t : query.analyzed.tokens) {
    if (t.role != text::TokenRole::kName || t.norm.size() < 2) continue;
    if (text::IsBusinessWord(t.norm) || !NormalizeCountry(t.norm).empty()) continue;
    words.push_back(t);
  }
  return words;
}

std::string Acronym(const QueryName& query) {
  std::string letters;
  for (const text::Token& t : query.analyzed.tokens) {
    if (t.role == text::TokenRole::kName) letters.push_back(t.norm[0]);
  }
  return letters.size() >= 3 && letters.size() <= 8 ? letters : "";
}

// The name without its bracketed parts, and each bracketed part (blank ones
// left out); nothing unless there are two at least.
std::vector<std::string> BracketNames(const std::string& name) {
  std::vector<std::string> parts;
  if (name.find('(') == std::string::npos) return parts;
  BracketParts split = SplitBrackets(name, "");
  if (split.outside.find_first_not_of(" ") != std::string::npos)
    parts.push_back(std::move(split.outside));
  for (std::string_view inside : split.inside) {
    if (inside.find_first_not_of(" ") != std::string_view::npos) parts.emplace_back(inside);
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

// Adds `name` read as a query, derived from `query`, at kListedReadingScale
// (a reading of the query with words cut away) when it holds a name part.
QueryName* AddCutReading(const Index& index, const QueryName& query, const std::string& name,
                         Schema schema, Workspace& ws, std::vector<QueryName>& derived) {
  QueryName q = AnalyzeQueryName(index, name, schema, ws);
  if (std::none_of(q.analyzed.tokens.begin(), q.analyzed.tokens.end(),
                   [](const text::Token& t) { return t.role == text::TokenRole::kName; }))
    return nullptr;
  q.original = query.original;
  q.scale = kListedReadingScale;
  derived.push_back(std::move(q));
  return &derived.back();
}

// A firm's name that names its country (Foreign Trade Bank of North Korea)
// against the listing that leaves the country to its address (FOREIGN TRADE
// BANK (FTB), Pyongyang): read without it, compared only with the parties of
// that country (screener.cc).
void AddReadingWithoutCountries(const Index& index, const QueryName& query, Schema schema,
                                Workspace& ws, std::vector<QueryName>& derived) {
  std::vector<std::string> codes;
  std::string without = NameWithoutCountries(query.original, codes);
  if (without.empty()) return;
  if (QueryName* q = AddCutReading(index, query, without, schema, ws, derived))
    q->of_countries = std::move(codes);
}

// Whether `text` holds a firm's word: a legal form or a business word, or
// (`or_body`) a body word (department, ministry...).
bool HoldsFirmWord(const std::string& text, Schema schema, bool or_body) {
  const std::vector<text::Token> words = text::AnalyzeName(text, schema).tokens;
  return std::any_of(words.begin(), words.end(), [&](const text::Token& t) {
    return t.role == text::TokenRole::kLegalForm || text::IsBusinessWord(t.norm) ||
           (or_body && text::IsBodyWord(t.norm));
  });
}

// A firm's or vessel's name, then its address, port or branch after a comma
// or a dash: the name alone. Only where the first part reads as a firm's (a
// legal form, a business word) or the query says it is no person's (SMITH,
// John is a person's name), and the rest names no firm or body of its own;
// where it does (KOREAN WORKERS PARTY, PROPAGANDA AND AGITATION DEPARTMENT),
// the rest alone: the body named after its parent, as listed names are read
// too (match/index.h, ListedReadings).
void AddReadingWithoutQualifier(const Index& index, const QueryName& query, Schema schema,
                                Workspace& ws, std::vector<QueryName>& derived) {
  std::optional<text::Qualified> split = text::SplitQualifier(query.original);
  if (!split) return;
  if (HoldsFirmWord(split->qualifier, schema, /*or_body=*/true)) {
    AddCutReading(index, query, split->qualifier, schema, ws, derived);
  } else if (schema != Schema::kLegalEntity ||
             HoldsFirmWord(split->name, schema, /*or_body=*/false)) {
    AddCutReading(index, query, split->name, schema, ws, derived);
  }
}

// A firm's name that runs on past its legal form into a place or a branch
// without a comma ("TALASSA SHIPPING DMCC DUBAI BRANCH", "ALBATROS OOO
// KAZAN", "HD Parts Oy Finland"): the name up to that legal form, which
// ends it. Only a legal form after a word of the name, followed by one to
// kMaxWordsAfterLegalForm words, none of them a legal form.
void AddReadingToLegalForm(const Index& index, const QueryName& query, Schema schema, Workspace& ws,
                           std::vector<QueryName>& derived) {
  constexpr size_t kMaxWordsAfterLegalForm = 3;
  const std::vector<std::string> words = SplitList(query.original, ' ');
  auto is_legal_form = [](const std::string& word) {
    std::string letters;
    for (char c : word) {
      if (IsAsciiAlnum(static_cast<unsigned char>(c)))
        letters.push_back(AsciiLower(static_cast<unsigned char>(c)));
    }
    return !letters.empty() && text::IsLegalForm(letters);
  };
  for (size_t i = words.size(); i-- > 1;) {
    if (!is_legal_form(words[i])) continue;
    const size_t after = words.size() - 1 - i;
    if (after == 0 || after > kMaxWordsAfterLegalForm) return;
    std::string name;
    for (size_t k = 0; k <= i; ++k) name += (k > 0 ? " " : "") + words[k];
    AddCutReading(index, query, name, schema, ws, derived);
    return;
  }
}

}  // namespace

bool InitialsCorroborated(const QueryName& initials, const Entity& entity) {
  if (initials.initials_of.empty()) return false;
  for (const Name& name : entity.names) {
    for (const text::Token& listed : text::AnalyzeName(name.value, entity.schema).tokens) {
      if (listed.role != text::TokenRole::kName) continue;
      for (const text::Token& word : initials.initials_of) {
        if (text::CompareTokens(word, listed, kInitialsWordSimilarity).score >=
            kInitialsWordSimilarity)
          return true;
      }
    }
  }
  return false;
}

std::vector<QueryName> DeriveQueryNames(const Index& index, const QueryName& query, Schema schema,
                                        Workspace& ws) {
  std::vector<QueryName> derived;
  enum class From { kSplit, kConvention, kAcronym, kOutsideBrackets, kInsideBrackets };
  auto add = [&](const std::string& name, From from) {
    QueryName q = AnalyzeQueryName(index, name, schema, ws);
    if (q.analyzed.tokens.empty()) return;
    q.original = query.original;
    q.scale = from == From::kAcronym      ? kDerivedAcronymScale
              : from == From::kConvention ? kListedReadingScale
                                          : 1.0f;
    // An acronym, and a one-word part in brackets (an acronym, a nickname:
    // KOMID, FTB), count only as written: DHEKE is not DICO.
    q.from_acronym =
        from == From::kAcronym || (from == From::kInsideBrackets && q.analyzed.tokens.size() == 1);
    q.exact_only = q.from_acronym;
    if (from == From::kAcronym) {
      q.initials = true;
      q.initials_of = NamingWords(query);
    }
    derived.push_back(std::move(q));
  };
  std::string split = SplitRunTogetherWords(index, query, ws);
  if (!split.empty()) add(split, From::kSplit);
  for (const std::string& other : text::ConventionReadings(query.original))
    add(other, From::kConvention);
  if (schema != Schema::kPerson) {
    for (const std::string& other : text::OrganisationReadings(query.original))
      add(other, From::kConvention);
  }
  if (AcronymWorthTrying(query, schema)) {
    std::string acronym = Acronym(query);
    if (!acronym.empty()) add(acronym, From::kAcronym);
  }
  std::vector<std::string> parts = BracketNames(query.original);
  // The first part is the name outside the brackets; a part inside them may
  // be a former name so introduced (ex-Cape Diamond).
  for (size_t i = 0; i < parts.size(); ++i) {
    add(i == 0 ? parts[i] : text::WithoutFormerNameLeadIn(parts[i]),
        i == 0 ? From::kOutsideBrackets : From::kInsideBrackets);
  }
  // A label before the name (ORDERING CUSTOMER: ..., SHIPPER: ...).
  std::string labelled = text::AfterLabel(query.original);
  if (!labelled.empty()) add(labelled, From::kOutsideBrackets);
  if (schema != Schema::kPerson) {
    AddReadingWithoutCountries(index, query, schema, ws, derived);
    AddReadingWithoutQualifier(index, query, schema, ws, derived);
    AddReadingToLegalForm(index, query, schema, ws, derived);
  }
  if (schema == Schema::kLegalEntity) {
    // The words alone first: the lookups of a person's reading are made only
    // when its words differ (rarely: number words, country names).
    const std::vector<text::Token> words =
        text::AnalyzeName(query.original, Schema::kPerson).tokens;
    auto same_norm = [](const text::Token& a, const text::Token& b) { return a.norm == b.norm; };
    if (!words.empty() && !std::equal(words.begin(), words.end(), query.analyzed.tokens.begin(),
                                      query.analyzed.tokens.end(), same_norm)) {
      QueryName person = AnalyzeQueryName(index, query.original, Schema::kPerson, ws);
      person.person_only = true;
      derived.push_back(std::move(person));
    }
  }
  return derived;
}

}  // namespace embargo::match
