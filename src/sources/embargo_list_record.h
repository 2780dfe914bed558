// The fields of embargo's list format (docs/list-format.md) and the step
// shared by its CSV and JSON readers: a Record (the raw strings of one
// entry, per field) is validated and turned into an Entity. Internal to
// src/sources. Pure functions; thread-safe.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

enum class ListField {
  kId,
  kName,
  kDataset,
  kSchema,
  kAliases,
  kWeakAliases,
  kPreviousNames,
  kBirthDate,
  kNationality,
  kCountry,
  kGender,
  kPassport,
  kNationalId,
  kImo,
  kBic,
  kRegistration,
  kProgram,
  kListedOn,
  kRemarks,
  kTopics,
  kFormerFlags,
  kMmsi,
  kCallSign,
  kVesselType,
  kTonnage,
  kGrossTonnage,
  kBuildDate,
};
inline constexpr size_t kListFieldCount = 27;

struct ListFieldSpec {
  ListField field;
  std::string_view column;  // CSV column and JSON key
  std::string_view plural;  // JSON synonym ("names", "birth_dates"); "" if none
  bool multi;               // CSV cell holds several values joined by ';'
};

// The field called `key` (a CSV column or JSON key, case-insensitive).
std::optional<ListFieldSpec> FindListField(std::string_view key);
const ListFieldSpec& ListFieldInfo(ListField field);
// "id, name, dataset, ..." for error messages.
std::string ListFieldNames();

// One entry as written: its values per field and where it is.
struct ListRecord {
  int line = 0;       // CSV line; 0 for JSON
  std::string place;  // "entities[3]" for JSON; "" for CSV
  std::array<std::vector<std::string>, kListFieldCount> values;

  // "entities[3]: ", or "" for CSV, to start an error message.
  std::string Prefix() const { return place.empty() ? "" : place + ": "; }
  // " (first on line 4)" / " (first at entities[0])" for a duplicate id.
  std::string FirstSeen() const {
    return place.empty() ? " (first on line " + std::to_string(line) + ")"
                         : " (first at " + place + ")";
  }

  std::vector<std::string>& operator[](ListField f) { return values[static_cast<size_t>(f)]; }
  const std::vector<std::string>& operator[](ListField f) const {
    return values[static_cast<size_t>(f)];
  }
};

// Validates the records and builds the list. `file_dataset` is a dataset
// named by the file as a whole (the JSON "dataset" key), else "".
Result<ParsedList> BuildEmbargoList(const std::filesystem::path& path,
                                    const std::vector<ListRecord>& records,
                                    std::string file_dataset, const std::string& dataset_fallback);

}  // namespace embargo
