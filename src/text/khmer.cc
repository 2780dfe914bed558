#include "text/khmer.h"

#include "common/utf8.h"

namespace embargo::text {
namespace {

constexpr char32_t kConsonantFirst = 0x1780;  // ក
constexpr char32_t kConsonantLast = 0x17A2;   // អ
constexpr char32_t kIndependentFirst = 0x17A3;
constexpr char32_t kIndependentLast = 0x17B3;
constexpr char32_t kVowelFirst = 0x17B6;  // ា
constexpr char32_t kVowelLast = 0x17C5;   // ៅ
constexpr char32_t kNikahit = 0x17C6;     // ំ
constexpr char32_t kReahmuk = 0x17C7;     // ះ
constexpr char32_t kMusikatoan = 0x17C9;  // ៉
constexpr char32_t kCoeng = 0x17D2;       // ្

struct Consonant {
  const char* latin;
  bool second_series;  // inherent vowel "o" rather than "a"
};

// U+1780..U+17A2.
constexpr Consonant kConsonants[] = {
    {"k", false},   {"kh", false}, {"k", true},   {"kh", true},  {"ng", true},  {"ch", false},
    {"chh", false}, {"ch", true},  {"chh", true}, {"nh", true},  {"d", false},  {"th", false},
    {"d", true},    {"th", true},  {"n", false},  {"t", false},  {"th", false}, {"t", true},
    {"th", true},   {"n", true},   {"b", false},  {"ph", false}, {"p", true},   {"ph", true},
    {"m", true},    {"y", true},   {"r", true},   {"l", true},   {"v", true},   {"sh", false},
    {"s", false},   {"s", false},  {"h", false},  {"l", false},  {"", false}};

// U+17A3..U+17B3.
constexpr const char* kIndependent[] = {"a",   "aa",  "e",  "ei", "o",  "u",  "ou", "rue", "rue",
                                        "lue", "lue", "ae", "ai", "ao", "ao", "au", "ab"};

// U+17B6..U+17C5.
constexpr const char* kVowels[] = {"a",  "e",   "i",  "oe", "eu", "o",  "u",  "uo",
                                   "ae", "oea", "ie", "e",  "ae", "ai", "ao", "au"};

bool In(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

}  // namespace

std::string RomanizeKhmer(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool nucleus = false;  // the current syllable has its vowel
  for (size_t i = 0; i < utf8.size();) {
    Utf8Char c = DecodeUtf8(utf8, i);
    if (c.length == 0) {
      out.push_back(utf8[i++]);
      continue;
    }
    i += c.length;
    char32_t cp = c.code_point;
    if (In(cp, kConsonantFirst, kConsonantLast)) {
      const Consonant& k = kConsonants[cp - kConsonantFirst];
      std::string latin = k.latin;
      // Look past signs that shape this consonant: the musikatoan (ប -> p),
      // and a subscript consonant joined by coeng (a cluster: ស្រ -> sr).
      size_t j = i;
      while (j < utf8.size()) {
        Utf8Char next = DecodeUtf8(utf8, j);
        if (next.length == 0) break;
        if (next.code_point == kMusikatoan) {
          if (latin == "b") latin = "p";
          j += next.length;
        } else if (next.code_point == kCoeng && j + next.length < utf8.size()) {
          Utf8Char sub = DecodeUtf8(utf8, j + next.length);
          if (sub.length == 0 || !In(sub.code_point, kConsonantFirst, kConsonantLast)) break;
          latin += kConsonants[sub.code_point - kConsonantFirst].latin;
          j += next.length + sub.length;
        } else {
          break;
        }
      }
      i = j;
      bool vowel_follows = false;
      if (i < utf8.size()) {
        Utf8Char next = DecodeUtf8(utf8, i);
        vowel_follows = next.length > 0 && In(next.code_point, kVowelFirst, kVowelLast);
      }
      out += latin;
      if (vowel_follows) {
        nucleus = false;  // the vowel opens this consonant's syllable
      } else if (nucleus) {
        nucleus = false;  // a final consonant closes the syllable
      } else {
        out += k.second_series ? "o" : "a";  // inherent vowel
        nucleus = true;
      }
    } else if (In(cp, kVowelFirst, kVowelLast)) {
      out += kVowels[cp - kVowelFirst];
      nucleus = true;
    } else if (In(cp, kIndependentFirst, kIndependentLast)) {
      out += kIndependent[cp - kIndependentFirst];
      nucleus = true;
    } else if (cp == kNikahit) {
      out += "m";
    } else if (cp == kReahmuk) {
      out += "h";
    } else if (In(cp, 0x17C8, 0x17DD)) {
      // Other signs (bantoc, triisap, ...) change vowel length or tone only.
    } else {
      nucleus = false;
      AppendUtf8(out, cp);
    }
  }
  return out;
}

}  // namespace embargo::text
