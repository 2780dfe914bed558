#include "match/index.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "common/parallel.h"
#include "common/strings.h"
#include "match/bracket_parts.h"
#include "model/country.h"
#include "scoring/constants.h"
#include "text/arabic_org_words.h"
#include "text/chinese.h"
#include "text/convention_readings.h"
#include "text/given_names.h"
#include "text/name_tables.h"
#include "text/phonetic.h"

namespace embargo::match {
namespace {

constexpr char kTagNorm = 'n';
constexpr char kTagKey = 'k';
constexpr char kTagFold = 'f';
constexpr char kTagSkeleton = 's';
constexpr char kTagDelete = 'd';
constexpr char kTagKeyDelete = 'e';
constexpr char kTagKeyShorter = 'E';
constexpr char kTagKeyReplace = 'r';
constexpr char kTagTranscription = 't';
// Tags of the entity lookups (maps of their own).
constexpr char kTagIdentifier = 'i';
constexpr char kTagEntityId = 'i';
constexpr char kTagAbjad = 'a';
// The consonants (text::AbjadKey) of a listed token read from Arabic script,
// which a Latin spelling of it finds (mazloom / mzlwm).
constexpr char kTagAbjadRead = 'A';
using scoring::kMaxAcronymLetters;
using scoring::kMinAcronymLetters;
using scoring::kMinDeleteLength;
constexpr size_t kMinSkeletonLookupLength = 4;
using scoring::kMinKeyDeletionSimilarity;
using scoring::kMinSpellingSimilarity;

// Spellings two edits apart where one edit is a vowel (Schulze / Scholz)
// meet through their vowel-class keys: equal keys, one key a deletion of
// the other, or both with one letter replaced at the same place (Qasim /
// Kasim). Deletions at different places on the two sides (two insertions
// and deletions, seldom within 0.8) are not looked up: for short keys they
// were most of the candidates and almost none of the matches.
// A token of a variant group also meets through every member's key, so a
// misspelling of one member (Serej for Sergej) finds the others (Sergei).
enum class KeySide { kListed, kQuery };
void AddKeyDeletions(std::string_view fold, KeySide side, std::vector<uint64_t>& out) {
  std::string key = text::VowelClassKey(fold);
  if (key.size() < kMinDeleteLength) return;
  out.push_back(HashKey(kTagKeyDelete, key));
  if (side == KeySide::kListed) {
    OneDeletionHashes(kTagKeyShorter, key, out);
  } else {
    out.push_back(HashKey(kTagKeyShorter, key));
    OneDeletionHashes(kTagKeyDelete, key, out);
  }
  PositionalDeletionHashes(kTagKeyReplace, key, out);
}

void AddKeyDeletions(const text::Token& t, KeySide side, std::vector<uint64_t>& out) {
  AddKeyDeletions(t.fold, side, out);
  if (t.key[0] != '=') return;
  for (const std::string& member : text::VariantGroupFolds(std::string_view(t.key).substr(1)))
    if (member != t.fold) AddKeyDeletions(member, side, out);
}

// A small index (a delta re-screen's, a test's) is built on the calling
// thread: new threads would cost more than they save.
int ThreadsFor(size_t entities) {
  constexpr size_t kMinEntitiesPerThread = 1024;
  return entities < 2 * kMinEntitiesPerThread ? 1 : 0;
}

bool Searchable(text::TokenRole role) {
  return role == text::TokenRole::kName || role == text::TokenRole::kNumber;
}

// A body named after its parent, as OFAC writes some ("KOREAN WORKERS
// PARTY, PROPAGANDA AND AGITATION DEPARTMENT"): the part after the comma
// when it names a body on its own (two name words or more, one a word for a
// body), to be indexed as other lists write it. Empty otherwise.
std::optional<text::AnalyzedName> BodyAfterComma(const text::AnalyzedName& a) {
  if (a.before_comma <= 0) return std::nullopt;
  auto from = a.tokens.begin() + a.before_comma;
  int name_words = 0;
  bool body = false;
  for (auto it = from; it != a.tokens.end(); ++it) {
    name_words += it->role == text::TokenRole::kName ? 1 : 0;
    body |= text::IsBodyWord(it->norm);
  }
  if (name_words < 2 || !body) return std::nullopt;
  text::AnalyzedName unit;
  unit.tokens.assign(from, a.tokens.end());
  for (size_t i = 0; i < unit.tokens.size() && unit.head < 0; ++i) {
    if (unit.tokens[i].role == text::TokenRole::kName) unit.head = static_cast<int>(i);
  }
  return unit;
}

// The short name a firm's or body's name gives in brackets at its end
// ("DAEDONG CREDIT BANK (DCB)", "EASTERN TURKISTAN ISLAMIC MOVEMENT
// (ETIM)"): one word of 2 to 10 letters or digits, two capitals at least,
// indexed as a name of its own as the lists' aliases write it ("DCB").
// Empty otherwise (a person's bracket holds other things: "(Tigrinya)").
std::optional<text::AnalyzedName> BracketedShortName(std::string_view name, Schema schema) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.size() < 4 || name.back() != ')') return std::nullopt;
  size_t open = name.rfind('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  std::string_view inner = name.substr(open + 1, name.size() - open - 2);
  int capitals = 0;
  for (char c : inner) {
    if (c >= 'A' && c <= 'Z') {
      ++capitals;
    } else if (!IsAsciiAlnum(c)) {
      return std::nullopt;
    }
  }
  if (inner.size() < 2 || inner.size() > 10 || capitals < 2) return std::nullopt;
  // A legal form in brackets ("ASIA ENERGY GENERAL TRADING (LLC)") is no
  // short name: read alone it would meet any query of legal forms (OOO).
  const std::string lower = AsciiLowercase(inner);
  if (text::IsLegalForm(lower) || text::IsLegalFormAbbreviation(lower)) return std::nullopt;
  text::AnalyzedName unit = text::AnalyzeName(inner, schema);
  if (unit.tokens.empty()) return std::nullopt;
  return unit;
}

bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool HasAsciiLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), IsAsciiLetter);
}

