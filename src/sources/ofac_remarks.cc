#include "sources/ofac_remarks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "common/strings.h"
#include "model/calendar.h"
#include "model/country.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsNoCase(text.substr(0, prefix.size()), prefix);
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// Weak aliases: "a.k.a. 'NAME'", also f.k.a. and n.k.a.
constexpr std::string_view kWeakAliasMarkers[] = {"a.k.a. '", "f.k.a. '", "n.k.a. '"};

size_t WeakAliasMarkerSize(std::string_view text) {
  for (std::string_view marker : kWeakAliasMarkers) {
    if (StartsWithNoCase(text, marker)) return marker.size();
  }
  return 0;
}

// Position of the quote closing a weak alias whose name starts at `from`: the
// first '\'' followed (after spaces) by ';', '.' or the end. npos if none.
size_t FindClosingQuote(std::string_view text, size_t from) {
  for (size_t i = text.find('\'', from); i != std::string_view::npos; i = text.find('\'', i + 1)) {
    size_t next = text.find_first_not_of(' ', i + 1);
    if (next == std::string_view::npos || text[next] == ';' || text[next] == '.') return i;
  }
  return std::string_view::npos;
}

// Whether the final word of `text` (which ends with '.') is an abbreviation
// whose period belongs to it: "LTD.", "CO.", "S.A.".
bool EndsWithAbbreviation(std::string_view text) {
  static constexpr std::string_view kAbbreviations[] = {
      "LTD", "CO", "INC", "CORP", "LLC", "JSC", "PJSC", "PLC", "BHD",  "LTDA", "CIA", "PTE", "PVT",
      "AG",  "SA", "BV",  "NV",   "SPA", "SRL", "GMBH", "EST", "INTL", "JR",   "SR",  "CV"};
  std::string_view word = text.substr(0, text.size() - 1);
  size_t space = word.find_last_of(" ;,");
  if (space != std::string_view::npos) word.remove_prefix(space + 1);
  if (word.empty()) return false;
  bool dotted =
      word.find('.') != std::string_view::npos && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '.';
      });
  if (dotted) return true;
  for (std::string_view abbreviation : kAbbreviations) {
    if (EqualsNoCase(word, abbreviation)) return true;
  }
  return false;
}

// End (exclusive) of the item starting at `pos`.
size_t ItemEnd(std::string_view text, size_t pos) {
  size_t marker = WeakAliasMarkerSize(text.substr(pos));
  size_t from = pos;
  if (marker > 0) {
    size_t close = FindClosingQuote(text, pos + marker);
    if (close != std::string_view::npos) from = close;
  }
  size_t semicolon = text.find(';', from);
  return semicolon == std::string_view::npos ? text.size() : semicolon;
}

// Value, issuing country, and the rest of "<value> [(<country>)] [issued ...]".
struct IdValue {
  std::string value;
  std::string country;
};

IdValue ParseIdValue(std::string_view rest) {
  for (std::string_view tail : {" issued", " expires", " expired"}) {
    size_t at = rest.find(tail);
    if (at != std::string_view::npos) rest = rest.substr(0, at);
  }
  rest = Trim(rest);
  IdValue id;
  size_t open = rest.rfind('(');
  // "(Russia)" follows the number after a space, or straight after it
  // ("1027700070518(Russia)"), when it names a country.
  bool parenthesized = !rest.empty() && rest.back() == ')' && open != std::string_view::npos &&
                       (open == 0 || rest[open - 1] == ' ' ||
                        !NormalizeCountry(rest.substr(open + 1, rest.size() - open - 2)).empty());
  if (parenthesized) {
    // The parenthetical names the issuer and is never part of the number,
    // even when the country is written loosely ("Cabo Verde.  Previously
    // Cape Verde."): then its first sentence is tried.
    std::string_view issuer = rest.substr(open + 1, rest.size() - open - 2);
    id.country = NormalizeCountry(issuer);
    size_t period = issuer.find('.');
    if (id.country.empty() && period != std::string_view::npos) {
      id.country = NormalizeCountry(issuer.substr(0, period));
    }
    rest = rest.substr(0, open);
  }
  while (!rest.empty() && (rest.back() == ',' || rest.back() == ' ')) rest.remove_suffix(1);
  id.value = std::string(rest);
  return id;
}

