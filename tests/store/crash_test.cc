// Crash safety: an embargo process killed with SIGKILL in the middle of an
// import or a re-screen leaves the store consistent, loses nothing it had
// committed, and the next run completes. The CLI runs in a forked child; it
// dies at a store/crash_point.h hook inside a write transaction, or from the
// parent's kill at an arbitrary moment.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "eval/customer_deck.h"
#include "store/alerts.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

using ::embargo::testing::SharedData;

// Runs `embargo args...` in a child process; with `crash_at`, the child
// kills itself at that hook. Returns the wait status.
pid_t Spawn(const std::vector<std::string>& args, const std::string& crash_at) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!crash_at.empty()) setenv("EMBARGO_CRASH_AT", crash_at.c_str(), 1);
    std::vector<std::string> copy = args;
    copy.insert(copy.begin(), "embargo");
    std::vector<char*> argv;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Quiet child: its output is not the test's.
    std::freopen("/dev/null", "w", stdout);
    _exit(cli::Main(static_cast<int>(copy.size()), argv.data()));
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

class CrashTest : public testing::StoreTest {
 protected:
  // The store's invariants after any crash.
  void ExpectConsistent() {
    if (GetParam() == testing::Backend::kSqlite) {
      auto integrity = db().QueryValue("PRAGMA integrity_check");
      ASSERT_TRUE(integrity.ok());
      EXPECT_EQ(integrity->value_or(""), "ok");
    }
    // Every stored version has all its entities: none is half-stored.
    auto versions = db().Query(
        "SELECT v.id, v.entity_count, (SELECT count(*) FROM version_entities e WHERE "
        "e.version_id = v.id) FROM list_versions v");
    ASSERT_TRUE(versions.ok());
    for (const SqlRow& v : *versions) EXPECT_EQ(v.Int(1), v.Int(2)) << "version " << v.Int(0);
    auto orphans = db().QueryValue(
        "SELECT count(*) FROM version_entities e WHERE NOT EXISTS (SELECT 1 FROM entity_records r "
        "WHERE r.hash = e.record_hash)");
    ASSERT_TRUE(orphans.ok());
    EXPECT_EQ(orphans->value_or(""), "0");
    // Every change committed with its audit row, or neither.
    testing::ExpectTrailIntact(db());
  }
  int64_t Count(const std::string& table) {
    auto n = db().QueryValue("SELECT count(*) FROM " + table);
    EXPECT_TRUE(n.ok());
    return n.ok() ? std::stoll(n->value_or("0")) : -1;
  }
};

TEST_P(CrashTest, ImportKilledInsideItsTransactionStoresNothingAndTheNextImportCompletes) {
  std::string jan = SharedData("ofac/sdn-2024-01-31.csv");
  int status = Wait(Spawn({"import", jan, "--store", store_->url()}, "import.records"));
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  ExpectConsistent();
  EXPECT_EQ(Count("list_versions"), 0);
  EXPECT_EQ(Count("entity_records"), 0);
  EXPECT_EQ(Count("audit_log"), 0);

  status = Wait(Spawn({"import", jan, "--store", store_->url()}, ""));
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ExpectConsistent();
  EXPECT_EQ(Count("list_versions"), 1);
  EXPECT_EQ(Count("version_entities"), 13901);
}

TEST_P(CrashTest, ImportKilledAtArbitraryMomentsLeavesAConsistentStore) {
  std::string un = SharedData("un/consolidated-2026-02-27.xml");
  std::string feb = SharedData("ofac/sdn-2024-02-23.csv");
  for (int delay_ms : {50, 200, 400, 700, 1000}) {
    pid_t pid = Spawn({"import", un, feb, "--store", store_->url()}, "");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    Wait(pid);
    ExpectConsistent();
  }
  int status = Wait(Spawn({"import", un, feb, "--store", store_->url()}, ""));
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ExpectConsistent();
  auto in_force = VersionsInForce(db());
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->size(), 2u);
}

