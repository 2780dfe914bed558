// The canonical entity model every list format is parsed into, aligned with
// FollowTheMoney (the schema OpenSanctions uses): a schema, names with their
// kind and parts, birth dates with precision, ISO countries, identifiers,
// addresses, programs, links. Plain value types: immutable once a list is
// loaded, safe to share between threads for reading.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace embargo {

enum class Schema : uint8_t {
  kLegalEntity,  // unknown kind of party: compatible with persons and organisations
  kPerson,
  kOrganization,
  kCompany,
  kVessel,
  kAirplane,
};

// FtM schema name ("Person", "Vessel", ...).
std::string_view SchemaName(Schema schema);
// Parses an FtM schema name (case-insensitive; also "individual", "entity",
// "aircraft", "ship"). nullopt when unknown.
std::optional<Schema> ParseSchema(std::string_view text);
// Whether a query of schema `query` may match a listed entity of schema
// `listed` (OFAC FAQ 5 step 2: a person never matches a vessel).
bool SchemasCompatible(Schema query, Schema listed);

enum class NameKind : uint8_t {
  kPrimary,
  kAlias,         // strong a.k.a.
  kWeakAlias,     // corroborates a match, never alerts alone (OFAC FAQ 124)
  kPreviousName,  // f.k.a.
};
std::string_view NameKindName(NameKind kind);

enum class NamePartType : uint8_t { kGiven, kMiddle, kFamily, kPatronymic, kTitle, kOther };

struct NamePart {
  NamePartType type = NamePartType::kOther;
  std::string value;
};

struct Name {
  std::string value;  // as published (UTF-8)
  NameKind kind = NameKind::kPrimary;
  std::vector<NamePart> parts;  // when the source gives them
};

// A date of which only some parts may be known. year == 0 means no date.
struct PartialDate {
  int year = 0;
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown

  bool empty() const { return year == 0; }
  // "1971", "1971-03", "1971-03-03".
  std::string ToString() const;
  // Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (prefix dates, as in FtM).
  static std::optional<PartialDate> Parse(std::string_view text);
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// A birth date as lists give it: one partial date, or a range of years/dates,
// possibly approximate ("circa 1958").
struct DateSpec {
  PartialDate from;
  PartialDate to;  // == from for a single date
  bool approximate = false;

  std::string ToString() const;
  friend bool operator==(const DateSpec&, const DateSpec&) = default;
};

enum class Gender : uint8_t { kUnknown, kMale, kFemale, kOther };
std::string_view GenderName(Gender gender);
Gender ParseGender(std::string_view text);

enum class IdType : uint8_t {
  kPassport,
  kNationalId,
  kImo,
  kMmsi,
  kSwiftBic,
  kRegistration,
  kTax,
  kCrypto,
  kOther,
};
std::string_view IdTypeName(IdType type);

struct Identifier {
  IdType type = IdType::kOther;
  std::string value;    // as published
  std::string country;  // ISO 3166 alpha-2, lowercase; empty when unknown
  std::string label;    // the source's own label ("Cedula No.", "XBT", ...)
};

struct Address {
  std::string full;  // one line, as published
  std::string city;
  std::string country;  // ISO 3166 alpha-2, lowercase; empty when unknown
};

// What a list says of a ship besides its names, flags and identifiers
// (FollowTheMoney Vessel: type, tonnage, grossRegisteredTonnage,
// buildDate), as written; each empty when not given.
struct VesselFacts {
  std::string type;           // "Crude Oil Tanker", "Tug"
  std::string tonnage;        // deadweight or unqualified tonnage
  std::string gross_tonnage;  // gross registered tonnage (GRT)
  std::string build_date;     // year of build, "1999" (a prefix date)

  bool empty() const {
    return type.empty() && tonnage.empty() && gross_tonnage.empty() && build_date.empty();
  }
  friend bool operator==(const VesselFacts&, const VesselFacts&) = default;
};

// A value kept on the heap, and only once set: an unset one reads as T{}
// and costs a pointer (a vessel's facts, 128 bytes in each of a million
// entities, are there for the few that are vessels). Copies are deep.
// Reading through a non-const Boxed creates the value: read through const.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: a value converts
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  ~Boxed() = default;

  const T& operator*() const { return value_ ? *value_ : Empty(); }
  const T* operator->() const { return &**this; }
  T& operator*() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  T* operator->() { return &**this; }
  bool has_value() const { return value_ != nullptr; }
  // Lets `write` change the value in place, creating it only when the
  // written value is not T{}: a reader that finds nothing to set holds nothing.
  template <typename Fn>
  void Update(Fn write) {
    if (value_) return write(*value_);
    T value;
    write(value);
    if (!(value == T{})) value_ = std::make_unique<T>(std::move(value));
  }
  friend bool operator==(const Boxed& a, const Boxed& b) { return *a == *b; }

 private:
  static const T& Empty() {
    static const T empty;
    return empty;
  }
  std::unique_ptr<T> value_;
};