struct RemarkLabel;
using RemarkHandler = bool (*)(const RemarkLabel& label, std::string_view rest, Entity& entity);

struct RemarkLabel {
  std::string_view text;
  RemarkHandler apply;
  IdType id_type = IdType::kOther;
  std::string VesselFacts::*vessel_fact = nullptr;  // for ApplyVesselFact
};

bool ApplyBirthDate(const RemarkLabel&, std::string_view rest, Entity& entity) {
  std::optional<DateSpec> date = ParseOfacBirthDate(rest);
  if (!date) return false;
  entity.birth_dates.push_back(*date);
  return true;
}

bool ApplyBirthPlace(const RemarkLabel&, std::string_view rest, Entity& entity) {
  if (rest.empty()) return false;
  AppendUnique(entity.birth_places, std::string(rest));
  AppendUnique(entity.countries, CountryOfPlace(rest));
  return true;
}

// The country `rest` names, added to `to`; false when it names none.
bool AddCountry(std::string_view rest, std::vector<std::string>& to) {
  std::string country = NormalizeCountry(rest);
  if (country.empty()) return false;
  AppendUnique(to, std::move(country));
  return true;
}

bool ApplyNationality(const RemarkLabel&, std::string_view rest, Entity& entity) {
  return AddCountry(rest, entity.nationalities);
}

bool ApplyCountry(const RemarkLabel&, std::string_view rest, Entity& entity) {
  return AddCountry(rest, entity.countries);
}

// "Former Vessel Flag Malta": kept apart from the flags the vessel flies.
bool ApplyFormerFlag(const RemarkLabel&, std::string_view rest, Entity& entity) {
  return AddCountry(rest, entity.former_flags);
}

// "Vessel Year of Build 1999", "VESSEL TYPE Crude Oil Tanker".
bool ApplyVesselFact(const RemarkLabel& label, std::string_view rest, Entity& entity) {
  if (rest.empty()) return false;
  SetVesselFact(entity, label.vessel_fact, label.text, std::string(rest));
  return true;
}

bool ApplyGender(const RemarkLabel&, std::string_view rest, Entity& entity) {
  Gender gender = ParseGender(rest);
  if (gender == Gender::kUnknown) return false;
  entity.gender = gender;
  return true;
}

bool ApplyLink(const RemarkLabel&, std::string_view rest, Entity& entity) {
  if (rest.empty()) return false;
  entity.links.push_back(Link{"linked_to", "", std::string(rest)});
  return true;
}

bool ApplyOperator(const RemarkLabel&, std::string_view rest, Entity& entity) {
  if (rest.empty()) return false;
  entity.links.push_back(Link{"operator", "", std::string(rest)});
  return true;
}

bool ApplyIdentifier(const RemarkLabel& label, std::string_view rest, Entity& entity) {
  IdValue id = ParseIdValue(rest);
  if (id.value.empty()) return false;
  entity.identifiers.push_back(Identifier{label.id_type, std::move(id.value), std::move(id.country),
                                          std::string(label.text)});
  return true;
}

bool ApplyCallSign(const RemarkLabel&, std::string_view rest, Entity& entity) {
  if (rest.empty()) return false;
  entity.identifiers.push_back(Identifier{IdType::kOther, std::string(rest), "", "call_sign"});
  return true;
}

// "XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT": the currency code is the label.
bool ApplyCrypto(const RemarkLabel&, std::string_view rest, Entity& entity) {
  size_t space = rest.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view address = Trim(rest.substr(space + 1));
  if (address.empty()) return false;
  entity.identifiers.push_back(
      Identifier{IdType::kCrypto, std::string(address), "", std::string(rest.substr(0, space))});
  return true;
}

