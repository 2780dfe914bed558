// Store tests run on every backend: a fresh SQLite file per test, and a
// fresh database per test on the throwaway PostgreSQL server that
// tests/with_postgres.sh starts (EMBARGO_TEST_POSTGRES_URL). Without that
// server the PostgreSQL variants skip, saying why.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "store/database.h"

namespace embargo::store::testing {

enum class Backend { kSqlite, kPostgres };
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// A new, empty, migrated store; dropped/removed when the object goes away.
class ScratchStore {
 public:
  // Skips the calling test (GTEST_SKIP) when the backend is unavailable:
  // check `available()` and return.
  explicit ScratchStore(Backend backend);
  ~ScratchStore();
  bool available() const { return db_ != nullptr; }
  const std::string& skip_reason() const { return skip_reason_; }
  const std::string& url() const { return url_; }
  Database& db() { return *db_; }
  // A second connection to the same store (as another process would have).
  std::unique_ptr<Database> Reopen() const;
  // Runs `sql` (statements separated by ';') the way an insider tampering
  // with the store would: plain SQL from another connection; for SQLite
  // straight on the file with libsqlite3, foreign keys not enforced.
  void ExecOutside(const std::string& sql) const;
  // The SQLite file (empty for PostgreSQL).
  const std::filesystem::path& file() const { return file_; }

 private:
  Backend backend_;
  std::string url_;
  std::string admin_url_;
  std::string database_name_;
  std::filesystem::path dir_;
  std::filesystem::path file_;
  std::string skip_reason_;
  std::unique_ptr<Database> db_;
};

// (customer id, entity id) of every live alert in `db`.
std::set<std::pair<std::string, std::string>> LiveAlertPairs(Database& db);

// The audit chain holds and the audited tables are what it recorded
// (store/audit_verify.h); each difference is a test failure.
void ExpectTrailIntact(Database& db);

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<ScratchStore>(GetParam());
    if (!store_->available()) GTEST_SKIP() << store_->skip_reason();
  }
  Database& db() { return store_->db(); }
  std::unique_ptr<ScratchStore> store_;
};

#define EMBARGO_STORE_BACKENDS(suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(Backends, suite,                                                  \
                           ::testing::Values(::embargo::store::testing::Backend::kSqlite,    \
                                             ::embargo::store::testing::Backend::kPostgres), \
                           ::embargo::store::testing::BackendName)

}  // namespace embargo::store::testing
