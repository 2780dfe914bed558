// The two Database implementations behind Database::Open (internal).
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace embargo::store {

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

}  // namespace embargo::store