// Which remark labels become which fields. The longest label matching an
// item wins ("Passport Booklet" over "Passport").
constexpr RemarkLabel kRemarkLabels[] = {
    {"DOB", ApplyBirthDate},
    {"POB", ApplyBirthPlace},
    {"nationality", ApplyNationality},
    {"citizen", ApplyNationality},
    {"Gender", ApplyGender},
    {"Linked To:", ApplyLink},
    {"Aircraft Operator", ApplyOperator},
    {"Nationality of Registration", ApplyCountry},
    {"Vessel Flag", ApplyCountry},
    {"Former Vessel Flag", ApplyFormerFlag},
    {"Other Vessel Flag", ApplyCountry},
    {"Digital Currency Address -", ApplyCrypto},
    {"Other Vessel Call Sign", ApplyCallSign},
    {"Vessel Type", ApplyVesselFact, IdType::kOther, &VesselFacts::type},
    {"Other Vessel Type", ApplyVesselFact, IdType::kOther, &VesselFacts::type},
    {"Vessel Tonnage", ApplyVesselFact, IdType::kOther, &VesselFacts::tonnage},
    {"Vessel Gross Registered Tonnage", ApplyVesselFact, IdType::kOther,
     &VesselFacts::gross_tonnage},
    {"Vessel Year of Build", ApplyVesselFact, IdType::kOther, &VesselFacts::build_date},
    {"SWIFT/BIC", ApplyIdentifier, IdType::kSwiftBic},
    {"MMSI", ApplyIdentifier, IdType::kMmsi},
    {"Vessel Registration Identification IMO", ApplyIdentifier, IdType::kImo},
    {"Identification Number IMO", ApplyIdentifier, IdType::kImo},
    {"Company Number IMO", ApplyIdentifier, IdType::kImo},
    {"Passport", ApplyIdentifier, IdType::kPassport},
    {"Diplomatic Passport", ApplyIdentifier, IdType::kPassport},
    {"Passport Booklet", ApplyIdentifier, IdType::kPassport},
    {"Passport Booklet:", ApplyIdentifier, IdType::kPassport},
    {"British National Overseas Passport", ApplyIdentifier, IdType::kPassport},
    {"Travel Document Number", ApplyIdentifier, IdType::kPassport},
    {"National ID No.", ApplyIdentifier, IdType::kNationalId},
    {"Cedula No.", ApplyIdentifier, IdType::kNationalId},
    {"C.U.R.P.", ApplyIdentifier, IdType::kNationalId},
    {"C.U.R.P. #", ApplyIdentifier, IdType::kNationalId},
    {"D.N.I.", ApplyIdentifier, IdType::kNationalId},
    {"Identification Number", ApplyIdentifier, IdType::kNationalId},
    {"Personal ID Card", ApplyIdentifier, IdType::kNationalId},
    {"National Foreign ID Number", ApplyIdentifier, IdType::kNationalId},
    {"Credencial electoral", ApplyIdentifier, IdType::kNationalId},
    {"Electoral Registry No.", ApplyIdentifier, IdType::kNationalId},
    {"Turkish Identification Number", ApplyIdentifier, IdType::kNationalId},
    {"Numero de Identidad", ApplyIdentifier, IdType::kNationalId},
    {"Citizen's Card Number", ApplyIdentifier, IdType::kNationalId},
    {"Kenyan ID No.", ApplyIdentifier, IdType::kNationalId},
    {"C.U.I.", ApplyIdentifier, IdType::kNationalId},
    {"C.U.I.P.", ApplyIdentifier, IdType::kNationalId},
    {"I.F.E.", ApplyIdentifier, IdType::kNationalId},
    {"Tazkira National ID Card", ApplyIdentifier, IdType::kNationalId},
    {"Moroccan Personal ID No.", ApplyIdentifier, IdType::kNationalId},
    {"Bosnian Personal ID No.", ApplyIdentifier, IdType::kNationalId},
    {"UAE Identification", ApplyIdentifier, IdType::kNationalId},
    {"Refugee ID Card", ApplyIdentifier, IdType::kNationalId},
    {"Residency Number", ApplyIdentifier, IdType::kNationalId},
    {"SSN", ApplyIdentifier, IdType::kNationalId},
    {"Tax ID No.", ApplyIdentifier, IdType::kTax},
    {"R.F.C.", ApplyIdentifier, IdType::kTax},
    {"R.F.C. #", ApplyIdentifier, IdType::kTax},
    {"RFC", ApplyIdentifier, IdType::kTax},
    {"NIT #", ApplyIdentifier, IdType::kTax},
    {"RUC #", ApplyIdentifier, IdType::kTax},
    {"RIF #", ApplyIdentifier, IdType::kTax},
    {"V.A.T. Number", ApplyIdentifier, IdType::kTax},
    {"Italian Fiscal Code", ApplyIdentifier, IdType::kTax},
    {"Italian Fiscal Code:", ApplyIdentifier, IdType::kTax},
    {"C.U.I.T.", ApplyIdentifier, IdType::kTax},
    {"C.I.F.", ApplyIdentifier, IdType::kTax},
    {"US FEIN", ApplyIdentifier, IdType::kTax},
    {"RTN", ApplyIdentifier, IdType::kTax},
    {"Paraguayan tax identification number", ApplyIdentifier, IdType::kTax},
    {"Numero Unico de Identificacao Tributaria (NUIT)", ApplyIdentifier, IdType::kTax},
    {"Registration Number", ApplyIdentifier, IdType::kRegistration},
    {"Registration ID", ApplyIdentifier, IdType::kRegistration},
    {"Company Number", ApplyIdentifier, IdType::kRegistration},
    {"UK Company Number", ApplyIdentifier, IdType::kRegistration},
    {"Business Registration Number", ApplyIdentifier, IdType::kRegistration},
    {"Business Registration Document #", ApplyIdentifier, IdType::kRegistration},
    {"Commercial Registry Number", ApplyIdentifier, IdType::kRegistration},
    {"Folio Mercantil No.", ApplyIdentifier, IdType::kRegistration},
    {"Matricula Mercantil No", ApplyIdentifier, IdType::kRegistration},
    {"Government Gazette Number", ApplyIdentifier, IdType::kRegistration},
    {"Unified Social Credit Code (USCC)", ApplyIdentifier, IdType::kRegistration},
    {"United Social Credit Code Certificate (USCCC)", ApplyIdentifier, IdType::kRegistration},
    {"C.R. No.", ApplyIdentifier, IdType::kRegistration},
    {"Romanian C.R.", ApplyIdentifier, IdType::kRegistration},
    {"Economic Register Number (CBLS)", ApplyIdentifier, IdType::kRegistration},
    {"Trade License No.", ApplyIdentifier, IdType::kRegistration},
    {"Chamber of Commerce Number", ApplyIdentifier, IdType::kRegistration},
    {"Istanbul Chamber of Comm. No.", ApplyIdentifier, IdType::kRegistration},
    {"Dubai Chamber of Commerce Membership No.", ApplyIdentifier, IdType::kRegistration},
    {"Central Registration System Number", ApplyIdentifier, IdType::kRegistration},
    {"Business Number", ApplyIdentifier, IdType::kRegistration},
    {"Public Registration Number", ApplyIdentifier, IdType::kRegistration},
    {"Enterprise Number", ApplyIdentifier, IdType::kRegistration},
    {"Branch Unit Number", ApplyIdentifier, IdType::kRegistration},
    {"Certificate of Incorporation Number", ApplyIdentifier, IdType::kRegistration},
    {"Registered Charity No.", ApplyIdentifier, IdType::kRegistration},
    {"Organization Code", ApplyIdentifier, IdType::kRegistration},
    {"LE Number", ApplyIdentifier, IdType::kRegistration},
    {"File Number", ApplyIdentifier, IdType::kRegistration},
    {"Legal Entity Number", ApplyIdentifier, IdType::kRegistration},
    {"D-U-N-S Number", ApplyIdentifier, IdType::kRegistration},
    {"Afghan Money Service Provider License Number", ApplyIdentifier, IdType::kRegistration},
    {"Aircraft Tail Number", ApplyIdentifier, IdType::kRegistration},
    {"Vessel Registration Identification", ApplyIdentifier, IdType::kRegistration},
    {"Driver's License No.", ApplyIdentifier, IdType::kOther},
    {"Birth Certificate Number", ApplyIdentifier, IdType::kOther},
    {"Cartilla de Servicio Militar Nacional", ApplyIdentifier, IdType::kOther},
    {"Military Registration Number", ApplyIdentifier, IdType::kOther},
    {"VisaNumberID", ApplyIdentifier, IdType::kOther},
    {"Immigration No.", ApplyIdentifier, IdType::kOther},
    {"Public Security and Immigration No.", ApplyIdentifier, IdType::kOther},
    {"Pilot License Number", ApplyIdentifier, IdType::kOther},
    {"SRE Permit No.", ApplyIdentifier, IdType::kOther},
    {"Permit Number", ApplyIdentifier, IdType::kOther},
    {"ISIN", ApplyIdentifier, IdType::kOther},
    {"BIK (RU)", ApplyIdentifier, IdType::kOther},
    {"Aircraft Manufacturer's Serial Number (MSN)", ApplyIdentifier, IdType::kOther},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", ApplyIdentifier,
     IdType::kOther},
    {"Aircraft Mode S Transponder Code", ApplyIdentifier, IdType::kOther},
    {"Aircraft Serial Identification", ApplyIdentifier, IdType::kOther},
};

