#include "cli/diff_command.h"

#include <ostream>

#include "common/json_text.h"
#include "embargo/lists.h"
#include "store/entity_diff.h"

namespace embargo::cli {

int RunDiff(const std::string& from, const std::string& to, const std::string& format,
            std::ostream& out, std::ostream& err) {
  if (format != "text" && format != "json") {
    err << "embargo diff: --format must be text or json\n";
    return 2;
  }
  // Each side is loaded on its own: together, the older would be superseded.
  auto before = LoadLists({from});
  if (!before.ok()) {
    err << "embargo diff: " << before.error().ToString() << '\n';
    return 1;
  }
  auto after = LoadLists({to});
  if (!after.ok()) {
    err << "embargo diff: " << after.error().ToString() << '\n';
    return 1;
  }
  store::ListDiff diff = store::DiffEntities(before->entities, after->entities);
  if (format == "json") {
    out << JsonText(store::DiffToJson(diff), 2) << '\n';
  } else {
    out << store::DiffToText(diff);
  }
  return 0;
}

}  // namespace embargo::cli
