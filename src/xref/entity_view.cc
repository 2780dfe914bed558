#include "xref/entity_view.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "xref/name_links.h"
#include "xref/xref_json.h"

namespace embargo::xref {
namespace {

using nlohmann::json;

void AddCluster(const XrefResult& result, EntityView& view) {
  view.members = {view.entity};
  for (const Cluster& c : result.clusters) {
    if (std::find(c.members.begin(), c.members.end(), view.entity) == c.members.end()) continue;
    for (size_t m : c.members) {
      if (m != view.entity) view.members.push_back(m);
    }
    for (size_t l : c.links) view.links.push_back(result.links[l]);
  }
}

std::set<std::string_view> CoveredDatasets(const ListSet& lists, const EntityView& view) {
  std::set<std::string_view> covered;
  for (size_t m : view.members) covered.insert(lists.entities[m].dataset);
  return covered;
}

void AddAmbiguous(const ListSet& lists, const XrefResult& result, EntityView& view) {
  std::set<std::string_view> covered = CoveredDatasets(lists, view);
  for (const Ambiguity& a : result.ambiguous) {
    bool candidate =
        std::find(a.candidates.begin(), a.candidates.end(), view.entity) != a.candidates.end();
    bool own = a.entity == view.entity && covered.count(a.other_dataset);
    if (candidate || own) view.ambiguous.push_back(a);
  }
}

void AddUnlinked(const ListSet& lists, const XrefResult& result, const NameLinker& linker,
                 const XrefOptions& options, EntityView& view) {
  std::set<std::string_view> covered = CoveredDatasets(lists, view), datasets;
  for (const Entity& other : lists.entities) datasets.insert(other.dataset);
  for (std::string_view d : datasets) {
    if (covered.count(d)) continue;
    view.unlinked.emplace_back(
        std::string(d),
        ExplainUnlinkedRecord(lists, result, linker, view.entity, d, options.name_threshold));
  }
}

}  // namespace

EntityView ViewEntity(const ListSet& lists, const XrefResult& result, const NameLinker& linker,
                      size_t entity, const XrefOptions& options) {
  EntityView view;
  view.entity = entity;
  AddCluster(result, view);
  AddAmbiguous(lists, result, view);
  AddUnlinked(lists, result, linker, options, view);
  return view;
}

json EntityViewToJson(const ListSet& lists, const EntityView& view) {
  json doc = {{"counterparts", json::array()},
              {"links", json::array()},
              {"ambiguous", json::array()},
              {"unlinked", json::array()}};
  for (size_t i = 1; i < view.members.size(); ++i) {
    const Entity& member = lists.entities[view.members[i]];
    json j = MemberJson(member);
    j["names"] = json::array();
    for (const Name& n : member.names) j["names"].push_back(n.value);
    doc["counterparts"].push_back(std::move(j));
  }
  for (const Link& link : view.links) doc["links"].push_back(LinkJson(lists, link));
  for (const Ambiguity& a : view.ambiguous) doc["ambiguous"].push_back(AmbiguityJson(lists, a));
  for (const auto& [dataset, u] : view.unlinked) {
    json entry = UnlinkedJson(lists, u);
    entry["other_dataset"] = dataset;
    doc["unlinked"].push_back(std::move(entry));
  }
  return doc;
}

}  // namespace embargo::xref