// The longest label `item` starts with, followed by a space (or any character
// when the label ends in ':' or '-'). nullptr when none.
const RemarkLabel* FindLabel(std::string_view item) {
  const RemarkLabel* best = nullptr;
  for (const RemarkLabel& label : kRemarkLabels) {
    if (!StartsWithNoCase(item, label.text)) continue;
    if (best != nullptr && best->text.size() >= label.text.size()) continue;
    char last = label.text.back();
    bool bounded = item.size() == label.text.size() || item[label.text.size()] == ' ' ||
                   last == ':' || last == '-';
    if (bounded) best = &label;
  }
  return best;
}

bool ApplyWeakAlias(std::string_view item, Entity& entity) {
  size_t marker = WeakAliasMarkerSize(item);
  if (marker == 0) return false;
  size_t close = FindClosingQuote(item, marker);
  if (close == std::string_view::npos) return false;
  std::string_view name = Trim(item.substr(marker, close - marker));
  // ''FOOPIE'': OFAC sometimes quotes the name twice.
  while (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') {
    name = Trim(name.substr(1, name.size() - 2));
  }
  if (name.empty()) return false;
  entity.names.push_back(Name{std::string(name), NameKind::kWeakAlias, {}});
  return true;
}

std::optional<int> ParseMonth(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (text.size() < 3) return std::nullopt;
  if (EqualsNoCase(text, "sept")) return 9;
  for (int i = 0; i < 12; ++i) {
    bool full = EqualsNoCase(text, kMonths[i]);
    bool abbreviated = text.size() == 3 && StartsWithNoCase(kMonths[i], text);
    if (full || abbreviated) return i + 1;
  }
  return std::nullopt;
}

