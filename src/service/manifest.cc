#include "service/manifest.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "common/file.h"

namespace embargo::service {
namespace {

int Line(const YAML::Node& node) { return node.Mark().line + 1; }

Result<std::string> Scalar(const std::string& file, const YAML::Node& entry, const char* key) {
  YAML::Node value = entry[key];
  if (!value || value.IsNull()) return std::string();
  if (!value.IsScalar()) {
    return MakeError(file, Line(value), fmt::format("'{}' must be a single value", key));
  }
  return value.Scalar();
}

Result<ManifestDataset> ReadDataset(const std::string& file, const std::filesystem::path& folder,
                                    const YAML::Node& entry) {
  if (!entry.IsMap()) return MakeError(file, Line(entry), "a dataset must be a mapping");
  ManifestDataset d;
  Result<std::string> name = Scalar(file, entry, "name");
  if (!name.ok()) return name.error();
  if (name->empty()) return MakeError(file, Line(entry), "a dataset without a name");
  d.name = *name;
  for (auto [key, field] : {std::pair{"title", &ManifestDataset::title},
                            std::pair{"version", &ManifestDataset::version},
                            std::pair{"path", &ManifestDataset::path}}) {
    Result<std::string> value = Scalar(file, entry, key);
    if (!value.ok()) return value.error();
    d.*field = *value;
  }
  if (entry["url"] || entry["entities_url"]) {
    return MakeError(file, Line(entry),
                     fmt::format("dataset '{}': a url is not fetched; download the file and give "
                                 "its path",
                                 d.name));
  }
  if (YAML::Node load = entry["load"]; load && !load.IsNull()) {
    std::string text = load.IsScalar() ? load.Scalar() : "";
    if (text != "true" && text != "false") {
      return MakeError(file, Line(load),
                       fmt::format("dataset '{}': load must be true or false", d.name));
    }
    d.load = text == "true";
  }
  for (const char* key : {"children", "datasets"}) {
    YAML::Node children = entry[key];
    if (!children || children.IsNull()) continue;
    if (!children.IsSequence()) {
      return MakeError(file, Line(children),
                       fmt::format("dataset '{}': {} must be a list of names", d.name, key));
    }
    for (const YAML::Node& child : children) {
      if (!child.IsScalar()) {
        return MakeError(file, Line(child),
                         fmt::format("dataset '{}': a child must be a name", d.name));
      }
      d.children.push_back(child.Scalar());
    }
  }
  if (d.collection() == !d.path.empty()) {
    return MakeError(file, Line(entry),
                     fmt::format("dataset '{}': give either a path (a list) or children (a "
                                 "collection)",
                                 d.name));
  }
  if (!d.path.empty() && std::filesystem::path(d.path).is_relative()) {
    d.path = (folder / d.path).lexically_normal().string();
  }
  return d;
}

Status CheckNames(const Manifest& m) {
  std::set<std::string> names;
  for (const ManifestDataset& d : m.datasets) {
    if (!names.insert(d.name).second) {
      return MakeError(m.file, 0, fmt::format("dataset '{}' is named twice", d.name));
    }
  }
  for (const ManifestDataset& d : m.datasets) {
    for (const std::string& child : d.children) {
      if (names.count(child) == 0) {
        return MakeError(
            m.file, 0, fmt::format("collection '{}' names an unknown dataset '{}'", d.name, child));
      }
    }
  }
  return Status::Ok();
}

void AddLeaves(const Manifest& m, const std::string& name, std::set<std::string>& seen,
               std::vector<std::string>& out) {
  const ManifestDataset* d = m.Find(name);
  if (d == nullptr || !seen.insert(name).second) return;  // a cycle ends here
  if (!d->collection()) {
    if (d->load) out.push_back(d->name);
    return;
  }
  for (const std::string& child : d->children) AddLeaves(m, child, seen, out);
}

}  // namespace

const ManifestDataset* Manifest::Find(const std::string& name) const {
  for (const ManifestDataset& d : datasets) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::vector<std::string> Manifest::Leaves(const std::string& name) const {
  std::set<std::string> seen;
  std::vector<std::string> out;
  AddLeaves(*this, name, seen, out);
  return out;
}

std::vector<std::string> Manifest::Paths() const {
  std::vector<std::string> out;
  for (const ManifestDataset& d : datasets) {
    if (!d.collection() && d.load) out.push_back(d.path);
  }
  return out;
}

nlohmann::json Manifest::ToJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const ManifestDataset& d : datasets) {
    nlohmann::json entry = {{"name", d.name}, {"load", d.load}};
    if (!d.title.empty()) entry["title"] = d.title;
    if (!d.version.empty()) entry["version"] = d.version;
    if (d.collection()) entry["children"] = d.children;
    list.push_back(std::move(entry));
  }
  return {{"catalogs", nlohmann::json::array()}, {"datasets", std::move(list)}};
}

Result<Manifest> LoadManifest(const std::string& path) {
  Result<std::string> text = ReadFileBytes(path);
  if (!text.ok()) return text.error();
  Manifest m;
  m.file = path;
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return MakeError(path, e.mark.line + 1, "invalid YAML: " + e.msg);
  }
  if (!root.IsMap()) return MakeError(path, 1, "a manifest is a mapping with a 'datasets' list");
  if (YAML::Node catalogs = root["catalogs"];
      catalogs && catalogs.IsSequence() && catalogs.size()) {
    return MakeError(path, Line(catalogs),
                     "catalogs (remote OpenSanctions catalogs) are not fetched: list each dataset "
                     "with the path of its downloaded file");
  }
  YAML::Node datasets = root["datasets"];
  if (!datasets || !datasets.IsSequence() || datasets.size() == 0) {
    return MakeError(path, 1, "a manifest needs a non-empty 'datasets' list");
  }
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (const YAML::Node& entry : datasets) {
    Result<ManifestDataset> d = ReadDataset(path, folder, entry);
    if (!d.ok()) return d.error();
    m.datasets.push_back(std::move(*d));
  }
  EMBARGO_RETURN_IF_ERROR(CheckNames(m));
  if (m.Paths().empty())
    return MakeError(path, 1, "no dataset to load (every one has load: false)");
  return m;
}

}  // namespace embargo::service
