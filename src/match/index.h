// The immutable in-memory index the matcher searches: every name of every
// entity analysed once (src/text), a vocabulary of distinct tokens with
// rarity weights, postings from tokens to names, lookup tables that find
// similar tokens (same spelling, same variant key, one edit away by
// symmetric deletion, joined adjacent parts), per-entity evidence (birth
// dates, countries, normalised identifiers) and an identifier lookup.
// Built once by the constructor; const afterwards and safe to share.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "embargo/entity.h"
#include "match/binary_io.h"
#include "match/flat_multimap.h"
#include "text/korean.h"
#include "text/name_analyzer.h"
#include "text/similarity.h"

namespace embargo::match {

struct VocabToken {
  // Role kName (roles are per occurrence: NameToken); `abjad` when every
  // name holding it was read from Arabic script.
  text::Token token;
  float key_weight = 1;           // rarity of the token's variant key, in (0, 1]
  text::KoreanSyllable syllable;  // as a romanised Korean syllable, if it can be one
  bool is_syllable = false;       // a Korean or Chinese syllable as written
};

struct NameToken {
  uint32_t vocab = 0;
  text::TokenRole role = text::TokenRole::kName;
  text::NamePosition position = text::NamePosition::kCore;
  float weight = 0;
};

inline constexpr uint32_t kNoVocab = 0xFFFFFFFF;

struct IndexedName {
  uint32_t entity = 0;
  uint32_t name_index = 0;  // into Entity::names
  NameKind kind = NameKind::kPrimary;
  std::vector<NameToken> tokens;
  std::vector<uint32_t> joined;  // joined[j]: vocab id of tokens j and j+1 written as one
  float total_weight = 0;        // sum of the tokens' weights
  int head = -1;                 // leading given name (AnalyzedName::head)
  int before_comma = 0;          // tokens before the comma of "LAST, First"
  bool korean = false;           // AnalyzedName::korean
  bool syllabic = false;         // AnalyzedName::syllabic
  bool nasab = false;            // AnalyzedName::nasab
  // A reading of the name (its brackets, another transliteration
  // convention: ListedReading::derived): scored at
  // scoring::kListedReadingScale, below the name as the list wrote it.
  bool derived_reading = false;
  // The initials of a firm's or body's name of three words or more
  // ("peoples liberation army" -> "pla"), standing for tokens
  // acronym_first..acronym_last; kNoVocab when none.
  uint32_t acronym = kNoVocab;
  uint32_t acronym_first = 0;
  uint32_t acronym_last = 0;
};

// What the evidence stage (match/evidence.h) reads of a listed entity: the
// entity as listed and, for a firm or body listed with no country or
// nationality, the countries its names name (FOREIGN TRADE BANK OF THE
// DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA), which the index works out once.
// A view: nothing of the entity is copied (a million entities' copies held
// about 200 MB).
struct EntityEvidence {
  const Entity& entity;
  std::span<const std::string> named_countries;
};

// The countries a firm or body listed with no country or nationality names
// ("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"); none
// for others (EntityEvidence::named_countries).
std::vector<std::string> NamedCountries(const Entity& entity);

// Identifier in comparable form: uppercase letters and digits only, without
// an "IMO" prefix on IMO numbers.
std::string NormalizeIdentifier(std::string_view value);
// Shorter normalised identifiers say too little to match on.
inline constexpr size_t kMinIdentifierLength = 4;

// Every reading of a listed name the index holds, `analyzed` (the name as
// AnalyzeName reads it) first; for a firm or body also the body named
// after its parent ("KOREAN WORKERS PARTY, PROPAGANDA AND AGITATION
// DEPARTMENT": the part after the comma) and the short name it gives in
// brackets ("DAEDONG CREDIT BANK (DCB)": "DCB"); for any name, its readings
// in another transliteration convention (text::ConventionReadings: فضل as
// FAZL, HUSIEV as GUSEV); for any name with
// brackets, the name without them ("Mohamed Aouani (formerly listed as)",
// "(Sheikh) Musa Hilal") and each bracketed part in another script than the
// rest ("Jin Tiesan (金铁三)": "金铁三"); these last and the convention
// readings are `derived`.
struct ListedReading {
  text::AnalyzedName analyzed;
  bool derived = false;
};
std::vector<ListedReading> ListedReadings(std::string_view name, Schema schema,
                                          text::AnalyzedName analyzed);

// Every lookup key (hash) a listed, vocabulary token is found by: its
// spelling keys and deletions. Appends to `out`.
void ListedTokenKeys(const text::Token& token, std::vector<uint64_t>& out);

// How much a token of this role counts in a name, relative to an ordinary part.
float RoleWeight(text::TokenRole role);

struct SimilarToken {
  uint32_t vocab;
  float score;
  text::TokenMatchKind kind;
};

// Buffers of Index::FindSimilar, kept between calls so that a lookup does
// not allocate.
struct LookupScratch {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> ids, merged, related;
};

class Index {
 public:
  explicit Index(const std::vector<Entity>& entities);
  // An index over `entities` that takes its rarity weights from `rarity`
  // instead of computing them, so names score exactly as in that index.
  Index(const std::vector<Entity>& entities, const Index& rarity);

