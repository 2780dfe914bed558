#include "text/transliterate.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "common/utf8.h"
#include "text/kana.h"
#include "text/khmer.h"

namespace embargo::text {
namespace {

constexpr char32_t kHangulFirst = 0xAC00;
constexpr char32_t kHangulLast = 0xD7A3;

// Romanisation close to the DPRK/UN/OFAC usage (McCune-Reischauer without
// diacritics): initial ㅈ as "ch", ㅓ as "o", ㅡ as "u", initial ㄹ kept as "r".
constexpr const char* kInitials[19] = {"k",  "kk", "n",  "t",   "tt", "r", "m", "p", "pp", "s",
                                       "ss", "",   "ch", "tch", "ch", "k", "t", "p", "h"};
constexpr const char* kVowels[21] = {"a",  "ae", "ya", "yae", "o",  "e",  "yo",
                                     "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                     "wo", "we", "wi", "yu",  "u",  "ui", "i"};
constexpr const char* kFinals[28] = {"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                     "m", "p",  "l", "l", "p", "l", "m", "p", "p", "t",
                                     "t", "ng", "t", "t", "k", "t", "p", "t"};

// Decodes one code point (common/utf8.h); returns 0xFFFFFFFF and advances
// one byte on ill-formed input.
char32_t DecodeUtf8(std::string_view s, size_t& i) {
  Utf8Char c = ::embargo::DecodeUtf8(s, i);
  if (c.length == 0) {
    ++i;
    return 0xFFFFFFFF;
  }
  i += c.length;
  return c.code_point;
}

// Transliterators are costly to create (~20 ms for a compound ID: the
// rules are parsed) and not thread-safe. One is created per ID for the
// process and each thread uses its own clone of it, made on first use (a
// thread that starts late, such as an index build's worker, does not parse
// the rules again).
icu::Transliterator* ThreadTransliterator(const std::string& id) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second.get();
  static std::mutex mutex;  // guards prototypes
  static std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> prototypes;
  std::unique_ptr<icu::Transliterator> t;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto [proto, inserted] = prototypes.try_emplace(id);
    if (inserted) {
      UErrorCode status = U_ZERO_ERROR;
      proto->second.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id),
                                                              UTRANS_FORWARD, status));
      if (U_FAILURE(status)) proto->second.reset();
    }
    if (proto->second != nullptr) t.reset(proto->second->clone());
  }
  return cache.emplace(id, std::move(t)).first->second.get();
}

std::string Transliterate(const std::string& id, std::string_view utf8) {
  icu::Transliterator* t = ThreadTransliterator(id);
  if (t == nullptr) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Han characters are read one at a time (as ICU's Han-Latin does), so their
// readings are cached per character, for the process: ICU's Han table is
// slow (~40 us a name). The lock is held only to find or add an entry.
std::string HanReading(char32_t cp) {
  static std::shared_mutex mutex;  // guards cache
  static std::unordered_map<char32_t, std::string> cache;
  {
    std::shared_lock<std::shared_mutex> lock(mutex);
    auto it = cache.find(cp);
    if (it != cache.end()) return it->second;
  }
  icu::UnicodeString u(static_cast<UChar32>(cp));
  std::string utf8;
  u.toUTF8String(utf8);
  std::string reading = Transliterate("Han-Latin; Latin-ASCII", utf8);
  std::unique_lock<std::shared_mutex> lock(mutex);
  return cache.emplace(cp, std::move(reading)).first->second;
}

enum class RunKind { kLatin, kHan, kOther };

struct Run {
  RunKind kind;
  UScriptCode script;
  std::string text;
};

// Splits text into runs of one script; spaces, punctuation and combining
// marks (Common/Inherited) stay with the run they are in.
std::vector<Run> ScriptRuns(std::string_view utf8) {
  std::vector<Run> runs;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(utf8, i);
    if (cp == 0xFFFFFFFF) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script =
        cp < 0x80 ? USCRIPT_LATIN : uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_FAILURE(status)) script = USCRIPT_UNKNOWN;
    bool neutral =
        script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN;
    RunKind kind = script == USCRIPT_LATIN ? RunKind::kLatin
                   : script == USCRIPT_HAN ? RunKind::kHan
                                           : RunKind::kOther;
    if (runs.empty() || (!neutral && (runs.back().kind != kind || runs.back().script != script))) {
      if (neutral && runs.empty()) {
        kind = RunKind::kLatin;
        script = USCRIPT_LATIN;
      }
      runs.push_back(Run{kind, script, ""});
    }
    runs.back().text.append(utf8.substr(start, i - start));
  }
  return runs;
}

