// Every number the scorer uses, named, in one place: token similarity
// (text/similarity), the index's candidate lookups (match/index), name
// alignment (match/name_matcher), derived query names (match/derived_names),
// the candidate stage (screener) and the evidence (match/evidence). What
// each means is in docs/SCORING.md; `Published()` lists them with their
// values for GET /algorithms, so a change here shows there. Changing one
// changes scores: run ScoreDeckTest and `embargo eval --independent`.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace embargo::scoring {

// --- Token similarity (text/similarity.cc) ---------------------------------
// Weighted edit distance on spelling folds: costs per edit.
inline constexpr float kVowelCloseCost = 0.3f;     // o/u, e/i (Mohammed/Muhammad)
inline constexpr float kVowelCost = 0.5f;          // other vowel change, vowel in/out
inline constexpr float kSoftConsonantCost = 0.5f;  // 'h' in or out (kh/h, dh/d)
inline constexpr float kConsonantCost = 1.0f;
inline constexpr float kTranspositionCost = 0.8f;
// The least an edit touching a vowel or 'h' costs (a bound, not a setting).
inline constexpr float kMinVowelEditCost =
    std::min({kVowelCloseCost, kVowelCost, kSoftConsonantCost});
// A name's first letter is seldom what spellings disagree on.
inline constexpr float kInitialVowelCost = 0.8f;       // a different first vowel
inline constexpr float kInitialVowelIndelCost = 1.0f;  // a first vowel added or lost
// Tokens whose lengths differ by more than this share of the longer one
// (counting each missing letter as a vowel) are not compared.
inline constexpr float kMaxLengthGapShare = 0.45f;
// Scores below this are no match.
inline constexpr float kMinTokenSimilarity = 0.6f;
// Same variant group (Sergey/Sergei) or same spelling fold (Gaddafi/Qadhafi).
inline constexpr float kVariantSimilarity = 0.95f;
// A fuzzy (edit-distance) match never reaches a spelling variant.
inline constexpr float kMaxFuzzySimilarity = 0.94f;
// An initial against a part starting with its letter ("M." / Mohammad).
inline constexpr float kInitialSimilarity = 0.8f;
// An abjad skeleton without vowels ("hsyn") against a vowelled spelling.
inline constexpr float kSkeletonSimilarity = 0.85f;
// A name part read from Arabic script meets a Latin spelling by its
// consonants (text::AbjadKey, at kSkeletonSimilarity) when they are at least
// this many: fewer say too little (ywns / yunis -> "ns").
inline constexpr size_t kMinAbjadKeyLetters = 4;
// A short form of a given name (Ted / Theodore): weaker than a spelling.
inline constexpr float kNicknameSimilarity = 0.85f;
// A transcribed name part whose consonants agree (beilake / barack).
inline constexpr float kTranscriptionSimilarity = 0.85f;

// --- Candidate lookups (match/index.cc) ------------------------------------
// Tokens (and vowel-class keys) this long or longer are also found one
// deletion away.
inline constexpr size_t kMinDeleteLength = 4;
// Least similarity of a token found only through its vowel-class key.
inline constexpr float kMinKeyDeletionSimilarity = 0.8f;
// Least similarity of another spelling (joined parts: Index::Lookup::kSpelling).
inline constexpr float kMinSpellingSimilarity = 0.95f;
// A Latin name part with an Arabic article joined to it (ALJEITHNI): the
// name after the article, this many letters or more, is also looked up,
// and its listed neighbours this similar or more are kept (JUAYTHINI).
inline constexpr size_t kMinArticleStrippedLetters = 5;
inline constexpr float kMinArticleStrippedSimilarity = 0.8f;
// A listed firm's or body's acronym: the initials of this many words.
inline constexpr size_t kMinAcronymLetters = 3;
inline constexpr size_t kMaxAcronymLetters = 8;
// Rarity weight (idf) of a token's key is kept within these bounds.
inline constexpr double kMinRarityWeight = 0.1;
inline constexpr double kMaxRarityWeight = 1.0;
// Weight of a token by its role in the name.
inline constexpr float kNameRoleWeight = 1.0f;  // also numbers
inline constexpr float kInitialRoleWeight = 0.3f;
inline constexpr float kParticleRoleWeight = 0.15f;
inline constexpr float kConnectorRoleWeight = 0.1f;
inline constexpr float kLegalFormRoleWeight = 0.15f;
inline constexpr float kTitleRoleWeight = 0.0f;

// --- Candidate stage (match/screener.cc) -----------------------------------
// Names whose accumulated token evidence reaches this share of the query's
// weight are scored, at most kMaxCandidateNames per query name.
inline constexpr float kMinCandidateShare = 0.3f;
inline constexpr size_t kMaxCandidateNames = 48;
// Names holding every query token (this share of the query's weight from
// its single tokens, in any order) are scored too when the estimate ranks
// them out, up to kMaxCoveringNames more: the estimate rewards adjacent
// pairs, and in a big index many near spellings in the query's order
// (YONG HO CHANG) can outrank the exact name in another (CHANG MYONG HO).
inline constexpr float kFullCoverShare = 0.95f;
inline constexpr size_t kMaxCoveringNames = 48;

