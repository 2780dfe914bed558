#include "text/phonetic.h"

#include <array>

#include "text/chinese.h"
#include "text/korean.h"

namespace embargo::text {
namespace {

struct Rewrite {
  std::string_view from;
  std::string_view to;
};

// Longest first; applied left to right at each position. What a rewrite
// writes is already folded (g is k).
constexpr std::array kRewrites = {
    Rewrite{"oung", "onk"}, Rewrite{"shch", "s"}, Rewrite{"tsch", "j"}, Rewrite{"tch", "j"},
    Rewrite{"sch", "s"},    Rewrite{"dzh", "j"},  Rewrite{"ch", "j"},   Rewrite{"zh", "j"},
    Rewrite{"dj", "j"},     Rewrite{"sh", "s"},   Rewrite{"kh", "h"},   Rewrite{"gh", "k"},
    Rewrite{"dh", "t"},     Rewrite{"th", "t"},   Rewrite{"ph", "f"},   Rewrite{"ck", "k"},
    Rewrite{"wh", "v"},     Rewrite{"eo", "o"},   Rewrite{"eu", "u"},   Rewrite{"oo", "u"},
    Rewrite{"ee", "i"},     Rewrite{"ou", "u"},   Rewrite{"ae", "e"},   Rewrite{"ung", "onk"},
    Rewrite{"ts", "s"},     Rewrite{"tz", "s"},
};

char FoldLetter(char c) {
  switch (c) {
    case 'q':
    case 'c':
    case 'g': return 'k';
    case 'b': return 'p';
    case 'd': return 't';
    case 'w': return 'v';
    case 'z': return 's';
    case 'y': return 'i';
    default: return c;
  }
}

// The consonants of a folded token, repeats collapsed, `soft` dropped after
// the first letter (SkeletonKey drops h, AbjadKey the w that may be a vowel).
std::string Consonants(std::string_view folded, char soft) {
  std::string key;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (IsVowel(c) || (c == soft && i > 0)) continue;
    if (!key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

// Fold() and FoldAbjad(): the same rewrites, but for Arabic script's t
// before s or z.
std::string FoldLetters(std::string_view token, bool abjad) {
  std::string out;
  out.reserve(token.size() + 2);
  // Cyrillic "Ye" at the start of a name is also written "E" (Yevgeny/Evgeny).
  if (token.size() > 2 && token[0] == 'y' && token[1] == 'e') token.remove_prefix(1);
  size_t i = 0;
  // Pinyin x and Wade-Giles hs at the start of a syllable (Xi / Hsi).
  // (Wade-Giles hs comes before i or u; an abjad skeleton such as "hsyn"
  // for Husayn keeps its h.)
  bool wade_giles_hs = token.size() > 2 && token[0] == 'h' && token[1] == 's' &&
                       (token[2] == 'i' || token[2] == 'u');
  if (token.size() > 1 && (token[0] == 'x' || wade_giles_hs)) {
    out.push_back('s');
    i = token[0] == 'x' ? 1 : 2;
  }
  while (i < token.size()) {
    bool rewritten = false;
    for (const Rewrite& r : kRewrites) {
      if (abjad && r.from.size() == 2 && r.from[0] == 't' && (r.from[1] == 's' || r.from[1] == 'z'))
        continue;
      if (r.from[0] == token[i] && token.substr(i, r.from.size()) == r.from) {
        out += r.to;
        i += r.from.size();
        rewritten = true;
        break;
      }
    }
    if (rewritten) continue;
    char c = token[i++];
    if (c == 'x') {
      out += "ks";
    } else {
      out.push_back(FoldLetter(c));
    }
  }
  // Collapse doubled letters (Hassan/Hasan, Gaddafi/Gadafi).
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  return collapsed;
}

}  // namespace

std::string Fold(std::string_view token) { return FoldLetters(token, false); }

std::string FoldAbjad(std::string_view token) { return FoldLetters(token, true); }

std::string VowelClassKey(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (IsVowel(c)) {
      if (key.empty() || key.back() != 'a') key.push_back('a');
    } else {
      key.push_back(c);
    }
  }
  return key;
}

std::string SkeletonKey(std::string_view folded) {
  std::string key = Consonants(folded, 'h');
  if (key.empty()) return "~" + std::string(folded);
  return key;
}

std::string AbjadKey(std::string_view folded) { return Consonants(folded, 'v'); }

std::string AbjadVowelled(std::string_view norm) {
  std::string out(norm);
  for (size_t i = 1; i < out.size(); ++i) {
    if (IsVowel(norm[i - 1])) continue;  // the letters as written decide
    if (out[i] == 'w') out[i] = 'u';
    if (out[i] == 'y') out[i] = 'i';
  }
  return out;
}

std::string FrenchConventionSpelling(std::string_view norm, bool digraphs_only) {
  // Most tokens have none of the letters: no string built (CompareTokens
  // asks of every pair of Latin tokens).
  if (norm.find('c') == std::string_view::npos &&
      (digraphs_only || norm.find('g') == std::string_view::npos) &&
      norm.find("ou") == std::string_view::npos)
    return "";
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < norm.size(); ++i) {
    const char c = norm[i];
    const char next = i + 1 < norm.size() ? norm[i + 1] : '\0';
    const char after = i + 2 < norm.size() ? norm[i + 2] : '\0';
    const bool front_vowel = next == 'e' || next == 'i' || next == 'y';
    if (c == 'c' && next == 'h' && (i == 0 || norm[i - 1] != 's')) {
      out += "sh";
      ++i;
      changed = true;
    } else if (c == 'c' && front_vowel && !digraphs_only) {
      out.push_back('s');
      changed = true;
    } else if (c == 'o' && next == 'u' && (IsVowel(after) || after == 'y')) {
      out.push_back('w');
      ++i;
      changed = true;
    } else if (c == 'g' && next == 'u' && (after == 'e' || after == 'i') && !digraphs_only) {
      out.push_back('g');
      ++i;
      changed = true;
    } else {
      out.push_back(c);
    }
  }
  return changed ? out : "";
}

std::string EnglishAsFrenchConvention(std::string_view norm) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < norm.size(); ++i) {
    const char c = norm[i];
    const char previous = i > 0 ? norm[i - 1] : '\0';
    if (c == 's' && i + 1 < norm.size() && norm[i + 1] == 'h' && previous != 'c') {
      out += "ch";
      ++i;
      changed = true;
    } else if (c == 'u' && previous != 'o' && previous != 'q' && previous != 'e' &&
               previous != 'a') {
      out += "ou";
      changed = true;
    } else {
      out.push_back(c);
    }
  }
  return changed ? out : "";
}

