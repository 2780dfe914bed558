#include "text/name_analyzer.h"

#include <cctype>

#include "text/name_tables.h"
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

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == '\'' || c == '`') continue;  // Cho'ng-u'n, Sha'ban: apostrophes are not breaks
    if (IsAlnum(c)) {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// "s a" / "l l c" (from S.A., L.L.C.) -> one legal-form token.
std::vector<std::string> JoinLetterAbbreviations(std::vector<std::string> words) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t j = i;
    std::string letters;
    while (j < words.size() && words[j].size() == 1 &&
           std::isalpha(static_cast<unsigned char>(words[j][0]))) {
      letters += words[j];
      ++j;
    }
    if (j - i >= 2 && IsLegalFormAbbreviation(letters)) {
      out.push_back(letters);
      i = j;
      continue;
    }
    out.push_back(std::move(words[i]));
    ++i;
  }
  return out;
}

// Arabic compounds: "abd al X" -> "abdul X"; "abdulX" -> "abdul X";
// "X-uddin" / "Xeddine" -> "X uddin".
std::vector<std::string> NormalizeCompounds(std::vector<std::string> words) {
  static constexpr std::string_view kAbdPrefixes[] = {"abdul", "abdel",  "abdal",
                                                      "abdol", "abdoul", "abd"};
  static constexpr std::string_view kDinSuffixes[] = {"uddin", "eddine", "eddin",
                                                      "aldin", "uldin",  "addin"};
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    if ((w == "abd" || w == "abdu") && i + 1 < words.size() &&
        (words[i + 1] == "al" || words[i + 1] == "el" || words[i + 1] == "ul")) {
      out.push_back("abdul");
      ++i;
      continue;
    }
    if (w == "abdel" || w == "abdal" || w == "abdol" || w == "abdoul" || w == "abdu") {
      out.push_back("abdul");
      continue;
    }
    bool split = false;
    for (std::string_view prefix : kAbdPrefixes) {
      // Abdullah / Abdallah are names of their own, not abdul + lah.
      if (w.size() >= prefix.size() + 3 && w.compare(0, prefix.size(), prefix) == 0 &&
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

TokenRole RoleOf(const std::string& word, size_t index, size_t count, Schema schema) {
  if (AllDigits(word)) return TokenRole::kNumber;
  bool person = schema == Schema::kPerson;
  if (count > 1 && IsTitle(word) && (person || index == 0)) return TokenRole::kTitle;
  if (IsParticle(word)) return TokenRole::kParticle;
  if (!person && index > 0 && IsLegalForm(word)) return TokenRole::kLegalForm;
  if (count > 1 && IsConnector(word)) return TokenRole::kConnector;
  // Single letters are initials in people's names; in company or vessel
  // names ("SMT-K") they are ordinary parts that must match exactly.
  if (word.size() == 1 && (person || schema == Schema::kLegalEntity)) return TokenRole::kInitial;
  return TokenRole::kName;
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

Token MakeToken(std::string norm, TokenRole role) {
  Token token;
  token.fold = Fold(norm);
  std::string_view group = VariantGroup(norm);
  if (group.empty()) group = VariantGroupOfFold(token.fold);
  token.key = group.empty() ? VowelClassKey(token.fold) : "=" + std::string(group);
  token.norm = std::move(norm);
  token.role = role;
  return token;
}

AnalyzedName AnalyzeName(std::string_view name, Schema schema) {
  std::string latin = NormalizeArticles(ToLatinAscii(name));
  size_t comma = latin.find(',');
  size_t words_before_comma =
      comma == std::string::npos ? 0 : SplitWords(latin.substr(0, comma)).size();
  std::vector<std::string> words = NormalizeCompounds(JoinLetterAbbreviations(SplitWords(latin)));
  AnalyzedName analyzed;
  analyzed.tokens.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    TokenRole role = RoleOf(words[i], i, words.size(), schema);
    analyzed.tokens.push_back(MakeToken(std::move(words[i]), role));
  }
  // Compound normalisation may change the count; then fall back to the start.
  size_t from = words_before_comma < analyzed.tokens.size() ? words_before_comma : 0;
  for (size_t i = from; i < analyzed.tokens.size(); ++i) {
    if (analyzed.tokens[i].role == TokenRole::kName) {
      analyzed.head = static_cast<int>(i);
      break;
    }
  }
  return analyzed;
}

}  // namespace embargo::text
