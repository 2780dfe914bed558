#include "sources/ofac_legacy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/csv.h"
#include "common/file.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "model/country.h"
#include "sources/ofac_remarks.h"

namespace embargo {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMainFields = 12;
constexpr size_t kAltFields = 5;
constexpr size_t kAddFields = 6;
constexpr size_t kCommentFields = 2;

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(std::move(value));
  }
}

int LineAt(std::string_view data, size_t pos) {
  int line = 1;
  for (size_t i = 0; i < pos && i < data.size(); ++i) {
    bool lone_cr = data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n');
    if (data[i] == '\n' || lone_cr) ++line;
  }
  return line;
}

// First byte that is no text (C0 control other than tab/CR/LF, DEL); npos.
size_t FindControlByte(std::string_view data) {
  for (size_t i = 0; i < data.size(); ++i) {
    auto c = static_cast<unsigned char>(data[i]);
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

// Windows-1252 code points for 0x80..0x9F (0 = undefined). Files labelled
// Latin-1 are in practice Windows-1252, whose C1 range holds printable text.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Result<std::string> Latin1ToUtf8(std::string_view data, const std::string& file) {
  std::string out;
  out.reserve(data.size() + data.size() / 8);
  for (size_t i = 0; i < data.size(); ++i) {
    auto c = static_cast<unsigned char>(data[i]);
    unsigned code_point = c >= 0x80 && c < 0xA0 ? kCp1252High[c - 0x80] : c;
    if (code_point == 0 && c != 0) {
      return MakeError(file, LineAt(data, i), fmt::format("invalid byte 0x{:02X}", c));
    }
    AppendUtf8(out, code_point);
  }
  return out;
}

// The file's text as UTF-8: kept when already valid UTF-8, else read as
// Latin-1. Trailing Ctrl-Z and blank lines are dropped; other control bytes
// are errors.
Result<std::string> DecodeText(std::string_view bytes, const std::string& file) {
  while (!bytes.empty() &&
         (bytes.back() == '\x1A' || bytes.back() == '\r' || bytes.back() == '\n')) {
    bytes.remove_suffix(1);
  }
  size_t control = FindControlByte(bytes);
  if (control != std::string_view::npos) {
    return MakeError(file, LineAt(bytes, control),
                     fmt::format("invalid byte 0x{:02X} (control character)",
                                 static_cast<unsigned char>(bytes[control])));
  }
  if (IsValidUtf8(bytes)) return std::string(bytes);
  return Latin1ToUtf8(bytes, file);
}

// A file's records, and whether it ends with OFAC's end-of-file mark.
struct FileRows {
  std::vector<CsvRow> rows;
  bool end_mark = false;
};

// Whether the last byte before any trailing line ends is Ctrl-Z.
bool EndsWithCtrlZ(std::string_view bytes) {
  while (!bytes.empty() && (bytes.back() == '\r' || bytes.back() == '\n')) bytes.remove_suffix(1);
  return !bytes.empty() && bytes.back() == '\x1A';
}

Result<FileRows> ReadRows(const fs::path& path, uint64_t max_file_bytes) {
  Result<std::string> bytes = ReadFileBytes(path, max_file_bytes);
  if (!bytes.ok()) return bytes.error();
  Result<std::string> text = DecodeText(*bytes, path.string());
  if (!text.ok()) return text.error();
  Result<std::vector<CsvRow>> rows = ReadCsv(*text, path.string());
  if (!rows.ok()) return rows.error();
  return FileRows{std::move(rows).value(), EndsWithCtrlZ(*bytes)};
}

// OFAC ends sdn.csv and cons_prim.csv with Ctrl-Z (every published file in
// ../shared/data does); a main file without it was cut short, possibly at a
// record boundary where nothing else shows it.
Status CheckEndMark(const FileRows& main, const std::string& file) {
  if (main.end_mark) return Status::Ok();
  int last_line = main.rows.empty() ? 0 : main.rows.back().line;
  return MakeError(file, last_line,
                   "no end-of-file mark (Ctrl-Z, byte 0x1A) after the last record: the file looks "
                   "cut short (OFAC's sdn.csv and cons_prim.csv end with one)");
}

// The trimmed field; "" for OFAC's null "-0-".
std::string_view Field(const CsvRow& row, size_t index) {
  std::string_view value = Trim(row.fields[index]);
  return value == "-0-" ? std::string_view() : value;
}

Status CheckFieldCount(const CsvRow& row, size_t expected, const std::string& file) {
  if (row.fields.size() == expected) return Status::Ok();
  return MakeError(file, row.line,
                   fmt::format("expected {} fields, found {}", expected, row.fields.size()));
}

Result<int64_t> ParseEntNum(const CsvRow& row, const std::string& file) {
  std::string_view text = Trim(row.fields[0]);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return MakeError(file, row.line, fmt::format("ent_num is not an integer: \"{}\"", text));
  }
  return value;
}

}  // namespace

