#include "text/name_analyzer.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"
#include "text/chinese.h"
#include "text/given_names.h"
#include "text/kana.h"
#include "text/korean.h"
#include "text/name_remarks.h"
#include "text/name_tables.h"
#include "text/org_names.h"
#include "text/phonetic.h"
#include "text/transliterate.h"

namespace embargo::text {
namespace {

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Arabic article assimilated to a sun letter and written with a hyphen:
// "ar-rashid", "ash-shami", "el-" -> "al ".
std::string NormalizeArticles(const std::string& text) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ul", "ar", "as",  "ash",
                                                   "at", "az", "ad", "an", "adh", "ath"};
  std::string out;
  out.reserve(text.size() + 4);
  size_t i = 0;
  while (i < text.size()) {
    bool at_word_start = i == 0 || !IsAlnum(text[i - 1]);
    if (at_word_start) {
      bool replaced = false;
      for (std::string_view article : kArticles) {
        size_t n = article.size();
        if (text.compare(i, n, article) == 0 && i + n + 1 < text.size() && text[i + n] == '-' &&
            IsAlnum(text[i + n + 1])) {
          out += "al ";
          i += n + 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out.push_back(text[i++]);
  }
  return out;
}

// The first comma of "LAST, First" is kept as this word through the steps
// that follow, so the count of words before it survives joins and splits.
constexpr std::string_view kCommaMark = ",";

std::vector<std::string> SplitWords(const std::string& text, bool mark_comma) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (char c : text) {
    if (c == '\'' || c == '`') continue;  // Cho'ng-u'n, Sha'ban: apostrophes are not breaks
    if (IsAlnum(c)) {
      current.push_back(c);
      continue;
    }
    flush();
    if (c == '&') {
      words.emplace_back("and");
    } else if (c == ',' && mark_comma) {
      if (!words.empty()) words.emplace_back(kCommaMark);
      mark_comma = false;
    }
  }
  flush();
  if (!words.empty() && words.back() == kCommaMark) words.pop_back();
  return words;
}

// "FridrichBuchenberg" -> "Fridrich Buchenberg": a capital after three or
// more lowercase letters starts a new word (McDonald and DeVito stay whole).
std::string SplitCamelCase(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  size_t lower_run = 0;
  for (char c : text) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (upper && lower_run >= 3) out.push_back(' ');
    lower_run = lower ? lower_run + 1 : 0;
    out.push_back(c);
  }
  return out;
}

bool IsSingleLetter(const std::string& w) {
  return w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]));
}

// Runs of single letters: "s a" / "l l c" (from S.A., L.L.C.) become one
// legal-form token; in the names of firms, bodies and ships any run does
// ("A.B.C." -> "abc", "D.P.R.K." -> "dprk"), in people's names only legal
// forms (J. R. R. are initials).
std::vector<std::string> JoinLetterRuns(std::vector<std::string> words, bool person) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t j = i;
    std::string letters;
    while (j < words.size() && IsSingleLetter(words[j])) letters += words[j++];
    if (j - i >= 2 && (!person || IsLegalFormAbbreviation(letters))) {
      out.push_back(letters);
      i = j;
      continue;
    }
    out.push_back(std::move(words[i]));
    ++i;
  }
  return out;
}

// The consonants the Arabic article assimilates to, as romanised (ar-Rahman,
// as-Salam, an-Nur, az-Zahir, at-Tawwab, ad-Din).
bool IsSunLetter(char c) {
  return c == 'r' || c == 's' || c == 'n' || c == 'z' || c == 't' || c == 'd';
}

// "ur" of Abd ur-Rehman, "us" of Abd us-Salam, "er" of Abd er-Rahman (the
// Maghrebi French spelling), "ar" ...: the article before a name starting
// with the sun letter it is assimilated to.
bool IsAssimilatedArticle(std::string_view w) {
  return (w.size() == 2 && (w[0] == 'u' || w[0] == 'e' || w[0] == 'a') && IsSunLetter(w[1])) ||
         w == "ush" || w == "esh" || w == "ech";
}

