#include "text/org_names.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "text/script_words.h"

namespace embargo::text {
namespace {

struct Phrase {
  std::string_view from;  // space-separated lowercase words
  std::string_view to;    // space-separated replacement
  PhraseKind kind;
};

constexpr PhraseKind kLegal = PhraseKind::kLegalForm;
constexpr PhraseKind kWord = PhraseKind::kWord;

// Legal forms written out or abbreviated, to one written form: English
// forms and their Russian, Ukrainian and Japanese equivalents spelled out in
// English words (JSC, AO, Aktsionernoe Obshchestvo -> joint stock company),
// so that every word of the form still matches when one is misspelt or the
// words are run together; other languages' forms to their usual code
// (Aktiengesellschaft -> ag).
constexpr std::array kLegalPhrases = {
    Phrase{"aktiengesellschaft", "ag", kLegal},
    Phrase{"gesellschaft mit beschrankter haftung", "gmbh", kLegal},
    Phrase{"gesellschaft mbh", "gmbh", kLegal},
    Phrase{"kommanditgesellschaft", "kg", kLegal},
    Phrase{"offene handelsgesellschaft", "ohg", kLegal},
    Phrase{"open joint stock company", "open joint stock company", kLegal},
    Phrase{"open joint stock co", "open joint stock company", kLegal},
    Phrase{"open jsc", "open joint stock company", kLegal},
    Phrase{"ojsc", "open joint stock company", kLegal},
    Phrase{"oao", "open joint stock company", kLegal},
    Phrase{"otkrytoe aktsionernoe obshchestvo", "open joint stock company", kLegal},
    Phrase{"otkrytoye aktsionernoye obshchestvo", "open joint stock company", kLegal},
    Phrase{"closed joint stock company", "closed joint stock company", kLegal},
    Phrase{"closed joint stock co", "closed joint stock company", kLegal},
    Phrase{"closed jsc", "closed joint stock company", kLegal},
    Phrase{"cjsc", "closed joint stock company", kLegal},
    Phrase{"zao", "closed joint stock company", kLegal},
    Phrase{"zakrytoe aktsionernoe obshchestvo", "closed joint stock company", kLegal},
    Phrase{"zakrytoye aktsionernoye obshchestvo", "closed joint stock company", kLegal},
    Phrase{"public joint stock company", "public joint stock company", kLegal},
    Phrase{"public joint stock co", "public joint stock company", kLegal},
    Phrase{"public jsc", "public joint stock company", kLegal},
    Phrase{"pjsc", "public joint stock company", kLegal},
    Phrase{"pao", "public joint stock company", kLegal},
    Phrase{"publichnoe aktsionernoe obshchestvo", "public joint stock company", kLegal},
    Phrase{"publichnoye aktsionernoye obshchestvo", "public joint stock company", kLegal},
    Phrase{"joint stock company", "joint stock company", kLegal},
    Phrase{"joint stock co", "joint stock company", kLegal},
    Phrase{"jsc", "joint stock company", kLegal},
    Phrase{"ao", "joint stock company", kLegal},
    Phrase{"aktsionernoe obshchestvo", "joint stock company", kLegal},
    Phrase{"aktsionernoye obshchestvo", "joint stock company", kLegal},
    Phrase{"aktsionerne tovarystvo", "joint stock company", kLegal},
    Phrase{"limited liability company", "limited liability company", kLegal},
    Phrase{"limited liability co", "limited liability company", kLegal},
    Phrase{"llc", "limited liability company", kLegal},
    Phrase{"ooo", "limited liability company", kLegal},
    Phrase{"obshchestvo s ogranichennoy otvetstvennostyu", "limited liability company", kLegal},
    Phrase{"obshchestvo s ogranichennoi otvetstvennostiu", "limited liability company", kLegal},
    Phrase{"obshchestvo s ogranichennoy otvetstvennostiu", "limited liability company", kLegal},
    Phrase{"tovarystvo z obmezhenoyu vidpovidalnistyu", "limited liability company", kLegal},
    Phrase{"tov", "limited liability company", kLegal},
    Phrase{"too", "limited liability company", kLegal},
    Phrase{"limited liability partnership", "limited liability partnership", kLegal},
    Phrase{"llp", "limited liability partnership", kLegal},
    Phrase{"limited partnership", "limited partnership", kLegal},
    Phrase{"lp", "limited partnership", kLegal},
    Phrase{"public limited company", "public limited company", kLegal},
    Phrase{"plc", "public limited company", kLegal},
    Phrase{"co", "company", kLegal},
    Phrase{"companies", "company", kLegal},
    Phrase{"ltd", "limited", kLegal},
    Phrase{"corp", "corporation", kLegal},
    Phrase{"inc", "incorporated", kLegal},
    Phrase{"pvt", "private", kLegal},
    Phrase{"pte", "private", kLegal},
    Phrase{"pty", "proprietary", kLegal},
    Phrase{"est", "establishment", kLegal},
    Phrase{"kabushiki kaisha", "company limited", kLegal},
    Phrase{"kabushiki gaisha", "company limited", kLegal},
    Phrase{"yugen kaisha", "company limited", kLegal},
    Phrase{"sherkat", "company", kLegal},
    Phrase{"sherkate", "company", kLegal},
    Phrase{"shirkat", "company", kLegal},
    Phrase{"societe anonyme", "sa", kLegal},
    Phrase{"sociedad anonima", "sa", kLegal},
    Phrase{"societa per azioni", "spa", kLegal},
    Phrase{"societe a responsabilite limitee", "sarl", kLegal},
    Phrase{"societatea cu raspundere limitata", "srl", kLegal},
    Phrase{"societa a responsabilita limitata", "srl", kLegal},
    Phrase{"sociedad de responsabilidad limitada", "srl", kLegal},
    Phrase{"spolka z ograniczona odpowiedzialnoscia", "spzoo", kLegal},
    Phrase{"sp z oo", "spzoo", kLegal},
    Phrase{"sendirian berhad", "sdn bhd", kLegal},
    Phrase{"berhad", "bhd", kLegal},
    Phrase{"perseroan terbatas", "pt", kLegal},
    Phrase{"naamloze vennootschap", "nv", kLegal},
    Phrase{"besloten vennootschap", "bv", kLegal},
    Phrase{"aktiebolag", "ab", kLegal},
    Phrase{"aksjeselskap", "as", kLegal},
    Phrase{"anonim sirketi", "as", kLegal},
    Phrase{"osakeyhtio", "oy", kLegal},
    Phrase{"spolecnost s rucenim omezenym", "sro", kLegal},
    Phrase{"korlatolt felelossegu tarsasag", "kft", kLegal},
};

// Codes and short forms that are legal forms as written.
constexpr std::string_view kLegalCodes[] = {
    "company", "limited", "corporation", "incorporated", "private", "proprietary", "establishment",
    "co", "corp", "inc", "ltd", "llc", "plc", "jsc", "ojsc", "cjsc", "pjsc", "gmbh", "ag", "sa",
    "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "kg", "lp", "llp", "pte", "pvt", "bhd",
    "sdn", "fze", "fzco", "fzc", "fz", "fzllc", "dmcc", "sl", "sae", "sal", "wll", "est", "cv",
    "sac", "ltda", "eirl", "kft", "zrt", "sro", "doo", "dd", "ood", "eood", "as", "asa", "aps",
    "kk", "yk", "pty", "ulc", "lc", "pllc", "gbr", "ug", "kgaa", "ohg", "se", "scs", "sca", "snc",
    "pt", "spzoo", "tbk",
    // Words of Russian and Ukrainian legal forms written out in other ways.
    "obshchestvo", "ogranichennoy", "ogranichennoi", "otvetstvennostyu", "otvetstvennostiu",
    "aktsionernoye", "aktsionernoe", "zakrytoye", "zakrytoe", "otkrytoye", "otkrytoe",
    "publichnoye", "publichnoe", "tovarystvo"};

// Country names as they stand inside names ("Foreign Trade Bank of the
// DPRK"), to one short form.
constexpr std::array kCountryPhrases = {
    Phrase{"democratic peoples republic of korea", "dprk", kWord},
    Phrase{"democratic people republic of korea", "dprk", kWord},
    Phrase{"korea democratic peoples republic of", "dprk", kWord},
    Phrase{"korea democratic peoples republic", "dprk", kWord},
    Phrase{"dpr of korea", "dprk", kWord},
    Phrase{"dpr korea", "dprk", kWord},
    Phrase{"korea dpr", "dprk", kWord},
    Phrase{"north korea", "dprk", kWord},
    Phrase{"korea north", "dprk", kWord},
    Phrase{"dem peoples rep of korea", "dprk", kWord},
    Phrase{"democratic peoples rep of korea", "dprk", kWord},
    Phrase{"republic of korea", "rok", kWord},
    Phrase{"rep of korea", "rok", kWord},
    Phrase{"korea republic of", "rok", kWord},
    Phrase{"south korea", "rok", kWord},
    Phrase{"korea south", "rok", kWord},
    Phrase{"islamic republic of iran", "iran", kWord},
    Phrase{"islamic republic iran", "iran", kWord},
    Phrase{"islamic rep of iran", "iran", kWord},
    Phrase{"islamic rep iran", "iran", kWord},
    Phrase{"iran islamic republic of", "iran", kWord},
    Phrase{"iran islamic republic", "iran", kWord},
    Phrase{"russian federation", "russia", kWord},
    Phrase{"syrian arab republic", "syria", kWord},
    Phrase{"united states of america", "usa", kWord},
    Phrase{"united states", "usa", kWord},
    Phrase{"united kingdom", "uk", kWord},
    Phrase{"great britain", "uk", kWord},
    Phrase{"united arab emirates", "uae", kWord},
    Phrase{"peoples republic of china", "china", kWord},
    Phrase{"prc", "china", kWord},
    Phrase{"lao peoples democratic republic", "laos", kWord},
    Phrase{"lao pdr", "laos", kWord},
    Phrase{"burma", "myanmar", kWord},
    Phrase{"viet nam", "vietnam", kWord},
    Phrase{"bolivarian republic of venezuela", "venezuela", kWord},
    Phrase{"czech republic", "czechia", kWord},
    Phrase{"libyan arab jamahiriya", "libya", kWord},
    Phrase{"democratic republic of the congo", "drc", kWord},
    Phrase{"democratic republic of congo", "drc", kWord},
    Phrase{"dr congo", "drc", kWord},
};

// Kinds of body that lists write out and their own names abbreviate (PMC
// Wagner: PRIVATE MILITARY COMPANY 'WAGNER').
constexpr std::array kBodyPhrases = {
    Phrase{"pmc", "private military company", kWord},
};

// Ship prefixes: motor vessel, motor tanker, steam ship, sailing vessel.
constexpr std::string_view kVesselPrefixes[] = {"mv", "mt", "ss", "ms", "sv", "mts", "mvs", "fv"};

constexpr std::string_view kUnits[] = {"zero",    "one",     "two",       "three",    "four",
                                       "five",    "six",     "seven",     "eight",    "nine",
                                       "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kTens[] = {"",      "",      "twenty",  "thirty", "forty",
                                      "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view kOrdinalUnits[] = {
    "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
constexpr std::string_view kOrdinalTens[] = {"",          "",         "twentieth", "thirtieth",
                                             "fortieth",  "fiftieth", "sixtieth",  "seventieth",
                                             "eightieth", "ninetieth"};

// Written-out legal-form words long enough that one typo still names them.
constexpr std::string_view kTypoTolerantLegalWords[] = {
    "company",      "limited",       "corporation", "incorporated", "aktiengesellschaft",
    "gesellschaft", "establishment", "obshchestvo", "companies"};

// Hangul, Han and kana business words, longest first where one contains
// another; the English word replaces them before romanisation.
constexpr std::array kBusinessWords = {
    ScriptWord{"주식회사", " company limited "},
    ScriptWord{"(주)", " company limited "},
    ScriptWord{"㈜", " company limited "},
    ScriptWord{"유한책임회사", " limited liability company "},
    ScriptWord{"유한회사", " limited liability company "},
    ScriptWord{"합자회사", " limited partnership "},
    ScriptWord{"회사", " company "},
    ScriptWord{"무역은행", " trade bank "},
    ScriptWord{"은행", " bank "},
    ScriptWord{"무역", " trading "},
    ScriptWord{"상업", " commercial "},
    ScriptWord{"해운", " shipping "},
    ScriptWord{"총회사", " general corporation "},
    ScriptWord{"공사", " corporation "},
    ScriptWord{"기업", " enterprise "},
    ScriptWord{"개발", " development "},
    ScriptWord{"광업", " mining "},
    ScriptWord{"공업", " industrial "},
    ScriptWord{"산업", " industrial "},
    ScriptWord{"건설", " construction "},
    ScriptWord{"투자", " investment "},
    ScriptWord{"국제", " international "},
    ScriptWord{"합영", " joint venture "},
    ScriptWord{"합작", " joint venture "},
    ScriptWord{"그룹", " group "},
    ScriptWord{"보험", " insurance "},
    ScriptWord{"기술", " technology "},
    ScriptWord{"전자", " electronics "},
    ScriptWord{"화학", " chemical "},
    ScriptWord{"석유", " petroleum "},
    ScriptWord{"철강", " steel "},
    ScriptWord{"대외", " foreign "},
    ScriptWord{"股份有限公司", " company limited "},
    ScriptWord{"有限责任公司", " limited liability company "},
    ScriptWord{"有限責任公司", " limited liability company "},
    ScriptWord{"有限公司", " company limited "},
    ScriptWord{"株式会社", " company limited "},
    ScriptWord{"有限会社", " company limited "},
    ScriptWord{"公司", " company "},
    ScriptWord{"會社", " company "},
    ScriptWord{"会社", " company "},
    ScriptWord{"集团", " group "},
    ScriptWord{"集團", " group "},
    ScriptWord{"银行", " bank "},
    ScriptWord{"銀行", " bank "},
    ScriptWord{"贸易", " trading "},
    ScriptWord{"貿易", " trading "},
    ScriptWord{"商事", " trading "},
    ScriptWord{"国际", " international "},
    ScriptWord{"國際", " international "},
    ScriptWord{"航运", " shipping "},
    ScriptWord{"航運", " shipping "},
    ScriptWord{"海运", " shipping "},
    ScriptWord{"海運", " shipping "},
    ScriptWord{"船务", " shipping "},
    ScriptWord{"船務", " shipping "},
    ScriptWord{"航务", " shipping "},
    ScriptWord{"航務", " shipping "},
    ScriptWord{"海事", " maritime "},
    ScriptWord{"物流", " logistics "},
    ScriptWord{"香港", " hong kong "},
    ScriptWord{"技术", " technology "},
    ScriptWord{"技術", " technology "},
    ScriptWord{"控股", " holdings "},
    ScriptWord{"发展", " development "},
    ScriptWord{"發展", " development "},
    ScriptWord{"电子", " electronics "},
    ScriptWord{"電子", " electronics "},
    ScriptWord{"化工", " chemical "},
    ScriptWord{"能源", " energy "},
    ScriptWord{"石油", " petroleum "},
    ScriptWord{"矿业", " mining "},
    ScriptWord{"礦業", " mining "},
    ScriptWord{"机械", " machinery "},
    ScriptWord{"機械", " machinery "},
    ScriptWord{"进出口", " import export "},
    ScriptWord{"進出口", " import export "},
    ScriptWord{"实业", " industrial "},
    ScriptWord{"實業", " industrial "},
    ScriptWord{"科技", " technology "},
    ScriptWord{"工业", " industrial "},
    ScriptWord{"工業", " industrial "},
    ScriptWord{"投资", " investment "},
    ScriptWord{"投資", " investment "},
};

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

struct CompiledPhrase {
  std::vector<std::string> from;
  std::vector<std::string> to;
  PhraseKind kind;
};

// First word -> phrases starting with it, longest first.
using PhraseTable = std::unordered_map<std::string, std::vector<CompiledPhrase>>;

// Files `from` under its first word, and under every way of writing some of
// its adjacent words as one (AKTSIONERNOEOBSHCHESTVO, JOINTSTOCK COMPANY).
void AddPhrase(PhraseTable& table, const std::vector<std::string>& from,
               const std::vector<std::string>& to, PhraseKind kind) {
  size_t gaps = from.size() - 1;
  for (uint32_t joins = 0; joins < (1u << gaps); ++joins) {
    std::vector<std::string> written{from[0]};
    for (size_t g = 0; g < gaps; ++g) {
      if (joins & (1u << g)) {
        written.back() += from[g + 1];
      } else {
        written.push_back(from[g + 1]);
      }
    }
    table[written[0]].push_back(CompiledPhrase{written, to, kind});
  }
}

template <typename Phrases>
void AddPhrases(PhraseTable& table, const Phrases& phrases) {
  for (const Phrase& p : phrases) AddPhrase(table, SplitSpaces(p.from), SplitSpaces(p.to), p.kind);
}

const PhraseTable& Phrases() {
  static const auto* table = [] {
    auto* t = new PhraseTable();
    AddPhrases(*t, kLegalPhrases);
    AddPhrases(*t, kCountryPhrases);
    AddPhrases(*t, kBodyPhrases);
    for (auto& [first, list] : *t) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& a, const auto& b) { return a.from.size() > b.from.size(); });
    }
    return t;
  }();
  return *table;
}

