// Opening the screening snapshot a command works on: from list files
// (--lists, parsed and indexed) or from a binary index snapshot (--index).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "embargo/screener.h"

namespace embargo::cli {

struct ListSource {
  std::vector<std::string> lists;
  std::string index;
  std::string dataset;  // --dataset override for FtM / embargo-format files
};

Result<std::shared_ptr<const Screener>> OpenScreener(const ListSource& source);

}  // namespace embargo::cli
