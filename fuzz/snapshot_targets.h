// How fuzz_snapshot reads its input, shared with fuzz/make_corpus.cc: the
// first byte (modulo the count) says whether the rest is a snapshot file as
// it comes, or one whose header's payload size and checksum the harness
// recomputes so that mutated payloads get past them. The header layout
// mirrors src/match/snapshot.cc. Immutable constants.
#pragma once

#include <cstddef>

namespace embargo::fuzz {

enum class SnapshotTarget : unsigned char { kFile, kFixedHeader };
inline constexpr size_t kSnapshotTargetCount = 2;

// magic (8), format version (4), then the payload size (8) and its FNV-1a
// checksum (8), little-endian; the payload follows.
inline constexpr size_t kSnapshotSizeAt = 12;
inline constexpr size_t kSnapshotChecksumAt = 20;
inline constexpr size_t kSnapshotPayloadAt = 28;

}  // namespace embargo::fuzz
