// `embargo lists` and `embargo index build`: what a list set holds, and
// writing it as a binary snapshot that loads without parsing the lists.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/open_screener.h"

namespace embargo::cli {

int RunLists(const ListSource& source, std::ostream& out, std::ostream& err);
int RunIndexBuild(const ListSource& source, const std::string& out_path, std::ostream& out,
                  std::ostream& err);

}  // namespace embargo::cli
