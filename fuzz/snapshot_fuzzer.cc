// libFuzzer harness: Screener::LoadSnapshot (src/match/snapshot.cc) on a
// file holding the input, and, when it loads, screening against the index it
// built: its first entity's names as queries, so that candidates are found
// and scored on whatever entities the payload held. The first byte picks
// whether the header's size and checksum are kept or recomputed
// (fuzz/snapshot_targets.h).
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "common/utf8.h"
#include "embargo/screener.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/snapshot_targets.h"

namespace embargo::fuzz {
namespace {

constexpr size_t kQueriedNames = 4;

// `file` with its header's payload size and checksum made to agree with it.
std::string FixHeader(std::string_view file) {
  std::string out(file);
  if (out.size() < kSnapshotPayloadAt) return out;
  std::string_view payload = std::string_view(out).substr(kSnapshotPayloadAt);
  uint64_t size = payload.size();
  uint32_t version = 0;
  std::memcpy(&version, out.data() + kSnapshotVersionAt, sizeof version);
  uint64_t checksum = match::SnapshotChecksum(version, payload);
  std::memcpy(out.data() + kSnapshotSizeAt, &size, sizeof size);
  std::memcpy(out.data() + kSnapshotChecksumAt, &checksum, sizeof checksum);
  return out;
}

void ScreenFirstEntity(const Screener& screener) {
  const std::vector<Entity>& entities = screener.lists().entities;
  if (entities.empty()) return;
  const Entity& entity = entities.front();
  Query query;
  query.schema = entity.schema;
  query.birth_dates = entity.birth_dates;
  query.countries = entity.nationalities;
  // Queries come from MakeQuery, which takes UTF-8 names only.
  for (size_t i = 0; i < entity.names.size() && i < kQueriedNames; ++i) {
    if (IsValidUtf8(entity.names[i].value)) query.names.push_back(entity.names[i].value);
  }
  if (!query.names.empty()) screener.Screen(query, ScreenOptions{});
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  static const ScratchDir scratch;
  Selected selected = Select(Bytes(data, size), kSnapshotTargetCount);
  std::string file = static_cast<SnapshotTarget>(selected.choice) == SnapshotTarget::kFixedHeader
                         ? FixHeader(selected.rest)
                         : std::string(selected.rest);
  auto screener = embargo::Screener::LoadSnapshot(scratch.Write("index.snapshot", file));
  if (screener.ok()) ScreenFirstEntity(**screener);
  return 0;
}