  const std::vector<IndexedName>& names() const { return names_; }
  const std::vector<VocabToken>& vocab() const { return vocab_; }
  // names()[name].total_weight, packed: the candidate stage reads it for
  // tens of thousands of names per query in a big index.
  float name_weight(uint32_t name) const { return name_weights_[name]; }
  void PrefetchNameWeight(uint32_t name) const { __builtin_prefetch(&name_weights_[name]); }
  // A lower bound of name_weight in a byte per name (1/16 steps): a table
  // that stays in a core's cache where the floats do not.
  float name_weight_at_least(uint32_t name) const {
    return name_weight_steps_[name] * (1.0f / kNameWeightStepsPerUnit);
  }
  static constexpr float kNameWeightStepsPerUnit = 16.0f;
  // `entity`, number `e` of the entities the index was built from, with
  // the countries its names name when it lists none.
  EntityEvidence evidence(const Entity& entity, uint32_t e) const;
  std::span<const uint32_t> postings(uint32_t vocab) const;

  // Vocabulary tokens similar to `token` (score >= kMinTokenSimilarity),
  // sorted by vocab id. kExactOnly looks up the exact spelling only;
  // kSpelling also other spellings of it (same fold or variant group: score
  // >= 0.95, no edit distances); kFuzzy everything up to kMinTokenSimilarity.
  // kConsonants: the spelling, its fold and, for a token read from Arabic
  // script, its vowelled fold and its consonants (no edit distances: parts
  // read from Arabic script looked up as one word, ولی جان as WALIJAN).
  enum class Lookup { kExactOnly, kSpelling, kFuzzy, kConsonants };
  // `scratch`: buffers reused across calls (a query's Workspace holds one).
  void FindSimilar(const text::Token& token, Lookup lookup, std::vector<SimilarToken>& out,
                   LookupScratch& scratch) const;

  // Whether some indexed name holds this token as written.
  bool HasToken(std::string_view norm) const { return FindToken(norm) != kNoToken; }
  // Whether one indexed name holds all these tokens as written (as parts,
  // joined neighbours or its acronym).
  bool HoldTogether(std::initializer_list<std::string_view> norms) const;

  // The vocabulary id of the token written `norm`, kNoToken when no indexed
  // name holds it. Read from the token lookup (no string is made).
  static constexpr uint32_t kNoToken = 0xFFFFFFFF;
  uint32_t FindToken(std::string_view norm) const;

  // Rarity weight for a query token's key (1 when unseen).
  float KeyWeight(const std::string& key) const;

  // Entities carrying this normalised identifier.
  std::span<const uint32_t> EntitiesWithIdentifier(const std::string& normalized) const;
  // The entities whose id may be `id` (those whose id hashes as it does:
  // the caller compares the ids).
  std::span<const uint32_t> EntitiesWithId(std::string_view id) const;

  size_t memory_bytes() const;

