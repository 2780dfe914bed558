// A fresh SQLite store for the service's monitoring tests: the UN list,
// customers (listed people, a name the UN list does not hold, two ordinary
// names) and the alerts of a first re-screen, in a temp dir of its own.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "store/customers.h"
#include "store/rescreen.h"
#include "store/store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::service::testing {

namespace fs = std::filesystem;

inline const ListSet& UnList() {
  static const ListSet lists =
      *LoadLists({::embargo::testing::SharedData("un/consolidated-2026-02-27.xml")});
  return lists;
}

inline QueryFields Person(std::string id, std::string name,
                          std::vector<std::string> birth_dates = {},
                          std::vector<std::string> countries = {}) {
  QueryFields f;
  f.id = std::move(id);
  f.names = {std::move(name)};
  f.schema = "Person";
  f.birth_dates = std::move(birth_dates);
  f.countries = std::move(countries);
  return f;
}

// A fresh SQLite store in its own temp dir, with the UN list, the customers
// (listed people, a name the UN list does not hold, two ordinary names) and
// the alerts of a first re-screen.
class AlertStore {
 public:
  AlertStore() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           fmt::format("embargo-alerts-test-{}-{}", ::getpid(), counter.fetch_add(1));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
    auto db = store::OpenStore(path_);
    EXPECT_TRUE(db.ok()) << db.error().ToString();
    if (!db.ok()) return;
    db_ = std::move(*db);
    auto stored = store::StoreListSet(*db_, UnList(), {});
    EXPECT_TRUE(stored.ok()) << stored.error().ToString();
    auto imported = store::ImportCustomers(
        *db_,
        {Person("c-lee", "Lee Won-ho", {"1964-07-17"}, {"kp"}), Person("c-kim", "Kim Jong Un"),
         Person("c-abbasi", "Fereydoun Abbasi Davani"), Person("c-yun", "Yun Ho Jin"),
         Person("c-plain-1", "Margarethe Vollenweider"),
         Person("c-plain-2", "Bartholomew Quincey-Ashdown")},
        "customers.csv", "test");
    EXPECT_TRUE(imported.ok()) << imported.error().ToString();
    report_ = Rescreen(false);
  }
  ~AlertStore() {
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  store::RescreenReport Rescreen(bool full) {
    store::RescreenOptions options;
    options.full = full;
    options.threads = 2;
    auto report = store::Rescreen(*db_, options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return report.ok() ? *report : store::RescreenReport{};
  }
  bool ok() const { return db_ != nullptr; }
  store::Database& db() { return *db_; }
  const std::string& path() const { return path_; }
  const store::RescreenReport& first_report() const { return report_; }

 private:
  fs::path dir_;
  std::string path_;
  std::unique_ptr<store::Database> db_;
  store::RescreenReport report_;
};

}  // namespace embargo::service::testing
