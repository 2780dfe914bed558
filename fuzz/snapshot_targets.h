// How fuzz_snapshot reads its input, shared with fuzz/make_corpus.cc: the
// first byte (modulo the count) says whether the rest is a snapshot file as
// it comes, or one whose header's payload size and checksum the harness
// recomputes so that mutated payloads get past them. The header layout is
// match/snapshot_format.h's. Immutable constants.
#pragma once

#include <cstddef>

#include "match/snapshot_format.h"

namespace embargo::fuzz {

enum class SnapshotTarget : unsigned char { kFile, kFixedHeader };
inline constexpr size_t kSnapshotTargetCount = 2;

using match::kSnapshotChecksumAt;
using match::kSnapshotPayloadAt;
using match::kSnapshotSizeAt;
using match::kSnapshotVersionAt;

}  // namespace embargo::fuzz