// What a listed name says besides its brackets: a name in Latin letters
// with its bracketed parts taken out ("Jin Tiesan (金铁三)", "Mohamed Aouani
// (formerly listed as)", "(Sheikh) Musa Hilal": the lists' notes, titles
// and glosses), and each bracketed part written in another script than the
// rest ("金铁三"), a name of its own. Nothing when the name has no brackets,
// or nothing outside them; no name without brackets of fewer than four
// letters ("AA (initials)").
std::vector<std::string> BracketReadings(std::string_view name) {
  std::vector<std::string> out;
  if (name.find('(') == std::string_view::npos) return out;
  const auto [outside, inside] = SplitBrackets(name, " ");
  if (outside.find_first_not_of(" ,;-") == std::string::npos) return out;
  // A Han or kana name's brackets are part of the legal name ("華信船務(香港)
  // 有限公司": Hong Kong); a Latin name's are the lists' notes, the name
  // without them a name when it is not too short ("AA (initials)").
  const auto letters = std::count_if(outside.begin(), outside.end(), IsAsciiLetter);
  const bool latin = letters > 0;
  if (letters >= 4) out.push_back(outside);
  for (std::string_view part : inside) {
    // In another script: letters beyond ASCII beside a Latin name; two Latin
    // words or more beside another script's ("(1965)", "(2)" are neither, nor
    // a language's name, "ኤርሚኣስ ግርማይ (Tigrinya)").
    const bool words = part.find_first_not_of(' ') != std::string_view::npos &&
                       part.find(' ', part.find_first_not_of(' ')) != std::string_view::npos;
    if (latin ? HasNonAscii(part) && !HasAsciiLetter(part) : HasAsciiLetter(part) && words) {
      out.emplace_back(part);
    }
  }
  return out;
}

}  // namespace

