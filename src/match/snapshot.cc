// Binary snapshot of a list set: "EMBARGO\x01", format version, payload
// size, checksum of the payload (match/snapshot_format.h), then the payload (datasets,
// entities and the built index, length-prefixed little-endian fields:
// match/binary_io.h, index_snapshot.cc). Loading verifies the checksum and
// every length, id and offset, so a truncated or corrupted file is an
// error, never a crash. The index is read, not rebuilt: loading a snapshot
// skips analysing every name, unless a sample of its names no longer
// analyses as it did when written (an embargo whose name reading changed
// wrote it), when it is rebuilt from the entities.
#include <fmt/format.h>
#include <xxhash.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <future>
#include <optional>

#include "common/file.h"
#include "common/hash.h"
#include "embargo/screener.h"
#include "match/binary_io.h"
#include "match/screener_impl.h"
#include "match/snapshot_format.h"

namespace embargo {
namespace {

using match::BinaryReader;
using match::BinaryWriter;

using match::kSnapshotMagic;
using match::SnapshotChecksum;
constexpr uint32_t kFormatVersion = match::kSnapshotFormatVersion;
constexpr uint32_t kOldestReadableVersion = match::kOldestReadableSnapshotVersion;
// From this format the payload counts the entities' and records' bytes:
// before them (12), in its last 8 bytes (13 on).
constexpr uint32_t kListsCountedVersion = 12;
constexpr uint32_t kListsCountedLastVersion = 13;
// Version 4 has no FtM records.

void WriteRecord(BinaryWriter& w, const FtmRecord& f) {
  w.Str(f.id);
  w.Str(f.schema);
  w.Str(f.caption);
  w.U32(static_cast<uint32_t>(f.properties.size()));
  for (const FtmProperty& p : f.properties) {
    w.Str(p.name);
    w.Strs(p.values);
  }
  w.Strs(f.datasets);
  w.Strs(f.referents);
  w.Str(f.first_seen);
  w.Str(f.last_seen);
  w.Str(f.last_change);
  w.U32(f.target ? (*f.target ? 2 : 1) : 0);
}

std::shared_ptr<const FtmRecord> ReadRecord(BinaryReader& r) {
  auto f = std::make_shared<FtmRecord>();
  f->id = r.Str();
  f->schema = r.Str();
  f->caption = r.Str();
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    FtmProperty p;
    p.name = r.Str();
    p.values = r.Strs();
    f->properties.push_back(std::move(p));
  }
  f->datasets = r.Strs();
  f->referents = r.Strs();
  f->first_seen = r.Str();
  f->last_seen = r.Str();
  f->last_change = r.Str();
  uint32_t target = r.U32();
  if (target != 0) f->target = target == 2;
  return f;
}

// Reads past a record as ReadRecord would, checking the same lengths and
// counts, without decoding it.
void SkipRecord(BinaryReader& r) {
  for (int i = 0; i < 3; ++i) r.SkipStr();  // id, schema, caption
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    r.SkipStr();
    r.SkipStrs();
  }
  r.SkipStrs();                             // datasets
  r.SkipStrs();                             // referents
  for (int i = 0; i < 3; ++i) r.SkipStr();  // first_seen, last_seen, last_change
  r.U32();                                  // target
}

// An entity's record from the bytes SkipRecord checked (FtmRecordRef::Lazy).
std::shared_ptr<const FtmRecord> DecodeRecord(std::string_view bytes) {
  BinaryReader r(bytes);
  std::shared_ptr<const FtmRecord> record = ReadRecord(r);
  return r.ok() && r.remaining() == 0 ? record : nullptr;
}

