// FNV-1a, 64 bit: the one hash embargo uses for lookup keys, snapshot
// checksums, version stamps and stable ids. Not cryptographic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace embargo {

inline constexpr uint64_t kFnvOffsetBasis = 14695981039346656037ULL;
inline constexpr uint64_t kFnvPrime = 1099511628211ULL;

// One byte into the hash state.
inline uint64_t FnvMix(uint64_t hash, unsigned char byte) { return (hash ^ byte) * kFnvPrime; }

// `data` into the hash state `hash` (by default a fresh one).
inline uint64_t Fnv1a(std::string_view data, uint64_t hash = kFnvOffsetBasis) {
  for (char c : data) hash = FnvMix(hash, static_cast<unsigned char>(c));
  return hash;
}

// A hash of strings that also takes string_views, for unordered containers
// keyed by std::string and searched without making one
// (std::unordered_map<std::string, V, StringHash, std::equal_to<>>).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  size_t operator()(const std::string& s) const { return std::hash<std::string_view>{}(s); }
  size_t operator()(const char* s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace embargo
