#include "sources/ofac_enhanced_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>

#include "common/zip_archive.h"
#include "model/country.h"
#include "sources/list_text.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_remarks.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

constexpr std::string_view kNamespace = "ENHANCED_XML";
constexpr uint64_t kMaxXmlBytes = 1ull << 30;  // unzipped; the full SDN export is ~100 MB

bool IsTrue(const pugi::xml_node& node, const char* child) {
  return ChildText(node, child) == "true";
}

// The names of one <name>: its Latin translation first (as OFAC writes it,
// "LAST, First"), then the other scripts.
void AddNames(const pugi::xml_node& name, Entity& entity, bool& have_primary) {
  NameKind kind = NameKind::kAlias;
  if (IsTrue(name, "isPrimary") && !have_primary) {
    kind = NameKind::kPrimary;
    have_primary = true;
  } else if (IsTrue(name, "isLowQuality")) {
    kind = NameKind::kWeakAlias;
  } else if (auto alias = OfacAliasKind(ChildText(name, "aliasType"))) {
    kind = *alias;
  }
  std::vector<std::pair<bool, std::string>> translations;  // (Latin, full name)
  for (pugi::xml_node t : name.child("translations").children("translation")) {
    std::string full = ChildText(t, "formattedFullName");
    if (!full.empty())
      translations.emplace_back(ChildText(t, "script") == "Latin", std::move(full));
  }
  std::stable_sort(translations.begin(), translations.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < translations.size(); ++i) {
    NameKind k = i == 0 ? kind : (kind == NameKind::kPrimary ? NameKind::kAlias : kind);
    AddName(entity, MakeOfacName(translations[i].second, k, entity.schema));
  }
}

void AddAddresses(const pugi::xml_node& entity_node, Entity& entity) {
  for (pugi::xml_node a : entity_node.child("addresses").children("address")) {
    std::string country_text = ChildText(a, "country");
    std::vector<std::string> parts;
    std::string city;
    pugi::xml_node translation = a.child("translations").child("translation");
    for (pugi::xml_node part : translation.child("addressParts").children("addressPart")) {
      std::string value = ChildText(part, "value");
      if (ChildText(part, "type") == "CITY") city = value;
      parts.push_back(std::move(value));
    }
    parts.push_back(country_text);
    std::string full = JoinNonEmpty(parts);
    std::string country = NormalizeCountry(country_text);
    AppendUnique(entity.countries, country);
    if (!full.empty()) entity.addresses.push_back({std::move(full), std::move(city), country});
  }
}

void AddFacts(const pugi::xml_node& node, const std::string& dataset, Entity& entity) {
  for (pugi::xml_node f : node.child("features").children("feature"))
    ApplyOfacRemarkItemOrKeep(OfacFeatureItem(ChildText(f, "type"), ChildText(f, "value")), entity);
  for (pugi::xml_node d : node.child("identityDocuments").children("identityDocument")) {
    ApplyOfacRemarkItemOrKeep(OfacDocumentItem(ChildText(d, "type"), ChildText(d, "documentNumber"),
                                               ChildText(d, "issuingCountry")),
                              entity);
  }
  for (pugi::xml_node r : node.child("relationships").children("relationship")) {
    pugi::xml_node related = r.child("relatedEntity");
    std::string id = related.attribute("entityId").value();
    entity.links.push_back({ChildText(r, "type"), id.empty() ? "" : dataset + "-" + id,
                            std::string(Trim(related.child_value()))});
  }
}

Result<Entity> ParseEntity(std::string_view bytes, const std::string& file,
                           const std::string& dataset, const pugi::xml_node& node) {
  // Counted only for an error: counting every record's line is quadratic.
  auto line = [&] { return XmlLine(bytes, node); };
  std::string uid = node.attribute("id").value();
  if (uid.empty() || !ParseNumber<int64_t>(uid))
    return MakeError(file, line(), fmt::format("entity without a numeric id ('{}')", uid));
  std::string type = ChildText(node.child("generalInfo"), "entityType");
  std::optional<Schema> schema = SchemaOfSdnType(type);
  if (!schema)
    return MakeError(file, line(), fmt::format("entity {}: unknown type '{}'", uid, type));
  Entity entity;
  entity.dataset = dataset;
  entity.source_id = uid;
  entity.id = dataset + "-" + uid;
  entity.schema = *schema;
  bool have_primary = false;
  for (pugi::xml_node name : node.child("names").children("name"))
    AddNames(name, entity, have_primary);
  if (entity.names.empty())
    return MakeError(file, line(), fmt::format("entity {} has no name", uid));
  for (pugi::xml_node p : node.child("sanctionsPrograms").children("sanctionsProgram"))
    AppendUnique(entity.programs, std::string(Trim(p.child_value())));
  AddAddresses(node, entity);
  AddFacts(node, dataset, entity);
  ApplyOfacRemarks(ChildText(node, "remarks"), entity);
  return entity;
}

// The XML text: `bytes` itself, or the archive's one .xml entry.
Result<std::string> XmlText(const std::string& file, std::string_view bytes) {
  if (bytes.substr(0, 4) != "PK\x03\x04") return std::string(bytes);
  auto archive = ZipArchive::Open(bytes, file, "OFAC ENHANCED XML", kMaxXmlBytes);
  if (!archive.ok()) return archive.error();
  for (const std::string& name : archive->Names()) {
    if (name.size() > 4 && EqualsIgnoreCase(std::string_view(name).substr(name.size() - 4), ".xml"))
      return archive->Read(name);
  }
  return MakeError(file, 0, "the zip holds no .xml file");
}

}  // namespace

bool LooksLikeOfacEnhancedXml(std::string_view bytes) {
  if (bytes.substr(0, 4) == "PK\x03\x04") {
    auto text = XmlText("", bytes);
    return text.ok() && LooksLikeOfacEnhancedXml(std::string_view(*text).substr(0, 4096));
  }
  std::string_view head = bytes.substr(0, 4096);
  return head.find("<sanctionsData") != std::string_view::npos &&
         head.find(kNamespace) != std::string_view::npos;
}

Result<ParsedList> ParseOfacEnhancedXml(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  Result<std::string> text = XmlText(file, bytes);
  if (!text.ok()) return text.error();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, *text, file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "sanctionsData") {
    return MakeError(file, XmlLine(*text, root),
                     fmt::format("expected root element sanctionsData, found '{}'", root.name()));
  }
  pugi::xml_node info = root.child("publicationInfo");
  bool sdn = false;
  for (pugi::xml_node l : info.child("filters").child("sanctionsLists").children("sanctionsList"))
    sdn = sdn || std::string_view(Trim(l.child_value())) == "SDN List";
  ParsedList list;
  list.dataset = {sdn ? "us_ofac_sdn" : "us_ofac_cons", "ofac_enhanced_xml", file,
                  IsoDateOrEmpty(ChildText(info, "dataAsOf"))};
  if (!root.child("entities")) {
    return MakeError(file, XmlLine(*text, root),
                     "no <entities> in <sanctionsData>: the export looks cut short");
  }
  std::set<std::string> seen;
  for (pugi::xml_node node : root.child("entities").children("entity")) {
    Result<Entity> entity = ParseEntity(*text, file, list.dataset.name, node);
    if (!entity.ok()) return entity.error();
    if (!seen.insert(entity->source_id).second) {
      return MakeError(file, XmlLine(*text, node),
                       fmt::format("a second entity with id {}", entity->source_id));
    }
    list.entities.push_back(std::move(entity).value());
  }
  if (list.entities.empty())
    return MakeError(file, XmlLine(*text, root), "no entity in the export");
  return list;
}

}  // namespace embargo