  // The index as a snapshot file keeps it (index_snapshot.cc): what is
  // costly to build (the names as analysed, the vocabulary, postings, the
  // similar-token lookup, the rarity counts, the countries names name and
  // the identifier and entity-id lookups). Weights are recomputed on
  // reading.
  void Write(BinaryWriter& w) const;
  // Reads what Write wrote. Every id, offset and count is checked against
  // what it points into, so a corrupted snapshot fails the reader (nullopt,
  // r.why()) and never yields an index that reads out of bounds; only the
  // names' entity numbers wait for Complete (the entities may still be being
  // read, on another thread). Works out the weights, which need only the
  // index, on the reading thread. The index is not usable before Complete.
  static std::optional<Index> Read(BinaryReader& r);
  // Checks that the index was built over as many entities as `entities`
  // and the names' entity and name numbers against them (false, with
  // `why`, when one is out of range).
  bool Complete(const std::vector<Entity>& entities, std::string& why);
  // Whether a sample of this index's names (about one in `stride`),
  // vocabulary and entities (the countries their names name, their ids and
  // identifiers) analyse and look up today as they did when it was built: an
  // index written by an embargo whose name analysis differs would screen
  // differently from one built now, and is rebuilt instead.
  bool AgreesWithAnalysis(const std::vector<Entity>& entities, size_t stride = 64) const;

 private:
  Index() = default;
  // A vocabulary entry for `token` (as MakeToken reads its spelling), with
  // its readings as a Korean or Chinese syllable.
  static VocabToken MakeVocabToken(text::Token token);
  void FindNamedCountries(const std::vector<Entity>& entities);
  void ComputeWeights(const Index* rarity);
  void BuildTokenLookup();
  // The lookups from entities' identifiers and from their ids.
  void BuildIdentifierLookups(const std::vector<Entity>& entities);
  // The vocabulary id of `norm`, added if new. `abjad`: this occurrence was
  // read from Arabic script (text::Token::abjad); when every occurrence was,
  // the vocabulary token says so, and a Latin spelling is compared with it
  // as with an Arabic query's token (its consonants, its long vowels).
  // A new token's entry holds only its spelling until ReadVocabulary.
  uint32_t InternToken(const std::string& norm, bool abjad);
  // Reads the spellings interned since the last call (MakeToken, and as
  // Arabic script where every occurrence was), on every core.
  void ReadVocabulary();
  void AddAcronym(const text::AnalyzedName& analyzed, uint32_t name_id, IndexedName& indexed);
  // Adds the vocabulary spellings of the formal names (Ted -> Theodore, and
  // its variant group) or the short forms (as written) of a given name to
  // `out`, keeping it sorted by vocab id.
  void AddRelatedGivenNames(const text::Token& token, std::vector<SimilarToken>& out,
                            std::vector<uint32_t>& ids) const;
  // `count_keys` false: a second reading of a name already counted (its
  // tokens do not make their keys commoner).
  void AddName(uint32_t entity, uint32_t name_index, const Name& name, Schema schema,
               bool derived_reading, text::AnalyzedName analyzed, bool count_keys = true);
  void AddEntities(const std::vector<Entity>& entities);
  void BuildLookups(const Index* rarity);

  std::vector<VocabToken> vocab_;
  std::unordered_map<std::string, uint32_t> vocab_ids_;  // while building only
  std::vector<bool> all_abjad_;  // while building: every occurrence read from Arabic script
  size_t vocab_read_ = 0;        // vocab_[0, vocab_read_) read (ReadVocabulary)
  std::vector<IndexedName> names_;
  std::vector<float> name_weights_;         // names_[i].total_weight
  std::vector<uint8_t> name_weight_steps_;  // floor(that × 16), at most 255
  std::vector<std::vector<uint32_t>> postings_;
  std::unordered_map<std::string, uint32_t> key_df_;
  std::unordered_map<std::string, float> key_weight_;
  FlatMultiMap lookup_;        // n:norm, k:key, d:deletion -> vocab ids
  uint32_t entity_count_ = 0;  // of the entities indexed
  FlatMultiMap identifiers_;   // normalised id -> entity
  FlatMultiMap entity_ids_;    // entity id -> entity
  // The entities listed with no country whose names name one, ascending,
  // and those countries.
  std::vector<uint32_t> named_country_entities_;
  std::vector<std::vector<std::string>> named_countries_;
};

}  // namespace embargo::match