std::vector<ListedReading> ListedReadings(std::string_view name, Schema schema,
                                          text::AnalyzedName analyzed) {
  std::vector<ListedReading> readings;
  std::optional<text::AnalyzedName> body, short_name;
  if (schema != Schema::kPerson) {
    body = BodyAfterComma(analyzed);
    short_name = BracketedShortName(name, schema);
  }
  readings.push_back({std::move(analyzed)});
  if (body) readings.push_back({std::move(*body)});
  if (short_name) readings.push_back({std::move(*short_name)});
  auto add_derived = [&](const std::string& other) {
    text::AnalyzedName reading = text::AnalyzeName(other, schema);
    if (!reading.tokens.empty()) readings.push_back({std::move(reading), true});
  };
  for (const std::string& other : text::ConventionReadings(name)) add_derived(other);
  for (const std::string& part : BracketReadings(name)) add_derived(part);
  if (schema != Schema::kPerson) {
    for (const std::string& other : text::OrganisationReadings(name)) add_derived(other);
  }
  return readings;
}

void ListedTokenKeys(const text::Token& t, std::vector<uint64_t>& out) {
  out.push_back(HashKey(kTagNorm, t.norm));
  out.push_back(HashKey(kTagKey, t.key));
  out.push_back(HashKey(kTagFold, t.fold));
  out.push_back(HashKey(kTagSkeleton, text::SkeletonKey(t.fold)));
  out.push_back(HashKey(kTagTranscription, text::TranscriptionKey(t.fold)));
  out.push_back(HashKey(kTagAbjad, text::AbjadKey(t.fold)));
  if (t.abjad) {
    out.push_back(HashKey(kTagAbjadRead, text::AbjadKey(t.fold)));
    if (!t.vowelled.empty() && t.vowelled != t.fold) out.push_back(HashKey(kTagFold, t.vowelled));
  } else if (std::string english = text::FrenchConventionSpelling(t.norm); !english.empty()) {
    out.push_back(HashKey(kTagAbjad, text::AbjadKey(text::Fold(english))));
  }
  DeletionHashes(kTagDelete, t.norm, kMinDeleteLength, out);
  AddKeyDeletions(t, KeySide::kListed, out);
}

std::string NormalizeIdentifier(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c >= 'a' && c <= 'z')
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      out.push_back(c);
  }
  // "IMO 9876543" and "9876543" are the same vessel number.
  if (out.size() == 10 && out.compare(0, 3, "IMO") == 0 &&
      std::all_of(out.begin() + 3, out.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    out.erase(0, 3);
  }
  return out;
}

float RoleWeight(text::TokenRole role) {
  switch (role) {
    case text::TokenRole::kName: return scoring::kNameRoleWeight;
    case text::TokenRole::kNumber: return scoring::kNameRoleWeight;
    case text::TokenRole::kInitial: return scoring::kInitialRoleWeight;
    case text::TokenRole::kParticle: return scoring::kParticleRoleWeight;
    case text::TokenRole::kConnector: return scoring::kConnectorRoleWeight;
    case text::TokenRole::kLegalForm: return scoring::kLegalFormRoleWeight;
    case text::TokenRole::kTitle: return scoring::kTitleRoleWeight;
  }
  return scoring::kNameRoleWeight;
}

Index::Index(const std::vector<Entity>& entities) {
  AddEntities(entities);
  BuildLookups(nullptr);
}

Index::Index(const std::vector<Entity>& entities, const Index& rarity) {
  AddEntities(entities);
  BuildLookups(&rarity);
}

