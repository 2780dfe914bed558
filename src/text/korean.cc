#include "text/korean.h"

#include <fmt/format.h>

#include <array>
#include <functional>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/hash.h"

namespace embargo::text {
namespace {

// The longest romanised syllable read.
constexpr size_t kMaxSyllableLetters = 7;

struct Spelling {
  std::string_view latin;
  uint32_t set;
};

constexpr uint32_t Bits(std::initializer_list<int> indexes) {
  uint32_t bits = 0;
  for (int i : indexes) bits |= 1u << i;
  return bits;
}

// Initials, Unicode order: ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ㅁ6 ㅂ7 ㅃ8 ㅅ9 ㅆ10 ㅇ11 ㅈ12 ㅉ13
// ㅊ14 ㅋ15 ㅌ16 ㅍ17 ㅎ18. MR writes plain stops voiceless (k, t, p, ch) and
// RR voiced (g, d, b, j); both write the aspirates k, t, p, ch.
constexpr std::array kInitials = {
    Spelling{"", Bits({11})},           Spelling{"g", Bits({0, 1})},
    Spelling{"k", Bits({0, 1, 15})},    Spelling{"kk", Bits({1})},
    Spelling{"gg", Bits({1})},          Spelling{"kh", Bits({15})},
    Spelling{"n", Bits({2})},           Spelling{"d", Bits({3, 4})},
    Spelling{"t", Bits({3, 4, 16})},    Spelling{"tt", Bits({4})},
    Spelling{"dd", Bits({4})},          Spelling{"th", Bits({16})},
    Spelling{"r", Bits({5})},           Spelling{"l", Bits({5})},
    Spelling{"m", Bits({6})},           Spelling{"b", Bits({7, 8})},
    Spelling{"p", Bits({7, 8, 17})},    Spelling{"pp", Bits({8})},
    Spelling{"bb", Bits({8})},          Spelling{"ph", Bits({17})},
    Spelling{"s", Bits({9, 10})},       Spelling{"sh", Bits({9, 10})},
    Spelling{"ss", Bits({10})},         Spelling{"j", Bits({12, 13})},
    Spelling{"ch", Bits({12, 13, 14})}, Spelling{"jj", Bits({13})},
    Spelling{"tch", Bits({13})},        Spelling{"chh", Bits({14})},
    Spelling{"h", Bits({18})},
};

// Vowels: ㅏ0 ㅐ1 ㅑ2 ㅒ3 ㅓ4 ㅔ5 ㅕ6 ㅖ7 ㅗ8 ㅘ9 ㅙ10 ㅚ11 ㅛ12 ㅜ13 ㅝ14 ㅞ15
// ㅟ16 ㅠ17 ㅡ18 ㅢ19 ㅣ20. MR without its breves writes ㅓ and ㅗ both "o",
// ㅡ and ㅜ both "u"; passports write ㅓ "u"/"uh"/"ur" (Chul, Suh, Hur).
constexpr std::array kVowels = {
    Spelling{"a", Bits({0})},       Spelling{"ah", Bits({0})},
    Spelling{"ae", Bits({1})},      Spelling{"ai", Bits({1})},
    Spelling{"ya", Bits({2})},      Spelling{"yae", Bits({3})},
    Spelling{"o", Bits({8, 4})},    Spelling{"oh", Bits({8})},
    Spelling{"eo", Bits({4})},      Spelling{"u", Bits({13, 18, 4})},
    Spelling{"uh", Bits({4})},      Spelling{"ur", Bits({4})},
    Spelling{"oo", Bits({13})},     Spelling{"eu", Bits({18})},
    Spelling{"e", Bits({5, 1})},    Spelling{"ye", Bits({7})},
    Spelling{"yo", Bits({12, 6})},  Spelling{"yeo", Bits({6})},
    Spelling{"you", Bits({6, 17})}, Spelling{"yu", Bits({17, 6})},
    Spelling{"yoo", Bits({17})},    Spelling{"wa", Bits({9})},
    Spelling{"wae", Bits({10})},    Spelling{"oe", Bits({11})},
    Spelling{"oi", Bits({11})},     Spelling{"we", Bits({15, 11})},
    Spelling{"wo", Bits({14})},     Spelling{"weo", Bits({14})},
    Spelling{"woo", Bits({13})},    Spelling{"wu", Bits({13})},
    Spelling{"wi", Bits({16})},     Spelling{"wee", Bits({16})},
    Spelling{"ui", Bits({19, 16})}, Spelling{"eui", Bits({19})},
    Spelling{"i", Bits({20, 19})},  Spelling{"ee", Bits({20})},
    Spelling{"yi", Bits({20, 19})}, Spelling{"ie", Bits({20})},
};

// Finals by their sound (none, k, n, t, l, m, p, ng).
constexpr uint32_t kFinalK = Bits({1, 2, 3, 9, 24});
constexpr uint32_t kFinalN = Bits({4, 5, 6});
constexpr uint32_t kFinalT = Bits({7, 19, 20, 22, 23, 25, 27});
constexpr uint32_t kFinalL = Bits({8, 10, 11, 12, 13, 15});
constexpr uint32_t kFinalP = Bits({14, 17, 18, 26});
constexpr std::array kFinals = {
    Spelling{"", Bits({0})}, Spelling{"k", kFinalK},     Spelling{"g", kFinalK},
    Spelling{"n", kFinalN},  Spelling{"t", kFinalT},     Spelling{"l", kFinalL},
    Spelling{"r", kFinalL},  Spelling{"m", Bits({16})},  Spelling{"p", kFinalP},
    Spelling{"b", kFinalP},  Spelling{"ng", Bits({21})},
};

// Vowels before which the initial-sound rule drops ㄹ and ㄴ (리 -> 이).
constexpr uint32_t kIotatedVowels = Bits({2, 3, 6, 7, 12, 17, 20});
constexpr uint32_t kLiquidOrNasal = Bits({2, 5});  // ㄴ ㄹ
constexpr uint32_t kSilent = Bits({11});           // ㅇ

const std::unordered_set<std::string>& Surnames() {
  static const auto* set = new std::unordered_set<std::string>{
      "kim",     "gim",     "ri",     "lee",   "yi",    "i",      "rhee",  "rie",   "li",
      "pak",     "park",    "bak",    "bahk",  "choe",  "choi",   "choy",  "chwe",  "chong",
      "jong",    "jeong",   "jung",   "chung", "kang",  "gang",   "cho",   "jo",    "yun",
      "yoon",    "chang",   "jang",   "im",    "lim",   "rim",    "han",   "o",     "oh",
      "so",      "seo",     "suh",    "sin",   "shin",  "kwon",   "gwon",  "hwang", "an",
      "ahn",     "song",    "ryu",    "yu",    "yoo",   "chon",   "jon",   "jeon",  "chun",
      "hong",    "ko",      "koh",    "go",    "mun",   "moon",   "yang",  "ryang", "son",
      "sohn",    "pae",     "bae",    "paek",  "baek",  "paik",   "ho",    "heo",   "hur",
      "huh",     "no",      "noh",    "ro",    "roh",   "nam",    "sim",   "shim",  "ha",
      "kwak",    "gwak",    "sung",   "seong", "cha",   "chu",    "ju",    "joo",   "u",
      "woo",     "ku",      "gu",     "koo",   "min",   "na",     "ra",    "chin",  "jin",
      "chi",     "ji",      "om",     "eom",   "um",    "uhm",    "chae",  "won",   "cheon",
      "pang",    "bang",    "kong",   "gong",  "hyon",  "hyun",   "ham",   "pyon",  "byun",
      "byon",    "yom",     "yeom",   "yo",    "yeo",   "to",     "do",    "sok",   "seok",
      "suk",     "sol",     "seol",   "ma",    "kil",   "gil",    "yon",   "yeon",  "wi",
      "pyo",     "myong",   "myung",  "ki",    "gi",    "pan",    "ban",   "wang",  "kum",
      "keum",    "ok",      "yuk",    "in",    "maeng", "che",    "je",    "mo",    "tak",
      "kuk",     "kook",    "ye",     "kyong", "kyung", "pong",   "bong",  "sa",    "pu",
      "bu",      "tong",    "dong",   "ryom",  "kye",   "ryo",    "rah",   "nah",   "ryong",
      "sa",      "sun",     "sohn",   "chu",   "tae",   "thae",   "kyo",   "ro",    "ryun",
      "namgung", "hwangbo", "chegal", "jegal", "sonu",  "sunwoo", "tokko", "dokgo", "sagong"};
  return *set;
}

}  // namespace

KoreanSyllable ParseKoreanSyllable(std::string_view latin) {
  // Every spelling the tables make (initial, vowel, final), with all it may
  // stand for: built once, so that a token is read in one probe (tokens are
  // read for every pair of tokens compared).
  static const auto* syllables = [] {
    auto* table = new std::unordered_map<std::string, KoreanSyllable, StringHash, std::equal_to<>>;
    for (const Spelling& initial : kInitials) {
      for (const Spelling& vowel : kVowels) {
        for (const Spelling& final : kFinals) {
          std::string spelled = fmt::format("{}{}{}", initial.latin, vowel.latin, final.latin);
          if (spelled.empty() || spelled.size() > kMaxSyllableLetters) continue;
          KoreanSyllable& s = (*table)[spelled];
          s.initials |= initial.set;
          s.vowels |= vowel.set;
          s.finals |= final.set;
        }
      }
    }
    return table;
  }();
  auto it = syllables->find(latin);
  return it == syllables->end() ? KoreanSyllable{} : it->second;
}

KoreanSyllable HangulSyllable(char32_t c) {
  constexpr char32_t kFirst = 0xAC00, kLast = 0xD7A3;
  constexpr uint32_t kVowelCount = 21, kFinalCount = 28;
  if (c < kFirst || c > kLast) return {};
  uint32_t index = c - kFirst;
  return KoreanSyllable{1u << (index / (kVowelCount * kFinalCount)),
                        1u << (index % (kVowelCount * kFinalCount) / kFinalCount),
                        1u << (index % kFinalCount)};
}

bool SameKoreanSyllable(const KoreanSyllable& a, const KoreanSyllable& b) {
  uint32_t vowels = a.vowels & b.vowels;
  if (vowels == 0 || (a.finals & b.finals) == 0) return false;
  if ((a.initials & b.initials) != 0) return true;
  // The initial-sound rule: ㄹ is written ㄴ (로 / 노), and ㄹ or ㄴ
  // before i and y-vowels is dropped (리 / 이, 녀 / 여).
  bool a_liquid = (a.initials & kLiquidOrNasal) != 0, b_liquid = (b.initials & kLiquidOrNasal) != 0;
  if (a_liquid && b_liquid) return true;
  bool a_silent = (a.initials & kSilent) != 0, b_silent = (b.initials & kSilent) != 0;
  return ((a_liquid && b_silent) || (b_liquid && a_silent)) && (vowels & kIotatedVowels) != 0;
}

bool JoinedKoreanSyllables(std::string_view joined, const KoreanSyllable& first,
                           const KoreanSyllable& second) {
  for (size_t k = 1; k < joined.size(); ++k) {
    KoreanSyllable head = ParseKoreanSyllable(joined.substr(0, k));
    if (!head.valid() || !SameKoreanSyllable(head, first)) continue;
    KoreanSyllable tail = ParseKoreanSyllable(joined.substr(k));
    if (tail.valid() && SameKoreanSyllable(tail, second)) return true;
  }
  return false;
}

bool IsKoreanSurname(std::string_view latin) { return Surnames().count(std::string(latin)) > 0; }

bool LooksKorean(const std::vector<std::string_view>& tokens, size_t before_comma) {
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  for (std::string_view t : tokens) {
    if (!ParseKoreanSyllable(t).valid()) return false;
  }
  if (before_comma > 0 && before_comma < tokens.size()) return IsKoreanSurname(tokens[0]);
  return IsKoreanSurname(tokens.front()) || IsKoreanSurname(tokens.back());
}

}  // namespace embargo::text
