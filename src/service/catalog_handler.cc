#include "service/catalog_handler.h"

#include <algorithm>
#include <map>

#include "service/ftm_graph.h"
#include "service/manifest.h"

namespace embargo::service {
namespace {

bool IsBuiltInCollection(const std::string& name) {
  for (const char* c : kCollections) {
    if (name == c) return true;
  }
  return false;
}

// The built-in collections, then the manifest's others.
std::vector<std::string> CollectionsOffered(const ServingSnapshot& snapshot) {
  std::vector<std::string> out(std::begin(kCollections), std::end(kCollections));
  if (snapshot.manifest == nullptr) return out;
  for (const ManifestDataset& m : snapshot.manifest->datasets) {
    if (m.collection() && !IsBuiltInCollection(m.name)) out.push_back(m.name);
  }
  return out;
}

const std::map<std::string, std::string>& KnownTitles() {
  static const std::map<std::string, std::string> titles = {
      {"default", "Default collection (all loaded lists)"},
      {"sanctions", "Sanctions collection (entities listed for sanctions)"},
      {"us_ofac_sdn", "US OFAC Specially Designated Nationals (SDN) List"},
      {"us_ofac_cons", "US OFAC Consolidated (non-SDN) List"},
      {"un_sc_sanctions", "UN Security Council Consolidated Sanctions List"},
      {"us_trade_csl", "US Trade Consolidated Screening List (CSL)"},
      {"us_bis_dpl", "US BIS Denied Persons List"},
      {"us_bis_denied", "US BIS Denied Persons List"},
      {"eu_fsf", "EU Financial Sanctions Files (FSF)"},
      {"gb_fcdo_sanctions", "UK FCDO Sanctions List"},
      {"gb_hmt_sanctions", "UK HM Treasury (OFSI) Consolidated List"},
      {"au_dfat_sanctions", "Australia DFAT Consolidated List"},
  };
  return titles;
}

// The collections that hold `name`: the built-in ones (every dataset) and
// the manifest's that list it.
nlohmann::json CollectionNames(const ServingSnapshot& snapshot, const std::string& name) {
  nlohmann::json names = nlohmann::json::array();
  for (const char* c : kCollections) names.push_back(c);
  if (snapshot.manifest == nullptr) return names;
  for (const ManifestDataset& m : snapshot.manifest->datasets) {
    if (!m.collection() || IsBuiltInCollection(m.name)) continue;
    std::vector<std::string> leaves = snapshot.manifest->Leaves(m.name);
    if (std::find(leaves.begin(), leaves.end(), name) != leaves.end()) names.push_back(m.name);
  }
  return names;
}

// The manifest's entry for `name`, or nullptr.
const ManifestDataset* InManifest(const ServingSnapshot& snapshot, const std::string& name) {
  return snapshot.manifest != nullptr ? snapshot.manifest->Find(name) : nullptr;
}

std::string Title(const ServingSnapshot& snapshot, const std::string& name) {
  const ManifestDataset* m = InManifest(snapshot, name);
  return m != nullptr && !m->title.empty() ? m->title : DatasetTitle(name);
}

nlohmann::json DatasetEntry(const ServingSnapshot& snapshot, const Dataset& d) {
  std::string index_version = snapshot.version;
  std::string version = d.version_date.empty() ? index_version : d.version_date;
  if (const ManifestDataset* m = InManifest(snapshot, d.name); m && !m->version.empty())
    version = index_version = m->version;  // yente: the manifest's version is what is indexed
  return {{"name", d.name},
          {"title", Title(snapshot, d.name)},
          {"type", "source"},
          {"version", version},
          {"index_version", index_version},
          {"index_current", true},
          {"load", true},
          {"entity_count", d.entity_count},
          {"name_count", d.name_count},
          {"format", d.format},
          {"collections", CollectionNames(snapshot, d.name)}};
}

nlohmann::json CollectionEntry(const ServingSnapshot& snapshot, const std::string& name) {
  const ListSet& lists = snapshot.screener->lists();
  const std::string& index_version = snapshot.version;
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, name);
  nlohmann::json children = nlohmann::json::array();
  size_t entities = 0, names = 0;
  for (const Dataset& d : lists.datasets) {
    if (std::find(scope.begin(), scope.end(), d.name) == scope.end()) continue;
    children.push_back(d.name);
    entities += d.entity_count;
    names += d.name_count;
  }
  return {{"name", name},
          {"title", Title(snapshot, name)},
          {"type", "collection"},
          {"version", index_version},
          {"index_version", index_version},
          {"index_current", true},
          {"load", true},
          {"entity_count", entities},
          {"name_count", names},
          {"children", children}};
}

// The datasets FtM records name that were not loaded as files of their own
// (an OpenSanctions export's us_ofac_sdn, gb_fcdo_sanctions, ...).
std::vector<Dataset> SourceDatasets(const ServingSnapshot& snapshot) {
  std::vector<Dataset> out;
  if (snapshot.ftm_graph == nullptr) return out;
  const ListSet& lists = snapshot.screener->lists();
  for (const auto& [name, count] : snapshot.ftm_graph->source_datasets()) {
    const std::string& source = name;  // a structured binding cannot be captured (clang)
    bool loaded = std::any_of(lists.datasets.begin(), lists.datasets.end(),
                              [&source](const Dataset& d) { return d.name == source; });
    if (!loaded) out.push_back({name, "ftm", "", "", count, 0});
  }
  return out;
}

}  // namespace