// The dots that separate the parts of a foreign name written in Han or
// kana (贝拉克·奥巴马): U+00B7, U+2022, U+2027, U+30FB.
bool IsNameDot(char32_t c) { return c == 0xB7 || c == 0x2022 || c == 0x2027 || c == 0x30FB; }

bool HasNameDot(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = DecodeUtf8(utf8, i);
    if (IsNameDot(cp)) return true;
  }
  return false;
}

// A foreign name transcribed into Han characters: each dot-separated part is
// one word of syllables run together ("beilake aobama"), compared by its
// consonants (TranscriptionKey in phonetic.h).
std::string TranscribedHan(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(utf8, i);
    UErrorCode status = U_ZERO_ERROR;
    if (IsNameDot(cp)) {
      out += ' ';
    } else if (cp != 0xFFFFFFFF &&
               uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN) {
      for (char ch : HanReading(cp)) {
        if (ch != ' ') out.push_back(ch);
      }
    } else {
      out.append(utf8, start, i - start);
    }
  }
  return out;
}

std::string TransliterateRun(const Run& run) {
  switch (run.kind) {
    case RunKind::kLatin: return Transliterate("Latin-ASCII", run.text);
    case RunKind::kHan: {
      if (HasNameDot(run.text)) return TranscribedHan(run.text);
      std::string out;
      for (size_t i = 0; i < run.text.size();) {
        size_t start = i;
        char32_t cp = DecodeUtf8(run.text, i);
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN) {
          out += ' ';
          out += HanReading(cp);
          out += ' ';
        } else {
          out.append(run.text, start, i - start);
        }
      }
      return out;
    }
    case RunKind::kOther: {
      // Cyrillic names read best with BGN/PCGN (Shchukin, not Sukin).
      std::string id = run.script == USCRIPT_CYRILLIC
                           ? "Russian-Latin/BGN; Any-Latin; Latin-ASCII"
                           : std::string(uscript_getName(run.script)) + "-Latin; Latin-ASCII";
      if (ThreadTransliterator(id) == nullptr) id = "Any-Latin; Latin-ASCII";
      return Transliterate(id, run.text);
    }
  }
  return run.text;
}

std::string LowerAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

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

