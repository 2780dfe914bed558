#include "sources/un_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <pugixml.hpp>

#include "model/country.h"
#include "sources/list_text.h"
#include "sources/xml_text.h"

namespace embargo {
namespace {

struct Context {
  std::string_view bytes;
  std::string file;
};

std::vector<std::string> Values(const pugi::xml_node& node, const char* child) {
  std::vector<std::string> out;
  for (pugi::xml_node item : node.children(child)) {
    for (pugi::xml_node value : item.children("VALUE")) {
      AppendUnique(out, std::string(Trim(value.child_value())));
    }
  }
  return out;
}

// Part `i` of `count` filled name fields.
NamePartType PartType(size_t i, size_t count, bool family_first) {
  if (family_first) return i == 0 ? NamePartType::kFamily : NamePartType::kGiven;
  if (i == 0) return NamePartType::kGiven;
  return i + 1 == count ? NamePartType::kFamily : NamePartType::kMiddle;
}

// KPi.* (DPRK individuals) list the family name in FIRST_NAME; everyone else
// is FIRST_NAME = given ... last filled field = family.
Name PrimaryName(const pugi::xml_node& node, std::string_view reference, Schema schema) {
  static constexpr const char* kFields[] = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                            "FOURTH_NAME"};
  std::vector<std::string> values;
  for (const char* field : kFields) {
    std::string value = ChildText(node, field);
    if (!value.empty()) values.push_back(std::move(value));
  }
  Name name{JoinNonEmpty(values, " "), NameKind::kPrimary, {}};
  if (schema != Schema::kPerson || values.size() < 2) return name;
  bool family_first = reference.substr(0, 4) == "KPi.";
  for (size_t i = 0; i < values.size(); ++i) {
    name.parts.push_back({PartType(i, values.size(), family_first), values[i]});
  }
  return name;
}

NameKind AliasKind(std::string_view quality) {
  if (quality == "Low") return NameKind::kWeakAlias;
  if (quality == "f.k.a.") return NameKind::kPreviousName;
  return NameKind::kAlias;  // Good, a.k.a., empty
}

DateSpec SingleDate(PartialDate date, bool approximate) { return {date, date, approximate}; }

void AddAliases(const pugi::xml_node& node, const char* tag, Entity& entity) {
  for (pugi::xml_node alias : node.children(tag)) {
    NameKind kind = AliasKind(ChildText(alias, "QUALITY"));
    for (std::string& value : SplitUnAliasNames(ChildText(alias, "ALIAS_NAME"))) {
      AddName(entity, {std::move(value), kind, {}});
    }
    if (auto date = PartialDate::Parse(ChildText(alias, "DATE_OF_BIRTH"))) {
      AddBirthDate(entity, SingleDate(*date, false));
    }
    AppendUnique(entity.birth_places, JoinNonEmpty({ChildText(alias, "CITY_OF_BIRTH"),
                                                    ChildText(alias, "COUNTRY_OF_BIRTH")},
                                                   ", "));
  }
}

std::optional<DateSpec> BirthDate(const pugi::xml_node& dob) {
  std::string type = ChildText(dob, "TYPE_OF_DATE");
  if (type == "BETWEEN") {
    auto from = PartialDate::Parse(ChildText(dob, "FROM_YEAR"));
    auto to = PartialDate::Parse(ChildText(dob, "TO_YEAR"));
    if (!from || !to) return std::nullopt;
    return DateSpec{*from, *to, false};
  }
  auto date = PartialDate::Parse(ChildText(dob, "DATE"));
  if (!date) date = PartialDate::Parse(ChildText(dob, "YEAR"));
  if (!date) return std::nullopt;
  return SingleDate(*date, type == "APPROXIMATELY");
}

void AddPersonFacts(const pugi::xml_node& node, Entity& entity) {
  for (pugi::xml_node dob : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
    if (auto spec = BirthDate(dob)) AddBirthDate(entity, *spec);
  }
  for (pugi::xml_node pob : node.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
    AppendUnique(entity.birth_places,
                 JoinNonEmpty({ChildText(pob, "CITY"), ChildText(pob, "STATE_PROVINCE"),
                               ChildText(pob, "COUNTRY")},
                              ", "));
  }
  for (const std::string& value : Values(node, "NATIONALITY")) {
    // The UN writes "na" (lowercase) for "not available", not for Namibia.
    if (value == "na") continue;
    AppendUnique(entity.nationalities, NormalizeCountry(value));
  }
  entity.gender = ParseGender(ChildText(node, "GENDER"));
}

// Some entries give the gender only in COMMENTS1: "Gender: Male." or
// "Gender [Male]".
Gender GenderFromComment(std::string_view comment) {
  if (comment.substr(0, 6) != "Gender") return Gender::kUnknown;
  std::string_view rest = comment.substr(6);
  while (!rest.empty() && (rest.front() == ':' || rest.front() == '[' || rest.front() == ' ')) {
    rest.remove_prefix(1);
  }
  size_t end = rest.find_first_of(" .]");
  return ParseGender(rest.substr(0, end));
}

void AddDocuments(const pugi::xml_node& node, Entity& entity) {
  for (pugi::xml_node doc : node.children("INDIVIDUAL_DOCUMENT")) {
    std::string number = ChildText(doc, "NUMBER");
    if (number.empty()) continue;
    std::string label = ChildText(doc, "TYPE_OF_DOCUMENT");
    std::string country = ChildText(doc, "ISSUING_COUNTRY");
    if (country.empty()) country = ChildText(doc, "COUNTRY_OF_ISSUE");
    entity.identifiers.push_back(
        {IdTypeFromLabel(label), std::move(number), NormalizeCountry(country), std::move(label)});
  }
}

void AddAddresses(const pugi::xml_node& node, const char* tag, Entity& entity) {
  for (pugi::xml_node addr : node.children(tag)) {
    std::string country = ChildText(addr, "COUNTRY");
    Address address{
        JoinNonEmpty({ChildText(addr, "STREET"), ChildText(addr, "CITY"),
                      ChildText(addr, "STATE_PROVINCE"), ChildText(addr, "ZIP_CODE"), country},
                     ", "),
        ChildText(addr, "CITY"), NormalizeCountry(country)};
    if (address.full.empty()) continue;
    AppendUnique(entity.countries, address.country);
    entity.addresses.push_back(std::move(address));
  }
}

void AddListing(const pugi::xml_node& node, Entity& entity) {
  AppendUnique(entity.programs, ChildText(node, "UN_LIST_TYPE"));
  entity.listed_on = IsoDateOrEmpty(ChildText(node, "LISTED_ON"));
  std::string comment = ChildText(node, "COMMENTS1");
  if (entity.gender == Gender::kUnknown && entity.schema == Schema::kPerson) {
    entity.gender = GenderFromComment(comment);
  }
  if (!comment.empty()) entity.remarks.push_back(std::move(comment));
}

Result<Entity> ParseParty(const Context& ctx, const pugi::xml_node& node, Schema schema) {
  Entity entity;
  entity.schema = schema;
  entity.dataset = std::string(kUnDataset);
  entity.source_id = ChildText(node, "REFERENCE_NUMBER");
  if (entity.source_id.empty()) {
    return MakeError(ctx.file, XmlLine(ctx.bytes, node),
                     fmt::format("{} without REFERENCE_NUMBER", node.name()));
  }
  entity.id = fmt::format("{}-{}", kUnDataset, entity.source_id);
  Name primary = PrimaryName(node, entity.source_id, schema);
  if (!primary.value.empty()) entity.names.push_back(std::move(primary));
  bool person = schema == Schema::kPerson;
  AddAliases(node, person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS", entity);
  std::string script = ChildText(node, "NAME_ORIGINAL_SCRIPT");
  if (!script.empty()) AddName(entity, {std::move(script), NameKind::kAlias, {}});
  if (person) AddPersonFacts(node, entity);
  if (person) AddDocuments(node, entity);
  AddAddresses(node, person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS", entity);
  AddListing(node, entity);
  return entity;
}

Status AddParties(const Context& ctx, const pugi::xml_node& group, const char* tag, Schema schema,
                  ParsedList& list) {
  for (pugi::xml_node node : group.children(tag)) {
    Result<Entity> entity = ParseParty(ctx, node, schema);
    if (!entity.ok()) return entity.error();
    list.entities.push_back(std::move(entity).value());
  }
  return Status::Ok();
}

// Positions of parentheses that have no partner in `text`.
void UnmatchedParens(std::string_view text, std::vector<size_t>& opens,
                     std::vector<size_t>& closes) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') opens.push_back(i);
    if (text[i] != ')') continue;
    if (opens.empty()) {
      closes.push_back(i);
    } else {
      opens.pop_back();
    }
  }
}

void EraseAll(std::string& text, std::string_view what) {
  for (size_t pos; (pos = text.find(what)) != std::string::npos;) text.erase(pos, what.size());
}

// Whether `text` has a letter beyond Latin (Greek, Cyrillic, Arabic, Han,
// Hangul, ...), ignoring general punctuation such as ’ and –.
bool HasNonLatinLetter(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xCE && c < 0xE2) return true;  // U+0380..U+1FFF (Greek onwards)
    if (c >= 0xE3) return true;              // U+3000 and up (CJK, Hangul, ...)
    if (c == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xB0) {
      return true;  // U+2C00..U+2FFF
    }
  }
  return false;
}

