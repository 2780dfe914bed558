// Index::Write / Read / AgreesWithAnalysis: the built index in the snapshot
// file, so that loading a snapshot skips reading every name again (see
// index.h). Layout, after the snapshot's entities (from format 12, found by
// the entities' byte count before them, so that both are read at once):
//   vocabulary: count, then per token norm, fold, key
//   names: count, then per name entity, name index, kind, tokens (vocab,
//     role, position), joined ids, head, before_comma, flags, acronym
//   postings: one sorted id list per vocabulary token
//   rarity counts: count, then per key (in key order) the key and its
//     document frequency
//   the similar-token lookup table (FlatMultiMap::Write)
//   (16 on) the entity count; the entities whose names name a country
//     (ascending), each with those countries; the identifier and entity-id
//     lookups (FlatMultiMap::Write)
// A vocabulary token's flags say whether it was read from Arabic script and
// (16 on) whether it is a Korean or Chinese syllable, so that reading it
// parses only the syllables.
#include <fmt/format.h>

#include <algorithm>

#include "common/parallel.h"
#include "match/index.h"
#include "text/name_analyzer.h"

namespace embargo::match {
namespace {

constexpr uint32_t kKorean = 1, kSyllabic = 2, kNasab = 4, kDerivedReading = 8;
constexpr uint32_t kAbjadToken = 1, kSyllableToken = 2;  // a vocabulary token's flags
constexpr size_t kVocabularySample = 65536;              // tokens checked against the lookup table
constexpr size_t kSamplesPerBlock = 64;                  // AgreesWithAnalysis's share of one core

template <typename E>
E ReadEnum(BinaryReader& r, E last, std::string_view what) {
  uint32_t v = r.U32();
  if (r.ok() && v > static_cast<uint32_t>(last))
    r.Invalid(fmt::format("{} {} out of range", what, v));
  return static_cast<E>(r.ok() ? v : 0);
}

// Reads one name and checks every id in it against the sizes it indexes
// but its entity's (Index::Complete).
IndexedName ReadName(BinaryReader& r, uint32_t vocab) {
  IndexedName n;
  n.entity = r.U32();
  n.name_index = r.U32();
  n.kind = ReadEnum(r, NameKind::kPreviousName, "name kind");
  const uint32_t count = r.Count();
  n.tokens.reserve(count);  // 12 bytes each in the file, 16 in memory
  for (uint32_t i = 0; i < count && r.ok(); ++i) {
    NameToken t;
    t.vocab = r.Below(vocab, "token");
    t.role = ReadEnum(r, text::TokenRole::kInitial, "token role");
    t.position = ReadEnum(r, text::NamePosition::kMiddle, "token position");
    n.tokens.push_back(t);
  }
  n.joined = r.U32s();
  n.head = r.I32();
  n.before_comma = r.I32();
  uint32_t flags = r.U32();
  n.acronym = r.U32();
  n.acronym_first = r.U32();
  n.acronym_last = r.U32();
  if (!r.ok()) return n;
  const auto size = static_cast<int64_t>(n.tokens.size());
  if (n.tokens.empty()) r.Invalid("a name without tokens");
  if (static_cast<int64_t>(n.joined.size()) != std::max<int64_t>(size - 1, 0))
    r.Invalid(fmt::format("{} joined ids for {} tokens", n.joined.size(), size));
  for (uint32_t v : n.joined)
    if (v >= vocab) r.Invalid(fmt::format("joined token {} out of range", v));
  if (n.head < -1 || n.head >= size) r.Invalid(fmt::format("head {} out of range", n.head));
  if (n.before_comma < 0 || n.before_comma > size)
    r.Invalid(fmt::format("comma position {} out of range", n.before_comma));
  if (flags > (kKorean | kSyllabic | kNasab | kDerivedReading))
    r.Invalid(fmt::format("name flags {}", flags));
  if (n.acronym != kNoVocab &&
      (n.acronym >= vocab || n.acronym_first > n.acronym_last || n.acronym_last >= size))
    r.Invalid("acronym out of range");
  n.korean = (flags & kKorean) != 0;
  n.syllabic = (flags & kSyllabic) != 0;
  n.nasab = (flags & kNasab) != 0;
  n.derived_reading = (flags & kDerivedReading) != 0;
  return n;
}

}  // namespace

void Index::Write(BinaryWriter& w) const {
  w.U32(static_cast<uint32_t>(vocab_.size()));
  for (const VocabToken& v : vocab_) {
    w.Str(v.token.norm);
    w.Str(v.token.fold);
    w.Str(v.token.key);
    w.U32((v.token.abjad ? kAbjadToken : 0) | (v.is_syllable ? kSyllableToken : 0));
  }
  w.U32(static_cast<uint32_t>(names_.size()));
  for (const IndexedName& n : names_) {
    w.U32(n.entity);
    w.U32(n.name_index);
    w.U32(static_cast<uint32_t>(n.kind));
    w.U32(static_cast<uint32_t>(n.tokens.size()));
    for (const NameToken& t : n.tokens) {
      w.U32(t.vocab);
      w.U32(static_cast<uint32_t>(t.role));
      w.U32(static_cast<uint32_t>(t.position));
    }
    w.U32s(n.joined);
    w.I32(n.head);
    w.I32(n.before_comma);
    w.U32((n.korean ? kKorean : 0) | (n.syllabic ? kSyllabic : 0) | (n.nasab ? kNasab : 0) |
          (n.derived_reading ? kDerivedReading : 0));
    w.U32(n.acronym);
    w.U32(n.acronym_first);
    w.U32(n.acronym_last);
  }
  for (const std::vector<uint32_t>& p : postings_) w.U32s(p);
  // In key order: the same index writes the same bytes.
  std::vector<std::pair<std::string_view, uint32_t>> df(key_df_.begin(), key_df_.end());
  std::sort(df.begin(), df.end());
  w.U32(static_cast<uint32_t>(df.size()));
  for (const auto& [key, count] : df) {
    w.Str(key);
    w.U32(count);
  }
  lookup_.Write(w);
  w.U32(entity_count_);
  w.U32(static_cast<uint32_t>(named_country_entities_.size()));
  for (size_t i = 0; i < named_country_entities_.size(); ++i) {
    w.U32(named_country_entities_[i]);
    w.Strs(named_countries_[i]);
  }
  identifiers_.Write(w);
  entity_ids_.Write(w);
}

std::optional<Index> Index::Read(BinaryReader& r) {
  Index index;
  uint32_t vocab = r.Count();
  // The count is bounded by the bytes left (BinaryReader::Count) and each
  // token takes 16 or more, so a crafted count reserves no more than the
  // file has bytes.
  index.vocab_.reserve(vocab);
  for (uint32_t v = 0; v < vocab && r.ok(); ++v) {
    text::Token token;  // role kName, as every vocabulary token
    token.norm = r.Str();
    token.fold = r.Str();
    token.key = r.Str();
    const uint32_t flags = r.U32();
    if (flags > (kAbjadToken | kSyllableToken)) r.Invalid(fmt::format("token flags {}", flags));
    if (r.ok() && (flags & kAbjadToken) != 0) text::MarkAbjad(token);
    VocabToken& entry = index.vocab_.emplace_back();
    entry.token = std::move(token);
    if ((flags & kSyllableToken) != 0) {
      entry.syllable = text::ParseKoreanSyllable(entry.token.norm);
      entry.is_syllable = true;
    }
  }
  const uint32_t name_count = r.Count();
  index.names_.reserve(name_count);
  for (uint32_t i = 0; i < name_count && r.ok(); ++i) index.names_.push_back(ReadName(r, vocab));
  const auto names = static_cast<uint32_t>(index.names_.size());
  index.postings_.resize(r.ok() ? vocab : 0);
  for (std::vector<uint32_t>& p : index.postings_) {
    p = r.U32s();
    if (!r.ok()) break;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] >= names || (i > 0 && p[i] <= p[i - 1])) {
        r.Invalid("postings out of range or out of order");
        break;
      }
    }
  }
  const uint32_t key_count = r.Count();
  index.key_df_.reserve(key_count);  // 8 bytes or more each
  for (uint32_t i = 0; i < key_count && r.ok(); ++i) {
    std::string key = r.Str();
    index.key_df_[std::move(key)] = r.U32();
  }
  std::optional<FlatMultiMap> lookup = FlatMultiMap::Read(r, vocab);
  if (!r.ok() || !lookup) return std::nullopt;
  index.lookup_ = std::move(*lookup);
  index.entity_count_ = r.U32();
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    const uint32_t e = r.Below(index.entity_count_, "entity naming a country");
    if (r.ok() && !index.named_country_entities_.empty() &&
        e <= index.named_country_entities_.back()) {
      r.Invalid("entities naming a country out of order");
    }
    std::vector<std::string> countries = r.Strs();
    if (r.ok() && countries.empty()) r.Invalid("an entity naming no country");
    index.named_country_entities_.push_back(e);
    index.named_countries_.push_back(std::move(countries));
  }
  if (!r.ok()) return std::nullopt;
  std::optional<FlatMultiMap> identifiers = FlatMultiMap::Read(r, index.entity_count_);
  if (!r.ok() || !identifiers) return std::nullopt;
  index.identifiers_ = std::move(*identifiers);
  std::optional<FlatMultiMap> entity_ids = FlatMultiMap::Read(r, index.entity_count_);
  if (!r.ok() || !entity_ids) return std::nullopt;
  index.entity_ids_ = std::move(*entity_ids);
  // A token is found by its spelling, as itself: not missing from the
  // lookup table, not in the vocabulary twice. (The map from spellings to ids
  // is only for building.) A sample of 65,536 tokens or more, whatever the
  // vocabulary's size, as AgreesWithAnalysis samples names: every token of a
  // million entities' vocabulary took 0.3 s of the load, and the checksum
  // has agreed that the file is the one embargo wrote. (An inconsistent
  // vocabulary would find wrong tokens, never read out of bounds.)
  const size_t stride = std::max<size_t>(1, vocab / kVocabularySample);
  const size_t bad = FirstFailing((vocab + stride - 1) / stride, [&](size_t i) {
    const size_t v = i * stride;
    return index.FindToken(index.vocab_[v].token.norm) == v;
  });
  if (bad * stride < vocab) {
    r.Invalid(fmt::format("token '{}' twice in the vocabulary or not in its lookup table",
                          index.vocab_[bad * stride].token.norm));
    return std::nullopt;
  }
  index.ComputeWeights(nullptr);
  return index;
}