void WriteEntity(BinaryWriter& w, const Entity& e) {
  w.Str(e.id);
  w.Str(e.dataset);
  w.Str(e.source_id);
  w.U32(static_cast<uint32_t>(e.schema));
  w.U32(static_cast<uint32_t>(e.names.size()));
  for (const Name& n : e.names) {
    w.Str(n.value);
    w.U32(static_cast<uint32_t>(n.kind));
    w.U32(static_cast<uint32_t>(n.parts.size()));
    for (const NamePart& p : n.parts) {
      w.U32(static_cast<uint32_t>(p.type));
      w.Str(p.value);
    }
  }
  w.U32(static_cast<uint32_t>(e.birth_dates.size()));
  for (const DateSpec& d : e.birth_dates) {
    w.Date(d.from);
    w.Date(d.to);
    w.U32(d.approximate ? 1 : 0);
  }
  w.Strs(e.birth_places);
  w.Strs(e.nationalities);
  w.Strs(e.countries);
  w.Strs(e.former_flags);
  w.Str(e.vessel->type);
  w.Str(e.vessel->tonnage);
  w.Str(e.vessel->gross_tonnage);
  w.Str(e.vessel->build_date);
  w.U32(static_cast<uint32_t>(e.gender));
  w.U32(static_cast<uint32_t>(e.identifiers.size()));
  for (const Identifier& id : e.identifiers) {
    w.U32(static_cast<uint32_t>(id.type));
    w.Str(id.value);
    w.Str(id.country);
    w.Str(id.label);
  }
  w.U32(static_cast<uint32_t>(e.addresses.size()));
  for (const Address& a : e.addresses) {
    w.Str(a.full);
    w.Str(a.city);
    w.Str(a.country);
  }
  w.Strs(e.programs);
  w.Strs(e.topics);
  w.Str(e.listed_on);
  w.Strs(e.remarks);
  w.U32(static_cast<uint32_t>(e.links.size()));
  for (const Link& l : e.links) {
    w.Str(l.relation);
    w.Str(l.target_id);
    w.Str(l.target_name);
  }
  w.U32(e.ftm ? 1 : 0);
  if (e.ftm) WriteRecord(w, *e.ftm);
}

template <typename E>
E Enum(BinaryReader& r, uint32_t max) {
  uint32_t v = r.U32();
  return static_cast<E>(v <= max ? v : 0);
}

// A counted list of what `read_one` reads (reserving a few elements at most
// before they are read: a crafted count costs nothing).
template <typename ReadOne>
auto ReadList(BinaryReader& r, ReadOne read_one) {
  std::vector<decltype(read_one())> out;
  const uint32_t n = r.Count();
  out.reserve(std::min(n, BinaryReader::kReserveAtMost));
  for (uint32_t i = 0; i < n && r.ok(); ++i) out.push_back(read_one());
  return out;
}

// Fills `e` (a default Entity, in place: a million moves of its 456 bytes
// of mostly empty vectors were a tenth of a load).
void ReadEntity(BinaryReader& r, uint32_t version, Entity& e) {
  e.id = r.Str();
  e.dataset = r.Str();
  e.source_id = r.Str();
  e.schema = Enum<Schema>(r, static_cast<uint32_t>(Schema::kAirplane));
  e.names = ReadList(r, [&] {
    Name name;
    name.value = r.Str();
    name.kind = Enum<NameKind>(r, static_cast<uint32_t>(NameKind::kPreviousName));
    name.parts = ReadList(r, [&] {
      NamePart part;
      part.type = Enum<NamePartType>(r, static_cast<uint32_t>(NamePartType::kOther));
      part.value = r.Str();
      return part;
    });
    return name;
  });
  e.birth_dates = ReadList(r, [&] {
    DateSpec d;
    d.from = r.Date();
    d.to = r.Date();
    d.approximate = r.U32() != 0;
    return d;
  });
  e.birth_places = r.Strs();
  e.nationalities = r.Strs();
  e.countries = r.Strs();
  e.former_flags = r.Strs();
  e.vessel.Update([&](VesselFacts& vessel) {
    vessel.type = r.Str();
    vessel.tonnage = r.Str();
    vessel.gross_tonnage = r.Str();
    vessel.build_date = r.Str();
  });
  e.gender = Enum<Gender>(r, static_cast<uint32_t>(Gender::kOther));
  e.identifiers = ReadList(r, [&] {
    Identifier id;
    id.type = Enum<IdType>(r, static_cast<uint32_t>(IdType::kOther));
    id.value = r.Str();
    id.country = r.Str();
    id.label = r.Str();
    return id;
  });
  e.addresses = ReadList(r, [&] {
    Address a;
    a.full = r.Str();
    a.city = r.Str();
    a.country = r.Str();
    return a;
  });
  e.programs = r.Strs();
  e.topics = r.Strs();
  e.listed_on = r.Str();
  e.remarks = r.Strs();
  e.links = ReadList(r, [&] {
    Link l;
    l.relation = r.Str();
    l.target_id = r.Str();
    l.target_name = r.Str();
    return l;
  });
  // The record is checked now and decoded when first read, from the mapped
  // file the reader's backing keeps open.
  if (version >= 5 && r.U32() != 0 && r.ok()) {
    const size_t at = r.position();
    SkipRecord(r);
    if (r.ok()) e.ftm = FtmRecordRef::Lazy(r.BytesSince(at), r.backing(), &DecodeRecord);
  }
}

