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
#include <fmt/format.h>

#include <algorithm>

#include "common/parallel.h"
#include "match/index.h"
#include "text/name_analyzer.h"

namespace embargo::match {
namespace {

constexpr uint32_t kKorean = 1, kSyllabic = 2, kNasab = 4, kDerivedReading = 8;
constexpr uint32_t kAbjadToken = 1;          // a vocabulary token's flag
constexpr size_t kVocabularySample = 65536;  // tokens checked against the lookup table

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
  for (uint32_t i = 0, count = r.Count(); i < count && r.ok(); ++i) {
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
    w.U32(v.token.abjad ? kAbjadToken : 0);
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
    if (flags > kAbjadToken) r.Invalid(fmt::format("token flags {}", flags));
    if (r.ok() && (flags & kAbjadToken) != 0) text::MarkAbjad(token);
    index.vocab_.push_back(MakeVocabToken(std::move(token)));
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
  FindNamedCountries(entities);
  BuildIdentifierLookup(entities);
  return true;
}

bool Index::AgreesWithAnalysis(const std::vector<Entity>& entities, size_t stride) const {
  stride = std::max<size_t>(stride, 1);
  for (size_t i = 0; i < names_.size(); i += stride) {
    const IndexedName& n = names_[i];
    const Entity& entity = entities[n.entity];
    const std::string& value = entity.names[n.name_index].value;
    std::vector<ListedReading> readings =
        ListedReadings(value, entity.schema, text::AnalyzeName(value, entity.schema));
    // The name is one of its readings: the whole name (with its head, comma
    // and flags), or a second reading of a firm's or body's name.
    bool found = false;
    for (size_t r = 0; r < readings.size() && !found; ++r) {
      const text::AnalyzedName& a = readings[r].analyzed;
      found = readings[r].derived == n.derived_reading && a.tokens.size() == n.tokens.size() &&
              std::equal(a.tokens.begin(), a.tokens.end(), n.tokens.begin(),
                         [&](const text::Token& now, const NameToken& then) {
                           return now.norm == vocab_[then.vocab].token.norm &&
                                  now.role == then.role && now.position == then.position;
                         }) &&
              (r > 0 || (a.head == n.head && a.before_comma == n.before_comma &&
                         a.korean == n.korean && a.syllabic == n.syllabic && a.nasab == n.nasab));
    }
    if (!found) return false;
  }
  std::vector<uint64_t> keys;
  for (size_t v = 0; v < vocab_.size(); v += stride) {
    const text::Token& stored = vocab_[v].token;
    text::Token now = text::MakeToken(stored.norm, text::TokenRole::kName);
    if (stored.abjad) text::ReadAsAbjad(now);
    if (now.fold != stored.fold || now.key != stored.key) return false;
    keys.clear();
    ListedTokenKeys(now, keys);
    for (uint64_t k : keys) {
      std::span<const uint32_t> found = lookup_.Find(k);
      if (!std::binary_search(found.begin(), found.end(), static_cast<uint32_t>(v))) return false;
    }
  }
  return true;
}

}  // namespace embargo::match