// "abdur" (Abdur Rahman), "abder" (Abder Rahmane), "abdus", "abdes",
// "abdun", "abduz", "abdut", "abdud", "abdush": abd + the article
// assimilated to the next name's first letter.
bool IsAssimilatedAbd(std::string_view w) {
  return (w.size() == 5 && w.starts_with("abd") && (w[3] == 'u' || w[3] == 'e' || w[3] == 'a') &&
          IsSunLetter(w[4])) ||
         w == "abdush";
}

// Arabic compounds: "abd al X" -> "abdul X"; "abdulX" -> "abdul X";
// "X-uddin" / "Xeddine" -> "X uddin"; "X Allah" / "X Ullah" (نور الله,
// حمد الله) -> "Xullah", as the lists write these names whole (Nurullah,
// Hamdullah); "abd allah" (عبد الله) -> "abdallah".
std::vector<std::string> NormalizeCompounds(std::vector<std::string> words) {
  static constexpr std::string_view kAbdPrefixes[] = {"abdul", "abdel",  "abdal",
                                                      "abdol", "abdoul", "abd"};
  static constexpr std::string_view kDinSuffixes[] = {"uddin", "eddine", "eddin",
                                                      "aldin", "uldin",  "addin"};
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    if ((w == "abd" || w == "abdu") && i + 1 < words.size() &&
        (words[i + 1] == "al" || words[i + 1] == "el" || words[i + 1] == "ul" ||
         IsAssimilatedArticle(words[i + 1]))) {
      out.push_back("abdul");
      ++i;
      continue;
    }
    if (w == "abd" && i + 1 < words.size() && words[i + 1] == "allah") {
      out.push_back("abdallah");  // عبد الله, as Abdallah / Abdullah are written
      ++i;
      continue;
    }
    if (w == "abdel" || w == "abdal" || w == "abdol" || w == "abdoul" || w == "abdu" ||
        IsAssimilatedAbd(w)) {
      out.push_back("abdul");
      continue;
    }
    // The article assimilated to a sun letter, written whole (Abdurrahman,
    // Abdussalam, the Maghrebi Abderrahmane, Abdessamad: abd ar-Rahman), the Somali Abdi-
    // (Abdikadir, Abdirahman) and Abdu- before a consonant (Abdukadir): abdul + the name.
    if (w.size() >= 8 && w.starts_with("abd") && (w[3] == 'u' || w[3] == 'e' || w[3] == 'a') &&
        w[4] == w[5] && IsSunLetter(w[4])) {
      out.push_back("abdul");
      out.push_back(w.substr(5));
      continue;
    }
    if (w.size() >= 8 &&
        (w.starts_with("abdi") || (w.starts_with("abdu") && !IsVowel(w[4]) && w[4] != 'l'))) {
      out.push_back("abdul");
      out.push_back(w.substr(4));
      continue;
    }
    bool split = false;
    for (std::string_view prefix : kAbdPrefixes) {
      // Abdullah / Abdallah are names of their own, not abdul + lah. A
      // name read from Arabic script carries no short vowels: two
      // consonants after its article name it (عبدالحق abdalhq: Abdul Haq;
      // a Latin typo such as Abdql is not abd + ql).
      size_t rest = w.size() - std::min(w.size(), prefix.size());
      bool unvowelled =
          prefix == "abdal" && rest == 2 && std::none_of(w.end() - 2, w.end(), IsVowel);
      if ((rest >= 3 || unvowelled) && w.compare(0, prefix.size(), prefix) == 0 &&
          w[prefix.size()] != 'l' && !(prefix == "abd" && IsVowel(w[3]))) {
        out.push_back("abdul");
        out.push_back(w.substr(prefix.size()));
        split = true;
        break;
      }
    }
    if (split) continue;
    for (std::string_view suffix : kDinSuffixes) {
      if (w.size() >= suffix.size() + 3 &&
          w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
        out.push_back(w.substr(0, w.size() - suffix.size()));
        out.push_back("uddin");
        split = true;
        break;
      }
    }
    if (split) continue;
    if ((w == "allah" || w == "ullah") && !out.empty() && out.back().size() >= 3 &&
        !out.back().ends_with("allah") && !out.back().ends_with("ullah") &&
        !IsParticle(out.back())) {
      out.back() += "ullah";  // نور الله, Nur Allah: Nurullah
      continue;
    }
    if (w == "din" && !out.empty() &&
        (out.back() == "al" || out.back() == "ud" || out.back() == "ad")) {
      out.back() = "uddin";
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

TokenRole RoleOf(const PhraseWord& word, size_t index, size_t count, Schema schema) {
  const std::string& w = word.word;
  if (AllDigits(w)) return TokenRole::kNumber;
  bool person = schema == Schema::kPerson;
  if (word.kind == PhraseKind::kVesselPrefix &&
      (schema == Schema::kVessel || schema == Schema::kLegalEntity))
    return TokenRole::kTitle;
  // Rank and office words name people; at the start of a firm's name
  // ("General Electric") they are part of it.
  if (count > 1 && IsTitle(w) && (person || (index == 0 && !IsPersonOnlyTitle(w))))
    return TokenRole::kTitle;
  if (IsParticle(w)) return TokenRole::kParticle;
  if (word.kind == PhraseKind::kLegalForm) return TokenRole::kLegalForm;
  if (count > 1 && IsConnector(w)) return TokenRole::kConnector;
  // Single letters are initials in people's names; in company or vessel
  // names ("SMT-K") they are ordinary parts that must match exactly.
  if (w.size() == 1 && (person || schema == Schema::kLegalEntity)) return TokenRole::kInitial;
  return TokenRole::kName;
}

// "No." before a number in the name of a ship or firm (YU JONG NO.2, HANA
// HOLDINGS NO. 3) says only that a number follows: a connector, so that
// YU JONG 2 is the same name.
void MarkNumberSigns(const std::vector<PhraseWord>& phrases, Schema schema,
                     std::vector<TokenRole>& roles) {
  if (schema == Schema::kPerson) return;
  for (size_t i = 0; i + 1 < phrases.size(); ++i) {
    const std::string& w = phrases[i].word;
    if ((w == "no" || w == "nr" || w == "num") && roles[i] == TokenRole::kName &&
        roles[i + 1] == TokenRole::kNumber)
      roles[i] = TokenRole::kConnector;
  }
}

// Words and their phrase kinds; phrase rewriting is for the names of
// firms, bodies and ships (and of parties of unknown kind).
std::vector<PhraseWord> ReadPhrases(std::vector<std::string> words, Schema schema) {
  if (schema != Schema::kPerson) return RewriteOrgPhrases(words);
  std::vector<PhraseWord> out;
  out.reserve(words.size());
  for (std::string& w : words) out.push_back({std::move(w), PhraseKind::kWord});
  return out;
}

// A legal form only where something else names the firm: "Joint Stock
// Company" alone is a name.
void KeepSomeName(std::vector<TokenRole>& roles) {
  bool any_name = false;
  for (TokenRole r : roles) any_name |= r == TokenRole::kName || r == TokenRole::kNumber;
  if (any_name) return;
  for (TokenRole& r : roles) {
    if (r == TokenRole::kLegalForm) r = TokenRole::kName;
  }
}

// For each token, whether a hyphen joins it to the next one in `latin`
// (PRIDMORE-SMITH, Jong-un): such parts are one name.
std::vector<bool> HyphenLinks(const std::string& latin, const std::vector<Token>& tokens) {
  std::vector<bool> links(tokens.size(), false);
  size_t cursor = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t at = latin.find(tokens[i].norm, cursor);
    if (at == std::string::npos) break;
    cursor = at + tokens[i].norm.size();
    links[i] = cursor < latin.size() && latin[cursor] == '-' && i + 1 < tokens.size() &&
               latin.compare(cursor + 1, tokens[i + 1].norm.size(), tokens[i + 1].norm) == 0;
  }
  return links;
}

// Middle parts of a person's name (NamePosition): in "LAST, First Middle"
// the given names after the first; otherwise the names between the first
// and the last (a hyphenated name counts as one); patronymics wherever they
// stand. In an Arabic nasab chain the fathers' names stand in the middle.
void MarkMiddleParts(AnalyzedName& name, const std::vector<bool>& hyphen_links) {
  // Names: runs of name parts joined by hyphens.
  std::vector<std::vector<size_t>> names;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if (name.tokens[i].role != TokenRole::kName) continue;
    bool joined = i > 0 && hyphen_links[i - 1] && !names.empty() && names.back().back() == i - 1;
    if (joined) {
      names.back().push_back(i);
    } else {
      names.push_back({i});
    }
  }
  for (const auto& n : names) {
    for (size_t i : n) {
      if (IsPatronymic(name.tokens[i].norm)) name.tokens[i].position = NamePosition::kMiddle;
    }
  }
  if (names.size() < 3) return;
  auto mark = [&](const std::vector<size_t>& n) {
    for (size_t i : n) name.tokens[i].position = NamePosition::kMiddle;
  };
  if (name.before_comma > 0 && name.head >= 0) {
    for (const auto& n : names) {
      if (static_cast<int>(n.front()) > name.head) mark(n);
    }
    return;
  }
  for (size_t k = 1; k + 1 < names.size(); ++k) mark(names[k]);
}

