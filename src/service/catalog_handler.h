// GET /catalog: the datasets a snapshot holds, in yente's catalog shape, plus
// the two collections yente clients address ("default" and "sanctions",
// both standing for every loaded dataset unless the manifest defines them)
// and the manifest's own collections. A manifest's titles and versions
// replace the lists' own. Also resolves the {dataset} path
// segment of /match and /search to the dataset names it covers. Pure
// functions over an immutable snapshot; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/http_types.h"

namespace embargo::service {

// The collections every snapshot offers; each stands for all loaded datasets.
inline constexpr const char* kCollections[] = {"default", "sanctions"};

// {"datasets": [{name, title, type, version, index_version, index_current,
// load, entity_count, name_count, format, collections|children}],
// "current": [names], "outdated": [], "index_stale": false}. No server file
// paths: the catalog is public and cacheable (admins find the paths in
// /readyz). Headers: a
// strong ETag (the snapshot version) and Cache-Control: public, max-age=300.
// When `if_none_match` (the request's If-None-Match) names that ETag: 304,
// the same headers, no body.
Response HandleCatalog(const ServingSnapshot& snapshot, std::string_view if_none_match = {});

// The dataset names `name` stands for: every loaded dataset for a
// collection, the dataset itself when loaded, empty when unknown.
std::vector<std::string> ResolveDatasetScope(const ServingSnapshot& snapshot,
                                             const std::string& name);

// GET /manifest: the manifest served from (service/manifest.h), or, without
// one, the datasets loaded as a manifest would name them. No server paths.
Response HandleManifest(const ServingSnapshot& snapshot);

// 404 {"detail": "Unknown dataset: <name>"}: a path's {dataset} that
// ResolveDatasetScope does not know.
Response UnknownDataset(const std::string& name);

// A dataset's display title ("US OFAC Specially Designated Nationals");
// the name itself for datasets without a known title.
std::string DatasetTitle(const std::string& name);

}  // namespace embargo::service
