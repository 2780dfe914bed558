#include "sources/ca_sema_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>

#include "sources/free_text.h"
#include "sources/list_text.h"
#include "sources/ofac_legacy.h"  // VersionDateFromPath
#include "sources/xml_text.h"

namespace embargo {
namespace {

std::string Text(const pugi::xml_node& node, const char* child) {
  return CleanSpaces(node.child_value(child));
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// A word written in capitals (at least two letters, none lowercase): the
// list writes family names so.
bool IsCapitalised(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::islower(u)) return false;
    letters += std::isupper(u) ? 1 : 0;
  }
  return letters >= 2;
}

// Russian and Ukrainian patronymics: -vich, -vna, -ich, -ichna.
bool IsPatronymic(std::string_view word) {
  auto ends = [&](std::string_view s) {
    return word.size() > s.size() + 2 && word.substr(word.size() - s.size()) == s;
  };
  return ends("vich") || ends("vych") || ends("vna") || ends("ichna") || ends("ich");
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::vector<std::string> part(words.begin() + static_cast<std::ptrdiff_t>(from),
                                words.begin() + static_cast<std::ptrdiff_t>(to));
  return JoinNonEmpty(part, " ");
}

// "Burma / Birmanie" -> "burma"; "... Officials Regulations (JVCFOR) / ..." -> "jvcfor".
std::string RegimeKey(std::string_view country) {
  size_t open = country.find('(');
  size_t close = country.find(')', open == std::string_view::npos ? 0 : open);
  std::string_view source = country.substr(0, country.find('/'));
  if (open != std::string_view::npos && close != std::string_view::npos &&
      IsCapitalised(country.substr(open + 1, close - open - 1))) {
    source = country.substr(open + 1, close - open - 1);
  }
  std::string key;
  for (char c : Trim(source)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      key.push_back(static_cast<char>(std::tolower(u)));
    } else if (!key.empty() && key.back() != '-') {
      key.push_back('-');
    }
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key.empty() ? "other" : key;
}

// "Air Bagan Holdings Pte. Ltd., Air Bagan Limited": names split on commas,
// a piece that is only a legal form ("Inc.") staying with the name before.
std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& piece : SplitList(text, ',')) {
    if (!out.empty() && Words(piece).size() == 1 && LooksLikeFirmName(piece)) {
      out.back() += ", " + piece;
    } else {
      out.push_back(std::move(piece));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> CompleteSemaAliases(std::string_view aliases, std::string_view given,
                                             std::string_view last) {
  std::vector<std::string> given_words = Words(given);
  std::vector<std::string> out;
  for (const std::string& alias : SplitAliases(aliases)) {
    std::vector<std::string> words = Words(alias);
    if (words.empty()) continue;
    bool has_family = std::any_of(words.begin(), words.end(), IsCapitalised);
    std::string full;
    if (words.size() == 1 && IsCapitalised(words[0])) {
      // A family name only: the record's given names with it.
      full = JoinNonEmpty({given, words[0]}, " ");
    } else if (has_family || last.empty()) {
      full = Join(words, 0, words.size());
    } else if (words.size() == 1) {
      // Another spelling of the first given name.
      full = JoinNonEmpty(
          {words[0], Join(given_words, std::min<size_t>(1, given_words.size()), given_words.size()),
           last},
          " ");
    } else if (words.size() == 2 && IsPatronymic(words[1])) {
      full = JoinNonEmpty({words[0], words[1], last}, " ");
    } else {
      full = Join(words, 0, words.size());  // a name of its own ("Shwe Mann Ko Ko")
    }
    AppendUnique(out, std::move(full));
  }
  return out;
}

bool LooksLikeCaSemaXml(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return head.find("<data-set") != std::string_view::npos &&
         head.find("<record>") != std::string_view::npos &&
         head.find("<Schedule>") != std::string_view::npos;
}

Result<ParsedList> ParseCaSemaXml(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  pugi::xml_document doc;
  EMBARGO_RETURN_IF_ERROR(LoadXmlList(doc, bytes, file));
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "data-set") {
    return MakeError(file, XmlLine(bytes, root),
                     fmt::format("expected root element data-set, found '{}'", root.name()));
  }
  ParsedList list;
  // The file carries no date: the one in its name, as published copies are
  // named (sema-2020-04.xml), if any.
  list.dataset = {std::string(kCaSemaDataset), "ca_sema_xml", file, VersionDateFromPath(path)};
  std::set<std::string> seen;
  for (pugi::xml_node record : root.children("record")) {
    // Counted only for an error: counting every record's line is quadratic.
    auto line = [&] { return XmlLine(bytes, record); };
    std::string country = Text(record, "Country"), schedule = Text(record, "Schedule"),
                item = Text(record, "Item");
    if (schedule == "N/A") schedule.clear();
    if (item.empty()) return MakeError(file, line(), "record without Item");
    Entity e;
    e.dataset = std::string(kCaSemaDataset);
    e.source_id = schedule.empty() ? fmt::format("{}-{}", RegimeKey(country), item)
                                   : fmt::format("{}-{}-{}", RegimeKey(country), schedule, item);
    e.id = fmt::format("{}-{}", kCaSemaDataset, e.source_id);
    if (!seen.insert(e.source_id).second) {
      return MakeError(
          file, line(),
          fmt::format("a second record {} (Country, Schedule and Item repeat)", e.source_id));
    }
    std::string entity = Text(record, "Entity"), last = Text(record, "LastName"),
                given = Text(record, "GivenName");
    std::string aliases = Text(record, "Aliases");
    if (!entity.empty()) {
      e.schema = Schema::kOrganization;
      AddName(e, {entity, NameKind::kPrimary, {}});
      for (std::string& alias : SplitAliases(aliases))
        AddName(e, {std::move(alias), NameKind::kAlias, {}});
    } else if (!last.empty() || !given.empty()) {
      e.schema = Schema::kPerson;
      Name primary{JoinNonEmpty({given, last}, " "), NameKind::kPrimary, {}};
      if (!given.empty() && !last.empty()) {
        primary.parts = {{NamePartType::kGiven, given}, {NamePartType::kFamily, last}};
      }
      AddName(e, std::move(primary));
      for (std::string& alias : CompleteSemaAliases(aliases, given, last))
        AddName(e, {std::move(alias), NameKind::kAlias, {}});
    } else {
      return MakeError(file, line(),
                       fmt::format("record {} has no Entity or LastName", e.source_id));
    }
    std::string dates = Text(record, "DateOfBirth");  // "1972-08-10 or 1972-08-11"
    for (size_t at; (at = dates.find(" or ")) != std::string::npos;) dates.replace(at, 4, ";");
    for (const std::string& text : SplitList(dates)) {
      if (auto date = ParseDateText(text)) AddBirthDate(e, *date);
    }
    for (pugi::xml_node title : record.children("Title"))
      AppendUnique(e.remarks, "Title: " + CleanSpaces(title.child_value()));
    AppendUnique(e.programs, country);
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) return MakeError(file, XmlLine(bytes, root), "no record in data-set");
  return list;
}

}  // namespace embargo