struct Link {
  std::string relation;     // "linked_to", "owner", ...
  std::string target_id;    // entity id when known
  std::string target_name;  // name when the source gives only a name (OFAC Linked To:)
};

// An FtM property as its source wrote it.
struct FtmProperty {
  std::string name;  // "firstName", "addressEntity", ...
  std::vector<std::string> values;
};

// A FollowTheMoney record kept whole, as an FtM source (OpenSanctions'
// entities.ftm.json) wrote it: any schema (the screenable ones, and
// Sanction, Address, Ownership, Family, ...), every property in the source's
// order, the datasets it belongs to, the ids merged into it (referents),
// its timestamps and whether it is a target. Empty strings and a nullopt
// target mean "not given".
struct FtmRecord {
  std::string id;
  std::string schema;   // FtM schema name as written ("PublicBody", "Sanction")
  std::string caption;  // as written; empty when the source gave none
  std::vector<FtmProperty> properties;
  std::vector<std::string> datasets;
  std::vector<std::string> referents;
  std::string first_seen;  // "2023-11-02T16:38:16"
  std::string last_seen;
  std::string last_change;
  std::optional<bool> target;

  // The values of `property`, or nullptr.
  const std::vector<std::string>* Find(std::string_view property) const;
};

// The FtM record an entity was read from: held decoded, or (an entity read
// from an index snapshot) as its bytes in the mapped file, decoded on first
// use and kept: most records of a million-entity snapshot are never read
// by a batch screen, and decoded they took a gigabyte. Reads like a
// shared_ptr<const FtmRecord> (nullptr when there is none); copies share
// the record; safe to read from many threads.
class FtmRecordRef {
 public:
  // Decodes a record's bytes; never fails on bytes its writer checked.
  using Decoder = std::shared_ptr<const FtmRecord> (*)(std::string_view bytes);

  FtmRecordRef() = default;
  FtmRecordRef(std::nullptr_t) {}                         // NOLINT: reads like a shared_ptr
  FtmRecordRef(std::shared_ptr<const FtmRecord> record);  // NOLINT
  // The record `bytes` hold, decoded by `decode` when first read; `backing`
  // keeps the bytes alive until then.
  static FtmRecordRef Lazy(std::string_view bytes, std::shared_ptr<const void> backing,
                           Decoder decode);

  const FtmRecord* get() const;
  const FtmRecord& operator*() const { return *get(); }
  const FtmRecord* operator->() const { return get(); }
  explicit operator bool() const { return state_ != nullptr; }
  bool operator==(std::nullptr_t) const { return state_ == nullptr; }

 private:
  struct State;
  std::shared_ptr<State> state_;
};

struct Entity {
  std::string id;         // unique across datasets: "<dataset>-<source_id>" or the FtM id
  std::string dataset;    // "us_ofac_sdn", "un_sc_sanctions", ...
  std::string source_id;  // the list's own key: OFAC ent_num, UN reference number
  Schema schema = Schema::kLegalEntity;
  std::vector<Name> names;  // names[0] is the primary name when there is one
  std::vector<DateSpec> birth_dates;
  std::vector<std::string> birth_places;
  std::vector<std::string> nationalities;  // ISO alpha-2, lowercase (nationality, citizenship)
  std::vector<std::string> countries;      // other country links (address, jurisdiction, flag)
  std::vector<std::string> former_flags;   // a vessel's earlier flags, ISO alpha-2, lowercase
  Boxed<VesselFacts> vessel;               // a vessel's type, tonnage, year of build
  Gender gender = Gender::kUnknown;
  std::vector<Identifier> identifiers;
  std::vector<Address> addresses;
  std::vector<std::string> programs;
  // What the entity is listed for, in FollowTheMoney's topic vocabulary
  // ("sanction", "export.control", "debarment", "role.pep", ...), as the
  // source gives it; empty means "sanction" (see topics_or_default()).
  std::vector<std::string> topics;
  std::string listed_on;  // YYYY-MM-DD when known
  std::vector<std::string> remarks;
  std::vector<Link> links;
  // The FtM record the entity was read from, whole (FtM sources only;
  // nullptr for entities parsed from the official lists' own formats).
  FtmRecordRef ftm;

  // Whether the entity belongs to dataset `name`: the dataset it was loaded
  // as, or one its FtM record lists (OpenSanctions entities belong to each
  // source that lists them: us_ofac_sdn, gb_fcdo_sanctions, ...).
  bool InDataset(std::string_view name) const;

  // The primary name, else the first name, else the id.
  const std::string& caption() const;
  // `topics`, or {"sanction"} when the source gave none.
  const std::vector<std::string>& topics_or_default() const;
};

// The entity as JSON text, every field (keys sorted; empty fields left
// out; the shape src/model/entity_json.h documents): compact and
// deterministic, the same entity always gives the same bytes.
std::string EntityJson(const Entity& entity);

}  // namespace embargo