bool HasNasab(const AnalyzedName& name) {
  return std::any_of(name.tokens.begin(), name.tokens.end(),
                     [](const Token& t) { return IsNasabLink(t.norm); });
}

enum class CjkScript { kNone, kHangul, kHan };

// The East Asian script a name is written in, if any: Hangul syllables
// (U+AC00..U+D7A3) or CJK ideographs (U+3400..U+9FFF).
CjkScript CjkScriptOf(std::string_view utf8) {
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xEA && c <= 0xED) return CjkScript::kHangul;
    if (c >= 0xE3 && c <= 0xE9) {
      unsigned code = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6);
      if (code >= 0x3400 && code <= 0x9FFF) return CjkScript::kHan;
    }
  }
  return CjkScript::kNone;
}

bool HasSpace(std::string_view utf8) { return utf8.find(' ') != std::string_view::npos; }

// A letter of the Arabic script (Arabic, Persian, Urdu, Pashto).
bool HasArabicLetter(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    Utf8Char c = DecodeUtf8(utf8, i);
    char32_t cp = c.code_point;
    if (c.length > 0 && ((cp >= 0x0620 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F)))
      return true;
    i += c.length > 0 ? c.length : 1;
  }
  return false;
}

// The middle dot of a transcribed foreign name (贝拉克·奥巴马): U+00B7.
bool HasForeignNameDot(std::string_view utf8) {
  return utf8.find("\xC2\xB7") != std::string_view::npos;
}

