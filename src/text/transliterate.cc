#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace embargo::text {
namespace {

constexpr char32_t kHangulFirst = 0xAC00;
constexpr char32_t kHangulLast = 0xD7A3;

// Romanisation close to the DPRK/UN/OFAC usage (McCune-Reischauer without
// diacritics): initial ㅈ as "ch", ㅓ as "o", ㅡ as "u", initial ㄹ kept as "r".
constexpr const char* kInitials[19] = {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s",
                                       "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"};
constexpr const char* kVowels[21] = {"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
                                     "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
constexpr const char* kFinals[28] = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k",
                                     "m", "p", "l", "l", "p", "l", "m", "p", "p", "t",
                                     "t", "ng", "t", "t", "k", "t", "p", "t"};

// Decodes one code point; returns 0xFFFFFFFF and advances one byte on
// invalid input.
char32_t DecodeUtf8(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFFFFFF;
  }
  char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

std::unique_ptr<icu::Transliterator> CreateTransliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      "NFKC; Russian-Latin/BGN; Any-Latin; Latin-ASCII; [:^ASCII:] Remove; Lower",
      UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return t;
}

// The first createInstance of a compound ID costs ~20 ms, so build it once
// and clone it per thread.
icu::Transliterator* ThreadTransliterator() {
  static std::unique_ptr<icu::Transliterator> prototype = CreateTransliterator();
  thread_local std::unique_ptr<icu::Transliterator> local(prototype ? prototype->clone() : nullptr);
  return local.get();
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    if (DecodeUtf8(utf8, i) == 0xFFFFFFFF) return false;
  }
  return true;
}

std::string RomanizeHangul(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool previous_hangul = false;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(utf8, i);
    if (cp >= kHangulFirst && cp <= kHangulLast) {
      unsigned index = cp - kHangulFirst;
      if (previous_hangul) out.push_back(' ');
      out += kInitials[index / (21 * 28)];
      out += kVowels[(index / 28) % 21];
      out += kFinals[index % 28];
      previous_hangul = true;
      continue;
    }
    previous_hangul = false;
    if (cp != 0xFFFFFFFF) out.append(utf8.substr(start, i - start));
  }
  return out;
}

std::string ToLatinAscii(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return LowerAscii(utf8);

  std::string romanized = RomanizeHangul(utf8);  // also drops invalid bytes
  icu::Transliterator* t = ThreadTransliterator();
  if (t == nullptr) return LowerAscii(romanized);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(romanized);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace embargo::text
