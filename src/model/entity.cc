#include "embargo/entity.h"

#include <fmt/format.h>

#include <cctype>
#include <mutex>

#include "common/strings.h"

namespace embargo {
std::string_view SchemaName(Schema schema) {
  switch (schema) {
    case Schema::kLegalEntity: return "LegalEntity";
    case Schema::kPerson: return "Person";
    case Schema::kOrganization: return "Organization";
    case Schema::kCompany: return "Company";
    case Schema::kVessel: return "Vessel";
    case Schema::kAirplane: return "Airplane";
  }
  return "LegalEntity";
}

std::optional<Schema> ParseSchema(std::string_view text) {
  struct Alias {
    std::string_view name;
    Schema schema;
  };
  static constexpr Alias kAliases[] = {
      {"LegalEntity", Schema::kLegalEntity},
      {"Thing", Schema::kLegalEntity},
      {"Person", Schema::kPerson},
      {"individual", Schema::kPerson},
      {"Organization", Schema::kOrganization},
      {"Organisation", Schema::kOrganization},
      {"entity", Schema::kOrganization},
      {"Company", Schema::kCompany},
      {"PublicBody", Schema::kOrganization},
      {"Vessel", Schema::kVessel},
      {"ship", Schema::kVessel},
      {"Airplane", Schema::kAirplane},
      {"aircraft", Schema::kAirplane},
  };
  for (const Alias& alias : kAliases) {
    if (EqualsIgnoreCase(alias.name, text)) return alias.schema;
  }
  return std::nullopt;
}

bool SchemasCompatible(Schema query, Schema listed) {
  auto is_party = [](Schema s) {
    return s == Schema::kLegalEntity || s == Schema::kPerson || s == Schema::kOrganization ||
           s == Schema::kCompany;
  };
  if (query == listed) return true;
  if (query == Schema::kLegalEntity) return is_party(listed);
  if (listed == Schema::kLegalEntity) return is_party(query);
  auto is_org = [](Schema s) { return s == Schema::kOrganization || s == Schema::kCompany; };
  return is_org(query) && is_org(listed);
}

std::string_view NameKindName(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary: return "primary";
    case NameKind::kAlias: return "alias";
    case NameKind::kWeakAlias: return "weak_alias";
    case NameKind::kPreviousName: return "previous_name";
  }
  return "alias";
}

std::string PartialDate::ToString() const {
  if (year == 0) return "";
  if (month == 0) return fmt::format("{:04d}", year);
  if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::optional<PartialDate> PartialDate::Parse(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  // Accept full timestamps by keeping the date part.
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) text = text.substr(0, 10);
  PartialDate date;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  auto year = ParseNumber<int>(text.substr(0, 4));
  if (!year || *year < 1000 || *year > 2999) return std::nullopt;
  date.year = *year;
  if (text.size() >= 7) {
    if (text[4] != '-') return std::nullopt;
    auto month = ParseNumber<int>(text.substr(5, 2));
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    date.month = *month;
  }
  if (text.size() == 10) {
    if (text[7] != '-') return std::nullopt;
    auto day = ParseNumber<int>(text.substr(8, 2));
    if (!day || *day < 1 || *day > 31) return std::nullopt;
    date.day = *day;
  }
  return date;
}

std::string DateSpec::ToString() const {
  std::string out = approximate ? "~" : "";
  out += from.ToString();
  if (!(to == from) && !to.empty()) out += ".." + to.ToString();
  return out;
}

std::string_view GenderName(Gender gender) {
  switch (gender) {
    case Gender::kUnknown: return "";
    case Gender::kMale: return "male";
    case Gender::kFemale: return "female";
    case Gender::kOther: return "other";
  }
  return "";
}

Gender ParseGender(std::string_view text) {
  if (EqualsIgnoreCase(text, "male") || EqualsIgnoreCase(text, "m")) return Gender::kMale;
  if (EqualsIgnoreCase(text, "female") || EqualsIgnoreCase(text, "f")) return Gender::kFemale;
  if (EqualsIgnoreCase(text, "other")) return Gender::kOther;
  return Gender::kUnknown;
}

std::string_view IdTypeName(IdType type) {
  switch (type) {
    case IdType::kPassport: return "passport";
    case IdType::kNationalId: return "national_id";
    case IdType::kImo: return "imo";
    case IdType::kMmsi: return "mmsi";
    case IdType::kSwiftBic: return "swift_bic";
    case IdType::kRegistration: return "registration";
    case IdType::kTax: return "tax";
    case IdType::kCrypto: return "crypto";
    case IdType::kOther: return "other";
  }
  return "other";
}

struct FtmRecordRef::State {
  std::once_flag once;
  std::shared_ptr<const FtmRecord> record;  // set, or decoded from `bytes` once
  std::string_view bytes;
  std::shared_ptr<const void> backing;
  Decoder decode = nullptr;
};

FtmRecordRef::FtmRecordRef(std::shared_ptr<const FtmRecord> record) {
  if (record == nullptr) return;
  state_ = std::make_shared<State>();
  state_->record = std::move(record);
}

FtmRecordRef FtmRecordRef::Lazy(std::string_view bytes, std::shared_ptr<const void> backing,
                                Decoder decode) {
  FtmRecordRef ref;
  ref.state_ = std::make_shared<State>();
  ref.state_->bytes = bytes;
  ref.state_->backing = std::move(backing);
  ref.state_->decode = decode;
  return ref;
}

const FtmRecord* FtmRecordRef::get() const {
  if (state_ == nullptr) return nullptr;
  State& s = *state_;
  std::call_once(s.once, [&s] {
    if (s.record != nullptr) return;
    s.record = s.decode(s.bytes);
    if (s.record == nullptr) s.record = std::make_shared<const FtmRecord>();  // never null
    s.backing.reset();
    s.bytes = {};
  });
  return s.record.get();
}

const std::vector<std::string>* FtmRecord::Find(std::string_view property) const {
  for (const FtmProperty& p : properties) {
    if (p.name == property) return &p.values;
  }
  return nullptr;
}

bool Entity::InDataset(std::string_view name) const {
  if (name == dataset) return true;
  if (ftm == nullptr) return false;
  for (const std::string& d : ftm->datasets) {
    if (d == name) return true;
  }
  return false;
}

const std::string& Entity::caption() const {
  for (const Name& name : names) {
    if (name.kind == NameKind::kPrimary) return name.value;
  }
  if (!names.empty()) return names.front().value;
  return id;
}

const std::vector<std::string>& Entity::topics_or_default() const {
  static const std::vector<std::string> sanction = {"sanction"};
  return topics.empty() ? sanction : topics;
}

}  // namespace embargo