std::optional<int> ParseNumber(std::string_view text, size_t max_digits) {
  if (!AllDigits(text) || text.size() > max_digits) return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  while (!(text = Trim(text)).empty()) {
    size_t space = text.find(' ');
    words.push_back(text.substr(0, space));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space);
  }
  return words;
}

}  // namespace

std::optional<PartialDate> ParseOfacDate(std::string_view text) {
  std::vector<std::string_view> words = SplitWords(text);
  if (words.empty() || words.size() > 3) return std::nullopt;
  std::optional<int> year = ParseNumber(words.back(), 4);
  if (!year || words.back().size() != 4 || *year < 1000) return std::nullopt;
  PartialDate date{*year, 0, 0};
  if (words.size() >= 2) {
    std::optional<int> month = ParseMonth(words[words.size() - 2]);
    if (!month) return std::nullopt;
    date.month = *month;
  }
  if (words.size() == 3) {
    std::optional<int> day = ParseNumber(words[0], 2);
    if (!day || *day < 1 || *day > DaysInMonth(date.year, date.month)) return std::nullopt;
    date.day = *day;
  }
  return date;
}

std::optional<DateSpec> ParseOfacBirthDate(std::string_view text) {
  text = Trim(text);
  DateSpec spec;
  if (StartsWithNoCase(text, "circa ")) {
    spec.approximate = true;
    text = Trim(text.substr(6));
  }
  size_t split = text.find(" to ");
  size_t skip = 4;
  if (split == std::string_view::npos && text.size() == 9 && text[4] == '-') {
    split = 4;  // "1979-1982"
    skip = 1;
  }
  std::optional<PartialDate> from = ParseOfacDate(text.substr(0, split));
  if (!from) return std::nullopt;
  spec.from = spec.to = *from;
  if (split == std::string_view::npos) return spec;
  std::optional<PartialDate> to = ParseOfacDate(text.substr(split + skip));
  if (!to) return std::nullopt;
  spec.to = *to;
  return spec;
}

