// The store's schema, as numbered migrations kept in the repository
// (migrations.cc). One SQL text serves SQLite and PostgreSQL: "{{id}}" stands
// for the auto-numbered key column of each dialect. Migrate() applies the
// missing ones in order, each in its own transaction, and records them in
// schema_migrations; a store newer than this binary is refused.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace embargo::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
  // Run after the SQL, in the same transaction (e.g. to record in the audit
  // trail the rows a store already held); null for most.
  Status (*then)(Database& db) = nullptr;
};

const std::vector<Migration>& Migrations();

// The migration's SQL for the database's dialect.
std::string MigrationSql(const Migration& migration, Dialect dialect);

// Brings the schema up to date. Returns the schema version.
Result<int> Migrate(Database& db);

}  // namespace embargo::store
