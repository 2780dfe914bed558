#include "store/database.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "common/strings.h"
#include "store/database_backends.h"

namespace embargo::store {

const std::string& SqlRow::Text(size_t col) const {
  static const std::string kEmpty;
  const auto& value = values_.at(col);
  return value ? *value : kEmpty;
}

int64_t SqlRow::Int(size_t col) const {
  const auto& value = values_.at(col);
  return value ? ParseNumber<int64_t>(*value).value_or(0) : 0;
}

double SqlRow::Real(size_t col) const {
  const auto& value = values_.at(col);
  return value ? std::strtod(value->c_str(), nullptr) : 0.0;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  if (url.empty()) return MakeError("no store given: pass --store PATH or a postgresql:// URL");
  if (url.starts_with("postgresql://") || url.starts_with("postgres://") ||
      url.find("dbname=") != std::string::npos) {
    return OpenPostgres(url);
  }
  if (url.starts_with("sqlite:")) return OpenSqlite(url.substr(7));
  return OpenSqlite(url);
}

Status Database::Exec(std::string_view sql, const SqlParams& params) {
  return ForEach(sql, params, [](const SqlRow&) { return Status::Ok(); });
}

Result<SqlRows> Database::Query(std::string_view sql, const SqlParams& params) {
  SqlRows rows;
  Status status = ForEach(sql, params, [&](const SqlRow& row) {
    rows.push_back(row);
    return Status::Ok();
  });
  if (!status.ok()) return status.error();
  return rows;
}

Result<std::optional<std::string>> Database::QueryValue(std::string_view sql,
                                                        const SqlParams& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  if (rows->empty() || rows->front().size() == 0 || rows->front().IsNull(0)) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(rows->front().Text(0));
}

Result<Transaction> Transaction::Begin(Database& db) {
  EMBARGO_RETURN_IF_ERROR(db.Begin());
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Rollback();
}

Status Transaction::Commit() {
  Database* db = db_;
  db_ = nullptr;
  if (db == nullptr) return MakeError("transaction already finished");
  Status status = db->Commit();
  if (!status.ok()) (void)db->Rollback();
  return status;
}

Status InsertRows(Database& db, std::string_view head, size_t columns, const SqlParams& values,
                  std::string_view tail) {
  constexpr size_t kRowsPerStatement = 100;
  const size_t rows = columns == 0 ? 0 : values.size() / columns;
  std::string tuple = "(";
  for (size_t c = 0; c < columns; ++c) tuple += c == 0 ? "?" : ", ?";
  tuple += ")";
  for (size_t first = 0; first < rows; first += kRowsPerStatement) {
    size_t count = std::min(kRowsPerStatement, rows - first);
    std::string sql(head);
    sql += " VALUES ";
    for (size_t r = 0; r < count; ++r) {
      if (r > 0) sql += ", ";
      sql += tuple;
    }
    if (!tail.empty()) {
      sql += ' ';
      sql += tail;
    }
    SqlParams chunk(values.begin() + static_cast<ptrdiff_t>(first * columns),
                    values.begin() + static_cast<ptrdiff_t>((first + count) * columns));
    EMBARGO_RETURN_IF_ERROR(db.Exec(sql, chunk));
  }
  return Status::Ok();
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += fmt::format("${}", ++n);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

std::string UtcText(std::chrono::system_clock::time_point now) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

}  // namespace

std::string NowUtc() { return UtcText(std::chrono::system_clock::now()); }

std::string UtcDaysAgo(int64_t days) {
  return UtcText(std::chrono::system_clock::now() - std::chrono::hours(24 * days));
}

}  // namespace embargo::store
