#include "store/database.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/migrations.h"
#include "store/test_store.h"

namespace embargo::store {
namespace {

using testing::StoreTest;

TEST(NumberPlaceholdersTest, RewritesOnlyOutsideQuotes) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? , '?', \"a?\" WHERE x = ?"),
            "SELECT $1 , '?', \"a?\" WHERE x = $2");
}

TEST(NowUtcTest, IsSortableIsoTime) {
  std::string now = NowUtc();
  ASSERT_EQ(now.size(), 24u) << now;
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
  EXPECT_LE(now, NowUtc());
}

TEST(DatabaseOpenTest, RejectsAFileThatIsNotADatabase) {
  auto path = std::filesystem::temp_directory_path() / "embargo-not-a-db.txt";
  { std::ofstream(path) << "this is a CSV, not a database\n"; }
  auto db = Database::Open(path.string());
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().ToString().find("embargo-not-a-db.txt"), std::string::npos)
      << db.error().ToString();
  std::filesystem::remove(path);
}

TEST(DatabaseOpenTest, UnreachablePostgresIsAClearErrorWithoutThePassword) {
  auto db = Database::Open("postgresql://alice:s3cret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  std::string message = db.error().ToString();
  EXPECT_NE(message.find("cannot connect"), std::string::npos) << message;
  EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
}

TEST_P(StoreTest, MigratesOnceAndRecordsTheVersion) {
  auto version = db().QueryValue("SELECT max(version) FROM schema_migrations");
  ASSERT_TRUE(version.ok()) << version.error().ToString();
  EXPECT_EQ(version->value_or(""), std::to_string(Migrations().back().version));
  auto again = Migrate(db());  // opening an up-to-date store changes nothing
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(*again, Migrations().back().version);
  auto count = db().QueryValue("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->value_or(""), std::to_string(Migrations().size()));
}

TEST_P(StoreTest, ParametersRoundTripEveryType) {
  ASSERT_TRUE(
      db().ExecScript("CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT, n TEXT)").ok());
  ASSERT_TRUE(db().Exec("INSERT INTO t (i, r, s, n) VALUES (?, ?, ?, ?)",
                        {int64_t{-9007199254740993}, 0.8125, std::string("Kim Jong Un '金正恩' ?"),
                         nullptr})
                  .ok());
  auto rows =
      db().Query("SELECT i, r, s, n FROM t WHERE s = ?", {std::string("Kim Jong Un '金正恩' ?")});
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().Int(0), -9007199254740993);
  EXPECT_DOUBLE_EQ(rows->front().Real(1), 0.8125);
  EXPECT_EQ(rows->front().Text(2), "Kim Jong Un '金正恩' ?");
  EXPECT_TRUE(rows->front().IsNull(3));
}

TEST_P(StoreTest, TransactionRollsBackUnlessCommitted) {
  ASSERT_TRUE(db().ExecScript("CREATE TABLE t (v TEXT)").ok());
  {
    auto tx = Transaction::Begin(db());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db().Exec("INSERT INTO t (v) VALUES ('lost')").ok());
  }  // destroyed without Commit
  {
    auto tx = Transaction::Begin(db());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db().Exec("INSERT INTO t (v) VALUES ('kept')").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto rows = db().Query("SELECT v FROM t");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().Text(0), "kept");
}

TEST_P(StoreTest, InsertRowsSplitsIntoStatementsAndKeepsEveryRow) {
  ASSERT_TRUE(db().ExecScript("CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT)").ok());
  SqlParams values;
  for (int64_t k = 0; k < 250; ++k) values.insert(values.end(), {k, "v" + std::to_string(k)});
  ASSERT_TRUE(InsertRows(db(), "INSERT INTO t (k, v)", 2, values).ok());
  // Duplicates are skipped with ON CONFLICT, not an error.
  ASSERT_TRUE(InsertRows(db(), "INSERT INTO t (k, v)", 2, {int64_t{7}, std::string("again")},
                         "ON CONFLICT (k) DO NOTHING")
                  .ok());
  auto count = db().QueryValue("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->value_or(""), "250");
  auto seven = db().QueryValue("SELECT v FROM t WHERE k = ?", {int64_t{7}});
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(seven->value_or(""), "v7");
}

TEST_P(StoreTest, ErrorsNameTheStatement) {
  auto rows = db().Query("SELECT nope FROM missing_table");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().ToString().find("missing_table"), std::string::npos)
      << rows.error().ToString();
}

EMBARGO_STORE_BACKENDS(StoreTest);

}  // namespace
}  // namespace embargo::store
