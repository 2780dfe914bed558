// How firms, bodies and ships write their names: legal forms in many
// languages (Aktiengesellschaft = AG, Open Joint Stock Company = OAO = OJSC,
// Co., Ltd. = Company Limited), country names inside names (DPRK = North
// Korea = Democratic People's Republic of Korea), numbers as words and
// ordinals (First = 1st = 1), a Roman numeral ending the name (MARIA III =
// MARIA 3), vessel prefixes (M/V, MT). RewriteOrgPhrases
// replaces each such phrase by one canonical form so both sides of a
// comparison write it alike. Immutable tables built on first use;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

enum class PhraseKind : uint8_t { kWord, kLegalForm, kVesselPrefix };

struct PhraseWord {
  std::string word;
  PhraseKind kind = PhraseKind::kWord;
};

// Rewrites the lowercase ASCII words of an organisation's or a vessel's
// name: legal forms become their canonical code (kLegalForm), multi-word
// country names their short form, number words, ordinals and a last word
// in Roman numerals (II to XX, but VI and XI) digits, a
// leading vessel prefix is marked (kVesselPrefix). A legal-form word with
// one typo (LIMTIED, COPMANY) is read as that word.
std::vector<PhraseWord> RewriteOrgPhrases(const std::vector<std::string>& words);

// Whether `word` is a (canonical or written-out) legal form.
bool IsLegalFormWord(std::string_view word);

// Business words in Hangul, Han and kana (은행 bank, 무역 trading, 有限公司
// co ltd, 株式会社 co ltd) replaced by their English words, so 단천상업은행
// reads as "단천 commercial bank" before romanisation. UTF-8 in and out.
std::string TranslateBusinessWords(std::string_view utf8);

}  // namespace embargo::text
