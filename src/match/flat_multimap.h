// A read-only multimap from 64-bit hashes to 32-bit values, stored flat: an
// open-addressing table of (hash, offset, count) over one values array. One
// probe per lookup on the query path instead of a node-based map's pointer
// chasing. Built once, then immutable and safe to read from many threads.
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
  // hash, then the values; the table is rebuilt on reading. Read checks that
  // the runs are non-empty, in order and cover the values exactly, and that
  // every value is below `value_bound`; otherwise it fails the reader and
  // returns nullopt.
  void Write(BinaryWriter& w) const;
  static std::optional<FlatMultiMap> Read(BinaryReader& r, uint32_t value_bound);

 private:
  // An empty table for `distinct` hashes (at most half full: a lookup
  // always ends at a free slot).
  void Reserve(size_t distinct);
  void Place(uint64_t hash, uint32_t offset, uint32_t count);
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t count = 0;  // 0 = empty slot
  };
  std::vector<Slot> slots_;
  std::vector<uint32_t> values_;
  uint64_t mask_ = 0;
};

}  // namespace embargo::match
