// `embargo diff --from PATH --to PATH`: entities added, removed and changed
// (per field) between two versions of a list, as text or JSON.
#pragma once

#include <iosfwd>
#include <string>

namespace embargo::cli {

int RunDiff(const std::string& from, const std::string& to, const std::string& format,
            std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
