// PostgreSQL behind store::Database (libpq). Parameters are sent as text
// with '?' rewritten to $n; results are read in single-row mode so that
// ForEach streams. Server notices (e.g. "already exists, skipping") are
// dropped.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <regex>

#include "store/database_backends.h"

namespace embargo::store {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(PGconn* conn, std::string description)
      : conn_(conn), description_(std::move(description)) {}
  ~PostgresDatabase() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& description() const override { return description_; }

  Status ForEach(std::string_view sql, const SqlParams& params,
                 const std::function<Status(const SqlRow&)>& on_row) override {
    std::string text = NumberPlaceholders(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlParam& p = params[i];
      if (std::holds_alternative<std::nullptr_t>(p)) continue;
      if (const auto* n = std::get_if<int64_t>(&p)) {
        storage[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&p)) {
        storage[i] = fmt::format("{}", *d);
      } else {
        storage[i] = std::get<std::string>(p);
      }
      values[i] = storage[i].c_str();
    }
    if (!PQsendQueryParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                           values.data(), nullptr, nullptr, 0)) {
      return Fail(sql, PQerrorMessage(conn_));
    }
    PQsetSingleRowMode(conn_);
    Status status;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult result(raw);
      if (!status.ok()) continue;  // drain the remaining results
      ExecStatusType state = PQresultStatus(raw);
      if (state == PGRES_SINGLE_TUPLE) {
        int columns = PQnfields(raw);
        std::vector<std::optional<std::string>> row(columns);
        for (int c = 0; c < columns; ++c) {
          if (!PQgetisnull(raw, 0, c)) {
            row[c].emplace(PQgetvalue(raw, 0, c), static_cast<size_t>(PQgetlength(raw, 0, c)));
          }
        }
        status = on_row(SqlRow(std::move(row)));
      } else if (state != PGRES_TUPLES_OK && state != PGRES_COMMAND_OK) {
        status = Fail(sql, PQresultErrorMessage(raw));
      }
    }
    return status;
  }

  Status ExecScript(std::string_view sql) override {
    PgResult result(PQexec(conn_, std::string(sql).c_str()));
    ExecStatusType state = PQresultStatus(result.get());
    if (state != PGRES_COMMAND_OK && state != PGRES_TUPLES_OK) {
      return Fail(sql, PQresultErrorMessage(result.get()));
    }
    return Status::Ok();
  }

  Status Begin() override { return Exec("BEGIN"); }

 private:
  Status Fail(std::string_view sql, const char* message) const {
    std::string what = message ? message : "unknown error";
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    std::string_view head = sql.substr(0, std::min<size_t>(sql.size(), 60));
    return MakeError(fmt::format("{}: {} (in \"{}{}\")", description_, what, head,
                                 sql.size() > head.size() ? "..." : ""));
  }

  PGconn* conn_;
  std::string description_;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url) {
  // Never echo a password into messages or logs.
  std::string description = std::regex_replace(url, std::regex("://([^:/@]*):[^@]*@"), "://$1@");
  description = std::regex_replace(description, std::regex("password=[^ &]*"), "password=***");
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string what = conn ? PQerrorMessage(conn) : "out of memory";
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    PQfinish(conn);
    return MakeError(fmt::format("{}: cannot connect: {}", description, what));
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  std::unique_ptr<Database> database = std::make_unique<PostgresDatabase>(conn, description);
  EMBARGO_RETURN_IF_ERROR(database->ExecScript("SET client_min_messages = warning"));
  return database;
}

}  // namespace embargo::store
