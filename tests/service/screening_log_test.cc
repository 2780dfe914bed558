// The service's screening log: records handed over from many threads are
// all written, in batches (one audit row each), and Flush makes them
// readable at once; a batch the store refuses stays queued and is written
// once the store takes it again; the destructor writes what is left.
#include "service/screening_log.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/screenings.h"
#include "store/test_store.h"

namespace embargo::service {
namespace {

store::ScreeningRecord Record(int i) {
  store::ScreeningRecord r;
  r.at = store::NowUtc();
  r.actor = i % 2 ? "ana" : "bob";
  r.channel = "api";
  r.kind = "name";
  r.subject = nlohmann::json{{"properties", {{"name", {"name " + std::to_string(i)}}}}}.dump();
  r.versions = "{}";
  r.outcome = "clear";
  r.result = "{}";
  return r;
}

int64_t Count(store::Database& db, const char* sql) {
  auto n = db.QueryValue(sql);
  EXPECT_TRUE(n.ok());
  return n.ok() ? std::stoll(n->value_or("0")) : -1;
}

class ScreeningLogTest : public store::testing::StoreTest {};

TEST_P(ScreeningLogTest, RecordsFromManyThreadsAreAllWrittenInBatches) {
  std::mutex mu;
  int published = 0;
  {
    ScreeningLogOptions options;
    options.interval = std::chrono::milliseconds(20);
    options.after_write = [&] { ++published; };
    ScreeningLog log(db(), mu, options);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 250; ++i) log.Add({Record(t * 1000 + i)});
      });
    }
    for (std::thread& t : threads) t.join();
    ASSERT_TRUE(log.Flush().ok());
    EXPECT_EQ(log.written(), 1000u);
    EXPECT_EQ(log.queued(), 0u);
    std::lock_guard lock(mu);
    EXPECT_EQ(Count(db(), "SELECT count(*) FROM screenings"), 1000);
  }
  // Far fewer audit rows than records, each publishing the head.
  const int64_t batches = Count(db(), "SELECT count(*) FROM audit_log");
  EXPECT_GE(batches, 1);
  EXPECT_LT(batches, 1000);
  EXPECT_EQ(published, batches);
  store::testing::ExpectTrailIntact(db());
}

TEST_P(ScreeningLogTest, ABatchTheStoreRefusesIsWrittenLaterAndTheDestructorFlushes) {
  std::mutex mu;
  ScreeningLogOptions options;
  options.interval = std::chrono::hours(1);  // only Flush and the destructor write
  auto log = std::make_unique<ScreeningLog>(db(), mu, options);
  log->Add({Record(1), Record(2)});
  store_->ExecOutside("ALTER TABLE screenings RENAME TO screenings_away");
  Status refused = log->Flush();
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(log->queued(), 2u) << "kept for the next batch";
  log->Add({Record(3)});
  store_->ExecOutside("ALTER TABLE screenings_away RENAME TO screenings");
  ASSERT_TRUE(log->Flush().ok());
  EXPECT_EQ(log->written(), 3u);
  log->Add({Record(4)});
  log.reset();
  auto records = store::ListScreenings(db(), {});
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4u);
  // In the order they were handed over.
  EXPECT_NE(records->back().subject.find("name 1"), std::string::npos);
  EXPECT_NE(records->front().subject.find("name 4"), std::string::npos);
  store::testing::ExpectTrailIntact(db());
}

EMBARGO_STORE_BACKENDS(ScreeningLogTest);

}  // namespace
}  // namespace embargo::service