TEST_P(CrashTest, RescreenKilledHalfWayKeepsCommittedAlertsAndTheNextRunCompletes) {
  const ListSet jan = *LoadLists({SharedData("ofac/sdn-2024-01-31.csv")});
  std::vector<const Entity*> planted;
  for (size_t i = 0; i < jan.entities.size() && planted.size() < 30; i += 457) {
    planted.push_back(&jan.entities[i]);
  }
  auto deck = eval::MakeCustomerDeck({SharedData("negatives/negatives-us-dev.csv")}, planted, 3000);
  ASSERT_TRUE(deck.ok());
  std::string csv = store_->url() + ".customers.csv";
  if (GetParam() == testing::Backend::kPostgres) {
    csv = (std::filesystem::temp_directory_path() /
           ("embargo-crash-" + std::to_string(getpid()) + ".csv"))
              .string();
  }
  {
    std::ofstream out(csv);
    out << "id,name,schema,birth_date,nationality,gender\n";
    for (const QueryFields& f : deck->rows) {
      out << f.id << ",\"" << f.names[0] << "\"," << f.schema << ","
          << (f.birth_dates.empty() ? "" : f.birth_dates[0]) << ",\""
          << (f.countries.empty() ? "" : f.countries[0]) << "\"," << f.gender << "\n";
    }
  }
  const std::string url = store_->url();
  ASSERT_EQ(Wait(Spawn({"import", SharedData("ofac/sdn-2024-01-31.csv"), "--store", url}, "")), 0);
  ASSERT_EQ(Wait(Spawn({"customers", "import", csv, "--store", url}, "")), 0);

  int status = Wait(
      Spawn({"rescreen", "--chunk", "1000", "--threads", "2", "--store", url}, "rescreen.chunk"));
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  ExpectConsistent();
  // The first chunk committed; the second died with the process.
  auto run = db().Query("SELECT status, customers FROM rescreen_runs");
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(run->size(), 1u);
  EXPECT_EQ((*run)[0].Text(0), "running");
  EXPECT_EQ((*run)[0].Int(1), 1000);
  EXPECT_EQ(Count("monitor_state"), 0);
  std::set<int64_t> committed;
  auto alerts = db().Query("SELECT id FROM alerts");
  ASSERT_TRUE(alerts.ok());
  for (const SqlRow& r : *alerts) committed.insert(r.Int(0));
  EXPECT_FALSE(committed.empty());
  auto screened = db().QueryValue("SELECT count(*) FROM customers WHERE screened_hash IS NOT NULL");
  ASSERT_TRUE(screened.ok());
  EXPECT_EQ(screened->value_or(""), "1000");

  status = Wait(Spawn({"rescreen", "--chunk", "1000", "--store", url}, ""));
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ExpectConsistent();
  auto runs = db().Query("SELECT status FROM rescreen_runs ORDER BY id");
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].Text(0), "interrupted");
  EXPECT_EQ((*runs)[1].Text(0), "done");
  // Nothing committed before the crash was lost, nothing raised twice.
  AlertFilter all;
  all.include_closed = true;
  all.limit = 100000;
  auto after = ListAlerts(db(), all);
  ASSERT_TRUE(after.ok());
  std::set<int64_t> ids;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Alert& a : *after) {
    ids.insert(a.id);
    EXPECT_TRUE(pairs.emplace(a.customer, a.entity_id).second) << a.customer << " " << a.entity_id;
  }
  for (int64_t id : committed) EXPECT_TRUE(ids.contains(id)) << id;
  // Every planted customer alerts on its entity.
  for (const auto& [customer, entity] : deck->planted) {
    EXPECT_TRUE(pairs.contains({customer, entity})) << customer << " " << entity;
  }
  std::filesystem::remove(csv);
}

EMBARGO_STORE_BACKENDS(CrashTest);

}  // namespace
}  // namespace embargo::store
