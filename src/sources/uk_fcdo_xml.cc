#include "sources/uk_fcdo_xml.h"

#include <fmt/format.h>

#include <pugixml.hpp>

#include "model/country.h"
#include "sources/free_text.h"
#include "sources/list_text.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

// The trimmed text of every <item> inside <group> below `node`.
std::vector<std::string> Items(const pugi::xml_node& node, const char* group, const char* item) {
  std::vector<std::string> out;
  for (pugi::xml_node g : node.children(group)) {
    for (pugi::xml_node i : g.children(item)) AppendUnique(out, std::string(Trim(i.child_value())));
  }
  return out;
}

// "dd/mm/1968" (day and month unknown), "dd/09/1958", "12/11/1967", "1985".
std::optional<DateSpec> Dob(std::string text) {
  for (const char* unknown : {"dd", "mm"}) {
    if (size_t at = text.find(unknown); at != std::string::npos) text.replace(at, 2, "00");
  }
  if (auto date = ParseDayMonthYear(text)) return DateSpec{*date, *date, false};
  return ParseDateText(text);
}

NameKind KindOf(const pugi::xml_node& name) {
  std::string type = ChildText(name, "NameType");
  if (EqualsIgnoreCase(type, "Primary name")) return NameKind::kPrimary;
  std::string lower;
  for (char c : type)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.find("previous") != std::string::npos || lower.find("former") != std::string::npos)
    return NameKind::kPreviousName;
  std::string strength = ChildText(name, "AliasStrength");
  if (strength.rfind("Low", 0) == 0) return NameKind::kWeakAlias;
  return NameKind::kAlias;
}

void AddNames(const pugi::xml_node& designation, Entity& entity) {
  for (pugi::xml_node name : designation.child("Names").children("Name")) {
    std::vector<NamePart> parts;
    std::vector<std::string> values;
    for (int i = 1; i <= 6; ++i) {
      std::string value = ChildText(name, fmt::format("Name{}", i).c_str());
      if (value.empty()) continue;
      values.push_back(value);
      NamePartType type = i == 1   ? NamePartType::kGiven
                          : i == 6 ? NamePartType::kFamily
                                   : NamePartType::kMiddle;
      parts.push_back({type, std::move(value)});
    }
    Name n{JoinNonEmpty(values, " "), KindOf(name), {}};
    if (entity.schema == Schema::kPerson && parts.size() >= 2) n.parts = std::move(parts);
    AddName(entity, std::move(n));
  }
  for (pugi::xml_node name : designation.child("NonLatinNames").children("NonLatinName")) {
    AddName(entity, {ChildText(name, "NameNonLatinScript"), NameKind::kAlias, {}});
  }
}

void AddAddresses(const pugi::xml_node& designation, Entity& entity) {
  for (pugi::xml_node a : designation.child("Addresses").children("Address")) {
    std::vector<std::string> lines;
    std::string country_text;
    for (pugi::xml_node field : a.children()) {
      std::string_view tag = field.name();
      std::string value(Trim(field.child_value()));
      if (tag == "AddressCountry") {
        country_text = value;
      } else if (tag.rfind("AddressLine", 0) == 0 || tag == "AddressPostalCode") {
        lines.push_back(std::move(value));
      }
    }
    std::string country = NormalizeCountry(country_text);
    lines.push_back(country_text);
    Address address{JoinNonEmpty(lines), "", country};
    AppendUnique(entity.countries, country);
    if (!address.full.empty()) entity.addresses.push_back(std::move(address));
  }
}

void AddIndividual(const pugi::xml_node& individual, Entity& entity) {
  for (const std::string& dob : Items(individual, "DOBs", "DOB")) {
    if (auto date = Dob(dob)) AddBirthDate(entity, *date);
  }
  for (const std::string& n : Items(individual, "Nationalities", "Nationality"))
    AppendUnique(entity.nationalities, NormalizeCountry(n));
  for (const std::string& p : Items(individual, "Positions", "Position"))
    AppendUnique(entity.remarks, "Position: " + p);
  std::string gender;
  for (const std::string& g : Items(individual, "Genders", "Gender")) gender = g;
  if (!gender.empty()) entity.gender = ParseGender(gender);
  for (pugi::xml_node p : individual.child("PassportDetails").children("Passport")) {
    std::string number = ChildText(p, "PassportNumber");
    if (number.empty()) continue;
    entity.identifiers.push_back({IdType::kPassport, std::move(number), "", "Passport"});
  }
  for (pugi::xml_node p :
       individual.child("NationalIdentifierDetails").children("NationalIdentifier")) {
    std::string number = ChildText(p, "NationalIdentifierNumber");
    if (number.empty()) continue;
    std::string label = ChildText(p, "NationalIdentifierAdditionalInformation");
    IdType type = IdTypeFromLabel(label);
    entity.identifiers.push_back({type == IdType::kOther ? IdType::kNationalId : type,
                                  std::move(number), "",
                                  label.empty() ? "National identifier" : label});
  }
  for (pugi::xml_node location : individual.child("BirthDetails").children("Location")) {
    AppendUnique(entity.birth_places, JoinNonEmpty({ChildText(location, "TownOfBirth"),
                                                    ChildText(location, "CountryOfBirth")}));
  }
}