void Index::AddEntities(const std::vector<Entity>& entities) {
  // Reading the names (transliteration, phrase tables) is most of the work
  // and needs nothing shared: it runs on every core; interning the tokens
  // then runs in entity order, so ids do not depend on the threads.
  entity_count_ = static_cast<uint32_t>(entities.size());
  FindNamedCountries(entities);
  BuildIdentifierLookups(entities);
  // readings_of[e][n]: the readings of entity e's name n.
  std::vector<std::vector<std::vector<ListedReading>>> readings_of(entities.size());
  ParallelFor(entities.size(), ThreadsFor(entities.size()), [&](size_t e) {
    const Entity& entity = entities[e];
    readings_of[e].reserve(entity.names.size());
    for (const Name& name : entity.names) {
      readings_of[e].push_back(
          ListedReadings(name.value, entity.schema, text::AnalyzeName(name.value, entity.schema)));
    }
  });
  for (uint32_t e = 0; e < entities.size(); ++e) {
    const Entity& entity = entities[e];
    for (uint32_t n = 0; n < entity.names.size(); ++n) {
      std::vector<ListedReading>& readings = readings_of[e][n];
      for (size_t r = 0; r < readings.size(); ++r) {
        AddName(e, n, entity.names[n], entity.schema, readings[r].derived,
                std::move(readings[r].analyzed), r == 0);
      }
    }
  }
  ReadVocabulary();
}

std::vector<std::string> NamedCountries(const Entity& entity) {
  if (entity.schema == Schema::kPerson || !entity.countries.empty() ||
      !entity.nationalities.empty())
    return {};
  for (const Address& a : entity.addresses) {
    if (!a.country.empty()) return {};
  }
  return CountriesNamedIn(entity.names);
}

void Index::FindNamedCountries(const std::vector<Entity>& entities) {
  std::vector<std::vector<std::string>> found(entities.size());
  ParallelFor(entities.size(), ThreadsFor(entities.size()),
              [&](size_t e) { found[e] = NamedCountries(entities[e]); });
  named_country_entities_.clear();
  named_countries_.clear();
  for (uint32_t e = 0; e < found.size(); ++e) {
    if (found[e].empty()) continue;
    named_country_entities_.push_back(e);
    named_countries_.push_back(std::move(found[e]));
  }
}

EntityEvidence Index::evidence(const Entity& entity, uint32_t e) const {
  auto it = std::lower_bound(named_country_entities_.begin(), named_country_entities_.end(), e);
  if (it == named_country_entities_.end() || *it != e) return {entity, {}};
  return {entity, named_countries_[static_cast<size_t>(it - named_country_entities_.begin())]};
}

VocabToken Index::MakeVocabToken(text::Token token) {
  text::KoreanSyllable syllable = text::ParseKoreanSyllable(token.norm);
  bool is_syllable = syllable.valid() || text::IsChineseSyllable(token.norm);
  return VocabToken{std::move(token), 1.0f, syllable, is_syllable};
}

uint32_t Index::InternToken(const std::string& norm, bool abjad) {
  auto [it, inserted] = vocab_ids_.try_emplace(norm, static_cast<uint32_t>(vocab_.size()));
  if (inserted) {
    vocab_.emplace_back().token.norm = norm;
    all_abjad_.push_back(abjad);
    postings_.emplace_back();
  } else if (!abjad) {
    // Read from Arabic script only when every name holding it was: a token
    // a Latin name also holds (muhammad, from a vowelled Arabic spelling)
    // is compared as Latin.
    all_abjad_[it->second] = false;
  }
  return it->second;
}

void Index::ReadVocabulary() {
  const size_t first = vocab_read_;
  ParallelForBlocks(vocab_.size() - first, 4096, [&](size_t, size_t begin, size_t end) {
    for (size_t v = first + begin; v < first + end; ++v) {
      VocabToken& entry = vocab_[v];
      entry = MakeVocabToken(text::MakeToken(entry.token.norm, text::TokenRole::kName));
      if (all_abjad_[v]) text::ReadAsAbjad(entry.token);
    }
  });
  vocab_read_ = vocab_.size();
}

