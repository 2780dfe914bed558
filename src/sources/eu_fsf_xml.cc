#include "sources/eu_fsf_xml.h"

#include <fmt/format.h>

#include <pugixml.hpp>

#include "model/country.h"
#include "sources/free_text.h"
#include "sources/list_text.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

// The element's name without a namespace prefix ("fsd:nameAlias" -> "nameAlias").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

template <typename Fn>
void ForChildren(const pugi::xml_node& node, std::string_view local, Fn fn) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) fn(child);
  }
}

std::string Attr(const pugi::xml_node& node, const char* name) {
  return std::string(Trim(node.attribute(name).value()));
}

// ISO code of the node's countryIso2Code ("00" is the EU's "UNKNOWN"), else
// of its countryDescription.
std::string Country(const pugi::xml_node& node) {
  std::string code = Attr(node, "countryIso2Code");
  std::string country = code == "00" ? "" : NormalizeCountry(code);
  if (country.empty()) {
    std::string description = Attr(node, "countryDescription");
    if (description != "UNKNOWN") country = NormalizeCountry(description);
  }
  return country;
}

// "-" stands for "not known" in some places.
std::string Known(std::string value) { return value == "-" ? "" : value; }

Schema SchemaOf(const pugi::xml_node& entity) {
  std::string code;
  ForChildren(entity, "subjectType", [&](const pugi::xml_node& n) { code = Attr(n, "code"); });
  if (code == "person") return Schema::kPerson;
  if (code == "enterprise") return Schema::kOrganization;
  return Schema::kLegalEntity;
}

void AddRemark(Entity& entity, const pugi::xml_node& remark) {
  std::string text(Trim(remark.child_value()));
  if (!text.empty()) AppendUnique(entity.remarks, std::move(text));
}

void AddNameAlias(const pugi::xml_node& alias, Entity& entity) {
  std::string first = Attr(alias, "firstName"), middle = Attr(alias, "middleName"),
              last = Attr(alias, "lastName");
  std::string whole = Attr(alias, "wholeName");
  if (whole.empty()) whole = JoinNonEmpty({first, middle, last}, " ");
  if (whole.empty()) return;
  bool strong = Attr(alias, "strong") != "false";
  NameKind kind = entity.names.empty() ? NameKind::kPrimary
                  : strong             ? NameKind::kAlias
                                       : NameKind::kWeakAlias;
  Name name{std::move(whole), kind, {}};
  if (entity.schema == Schema::kPerson && !last.empty() && (!first.empty() || !middle.empty())) {
    if (!first.empty()) name.parts.push_back({NamePartType::kGiven, first});
    if (!middle.empty()) name.parts.push_back({NamePartType::kMiddle, middle});
    name.parts.push_back({NamePartType::kFamily, last});
  }
  AddName(entity, std::move(name));
  if (entity.gender == Gender::kUnknown) entity.gender = ParseGender(Attr(alias, "gender"));
  std::string function = Attr(alias, "function");
  if (!function.empty()) AppendUnique(entity.remarks, "Function: " + function);
  ForChildren(alias, "remark", [&](const pugi::xml_node& r) { AddRemark(entity, r); });
}

std::optional<DateSpec> BirthDate(const pugi::xml_node& node) {
  bool circa = Attr(node, "circa") == "true";
  if (auto date = PartialDate::Parse(Attr(node, "birthdate"))) return DateSpec{*date, *date, circa};
  auto from = ParseNumber<int>(Attr(node, "yearRangeFrom"));
  auto to = ParseNumber<int>(Attr(node, "yearRangeTo"));
  if (from && to && *from >= 1800 && *from <= *to && *to <= 2100) {
    return DateSpec{PartialDate{*from, 0, 0}, PartialDate{*to, 0, 0}, circa};
  }
  auto year = ParseNumber<int>(Attr(node, "year"));
  if (!year || *year < 1800 || *year > 2100) return std::nullopt;
  PartialDate date{*year, 0, 0};
  auto month = ParseNumber<int>(Attr(node, "monthOfYear"));
  if (month && *month >= 1 && *month <= 12) {
    date.month = *month;
    auto day = ParseNumber<int>(Attr(node, "dayOfMonth"));
    if (day && *day >= 1 && *day <= 31) date.day = *day;
  }
  return DateSpec{date, date, circa};
}

void AddBirth(const pugi::xml_node& node, Entity& entity) {
  if (auto date = BirthDate(node)) AddBirthDate(entity, *date);
  AppendUnique(
      entity.birth_places,
      JoinNonEmpty(
          {Known(Attr(node, "place")), Known(Attr(node, "city")), Known(Attr(node, "region")),
           Attr(node, "countryDescription") == "UNKNOWN" ? "" : Attr(node, "countryDescription")}));
}