std::optional<Schema> SchemaOfSdnType(std::string_view type) {
  std::string lower = Lowercase(type);
  if (lower.empty()) return Schema::kOrganization;
  if (lower == "individual") return Schema::kPerson;
  if (lower == "vessel") return Schema::kVessel;
  if (lower == "aircraft") return Schema::kAirplane;
  if (lower == "entity") return Schema::kOrganization;
  return std::nullopt;
}

namespace {

// "LAST, Given Middle[, Jr.]" -> family "LAST", given "Given Middle", other "Jr.".
std::vector<NamePart> PersonNameParts(std::string_view value) {
  size_t comma = value.find(',');
  if (comma == std::string_view::npos) return {};
  std::vector<NamePart> parts = {
      {NamePartType::kFamily, std::string(Trim(value.substr(0, comma)))}};
  std::string_view rest = value.substr(comma + 1);
  size_t next = rest.find(',');
  parts.push_back({NamePartType::kGiven, std::string(Trim(rest.substr(0, next)))});
  if (next != std::string_view::npos) {
    parts.push_back({NamePartType::kOther, std::string(Trim(rest.substr(next + 1)))});
  }
  std::erase_if(parts, [](const NamePart& part) { return part.value.empty(); });
  return parts;
}

}  // namespace

Name MakeOfacName(std::string_view value, NameKind kind, Schema schema) {
  Name name{std::string(value), kind, {}};
  if (schema == Schema::kPerson) name.parts = PersonNameParts(value);
  return name;
}

namespace {

// "NPWMD] [DPRK3" -> {"NPWMD", "DPRK3"}.
std::vector<std::string> SplitPrograms(std::string_view text) {
  std::vector<std::string> programs;
  while (!text.empty()) {
    size_t split = text.find("] [");
    std::string_view program = text.substr(0, split);
    while (!program.empty() && (program.front() == '[' || program.front() == ' ')) {
      program.remove_prefix(1);
    }
    while (!program.empty() && (program.back() == ']' || program.back() == ' ')) {
      program.remove_suffix(1);
    }
    if (!program.empty() && program != "-0-") AddUnique(programs, std::string(program));
    text = split == std::string_view::npos ? std::string_view() : text.substr(split + 3);
  }
  return programs;
}

}  // namespace

std::optional<NameKind> OfacAliasKind(std::string_view type) {
  std::string lower = Lowercase(type);
  if (lower == "aka" || lower == "a.k.a." || lower == "nka" || lower == "n.k.a.") {
    return NameKind::kAlias;
  }
  if (lower == "fka" || lower == "f.k.a.") return NameKind::kPreviousName;
  return std::nullopt;
}

namespace {

// Builds the entities of one bundle. Remarks are parsed last, once every
// sdn_comments continuation has been appended.
class OfacBundle {
 public:
  explicit OfacBundle(std::string dataset) : dataset_(std::move(dataset)) {}

  Status AddMainRows(const std::vector<CsvRow>& rows, const std::string& file);
  Status AddAliases(const std::vector<CsvRow>& rows, const std::string& file);
  Status AddAddresses(const std::vector<CsvRow>& rows, const std::string& file);
  Status AddComments(const std::vector<CsvRow>& rows, const std::string& file);
  std::vector<Entity> Finish() &&;

 private:
  Status AddMainRow(const CsvRow& row, const std::string& file);
  // The entity a sidecar row belongs to, or an error naming what it is.
  Result<size_t> Owner(const CsvRow& row, const std::string& file, std::string_view what) const;
  void AddColumnFacts(const CsvRow& row, Entity& entity);