const std::unordered_set<std::string>& LegalWords() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>();
    for (std::string_view c : kLegalCodes) s->emplace(c);
    for (const Phrase& p : kLegalPhrases) {
      if (p.from.find(' ') == std::string_view::npos) s->emplace(p.from);
    }
    return s;
  }();
  return *set;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1st", "22nd", "3rd", "44th" -> the digits.
bool StripOrdinalSuffix(std::string& word) {
  if (word.size() < 3) return false;
  std::string_view suffix(word.data() + word.size() - 2, 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  if (!AllDigits(std::string_view(word).substr(0, word.size() - 2))) return false;
  word.resize(word.size() - 2);
  return true;
}

template <size_t N>
int IndexOf(const std::string_view (&table)[N], std::string_view word) {
  for (size_t i = 0; i < N; ++i) {
    if (!table[i].empty() && table[i] == word) return static_cast<int>(i);
  }
  return -1;
}

// The value of a name's last word written as a Roman numeral of two letters
// or more (MARIA III, ARK II: a ship's or a firm's sequence number), 0 when
// it is not one. VI and XI are left as words: names too (Vi, Xi).
int TrailingRomanNumeral(std::string_view word) {
  static constexpr std::string_view kNumerals[] = {
      "", "",    "ii",   "iii", "iv", "",    "",     "vii",   "viii", "ix", "",
      "", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix",  "xx"};
  for (size_t v = 0; v < std::size(kNumerals); ++v) {
    if (!kNumerals[v].empty() && kNumerals[v] == word) return static_cast<int>(v);
  }
  return 0;
}

// Reads a number written as words at `words[i]` ("forty four", "forty-four"
// split to two words, "first", "twenty first"); returns how many words it
// took (0 = none) and the value.
size_t ReadNumberWords(const std::vector<std::string>& words, size_t i, int& value) {
  int tens = IndexOf(kTens, words[i]);
  if (tens >= 2) {
    value = tens * 10;
    if (i + 1 < words.size()) {
      int unit = IndexOf(kUnits, words[i + 1]);
      if (unit < 0) unit = IndexOf(kOrdinalUnits, words[i + 1]);
      if (unit >= 1 && unit <= 9) {
        value += unit;
        return 2;
      }
    }
    return 1;
  }
  int ordinal_tens = IndexOf(kOrdinalTens, words[i]);
  if (ordinal_tens >= 2) {
    value = ordinal_tens * 10;
    return 1;
  }
  int unit = IndexOf(kUnits, words[i]);
  if (unit < 0) unit = IndexOf(kOrdinalUnits, words[i]);
  if (unit >= 0) {
    value = unit;
    return 1;
  }
  return 0;
}

// Damerau distance at most one (one letter changed, added, dropped, or two
// neighbours swapped).
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

// A word of a phrase as written, or, for words of five letters or more,
// with one typo (JONIT STOCK COMPANY).
bool PhraseWordMatches(const std::string& phrase_word, const std::string& word) {
  return phrase_word == word || (phrase_word.size() >= 5 && WithinOneEdit(phrase_word, word));
}

std::string_view TypoLegalWord(std::string_view word) {
  if (word.size() < 6) return {};
  for (std::string_view legal : kTypoTolerantLegalWords) {
    if (WithinOneEdit(word, legal)) return legal;
  }
  return {};
}

// The phrase table's first words of five letters or more, in the table's
// iteration order (views of its keys, which never change): PhraseKeyOf reads
// this array rather than hopping between hash nodes, and passes over the
// words more than one letter longer or shorter (never within one edit).
const std::vector<std::string_view>& LongFirstWords() {
  static const std::vector<std::string_view>* firsts = [] {
    auto* v = new std::vector<std::string_view>();
    for (const auto& [first, list] : Phrases()) {
      if (first.size() >= 5) v->push_back(first);
    }
    return v;
  }();
  return *firsts;
}

// The table key a phrase starting with `word` is filed under: the word, or
// the first word it misspells.
std::string PhraseKeyOf(const std::string& word) {
  const PhraseTable& phrases = Phrases();
  if (phrases.count(word) > 0 || word.size() < 5) return word;
  for (std::string_view first : LongFirstWords()) {
    if (first.size() + 1 < word.size() || first.size() > word.size() + 1) continue;
    if (WithinOneEdit(first, word)) return std::string(first);
  }
  return word;
}

}  // namespace

bool IsLegalFormWord(std::string_view word) { return LegalWords().count(std::string(word)) > 0; }

// Legal-form codes of three letters or more that are run into a name
// (OJSCORENBURGNEFT, VTB FACTORINGLTD) are split off it.
constexpr std::string_view kAffixCodes[] = {"ojsc", "cjsc", "pjsc", "jsc", "llc", "ltd",  "ooo",
                                            "oao",  "zao",  "gmbh", "plc", "inc", "corp", "llp"};
constexpr size_t kMinAffixRemainder = 4;

void SplitLegalAffixes(std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size() + 2);
  for (std::string& w : words) {
    bool split = false;
    // A misspelt legal-form word (CORPORATIPON) is not "corp" + "oratipon".
    if (!IsLegalFormWord(w) && TypoLegalWord(w).empty()) {
      for (std::string_view code : kAffixCodes) {
        if (w.size() < code.size() + kMinAffixRemainder) continue;
        if (w.compare(0, code.size(), code) == 0) {
          out.emplace_back(code);
          out.push_back(w.substr(code.size()));
          split = true;
        } else if (w.compare(w.size() - code.size(), code.size(), code) == 0) {
          out.push_back(w.substr(0, w.size() - code.size()));
          out.emplace_back(code);
          split = true;
        }
        if (split) break;
      }
    }
    if (!split) out.push_back(std::move(w));
  }
  words = std::move(out);
}

