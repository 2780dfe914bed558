// What every list parser returns: one dataset's metadata and its entities.
// Parsers are pure functions of their input bytes: no global state, safe to
// call from several threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"
#include "embargo/lists.h"
#include "embargo/status.h"

namespace embargo {

struct ParsedList {
  Dataset dataset;  // name, format, path, version_date filled by the parser
  std::vector<Entity> entities;
  std::vector<std::shared_ptr<const FtmRecord>> records;  // see ListSet::records
};

}  // namespace embargo
