#include "text/convention_readings.h"

#include <algorithm>
#include <unordered_set>

#include "common/utf8.h"
#include "text/hanja.h"
#include "text/korean_cyrillic.h"
#include "text/replace_letters.h"

namespace embargo::text {
namespace {

constexpr char32_t kTheh = 0x062B;  // ث
constexpr char32_t kThal = 0x0630;  // ذ
constexpr char32_t kDad = 0x0636;   // ض
constexpr char32_t kZah = 0x0638;   // ظ
constexpr char32_t kSeen = 0x0633;  // س
constexpr char32_t kZain = 0x0632;  // ز

void AddArabicReadings(std::string_view name, std::vector<std::string>& out) {
  std::string persian = ReplaceLetters(name, [](char32_t c, size_t) {
    if (c == kTheh) return kSeen;
    if (c == kThal || c == kDad) return kZain;
    return c;
  });
  if (!persian.empty()) out.push_back(std::move(persian));
  std::string dhahir =
      ReplaceLetters(name, [](char32_t c, size_t) { return c == kZah ? kThal : c; });
  if (!dhahir.empty()) out.push_back(std::move(dhahir));
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Given names as only Ukrainian or Belarusian romanisation spells them
// (Russian: Aleksandr, Nikolay, Sergey, Georgiy, Vladimir, Dmitriy...).
bool IsUkrainianOrBelarusianGivenName(std::string_view word) {
  static const std::unordered_set<std::string_view> kNames = {
      "oleksandr",  "olexandr",   "oleksiy",     "oleksii",   "mykola",    "mykhailo",
      "mykhaylo",   "serhiy",     "serhii",      "volodymyr", "dmytro",    "andriy",
      "andrii",     "ihor",       "oleh",        "olha",      "hryhoriy",  "hryhorii",
      "heorhiy",    "heorhii",    "yevhen",      "vasyl",     "petro",     "pavlo",
      "iryna",      "olena",      "tetiana",     "tetyana",   "halyna",    "hennadiy",
      "hennadii",   "kostiantyn", "kostyantyn",  "liudmyla",  "svitlana",  "bohdan",
      "maksym",     "vadym",      "mykyta",      "kyrylo",    "yakiv",     "hlib",
      "uladzimir",  "aliaksandr", "alyaksandr",  "siarhei",   "dzmitry",   "yauhen",
      "mikalai",    "aliaksei",   "viktar",      "ihar",      "leanid",    "aleh",
      "pyatro",     "henadz",     "kanstantsin", "tatsiana",  "sviatlana", "katsiaryna",
      "uladzislau", "viachaslau"};
  return kNames.contains(word);
}

// Patronymic endings only Ukrainian and Belarusian romanisation write.
bool HasUkrainianOrBelarusianPatronymic(std::string_view word) {
  for (std::string_view ending : {"ovych", "evych", "ivna", "avich", "auna"}) {
    if (word.size() >= ending.size() + 3 && word.ends_with(ending)) return true;
  }
  return false;
}

// One word as Russian romanisation writes it: h (Г) is g where it is no
// part of kh, zh, sh, ch, th or gh; ie (Є within a word) is e; a final
// -au or -ou (Belarusian ў) is -ov. Letter case is kept.
std::string RussianSpelling(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char prev = i > 0 ? Lower(word[i - 1]) : '\0';
    if (Lower(c) == 'h' && std::string_view("kzsctg").find(prev) == std::string_view::npos) {
      out.push_back(c == 'H' ? 'G' : 'g');
      continue;
    }
    if (Lower(c) == 'i' && i > 0 && i + 1 < word.size() && Lower(word[i + 1]) == 'e') {
      continue;  // the e that follows is written
    }
    out.push_back(c);
  }
  if (out.size() >= 5) {
    const char a = Lower(out[out.size() - 2]), b = Lower(out.back());
    if ((a == 'a' || a == 'o') && b == 'u') {
      const bool upper = out.back() == 'U';
      out[out.size() - 2] = upper ? 'O' : 'o';
      out.back() = upper ? 'V' : 'v';
    }
  }
  return out;
}

// Given names as only Somali orthography spells them (x for the Arabic ḥ, c
// for ain, doubled long vowels): Maxamed is Mohamed, Cabdi Abdi, Xasan Hasan.
bool IsSomaliGivenName(std::string_view word) {
  static const std::unordered_set<std::string_view> kNames = {
      "maxamed",    "maxammed",    "maxamuud",     "axmed",       "xasan",        "xassan",
      "xassaan",    "xuseen",      "xusseen",      "xirsi",       "xaaji",        "xaashi",
      "xamza",      "xaliimo",     "xawo",         "cabdi",       "cabdulle",     "cabdullaahi",
      "cabdilaahi", "cabdullahi",  "cabdiraxmaan", "cabdiqaadir", "cabdulqaadir", "cabdirisaaq",
      "cabdiwali",  "cabdisalaan", "cumar",        "cismaan",     "cusman",       "ciise",
      "cawil",      "caasha",      "yuusuf",       "faarax",      "ibraahim",     "ismaaciil"};
  return kNames.contains(word);
}

// One word as English spellings of Somali names write it: x is h, c
// (ain) at the start or after a vowel is left out, a doubled vowel is
// one (CABDULLAAHI as ABDULLAHI, XUSEEN as HUSEN, CUMAR as UMAR). Letter
// case is kept.
std::string EnglishSpellingOfSomali(std::string_view word) {
  auto vowel = [](char c) {
    return std::string_view("aeiou").find(Lower(c)) != std::string_view::npos;
  };
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char next = i + 1 < word.size() ? word[i + 1] : '\0';
    if (Lower(c) == 'x') {
      out.push_back(c == 'X' ? 'H' : 'h');
    } else if (Lower(c) == 'c' && vowel(next) && (i == 0 || vowel(word[i - 1]))) {
      if (c == 'C' && i == 0) {  // the vowel takes the capital
        out.push_back(Lower(next) == next ? static_cast<char>(next - 'a' + 'A') : next);
        ++i;
      }
      continue;
    } else if (vowel(c) && !out.empty() && Lower(out.back()) == Lower(c)) {
      continue;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// `name` with each Latin word spelled by `spell`, when one of its words
// (lowercase) is `marked` as written in that convention; else nothing.
template <typename Marked, typename Spell>
void AddWordReading(std::string_view name, Marked marked, Spell spell,
                    std::vector<std::string>& out) {
  std::string reading;
  bool any_marked = false;
  for (size_t i = 0; i < name.size();) {
    if (!IsLetter(name[i])) {
      reading.push_back(name[i++]);
      continue;
    }
    size_t end = i;
    while (end < name.size() && IsLetter(name[end])) ++end;
    std::string_view word = name.substr(i, end - i);
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), Lower);
    any_marked = any_marked || marked(lower);
    reading += spell(word);
    i = end;
  }
  if (any_marked && reading != name) out.push_back(std::move(reading));
}

}  // namespace

std::vector<std::string> ConventionReadings(std::string_view name) {
  std::vector<std::string> out;
  AddArabicReadings(name, out);
  // A Ukrainian or Belarusian name as Russian romanisation writes it; a
  // Somali one as English spellings do (XASAN / HASSAN).
  if (out.empty()) {
    AddWordReading(
        name,
        [](const std::string& w) {
          return IsUkrainianOrBelarusianGivenName(w) || HasUkrainianOrBelarusianPatronymic(w);
        },
        RussianSpelling, out);
  }
  if (out.empty()) AddWordReading(name, IsSomaliGivenName, EnglishSpellingOfSomali, out);
  if (out.empty()) {
    for (std::string korean : {KoreanReadingOfHanja(name), KoreanReadingOfCyrillic(name)}) {
      if (!korean.empty()) out.push_back(std::move(korean));
    }
  }
  return out;
}

}  // namespace embargo::text