// Whether the name reads as Korean or Chinese (AnalyzedName::korean,
// ::syllabic); then a vowel written alone (O, Yong Ho; 이 -> "i") is a
// syllable, not an initial, and every syllable is a core part (a given
// name is two syllables).
void ReadSyllabic(AnalyzedName& name, CjkScript script) {
  // Written in Hangul or Han, every part is the reading of a character: 도
  // (to), 德 (de) are syllables, not the connector or particle those Latin
  // words would be.
  auto read_as_word = [&](TokenRole role) {
    return script != CjkScript::kNone &&
           (role == TokenRole::kConnector || role == TokenRole::kParticle);
  };
  std::vector<std::string_view> parts;
  int before_comma = 0;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    const Token& t = name.tokens[i];
    if (t.role == TokenRole::kTitle) continue;
    bool syllable = t.role == TokenRole::kName || read_as_word(t.role) ||
                    (t.role == TokenRole::kInitial && ParseKoreanSyllable(t.norm).valid());
    if (!syllable) return;
    if (static_cast<int>(i) < name.before_comma) ++before_comma;
    parts.push_back(t.norm);
  }
  size_t comma = static_cast<size_t>(before_comma);
  bool cjk_parts = parts.size() >= 2 && parts.size() <= 5;
  name.korean = script == CjkScript::kHangul ? cjk_parts
                : script == CjkScript::kNone ? LooksKorean(parts, comma)
                                             : false;
  name.syllabic = name.korean || (script == CjkScript::kHan    ? cjk_parts
                                  : script == CjkScript::kNone ? LooksChinese(parts, comma)
                                                               : false);
  if (!name.syllabic) return;
  for (Token& t : name.tokens) {
    if (t.role == TokenRole::kInitial || read_as_word(t.role)) t.role = TokenRole::kName;
    t.position = NamePosition::kCore;
  }
}

}  // namespace

