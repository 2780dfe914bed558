// A read-only multimap from 64-bit hashes to 32-bit values, stored flat: the
// distinct hashes in ascending order, where each one's run of values ends,
// the values, and a directory from a hash's top bits to the first hash
// holding them (one or two hashes per entry). Hashes are uniform, so a lookup
// reads one directory entry and searches a handful of hashes; 12 bytes per
// distinct hash, where an open-addressing table at most half full took 16 to
// 64, and the arrays are as a snapshot stores them, so reading one builds no
// table. Built once, then immutable and safe to read from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "match/binary_io.h"

namespace embargo::match {

// FNV-1a of `tag` then `text`: tags keep the different key kinds apart.
uint64_t HashKey(char tag, std::string_view text);

// HashKey(tag, text) of `text` itself and of every string one deletion away
// from it (when text has at least `min_length` characters), without building
// those strings. Appends to `out`.
void DeletionHashes(char tag, std::string_view text, size_t min_length, std::vector<uint64_t>& out);

// HashKey(tag, s) of every string s one deletion away from `text` (not of
// text itself). Appends to `out`.
void OneDeletionHashes(char tag, std::string_view text, std::vector<uint64_t>& out);

// A hash of every string one deletion away from `text` together with the
// place of the deletion: two texts share one exactly when they differ in at
// most the letter at one place. No HashKey equals one of these for the same
// tag. Appends to `out`.
void PositionalDeletionHashes(char tag, std::string_view text, std::vector<uint64_t>& out);

class FlatMultiMap {
 public:
  FlatMultiMap() = default;
  // Builds from (hash, value) pairs; duplicates are removed.
  explicit FlatMultiMap(std::vector<std::pair<uint64_t, uint32_t>> entries);

  std::span<const uint32_t> Find(uint64_t hash) const;
  size_t size() const { return values_.size(); }
  size_t memory_bytes() const;

  // The map as written (index snapshot): its runs of values by ascending
  // hash, then the values; the directory is rebuilt on reading. Read checks that
  // the runs are non-empty, in order and cover the values exactly, and that
  // every value is below `value_bound`; otherwise it fails the reader and
  // returns nullopt.
  void Write(BinaryWriter& w) const;
  static std::optional<FlatMultiMap> Read(BinaryReader& r, uint32_t value_bound);

 private:
  // Fills directory_ from hashes_.
  void BuildDirectory();
  size_t Bucket(uint64_t hash) const { return bits_ == 0 ? 0 : hash >> (64 - bits_); }

  std::vector<uint64_t> hashes_;     // distinct, ascending
  std::vector<uint32_t> ends_;       // run i is values_[ends_[i - 1] (0 for i = 0), ends_[i])
  std::vector<uint32_t> values_;     // the runs, in hash order
  std::vector<uint32_t> directory_;  // 2^bits_ + 1 entries: the first hash in each bucket
  int bits_ = 0;
};

}  // namespace embargo::match
