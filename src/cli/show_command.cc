#include "cli/show_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "cli/text_columns.h"
#include "cli/xref_command.h"
#include "common/json_text.h"
#include "model/entity_json.h"
#include "xref/entity_view.h"
#include "xref/link_target.h"
#include "xref/name_links.h"
#include "xref/xref_json.h"

namespace embargo::cli {
namespace {

using nlohmann::json;
using xref::NamesLine;

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
  line("countries", JoinText(e.countries));  // a vessel's flags among them
  line("former flags", JoinText(e.former_flags));
  std::vector<std::string> vessel;
  if (!e.vessel->type.empty()) vessel.push_back(e.vessel->type);
  if (!e.vessel->tonnage.empty()) vessel.push_back("tonnage " + e.vessel->tonnage);
  if (!e.vessel->gross_tonnage.empty()) vessel.push_back("GRT " + e.vessel->gross_tonnage);
  if (!e.vessel->build_date.empty()) vessel.push_back("built " + e.vessel->build_date);
  line("vessel", JoinText(vessel));
  line("programmes", JoinText(e.programs));
  line("topics", JoinText(e.topics));  // when the source says (else a sanction)
  line("listed on", e.listed_on);
}

// One of the entity's relations (a vessel's owner, operator or manager;
// OFAC's "Linked To:"): the record it names and that party's records on the
// other lists.
struct Relation {
  const Link* link = nullptr;
  const Entity* target = nullptr;  // nullptr: not in the lists loaded
  std::vector<size_t> elsewhere;   // the target's cross-list cluster, the target left out
};

std::vector<Relation> RelationsOf(const ListSet& lists, const Entity& e,
                                  const xref::XrefResult& result) {
  std::vector<Relation> out;
  for (const Link& link : e.links) {
    Relation r{&link, xref::ResolveLink(lists, e, link), {}};
    if (r.target != nullptr) {
      size_t index = static_cast<size_t>(r.target - lists.entities.data());
      for (const xref::Cluster& c : result.clusters) {
        if (std::find(c.members.begin(), c.members.end(), index) == c.members.end()) continue;
        for (size_t m : c.members) {
          if (m != index) r.elsewhere.push_back(m);
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

// "KOREA ANSAN SHIPPING CO (gb_fcdo_sanctions-DPR0012, Organization on
// gb_fcdo_sanctions: DPRK)".
std::string Listing(const Entity& e) {
  return fmt::format("{} ({}, {} on {}{})", e.caption(), e.id, SchemaName(e.schema), e.dataset,
                     e.programs.empty() ? "" : ": " + JoinText(e.programs));
}

void WriteRelations(const ListSet& lists, const std::vector<Relation>& relations,
                    std::ostream& out) {
  if (relations.empty()) return;
  out << "\nrelations\n";
  for (const Relation& r : relations) {
    std::string relation = r.link->relation.empty() ? "related" : r.link->relation;
    if (r.target == nullptr) {
      std::string named = r.link->target_name.empty() ? r.link->target_id : r.link->target_name;
      out << fmt::format("  {}: {} (not in the lists loaded)\n", relation, named);
      continue;
    }
    out << fmt::format("  {}: {}\n", relation, Listing(*r.target));
    for (size_t m : r.elsewhere) out << fmt::format("    also {}\n", Listing(lists.entities[m]));
  }
}

json ListingJson(const Entity& e) {
  return {{"id", e.id},
          {"caption", e.caption()},
          {"schema", SchemaName(e.schema)},
          {"dataset", e.dataset},
          {"programs", e.programs}};
}

json RelationsJson(const ListSet& lists, const std::vector<Relation>& relations) {
  json out = json::array();
  for (const Relation& r : relations) {
    json also = json::array();
    for (size_t m : r.elsewhere) also.push_back(ListingJson(lists.entities[m]));
    out.push_back({{"relation", r.link->relation},
                   {"target_id", r.link->target_id},
                   {"target_name", r.link->target_name},
                   {"target", r.target != nullptr ? ListingJson(*r.target) : json(nullptr)},
                   {"also_listed", std::move(also)}});
  }
  return out;
}

// The cluster's names in columns, one column per record.
void WriteSideBySide(const ListSet& lists, const xref::EntityView& view, std::ostream& out) {
  std::vector<std::vector<std::string>> columns;
  size_t rows = 0;
  for (size_t m : view.members) {
    const Entity& e = lists.entities[m];
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

void WriteText(const ListSet& lists, const xref::EntityView& view,
               const std::vector<Relation>& relations, std::ostream& out) {
  WriteDetails(lists.entities[view.entity], out);
  WriteRelations(lists, relations, out);
  if (view.members.size() > 1) {
    out << fmt::format("\nthe same party on other lists ({} record{})\n", view.members.size() - 1,
                       view.members.size() == 2 ? "" : "s");
    WriteSideBySide(lists, view, out);
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

void WriteJson(const ListSet& lists, const xref::EntityView& view,
               const std::vector<Relation>& relations, std::ostream& out) {
  json doc = {{"entity", EntityToJson(lists.entities[view.entity])},
              {"relations", RelationsJson(lists, relations)}};
  doc.update(xref::EntityViewToJson(lists, view));
  out << JsonText(doc, 1) << '\n';
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
  xref::NameLinker linker(*lists, options);
  xref::EntityView view = xref::ViewEntity(*lists, result, linker, *entity, options);
  std::vector<Relation> relations = RelationsOf(*lists, lists->entities[*entity], result);
  if (args.format == "json") {
    WriteJson(*lists, view, relations, out);
  } else {
    WriteText(*lists, view, relations, out);
  }
  return 0;
}

}  // namespace embargo::cli
