// Loading sanctions lists: every supported format (OFAC legacy CSV, UN XML,
// US CSL, BIS DPL, FollowTheMoney JSON lines, embargo's own CSV/JSON list
// format) detected from content and parsed into Entities. A load either
// succeeds whole or fails with the first error (file:line: reason); it never
// returns a half-loaded list. ListSet is a value type; once built, share it
// read-only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "embargo/entity.h"
#include "embargo/status.h"

namespace embargo {

struct Dataset {
  std::string name;          // "us_ofac_sdn"
  std::string format;        // "ofac_legacy", "un_xml", "us_csl", "bis_dpl", "ftm", "embargo_list"
  std::string path;          // file (or the main file of a bundle) it came from
  std::string version_date;  // publication date when known (YYYY-MM-DD or YYYY-MM)
  size_t entity_count = 0;
  size_t name_count = 0;
};

struct ListSet {
  std::vector<Dataset> datasets;
  std::vector<Entity> entities;
  // FtM records that are no screenable party (Sanction, Address, Ownership,
  // Family, Directorship, Identification, ...), kept as data for /entities;
  // a screenable entity's own record is Entity::ftm.
  std::vector<std::shared_ptr<const FtmRecord>> records;
  // Files passed over because a newer version of the same dataset was loaded.
  std::vector<std::string> superseded;
  // Files found in a folder whose content is no known list format, each as
  // "<path>: unknown list format" (a folder may hold other files).
  std::vector<std::string> skipped;
};

// The default size limit for one list file: 512 MiB, four times OFAC's full
// advanced XML (~125 MB).
inline constexpr uint64_t kDefaultMaxListFileBytes = uint64_t{512} << 20;

struct LoadOptions {
  // Dataset name for FtM / embargo-format files that do not name their own.
  std::string dataset_override;
  // Dataset names by path (a file, or a folder for every file in it): the
  // file's dataset is called so whatever its records say (yente's manifest
  // names each dataset it loads).
  std::map<std::string, std::string> dataset_names;
  // Largest file read; a larger one is an error, as is anything but a
  // regular file (a FIFO, a device).
  uint64_t max_file_bytes = kDefaultMaxListFileBytes;
};

// Loads every path (a list file, or a folder searched recursively, in
// sorted order; README*, *.md and dot files are ignored). The format is
// detected from content (src/sources/detect.h). A file named explicitly must
// be a list ("unknown list format" otherwise); in a folder such files are
// listed in `skipped`. When several files hold versions of the same dataset,
// the newest one is kept (by the list's own publication date, else the date
// in its path, else the file's modification time; on a tie the path that
// sorts last) and the others are listed in `superseded`. Entity ids must be
// unique across everything loaded. A file is refused when it is no regular
// file, larger than `max_file_bytes`, or yields no entities, and when it
// lacks the structure its format closes with (OFAC's closing Ctrl-Z, the UN
// list's INDIVIDUALS and ENTITIES): a cut-short list must not pass for a
// shorter one.
Result<ListSet> LoadLists(const std::vector<std::string>& paths, const LoadOptions& options = {});

}  // namespace embargo