namespace {

// Persian, Urdu and Pashto letters and the Arabic letters their
// romanisations write for them.
struct LetterReading {
  char32_t letter, arabic;
};
constexpr LetterReading kArabicReadings[] = {
    {0x06BE, 0x0647},  // ھ heh doachashmee (Urdu) -> ه
    {0x06C1, 0x0647},  // ہ heh goal (Urdu) -> ه
    {0x06C0, 0x0647},  // ۀ heh with yeh -> ه
    {0x06CC, 0x064A},  // ی Farsi yeh -> ي
    {0x06D0, 0x064A},  // ې Pashto e -> ي
    {0x06CD, 0x064A},  // ۍ yeh with tail -> ي
    {0x06D2, 0x064A},  // ے yeh barree (Urdu) -> ي
    {0x06A9, 0x0643},  // ک keheh -> ك
    {0x06AB, 0x06AF},  // ګ Pashto gaf -> گ
    {0x0681, 0x0632},  // ځ Pashto dze (ZADRAN) -> ز
    {0x0685, 0x0633},  // څ Pashto tse -> س
    {0x067C, 0x062A},  // ټ Pashto tteh -> ت
    {0x0679, 0x062A},  // ٹ Urdu tteh -> ت
    {0x0689, 0x062F},  // ډ Pashto ddal -> د
    {0x0688, 0x062F},  // ڈ Urdu ddal -> د
    {0x0693, 0x0631},  // ړ Pashto rreh -> ر
    {0x0691, 0x0631},  // ڑ Urdu rreh -> ر
    {0x0696, 0x0698},  // ږ Pashto zhe -> ژ
    {0x069A, 0x0634},  // ښ Pashto sheen -> ش
    {0x06BC, 0x0646},  // ڼ Pashto noon -> ن
    {0x06BA, 0x0646},  // ں noon ghunna (Urdu) -> ن
};

char32_t ArabicLetterOf(char32_t c) {
  if (c < 0x0679 || c > 0x06D2) return c;
  for (const LetterReading& r : kArabicReadings) {
    if (r.letter == c) return r.arabic;
  }
  return c;
}

// Arabic and Persian consonants whose romanisation ends in a letter that
// forms a digraph with a following h: k, s, t, d (and their emphatic
// forms), p (ph), g (gh). Not z: Latin spellings write ز + ه as zh as often
// as not (AZHAR, MAZHARI; ZAHRANI), and the spelling fold reads both alike.
bool FormsDigraphWithH(char32_t c) {
  switch (c) {
    case 0x0643:  // ك k
    case 0x0633:  // س s
    case 0x062A:  // ت t
    case 0x062F:  // د d
    case 0x0637:  // ط t
    case 0x0635:  // ص s
    case 0x0636:  // ض d
    case 0x067E:  // پ p
    case 0x06AF:  // گ g
      return true;
    default: return false;
  }
}

// The first names of Arabic compounds that a second name joins through the
// article (عبد الرحمن, نور الدين, صلاح الدين, ابو الحسن, سيف الاسلام ...),
// as the script writes them; hamza on alef is read as alef.
bool IsCompoundFirstName(std::u32string_view letters) {
  static constexpr std::u32string_view kFirstNames[] = {
      U"عبد",  U"ابو",  U"نور",  U"سيف",  U"صلاح",  U"جمال", U"كمال", U"شمس",  U"عز",
      U"عماد", U"سعد",  U"بدر",  U"زين",  U"نصر",   U"فخر",  U"ضياء", U"علاء", U"حسام",
      U"بهاء", U"تاج",  U"شهاب", U"شرف",  U"محي",   U"محيي", U"قمر",  U"نجم",  U"خير",
      U"فضل",  U"سراج", U"نظام", U"جلال", U"برهان", U"غياث", U"مجد",  U"ركن",  U"عصام"};
  for (std::u32string_view name : kFirstNames) {
    if (name.size() != letters.size()) continue;
    bool same = true;
    for (size_t k = 0; k < name.size() && same; ++k) {
      char32_t c = letters[k];
      if (c == 0x0623 || c == 0x0625 || c == 0x0622) c = 0x0627;  // أ إ آ
      same = c == name[k];
    }
    if (same) return true;
  }
  return false;
}

// Arabic script before it is romanised, read as Latin spellings of names
// read it: the article written joined to its word (الزيدي) becomes a word
// of its own (AL-ZAIDI); an ain, which romanisation drops, becomes an alef
// so that the word keeps its vowel (عبدالله: abdallh, not bdallh; العوادي:
// al awady, AL-AOUADI; معمر: mamr, MUAMMAR); a word-final ta marbuta is the vowel a (سميرة
// SAMIRA, not smyrt; a final alef maqsura stays y: writers swap it with ya,
// على for علي); the word الله is ALLAH, not the article and "lh". Letters
// of Persian, Urdu and Pashto that the romaniser drops or reads apart (ھ
// in الطاھر, ی, ک, ځ in ځدران ZADRAN, ټ, ړ, ښ ...) are read as the Arabic
// letters their romanisations write; the tatweel (a stretch, not a letter)
// is dropped; the word آل (the family of) is aal.
// Words of Arabic script (as ArabicLetterOf reads their letters) that the
// lists write in Latin as a title or a nasab particle: ولد, son of, in
// Mauritanian names (HAMADA OULD MOHAMED); ملا mullah, شيخ sheikh, حاج and
// حاجي haji (titles, which weigh nothing).
struct ArabicWord {
  std::u32string_view letters;
  std::string_view latin;
};
constexpr ArabicWord kArabicWords[] = {
    {U"\u0648\u0644\u062F", "ould"},        // ولد
    {U"\u0645\u0644\u0627", "mullah"},      // ملا
    {U"\u0634\u064A\u062E", "sheikh"},      // شيخ
    {U"\u062D\u0627\u062C", "haji"},        // حاج
    {U"\u062D\u0627\u062C\u064A", "haji"},  // حاجي (ی read as ي)
};

// The Latin word for the Arabic word starting at chars[i], when the whole
// word is one of kArabicWords; "" otherwise.
template <typename IsLetter>
std::string_view WordAsListsWriteIt(const std::vector<char32_t>& chars, size_t i,
                                    IsLetter is_arabic_letter) {
  size_t end = i;
  while (end < chars.size() && is_arabic_letter(chars[end])) ++end;
  std::u32string_view word(chars.data() + i, end - i);
  for (const ArabicWord& w : kArabicWords) {
    if (word == w.letters) return w.latin;
  }
  return "";
}

std::string PrepareArabicNames(const std::string& text) {
  constexpr char32_t kAlef = 0x0627, kLam = 0x0644, kAin = 0x0639, kHeh = 0x0647,
                     kTehMarbuta = 0x0629, kTatweel = 0x0640, kBeh = 0x0628, kNoon = 0x0646,
                     kAlefMadda = 0x0622, kWaw = 0x0648, kYeh = 0x064A;
  auto is_arabic_letter = [](char32_t c) { return c >= 0x0620 && c <= 0x06FF; };
  std::vector<char32_t> chars;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = DecodeUtf8(text, pos);
    if (c == 0xFFFFFFFF) return text;
    if (c == kTatweel) continue;
    chars.push_back(ArabicLetterOf(c));
  }
  std::string out;
  bool after_article = false;  // the letter after an article split off starts a word
  size_t word_begin = 0;       // where the current word starts in chars
  for (size_t i = 0; i < chars.size(); ++i) {
    // A word has one article: after it, alef-lam is the name's own (الالفي
    // al-Alfi, الالوسي al-Alusi), not a second article.
    const bool after_split_article = after_article;
    bool word_start = i == 0 || !is_arabic_letter(chars[i - 1]) || after_article;
    after_article = false;
    if (word_start) word_begin = i;
    // A compound written joined (نورالدين Nur al-Din, عبدالحي Abd al-Hayy,
    // صلاحالدين): the article after a compound's first name starts its
    // second name. (الله keeps its own reading below: عبدالله, خيرالله.)
    if (!word_start && chars[i] == kAlef && i + 3 < chars.size() && chars[i + 1] == kLam &&
        is_arabic_letter(chars[i + 2]) && is_arabic_letter(chars[i + 3]) &&
        !(chars[i + 2] == kLam && chars[i + 3] == kHeh) &&
        IsCompoundFirstName(std::u32string_view(chars.data() + word_begin, i - word_begin))) {
      out.push_back(' ');
      word_start = true;
      word_begin = i;
    }
    bool word_end = i + 1 == chars.size() || !is_arabic_letter(chars[i + 1]);
    if (word_end && !word_start && chars[i] == kTehMarbuta) {
      ::embargo::AppendUtf8(out, kAlef);
      continue;
    }
    if (word_start && chars[i] == kAlef && i + 3 < chars.size() && chars[i + 1] == kLam &&
        chars[i + 2] == kLam && chars[i + 3] == kHeh &&
        (i + 4 == chars.size() || !is_arabic_letter(chars[i + 4]))) {
      out += "allah";
      i += 3;
      continue;
    }
    // Whole words the lists write in Latin as a title or a particle, not as
    // the romaniser spells them (ملا mla, ولد wld).
    if (word_start) {
      if (std::string_view latin = WordAsListsWriteIt(chars, i, is_arabic_letter); !latin.empty()) {
        out += latin;
        while (i + 1 < chars.size() && is_arabic_letter(chars[i + 1])) ++i;
        continue;
      }
    }
    // بن, son of, as the lists write it: bin (the romaniser gives "bn").
    if (word_start && chars[i] == kBeh && i + 1 < chars.size() && chars[i + 1] == kNoon &&
        (i + 2 == chars.size() || !is_arabic_letter(chars[i + 2]))) {
      out += "bin";
      ++i;
      continue;
    }
    // آل, the family of (آل سعود Al Saud), a word of its own: not the
    // article, which is written joined to its word.
    if (word_start && chars[i] == kAlefMadda && i + 1 < chars.size() && chars[i + 1] == kLam &&
        (i + 2 == chars.size() || !is_arabic_letter(chars[i + 2]))) {
      out += "aal";
      ++i;
      continue;
    }
    // Within a word too, before a consonant: Latin spellings write a vowel
    // or an apostrophe there (SA'D, JA'FAR), and dropped it would join two
    // like letters into one doubled letter (معمر mmr: MUAMMAR's m and m).
    // Before waw or ya within the word the long vowel they write is the one
    // (سعود SAUD, سعيد SAID; not a final ya: مرعي MERAI).
    const bool before_long_vowel = i + 2 < chars.size() && is_arabic_letter(chars[i + 2]) &&
                                   (chars[i + 1] == kWaw || chars[i + 1] == kYeh);
    if (chars[i] == kAin && (word_start || !before_long_vowel)) {
      ::embargo::AppendUtf8(out, kAlef);
      continue;
    }
    if (word_start && !after_split_article && chars[i] == kAlef && i + 3 < chars.size() &&
        chars[i + 1] == kLam && is_arabic_letter(chars[i + 2]) && is_arabic_letter(chars[i + 3])) {
      ::embargo::AppendUtf8(out, kAlef);
      ::embargo::AppendUtf8(out, kLam);
      out.push_back(' ');
      ++i;
      after_article = true;
      continue;
    }
    ::embargo::AppendUtf8(out, chars[i]);
    // A consonant before heh: the romaniser writes them as a Latin digraph
    // (ت + ه as "th", س + ه as "sh"), which reads as another letter (ث, ش);
    // Latin spellings put the short vowel between them, most often a (طه
    // TAHA, سهيل SUHAIL, تهراني TEHRANI).
    if (i + 1 < chars.size() && chars[i + 1] == kHeh && FormsDigraphWithH(chars[i]))
      ::embargo::AppendUtf8(out, kAlef);
  }
  return out;
}

}  // namespace

std::string ToLatinAscii(std::string_view utf8) {
  if (IsAscii(utf8)) return LowerAscii(utf8);
  std::string romanized = RomanizeHangul(utf8);  // also drops invalid bytes
  romanized = RomanizeKhmer(RomanizeKana(romanized));
  if (IsAscii(romanized)) return LowerAscii(romanized);
  icu::UnicodeString nfkc;
  {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      normalizer->normalize(icu::UnicodeString::fromUTF8(romanized), nfkc, status);
      if (U_SUCCESS(status)) {
        romanized.clear();
        nfkc.toUTF8String(romanized);
      }
    }
  }
  romanized = PrepareArabicNames(romanized);
  std::string out;
  for (const Run& run : ScriptRuns(romanized)) {
    if (!out.empty()) out += ' ';
    out += TransliterateRun(run);
  }
  return LowerAscii(out);
}

}  // namespace embargo::text
