#include "service/ftm_graph.h"

#include <algorithm>

#include "model/ftm_schema.h"
#include "service/ftm_output.h"

namespace embargo::service {
namespace {

bool OnPath(const std::vector<std::string_view>& path, std::string_view id) {
  return std::find(path.begin(), path.end(), id) != path.end();
}

}  // namespace

FtmGraph::FtmGraph(const ListSet& lists) {
  std::vector<const FtmRecord*> all;
  for (const Entity& e : lists.entities) {
    if (e.ftm == nullptr) continue;
    all.push_back(e.ftm.get());
    for (const std::string& d : e.ftm->datasets) ++source_datasets_[d];
  }
  for (const auto& record : lists.records) all.push_back(record.get());
  for (const FtmRecord* record : all) {
    by_id_.emplace(record->id, record);
    for (const std::string& referent : record->referents) {
      if (referent != record->id) canonical_.emplace(referent, record->id);
    }
  }
  for (const FtmRecord* record : all) {
    for (const FtmProperty& p : record->properties) {
      std::string_view reverse = FtmReverseProperty(record->schema, p.name);
      if (reverse.empty()) continue;
      for (const std::string& target : p.values) {
        if (by_id_.count(target) > 0) inverted_[target].push_back({reverse, record});
      }
    }
  }
}

const FtmRecord* FtmGraph::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::string_view FtmGraph::CanonicalOf(std::string_view id) const {
  auto it = canonical_.find(id);
  return it == canonical_.end() || by_id_.count(id) > 0 ? std::string_view() : it->second;
}

FtmGraph::Set FtmGraph::Neighbourhood(const FtmRecord& root) const {
  Set loaded{{root.id, &root}};
  std::vector<const FtmRecord*> around;
  if (auto it = inverted_.find(root.id); it != inverted_.end()) {
    for (const Pointer& p : it->second) around.push_back(p.from);
  }
  for (const FtmProperty& p : root.properties) {
    if (FtmReverseProperty(root.schema, p.name).empty()) continue;
    for (const std::string& id : p.values) {
      if (const FtmRecord* r = Find(id)) around.push_back(r);
    }
  }
  for (const FtmRecord* r : around) {
    loaded.emplace(r->id, r);
    if (!IsFtmEdgeSchema(r->schema)) continue;
    for (const FtmProperty& p : r->properties) {
      if (FtmReverseProperty(r->schema, p.name).empty()) continue;
      for (const std::string& id : p.values) {
        if (const FtmRecord* far = Find(id)) loaded.emplace(far->id, far);
      }
    }
  }
  return loaded;
}

nlohmann::json FtmGraph::Nest(const FtmRecord& record, const Set& loaded,
                              std::vector<std::string_view>& path,
                              std::string_view loaded_as) const {
  nlohmann::json out = RecordToFtm(record, loaded_as);
  nlohmann::json& props = out["properties"];
  bool reverse = path.size() <= 1;  // records pointing here: only near the root
  path.push_back(record.id);
  if (auto it = inverted_.find(record.id); reverse && it != inverted_.end()) {
    for (const Pointer& p : it->second) {
      if (OnPath(path, p.from->id) || loaded.count(p.from->id) == 0) continue;
      props[std::string(p.property)].push_back(Nest(*p.from, loaded, path));
    }
  }
  for (const FtmProperty& p : record.properties) {
    if (FtmReverseProperty(record.schema, p.name).empty()) continue;
    nlohmann::json values = nlohmann::json::array();
    for (const std::string& id : p.values) {
      auto it = OnPath(path, id) ? loaded.end() : loaded.find(id);
      if (it != loaded.end()) {
        values.push_back(Nest(*it->second, loaded, path));
      } else {
        values.push_back(id);
      }
    }
    props[p.name] = std::move(values);
  }
  path.pop_back();
  return out;
}

nlohmann::json FtmGraph::Nested(const FtmRecord& root, std::string_view loaded_as) const {
  std::vector<std::string_view> path;
  return Nest(root, Neighbourhood(root), path, loaded_as);
}

std::vector<std::pair<std::string, std::vector<nlohmann::json>>> FtmGraph::Adjacent(
    const FtmRecord& root) const {
  nlohmann::json nested = Nested(root);
  std::vector<std::pair<std::string, std::vector<nlohmann::json>>> out;
  for (auto& [name, values] : nested["properties"].items()) {
    std::vector<nlohmann::json> records;
    for (nlohmann::json& v : values) {
      if (v.is_object()) records.push_back(std::move(v));
    }
    if (!records.empty()) out.emplace_back(name, std::move(records));
  }
  return out;
}

}  // namespace embargo::service