std::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kName: return "name";
    case TokenRole::kParticle: return "particle";
    case TokenRole::kConnector: return "connector";
    case TokenRole::kLegalForm: return "legal_form";
    case TokenRole::kTitle: return "title";
    case TokenRole::kNumber: return "number";
    case TokenRole::kInitial: return "initial";
  }
  return "name";
}

std::string AnalyzedName::ToString() const {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out += t.norm;
  }
  return out;
}

namespace {

// The token's candidate key: its variant group, else its patronymic's, else
// the vowel-class key of its fold.
std::string KeyOf(std::string_view norm, const std::string& fold) {
  std::string_view group = VariantGroup(norm);
  if (group.empty()) group = VariantGroupOfFold(fold);
  std::string key = group.empty() ? PatronymicKey(norm) : "=" + std::string(group);
  if (key.empty()) key = VowelClassKey(fold);
  return key;
}

}  // namespace

Token MakeToken(std::string norm, TokenRole role) {
  Token token;
  token.fold = Fold(norm);
  token.key = KeyOf(norm, token.fold);
  token.norm = std::move(norm);
  token.role = role;
  return token;
}

void ReadAsAbjad(Token& token) {
  std::string fold = FoldAbjad(token.norm);
  if (fold != token.fold) {
    token.fold = std::move(fold);
    token.key = KeyOf(token.norm, token.fold);
  }
  MarkAbjad(token);
}

void MarkAbjad(Token& token) {
  token.abjad = true;
  token.vowelled = FoldAbjad(AbjadVowelled(token.norm));
}

AnalyzedName AnalyzeName(std::string_view name, Schema schema) {
  name = CutRemarkTail(name);
  bool person = schema == Schema::kPerson;
  std::string source = person ? TranslateTitles(name) : TranslateBusinessWords(name);
  std::string latin = NormalizeArticles(ToLatinAscii(SplitCamelCase(source)));
  std::vector<std::string> words =
      NormalizeCompounds(JoinLetterRuns(SplitWords(latin, /*mark_comma=*/true), person));
  int before_comma = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] != kCommaMark) continue;
    before_comma = static_cast<int>(i);
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  size_t word_count = words.size();
  std::vector<PhraseWord> phrases = ReadPhrases(std::move(words), schema);
  // Phrase rewriting may change the count; then the comma is forgotten.
  if (phrases.size() != word_count) before_comma = 0;
  std::vector<TokenRole> roles;
  roles.reserve(phrases.size());
  for (size_t i = 0; i < phrases.size(); ++i)
    roles.push_back(RoleOf(phrases[i], i, phrases.size(), schema));
  MarkNumberSigns(phrases, schema, roles);
  KeepSomeName(roles);
  AnalyzedName analyzed;
  analyzed.tokens.reserve(phrases.size());
  for (size_t i = 0; i < phrases.size(); ++i)
    analyzed.tokens.push_back(MakeToken(std::move(phrases[i].word), roles[i]));
  analyzed.before_comma = before_comma;
  for (size_t i = static_cast<size_t>(analyzed.before_comma); i < analyzed.tokens.size(); ++i) {
    if (analyzed.tokens[i].role == TokenRole::kName) {
      analyzed.head = static_cast<int>(i);
      break;
    }
  }
  if (analyzed.head < 0) {
    for (size_t i = 0; i < analyzed.tokens.size(); ++i) {
      if (analyzed.tokens[i].role == TokenRole::kName) {
        analyzed.head = static_cast<int>(i);
        break;
      }
    }
  }
  analyzed.nasab = HasNasab(analyzed);
  MarkMiddleParts(analyzed, HyphenLinks(latin, analyzed.tokens));
  CjkScript script = CjkScriptOf(name);
  bool transcribed = HasKana(name) || (script == CjkScript::kHan && HasForeignNameDot(name));
  if (HasArabicLetter(name)) {
    for (Token& t : analyzed.tokens) ReadAsAbjad(t);
  }
  if (transcribed) {
    for (Token& t : analyzed.tokens) t.transcribed = true;
    script = CjkScript::kNone;  // a foreign name, not one of Chinese syllables
  }
  analyzed.family_first = script != CjkScript::kNone && !HasSpace(name);
  ReadSyllabic(analyzed, script);
  return analyzed;
}

}  // namespace embargo::text
