#include "text/kana.h"

#include "common/utf8.h"

namespace embargo::text {
namespace {

constexpr char32_t kHiraganaFirst = 0x3041;
constexpr char32_t kHiraganaLast = 0x3096;
constexpr char32_t kKatakanaFirst = 0x30A1;
constexpr char32_t kKatakanaLast = 0x30FA;
constexpr char32_t kKatakanaOffset = 0x60;  // ァ - ぁ
constexpr char32_t kMiddleDot = 0x30FB;     // ・
constexpr char32_t kLongVowel = 0x30FC;     // ー
constexpr char32_t kDoubleHyphen = 0x30A0;  // ゠

// Romaji of hiragana U+3041..U+3096, in code point order. Small kana are
// written with a leading '_' (small vowel) or '~' (small ya/yu/yo), the
// small tsu as "*".
constexpr const char* kRomaji[] = {
    "_a", "a",  "_i",  "i",  "_u", "u",   "_e",  "e",   "_o",  "o",   "ka",  "ga", "ki", "gi", "ku",
    "gu", "ke", "ge",  "ko", "go", "sa",  "za",  "shi", "ji",  "su",  "zu",  "se", "ze", "so", "zo",
    "ta", "da", "chi", "ji", "*",  "tsu", "zu",  "te",  "de",  "to",  "do",  "na", "ni", "nu", "ne",
    "no", "ha", "ba",  "pa", "hi", "bi",  "pi",  "fu",  "bu",  "pu",  "he",  "be", "pe", "ho", "bo",
    "po", "ma", "mi",  "mu", "me", "mo",  "~ya", "ya",  "~yu", "yu",  "~yo", "yo", "ra", "ri", "ru",
    "re", "ro", "_wa", "wa", "wi", "we",  "wo",  "n",   "vu",  "_ka", "_ke"};

bool IsKana(char32_t c) {
  return (c >= kHiraganaFirst && c <= kHiraganaLast) ||
         (c >= kKatakanaFirst && c <= kKatakanaLast) || c == kMiddleDot || c == kLongVowel ||
         c == kDoubleHyphen;
}

std::string_view RomajiOf(char32_t c) {
  if (c >= kKatakanaFirst && c <= kKatakanaLast) {
    if (c > kHiraganaLast + kKatakanaOffset) {
      // ヷ ヸ ヹ ヺ: va vi ve vo.
      static constexpr const char* kV[] = {"va", "vi", "ve", "vo"};
      return kV[(c - 0x30F7) & 3];
    }
    c -= kKatakanaOffset;
  }
  size_t index = c - kHiraganaFirst;
  return index < std::size(kRomaji) ? kRomaji[index] : "";
}

bool IsVowelChar(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }

// Appends one kana's romaji to the word being written.
void AppendKana(std::string& word, std::string_view romaji, bool& double_next) {
  if (romaji == "*") {  // small tsu: the next consonant is doubled
    double_next = true;
    return;
  }
  if (!romaji.empty() && romaji[0] == '~') {  // small ya/yu/yo: kiゃ -> kya, shiゃ -> sha
    std::string_view y = romaji.substr(1);
    if (!word.empty() && word.back() == 'i') {
      word.pop_back();
      bool palatal = word.size() >= 2 && (word.ends_with("sh") || word.ends_with("ch"));
      if (palatal || (!word.empty() && word.back() == 'j')) y.remove_prefix(1);
    }
    word += y;
    return;
  }
  if (!romaji.empty() && romaji[0] == '_') {  // small vowel: fu+ァ -> fa, u+ィ -> wi
    std::string_view v = romaji.substr(1);
    if (!word.empty() && IsVowelChar(word.back())) {
      char last = word.back();
      word.pop_back();
      if (word.empty() ||
          std::string_view("bcdfghjklmnprstvwz").find(word.back()) == std::string_view::npos)
        word.push_back(last == 'u' ? 'w' : last == 'i' ? 'y' : last);
    }
    word += v;
    return;
  }
  if (double_next && !romaji.empty() && !IsVowelChar(romaji[0])) {
    word.push_back(romaji.substr(0, 2) == "ch" ? 't' : romaji[0]);
  }
  double_next = false;
  word += romaji;
}

}  // namespace

bool HasKana(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    Utf8Char c = DecodeUtf8(utf8, i);
    if (c.length == 0) {
      ++i;
      continue;
    }
    if (IsKana(c.code_point) && c.code_point != kMiddleDot) return true;
    i += c.length;
  }
  return false;
}

std::string RomanizeKana(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::string word;
  bool double_next = false;
  auto flush = [&] {
    out += word;
    word.clear();
    double_next = false;
  };
  for (size_t i = 0; i < utf8.size();) {
    Utf8Char c = DecodeUtf8(utf8, i);
    if (c.length == 0) {
      flush();
      out.push_back(utf8[i++]);
      continue;
    }
    i += c.length;
    if (!IsKana(c.code_point)) {
      flush();
      AppendUtf8(out, c.code_point);
      continue;
    }
    if (c.code_point == kMiddleDot || c.code_point == kDoubleHyphen) {
      flush();
      out.push_back(' ');
    } else if (c.code_point != kLongVowel) {
      AppendKana(word, RomajiOf(c.code_point), double_next);
    }
  }
  flush();
  return out;
}

}  // namespace embargo::text
