// Binary snapshot of a list set: "EMBARGO\x01", format version, payload
// size, FNV-1a checksum of the payload, then the payload (datasets and
// entities, length-prefixed little-endian fields). Loading verifies the
// checksum and every length, so a truncated or corrupted file is an error,
// never a crash; the index is rebuilt from the entities on load.
#include <fmt/format.h>

#include <cstring>
#include <fstream>

#include "common/file.h"
#include "common/hash.h"
#include "embargo/screener.h"
#include "match/screener_impl.h"

namespace embargo {
namespace {

constexpr char kMagic[8] = {'E', 'M', 'B', 'A', 'R', 'G', 'O', '\x01'};
constexpr uint32_t kFormatVersion = 3;  // 2: entity topics; 3: former flags

class Writer {
 public:
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  void Date(const PartialDate& d) {
    I32(d.year);
    I32(d.month);
    I32(d.day);
  }
  std::string& data() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  // Where the first malformed field starts, and what is wrong with it.
  size_t failed_at() const { return failed_at_; }
  const std::string& why() const { return why_; }
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  int32_t I32() { return Fixed<int32_t>(); }
  std::string Str() {
    uint32_t n = U32();
    if (!ok_ || n > data_.size() - pos_) return Fail<std::string>();
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<std::string> Strs() {
    uint32_t n = Count();
    std::vector<std::string> v;
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(Str());
    return v;
  }
  // A element count, bounded by the bytes left (each element takes >= 4).
  uint32_t Count() {
    uint32_t n = U32();
    if (n > (data_.size() - pos_) / 4 + 1) return Fail<uint32_t>();
    return n;
  }
  // A date in the ranges the list parsers give (years have four digits at
  // most): evidence scoring does arithmetic on years, so one near INT_MAX
  // would overflow it.
  PartialDate Date() {
    size_t at = pos_;
    PartialDate d;
    d.year = I32();
    d.month = I32();
    d.day = I32();
    bool valid =
        d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31;
    if (ok_ && !valid) {
      pos_ = at;
      return Fail<PartialDate>(
          fmt::format("date {}-{}-{} out of range (years 0..9999, months 0..12, days 0..31)",
                      d.year, d.month, d.day));
    }
    return d;
  }

 private:
  template <typename T>
  T Fail(std::string why = "a length or count runs past the end") {
    if (ok_) {
      failed_at_ = pos_;
      why_ = std::move(why);
    }
    ok_ = false;
    pos_ = data_.size();
    return T{};
  }
  template <typename T>
  T Fixed() {
    if (!ok_ || data_.size() - pos_ < sizeof(T)) return Fail<T>();
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
  size_t failed_at_ = 0;
  std::string why_;
};

void WriteEntity(Writer& w, const Entity& e) {
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
}

template <typename E>
E Enum(Reader& r, uint32_t max) {
  uint32_t v = r.U32();
  return static_cast<E>(v <= max ? v : 0);
}

Entity ReadEntity(Reader& r) {
  Entity e;
  e.id = r.Str();
  e.dataset = r.Str();
  e.source_id = r.Str();
  e.schema = Enum<Schema>(r, static_cast<uint32_t>(Schema::kAirplane));
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    Name name;
    name.value = r.Str();
    name.kind = Enum<NameKind>(r, static_cast<uint32_t>(NameKind::kPreviousName));
    for (uint32_t j = 0, m = r.Count(); j < m && r.ok(); ++j) {
      NamePart part;
      part.type = Enum<NamePartType>(r, static_cast<uint32_t>(NamePartType::kOther));
      part.value = r.Str();
      name.parts.push_back(std::move(part));
    }
    e.names.push_back(std::move(name));
  }
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    DateSpec d;
    d.from = r.Date();
    d.to = r.Date();
    d.approximate = r.U32() != 0;
    e.birth_dates.push_back(d);
  }
  e.birth_places = r.Strs();
  e.nationalities = r.Strs();
  e.countries = r.Strs();
  e.former_flags = r.Strs();
  e.gender = Enum<Gender>(r, static_cast<uint32_t>(Gender::kOther));
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    Identifier id;
    id.type = Enum<IdType>(r, static_cast<uint32_t>(IdType::kOther));
    id.value = r.Str();
    id.country = r.Str();
    id.label = r.Str();
    e.identifiers.push_back(std::move(id));
  }
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    Address a;
    a.full = r.Str();
    a.city = r.Str();
    a.country = r.Str();
    e.addresses.push_back(std::move(a));
  }
  e.programs = r.Strs();
  e.topics = r.Strs();
  e.listed_on = r.Str();
  e.remarks = r.Strs();
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) {
    Link l;
    l.relation = r.Str();
    l.target_id = r.Str();
    l.target_name = r.Str();
    e.links.push_back(std::move(l));
  }
  return e;
}

}  // namespace

Status Screener::SaveSnapshot(const std::filesystem::path& path) const {
  const ListSet& lists = impl_->lists;
  Writer w;
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
  w.U32(static_cast<uint32_t>(lists.entities.size()));
  for (const Entity& e : lists.entities) WriteEntity(w, e);

  Writer header;
  header.U32(kFormatVersion);
  header.U64(w.data().size());
  header.U64(Fnv1a(w.data()));
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return MakeError(path.string(), 0, "cannot open for writing");
    out.write(kMagic, sizeof kMagic);
    out.write(header.data().data(), static_cast<std::streamsize>(header.data().size()));
    out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
    out.close();  // the last buffer is written here: check it too
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return MakeError(path.string(), 0, "write failed (disk full?); nothing replaced");
    }
  }
  std::filesystem::rename(tmp, path, ec);  // atomic: readers never see half a snapshot
  if (ec) return MakeError(path.string(), 0, "cannot rename snapshot into place: " + ec.message());
  return Status::Ok();
}

Result<std::shared_ptr<const Screener>> Screener::LoadSnapshot(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  std::string_view data = *bytes;
  const std::string file = path.string();
  if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0) {
    return MakeError(file, 0, "not an embargo index snapshot (bad magic bytes)");
  }
  Reader header(data.substr(sizeof kMagic));
  uint32_t version = header.U32();
  uint64_t size = header.U64();
  uint64_t checksum = header.U64();
  size_t payload_at = sizeof kMagic + 4 + 8 + 8;
  if (!header.ok()) return MakeError(file, 0, "truncated snapshot header");
  if (version != kFormatVersion) {
    return MakeError(file, 0,
                     fmt::format("snapshot format version {} is not supported (expected {}); "
                                 "rebuild it with 'embargo index build'",
                                 version, kFormatVersion));
  }
  if (data.size() - payload_at != size) {
    return MakeError(file, 0,
                     fmt::format("truncated snapshot: {} payload bytes, header says {}",
                                 data.size() - payload_at, size));
  }
  std::string_view payload = data.substr(payload_at);
  if (Fnv1a(payload) != checksum)
    return MakeError(file, 0, "snapshot checksum mismatch (file corrupted)");

  Reader r(payload);
  ListSet lists;
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
  for (uint32_t i = 0, n = r.Count(); i < n && r.ok(); ++i) lists.entities.push_back(ReadEntity(r));
  if (!r.ok()) {
    return MakeError(file, 0,
                     fmt::format("malformed snapshot payload at byte {}: {}",
                                 payload_at + r.failed_at(), r.why()));
  }
  return Build(std::move(lists));
}

}  // namespace embargo
