#include "sources/ofac_advanced_xml.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <unordered_map>

#include "model/country.h"
#include "sources/list_text.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_remarks.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

constexpr std::string_view kNamespace = "un.org/sanctions/1.0";

using ById = std::unordered_map<std::string, std::string>;
using NodesById = std::unordered_map<std::string, std::vector<pugi::xml_node>>;

// One reference value set: ID -> the value's text, or one of its attributes.
ById ValueSet(const pugi::xml_node& sets, const char* set, const char* item,
              const char* attribute = nullptr) {
  ById out;
  for (pugi::xml_node v : sets.child(set).children(item)) {
    std::string_view text = attribute ? v.attribute(attribute).value() : v.child_value();
    out.emplace(v.attribute("ID").value(), std::string(Trim(text)));
  }
  return out;
}

// A location as one address line, its city and its country as OFAC names it.
struct Place {
  std::string full, city, country;
};

struct Context {
  std::string_view bytes;
  std::string file;
  std::string dataset;
  ById alias_types, countries, area_codes, feature_types, doc_types, doc_date_types, party_types,
      party_subtypes, subtype_party, name_part_types, relation_types, detail_references, lists,
      sanctions_types, scripts, location_part_types;
  std::unordered_map<std::string, Place> places;
  NodesById documents;         // by IdentityID
  NodesById entries;           // by ProfileID
  NodesById relations;         // by From-ProfileID
  std::optional<Error> error;  // the first reference to an ID no value set holds

  // The value `node`'s `attribute` refers to in `set`; "" when the node has
  // no such attribute. An ID the set lacks is recorded as the error.
  const std::string& Get(const ById& set, const pugi::xml_node& node, const char* attribute) {
    static const std::string kNone;
    std::string_view id = node.attribute(attribute).value();
    if (id.empty()) return kNone;
    auto it = set.find(std::string(id));
    if (it != set.end()) return it->second;
    NoteDangling(node, attribute);
    return kNone;
  }

  // Records `node`'s `attribute` as an ID the file does not define, unless
  // an error is recorded already.
  void NoteDangling(const pugi::xml_node& node, const char* attribute) {
    if (error) return;
    error = MakeError(file, XmlLine(bytes, node),
                      fmt::format("<{} {}=\"{}\">: no such ID in the reference values", node.name(),
                                  attribute, node.attribute(attribute).value()));
  }
};

void ReadReferenceValues(const pugi::xml_node& sets, Context& ctx) {
  ctx.alias_types = ValueSet(sets, "AliasTypeValues", "AliasType");
  ctx.countries = ValueSet(sets, "CountryValues", "Country");
  ctx.area_codes = ValueSet(sets, "AreaCodeValues", "AreaCode", "Description");
  ctx.feature_types = ValueSet(sets, "FeatureTypeValues", "FeatureType");
  ctx.doc_types = ValueSet(sets, "IDRegDocTypeValues", "IDRegDocType");
  ctx.doc_date_types = ValueSet(sets, "IDRegDocDateTypeValues", "IDRegDocDateType");
  ctx.party_types = ValueSet(sets, "PartyTypeValues", "PartyType");
  ctx.party_subtypes = ValueSet(sets, "PartySubTypeValues", "PartySubType");
  ctx.subtype_party = ValueSet(sets, "PartySubTypeValues", "PartySubType", "PartyTypeID");
  ctx.name_part_types = ValueSet(sets, "NamePartTypeValues", "NamePartType");
  ctx.relation_types = ValueSet(sets, "RelationTypeValues", "RelationType");
  ctx.detail_references = ValueSet(sets, "DetailReferenceValues", "DetailReference");
  ctx.lists = ValueSet(sets, "ListValues", "List");
  ctx.sanctions_types = ValueSet(sets, "SanctionsTypeValues", "SanctionsType");
  ctx.scripts = ValueSet(sets, "ScriptValues", "Script", "ScriptCode");
  ctx.location_part_types = ValueSet(sets, "LocPartTypeValues", "LocPartType");
}

