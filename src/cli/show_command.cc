#include "cli/show_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "cli/xref_command.h"
#include "model/entity_json.h"

namespace embargo::cli {
namespace {

using nlohmann::json;

// The record with this entity id, else the one record with this source id.
Result<size_t> FindRecord(const ListSet& lists, const std::string& id) {
  std::vector<size_t> by_source;
  for (size_t i = 0; i < lists.entities.size(); ++i) {
    if (lists.entities[i].id == id) return i;
    if (lists.entities[i].source_id == id) by_source.push_back(i);
  }
  if (by_source.size() == 1) return by_source[0];
  if (by_source.empty()) return MakeError(fmt::format("no record '{}' in the lists loaded", id));
  std::string ids;
  for (size_t i : by_source) ids += (ids.empty() ? "" : ", ") + lists.entities[i].id;
  return MakeError(
      fmt::format("'{}' is the key of several records ({}): give the entity id", id, ids));
}

// What `show` reports about one record.
struct View {
  const ListSet& lists;
  size_t entity = 0;
  std::vector<size_t> members;  // the record first, then its cluster
  std::vector<xref::Link> links;
  std::vector<xref::Ambiguity> ambiguous;
  // One per other list without a counterpart: (dataset, why).
  std::vector<std::pair<std::string, xref::Unlinked>> unlinked;
};

void AddCluster(const xref::XrefResult& result, View& view) {
  view.members = {view.entity};
  for (const xref::Cluster& c : result.clusters) {
    if (std::find(c.members.begin(), c.members.end(), view.entity) == c.members.end()) continue;
    for (size_t m : c.members) {
      if (m != view.entity) view.members.push_back(m);
    }
    for (size_t l : c.links) view.links.push_back(result.links[l]);
  }
}

// The cases other records could not settle that name this one, and this
// one's own on lists where it has a counterpart all the same (on the others,
// "no counterpart" says why).
void AddAmbiguous(const xref::XrefResult& result, View& view) {
  std::set<std::string_view> covered;
  for (size_t m : view.members) covered.insert(view.lists.entities[m].dataset);
  for (const xref::Ambiguity& a : result.ambiguous) {
    bool candidate =
        std::find(a.candidates.begin(), a.candidates.end(), view.entity) != a.candidates.end();
    bool own = a.entity == view.entity && covered.count(a.other_dataset);
    if (candidate || own) view.ambiguous.push_back(a);
  }
}

void AddUnlinked(const xref::XrefResult& result, const xref::XrefOptions& options, View& view) {
  const Entity& e = view.lists.entities[view.entity];
  std::set<std::string> covered, datasets;
  for (size_t m : view.members) covered.insert(view.lists.entities[m].dataset);
  for (const Entity& other : view.lists.entities) datasets.insert(other.dataset);
  for (const std::string& d : datasets) {
    if (covered.count(d)) continue;
    for (xref::Unlinked& u :
         xref::ExplainUnlinked(view.lists, result, e.dataset, d, e.source_id, options)) {
      if (u.entity == view.entity) view.unlinked.emplace_back(d, std::move(u));
    }
  }
}

std::string JoinText(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void WriteDetails(const Entity& e, std::ostream& out) {
  out << fmt::format("{}  {} on {}\n", e.id, SchemaName(e.schema), e.dataset);
  auto line = [&out](std::string_view label, const std::string& value) {
    if (!value.empty()) out << fmt::format("  {:<13}{}\n", label, value);
  };
  std::vector<std::string> dates, ids;
  for (const DateSpec& d : e.birth_dates) dates.push_back(d.ToString());
  for (const Identifier& id : e.identifiers) {
    ids.push_back(fmt::format("{} {}{}", IdTypeName(id.type), id.value,
                              id.country.empty() ? "" : " (" + id.country + ")"));
  }
  line("names", NamesLine(e));
  line("birth dates", JoinText(dates));
  line("nationality", JoinText(e.nationalities));
  line("identifiers", JoinText(ids));
  line("programmes", JoinText(e.programs));
  line("listed on", e.listed_on);
}

// Terminal columns a UTF-8 string takes: East Asian wide letters (Hangul,
// kana, CJK ideographs) take two.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = lead < 0x80 ? lead : lead & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFF00 && cp <= 0xFF60);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

// The cluster's names in columns, one column per record.
void WriteSideBySide(const View& view, std::ostream& out) {
  std::vector<std::vector<std::string>> columns;
  size_t rows = 0;
  for (size_t m : view.members) {
    const Entity& e = view.lists.entities[m];
    std::vector<std::string> column{e.id};
    for (const Name& n : e.names) column.push_back(n.value);
    rows = std::max(rows, column.size());
    columns.push_back(std::move(column));
  }
  std::vector<size_t> widths;
  for (const auto& column : columns) {
    size_t w = 0;
    for (const std::string& s : column) w = std::max(w, DisplayWidth(s));
    widths.push_back(w);
  }
  for (size_t r = 0; r < rows; ++r) {
    std::string row;
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::string& cell = r < columns[c].size() ? columns[c][r] : "";
      row += (c == 0 ? "  " : " | ") + cell;
      row.append(widths[c] - DisplayWidth(cell), ' ');
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out << row << '\n';
  }
}

void WriteText(const View& view, std::ostream& out) {
  const ListSet& lists = view.lists;
  WriteDetails(lists.entities[view.entity], out);
  if (view.members.size() > 1) {
    out << fmt::format("\nthe same party on other lists ({} records)\n", view.members.size() - 1);
    WriteSideBySide(view, out);
    out << "\nevidence\n";
    for (const xref::Link& link : view.links) {
      out << fmt::format("  {} ~ {}: {} {:.2f}\n", lists.entities[link.a].id,
                         lists.entities[link.b].id, xref::LinkMethodName(link.method),
                         link.confidence);
      for (const std::string& ev : link.evidence) out << "    " << ev << '\n';
    }
  }
  if (!view.ambiguous.empty()) out << "\nambiguous\n";
  for (const xref::Ambiguity& a : view.ambiguous) {
    out << fmt::format("  {} on {}: {}\n", lists.entities[a.entity].id, a.other_dataset, a.why);
  }
  if (!view.unlinked.empty()) out << "\nno counterpart\n";
  for (const auto& [dataset, u] : view.unlinked) {
    out << fmt::format("  on {}: {}: {}\n", dataset, xref::UnlinkedReasonName(u.reason), u.why);
  }
}

void WriteJson(const View& view, std::ostream& out) {
  json doc = {{"entity", EntityToJson(view.lists.entities[view.entity])},
              {"counterparts", json::array()},
              {"links", json::array()},
              {"ambiguous", json::array()},
              {"unlinked", json::array()}};
  for (size_t i = 1; i < view.members.size(); ++i) {
    json member = MemberJson(view.lists.entities[view.members[i]]);
    member["names"] = json::array();
    for (const Name& n : view.lists.entities[view.members[i]].names)
      member["names"].push_back(n.value);
    doc["counterparts"].push_back(std::move(member));
  }
  for (const auto& link : view.links) doc["links"].push_back(LinkJson(view.lists, link));
  for (const auto& a : view.ambiguous) doc["ambiguous"].push_back(AmbiguityJson(view.lists, a));
  for (const auto& [dataset, u] : view.unlinked) {
    json entry = UnlinkedJson(view.lists, u);
    entry["other_dataset"] = dataset;
    doc["unlinked"].push_back(std::move(entry));
  }
  out << doc.dump(1) << '\n';
}

}  // namespace

int RunShow(const ShowArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format != "text" && args.format != "json") {
    err << "embargo show: unknown --format '" << args.format << "' (text or json)\n";
    return 2;
  }
  auto lists = OpenListSet(args.source);
  if (!lists.ok()) {
    err << "embargo show: " << lists.error().ToString() << '\n';
    return 1;
  }
  auto entity = FindRecord(*lists, args.id);
  if (!entity.ok()) {
    err << "embargo show: " << entity.error().ToString() << '\n';
    return 1;
  }
  xref::XrefOptions options;
  options.name_threshold = args.name_threshold;
  options.threads = args.threads;
  xref::XrefResult result = xref::LinkLists(*lists, options);
  View view{*lists, *entity};
  AddCluster(result, view);
  AddAmbiguous(result, view);
  AddUnlinked(result, options, view);
  if (args.format == "json") {
    WriteJson(view, out);
  } else {
    WriteText(view, out);
  }
  return 0;
}

}  // namespace embargo::cli
