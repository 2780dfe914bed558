// Opening the store: the URL from --store, else $EMBARGO_STORE, else
// "embargo.db" in the working directory (SQLite). The schema is migrated to
// the current version on open.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace embargo::store {

// `flag` if set, else $EMBARGO_STORE, else "embargo.db".
std::string StoreUrl(const std::string& flag);

enum class StoreOpening {
  kCreate,    // a SQLite file that does not exist is created (and migrated)
  kExisting,  // it is an error: a mistyped path must not become an empty store
};

Result<std::unique_ptr<Database>> OpenStore(const std::string& url,
                                            StoreOpening opening = StoreOpening::kCreate);

}  // namespace embargo::store
