#include "text/chinese.h"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <unordered_set>

#include "common/hash.h"

namespace embargo::text {
namespace {

// Pinyin and Wade-Giles initials (WG aspiration apostrophes are removed by
// the analyser, so ch' is ch), longest first where one is a prefix.
constexpr std::string_view kInitials[] = {"zh", "ch", "sh", "hs", "ts", "tz", "ss", "sz", "b", "p",
                                          "m",  "f",  "d",  "t",  "n",  "l",  "g",  "k",  "h", "j",
                                          "q",  "x",  "r",  "z",  "c",  "s",  "y",  "w",  ""};

constexpr std::string_view kFinals[] = {
    "a",    "o",    "e",    "i",   "u",   "v",    "ai",   "ei",  "ui",  "ao",  "ou",
    "iu",   "ie",   "ue",   "ve",  "er",  "an",   "en",   "in",  "un",  "ang", "eng",
    "ing",  "ong",  "ia",   "iao", "ian", "iang", "iong", "ua",  "uo",  "uai", "uan",
    "uang", "ueng", "ih",   "ieh", "ien", "ung",  "iung", "uei", "ueh", "uen", "erh",
    "eh",   "yu",   "yung", "uan", "ui",  "io",   "iao",  "ou",  "uh"};

// Cantonese and other common spellings that are not Pinyin or Wade-Giles.
const std::unordered_set<std::string, StringHash, std::equal_to<>>& OtherSpellings() {
  static const auto* set = new std::unordered_set<std::string, StringHash, std::equal_to<>>{
      "ng",   "cheung", "leung", "yeung", "wong", "chan",  "lau",   "lam",  "tsang", "chow",
      "chiu", "kwok",   "lee",   "mak",   "yip",  "tse",   "siu",   "choi", "tam",   "fung",
      "kwan", "lai",    "poon",  "yau",   "yuen", "mok",   "wai",   "kam",  "kwong", "tsui",
      "hui",  "chau",   "chong", "foo",   "teo",  "tan",   "goh",   "ong",  "ooi",   "koh",
      "khoo", "seah",   "sim",   "chee",  "yee",  "keung", "shing", "ming", "wing",  "hoi",
      "kit",  "man",    "fai",   "tak",   "yan",  "chun",  "kin",   "kei",  "sze",   "tsz"};
  return *set;
}

const std::unordered_set<std::string>& Surnames() {
  static const auto* set = new std::unordered_set<std::string>{
      "wang",   "li",    "lee",   "zhang",  "chang", "cheung", "liu",   "lau",  "chen",  "chan",
      "yang",   "yeung", "huang", "wong",   "hwang", "zhao",   "chao",  "chiu", "wu",    "ng",
      "zhou",   "chow",  "chou",  "xu",     "hsu",   "tsui",   "sun",   "ma",   "zhu",   "chu",
      "hu",     "guo",   "kuo",   "kwok",   "he",    "ho",     "lin",   "lam",  "gao",   "kao",
      "luo",    "lo",    "law",   "zheng",  "cheng", "liang",  "leung", "xie",  "hsieh", "tse",
      "song",   "sung",  "tang",  "tong",   "han",   "feng",   "fung",  "deng", "teng",  "cao",
      "tsao",   "peng",  "pang",  "zeng",   "tseng", "xiao",   "hsiao", "siu",  "tian",  "tien",
      "dong",   "tung",  "pan",   "poon",   "yuan",  "yuen",   "cai",   "tsai", "choi",  "jiang",
      "chiang", "yu",    "du",    "tu",     "ye",    "yeh",    "yip",   "wei",  "su",    "lu",
      "ding",   "ting",  "ren",   "jen",    "yan",   "yen",    "shen",  "fu",   "fan",   "qian",
      "chien",  "dai",   "tai",   "xia",    "hsia",  "zhong",  "chung", "wan",  "kong",  "bao",
      "pao",    "mao",   "qin",   "chin",   "jin",   "kim",    "lai",   "mak",  "mo",    "mok",
      "meng",   "qiu",   "xiong", "hsiung", "bai",   "pai",    "yao",   "shi",  "shih",  "fang",
      "jia",    "chia",  "xue",   "hsueh",  "lei",   "tao",    "wen",   "yin",  "yip",   "tan",
      "lim",    "goh",   "ong",   "koh",    "teo",   "chong",  "gu",    "ku",   "yue",   "an"};
  return *set;
}

bool ParsesAsSyllable(std::string_view s) {
  // Every initial and final spelled together, built once: a token is read
  // in one probe (tokens are read for every pair of tokens compared).
  static const auto* syllables = [] {
    auto* set = new std::unordered_set<std::string, StringHash, std::equal_to<>>;
    for (std::string_view initial : kInitials) {
      for (std::string_view final : kFinals) set->insert(fmt::format("{}{}", initial, final));
    }
    return set;
  }();
  return syllables->find(s) != syllables->end();
}

// A given name of two syllables written as one word (Jinping, Zedong).
bool ParsesAsTwoSyllables(std::string_view s) {
  for (size_t k = 1; k < s.size(); ++k) {
    if (ParsesAsSyllable(s.substr(0, k)) && ParsesAsSyllable(s.substr(k))) return true;
  }
  return false;
}

}  // namespace

bool IsChineseSyllable(std::string_view latin) {
  if (latin.empty() || latin.size() > 6) return false;
  return ParsesAsSyllable(latin) || OtherSpellings().find(latin) != OtherSpellings().end();
}

bool IsChineseSurname(std::string_view latin) { return Surnames().count(std::string(latin)) > 0; }

bool LooksChinese(const std::vector<std::string_view>& tokens, size_t before_comma) {
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  for (std::string_view t : tokens) {
    if (!IsChineseSyllable(t) && !(t.size() <= 12 && ParsesAsTwoSyllables(t))) return false;
  }
  if (before_comma > 0 && before_comma < tokens.size()) return IsChineseSurname(tokens[0]);
  return IsChineseSurname(tokens.front()) || IsChineseSurname(tokens.back());
}

}  // namespace embargo::text
