#include "match/flat_multimap.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/hash.h"
#include "common/parallel.h"

namespace embargo::match {
namespace {

using Entry = std::pair<uint64_t, uint32_t>;

// Sorts by (hash, value). Hashes are uniform, so a large table is first
// distributed into buckets by its top bits (one counting pass, one scatter
// pass) and the buckets, small and independent, are sorted on every core:
// about a third of one std::sort's time on the reference lists' lookup
// table (millions of entries).
void SortEntries(std::vector<Entry>& entries) {
  constexpr int kBucketBits = 12;
  constexpr size_t kBuckets = size_t{1} << kBucketBits;
  constexpr size_t kMinBucketed = size_t{1} << 16;
  if (entries.size() < kMinBucketed) {
    std::sort(entries.begin(), entries.end());
    return;
  }
  auto bucket = [](const Entry& e) { return e.first >> (64 - kBucketBits); };
  std::vector<size_t> start(kBuckets + 1, 0);
  for (const Entry& e : entries) ++start[bucket(e) + 1];
  for (size_t b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
  std::vector<Entry> sorted(entries.size());
  std::vector<size_t> next(start.begin(), start.end() - 1);
  for (const Entry& e : entries) sorted[next[bucket(e)]++] = e;
  ParallelFor(kBuckets, 0, [&](size_t b) {
    std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(start[b]),
              sorted.begin() + static_cast<std::ptrdiff_t>(start[b + 1]));
  });
  entries.swap(sorted);
}

}  // namespace

uint64_t HashKey(char tag, std::string_view text) {
  return Fnv1a(text, FnvMix(kFnvOffsetBasis, static_cast<unsigned char>(tag))) | 1;  // never 0
}

void DeletionHashes(char tag, std::string_view text, size_t min_length,
                    std::vector<uint64_t>& out) {
  out.push_back(HashKey(tag, text));
  if (text.size() >= min_length) OneDeletionHashes(tag, text, out);
}

void OneDeletionHashes(char tag, std::string_view text, std::vector<uint64_t>& out) {
  uint64_t prefix = FnvMix(kFnvOffsetBasis, static_cast<unsigned char>(tag));
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 0 ||
        text[i] != text[i - 1]) {  // deleting either of two equal letters gives one string
      out.push_back(Fnv1a(text.substr(i + 1), prefix) | 1);
    }
    prefix = FnvMix(prefix, static_cast<unsigned char>(text[i]));
  }
}

void PositionalDeletionHashes(char tag, std::string_view text, std::vector<uint64_t>& out) {
  uint64_t prefix = FnvMix(kFnvOffsetBasis, static_cast<unsigned char>(tag));
  for (size_t i = 0; i < text.size(); ++i) {
    uint64_t at = FnvMix(prefix, static_cast<unsigned char>(0x80 | (i & 0x7f)));
    out.push_back(Fnv1a(text.substr(i + 1), at) | 1);
    prefix = FnvMix(prefix, static_cast<unsigned char>(text[i]));
  }
}

FlatMultiMap::FlatMultiMap(std::vector<std::pair<uint64_t, uint32_t>> entries) {
  SortEntries(entries);
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  size_t distinct = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].first != entries[i - 1].first) ++distinct;
  }
  Reserve(distinct);
  values_.reserve(entries.size());
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    while (j < entries.size() && entries[j].first == entries[i].first) {
      values_.push_back(entries[j].second);
      ++j;
    }
    Place(entries[i].first, static_cast<uint32_t>(values_.size() - (j - i)),
          static_cast<uint32_t>(j - i));
    i = j;
  }
}

void FlatMultiMap::Reserve(size_t distinct) {
  size_t capacity = 16;
  while (capacity < distinct * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
}

void FlatMultiMap::Place(uint64_t hash, uint32_t offset, uint32_t count) {
  size_t pos = hash & mask_;
  while (slots_[pos].count != 0) pos = (pos + 1) & mask_;
  slots_[pos] = Slot{hash, offset, count};
}

std::span<const uint32_t> FlatMultiMap::Find(uint64_t hash) const {
  if (slots_.empty()) return {};
  size_t pos = hash & mask_;
  while (slots_[pos].count != 0) {
    if (slots_[pos].hash == hash) {
      return {values_.data() + slots_[pos].offset, slots_[pos].count};
    }
    pos = (pos + 1) & mask_;
  }
  return {};
}

void FlatMultiMap::Write(BinaryWriter& w) const {
  // The runs of values in the order they lie in (ascending hash), not the
  // table: half empty by design, it is rebuilt on reading.
  std::vector<const Slot*> runs;
  for (const Slot& slot : slots_)
    if (slot.count != 0) runs.push_back(&slot);
  std::sort(runs.begin(), runs.end(),
            [](const Slot* a, const Slot* b) { return a->offset < b->offset; });
  w.U32(static_cast<uint32_t>(runs.size()));
  for (const Slot* run : runs) {
    w.U64(run->hash);
    w.U32(run->count);
  }
  w.U32s(values_);
}

std::optional<FlatMultiMap> FlatMultiMap::Read(BinaryReader& r, uint32_t value_bound) {
  constexpr size_t kRunBytes = 12;
  uint32_t n = r.U32();
  if (r.ok() && n > r.remaining() / kRunBytes) r.Invalid("lookup table runs past the end");
  if (!r.ok()) return std::nullopt;
  std::vector<std::pair<uint64_t, uint32_t>> runs(n);
  uint64_t total = 0;
  for (auto& [hash, count] : runs) {
    hash = r.U64();
    count = r.U32();
    total += count;
    if (r.ok() && count == 0) r.Invalid("an empty lookup run");
  }
  FlatMultiMap map;
  map.values_ = r.U32s();
  if (!r.ok()) return std::nullopt;
  for (size_t i = 1; i < runs.size(); ++i) {
    if (runs[i].first <= runs[i - 1].first) {
      r.Invalid("lookup hashes out of order");
      return std::nullopt;
    }
  }
  if (total != map.values_.size()) {
    r.Invalid(fmt::format("lookup runs hold {} values, {} given", total, map.values_.size()));
    return std::nullopt;
  }
  for (uint32_t v : map.values_) {
    if (v >= value_bound) {
      r.Invalid(fmt::format("lookup value {} out of range (fewer than {})", v, value_bound));
      return std::nullopt;
    }
  }
  map.Reserve(runs.size());
  uint32_t offset = 0;
  for (const auto& [hash, count] : runs) {
    map.Place(hash, offset, count);
    offset += count;
  }
  return map;
}

size_t FlatMultiMap::memory_bytes() const {
  return slots_.size() * sizeof(Slot) + values_.size() * sizeof(uint32_t);
}

}  // namespace embargo::match
