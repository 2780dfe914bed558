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
  own_values_.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].first != entries[i - 1].first) {
      own_hashes_.push_back(entries[i - 1].first);
      own_ends_.push_back(static_cast<uint32_t>(own_values_.size()));
    }
    own_values_.push_back(entries[i].second);
  }
  if (!entries.empty()) {
    own_hashes_.push_back(entries.back().first);
    own_ends_.push_back(static_cast<uint32_t>(own_values_.size()));
  }
  hashes_ = own_hashes_;
  ends_ = own_ends_;
  values_ = own_values_;
  BuildDirectory();
}

int FlatMultiMap::DirectoryBits(size_t hashes) {
  int bits = 0;
  while (bits < 30 && (size_t{1} << bits) * 2 < hashes) ++bits;
  return bits;
}

template <typename Fn>
void FlatMultiMap::ForEachDirectoryEntry(Fn entry) const {
  const size_t buckets = size_t{1} << bits_;
  size_t i = 0;
  for (size_t b = 0; b < buckets; ++b) {
    while (i < hashes_.size() && Bucket(hashes_[i]) < b) ++i;
    entry(b, i);
  }
  entry(buckets, hashes_.size());
}

void FlatMultiMap::BuildDirectory() {
  bits_ = DirectoryBits(hashes_.size());
  own_directory_.assign((size_t{1} << bits_) + 1, 0);
  ForEachDirectoryEntry([&](size_t b, size_t i) { own_directory_[b] = static_cast<uint32_t>(i); });
  directory_ = own_directory_;
}

std::span<const uint32_t> FlatMultiMap::Find(uint64_t hash) const {
  if (hashes_.empty()) return {};
  const size_t b = Bucket(hash);
  const auto first = hashes_.begin() + directory_[b];
  const auto last = hashes_.begin() + directory_[b + 1];
  const auto at = std::lower_bound(first, last, hash);
  if (at == last || *at != hash) return {};
  const size_t i = static_cast<size_t>(at - hashes_.begin());
  const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
  return {values_.data() + begin, ends_[i] - begin};
}

void FlatMultiMap::Write(BinaryWriter& w) const {
  w.U32(static_cast<uint32_t>(hashes_.size()));
  w.U32(static_cast<uint32_t>(bits_));
  w.U32(static_cast<uint32_t>(values_.size()));
  w.Align(alignof(uint64_t));
  w.Array(hashes_);
  w.Array(ends_);
  w.Array(values_);
  w.Array(directory_);
}

std::optional<FlatMultiMap> FlatMultiMap::Read(BinaryReader& r, uint32_t value_bound) {
  const uint32_t n = r.U32();
  const uint32_t bits = r.U32();
  const uint32_t value_count = r.U32();
  if (r.ok() && bits != static_cast<uint32_t>(DirectoryBits(n)))
    r.Invalid(fmt::format("lookup directory of {} bits for {} hashes", bits, n));
  r.Align(alignof(uint64_t));
  if (!r.ok()) return std::nullopt;
  FlatMultiMap map;
  map.bits_ = static_cast<int>(bits);
  map.hashes_ = r.Array(n, map.own_hashes_);
  map.ends_ = r.Array(n, map.own_ends_);
  map.values_ = r.Array(value_count, map.own_values_);
  map.directory_ = r.Array((size_t{1} << bits) + 1, map.own_directory_);
  if (!r.ok()) return std::nullopt;
  // Every check runs on all cores (a million entities' table holds tens of
  // millions of values) and names the first bad entry.
  const auto hashes = map.hashes_;
  const auto ends = map.ends_;
  const size_t bad_run = FirstFailing(n, [&](size_t i) {
    return (i == 0 || hashes[i] > hashes[i - 1]) && ends[i] > (i == 0 ? 0 : ends[i - 1]);
  });
  if (bad_run != n) {
    r.Invalid(bad_run > 0 && hashes[bad_run] <= hashes[bad_run - 1] ? "lookup hashes out of order"
                                                                    : "an empty lookup run");
    return std::nullopt;
  }
  const uint32_t total = n == 0 ? 0 : ends[n - 1];
  if (total != value_count) {
    r.Invalid(fmt::format("lookup runs hold {} values, {} given", total, value_count));
    return std::nullopt;
  }
  const auto values = map.values_;
  const size_t bad_value =
      FirstFailing(values.size(), [&](size_t i) { return values[i] < value_bound; });
  if (bad_value != values.size()) {
    r.Invalid(fmt::format("lookup value {} out of range (fewer than {})", values[bad_value],
                          value_bound));
    return std::nullopt;
  }
  // The directory the hashes give: entry b is the first hash whose bucket is
  // b or later (the hashes ascend, so their buckets do), n for the last.
  const auto directory = map.directory_;
  const size_t buckets = directory.size() - 1;
  auto first_at_or_after = [&](size_t b) {
    return static_cast<size_t>(std::partition_point(hashes.begin(), hashes.end(),
                                                    [&](uint64_t h) { return map.Bucket(h) < b; }) -
                               hashes.begin());
  };
  const size_t bad_entry = FirstFailing(directory.size(), [&](size_t b) {
    const size_t i = directory[b];
    if (b == buckets) return i == n;
    return i <= n && (i == n || map.Bucket(hashes[i]) >= b) &&
           (i == 0 || map.Bucket(hashes[i - 1]) < b);
  });
  if (bad_entry != directory.size()) {
    if (bad_entry == buckets) {
      r.Invalid("the lookup directory does not end at the last hash");
    } else {
      r.Invalid(fmt::format("lookup directory entry {} is {}, the hashes give {}", bad_entry,
                            directory[bad_entry], first_at_or_after(bad_entry)));
    }
    return std::nullopt;
  }
  map.backing_ = r.backing();
  return map;
}

size_t FlatMultiMap::memory_bytes() const {
  return own_hashes_.capacity() * sizeof(uint64_t) +
         (own_ends_.capacity() + own_values_.capacity() + own_directory_.capacity()) *
             sizeof(uint32_t);
}

}  // namespace embargo::match
