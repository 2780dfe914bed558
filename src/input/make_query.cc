// MakeQuery (include/embargo/screener.h): loose fields to a Query through
// the lenient field readers of this folder.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "common/strings.h"
#include "common/utf8.h"
#include "embargo/screener.h"
#include "input/country_reading.h"
#include "input/date_reading.h"
#include "input/kind_reading.h"
#include "model/imo.h"
#include "text/transliterate.h"

namespace embargo {
namespace {

bool HasLetterOrDigit(std::string_view utf8) {
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// Why `name` cannot be screened, or "" when it can.
std::string NameProblem(const std::string& name) {
  if (name.size() > kMaxQueryNameBytes)
    return fmt::format("name is {} bytes long, at most {} are screened", name.size(),
                       kMaxQueryNameBytes);
  if (!IsValidUtf8(name)) return "name is not valid UTF-8 (save the input as UTF-8)";
  if (!HasLetterOrDigit(name)) return fmt::format("name '{}' has no letter or digit", name);
  return "";
}

template <typename T>
void Note(const input::FieldReading<T>& reading, Query& q) {
  if (!reading.warning.empty()) q.warnings.push_back(reading.warning);
}

void ReadNames(const QueryFields& fields, Query& q, std::string& first_problem) {
  for (const std::string& n : fields.names) {
    if (n.find_first_not_of(" \t") == std::string::npos) continue;
    std::string problem = NameProblem(n);
    if (problem.empty()) {
      q.names.push_back(n);
      continue;
    }
    if (first_problem.empty()) first_problem = problem;
    q.warnings.push_back(problem + ": ignored");
  }
}

// Whether `text` is too long to be a `field`'s value; if so, says so in a
// warning (without repeating the text).
bool TooLong(std::string_view field, const std::string& text, Query& q) {
  if (text.size() <= kMaxQueryFieldBytes) return false;
  q.warnings.push_back(fmt::format("{} is {} bytes long, at most {} are read: ignored", field,
                                   text.size(), kMaxQueryFieldBytes));
  return true;
}

void ReadSecondaryFields(const QueryFields& fields, Query& q) {
  if (!fields.schema.empty() && !TooLong("schema", fields.schema, q)) {
    auto schema = input::ReadSchema(fields.schema);
    if (!schema.values.empty()) q.schema = schema.values.front();
    Note(schema, q);
  }
  for (const std::string& text : fields.birth_dates) {
    if (TooLong("birth_date", text, q)) continue;
    auto dates = input::ReadBirthDate(text, fields.date_order);
    for (const PartialDate& d : dates.values) q.birth_dates.push_back(DateSpec{d, d, false});
    Note(dates, q);
  }
  std::vector<std::string> sure;  // read from a value that names one country
  for (const std::string& text : fields.countries) {
    if (TooLong("country", text, q)) continue;
    auto countries = input::ReadCountry(text);
    for (const std::string& c : countries.values) {
      if (std::find(q.countries.begin(), q.countries.end(), c) == q.countries.end())
        q.countries.push_back(c);
      if (countries.values.size() == 1) sure.push_back(c);
    }
    Note(countries, q);
  }
  for (const std::string& c : q.countries) {
    if (std::find(sure.begin(), sure.end(), c) == sure.end()) q.ambiguous_countries.push_back(c);
  }
  if (!fields.gender.empty() && !TooLong("gender", fields.gender, q)) {
    auto gender = input::ReadGender(fields.gender);
    if (!gender.values.empty()) q.gender = gender.values.front();
    Note(gender, q);
  }
}

// An IMO number that cannot be a ship's (seven digits, the last a check
// digit) is still screened as written, with a warning: a typo there finds
// nothing. One given for a party names no vessel the query is compared with.
void CheckImoNumbers(Query& q) {
  for (const std::string& imo : q.imo_numbers) {
    if (!IsValidImo(ImoDigits(imo)))
      q.warnings.push_back(
          fmt::format("imo '{}' is not a valid IMO ship number (seven digits, the last a check "
                      "digit): screened as written (an IMO company or owner number has no check "
                      "digit: give it as an id number)",
                      imo));
  }
  if (!q.imo_numbers.empty() && q.schema && *q.schema != Schema::kVessel)
    q.warnings.push_back(fmt::format(
        "imo '{}' given for a {} query, which is compared with parties only, not with vessels",
        q.imo_numbers.front(), SchemaName(*q.schema)));
}

}  // namespace

Result<Query> MakeQuery(const QueryFields& fields) {
  Query q;
  q.id = fields.id;
  std::string name_problem;
  ReadNames(fields, q, name_problem);
  for (const std::string& id : fields.id_numbers)
    if (!Trim(id).empty()) q.id_numbers.emplace_back(Trim(id));
  for (const std::string& imo : fields.imo_numbers)
    if (!Trim(imo).empty()) q.imo_numbers.emplace_back(Trim(imo));
  // A vessel is screened by its IMO number alone, a party by an identifier
  // alone (a passport, a registration number): no name needed then.
  bool identified = !q.id_numbers.empty() || !q.imo_numbers.empty();
  if (q.names.empty() && !identified)
    return MakeError(name_problem.empty() ? "missing name" : name_problem);
  ReadSecondaryFields(fields, q);
  // Only people have birth dates and genders: such a query is a person.
  if (!q.schema && (!q.birth_dates.empty() || q.gender != Gender::kUnknown))
    q.schema = Schema::kPerson;
  // An IMO number names a vessel.
  if (!q.schema && q.names.empty() && !q.imo_numbers.empty()) q.schema = Schema::kVessel;
  CheckImoNumbers(q);
  return q;
}

}  // namespace embargo