void Index::AddName(uint32_t entity, uint32_t name_index, const Name& name, Schema schema,
                    bool derived_reading, text::AnalyzedName analyzed, bool count_keys) {
  if (analyzed.tokens.empty()) return;
  IndexedName indexed;
  indexed.entity = entity;
  indexed.name_index = name_index;
  indexed.kind = name.kind;
  indexed.head = analyzed.head;
  indexed.before_comma = analyzed.before_comma;
  indexed.korean = analyzed.korean;
  indexed.syllabic = analyzed.syllabic;
  indexed.nasab = analyzed.nasab;
  indexed.derived_reading = derived_reading;
  uint32_t name_id = static_cast<uint32_t>(names_.size());
  // A key counts once per name (names hold a handful of tokens: a linear
  // scan, no set).
  std::vector<std::string_view> keys_seen;
  for (const text::Token& token : analyzed.tokens) {
    uint32_t v = InternToken(token.norm, token.abjad);
    indexed.tokens.push_back(NameToken{v, token.role, token.position, 0});
    if (Searchable(token.role)) postings_[v].push_back(name_id);
    if (count_keys && std::find(keys_seen.begin(), keys_seen.end(), token.key) == keys_seen.end()) {
      keys_seen.push_back(token.key);
      ++key_df_[token.key];
    }
  }
  std::string joined;
  for (size_t j = 0; j + 1 < analyzed.tokens.size(); ++j) {
    joined.assign(analyzed.tokens[j].norm).append(analyzed.tokens[j + 1].norm);
    uint32_t v = InternToken(joined, analyzed.tokens[j].abjad && analyzed.tokens[j + 1].abjad);
    indexed.joined.push_back(v);
    postings_[v].push_back(name_id);
  }
  if (schema != Schema::kPerson) AddAcronym(analyzed, name_id, indexed);
  names_.push_back(std::move(indexed));
}

void Index::AddAcronym(const text::AnalyzedName& analyzed, uint32_t name_id, IndexedName& indexed) {
  std::string letters;
  int first = -1, last = -1;
  for (size_t j = 0; j < analyzed.tokens.size(); ++j) {
    const text::Token& t = analyzed.tokens[j];
    if (t.role != text::TokenRole::kName) continue;
    letters.push_back(t.norm[0]);
    if (first < 0) first = static_cast<int>(j);
    last = static_cast<int>(j);
  }
  if (letters.size() < kMinAcronymLetters || letters.size() > kMaxAcronymLetters) return;
  uint32_t v = InternToken(letters, false);
  indexed.acronym = v;
  indexed.acronym_first = static_cast<uint32_t>(first);
  indexed.acronym_last = static_cast<uint32_t>(last);
  postings_[v].push_back(name_id);
}

void Index::BuildLookups(const Index* rarity) {
  ComputeWeights(rarity);
  for (auto& p : postings_) p.erase(std::unique(p.begin(), p.end()), p.end());
  BuildTokenLookup();
  vocab_ids_ = {};  // tokens are found through the lookup table from now on (FindToken)
  all_abjad_ = {};
}

void Index::ComputeWeights(const Index* rarity) {
  if (rarity != nullptr) {
    key_weight_ = rarity->key_weight_;
  } else {
    // Rarity over the names as the lists give them and their older readings;
    // a bracket reading repeats its name and moves no weight.
    const auto readings = std::count_if(
        names_.begin(), names_.end(), [](const IndexedName& name) { return name.derived_reading; });
    double n =
        static_cast<double>(std::max<size_t>(names_.size() - static_cast<size_t>(readings), 2));
    key_weight_.reserve(key_df_.size());
    for (const auto& [key, df] : key_df_) {
      double idf = std::log((n + 1) / (df + 0.5)) / std::log(n + 1);
      key_weight_[key] =
          static_cast<float>(std::clamp(idf, scoring::kMinRarityWeight, scoring::kMaxRarityWeight));
    }
  }
  for (VocabToken& v : vocab_) v.key_weight = KeyWeight(v.token.key);
  name_weights_.clear();
  name_weights_.reserve(names_.size());
  name_weight_steps_.clear();
  name_weight_steps_.reserve(names_.size());
  for (IndexedName& name : names_) {
    name.total_weight = 0;
    for (NameToken& t : name.tokens) {
      t.weight = vocab_[t.vocab].key_weight * RoleWeight(t.role);
      name.total_weight += t.weight;
    }
    name_weights_.push_back(name.total_weight);
    name_weight_steps_.push_back(static_cast<uint8_t>(
        std::min(255.0f, std::floor(name.total_weight * kNameWeightStepsPerUnit))));
  }
}

