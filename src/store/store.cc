#include "store/store.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "store/migrations.h"

namespace embargo::store {

std::string StoreUrl(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("EMBARGO_STORE"); env != nullptr && *env != '\0') return env;
  return "embargo.db";
}

Result<std::unique_ptr<Database>> OpenStore(const std::string& url, StoreOpening opening) {
  if (opening == StoreOpening::kExisting && !url.starts_with("postgres") &&
      url.find("dbname=") == std::string::npos) {
    const std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    std::error_code ec;
    if (!path.empty() && path != ":memory:" && !std::filesystem::exists(path, ec)) {
      return MakeError(fmt::format(
          "no store at '{}': the file does not exist (a mistyped --store or $EMBARGO_STORE?); "
          "`embargo import`, `embargo update` or `embargo customers import` create a store",
          path));
    }
  }
  auto db = Database::Open(url);
  if (!db.ok()) return db.error();
  auto version = Migrate(**db);
  if (!version.ok()) return version.error();
  return std::move(*db);
}

}  // namespace embargo::store