  std::string dataset_;
  std::vector<Entity> entities_;
  std::vector<std::string> raw_remarks_;  // per entity, before parsing
  std::unordered_map<int64_t, size_t> by_ent_num_;
  std::vector<int> lines_;  // per entity, where its main row starts
};

Status OfacBundle::AddMainRows(const std::vector<CsvRow>& rows, const std::string& file) {
  if (rows.empty()) return MakeError(file, 0, "empty file");
  for (const CsvRow& row : rows) EMBARGO_RETURN_IF_ERROR(AddMainRow(row, file));
  return Status::Ok();
}

Status OfacBundle::AddMainRow(const CsvRow& row, const std::string& file) {
  EMBARGO_RETURN_IF_ERROR(CheckFieldCount(row, kMainFields, file));
  Result<int64_t> ent_num = ParseEntNum(row, file);
  if (!ent_num.ok()) return ent_num.error();
  auto [first, inserted] = by_ent_num_.emplace(*ent_num, entities_.size());
  if (!inserted) {
    return MakeError(
        file, row.line,
        fmt::format("duplicate ent_num {} (first on line {})", *ent_num, lines_[first->second]));
  }
  lines_.push_back(row.line);
  std::optional<Schema> schema = SchemaOfSdnType(Field(row, 2));
  if (!schema) {
    return MakeError(file, row.line, fmt::format("unknown SDN_Type \"{}\"", Field(row, 2)));
  }
  if (Field(row, 1).empty()) return MakeError(file, row.line, "SDN_Name is empty");
  Entity entity;
  entity.source_id = std::to_string(*ent_num);
  entity.id = dataset_ + "-" + entity.source_id;
  entity.dataset = dataset_;
  entity.schema = *schema;
  entity.names.push_back(MakeOfacName(Field(row, 1), NameKind::kPrimary, *schema));
  entity.programs = SplitPrograms(Field(row, 3));
  raw_remarks_.emplace_back(Field(row, 11));
  AddColumnFacts(row, entity);
  entities_.push_back(std::move(entity));
  return Status::Ok();
}

// Title and vessel columns: call sign, type, tonnage, flag, owner.
void OfacBundle::AddColumnFacts(const CsvRow& row, Entity& entity) {
  std::string_view title = Field(row, 4);
  if (!title.empty() && raw_remarks_.back().find(title) == std::string::npos) {
    entity.remarks.push_back(fmt::format("Title: {}", title));
  }
  if (!Field(row, 5).empty()) {
    entity.identifiers.push_back(
        Identifier{IdType::kOther, std::string(Field(row, 5)), "", "call_sign"});
  }
  entity.vessel.Update([&](VesselFacts& vessel) {
    vessel.type = Field(row, 6);
    vessel.tonnage = Field(row, 7);
    vessel.gross_tonnage = Field(row, 8);
  });
  std::string_view flag = Field(row, 9);
  std::string flag_country = NormalizeCountry(flag);
  if (!flag_country.empty()) {
    AddUnique(entity.countries, std::move(flag_country));
  } else if (!flag.empty()) {
    entity.remarks.push_back(fmt::format("Vessel Flag: {}", flag));
  }
  if (!Field(row, 10).empty()) {
    entity.links.push_back(Link{"owner", "", std::string(Field(row, 10))});
  }
}

Result<size_t> OfacBundle::Owner(const CsvRow& row, const std::string& file,
                                 std::string_view what) const {
  Result<int64_t> ent_num = ParseEntNum(row, file);
  if (!ent_num.ok()) return ent_num.error();
  auto it = by_ent_num_.find(*ent_num);
  if (it == by_ent_num_.end()) {
    return MakeError(file, row.line, fmt::format("{} for unknown ent_num {}", what, *ent_num));
  }
  return it->second;
}

Status OfacBundle::AddAliases(const std::vector<CsvRow>& rows, const std::string& file) {
  for (const CsvRow& row : rows) {
    EMBARGO_RETURN_IF_ERROR(CheckFieldCount(row, kAltFields, file));
    Result<size_t> owner = Owner(row, file, "alias");
    if (!owner.ok()) return owner.error();
    std::optional<NameKind> kind = OfacAliasKind(Field(row, 2));
    if (!kind)
      return MakeError(file, row.line, fmt::format("unknown alt_type \"{}\"", Field(row, 2)));
    Entity& entity = entities_[*owner];
    if (!Field(row, 3).empty())
      entity.names.push_back(MakeOfacName(Field(row, 3), *kind, entity.schema));
    if (!Field(row, 4).empty()) entity.remarks.emplace_back(Field(row, 4));
  }
  return Status::Ok();
}

Status OfacBundle::AddAddresses(const std::vector<CsvRow>& rows, const std::string& file) {
  for (const CsvRow& row : rows) {
    EMBARGO_RETURN_IF_ERROR(CheckFieldCount(row, kAddFields, file));
    Result<size_t> owner = Owner(row, file, "address");
    if (!owner.ok()) return owner.error();
    Entity& entity = entities_[*owner];
    if (!Field(row, 5).empty()) entity.remarks.emplace_back(Field(row, 5));
    std::string full;
    for (size_t column : {2, 3, 4}) {
      if (Field(row, column).empty()) continue;
      full += (full.empty() ? "" : ", ") + std::string(Field(row, column));
    }
    if (full.empty()) continue;
    Address address{full, std::string(Field(row, 3)), NormalizeCountry(Field(row, 4))};
    AddUnique(entity.countries, address.country);
    entity.addresses.push_back(std::move(address));
  }
  return Status::Ok();
}

// The overflow continues Remarks exactly where it was cut, often mid-word.
Status OfacBundle::AddComments(const std::vector<CsvRow>& rows, const std::string& file) {
  for (const CsvRow& row : rows) {
    EMBARGO_RETURN_IF_ERROR(CheckFieldCount(row, kCommentFields, file));
    Result<size_t> owner = Owner(row, file, "comment");
    if (!owner.ok()) return owner.error();
    std::string_view text = row.fields[1];
    if (Trim(text) != "-0-") raw_remarks_[*owner] += text;
  }
  return Status::Ok();
}

std::vector<Entity> OfacBundle::Finish() && {
  for (size_t i = 0; i < entities_.size(); ++i) ApplyOfacRemarks(raw_remarks_[i], entities_[i]);
  return std::move(entities_);
}

struct Sidecars {
  std::optional<fs::path> alt;
  std::optional<fs::path> add;
  std::optional<fs::path> comments;
};

// The file in `dir` whose lowercase name is `name`.
std::optional<fs::path> FindFileNoCase(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (Lowercase(it->path().filename().string()) == name && it->is_regular_file(ec)) {
      return it->path();
    }
  }
  return std::nullopt;
}

