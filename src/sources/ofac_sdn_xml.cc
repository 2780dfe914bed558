#include "sources/ofac_sdn_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>

#include "model/country.h"
#include "sources/list_text.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_remarks.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

void AddIds(const pugi::xml_node& entry, Entity& entity) {
  for (pugi::xml_node id : entry.child("idList").children("id")) {
    ApplyOfacRemarkItemOrKeep(
        OfacDocumentItem(ChildText(id, "idType"), ChildText(id, "idNumber"),
                         ChildText(id, "idCountry"), ChildText(id, "issueDate"),
                         ChildText(id, "expirationDate")),
        entity);
  }
}

void AddPersonFacts(const pugi::xml_node& entry, Entity& entity) {
  for (pugi::xml_node dob : entry.child("dateOfBirthList").children("dateOfBirthItem"))
    ApplyOfacRemarkItemOrKeep("DOB " + ChildText(dob, "dateOfBirth"), entity);
  for (pugi::xml_node pob : entry.child("placeOfBirthList").children("placeOfBirthItem"))
    ApplyOfacRemarkItemOrKeep("POB " + ChildText(pob, "placeOfBirth"), entity);
  for (pugi::xml_node n : entry.child("nationalityList").children("nationality"))
    ApplyOfacRemarkItemOrKeep("nationality " + ChildText(n, "country"), entity);
  for (pugi::xml_node c : entry.child("citizenshipList").children("citizenship"))
    ApplyOfacRemarkItemOrKeep("citizen " + ChildText(c, "country"), entity);
}

void AddAddresses(const pugi::xml_node& entry, Entity& entity) {
  for (pugi::xml_node a : entry.child("addressList").children("address")) {
    std::string city = ChildText(a, "city"), country = ChildText(a, "country");
    std::string full = JoinNonEmpty(
        {ChildText(a, "address1"), ChildText(a, "address2"), ChildText(a, "address3"),
         JoinNonEmpty({city, ChildText(a, "stateOrProvince"), ChildText(a, "postalCode")}, " "),
         country});
    if (full.empty()) continue;
    Address address{full, city, NormalizeCountry(country)};
    AppendUnique(entity.countries, address.country);
    entity.addresses.push_back(std::move(address));
  }
}

void AddVessel(const pugi::xml_node& vessel, Entity& entity) {
  std::string call_sign = ChildText(vessel, "callSign");
  if (!call_sign.empty())
    entity.identifiers.push_back({IdType::kOther, std::move(call_sign), "", "call_sign"});
  entity.vessel.Update([&](VesselFacts& facts) {
    facts.type = ChildText(vessel, "vesselType");
    facts.tonnage = ChildText(vessel, "tonnage");
    facts.gross_tonnage = ChildText(vessel, "grossRegisteredTonnage");
  });
  std::string flag = ChildText(vessel, "vesselFlag");
  std::string country = NormalizeCountry(flag);
  if (!country.empty()) {
    AppendUnique(entity.countries, std::move(country));
  } else if (!flag.empty()) {
    entity.remarks.push_back(fmt::format("Vessel Flag: {}", flag));
  }
  std::string owner = ChildText(vessel, "vesselOwner");
  if (!owner.empty()) entity.links.push_back(Link{"owner", "", std::move(owner)});
}

std::string DatasetOf(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.find("cons") != std::string::npos ? "us_ofac_cons" : "us_ofac_sdn";
}

// "04/06/2018" (month first, as OFAC writes dates) -> "2018-04-06".
std::string PublishDate(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return "";
  auto month = ParseNumber<int>(text.substr(0, 2));
  auto day = ParseNumber<int>(text.substr(3, 2));
  if (!month || !day) return "";
  return IsoDateOrEmpty(fmt::format("{}-{:02d}-{:02d}", text.substr(6), *month, *day));
}

