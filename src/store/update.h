// `embargo update`: fetches each configured source (store/sources_config.h)
// with conditional requests, and stores a new list version when the content
// changed. Per source: every file is fetched (If-None-Match /
// If-Modified-Since from the last fetch); when all answer 304, or return the
// bytes fetched last time, the source is unchanged and nothing is parsed.
// Otherwise the files are parsed together (a source's bundle, e.g. OFAC's
// sdn/add/alt files) and stored through StoreListSet, which also makes no
// version when the parsed content equals the latest. A source that fails
// (network, HTTP error, truncated or oversized file, unparsable list, a
// list that shrank too far)
// stores nothing and the others go on. Each outcome is in the audit log.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/sources_config.h"
#include "store/versions.h"

namespace embargo::store {

struct SourceUpdate {
  std::string source;
  enum class Outcome { kStored, kUnchanged, kFailed } outcome = Outcome::kFailed;
  std::vector<StoredVersion> versions;  // kStored: one per dataset in the source
  std::string detail;                   // why unchanged, or the error
  int attempts = 0;                     // HTTP tries over all files
  uint64_t bytes = 0;                   // downloaded
};

// `only`: source names to update (empty = all; an unknown name is an error).
// Files are downloaded into `download_dir`/<source>/ (created), kept there.
// A source whose list shrank past `shrink` fails and stores nothing; its
// fetch state is not saved, so the next update fetches it again.
Result<std::vector<SourceUpdate>> UpdateSources(Database& db, const SourcesConfig& config,
                                                const std::vector<std::string>& only,
                                                const std::filesystem::path& download_dir,
                                                const std::string& actor,
                                                const ShrinkGuard& shrink = {});

}  // namespace embargo::store
