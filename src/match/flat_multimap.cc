#include "match/flat_multimap.h"

#include <algorithm>

#include "common/hash.h"

namespace embargo::match {

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
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  size_t distinct = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].first != entries[i - 1].first) ++distinct;
  }
  size_t capacity = 16;
  while (capacity < distinct * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  values_.reserve(entries.size());
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    while (j < entries.size() && entries[j].first == entries[i].first) {
      values_.push_back(entries[j].second);
      ++j;
    }
    uint64_t hash = entries[i].first;
    size_t pos = hash & mask_;
    while (slots_[pos].count != 0) pos = (pos + 1) & mask_;
    slots_[pos] =
        Slot{hash, static_cast<uint32_t>(values_.size() - (j - i)), static_cast<uint32_t>(j - i)};
    i = j;
  }
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

size_t FlatMultiMap::memory_bytes() const {
  return slots_.size() * sizeof(Slot) + values_.size() * sizeof(uint32_t);
}

}  // namespace embargo::match