void Index::BuildTokenLookup() {
  // The lookup keys of each vocabulary token (spelling keys, deletions) are
  // computed on every core, a block of tokens per task, and the blocks
  // joined in order.
  constexpr size_t kBlock = 4096;
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> blocks((vocab_.size() + kBlock - 1) /
                                                                 kBlock);
  ParallelForBlocks(vocab_.size(), kBlock, [&](size_t b, size_t begin, size_t end) {
    std::vector<std::pair<uint64_t, uint32_t>>& block = blocks[b];
    std::vector<uint64_t> keys;
    for (uint32_t v = static_cast<uint32_t>(begin); v < end; ++v) {
      keys.clear();
      ListedTokenKeys(vocab_[v].token, keys);
      for (uint64_t k : keys) block.emplace_back(k, v);
    }
  });
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  size_t total = 0;
  for (const auto& block : blocks) total += block.size();
  entries.reserve(total);
  for (auto& block : blocks) {
    entries.insert(entries.end(), block.begin(), block.end());
    std::vector<std::pair<uint64_t, uint32_t>>().swap(block);
  }
  lookup_ = FlatMultiMap(std::move(entries));
}

void Index::BuildIdentifierLookups(const std::vector<Entity>& entities) {
  std::vector<std::pair<uint64_t, uint32_t>> ids, entity_ids;
  entity_ids.reserve(entities.size());
  for (uint32_t e = 0; e < entities.size(); ++e) {
    entity_ids.emplace_back(HashKey(kTagEntityId, entities[e].id), e);
    for (const Identifier& id : entities[e].identifiers) {
      std::string norm = NormalizeIdentifier(id.value);
      if (norm.size() >= kMinIdentifierLength) ids.emplace_back(HashKey(kTagIdentifier, norm), e);
    }
  }
  identifiers_ = FlatMultiMap(std::move(ids));
  entity_ids_ = FlatMultiMap(std::move(entity_ids));
}

std::span<const uint32_t> Index::postings(uint32_t vocab) const { return postings_[vocab]; }

uint32_t Index::FindToken(std::string_view norm) const {
  for (uint32_t v : lookup_.Find(HashKey(kTagNorm, norm))) {
    if (vocab_[v].token.norm == norm) return v;  // other tags' keys may share the hash
  }
  return kNoToken;
}

