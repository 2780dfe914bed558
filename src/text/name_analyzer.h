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

struct Token {
  std::string norm;  // lowercase ASCII as written: "gaddafi"
  std::string fold;  // spelling-variant fold: "kadafi" (see phonetic.h)
  std::string key;   // candidate key: variant group ("=qadhafi") or vowel-class key ("kadafa")
  TokenRole role = TokenRole::kName;
};

struct AnalyzedName {
  std::vector<Token> tokens;
  // Index of the leading given name: the first name part after the comma in
  // "LAST, First Middle" form, else the first name part; -1 if none. A
  // person's leading given name left unmatched is a different person
  // (HAMZA USAMA ... BIN LADEN is not USAMA BIN LADEN), not a missing middle name.
  int head = -1;

  // Tokens' norms joined by spaces (for display and tests).
  std::string ToString() const;
};

// Analyses one name. `schema` decides whether legal forms are recognised
// (not for people).
AnalyzedName AnalyzeName(std::string_view name, Schema schema);

// Analyses one already-lowercase ASCII token (used for joined tokens).
Token MakeToken(std::string norm, TokenRole role);

}  // namespace embargo::text