PartialDate DateOf(const pugi::xml_node& node) {
  auto number = [&](const char* child) {
    return ParseNumber<int>(ChildText(node, child)).value_or(0);
  };
  PartialDate date{number("Year"), number("Month"), number("Day")};
  if (date.month < 1 || date.month > 12) date.month = date.day = 0;
  return date;
}

// "YYYY-MM-DD" for a whole date, else "".
std::string IsoDay(const PartialDate& date) {
  return date.day == 0 ? "" : IsoDateOrEmpty(date.ToString());
}

// A <DatePeriod> as OFAC writes it: "1962", "circa 1962", "03 Mar 1971".
std::string PeriodText(const pugi::xml_node& period) {
  pugi::xml_node start = period.child("Start"), end = period.child("End");
  PartialDate from = DateOf(start.child("From"));
  PartialDate to = DateOf(end ? end.child("To") : start.child("To"));
  bool approximate =
      start.attribute("Approximate").as_bool() || end.attribute("Approximate").as_bool();
  return OfacPeriodText(from, to, approximate);
}

Place PlaceOf(const pugi::xml_node& location, Context& ctx) {
  Place place;
  std::vector<std::string> parts;
  for (pugi::xml_node part : location.children("LocationPart")) {
    pugi::xml_node value = part.find_child_by_attribute("LocationPartValue", "Primary", "true");
    if (!value) value = part.child("LocationPartValue");
    std::string text = ChildText(value, "Value");
    if (ctx.Get(ctx.location_part_types, part, "LocPartTypeID") == "CITY") place.city = text;
    parts.push_back(std::move(text));
  }
  place.country = ctx.Get(ctx.countries, location.child("LocationCountry"), "CountryID");
  if (place.country.empty()) {
    place.country = ctx.Get(ctx.area_codes, location.child("LocationAreaCode"), "AreaCodeID");
    if (place.country == "undetermined") place.country.clear();
  }
  // A document's place of issue names its country as a part.
  if (std::find(parts.begin(), parts.end(), place.country) == parts.end())
    parts.push_back(place.country);
  place.full = JoinNonEmpty(parts);
  return place;
}

// Indexes what profiles refer to: locations, documents by identity,
// sanctions entries and relationships by profile.
void ReadTables(const pugi::xml_node& root, Context& ctx) {
  for (pugi::xml_node l : root.child("Locations").children("Location"))
    ctx.places.emplace(l.attribute("ID").value(), PlaceOf(l, ctx));
  for (pugi::xml_node d : root.child("IDRegDocuments").children("IDRegDocument"))
    ctx.documents[d.attribute("IdentityID").value()].push_back(d);
  for (pugi::xml_node e : root.child("SanctionsEntries").children("SanctionsEntry"))
    ctx.entries[e.attribute("ProfileID").value()].push_back(e);
  for (pugi::xml_node r : root.child("ProfileRelationships").children("ProfileRelationship"))
    ctx.relations[r.attribute("From-ProfileID").value()].push_back(r);
}