std::string EgyptianConventionSpelling(std::string_view norm) {
  if (norm.size() < kMinEgyptianReadingLetters || norm.find('g') == std::string_view::npos)
    return "";
  // ga (GAMAL, GABER, RAGAB, HEGAZY) and, after a vowel, gui (MEGUID,
  // NAGUIB): not go, gu, ge, gue (GOMEZ, GURZHY, MIGUEL, RODRIGUEZ are
  // other names' g). Every rule writes a j where norm has a g, so the
  // reading differs from norm exactly when one applied.
  std::string out;
  for (size_t i = 0; i < norm.size(); ++i) {
    const std::string_view rest = norm.substr(i);
    const bool gui = rest.starts_with("gui") && i > 0 && IsVowel(norm[i - 1]);
    if (!rest.starts_with("ga") && !gui) {
      out.push_back(norm[i]);
      continue;
    }
    out.push_back('j');
    if (gui) ++i;  // the u
  }
  return out == norm ? "" : out;
}

bool MayBeFrenchConvention(std::string_view norm) {
  return !IsChineseSyllable(norm) && !ParseKoreanSyllable(norm).valid();
}

std::string TranscriptionKey(std::string_view folded) {
  std::string key;
  for (char c : folded) {
    if (IsVowel(c) || c == 'h' || c == 'v' || c == 'i') continue;  // w -> v, y -> i in the fold
    if (c == 'l') c = 'r';
    if (!key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

}  // namespace embargo::text
