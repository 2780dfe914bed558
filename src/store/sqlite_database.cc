// SQLite behind store::Database: WAL journal (readers never block the
// writer), synchronous=FULL (a committed transaction survives a crash of the
// process or the machine), foreign keys on, a busy timeout so that two
// processes queue instead of failing, and a cache of prepared statements.
#include <fmt/format.h>
#include <sqlite3.h>

#include <map>

#include "store/database_backends.h"

namespace embargo::store {
namespace {

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDatabase() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& description() const override { return path_; }

  Status ForEach(std::string_view sql, const SqlParams& params,
                 const std::function<Status(const SqlRow&)>& on_row) override {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.error();
    sqlite3_stmt* s = *stmt;
    for (size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      const SqlParam& p = params[i];
      if (std::holds_alternative<std::nullptr_t>(p)) {
        sqlite3_bind_null(s, index);
      } else if (const auto* n = std::get_if<int64_t>(&p)) {
        sqlite3_bind_int64(s, index, *n);
      } else if (const auto* d = std::get_if<double>(&p)) {
        sqlite3_bind_double(s, index, *d);
      } else {
        const auto& text = std::get<std::string>(p);
        sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      }
    }
    Status status;
    int columns = sqlite3_column_count(s);
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        status = Fail(sql);
        break;
      }
      std::vector<std::optional<std::string>> values(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(s, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
        values[c].emplace(text, static_cast<size_t>(sqlite3_column_bytes(s, c)));
      }
      status = on_row(SqlRow(std::move(values)));
      if (!status.ok()) break;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return status;
  }

  Status ExecScript(std::string_view sql) override {
    char* message = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string what = message ? message : "unknown error";
      sqlite3_free(message);
      return MakeError(fmt::format("{}: {}", path_, what));
    }
    return Status::Ok();
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return Fail(sql).error();
    }
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status Fail(std::string_view sql) const {
    std::string_view head = sql.substr(0, std::min<size_t>(sql.size(), 60));
    return MakeError(fmt::format("{}: {} (in \"{}{}\")", path_, sqlite3_errmsg(db_), head,
                                 sql.size() > head.size() ? "..." : ""));
  }

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string what = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return MakeError(fmt::format("{}: cannot open the store: {}", path, what));
  }
  sqlite3_busy_timeout(db, 30000);
  std::unique_ptr<Database> database = std::make_unique<SqliteDatabase>(db, path);
  Status status = database->ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  if (!status.ok()) return status.error();
  // A file that is not a database fails here, not on first use.
  auto check = database->Query("SELECT count(*) FROM sqlite_master");
  if (!check.ok()) return check.error();
  return database;
}

}  // namespace embargo::store
