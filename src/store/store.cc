#include "store/store.h"

#include <cstdlib>

#include "store/migrations.h"

namespace embargo::store {

std::string StoreUrl(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("EMBARGO_STORE"); env != nullptr && *env != '\0') return env;
  return "embargo.db";
}

Result<std::unique_ptr<Database>> OpenStore(const std::string& url) {
  auto db = Database::Open(url);
  if (!db.ok()) return db.error();
  auto version = Migrate(**db);
  if (!version.ok()) return version.error();
  return std::move(*db);
}

}  // namespace embargo::store