std::string CountryOfPlace(std::string_view place) {
  place = Trim(place);
  size_t last = place.rfind(',');
  if (last == std::string_view::npos) return NormalizeCountry(place);
  // Try the last two parts first: "Nampo, Korea, North".
  size_t before = last == 0 ? std::string_view::npos : place.rfind(',', last - 1);
  std::string_view last_two = before == std::string_view::npos ? place : place.substr(before + 1);
  std::string country = NormalizeCountry(last_two);
  return country.empty() ? NormalizeCountry(place.substr(last + 1)) : country;
}

void ApplyOfacRemarkItemOrKeep(const std::string& item, Entity& entity) {
  if (item.empty()) return;
  if (!ApplyOfacRemarkItem(item, entity)) AppendUnique(entity.remarks, item);
}

std::string OfacFeatureItem(std::string_view type, std::string_view value) {
  if (type == "Birthdate") return JoinNonEmpty({"DOB", value}, " ");
  if (type == "Place of Birth") return JoinNonEmpty({"POB", value}, " ");
  if (type == "Nationality Country") return JoinNonEmpty({"nationality", value}, " ");
  if (type == "Citizenship Country") return JoinNonEmpty({"citizen", value}, " ");
  if (!type.empty() && type.back() == ':') type.remove_suffix(1);
  return JoinNonEmpty({type, value}, " ");
}

std::string OfacDocumentItem(std::string_view type, std::string_view number,
                             std::string_view country, std::string_view issued,
                             std::string_view expires) {
  std::string item = JoinNonEmpty({type, number}, " ");
  if (!country.empty()) item += fmt::format(" ({})", country);
  if (!issued.empty()) item += fmt::format(" issued {}", issued);
  if (!expires.empty()) item += fmt::format(" expires {}", expires);
  return item;
}

namespace {

std::string OfacDayText(const PartialDate& date) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (date.month < 1 || date.month > 12) return std::to_string(date.year);
  std::string month_year = fmt::format("{} {}", kMonths[date.month - 1], date.year);
  return date.day == 0 ? month_year : fmt::format("{:02d} {}", date.day, month_year);
}

}  // namespace

std::string OfacPeriodText(const PartialDate& from, const PartialDate& to, bool approximate) {
  if (from.empty()) return "";
  std::string prefix = approximate ? "circa " : "";
  PartialDate end = to.empty() ? from : to;
  bool whole_years = from.month == 1 && from.day == 1 && end.month == 12 && end.day == 31;
  if (whole_years && from.year == end.year) return prefix + std::to_string(from.year);
  if (whole_years) return fmt::format("{}{} to {}", prefix, from.year, end.year);
  bool whole_month = from.year == end.year && from.month == end.month && from.day == 1 &&
                     end.month >= 1 && end.month <= 12 &&
                     end.day == DaysInMonth(end.year, end.month);
  if (whole_month) return prefix + OfacDayText({from.year, from.month, 0});
  if (from == end) return prefix + OfacDayText(from);
  return fmt::format("{}{} to {}", prefix, OfacDayText(from), OfacDayText(end));
}

std::vector<std::string_view> SplitOfacRemarks(std::string_view remarks) {
  remarks = Trim(remarks);
  if (!remarks.empty() && remarks.back() == '.' && !EndsWithAbbreviation(remarks)) {
    remarks.remove_suffix(1);
  }
  std::vector<std::string_view> items;
  size_t pos = 0;
  while (pos < remarks.size()) {
    size_t end = ItemEnd(remarks, pos);
    std::string_view item = Trim(remarks.substr(pos, end - pos));
    if (!item.empty()) items.push_back(item);
    pos = end + 1;
  }
  return items;
}

bool ApplyOfacRemarkItem(std::string_view item, Entity& entity) {
  item = Trim(item);
  if (ApplyWeakAlias(item, entity)) return true;
  if (StartsWithNoCase(item, "alt. ")) item = Trim(item.substr(5));
  const RemarkLabel* label = FindLabel(item);
  if (label == nullptr) return false;
  return label->apply(*label, Trim(item.substr(label->text.size())), entity);
}

void ApplyOfacRemarks(std::string_view remarks, Entity& entity) {
  for (std::string_view item : SplitOfacRemarks(remarks)) {
    if (!ApplyOfacRemarkItem(item, entity)) entity.remarks.emplace_back(item);
  }
}

}  // namespace embargo
