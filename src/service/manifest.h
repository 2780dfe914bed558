// yente's manifest (serve --manifest FILE): the YAML file that names the
// datasets a service loads and the collections it offers. Each dataset has
// a name (what /match/{dataset} and an entity's "datasets" call it,
// whatever its records say), a title, a path (a list file or folder,
// relative to the manifest's folder), a version (the catalog's version and
// index_version), load (false: named but not loaded); a dataset with
// `children` (or `datasets`) is a collection of those. Remote sources
// (`catalogs`, a dataset's `url`) need a download embargo does not make:
// they are errors naming the line, as is any malformed entry.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "embargo/status.h"

namespace embargo::service {

struct ManifestDataset {
  std::string name;
  std::string title;    // "" = none given
  std::string path;     // resolved against the manifest's folder; "" for a collection
  std::string version;  // "" = the list's own date
  bool load = true;
  std::vector<std::string> children;  // a collection's datasets

  bool collection() const { return !children.empty(); }
};

struct Manifest {
  std::string file;
  std::vector<ManifestDataset> datasets;

  // The entry named `name`, or nullptr.
  const ManifestDataset* Find(const std::string& name) const;
  // The datasets (not collections) `name` stands for: a dataset itself, a
  // collection's children recursively; empty when unknown.
  std::vector<std::string> Leaves(const std::string& name) const;
  // The files to load: each loaded dataset's path.
  std::vector<std::string> Paths() const;
  // GET /manifest: {"datasets": [{name, title, version, load, children}]},
  // without server paths.
  nlohmann::json ToJson() const;
};

Result<Manifest> LoadManifest(const std::string& path);

}  // namespace embargo::service
