#include "store/test_store.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "store/alerts.h"
#include "store/audit_verify.h"
#include "store/store.h"

namespace embargo::store::testing {
namespace {

std::atomic<int> counter{0};

// The admin URL with its database replaced: "postgresql://u@/postgres?host=..."
// -> "postgresql://u@/NAME?host=...".
std::string WithDatabase(const std::string& url, const std::string& name) {
  size_t authority = url.find("://");
  size_t slash = url.find('/', authority == std::string::npos ? 0 : authority + 3);
  if (slash == std::string::npos) return url + "/" + name;
  size_t end = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (end == std::string::npos ? "" : url.substr(end));
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

ScratchStore::ScratchStore(Backend backend) : backend_(backend) {
  int n = counter++;
  if (backend == Backend::kSqlite) {
    dir_ = std::filesystem::temp_directory_path() / fmt::format("embargo-store-{}-{}", getpid(), n);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    file_ = dir_ / "store.db";
    url_ = file_.string();
  } else {
    const char* admin = std::getenv("EMBARGO_TEST_POSTGRES_URL");
    if (admin == nullptr || *admin == '\0') {
      skip_reason_ =
          "EMBARGO_TEST_POSTGRES_URL not set: run through tests/with_postgres.sh (make test)";
      return;
    }
    admin_url_ = admin;
    database_name_ = fmt::format("embargo_test_{}_{}", getpid(), n);
    auto server = Database::Open(admin_url_);
    if (!server.ok()) {
      ADD_FAILURE() << server.error().ToString();
      skip_reason_ = "PostgreSQL server unreachable";
      return;
    }
    Status created = (*server)->ExecScript(fmt::format("CREATE DATABASE {}", database_name_));
    if (!created.ok()) {
      ADD_FAILURE() << created.error().ToString();
      skip_reason_ = "cannot create a database";
      return;
    }
    url_ = WithDatabase(admin_url_, database_name_);
  }
  auto db = OpenStore(url_);
  if (!db.ok()) {
    ADD_FAILURE() << db.error().ToString();
    skip_reason_ = "cannot open the store";
    return;
  }
  db_ = std::move(*db);
}

ScratchStore::~ScratchStore() {
  db_.reset();
  if (backend_ == Backend::kSqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  } else if (!database_name_.empty()) {
    if (auto server = Database::Open(admin_url_); server.ok()) {
      (void)(*server)->ExecScript(
          fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", database_name_));
    }
  }
}

std::unique_ptr<Database> ScratchStore::Reopen() const {
  auto db = OpenStore(url_);
  if (!db.ok()) {
    ADD_FAILURE() << db.error().ToString();
    return nullptr;
  }
  return std::move(*db);
}

std::set<std::pair<std::string, std::string>> LiveAlertPairs(Database& db) {
  AlertFilter filter;
  filter.limit = 1000000;
  auto alerts = ListAlerts(db, filter);
  EXPECT_TRUE(alerts.ok()) << alerts.error().ToString();
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Alert& a : alerts.ok() ? *alerts : std::vector<Alert>{}) {
    pairs.emplace(a.customer, a.entity_id);
  }
  return pairs;
}

void ExpectTrailIntact(Database& db) {
  auto report = VerifyAuditTrail(db, {});
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report->chain.ok()) << report->chain.problem;
  for (const StateDifference& d : report->differences) ADD_FAILURE() << d.ToString();
  for (const std::string& p : report->problems) ADD_FAILURE() << p;
}

void ScratchStore::ExecOutside(const std::string& sql) const {
  if (backend_ == Backend::kSqlite) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(file_.c_str(), &raw), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "") << "\n"
        << sql;
    sqlite3_free(message);
    sqlite3_close(raw);
    return;
  }
  auto other = Reopen();
  ASSERT_NE(other, nullptr);
  Status status = other->ExecScript(sql);
  ASSERT_TRUE(status.ok()) << status.error().ToString() << "\n" << sql;
}

}  // namespace embargo::store::testing