bool Index::Complete(const std::vector<Entity>& entities, std::string& why) {
  if (entity_count_ != entities.size()) {
    why = fmt::format("an index of {} entities, not {}", entity_count_, entities.size());
    return false;
  }
  for (size_t i = 0; i < names_.size(); ++i) {
    const IndexedName& n = names_[i];
    if (n.entity >= entities.size()) {
      why = fmt::format("name {}: entity {} out of range (fewer than {})", i, n.entity,
                        entities.size());
      return false;
    }
    if (n.name_index >= entities[n.entity].names.size()) {
      why = fmt::format("name {}: name index {} out of range (fewer than {})", i, n.name_index,
                        entities[n.entity].names.size());
      return false;
    }
  }
  return true;
}

bool Index::AgreesWithAnalysis(const std::vector<Entity>& entities, size_t stride) const {
  stride = std::max<size_t>(stride, 1);
  auto name_agrees = [&](size_t i) {
    const IndexedName& n = names_[i];
    const Entity& entity = entities[n.entity];
    const std::string& value = entity.names[n.name_index].value;
    std::vector<ListedReading> readings =
        ListedReadings(value, entity.schema, text::AnalyzeName(value, entity.schema));
    // The name is one of its readings: the whole name (with its head, comma
    // and flags), or a second reading of a firm's or body's name.
    for (size_t r = 0; r < readings.size(); ++r) {
      const text::AnalyzedName& a = readings[r].analyzed;
      if (readings[r].derived == n.derived_reading && a.tokens.size() == n.tokens.size() &&
          std::equal(a.tokens.begin(), a.tokens.end(), n.tokens.begin(),
                     [&](const text::Token& now, const NameToken& then) {
                       return now.norm == vocab_[then.vocab].token.norm && now.role == then.role &&
                              now.position == then.position;
                     }) &&
          (r > 0 || (a.head == n.head && a.before_comma == n.before_comma && a.korean == n.korean &&
                     a.syllabic == n.syllabic && a.nasab == n.nasab)))
        return true;
    }
    return false;
  };
  auto token_agrees = [&](size_t v) {
    const text::Token& stored = vocab_[v].token;
    text::Token now = text::MakeToken(stored.norm, text::TokenRole::kName);
    if (stored.abjad) text::ReadAsAbjad(now);
    if (now.fold != stored.fold || now.key != stored.key) return false;
    if (MakeVocabToken(now).is_syllable != vocab_[v].is_syllable) return false;
    std::vector<uint64_t> keys;
    ListedTokenKeys(now, keys);
    return std::all_of(keys.begin(), keys.end(), [&](uint64_t k) {
      std::span<const uint32_t> found = lookup_.Find(k);
      return std::binary_search(found.begin(), found.end(), static_cast<uint32_t>(v));
    });
  };
  // The countries the entity's names name, its identifiers and its id, as
  // the tables (countries, identifier forms) read them today.
  auto entity_agrees = [&](size_t e) {
    const auto id = static_cast<uint32_t>(e);
    auto holds = [id](std::span<const uint32_t> ids) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    const std::vector<std::string> named = NamedCountries(entities[e]);
    const std::span<const std::string> held = evidence(entities[e], id).named_countries;
    if (!std::equal(named.begin(), named.end(), held.begin(), held.end())) return false;
    for (const Identifier& identifier : entities[e].identifiers) {
      const std::string norm = NormalizeIdentifier(identifier.value);
      if (norm.size() >= kMinIdentifierLength && !holds(EntitiesWithIdentifier(norm))) return false;
    }
    return holds(EntitiesWithId(entities[e].id));
  };
  // One in `stride` of each, on every core.
  auto sampled = [stride](size_t n, auto agrees) {
    return AllHold((n + stride - 1) / stride, kSamplesPerBlock,
                   [&](size_t k) { return agrees(k * stride); });
  };
  return sampled(names_.size(), name_agrees) && sampled(vocab_.size(), token_agrees) &&
         sampled(entities.size(), entity_agrees);
}

}  // namespace embargo::match