// The entities and the records.
void ReadLists(BinaryReader& r, uint32_t version, ListSet& lists) {
  // Counts are bounded by the bytes left (BinaryReader::Count).
  const uint32_t entity_count = r.Count();
  lists.entities.reserve(entity_count);
  for (uint32_t i = 0; i < entity_count && r.ok(); ++i)
    ReadEntity(r, version, lists.entities.emplace_back());
  const uint32_t record_count = version >= 5 ? r.Count() : 0;
  lists.records.reserve(record_count);
  for (uint32_t i = 0; i < record_count && r.ok(); ++i) lists.records.push_back(ReadRecord(r));
}

// What is wrong with a payload, and where (a byte of the file).
struct PayloadError {
  size_t at = 0;
  std::string why;
};

// Reads a snapshot's payload (from file byte `payload_at`) into `lists` and,
// when the snapshot holds an index of the current layout, `index`, checked
// against the entities; false for an older layout (the index is to be built
// again). From format 12 the entities' and records' bytes are counted (before
// them; from 13 at the payload's end), and the index after them is read on
// another core meanwhile.
bool ReadPayload(std::string_view payload, size_t payload_at,
                 const std::shared_ptr<const void>& backing, uint32_t version, ListSet& lists,
                 std::optional<match::Index>& index, std::optional<PayloadError>& error) {
  auto failed = [&](const BinaryReader& r, size_t base) {
    error = PayloadError{base + r.failed_at(), r.why()};
  };
  // Checks the index read from `ir` (its bytes from file byte `base`, the
  // index's from its position `from`): read, nothing after it, its names'
  // entities among those read.
  auto check_index = [&](const BinaryReader& ir, size_t base, size_t from) {
    if (!ir.ok() || !index) return failed(ir, base);
    if (ir.remaining() != 0) {
      error = PayloadError{base + ir.position(),
                           fmt::format("{} bytes after the index", ir.remaining())};
      return;
    }
    std::string why;
    if (!index->Complete(lists.entities, why)) error = PayloadError{base + from, why};
  };
  BinaryReader r(payload, payload_at, backing);
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    Dataset d;
    d.name = r.Str();
    d.format = r.Str();
    d.path = r.Str();
    d.version_date = r.Str();
    d.entity_count = r.U64();
    d.name_count = r.U64();
    lists.datasets.push_back(std::move(d));
  }
  lists.superseded = r.Strs();
  if (version < kListsCountedVersion) {
    ReadLists(r, version, lists);
    if (!r.ok()) {
      failed(r, payload_at);
      return true;
    }
    if (version < match::kCurrentIndexSnapshotVersion) return false;
    const size_t from = r.position();
    index = match::Index::Read(r);
    check_index(r, payload_at, from);
    return true;
  }
  // Where the lists end: their byte count before them, or (13 on) in the
  // payload's last 8 bytes, after the index.
  uint64_t lists_bytes = 0;
  size_t end = payload.size();
  if (version < kListsCountedLastVersion) {
    lists_bytes = r.U64();
  } else if (r.ok() && r.remaining() < sizeof lists_bytes) {
    r.Invalid("no room for the lists' byte count at the end");
  } else if (r.ok()) {
    end -= sizeof lists_bytes;
    lists_bytes = BinaryReader(payload.substr(end)).U64();
  }
  if (r.ok() && lists_bytes > end - r.position())
    r.Invalid(fmt::format("the lists' {} bytes run past the end", lists_bytes));
  if (!r.ok()) {
    failed(r, payload_at);
    return true;
  }
  const size_t lists_at = r.position(), index_at = lists_at + lists_bytes;
  BinaryReader lists_reader(payload.substr(lists_at, lists_bytes), payload_at + lists_at, backing);
  auto read_lists = [&] {
    ReadLists(lists_reader, version, lists);
    if (lists_reader.ok() && lists_reader.remaining() != 0)
      lists_reader.Invalid(fmt::format("{} bytes after the records", lists_reader.remaining()));
    if (!lists_reader.ok()) failed(lists_reader, payload_at + lists_at);
    return lists_reader.ok();
  };
  if (version < match::kCurrentIndexSnapshotVersion) return !read_lists();
  BinaryReader index_reader(payload.substr(index_at, end - index_at), payload_at + index_at,
                            backing);
  std::future<std::optional<match::Index>> read_index =
      std::async(std::launch::async, [&index_reader] { return match::Index::Read(index_reader); });
  const bool lists_read = read_lists();
  index = read_index.get();
  if (!lists_read) return true;
  check_index(index_reader, payload_at + index_at, 0);
  return true;
}

}  // namespace