Result<Entity> ParseEntry(std::string_view bytes, const std::string& file,
                          const std::string& dataset, const pugi::xml_node& entry) {
  // Counted only for an error: counting every record's line is quadratic.
  auto line = [&] { return XmlLine(bytes, entry); };
  std::string uid = ChildText(entry, "uid");
  if (uid.empty() || !ParseNumber<int64_t>(uid)) {
    return MakeError(file, line(), fmt::format("sdnEntry without a numeric uid ('{}')", uid));
  }
  std::optional<Schema> schema = SchemaOfSdnType(ChildText(entry, "sdnType"));
  if (!schema) {
    return MakeError(
        file, line(),
        fmt::format("sdnEntry {}: unknown sdnType '{}'", uid, ChildText(entry, "sdnType")));
  }
  Entity entity;
  entity.dataset = dataset;
  entity.source_id = uid;
  entity.id = dataset + "-" + uid;
  entity.schema = *schema;
  auto name_of = [](const pugi::xml_node& node) {
    return JoinNonEmpty({ChildText(node, "lastName"), ChildText(node, "firstName")}, ", ");
  };
  std::string primary = name_of(entry);
  if (primary.empty()) return MakeError(file, line(), fmt::format("sdnEntry {} has no name", uid));
  entity.names.push_back(MakeOfacName(primary, NameKind::kPrimary, *schema));
  for (pugi::xml_node aka : entry.child("akaList").children("aka")) {
    std::optional<NameKind> kind = OfacAliasKind(ChildText(aka, "type"));
    if (!kind) {
      return MakeError(
          file, XmlLine(bytes, aka),
          fmt::format("sdnEntry {}: unknown aka type '{}'", uid, ChildText(aka, "type")));
    }
    if (ChildText(aka, "category") == "weak") kind = NameKind::kWeakAlias;
    std::string value = name_of(aka);
    if (!value.empty()) AddName(entity, MakeOfacName(value, *kind, *schema));
  }
  for (pugi::xml_node program : entry.child("programList").children("program"))
    AppendUnique(entity.programs, std::string(Trim(program.child_value())));
  std::string title = ChildText(entry, "title");
  if (!title.empty()) entity.remarks.push_back(fmt::format("Title: {}", title));
  AddIds(entry, entity);
  AddPersonFacts(entry, entity);
  AddAddresses(entry, entity);
  if (pugi::xml_node vessel = entry.child("vesselInfo")) AddVessel(vessel, entity);
  // The XML writes the remarks in parentheses: "(Linked To: X)".
  std::string_view remarks = Trim(entry.child_value("remarks"));
  if (remarks.size() >= 2 && remarks.front() == '(' && remarks.back() == ')')
    remarks = remarks.substr(1, remarks.size() - 2);
  ApplyOfacRemarks(remarks, entity);
  return entity;
}

}  // namespace

bool LooksLikeOfacSdnXml(std::string_view bytes) {
  return bytes.substr(0, 4096).find("<sdnList") != std::string_view::npos;
}

Result<ParsedList> ParseOfacSdnXml(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "sdnList") {
    return MakeError(file, XmlLine(bytes, root),
                     fmt::format("expected root element sdnList, found '{}'", root.name()));
  }
  pugi::xml_node publish = root.child("publshInformation");
  ParsedList list;
  list.dataset = {DatasetOf(path), "ofac_sdn_xml", file,
                  PublishDate(Trim(publish.child_value("Publish_Date")))};
  std::set<std::string> seen;
  for (pugi::xml_node entry : root.children("sdnEntry")) {
    Result<Entity> entity = ParseEntry(bytes, file, list.dataset.name, entry);
    if (!entity.ok()) return entity.error();
    if (!seen.insert(entity->source_id).second) {
      return MakeError(file, XmlLine(bytes, entry),
                       fmt::format("a second sdnEntry with uid {}", entity->source_id));
    }
    list.entities.push_back(std::move(entity).value());
  }
  // A file cut short and closed again is well-formed: the count OFAC
  // publishes with it tells.
  auto count = ParseNumber<size_t>(Trim(publish.child_value("Record_Count")));
  if (count && *count != list.entities.size()) {
    return MakeError(file, XmlLine(bytes, publish),
                     fmt::format("Record_Count says {} entries, the file holds {}: the list looks "
                                 "cut short",
                                 *count, list.entities.size()));
  }
  if (list.entities.empty()) return MakeError(file, XmlLine(bytes, root), "no sdnEntry in sdnList");
  return list;
}

}  // namespace embargo
