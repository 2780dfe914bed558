#include "sources/list_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "common/hash.h"
#include "common/utf8.h"

namespace embargo {
namespace {

// " passport no " for "Passport No.": lowercase ASCII words padded with
// spaces, so a label can be searched for whole words.
std::string Words(std::string_view label) {
  std::string out = " ";
  for (char c : label) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x80 || std::isalnum(u) ? static_cast<char>(std::tolower(u)) : ' ');
  }
  out.push_back(' ');
  return out;
}

bool HasWord(const std::string& words, std::initializer_list<std::string_view> options) {
  return std::any_of(options.begin(), options.end(), [&](std::string_view w) {
    return words.find(fmt::format(" {} ", w)) != std::string::npos;
  });
}

// Words that only firms carry (legal forms and trade words), after dots are
// removed ("S.A." -> "SA"). Deliberately conservative: LegalEntity matches
// people and firms alike, a wrong Organization would hide a person.
const std::set<std::string, std::less<>>& FirmWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "AB",           "AG",         "AIRLINES",    "AIRWAYS",  "AVIATION",    "BV",
      "CO",           "COMPANY",    "COMPUTERS",   "CORP",     "CORPORATION", "ELECTRONICS",
      "ENGINEERING",  "ENTERPRISE", "ENTERPRISES", "EXPORT",   "FZC",         "FZCO",
      "FZE",          "GMBH",       "GROUP",       "INC",      "INDUSTRIES",  "INTERNATIONAL",
      "JSC",          "KG",         "LIMITED",     "LLC",      "LLP",         "LOGISTICS",
      "LTD",          "NV",         "OOO",         "PLC",      "PTE",         "PTY",
      "PVT",          "SA",         "SARL",        "SERVICES", "SHIPPING",    "SL",
      "SOLUTIONS",    "SPA",        "SRL",         "SUPPLY",   "SYSTEMS",     "TECHNIK",
      "TECHNOLOGIES", "TECHNOLOGY", "TRADE",       "TRADING",
  };
  return kWords;
}

}  // namespace

void AppendUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) != values.end()) return;
  values.push_back(std::move(value));
}

namespace {

template <typename Parts>
std::string Join(const Parts& parts, std::string_view separator) {
  std::string out;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

std::string CleanSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
      space = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string JoinNonEmpty(std::initializer_list<std::string_view> parts,
                         std::string_view separator) {
  return Join(parts, separator);
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  return Join(parts, separator);
}

std::string JoinNonEmpty(const std::vector<std::string_view>& parts, std::string_view separator) {
  return Join(parts, separator);
}

void AddName(Entity& entity, Name name) {
  if (name.value.empty()) return;
  for (const Name& known : entity.names)
    if (known.value == name.value && known.kind == name.kind) return;
  bool first_primary = name.kind == NameKind::kPrimary &&
                       (entity.names.empty() || entity.names[0].kind != NameKind::kPrimary);
  entity.names.insert(first_primary ? entity.names.begin() : entity.names.end(), std::move(name));
}

void AddBirthDate(Entity& entity, const DateSpec& date) {
  if (date.from.empty()) return;
  if (std::find(entity.birth_dates.begin(), entity.birth_dates.end(), date) ==
      entity.birth_dates.end()) {
    entity.birth_dates.push_back(date);
  }
}

void SetVesselFact(Entity& entity, std::string VesselFacts::*field, std::string_view label,
                   std::string value) {
  if (value.empty()) return;
  std::string& slot = (*entity.vessel).*field;
  if (slot.empty()) {
    slot = std::move(value);
  } else if (slot != value) {
    AppendUnique(entity.remarks, fmt::format("{}: {}", label, value));
  }
}

Status CheckUtf8(std::string_view bytes, const std::string& file) {
  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return Status::Ok();
  TextPosition at = PositionOfOffset(bytes, bad);
  return Error{file, at.line, at.column,
               fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                           static_cast<unsigned char>(bytes[bad]))};
}

int LineOfOffset(std::string_view bytes, size_t offset) {
  return PositionOfOffset(bytes, offset).line;
}

std::string StableHash(std::initializer_list<std::string_view> parts) {
  uint64_t hash = kFnvOffsetBasis;
  auto mix = [&](unsigned char c) { hash = FnvMix(hash, c); };
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) mix(0x1F);
    first = false;
    for (char c : part) mix(static_cast<unsigned char>(c));
  }
  return fmt::format("{:016x}", hash);
}

std::string IsoDateOrEmpty(std::string_view text) {
  text = Trim(text);
  if (text.size() < 10) return "";
  auto date = PartialDate::Parse(text.substr(0, 10));
  if (!date || date->day == 0 || date->year < 1900 || date->year > 2100) return "";
  return date->ToString();
}

IdType IdTypeFromLabel(std::string_view label) {
  std::string w = Words(label);
  if (HasWord(w, {"passport", "pasaporte", "passeport"})) return IdType::kPassport;
  if (HasWord(w, {"imo", "vessel registration"})) return IdType::kImo;
  if (HasWord(w, {"mmsi"})) return IdType::kMmsi;
  if (HasWord(w, {"swift", "bic"})) return IdType::kSwiftBic;
  if (HasWord(w, {"tax", "nit", "inn", "ruc", "vat", "taxpayer", "tin"})) return IdType::kTax;
  if (HasWord(w, {"national identification", "national id", "identity", "identidad", "identité",
                  "identite", "cedula", "cédula", "ssn", "social security"})) {
    return IdType::kNationalId;
  }
  if (HasWord(w, {"registration", "registry", "register", "company number", "matricula", "ogrn",
                  "lei", "legal entity number", "duns", "d u n s"})) {
    return IdType::kRegistration;
  }
  return IdType::kOther;
}

bool IsIdentifierLabel(std::string_view label) {
  if (IdTypeFromLabel(label) != IdType::kOther) return true;
  std::string w = Words(label);
  return HasWord(w, {"number", "no", "id", "identification", "numero", "número", "numéro"}) ||
         label.find('#') != std::string_view::npos;
}

bool LooksLikeFirmName(std::string_view name) {
  std::string word;
  auto is_firm_word = [&] { return !word.empty() && FirmWords().count(word) > 0; };
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '.') continue;
    if (std::isalnum(u)) {
      word.push_back(static_cast<char>(std::toupper(u)));
      continue;
    }
    if (is_firm_word()) return true;
    word.clear();
  }
  return is_firm_word();
}

}  // namespace embargo