uint64_t match::SnapshotChecksum(uint32_t version, std::string_view payload) {
  if (version >= kListsCountedLastVersion) return XXH3_64bits(payload.data(), payload.size());
  if (version < 6) return Fnv1a(payload);
  return crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(payload.data()),
                 payload.size());
}

// The payload goes to the file as it is written (a snapshot of a million
// entities is 1.2 GB: not held whole in memory), its checksum worked out on
// the way; the entities' and records' byte count comes last. Only the
// header (size, checksum) is known at the end: its place is written as
// zeros, then overwritten.
Status Screener::SaveSnapshot(const std::filesystem::path& path) const {
  static_assert(kFormatVersion >= kListsCountedLastVersion,
                "the checksum is XXH3-64, the lists' byte count last");
  const ListSet& lists = impl_->lists;
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return MakeError(path.string(), 0, "cannot open for writing");
  out.write(kSnapshotMagic, sizeof kSnapshotMagic);
  const std::string no_header(match::kSnapshotPayloadAt - sizeof kSnapshotMagic, '\0');
  out.write(no_header.data(), static_cast<std::streamsize>(no_header.size()));
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> hash(XXH3_createState(),
                                                                &XXH3_freeState);
  if (!hash || XXH3_64bits_reset(hash.get()) != XXH_OK)
    return MakeError(path.string(), 0, "cannot start the checksum");
  BinaryWriter w(match::kSnapshotPayloadAt, [&](std::string_view bytes) {
    XXH3_64bits_update(hash.get(), bytes.data(), bytes.size());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
  });
  w.U32(static_cast<uint32_t>(lists.datasets.size()));
  for (const Dataset& d : lists.datasets) {
    w.Str(d.name);
    w.Str(d.format);
    w.Str(d.path);
    w.Str(d.version_date);
    w.U64(d.entity_count);
    w.U64(d.name_count);
  }
  w.Strs(lists.superseded);
  const size_t lists_at = w.size();
  w.U32(static_cast<uint32_t>(lists.entities.size()));
  for (const Entity& e : lists.entities) WriteEntity(w, e);
  w.U32(static_cast<uint32_t>(lists.records.size()));
  for (const auto& record : lists.records) WriteRecord(w, *record);
  const uint64_t lists_bytes = w.size() - lists_at;
  impl_->index.Write(w);
  w.U64(lists_bytes);
  w.Flush();
  const uint64_t payload_bytes = w.size();

  BinaryWriter header;
  header.U32(kFormatVersion);
  header.U64(payload_bytes);
  header.U64(XXH3_64bits_digest(hash.get()));
  out.seekp(sizeof kSnapshotMagic);
  out.write(header.data().data(), static_cast<std::streamsize>(header.data().size()));
  out.close();  // the last buffer is written here: check it too
  std::error_code ec;
  if (!w.ok() || !out) {
    std::filesystem::remove(tmp, ec);
    return MakeError(path.string(), 0, "write failed (disk full?); nothing replaced");
  }
  std::filesystem::rename(tmp, path, ec);  // atomic: readers never see half a snapshot
  if (ec) return MakeError(path.string(), 0, "cannot rename snapshot into place: " + ec.message());
  return Status::Ok();
}