bool Index::HoldTogether(std::initializer_list<std::string_view> norms) const {
  std::vector<std::span<const uint32_t>> lists;
  lists.reserve(norms.size());
  for (std::string_view norm : norms) {
    uint32_t v = FindToken(norm);
    if (v == kNoToken) return false;
    lists.push_back(postings_[v]);
  }
  if (lists.empty()) return false;
  std::sort(lists.begin(), lists.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  for (uint32_t name : lists[0]) {  // postings are sorted by name id
    bool all = true;
    for (size_t k = 1; k < lists.size() && all; ++k)
      all = std::binary_search(lists[k].begin(), lists[k].end(), name);
    if (all) return true;
  }
  return false;
}

float Index::KeyWeight(const std::string& key) const {
  auto it = key_weight_.find(key);
  return it == key_weight_.end() ? 1.0f : it->second;
}

std::span<const uint32_t> Index::EntitiesWithIdentifier(const std::string& normalized) const {
  return identifiers_.Find(HashKey(kTagIdentifier, normalized));
}

std::span<const uint32_t> Index::EntitiesWithId(std::string_view id) const {
  return entity_ids_.Find(HashKey(kTagEntityId, id));
}

void Index::FindSimilar(const text::Token& token, Lookup lookup, std::vector<SimilarToken>& out,
                        LookupScratch& scratch) const {
  out.clear();
  std::vector<uint32_t>& ids = scratch.ids;
  std::vector<uint64_t>& hashes = scratch.hashes;
  ids.clear();
  hashes.clear();
  hashes.push_back(HashKey(kTagNorm, token.norm));
  if (lookup != Lookup::kExactOnly) {
    hashes.push_back(HashKey(kTagKey, token.key));
    hashes.push_back(HashKey(kTagFold, token.fold));
  }
  if (lookup == Lookup::kConsonants && token.abjad) {
    hashes.push_back(HashKey(kTagAbjad, text::AbjadKey(token.fold)));
    if (!token.vowelled.empty()) hashes.push_back(HashKey(kTagFold, token.vowelled));
  }
  if (lookup == Lookup::kFuzzy) {
    if (text::IsAbjadSkeleton(token.norm))
      hashes.push_back(HashKey(kTagSkeleton, text::SkeletonKey(token.fold)));
    if (token.abjad) {
      hashes.push_back(HashKey(kTagAbjad, text::AbjadKey(token.fold)));
      std::string vowelled = text::AbjadVowelled(token.norm);
      if (vowelled != token.norm) {
        hashes.push_back(
            HashKey(kTagFold, token.vowelled.empty() ? text::FoldAbjad(vowelled) : token.vowelled));
        DeletionHashes(kTagDelete, vowelled, kMinDeleteLength, hashes);
      }
    }
    if (!token.abjad) {
      hashes.push_back(HashKey(kTagAbjadRead, text::AbjadKey(token.fold)));
      std::string english = text::FrenchConventionSpelling(token.norm);
      if (!english.empty())
        hashes.push_back(HashKey(kTagAbjadRead, text::AbjadKey(text::Fold(english))));
      // A listed Latin spelling in the other convention (ALLOUCH for
      // ALLUSH, CHALICHE for SHALISH, or the other way): found by the fold
      // of the reading or one deletion away from it.
      if (text::MayBeFrenchConvention(token.norm)) {
        for (const std::string& read :
             {text::FrenchConventionSpelling(token.norm, /*digraphs_only=*/true),
              text::EnglishAsFrenchConvention(token.norm),
              text::EgyptianConventionSpelling(token.norm)}) {
          if (read.empty()) continue;
          hashes.push_back(HashKey(kTagFold, text::Fold(read)));
          DeletionHashes(kTagDelete, read, kMinDeleteLength, hashes);
        }
      }
    }
    if (token.transcribed)
      hashes.push_back(HashKey(kTagTranscription, text::TranscriptionKey(token.fold)));
    DeletionHashes(kTagDelete, token.norm, kMinDeleteLength, hashes);
  }
  for (uint64_t h : hashes) {
    std::span<const uint32_t> found = lookup_.Find(h);
    ids.insert(ids.end(), found.begin(), found.end());
  }
  size_t direct = ids.size();
  if (lookup == Lookup::kFuzzy) {
    hashes.clear();
    AddKeyDeletions(token, KeySide::kQuery, hashes);
    // A Latin spelling whose consonants agree with a listed one but whose
    // vowels differ in more places than the key deletions reach (Sleiman /
    // Souleymane): found through the consonant skeleton, held to the same
    // floor.
    if (!token.abjad && !text::IsAbjadSkeleton(token.norm)) {
      std::string skeleton = text::SkeletonKey(token.fold);
      if (skeleton.size() >= kMinSkeletonLookupLength)
        hashes.push_back(HashKey(kTagSkeleton, skeleton));
    }
    for (uint64_t h : hashes) {
      std::span<const uint32_t> found = lookup_.Find(h);
      ids.insert(ids.end(), found.begin(), found.end());
    }
  }
  // Tokens found only through the key deletions (two edits, one a vowel)
  // must be close: Schulze / Scholz, not Berg / Mark.
  std::sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(direct));
  std::sort(ids.begin() + static_cast<std::ptrdiff_t>(direct), ids.end());
  std::vector<uint32_t>& merged = scratch.merged;
  merged.clear();
  std::merge(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(direct),
             ids.begin() + static_cast<std::ptrdiff_t>(direct), ids.end(),
             std::back_inserter(merged));
  merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
  // Candidates lie anywhere in the vocabulary: fetch a few ahead so that
  // the comparisons do not wait on memory one after another.
  constexpr size_t kPrefetchAhead = 8;
  for (size_t i = 0; i < merged.size(); ++i) {
    if (i + kPrefetchAhead < merged.size()) {
      const char* ahead = reinterpret_cast<const char*>(&vocab_[merged[i + kPrefetchAhead]]);
      __builtin_prefetch(ahead);
      __builtin_prefetch(ahead + 64);
    }
    uint32_t v = merged[i];
    bool via_key_deletion_only =
        !std::binary_search(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(direct), v);
    float floor = lookup == Lookup::kSpelling ? kMinSpellingSimilarity
                  : via_key_deletion_only     ? kMinKeyDeletionSimilarity
                                              : text::kMinTokenSimilarity;
    text::TokenSimilarity sim = text::CompareTokens(token, vocab_[v].token, floor);
    if (sim.score < floor) continue;
    out.push_back(SimilarToken{v, sim.score, sim.kind});
  }
  if (lookup == Lookup::kFuzzy) AddRelatedGivenNames(token, out, scratch.related);
}