Sidecars FindSidecars(const fs::path& main_file) {
  std::string name = Lowercase(main_file.filename().string());
  Sidecars sidecars;
  auto find = [&](size_t prefix_size, std::string_view sidecar) {
    return FindFileNoCase(main_file.parent_path(), std::string(sidecar) + name.substr(prefix_size));
  };
  if (name.starts_with("cons_prim")) {
    sidecars = {find(9, "cons_alt"), find(9, "cons_add"), find(9, "cons_comments")};
  } else if (name.starts_with("sdn") && !IsOfacSidecarFile(main_file)) {
    sidecars = {find(3, "alt"), find(3, "add"), find(3, "sdn_comments")};
  }
  return sidecars;
}

using SidecarAdder = Status (OfacBundle::*)(const std::vector<CsvRow>&, const std::string&);

Status AddSidecar(OfacBundle& bundle, const std::optional<fs::path>& path, SidecarAdder add,
                  uint64_t max_file_bytes) {
  if (!path) return Status::Ok();
  Result<FileRows> read = ReadRows(*path, max_file_bytes);
  if (!read.ok()) return read.error();
  return (bundle.*add)(read->rows, path->string());
}

bool IsDigits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return false;
  return std::all_of(text.begin() + pos, text.begin() + pos + count,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool DigitAt(std::string_view text, size_t pos) { return IsDigits(text, pos, 1); }

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// The date (YYYY-MM-DD or YYYY-MM) starting at `pos`, or "".
std::string DateAt(std::string_view text, size_t pos) {
  if (pos + 7 > text.size() || (pos > 0 && DigitAt(text, pos - 1))) return "";
  if (!IsDigits(text, pos, 4) || text[pos + 4] != '-' || !IsDigits(text, pos + 5, 2)) return "";
  int year = ToInt(text.substr(pos, 4));
  int month = ToInt(text.substr(pos + 5, 2));
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return "";
  bool has_day = pos + 10 <= text.size() && text[pos + 7] == '-' && IsDigits(text, pos + 8, 2) &&
                 !DigitAt(text, pos + 10);
  if (has_day) {
    int day = ToInt(text.substr(pos + 8, 2));
    if (day >= 1 && day <= 31) return std::string(text.substr(pos, 10));
  }
  if (DigitAt(text, pos + 7)) return "";
  return std::string(text.substr(pos, 7));
}

}  // namespace