// "Latin (script)" or "script (Latin)" is one name in two scripts: emit both.
// "(original script: X)" annotates X. Other parentheses stay in the name.
void AddScriptPair(std::string_view name, std::vector<std::string>& out) {
  size_t open = name.rfind(" (");
  if (name.empty() || name.back() != ')' || open == std::string_view::npos) {
    return AppendUnique(out, std::string(name));
  }
  std::string_view outside = Trim(name.substr(0, open));
  std::string_view inside = Trim(name.substr(open + 2, name.size() - open - 3));
  if (inside.substr(0, 16) == "original script:") inside = Trim(inside.substr(16));
  if (HasNonLatinLetter(outside) == HasNonLatinLetter(inside) ||
      inside.find('(') != std::string_view::npos) {
    return AppendUnique(out, std::string(name));
  }
  AppendUnique(out, std::string(outside));
  AppendUnique(out, std::string(inside));
}

// One ';'-separated piece: "script (latin" -> {"script", "latin"}.
void SplitPiece(std::string_view piece, std::vector<std::string>& out) {
  std::vector<size_t> opens, closes;
  UnmatchedParens(piece, opens, closes);
  std::string current;
  auto flush = [&] {
    EraseAll(current, "(original script)");
    std::string_view trimmed = Trim(current);
    while (!trimmed.empty() && trimmed.back() == ',')
      trimmed = Trim(trimmed.substr(0, trimmed.size() - 1));
    if (!trimmed.empty()) AddScriptPair(trimmed, out);
    current.clear();
  };
  for (size_t i = 0; i < piece.size(); ++i) {
    if (std::find(opens.begin(), opens.end(), i) != opens.end()) {
      flush();
    } else if (std::find(closes.begin(), closes.end(), i) == closes.end()) {
      current.push_back(piece[i]);
    }
  }
  flush();
}

