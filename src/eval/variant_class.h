// The variant class of a labelled pair (query name, listed name): how the two
// spellings differ, computed by plain token-set logic on NFKC-casefolded text
// (ICU), never by the matcher, so a deck's classes do not depend on what the
// engine can do. Each pair gets one primary class, the first rule that holds:
//   exact          identical after case, accents kept, punctuation -> space
//   word_order     the same tokens in another order
//   joined_split   the same letters with the spaces elsewhere ("CHONMASAN")
//   other_script   one side has letters of a non-Latin script the other lacks
//   legal_form     equal once legal-form words (LTD, JSC, COMPANY ...) go
//   acronym        one side is one token made of the other's initials
//   abbreviation   tokens pair up equal or one a short form of the other
//                  (same first letter, letters in order, <= 60 % as long:
//                  "corp", "bk" for bank, "trdg" for trading)
//   typo           same token count, 1-2 character edits in all (a typo or
//                  a small romanisation change: CHANG-SU / JANG SU)
//   missing_parts  the query's tokens are a strict subset of the listed name's
//   extra_parts    the listed name's tokens are a strict subset of the query's
//   spelling       same token count, every token pairs with a similar one
//                  (transliteration / spelling variants: >= 50% letters kept)
//   partial        at least one token shared, otherwise different
//   different      no token shared (a nom de guerre, another name entirely)
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::eval {

// Every class, in rule order.
const std::vector<std::string>& VariantClasses();

// The primary class of the pair.
std::string ClassifyVariant(std::string_view query, std::string_view listed);

// The tokens the rules compare: NFKC-casefolded, split on anything that is
// not a letter, digit or combining mark; apostrophes and dots removed inside
// a token ("o'neil" -> "oneil", "a.b.c." -> "abc").
std::vector<std::string> VariantTokens(std::string_view name);

// Of `candidates`, the index of the one sharing most tokens with `query`
// (ties: fewest tokens apart, then first): the listed name a pair is
// classified against when the expected record has several names.
size_t ClosestName(std::string_view query, const std::vector<std::string>& candidates);

}  // namespace embargo::eval
