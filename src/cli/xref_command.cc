#include "cli/xref_command.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "cli/output_file.h"
#include "common/csv.h"
#include "common/json_text.h"
#include "xref/xref_json.h"

namespace embargo::cli {
namespace {

using nlohmann::json;
using xref::AmbiguityJson;
using xref::ClusterJson;
using xref::LinkJson;
using xref::NamesLine;
using xref::UnlinkedJson;

std::string JoinLines(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string PairName(const ListSet& lists, const xref::Link& link) {
  std::string a = lists.entities[link.a].dataset, b = lists.entities[link.b].dataset;
  return a < b ? a + " ~ " + b : b + " ~ " + a;
}

json CountsJson(const ListSet& lists, const xref::XrefResult& r) {
  size_t by_identifier = 0, clustered = 0;
  json pairs = json::object();
  for (const xref::Link& link : r.links) {
    if (link.method == xref::LinkMethod::kIdentifier) ++by_identifier;
    json& pair = pairs[PairName(lists, link)];
    if (pair.is_null()) pair = {{"identifier", 0}, {"name", 0}};
    pair[std::string(xref::LinkMethodName(link.method))] =
        pair[std::string(xref::LinkMethodName(link.method))].get<int>() + 1;
  }
  for (const xref::Cluster& c : r.clusters) clustered += c.members.size();
  return {{"entities", lists.entities.size()},    {"links", r.links.size()},
          {"links_by_identifier", by_identifier}, {"links_by_name", r.links.size() - by_identifier},
          {"clusters", r.clusters.size()},        {"clustered_entities", clustered},
          {"ambiguous", r.ambiguous.size()},      {"by_dataset_pair", pairs}};
}

}  // namespace

namespace {

struct Report {
  const ListSet& lists;
  const xref::XrefResult& result;
  const std::vector<xref::Unlinked>* unlinked;  // null when not asked for
};

void WriteJson(const Report& r, std::ostream& out) {
  json doc = {{"counts", CountsJson(r.lists, r.result)},
              {"links", json::array()},
              {"clusters", json::array()},
              {"ambiguous", json::array()}};
  for (const auto& link : r.result.links) doc["links"].push_back(LinkJson(r.lists, link));
  for (const auto& c : r.result.clusters) doc["clusters"].push_back(ClusterJson(r.lists, c));
  for (const auto& a : r.result.ambiguous) doc["ambiguous"].push_back(AmbiguityJson(r.lists, a));
  if (r.unlinked) {
    doc["unlinked"] = json::array();
    for (const auto& u : *r.unlinked) doc["unlinked"].push_back(UnlinkedJson(r.lists, u));
  }
  out << JsonText(doc, 1) << '\n';
}

// One row per link, with the number of the cluster it belongs to.
void WriteCsv(const Report& r, std::ostream& out) {
  out << "cluster,a_id,a_dataset,a_name,b_id,b_dataset,b_name,method,confidence,evidence\n";
  for (size_t c = 0; c < r.result.clusters.size(); ++c) {
    for (size_t l : r.result.clusters[c].links) {
      const xref::Link& link = r.result.links[l];
      const Entity& a = r.lists.entities[link.a];
      const Entity& b = r.lists.entities[link.b];
      out << fmt::format("{},{},{},{},{},{},{},{},{:.3f},{}\n", c + 1, SpreadsheetCsvField(a.id),
                         SpreadsheetCsvField(a.dataset), SpreadsheetCsvField(a.caption()),
                         SpreadsheetCsvField(b.id), SpreadsheetCsvField(b.dataset),
                         SpreadsheetCsvField(b.caption()), xref::LinkMethodName(link.method),
                         link.confidence, SpreadsheetCsvField(JoinLines(link.evidence, "; ")));
    }
  }
}

void WriteTextCounts(const Report& r, std::ostream& out) {
  json counts = CountsJson(r.lists, r.result);
  out << fmt::format(
      "{} records; {} links ({} by identifier, {} by name) in {} clusters of {} records; {} "
      "ambiguous\n",
      counts["entities"].get<size_t>(), counts["links"].get<size_t>(),
      counts["links_by_identifier"].get<size_t>(), counts["links_by_name"].get<size_t>(),
      counts["clusters"].get<size_t>(), counts["clustered_entities"].get<size_t>(),
      counts["ambiguous"].get<size_t>());
  for (const auto& [pair, n] : counts["by_dataset_pair"].items()) {
    out << fmt::format("  {}: {} by identifier, {} by name\n", pair, n["identifier"].get<int>(),
                       n["name"].get<int>());
  }
}

void WriteTextCluster(const Report& r, size_t index, std::ostream& out) {
  const xref::Cluster& c = r.result.clusters[index];
  out << fmt::format("\ncluster {} ({} records)\n", index + 1, c.members.size());
  for (size_t m : c.members) {
    const Entity& e = r.lists.entities[m];
    out << fmt::format("  {:<32} {}\n", e.id, NamesLine(e));
  }
  for (size_t l : c.links) {
    const xref::Link& link = r.result.links[l];
    out << fmt::format("  - {} ~ {}: {} {:.2f}: {}\n", r.lists.entities[link.a].id,
                       r.lists.entities[link.b].id, xref::LinkMethodName(link.method),
                       link.confidence, JoinLines(link.evidence, "; "));
  }
}

void WriteTextUnlinked(const Report& r, std::ostream& out) {
  out << fmt::format("\n{} records without a counterpart\n", r.unlinked->size());
  for (const xref::Unlinked& u : *r.unlinked) {
    const Entity& e = r.lists.entities[u.entity];
    out << fmt::format("  {} '{}': {}: {}\n", e.id, e.caption(), xref::UnlinkedReasonName(u.reason),
                       u.why);
  }
}

void WriteText(const Report& r, std::ostream& out) {
  WriteTextCounts(r, out);
  for (size_t c = 0; c < r.result.clusters.size(); ++c) WriteTextCluster(r, c, out);
  if (!r.result.ambiguous.empty()) out << "\nambiguous\n";
  for (const xref::Ambiguity& a : r.result.ambiguous) {
    out << fmt::format("  {} on {}: {}\n", r.lists.entities[a.entity].id, a.other_dataset, a.why);
  }
  if (r.unlinked) WriteTextUnlinked(r, out);
}

bool HasDataset(const ListSet& lists, const std::string& name) {
  for (const Entity& e : lists.entities) {
    if (e.dataset == name) return true;
  }
  return false;
}

// Checks the arguments that do not need the lists; "" when fine.
std::string UsageError(const XrefArgs& args) {
  if (args.format != "json" && args.format != "csv" && args.format != "text")
    return fmt::format("unknown --format '{}' (json, csv or text)", args.format);
  if (args.method != "both" && args.method != "identifier" && args.method != "name")
    return fmt::format("unknown --method '{}' (both, identifier or name)", args.method);
  if (args.unlinked_from.empty() != args.unlinked_to.empty())
    return "--unlinked-from and --to go together";
  if (!args.unlinked_from.empty() && args.unlinked_from == args.unlinked_to)
    return "--unlinked-from and --to name the same dataset";
  if (args.name_threshold <= 0 || args.name_threshold > 1)
    return "--name-threshold must be in (0, 1]";
  return "";
}

int Write(const XrefArgs& args, const Report& report, std::ostream& out, std::ostream& err) {
  return WriteOutput("xref", args.out, out, err, [&](std::ostream& sink) {
    if (args.format == "json") WriteJson(report, sink);
    if (args.format == "csv") WriteCsv(report, sink);
    if (args.format == "text") WriteText(report, sink);
  });
}

}  // namespace

Result<ListSet> OpenListSet(const ListSource& source) {
  if (!source.lists.empty() && source.index.empty() && source.store.empty() &&
      source.as_of.empty()) {
    return LoadLists(source.lists, ListLoadOptions(source));
  }
  auto screener = OpenScreener(source);
  if (!screener.ok()) return screener.error();
  return (*screener)->lists();
}

int RunXref(const XrefArgs& args, std::ostream& out, std::ostream& err) {
  if (std::string usage = UsageError(args); !usage.empty()) {
    err << "embargo xref: " << usage << '\n';
    return 2;
  }
  auto lists = OpenListSet(args.source);
  if (!lists.ok()) {
    err << "embargo xref: " << lists.error().ToString() << '\n';
    return 1;
  }
  for (const std::string& d : {args.unlinked_from, args.unlinked_to}) {
    if (!d.empty() && !HasDataset(*lists, d)) {
      err << "embargo xref: no dataset '" << d << "' in the lists loaded\n";
      return 1;
    }
  }
  auto start = std::chrono::steady_clock::now();
  xref::XrefOptions options;
  options.name_threshold = args.name_threshold;
  options.threads = args.threads;
  options.use_identifiers = args.method != "name";
  options.use_names = args.method != "identifier";
  xref::XrefResult result = xref::LinkLists(*lists, options);
  std::vector<xref::Unlinked> unlinked;
  if (!args.unlinked_from.empty()) {
    unlinked = xref::ExplainUnlinked(*lists, result, args.unlinked_from, args.unlinked_to,
                                     args.source_prefix, options);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  err << fmt::format("linked {} records in {:.1f} s\n", lists->entities.size(), seconds);
  Report report{*lists, result, args.unlinked_from.empty() ? nullptr : &unlinked};
  return Write(args, report, out, err);
}

}  // namespace embargo::cli