// " b) " enumerations inside one alias ("X; Y b) Z") separate names too.
std::string MarkEnumerations(std::string_view text) {
  std::string out(text);
  for (size_t i = 1; i + 2 < out.size(); ++i) {
    if (out[i - 1] == ' ' && out[i] >= 'a' && out[i] <= 'z' && out[i + 1] == ')' &&
        out[i + 2] == ' ') {
      out[i] = ';';
      out.erase(i + 1, 1);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitUnAliasNames(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& piece : SplitList(MarkEnumerations(text), ';')) SplitPiece(piece, out);
  return out;
}

Result<ParsedList> ParseUnXml(const std::filesystem::path& path, std::string_view bytes) {
  Context ctx{bytes, path.string()};
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, ctx.file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "CONSOLIDATED_LIST") {
    return MakeError(
        ctx.file, XmlLine(ctx.bytes, root),
        fmt::format("expected root element CONSOLIDATED_LIST, found '{}'", root.name()));
  }
  // A file cut short and closed again (well-formed, but shorter) lacks the
  // second group, the UN list always writing both, even empty.
  for (const char* group : {"INDIVIDUALS", "ENTITIES"}) {
    if (root.child(group)) continue;
    return MakeError(ctx.file, XmlLine(ctx.bytes, root),
                     fmt::format("no <{}> in <CONSOLIDATED_LIST>: the list looks cut short (the "
                                 "UN list always holds INDIVIDUALS and ENTITIES)",
                                 group));
  }
  ParsedList list;
  list.dataset = {std::string(kUnDataset), "un_xml", ctx.file,
                  IsoDateOrEmpty(root.attribute("dateGenerated").value())};
  EMBARGO_RETURN_IF_ERROR(
      AddParties(ctx, root.child("INDIVIDUALS"), "INDIVIDUAL", Schema::kPerson, list));
  EMBARGO_RETURN_IF_ERROR(
      AddParties(ctx, root.child("ENTITIES"), "ENTITY", Schema::kOrganization, list));
  return list;
}

}  // namespace embargo