// --- Name alignment (match/name_matcher) -----------------------------------
// Share of an unmatched part's weight counted against the name score: a
// query part the listed name lacks costs more than a listed part the query
// lacks (lists carry full names, queries often short ones).
inline constexpr float kExtraQueryPartCost = 0.9f;
inline constexpr float kExtraListPartCost = 0.25f;
// A middle part (second given name, patronymic, nasab link) tells people
// apart less: it costs less when missing on either side.
inline constexpr float kExtraQueryMiddleCost = 0.3f;
inline constexpr float kExtraListMiddleCost = 0.15f;
// A query that holds every part of the listed name, each at least
// kSubsetMinSimilarity (as spelled or another spelling), and more middle
// parts (the father's and grandfather's names of a nasab: QASIM MOHAMED
// MAHDI AL-RIMI / AL-RIMI, Qasim) pays this for each extra middle part:
// they extend the listed name. Not for Korean or Chinese names, whose
// syllables all count.
inline constexpr float kExtraQuerySubsetMiddleCost = 0.15f;
// Such a middle part that follows a nasab link (ACHRAF BEN FATHI BEN
// MABROUK GUIZANI / AL-QIZANI, Ashraf: the father's and grandfather's
// names, which lists often leave out) pays this instead.
inline constexpr float kExtraQueryNasabLinkCost = 0.05f;
// A query that holds a person's listed name of two parts or more whole
// pays this for each other part it adds, wherever it stands (a surname or
// a leading name the list does not carry: DAWOOD IBRAHIM KASKAR / IBRAHIM,
// Dawood).
inline constexpr float kExtraQueryCoveringPartCost = 0.25f;
inline constexpr float kSubsetMinSimilarity = 0.9f;
// Cap on a person's name score when a single name part matches and the list
// name has more (OFAC FAQ 5 step 3: a surname alone is not a match).
inline constexpr float kSinglePartCap = 0.65f;
// Cap on a firm's or body's name score when only business words match
// (COMMERCIAL BANK) and the listed name has a part that is not one
// (KORYO COMMERCIAL BANK, COMMERCIAL BANK OF SYRIA): the part that names
// the firm is missing.
inline constexpr float kBusinessWordsOnlyCap = 0.65f;
// Cap on a name score when all that matches is one word of at most
// kMaxShortWord letters (on the shorter side) with a typo, not read from
// Arabic script: KIM / KIMO, KHAN / HANI, KYAW / KIEV are other words.
inline constexpr float kShortWordTypoCap = 0.75f;
inline constexpr size_t kMaxShortWord = 4;
// Cap on a name score when all that matches is one word with a typo whose
// letters as written differ in more than a quarter of them (below
// kMinLooseTypoLetters of plain edit similarity), though its folded sounds
// meet: PUTIN / PETION, HAMAS / HAMZA, PUTIN / BOUTHAINA are other names.
// Below what a listed surname met exactly scores against a listed name of
// three parts (PUTIN, Vladimir Vladimirovich: 0.59), which ranks above. Not
// for words read from Arabic script or transcribed from Han or kana, which
// meet their Latin spellings only through the sounds.
inline constexpr float kLooseTypoCap = 0.55f;
inline constexpr float kMinLooseTypoLetters = 0.75f;
// Cap on a name score when both names hold numbers and none of them meet:
// GOLDEN LOTUS INVESTMENT NO 3 is not NO 8, 第十八星風丸 (18) not 第八星風丸 (8).
inline constexpr float kNumbersDifferCap = 0.75f;
// Korean names: two romanised syllables that can be the same Hangul
// syllable (Yong / Young / Yeong) score this; any other pair of syllables is
// no match (yong / tong, min / man are other names).
inline constexpr float kKoreanSyllableSimilarity = 0.95f;
// A person's given name against its other gender's form (JULIA / JULIO,
// DANIEL / DANIELLE: text::GenderedGivenNameForms): another name, at most
// this (a weak match, not a spelling of it).
inline constexpr float kGenderedFormSimilarity = 0.7f;
// A legal form against a part of another role (a typo the analyser did
// not read as a legal form: LIMTIED / LIMITED) must be at least this close.
inline constexpr float kMinLegalFormTypoSimilarity = 0.8f;
// An acronym against the words it stands for (PLA / People's Liberation Army).
inline constexpr float kAcronymSimilarity = 0.9f;
// Most adjacent query parts looked up as one word (CHON MA SAN / CHONMASAN).
inline constexpr uint32_t kMaxJoinedParts = 3;
// Parts joined on one side must match at least this (exact or variant) and
// differ in length by at most kMaxJoinedLengthDifference letters.
inline constexpr float kMinJoinedSimilarity = 0.95f;
inline constexpr size_t kMaxJoinedLengthDifference = 1;
// ... and meet as another spelling (not letter for letter) only when the
// shorter side has this many letters: a short word's key is too loose (LEE
// folds as LI YI joined does, while ABDOULRAHMANE / ABDUL RAHMAN holds;
// read from Arabic script, النا دایی is no NADA).
inline constexpr size_t kMinInexactJoinedLength = 5;
// Parts read from Arabic script joined on one side against a Latin part or
// the other way round (ولی جان / WALIJAN, شهید خیل / SHAHIDKHEL) meet as a close spelling (at least
// this: their consonants alone, kSkeletonSimilarity, are too loose over a long joined word: یاسین
// قاضی is no CHINGHEITY), and may be this many letters shorter or longer: the script writes no
// short vowels.
inline constexpr float kMinAbjadJoinedSimilarity = 0.88f;
inline constexpr size_t kMaxAbjadJoinedLengthDifference = 3;
// Cap on a Korean or Chinese name whose family name matches none of the
// other name's family name (이영호 is not HO, Yong Il).
inline constexpr float kFamilyMismatchCap = 0.6f;

