// Turns a name, as published or as typed in a query, into the tokens the
// matcher compares. The same code analyses list names (once, at index build)
// and query names, so both sides always agree. Steps: transliterate to
// lowercase ASCII (any script), drop apostrophes (OFAC's Cho'ng-u'n), split
// on punctuation and spaces, join dotted legal-form letters (S.A. -> sa),
// normalise Arabic compounds (Abd al-Rahman / Abdulrahman -> abdul rahman,
// ar-Rashid -> al rashid), and tag each token's role: ordinary name part,
// particle (al, bin), connector (of, the), legal form (ltd, ooo), title
// (dr, haji), number or initial. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo::text {

enum class TokenRole : uint8_t {
  kName,
  kParticle,
  kConnector,
  kLegalForm,
  kTitle,
  kNumber,
  kInitial,
};
std::string_view TokenRoleName(TokenRole role);

// Where a part stands in a person's name. A middle part (a second given
// name, a patronymic, a father's name in an Arabic nasab chain) tells
// people apart less than the first given name and the family name, so
// leaving it out costs less.
enum class NamePosition : uint8_t { kCore, kMiddle };

struct Token {
  std::string norm;  // lowercase ASCII as written: "gaddafi"
  std::string fold;  // spelling-variant fold: "kadafi" (see phonetic.h)
  std::string key;   // candidate key: variant group ("=qadhafi") or vowel-class key ("kadafa")
  TokenRole role = TokenRole::kName;
  NamePosition position = NamePosition::kCore;
  // Part of a foreign name transcribed into Han or kana syllables: compared
  // by its consonants too (TranscriptionKey).
  bool transcribed = false;
  // Read from Arabic script, which writes no short vowels: compared by its
  // consonants too (AbjadKey), whatever vowel letters it shows, and by
  // `vowelled`, the fold of AbjadVowelled(norm) (its w and y as the long
  // vowels u and i); empty for other tokens.
  bool abjad = false;
  std::string vowelled;
};

struct AnalyzedName {
  std::vector<Token> tokens;
  // Index of the leading given name: the first name part after the comma in
  // "LAST, First Middle" form, else the first name part; -1 if none. A
  // person's leading given name left unmatched is a different person
  // (HAMZA USAMA ... BIN LADEN is not USAMA BIN LADEN), not a missing middle name.
  int head = -1;
  // Tokens written before the first comma ("LAST, First" form), else 0.
  int before_comma = 0;
  // Reads as a Korean name (written in Hangul, or romanised syllables with
  // a Korean family name): its parts are compared syllable by syllable
  // (text/korean.h) and the family names must agree.
  bool korean = false;
  // Reads as a name of syllables (Korean, or Chinese: written in Han, or
  // romanised syllables with a Chinese family name): a syllable is matched
  // only by the same syllable in another romanisation, never fuzzily, every
  // syllable counts, and the family names must agree.
  bool syllabic = false;
  // The family name is the first part: a name written in Hangul or Han
  // without a space.
  bool family_first = false;
  // Whether the name carries an Arabic nasab chain (bin, ibn, bint...):
  // then the leading given name is always the person's own.
  bool nasab = false;

  // Tokens' norms joined by spaces (for display and tests).
  std::string ToString() const;
};

// Analyses one name. `schema` decides whether legal forms, countries,
// numbers and vessel prefixes are read as such (not for people) and whether
// title words count as titles.
AnalyzedName AnalyzeName(std::string_view name, Schema schema);

// Analyses one already-lowercase ASCII token (used for joined tokens).
Token MakeToken(std::string norm, TokenRole role);

// Marks `token` (as MakeToken made it) as read from Arabic script
// (Token::abjad): folds it again as such (FoldAbjad, and its key with it)
// and sets its `vowelled` fold.
void ReadAsAbjad(Token& token);

// Marks a token whose fold and key were read as Arabic script already (a
// stored vocabulary token) as such and sets its `vowelled` fold.
void MarkAbjad(Token& token);

}  // namespace embargo::text
