// Spelling-variant folding for romanised names. Fold() maps the letters and
// digraphs that transliteration schemes swap (q/k/g/c, t/d, p/b, ch/j/zh,
// kh/h, eo/o, eu/u, oo/u, y/i, ...) to one form while keeping vowels, so
// that similarity is measured on what differs between names rather than
// between romanisation schemes. Key() is the consonant skeleton of the fold,
// used only to find candidates (it deliberately collides a lot).
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// "qadhafi" -> "kadafi", "gaddafi" -> "kadafi", "jeong" -> "jong".
// Input: one lowercase ASCII token.
std::string Fold(std::string_view token);

// Fold() of a token read from Arabic script, where t before s or z is two
// letters (ت and ص in المتصدق "mtsdq", ت and س in انتصار "antsar"), not the
// one sound ts of Cyrillic ц that Fold() writes as s: "mtsdq" -> "mtstk",
// as "motassadeq" keeps its t.
std::string FoldAbjad(std::string_view token);

// Candidate key of a folded token: every run of vowels becomes one 'a', so
// spellings that differ only in vowel quality meet ("soleimani" and
// "sulaimani" -> "salamana", "jol" and "jul" -> "jal").
std::string VowelClassKey(std::string_view folded);

// Consonant skeleton of a folded token: vowels and non-initial 'h' dropped,
// repeats collapsed. "kadafi" -> "ktf". Used for abjad transliterations
// written without vowels ("hsyn"). A token with no consonant keeps its fold
// behind '~' ("i" -> "~i").
std::string SkeletonKey(std::string_view folded);

// Consonants of a folded token as Arabic script writes them: vowels
// dropped (y is i in the fold), and w (v in the fold) after the first
// letter, which stands for the long vowel u as often as for a consonant; h
// kept; repeats collapsed. "muhammad" and "mhmd" -> "mhmt", "mazloom" and
// "mzlwm" -> "mslm". For tokens read from Arabic script against Latin
// spellings, which show the short vowels that script leaves out.
std::string AbjadKey(std::string_view folded);

// A token read from Arabic script (as written: "nwr", "hbyb", "amyn")
// with its long-vowel letters read as vowels: w and y after a consonant
// become u and i ("nur", "hbib", "amin"), as Latin spellings write them
// (Nur, Habib, Amin). The first letter stays a consonant (ywsf: "yusf").
// A second reading beside the letters as written, which stay right for
// ALVI / علوی ("alwy").
std::string AbjadVowelled(std::string_view norm);

// A Latin token as English-convention romanisation of Arabic writes what
// French convention (the Maghreb's, and Francophone Africa's) writes: ch as
// sh (AKKACHA عكاشة, ALOUCHE علوش), c before e, i or y as s (LOUNICI لونيسي),
// ou before a vowel as w (AOUADI العوادي), gu before e or i as g. For
// comparing a Latin spelling with a token read from Arabic script; "" when
// no rule applies. Input: one lowercase ASCII token. With `digraphs_only`,
// ch and ou alone: between two Latin spellings c before e or i and gu are
// no sign of French convention (Spanish MARCEL, MIGUEL write them too).
std::string FrenchConventionSpelling(std::string_view norm, bool digraphs_only = false);

// The other way: an English-convention Latin token as French convention
// writes it, sh as ch and u as ou (ALLUSH -> allouch, ASHUR -> achour), so
// that its fold finds the French spelling of the same name; "" when no
// rule applies. Input: one lowercase ASCII token.
std::string EnglishAsFrenchConvention(std::string_view norm);

// A Latin token as Egyptian romanisation writes it, read as the other
// conventions write it: ج as g (MEGUID, HEGAZY, NAGUIB, GABER) where
// others write j (MAJID, HIJAZI, NAJIB, JABIR): g before a as j, and gui
// after a vowel as ji; not the g of GOMEZ, GURZHY, MIGUEL, which are other
// names' (read so, they alerted on JAMES, JANAT, MICHAEL). "" when no rule
// applies or the token has fewer than kMinEgyptianReadingLetters letters.
// Input: one lowercase ASCII token.
inline constexpr size_t kMinEgyptianReadingLetters = 5;
std::string EgyptianConventionSpelling(std::string_view norm);

// Whether two Latin tokens may be one name in the conventions above:
// neither is a Chinese or Korean syllable (Chen and Shen, Chin and Shin are
// different family names, not one written two ways).
bool MayBeFrenchConvention(std::string_view norm);

// Consonants of a folded token, for names transcribed into Han or kana
// syllables (贝拉克 "beilake", バラク "baraku" for Barack): vowels, h, w and y
// dropped, l written r (neither script tells them apart), repeats
// collapsed. "parak" -> "prk".
std::string TranscriptionKey(std::string_view folded);

inline bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace embargo::text
