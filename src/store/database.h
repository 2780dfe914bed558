// The store's SQL connection: one interface over SQLite (embedded, the
// default: a single file in WAL mode) and PostgreSQL (libpq, for shared
// deployments), chosen by URL:
//   store.db | sqlite:store.db           SQLite file (created when missing)
//   postgresql://user@host:5432/dbname   PostgreSQL (also postgres://, and
//                                        libpq's "host=... dbname=..." form)
// SQL is written once in the subset both accept; '?' marks a parameter (the
// PostgreSQL connection rewrites them to $1, $2...). Values come back as text
// (SqlRow::Int/Real convert). Errors are values naming the statement.
// A Database is one connection: use it from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "embargo/status.h"

namespace embargo::store {

using SqlParam = std::variant<std::nullptr_t, int64_t, double, std::string>;
using SqlParams = std::vector<SqlParam>;

class SqlRow {
 public:
  explicit SqlRow(std::vector<std::optional<std::string>> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t col) const { return !values_.at(col).has_value(); }
  // "" for NULL.
  const std::string& Text(size_t col) const;
  // 0 for NULL or text that is not a number.
  int64_t Int(size_t col) const;
  double Real(size_t col) const;

 private:
  std::vector<std::optional<std::string>> values_;
};
using SqlRows = std::vector<SqlRow>;

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;

  static Result<std::unique_ptr<Database>> Open(const std::string& url);

  virtual Dialect dialect() const = 0;
  // The URL with any password removed, for messages.
  virtual const std::string& description() const = 0;

  // One statement with '?' parameters (both through ForEach).
  Status Exec(std::string_view sql, const SqlParams& params = {});
  Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {});
  // Calls `row` for each result row without holding them all (large reads).
  virtual Status ForEach(std::string_view sql, const SqlParams& params,
                         const std::function<Status(const SqlRow&)>& row) = 0;
  // Several statements separated by ';', no parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;

  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so two writers
  // queue on the lock instead of failing half-way).
  virtual Status Begin() = 0;
  Status Commit() { return Exec("COMMIT"); }
  Status Rollback() { return Exec("ROLLBACK"); }

  // Convenience: the first column of the first row, nullopt when no row.
  Result<std::optional<std::string>> QueryValue(std::string_view sql, const SqlParams& params = {});
};

// Rolls back unless Commit() was called: every multi-statement write goes
// through one, so a failure (or a crash) never leaves half a change.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

// Inserts rows of `columns` values each (`values` holds them row after row)
// as multi-row "INSERT ... VALUES (...), (...)" statements of up to 100 rows:
// `head` is "INSERT INTO t (a, b)", `tail` e.g. "ON CONFLICT DO NOTHING".
Status InsertRows(Database& db, std::string_view head, size_t columns, const SqlParams& values,
                  std::string_view tail = "");

// Rewrites '?' placeholders (outside quotes) as $1, $2, ... for PostgreSQL.
std::string NumberPlaceholders(std::string_view sql);

// Current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ" (sorts as text).
std::string NowUtc();
// The time `days` days before now, as NowUtc writes it.
std::string UtcDaysAgo(int64_t days);

}  // namespace embargo::store