void AddIdentification(const pugi::xml_node& node, Entity& entity) {
  std::string number = Attr(node, "number");
  if (number.empty()) number = Attr(node, "latinNumber");
  if (number.empty()) return;
  std::string code = Attr(node, "identificationTypeCode");
  std::string label = Attr(node, "identificationTypeDescription");
  IdType type = code == "passport" ? IdType::kPassport
                : code == "id"     ? IdType::kNationalId
                                   : IdTypeFromLabel(label.empty() ? code : label);
  entity.identifiers.push_back(
      {type, std::move(number), Country(node), label.empty() ? code : label});
}

void AddAddress(const pugi::xml_node& node, Entity& entity) {
  std::string city = Known(Attr(node, "city"));
  std::string country = Country(node);
  std::string description = Attr(node, "countryDescription");
  Address address{
      JoinNonEmpty({Known(Attr(node, "street")), Known(Attr(node, "poBox")), city,
                    Known(Attr(node, "region")), Known(Attr(node, "place")),
                    Known(Attr(node, "zipCode")), description == "UNKNOWN" ? "" : description}),
      city, country};
  AppendUnique(entity.countries, country);
  if (!address.full.empty()) entity.addresses.push_back(std::move(address));
}

void AddRegulation(const pugi::xml_node& node, Entity& entity) {
  AppendUnique(entity.programs, Attr(node, "programme"));
  std::string date = IsoDateOrEmpty(Attr(node, "publicationDate"));
  if (!date.empty() && (entity.listed_on.empty() || date < entity.listed_on))
    entity.listed_on = date;
}

Result<Entity> ParseSanctionEntity(std::string_view bytes, const std::string& file,
                                   const pugi::xml_node& node) {
  Entity entity;
  entity.dataset = std::string(kEuDataset);
  entity.source_id = Attr(node, "euReferenceNumber");
  if (entity.source_id.empty()) entity.source_id = Attr(node, "logicalId");
  if (entity.source_id.empty()) {
    return MakeError(file, XmlLine(bytes, node),
                     "sanctionEntity without euReferenceNumber or logicalId");
  }
  entity.id = fmt::format("{}-{}", kEuDataset, entity.source_id);
  entity.schema = SchemaOf(node);
  ForChildren(node, "nameAlias", [&](const pugi::xml_node& n) { AddNameAlias(n, entity); });
  if (entity.names.empty()) {
    return MakeError(file, XmlLine(bytes, node),
                     fmt::format("sanctionEntity {} has no name (no nameAlias with a wholeName "
                                 "or name parts)",
                                 entity.source_id));
  }
  ForChildren(node, "citizenship", [&](const pugi::xml_node& n) {
    AppendUnique(entity.schema == Schema::kPerson ? entity.nationalities : entity.countries,
                 Country(n));
  });
  ForChildren(node, "birthdate", [&](const pugi::xml_node& n) { AddBirth(n, entity); });
  ForChildren(node, "identification",
              [&](const pugi::xml_node& n) { AddIdentification(n, entity); });
  ForChildren(node, "address", [&](const pugi::xml_node& n) { AddAddress(n, entity); });
  ForChildren(node, "regulation", [&](const pugi::xml_node& n) { AddRegulation(n, entity); });
  std::string designated = IsoDateOrEmpty(Attr(node, "designationDate"));
  if (!designated.empty()) entity.listed_on = designated;
  ForChildren(node, "remark", [&](const pugi::xml_node& r) { AddRemark(entity, r); });
  std::string un = Attr(node, "unitedNationId");
  if (!un.empty()) {
    entity.identifiers.push_back(
        {IdType::kOther, std::move(un), "", std::string(kUnReferenceLabel)});
  }
  return entity;
}

}  // namespace

bool LooksLikeEuFsfXml(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return head.find("<export") != std::string_view::npos &&
         head.find("http://eu.europa.ec/fpi/fsd/export") != std::string_view::npos;
}

Result<ParsedList> ParseEuFsfXml(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, file));
  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "export") {
    return MakeError(file, XmlLine(bytes, root),
                     fmt::format("expected root element export, found '{}'", root.name()));
  }
  ParsedList list;
  list.dataset = {std::string(kEuDataset), "eu_fsf_xml", file,
                  IsoDateOrEmpty(Attr(root, "generationDate"))};
  Status status = Status::Ok();
  ForChildren(root, "sanctionEntity", [&](const pugi::xml_node& node) {
    if (!status.ok()) return;
    Result<Entity> entity = ParseSanctionEntity(bytes, file, node);
    if (!entity.ok()) {
      status = entity.error();
      return;
    }
    list.entities.push_back(std::move(entity).value());
  });
  EMBARGO_RETURN_IF_ERROR(status);
  if (list.entities.empty()) {
    return MakeError(file, XmlLine(bytes, root), "no sanctionEntity in the export");
  }
  return list;
}

}  // namespace embargo
