// A read-only multimap from 64-bit hashes to 32-bit values, stored flat: the
// distinct hashes in ascending order, where each one's run of values ends,
// the values, and a directory from a hash's top bits to the first hash
// holding them (one or two hashes per entry). Hashes are uniform, so a lookup
// reads one directory entry and searches a handful of hashes; 12 bytes per
// distinct hash, where an open-addressing table at most half full took 16 to
// 64, and the arrays are as a snapshot stores them, so reading one builds no
// table: read from a mapped snapshot, the map uses its arrays where they lie
// (checked, not copied). Built once, then immutable and safe to read from
// many threads. Movable, not copyable (it may point into its own arrays).
#pragma once

#include <cstdint>
#include <memory>
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
  FlatMultiMap(FlatMultiMap&&) noexcept = default;
  FlatMultiMap& operator=(FlatMultiMap&&) noexcept = default;
  FlatMultiMap(const FlatMultiMap&) = delete;
  FlatMultiMap& operator=(const FlatMultiMap&) = delete;

  std::span<const uint32_t> Find(uint64_t hash) const;
  size_t size() const { return values_.size(); }
  // Heap bytes (arrays used where a mapped snapshot holds them are not).
  size_t memory_bytes() const;

  // The map as written (index snapshot): the number of hashes and the
  // directory's bits, then (8-byte aligned in the file) the hashes, where
  // each run ends, the values and the directory. Read checks that the
  // hashes ascend, the runs are non-empty and cover the values exactly,
  // every value is below `value_bound` and the directory is the one the
  // hashes give; otherwise it fails the reader and returns nullopt. With a
  // reader over a mapped file (BinaryReader::backing) the arrays are used
  // where they lie and the file is kept open.
  void Write(BinaryWriter& w) const;
  static std::optional<FlatMultiMap> Read(BinaryReader& r, uint32_t value_bound);

 private:
  // The directory's bits for `hashes` hashes: one or two hashes per entry.
  static int DirectoryBits(size_t hashes);
  // Calls entry(b, i) for every directory entry b (0 to 2^bits_) with i,
  // the first hash whose bucket is b or later (hashes_.size() for the last).
  template <typename Fn>
  void ForEachDirectoryEntry(Fn entry) const;
  // Fills directory_ from hashes_.
  void BuildDirectory();
  size_t Bucket(uint64_t hash) const { return bits_ == 0 ? 0 : hash >> (64 - bits_); }

  std::span<const uint64_t> hashes_;     // distinct, ascending
  std::span<const uint32_t> ends_;       // run i is values_[ends_[i - 1] (0 for i = 0), ends_[i])
  std::span<const uint32_t> values_;     // the runs, in hash order
  std::span<const uint32_t> directory_;  // 2^bits_ + 1 entries: the first hash in each bucket
  int bits_ = 0;
  // What the views point into: arrays of their own, or a mapped file.
  std::vector<uint64_t> own_hashes_;
  std::vector<uint32_t> own_ends_, own_values_, own_directory_;
  std::shared_ptr<const void> backing_;
};

}  // namespace embargo::match