Result<ParsedList> ParseOfacLegacy(const std::filesystem::path& main_file, std::string dataset_name,
                                   uint64_t max_file_bytes) {
  Result<FileRows> main = ReadRows(main_file, max_file_bytes);
  if (!main.ok()) return main.error();
  OfacBundle bundle(dataset_name);
  EMBARGO_RETURN_IF_ERROR(bundle.AddMainRows(main->rows, main_file.string()));
  Sidecars sidecars = FindSidecars(main_file);
  EMBARGO_RETURN_IF_ERROR(
      AddSidecar(bundle, sidecars.comments, &OfacBundle::AddComments, max_file_bytes));
  EMBARGO_RETURN_IF_ERROR(
      AddSidecar(bundle, sidecars.alt, &OfacBundle::AddAliases, max_file_bytes));
  EMBARGO_RETURN_IF_ERROR(
      AddSidecar(bundle, sidecars.add, &OfacBundle::AddAddresses, max_file_bytes));
  EMBARGO_RETURN_IF_ERROR(CheckEndMark(*main, main_file.string()));

  ParsedList list;
  list.entities = std::move(bundle).Finish();
  list.dataset.name = std::move(dataset_name);
  list.dataset.format = "ofac_legacy";
  list.dataset.path = main_file.string();
  list.dataset.version_date = VersionDateFromPath(main_file);
  list.dataset.entity_count = list.entities.size();
  for (const Entity& entity : list.entities) list.dataset.name_count += entity.names.size();
  return list;
}

std::string OfacDatasetName(const std::filesystem::path& main_file) {
  return Lowercase(main_file.filename().string()).starts_with("cons") ? "us_ofac_cons"
                                                                      : "us_ofac_sdn";
}

bool LooksLikeOfacLegacy(std::string_view first_bytes) {
  if (first_bytes.starts_with("\xEF\xBB\xBF")) first_bytes.remove_prefix(3);
  size_t line_end = first_bytes.find_first_of("\r\n");
  bool complete = line_end != std::string_view::npos;
  std::string line(first_bytes.substr(0, line_end));
  if (!complete && std::count(line.begin(), line.end(), '"') % 2 == 1) line += '"';
  CsvRow row;
  CsvReader reader(line, "");
  if (!reader.Next(row) || row.fields.size() < 3 || row.fields.size() > kMainFields + 1) {
    return false;
  }
  if (complete && row.fields.size() < kMainFields - 1) return false;
  std::string_view ent_num = Trim(row.fields[0]);
  bool integer = !ent_num.empty() && IsDigits(ent_num, 0, ent_num.size());
  return integer && SchemaOfSdnType(Field(row, 2)).has_value();
}

bool IsOfacSidecarFile(const std::filesystem::path& path) {
  static constexpr std::string_view kSidecars[] = {"sdn_comments", "cons_comments", "cons_alt",
                                                   "cons_add",     "alt",           "add"};
  std::string name = Lowercase(path.filename().string());
  for (std::string_view sidecar : kSidecars) {
    if (!name.starts_with(sidecar)) continue;
    char next = name.size() > sidecar.size() ? name[sidecar.size()] : '\0';
    if (next == '.' || next == '-' || next == '\0') return true;
  }
  return false;
}

std::string VersionDateFromPath(const std::filesystem::path& path) {
  std::string text = path.string();
  std::string found;
  for (size_t pos = 0; pos + 7 <= text.size(); ++pos) {
    std::string date = DateAt(text, pos);
    if (!date.empty()) found = std::move(date);
  }
  if (!found.empty()) return found;
  // Else a year standing alone in the file's or its folder's name
  // ("ofac/cons-2019/cons_prim.csv" -> "2019"), set off by - _ . or a space.
  std::string near = (path.parent_path().filename() / path.filename()).string();
  auto separator = [](char c) { return c == '-' || c == '_' || c == '.' || c == ' ' || c == '/'; };
  for (size_t pos = 0; pos + 4 <= near.size(); ++pos) {
    bool bounded = (pos == 0 || separator(near[pos - 1])) &&
                   (pos + 4 == near.size() || separator(near[pos + 4]));
    // Not the year of a date that failed ("sdn-2024-13-01"): no digit after a dash.
    if (pos + 5 < near.size() && near[pos + 4] == '-' && DigitAt(near, pos + 5)) continue;
    if (!bounded || !IsDigits(near, pos, 4)) continue;
    int year = ToInt(near.substr(pos, 4));
    if (year >= 1990 && year <= 2100) found = near.substr(pos, 4);
  }
  return found;
}

}  // namespace embargo