std::vector<PhraseWord> RewriteOrgPhrases(const std::vector<std::string>& input) {
  std::vector<std::string> words = input;
  SplitLegalAffixes(words);
  // Typos in written-out legal forms first, so phrases see the right word.
  for (std::string& w : words) {
    if (IsLegalFormWord(w)) continue;
    std::string_view legal = TypoLegalWord(w);
    if (!legal.empty()) w = std::string(legal);
  }
  std::vector<PhraseWord> out;
  const PhraseTable& phrases = Phrases();
  size_t i = 0;
  while (i < words.size()) {
    if (i == 0 && words.size() > 1 && IndexOf(kVesselPrefixes, words[0]) >= 0) {
      out.push_back({words[0], PhraseKind::kVesselPrefix});
      ++i;
      continue;
    }
    auto it = phrases.find(PhraseKeyOf(words[i]));
    bool replaced = false;
    if (it != phrases.end()) {
      for (const CompiledPhrase& p : it->second) {
        if (i + p.from.size() > words.size()) continue;
        if (!std::equal(p.from.begin(), p.from.end(), words.begin() + i, PhraseWordMatches))
          continue;
        for (const std::string& w : p.to) out.push_back({w, p.kind});
        i += p.from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    int value = 0;
    size_t used = ReadNumberWords(words, i, value);
    if (used > 0) {
      out.push_back({std::to_string(value), PhraseKind::kWord});
      i += used;
      continue;
    }
    if (i > 0 && i + 1 == words.size() && (value = TrailingRomanNumeral(words[i])) > 0) {
      out.push_back({std::to_string(value), PhraseKind::kWord});
      ++i;
      continue;
    }
    std::string w = words[i++];
    StripOrdinalSuffix(w);
    PhraseKind kind = IsLegalFormWord(w) ? PhraseKind::kLegalForm : PhraseKind::kWord;
    out.push_back({std::move(w), kind});
  }
  return out;
}

std::string TranslateBusinessWords(std::string_view utf8) {
  static const auto* table = new ScriptWordTable(kBusinessWords);
  return table->Replace(utf8);
}

}  // namespace embargo::text
