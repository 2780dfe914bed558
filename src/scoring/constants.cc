#include "scoring/constants.h"

#include <array>

namespace embargo::scoring {

namespace {

constexpr std::array kPublished = {
    Constant{"vowel_close_cost", static_cast<double>(kVowelCloseCost), "token"},
    Constant{"vowel_cost", static_cast<double>(kVowelCost), "token"},
    Constant{"soft_consonant_cost", static_cast<double>(kSoftConsonantCost), "token"},
    Constant{"consonant_cost", static_cast<double>(kConsonantCost), "token"},
    Constant{"transposition_cost", static_cast<double>(kTranspositionCost), "token"},
    Constant{"initial_vowel_cost", static_cast<double>(kInitialVowelCost), "token"},
    Constant{"initial_vowel_indel_cost", static_cast<double>(kInitialVowelIndelCost), "token"},
    Constant{"max_length_gap_share", static_cast<double>(kMaxLengthGapShare), "token"},
    Constant{"min_token_similarity", static_cast<double>(kMinTokenSimilarity), "token"},
    Constant{"variant_similarity", static_cast<double>(kVariantSimilarity), "token"},
    Constant{"max_fuzzy_similarity", static_cast<double>(kMaxFuzzySimilarity), "token"},
    Constant{"initial_similarity", static_cast<double>(kInitialSimilarity), "token"},
    Constant{"skeleton_similarity", static_cast<double>(kSkeletonSimilarity), "token"},
    Constant{"min_abjad_key_letters", static_cast<double>(kMinAbjadKeyLetters), "token"},
    Constant{"nickname_similarity", static_cast<double>(kNicknameSimilarity), "token"},
    Constant{"transcription_similarity", static_cast<double>(kTranscriptionSimilarity), "token"},
    Constant{"min_delete_length", static_cast<double>(kMinDeleteLength), "lookup"},
    Constant{"min_key_deletion_similarity", static_cast<double>(kMinKeyDeletionSimilarity),
             "lookup"},
    Constant{"min_spelling_similarity", static_cast<double>(kMinSpellingSimilarity), "lookup"},
    Constant{"min_acronym_letters", static_cast<double>(kMinAcronymLetters), "lookup"},
    Constant{"max_acronym_letters", static_cast<double>(kMaxAcronymLetters), "lookup"},
    Constant{"min_rarity_weight", static_cast<double>(kMinRarityWeight), "lookup"},
    Constant{"max_rarity_weight", static_cast<double>(kMaxRarityWeight), "lookup"},
    Constant{"name_role_weight", static_cast<double>(kNameRoleWeight), "lookup"},
    Constant{"initial_role_weight", static_cast<double>(kInitialRoleWeight), "lookup"},
    Constant{"particle_role_weight", static_cast<double>(kParticleRoleWeight), "lookup"},
    Constant{"connector_role_weight", static_cast<double>(kConnectorRoleWeight), "lookup"},
    Constant{"legal_form_role_weight", static_cast<double>(kLegalFormRoleWeight), "lookup"},
    Constant{"title_role_weight", static_cast<double>(kTitleRoleWeight), "lookup"},
    Constant{"min_candidate_share", static_cast<double>(kMinCandidateShare), "candidates"},
    Constant{"max_candidate_names", static_cast<double>(kMaxCandidateNames), "candidates"},
    Constant{"extra_query_part_cost", static_cast<double>(kExtraQueryPartCost), "alignment"},
    Constant{"extra_list_part_cost", static_cast<double>(kExtraListPartCost), "alignment"},
    Constant{"extra_query_middle_cost", static_cast<double>(kExtraQueryMiddleCost), "alignment"},
    Constant{"extra_list_middle_cost", static_cast<double>(kExtraListMiddleCost), "alignment"},
    Constant{"single_part_cap", static_cast<double>(kSinglePartCap), "alignment"},
    Constant{"business_words_only_cap", static_cast<double>(kBusinessWordsOnlyCap), "alignment"},
    Constant{"korean_syllable_similarity", static_cast<double>(kKoreanSyllableSimilarity),
             "alignment"},
    Constant{"acronym_similarity", static_cast<double>(kAcronymSimilarity), "alignment"},
    Constant{"max_joined_parts", static_cast<double>(kMaxJoinedParts), "alignment"},
    Constant{"min_joined_similarity", static_cast<double>(kMinJoinedSimilarity), "alignment"},
    Constant{"max_joined_length_difference", static_cast<double>(kMaxJoinedLengthDifference),
             "alignment"},
    Constant{"family_mismatch_cap", static_cast<double>(kFamilyMismatchCap), "alignment"},
    Constant{"derived_acronym_scale", static_cast<double>(kDerivedAcronymScale), "derived"},
    Constant{"min_split_length", static_cast<double>(kMinSplitLength), "derived"},
    Constant{"min_exact_part", static_cast<double>(kMinExactPart), "derived"},
    Constant{"known_score", static_cast<double>(kKnownScore), "derived"},
    Constant{"min_fuzzy_split_length", static_cast<double>(kMinFuzzySplitLength), "derived"},
    Constant{"min_fuzzy_part", static_cast<double>(kMinFuzzyPart), "derived"},
    Constant{"min_fuzzy_part_score", static_cast<double>(kMinFuzzyPartScore), "derived"},
    Constant{"dob_exact_bonus", static_cast<double>(kDobExactBonus), "evidence"},
    Constant{"dob_year_bonus", static_cast<double>(kDobYearBonus), "evidence"},
    Constant{"dob_day_mismatch_penalty", static_cast<double>(kDobDayMismatchPenalty), "evidence"},
    Constant{"dob_contradiction_penalty", static_cast<double>(kDobContradictionPenalty),
             "evidence"},
    Constant{"nationality_match_bonus", static_cast<double>(kNationalityMatchBonus), "evidence"},
    Constant{"nationality_mismatch_penalty", static_cast<double>(kNationalityMismatchPenalty),
             "evidence"},
    Constant{"country_mismatch_penalty", static_cast<double>(kCountryMismatchPenalty), "evidence"},
    Constant{"gender_mismatch_penalty", static_cast<double>(kGenderMismatchPenalty), "evidence"},
    Constant{"identifier_mismatch_penalty", static_cast<double>(kIdentifierMismatchPenalty),
             "evidence"},
    Constant{"identifier_match_floor", static_cast<double>(kIdentifierMatchFloor), "evidence"},
    Constant{"weak_alias_cap", static_cast<double>(kWeakAliasCap), "evidence"},
};

}  // namespace

std::span<const Constant> Published() { return kPublished; }

}  // namespace embargo::scoring