// A snapshot is embargo's own file, mapped rather than read: its size limit
// only stops a wrong path. One of a million entities takes 1.2 GiB.
constexpr uint64_t kMaxSnapshotBytes = uint64_t{64} << 30;

Result<std::shared_ptr<const Screener>> Screener::LoadSnapshot(const std::filesystem::path& path) {
  auto mapped = MappedFile::Open(path, kMaxSnapshotBytes);
  if (!mapped.ok()) return mapped.error();
  // Kept open while the index uses arrays where they lie in it.
  auto mapping = std::make_shared<const MappedFile>(std::move(*mapped));
  std::string_view data = mapping->bytes();
  const std::string file = path.string();
  if (data.size() < sizeof kSnapshotMagic ||
      std::memcmp(data.data(), kSnapshotMagic, sizeof kSnapshotMagic) != 0) {
    return MakeError(file, 0, "not an embargo index snapshot (bad magic bytes)");
  }
  BinaryReader header(data.substr(match::kSnapshotVersionAt));
  uint32_t version = header.U32();
  uint64_t size = header.U64();
  uint64_t checksum = header.U64();
  const size_t payload_at = match::kSnapshotPayloadAt;
  if (!header.ok()) return MakeError(file, 0, "truncated snapshot header");
  if (version < kOldestReadableVersion || version > kFormatVersion) {
    return MakeError(file, 0,
                     fmt::format("snapshot format version {} is not supported (expected {} to {}); "
                                 "rebuild it with 'embargo index build'",
                                 version, kOldestReadableVersion, kFormatVersion));
  }
  if (data.size() - payload_at != size) {
    return MakeError(file, 0,
                     fmt::format("truncated snapshot: {} payload bytes, header says {}",
                                 data.size() - payload_at, size));
  }
  std::string_view payload = data.substr(payload_at);
  // The checksum is worked out on another core while the payload is read (a
  // million entities' file takes ~0.4 s of either); nothing read is used,
  // nor a malformed payload reported, before it agrees.
  std::future<uint64_t> sum = std::async(
      std::launch::async, [version, payload] { return SnapshotChecksum(version, payload); });
  ListSet lists;
  std::optional<match::Index> index;
  std::optional<PayloadError> error;
  const bool current = ReadPayload(payload, payload_at, mapping, version, lists, index, error);
  if (sum.get() != checksum)
    return MakeError(file, 0, "snapshot checksum mismatch (file corrupted)");
  if (error) {
    return MakeError(
        file, 0, fmt::format("malformed snapshot payload at byte {}: {}", error->at, error->why));
  }
  // An older snapshot's index lacks what the index now holds (and is laid
  // out differently): its lists are read, the index built again.
  if (!current) return Build(std::move(lists));
  // A sample of a few thousand names and tokens, however big the index.
  const size_t stride = std::max<size_t>(64, index->names().size() / 4096);
  if (!index->AgreesWithAnalysis(lists.entities, stride)) {
    return Build(std::move(lists));
  }
  mapping->ReleaseReadPages();
  return std::shared_ptr<const Screener>(
      new Screener(std::make_unique<Impl>(std::move(lists), std::move(*index))));
}

}  // namespace embargo