// A listed name read without its brackets, the other-script name in them,
// or the name in another transliteration convention (match/index.h,
// ListedReadings), scores at most this share of the match: found, but below
// the names the lists write out. A query's convention readings
// (match/derived_names.cc) score at the same share.
inline constexpr float kListedReadingScale = 0.98f;

// --- Derived query names (match/derived_names.cc) --------------------------
// A derived name from an acronym scores at most this share of the match.
inline constexpr float kDerivedAcronymScale = 0.9f;
// The query's initials met by a listed name count only where some word of
// the query, one that names something (no business word, legal form or
// country), is also in one of the entity's names at kInitialsWordSimilarity
// or more: Allied Democratic Forces / ADF, whose list also writes Forces
// Démocratiques Alliées. Else (Advanced Data Flow Ltd / ADF) the match is
// capped at kUncorroboratedInitialsCap, below the alert threshold.
inline constexpr float kInitialsWordSimilarity = 0.8f;
inline constexpr float kUncorroboratedInitialsCap = 0.75f;
// Run-together words: split when at least this long and not known as they
// stand (no similar token at kKnownScore or more); close splits only when
// the word is kMinFuzzySplitLength long, each part kMinFuzzyPart long and
// at least kMinFuzzyPartScore similar to a listed token.
inline constexpr size_t kMinSplitLength = 6;
inline constexpr size_t kMinExactPart = 2;
inline constexpr float kKnownScore = 0.95f;
inline constexpr size_t kMinFuzzySplitLength = 10;
inline constexpr size_t kMinFuzzyPart = 4;
inline constexpr float kMinFuzzyPartScore = 0.85f;

// --- Evidence (match/evidence.cc) ------------------------------------------
inline constexpr double kDobExactBonus = 0.05;
inline constexpr double kDobYearBonus = 0.02;  // same year, day unknown on one side
inline constexpr double kDobDayMismatchPenalty = -0.10;
inline constexpr double kDobContradictionPenalty = -0.25;
inline constexpr double kNationalityMatchBonus = 0.03;
inline constexpr double kNationalityMismatchPenalty = -0.15;
inline constexpr double kCountryMismatchPenalty = -0.05;
inline constexpr double kGenderMismatchPenalty = -0.15;
inline constexpr double kIdentifierMismatchPenalty = -0.05;
// A vessel's IMO number is its hull's for life: a query's IMO that is none
// of the listed vessel's IMO numbers says another ship of the same name
// (names are reused; a renamed ship keeps its IMO).
inline constexpr double kImoMismatchPenalty = -0.15;
// A shared identifier (passport, IMO, BIC...) is strong evidence: the score
// becomes at least this, whatever the name (the explanation's identifier
// feature shows how much that added).
inline constexpr double kIdentifierMatchFloor = 0.95;
// Ceiling on a match through a weak alias (OFAC FAQ 124) unless a birth
// date or identifier corroborates it: below the default threshold.
inline constexpr double kWeakAliasCap = 0.69;
// A weak alias that is a name of two parts or more, matched in full
// (ABU BAKR AL-BAGHDADI, which OFAC lists as weak and the UN as of low
// quality, while Australia and the UK list it as a name), alerts, at most
// at this score: above the default threshold, below a name matched in
// full. A one-part weak alias (AKHUND, MAJOR), an epithet (THE TALL ONE:
// a connector) or a weak alias matched only in part stays capped.
inline constexpr double kWeakAliasFullMatchCap = 0.85;
inline constexpr double kWeakAliasFullMatch = 0.99;

struct Constant {
  std::string_view name;  // the constant's name without its k prefix, snake_case
  double value;
  std::string_view group;  // token, lookup, candidates, alignment, derived, evidence
};

// Every constant above, in order, for GET /algorithms.
std::span<const Constant> Published();

}  // namespace embargo::scoring