Response HandleCatalog(const ServingSnapshot& snapshot, std::string_view if_none_match) {
  std::string etag = "\"" + snapshot.version + "\"";
  std::vector<std::pair<std::string, std::string>> headers = {
      {"ETag", etag}, {"Cache-Control", "public, max-age=300"}};
  if (IfNoneMatchHits(if_none_match, etag)) {
    Response unchanged;
    unchanged.status = 304;
    unchanged.headers = std::move(headers);
    return unchanged;
  }
  const ListSet& lists = snapshot.screener->lists();
  nlohmann::json datasets = nlohmann::json::array();
  nlohmann::json current = nlohmann::json::array();
  for (const Dataset& d : lists.datasets) {
    datasets.push_back(DatasetEntry(snapshot, d));
    current.push_back(d.name);
  }
  for (const Dataset& d : SourceDatasets(snapshot)) {
    datasets.push_back(DatasetEntry(snapshot, d));
    current.push_back(d.name);
  }
  for (const std::string& name : CollectionsOffered(snapshot)) {
    datasets.push_back(CollectionEntry(snapshot, name));
    current.push_back(name);
  }
  Response r;
  r.body = {{"datasets", datasets},
            {"current", current},
            {"outdated", nlohmann::json::array()},
            {"index_stale", false}};
  r.headers = std::move(headers);
  return r;
}

std::vector<std::string> ResolveDatasetScope(const ServingSnapshot& snapshot,
                                             const std::string& name) {
  const ListSet& lists = snapshot.screener->lists();
  if (const ManifestDataset* m = InManifest(snapshot, name); m && m->collection()) {
    return snapshot.manifest->Leaves(name);
  }
  bool collection = IsBuiltInCollection(name);
  std::vector<std::string> scope;
  for (const Dataset& d : lists.datasets) {
    if (collection || d.name == name) scope.push_back(d.name);
  }
  if (scope.empty() && snapshot.ftm_graph != nullptr &&
      snapshot.ftm_graph->source_datasets().count(name) > 0) {
    scope.push_back(name);
  }
  return scope;
}

Response HandleManifest(const ServingSnapshot& snapshot) {
  Response r;
  if (snapshot.manifest != nullptr) {
    r.body = snapshot.manifest->ToJson();
    return r;
  }
  // Without one, the manifest that would load what is served.
  nlohmann::json datasets = nlohmann::json::array();
  for (const Dataset& d : snapshot.screener->lists().datasets) {
    datasets.push_back({{"name", d.name}, {"title", DatasetTitle(d.name)}, {"load", true}});
  }
  r.body = {{"catalogs", nlohmann::json::array()}, {"datasets", std::move(datasets)}};
  return r;
}

Response UnknownDataset(const std::string& name) {
  return ErrorResponse(404, "Unknown dataset: " + name);
}

std::string DatasetTitle(const std::string& name) {
  auto it = KnownTitles().find(name);
  return it == KnownTitles().end() ? name : it->second;
}

}  // namespace embargo::service