void AddShip(const pugi::xml_node& ship, Entity& entity) {
  for (const std::string& imo : Items(ship, "IMONumbers", "IMONumber")) {
    std::string digits = ImoNumber(imo);
    entity.identifiers.push_back({IdType::kImo, digits.empty() ? imo : digits, "", "IMO number"});
  }
  for (const std::string& flag :
       Items(ship, "CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip"))
    AppendUnique(entity.countries, NormalizeCountry(flag));
  for (const std::string& flag : Items(ship, "PreviousFlags", "PreviousFlag"))
    AppendUnique(entity.former_flags, NormalizeCountry(flag));
  for (const std::string& owner : Items(ship, "CurrentOwnerOperators", "CurrentOwnerOperator"))
    entity.links.push_back({"owner_operator", "", owner});
  for (std::string& type : Items(ship, "TypeOfShipDetails", "TypeOfShip"))
    SetVesselFact(entity, &VesselFacts::type, "Vessel type", std::move(type));
  for (std::string& tonnage : Items(ship, "TonnageOfShipDetails", "TonnageOfShip"))
    SetVesselFact(entity, &VesselFacts::tonnage, "Tonnage", std::move(tonnage));
  for (std::string& year : Items(ship, "YearsBuilt", "YearBuilt"))
    SetVesselFact(entity, &VesselFacts::build_date, "Year built", std::move(year));
  for (const std::string& length : Items(ship, "LengthOfShipDetails", "LengthOfShip"))
    AppendUnique(entity.remarks, "Length: " + length);
}

Schema SchemaOf(std::string_view type) {
  if (EqualsIgnoreCase(type, "Individual")) return Schema::kPerson;
  if (EqualsIgnoreCase(type, "Entity")) return Schema::kOrganization;
  if (EqualsIgnoreCase(type, "Ship")) return Schema::kVessel;
  return Schema::kLegalEntity;
}

Result<Entity> ParseDesignation(std::string_view bytes, const std::string& file,
                                const pugi::xml_node& node) {
  Entity entity;
  entity.dataset = std::string(kUkFcdoDataset);
  entity.source_id = ChildText(node, "UniqueID");
  if (entity.source_id.empty())
    return MakeError(file, XmlLine(bytes, node), "Designation without UniqueID");
  entity.id = fmt::format("{}-{}", kUkFcdoDataset, entity.source_id);
  entity.schema = SchemaOf(ChildText(node, "IndividualEntityShip"));
  AddNames(node, entity);
  if (entity.names.empty()) {
    return MakeError(file, XmlLine(bytes, node),
                     fmt::format("Designation {} has no name", entity.source_id));
  }
  for (const std::string& title : Items(node, "Titles", "Title"))
    AppendUnique(entity.remarks, "Title: " + title);
  AppendUnique(entity.programs, ChildText(node, "RegimeName"));
  if (auto date = ParseDayMonthYear(ChildText(node, "DateDesignated"))) {
    entity.listed_on = date->ToString();
  }
  AppendUnique(entity.remarks, ChildText(node, "OtherInformation"));
  std::string un = ChildText(node, "UNReferenceNumber");
  if (!un.empty()) {
    entity.identifiers.push_back(
        {IdType::kOther, std::move(un), "", std::string(kUnReferenceLabel)});
  }
  AddAddresses(node, entity);
  if (pugi::xml_node individual = node.child("IndividualDetails").child("Individual"))
    AddIndividual(individual, entity);
  if (pugi::xml_node ship = node.child("ShipDetails").child("Ship")) AddShip(ship, entity);
  return entity;
}

}  // namespace

bool LooksLikeUkFcdoXml(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return head.find("<Designations") != std::string_view::npos &&
         (head.find("<Designation>") != std::string_view::npos ||
          head.find("SanctionsListSchema") != std::string_view::npos);
}

Result<ParsedList> ParseUkFcdoXml(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "Designations") {
    return MakeError(file, XmlLine(bytes, root),
                     fmt::format("expected root element Designations, found '{}'", root.name()));
  }
  std::string date = IsoDateOrEmpty(root.attribute("dateGenerated").value());
  if (date.empty()) {
    if (auto d = ParseDayMonthYear(ChildText(root, "DateGenerated"))) date = d->ToString();
  }
  ParsedList list;
  list.dataset = {std::string(kUkFcdoDataset), "uk_fcdo_xml", file, date};
  for (pugi::xml_node node : root.children("Designation")) {
    Result<Entity> entity = ParseDesignation(bytes, file, node);
    if (!entity.ok()) return entity.error();
    list.entities.push_back(std::move(entity).value());
  }
  if (list.entities.empty())
    return MakeError(file, XmlLine(bytes, root), "no Designation in Designations");
  return list;
}

}  // namespace embargo