std::string Uppercase(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUpper(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

// One documented name as OFAC's other formats write it: "LAST, First
// Middle" for a person, the parts in order for anything else; in the Latin
// script the last name or the whole name of anything but a person in
// capitals (ADVANCED keeps the case the name was typed in: "Bektas",
// "Sberbank of Russia").
std::string NameText(const pugi::xml_node& documented, const ById& group_types, bool person,
                     bool latin) {
  std::vector<std::string_view> family, rest;
  for (pugi::xml_node part : documented.children("DocumentedNamePart")) {
    pugi::xml_node value = part.child("NamePartValue");
    auto type = group_types.find(value.attribute("NamePartGroupID").value());
    bool last = type != group_types.end() && type->second == "Last Name";
    (person && last ? family : rest).push_back(Trim(value.child_value()));
  }
  std::string family_text = JoinNonEmpty(family, " "), rest_text = JoinNonEmpty(rest, " ");
  if (latin) {
    family_text = Uppercase(family_text);
    if (!person) rest_text = Uppercase(rest_text);
  }
  return JoinNonEmpty({family_text, rest_text}, ", ");
}

// The names of one identity, its primary alias first; within an alias the
// Latin script first, then the other scripts as aliases.
void AddNames(const pugi::xml_node& identity, Context& ctx, Entity& entity, bool& have_primary) {
  ById group_types;
  for (pugi::xml_node master : identity.child("NamePartGroups").children("MasterNamePartGroup")) {
    pugi::xml_node group = master.child("NamePartGroup");
    group_types.emplace(group.attribute("ID").value(),
                        ctx.Get(ctx.name_part_types, group, "NamePartTypeID"));
  }
  std::vector<pugi::xml_node> aliases;
  for (pugi::xml_node a : identity.children("Alias")) aliases.push_back(a);
  std::stable_partition(aliases.begin(), aliases.end(),
                        [](const pugi::xml_node& a) { return a.attribute("Primary").as_bool(); });
  bool person = entity.schema == Schema::kPerson;
  for (const pugi::xml_node& alias : aliases) {
    NameKind kind = NameKind::kAlias;
    if (alias.attribute("Primary").as_bool() && !have_primary) {
      kind = NameKind::kPrimary;
      have_primary = true;
    } else if (alias.attribute("LowQuality").as_bool()) {
      kind = NameKind::kWeakAlias;
    } else if (auto k = OfacAliasKind(ctx.Get(ctx.alias_types, alias, "AliasTypeID"))) {
      kind = *k;
    }
    std::vector<std::pair<bool, std::string>> names;  // (Latin, text)
    for (pugi::xml_node d : alias.children("DocumentedName")) {
      pugi::xml_node first = d.child("DocumentedNamePart").child("NamePartValue");
      bool latin = ctx.Get(ctx.scripts, first, "ScriptID") == "Latin";
      std::string text = NameText(d, group_types, person, latin);
      if (!text.empty()) names.emplace_back(latin, std::move(text));
    }
    std::stable_sort(names.begin(), names.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < names.size(); ++i) {
      NameKind k = i == 0 ? kind : (kind == NameKind::kPrimary ? NameKind::kAlias : kind);
      AddName(entity, MakeOfacName(names[i].second, k, entity.schema));
    }
  }
}

void AddAddress(const Place& place, Entity& entity) {
  std::string country = NormalizeCountry(place.country);
  AppendUnique(entity.countries, country);
  if (!place.full.empty()) entity.addresses.push_back({place.full, place.city, country});
}

const Place* PlaceOfVersion(const pugi::xml_node& version, Context& ctx) {
  pugi::xml_node location = version.child("VersionLocation");
  if (!location) return nullptr;
  auto it = ctx.places.find(location.attribute("LocationID").value());
  if (it != ctx.places.end()) return &it->second;
  ctx.NoteDangling(location, "LocationID");
  return nullptr;
}

// Features (birth date and place, citizenship, SWIFT/BIC, vessel flag,
// ...) through the Remarks grammar; "Location" features as addresses.
void AddFeatures(const pugi::xml_node& profile, Context& ctx, Entity& entity) {
  for (pugi::xml_node feature : profile.children("Feature")) {
    const std::string& type = ctx.Get(ctx.feature_types, feature, "FeatureTypeID");
    for (pugi::xml_node version : feature.children("FeatureVersion")) {
      const Place* place = PlaceOfVersion(version, ctx);
      if (type == "Location") {
        if (place) AddAddress(*place, entity);
        continue;
      }
      pugi::xml_node detail = version.child("VersionDetail");
      std::string value;
      if (pugi::xml_node period = version.child("DatePeriod")) {
        value = PeriodText(period);
      } else if (detail.attribute("DetailReferenceID")) {
        value = ctx.Get(ctx.detail_references, detail, "DetailReferenceID");
      } else if (place) {
        value = place->full;
      } else {
        value = std::string(Trim(detail.child_value()));
      }
      ApplyOfacRemarkItemOrKeep(OfacFeatureItem(type, value), entity);
    }
  }
}

void AddDocuments(const pugi::xml_node& identity, Context& ctx, Entity& entity) {
  auto it = ctx.documents.find(identity.attribute("ID").value());
  if (it == ctx.documents.end()) return;
  for (const pugi::xml_node& d : it->second) {
    std::string issued, expires;
    for (pugi::xml_node date : d.children("DocumentDate")) {
      const std::string& kind = ctx.Get(ctx.doc_date_types, date, "IDRegDocDateTypeID");
      (kind == "Expiration Date" ? expires : issued) = PeriodText(date.child("DatePeriod"));
    }
    ApplyOfacRemarkItemOrKeep(
        OfacDocumentItem(ctx.Get(ctx.doc_types, d, "IDRegDocTypeID"),
                         ChildText(d, "IDRegistrationNo"),
                         ctx.Get(ctx.countries, d, "IssuedBy-CountryID"), issued, expires),
        entity);
  }
}

// Programmes ("Program" measures name them), the first listing date.
void AddEntries(const std::string& profile_id, Context& ctx, Entity& entity) {
  auto it = ctx.entries.find(profile_id);
  if (it == ctx.entries.end()) return;
  for (const pugi::xml_node& entry : it->second) {
    for (pugi::xml_node event : entry.children("EntryEvent")) {
      std::string iso = IsoDay(DateOf(event.child("Date")));
      if (!iso.empty() && (entity.listed_on.empty() || iso < entity.listed_on))
        entity.listed_on = iso;
    }
    for (pugi::xml_node measure : entry.children("SanctionsMeasure")) {
      if (ctx.Get(ctx.sanctions_types, measure, "SanctionsTypeID") == "Program")
        AppendUnique(entity.programs, std::string(Trim(measure.child_value("Comment"))));
    }
  }
}

void AddRelations(const std::string& profile_id, Context& ctx, Entity& entity) {
  auto it = ctx.relations.find(profile_id);
  if (it == ctx.relations.end()) return;
  for (const pugi::xml_node& r : it->second) {
    std::string to = r.attribute("To-ProfileID").value();
    entity.links.push_back({ctx.Get(ctx.relation_types, r, "RelationTypeID"),
                            to.empty() ? "" : ctx.dataset + "-" + to, ""});
  }
}

std::optional<Schema> SchemaOf(const pugi::xml_node& profile, Context& ctx) {
  const std::string& subtype = ctx.Get(ctx.party_subtypes, profile, "PartySubTypeID");
  if (subtype == "Vessel" || subtype == "Aircraft") return SchemaOfSdnType(subtype);
  auto party = ctx.party_types.find(ctx.Get(ctx.subtype_party, profile, "PartySubTypeID"));
  if (party == ctx.party_types.end()) return std::nullopt;
  return SchemaOfSdnType(party->second);
}

Result<Entity> ParseParty(const pugi::xml_node& party, Context& ctx) {
  pugi::xml_node profile = party.child("Profile");
  auto line = [&] { return XmlLine(ctx.bytes, party); };
  std::string id = profile.attribute("ID").value();
  if (id.empty() || !ParseNumber<int64_t>(id))
    return MakeError(ctx.file, line(), fmt::format("profile without a numeric ID ('{}')", id));
  std::optional<Schema> schema = SchemaOf(profile, ctx);
  if (!schema) {
    if (ctx.error) return *ctx.error;
    return MakeError(ctx.file, line(),
                     fmt::format("profile {}: unknown party type (PartySubTypeID '{}')", id,
                                 profile.attribute("PartySubTypeID").value()));
  }
  Entity entity;
  entity.dataset = ctx.dataset;
  entity.source_id = id;
  entity.id = ctx.dataset + "-" + id;
  entity.schema = *schema;
  std::vector<pugi::xml_node> identities;
  for (pugi::xml_node i : profile.children("Identity")) identities.push_back(i);
  std::stable_partition(identities.begin(), identities.end(),
                        [](const pugi::xml_node& i) { return i.attribute("Primary").as_bool(); });
  bool have_primary = false;
  for (const pugi::xml_node& identity : identities) AddNames(identity, ctx, entity, have_primary);
  if (entity.names.empty())
    return MakeError(ctx.file, line(), fmt::format("profile {} has no name", id));
  AddFeatures(profile, ctx, entity);
  for (const pugi::xml_node& identity : identities) AddDocuments(identity, ctx, entity);
  AddEntries(id, ctx, entity);
  AddRelations(id, ctx, entity);
  ApplyOfacRemarks(ChildText(party, "Comment"), entity);
  if (ctx.error) return *ctx.error;
  return entity;
}

// us_ofac_sdn unless an entry is on another of OFAC's lists.
std::string DatasetOf(const pugi::xml_node& root, Context& ctx) {
  for (pugi::xml_node e : root.child("SanctionsEntries").children("SanctionsEntry")) {
    if (ctx.Get(ctx.lists, e, "ListID") != "SDN List") return "us_ofac_cons";
  }
  return "us_ofac_sdn";
}

}  // namespace

bool LooksLikeOfacAdvancedXml(std::string_view head) {
  head = head.substr(0, 4096);
  return head.find("<Sanctions ") != std::string_view::npos &&
         head.find(kNamespace) != std::string_view::npos;
}

Result<ParsedList> ParseOfacAdvancedXml(const std::filesystem::path& path, std::string_view bytes) {
  Context ctx;
  ctx.bytes = bytes;
  ctx.file = path.string();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, ctx.file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "Sanctions") {
    return MakeError(ctx.file, XmlLine(bytes, root),
                     fmt::format("expected root element Sanctions, found '{}'", root.name()));
  }
  if (!root.child("ReferenceValueSets") || !root.child("DistinctParties")) {
    return MakeError(ctx.file, XmlLine(bytes, root),
                     "no <ReferenceValueSets> or <DistinctParties> in <Sanctions>: the file "
                     "looks cut short");
  }
  ReadReferenceValues(root.child("ReferenceValueSets"), ctx);
  ReadTables(root, ctx);
  ctx.dataset = DatasetOf(root, ctx);
  if (ctx.error) return *ctx.error;
  ParsedList list;
  list.dataset = {ctx.dataset, "ofac_advanced_xml", ctx.file,
                  IsoDay(DateOf(root.child("DateOfIssue")))};
  std::set<std::string> seen;
  for (pugi::xml_node party : root.child("DistinctParties").children("DistinctParty")) {
    Result<Entity> entity = ParseParty(party, ctx);
    if (!entity.ok()) return entity.error();
    if (!seen.insert(entity->source_id).second) {
      return MakeError(ctx.file, XmlLine(bytes, party),
                       fmt::format("a second profile with ID {}", entity->source_id));
    }
    list.entities.push_back(std::move(entity).value());
  }
  if (list.entities.empty())
    return MakeError(ctx.file, XmlLine(bytes, root), "no DistinctParty in the file");
  // Links name the related party, as the other formats' do.
  std::unordered_map<std::string, std::string> captions;
  for (const Entity& e : list.entities) captions.emplace(e.id, e.caption());
  for (Entity& e : list.entities) {
    for (Link& link : e.links) {
      auto it = captions.find(link.target_id);
      if (it != captions.end()) link.target_name = it->second;
    }
  }
  return list;
}

}  // namespace embargo