void Index::AddRelatedGivenNames(const text::Token& token, std::vector<SimilarToken>& out,
                                 std::vector<uint32_t>& ids) const {
  const std::vector<text::RelatedGivenName>& related = text::RelatedGivenNames(token.norm);
  if (related.empty()) return;
  ids.clear();
  for (const text::RelatedGivenName& r : related) {
    text::Token t = text::MakeToken(r.name, text::TokenRole::kName);
    for (uint32_t v : lookup_.Find(HashKey(kTagNorm, t.norm))) ids.push_back(v);
    if (r.formal && t.key[0] == '=') {
      for (uint32_t v : lookup_.Find(HashKey(kTagKey, t.key))) ids.push_back(v);
    }
  }
  for (uint32_t v : ids) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const SimilarToken& s) { return s.vocab == v; });
    if (it == out.end()) {
      out.push_back(SimilarToken{v, text::kNicknameSimilarity, text::TokenMatchKind::kNickname});
    } else if (it->score < text::kNicknameSimilarity) {
      *it = SimilarToken{v, text::kNicknameSimilarity, text::TokenMatchKind::kNickname};
    }
  }
  std::sort(out.begin(), out.end(),
            [](const SimilarToken& a, const SimilarToken& b) { return a.vocab < b.vocab; });
}

size_t Index::memory_bytes() const {
  size_t bytes = lookup_.memory_bytes() + identifiers_.memory_bytes() + entity_ids_.memory_bytes();
  for (const VocabToken& v : vocab_)
    bytes += sizeof(v) + v.token.norm.capacity() + v.token.fold.capacity() + v.token.key.capacity();
  for (const IndexedName& n : names_)
    bytes += sizeof(n) + n.tokens.capacity() * sizeof(NameToken) + n.joined.capacity() * 4;
  for (const auto& p : postings_) bytes += sizeof(p) + p.capacity() * 4;
  return bytes;
}

}  // namespace embargo::match
