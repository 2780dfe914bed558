#include "match/flat_multimap.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace embargo::match {
namespace {

std::vector<uint32_t> Values(std::span<const uint32_t> found) {
  return {found.begin(), found.end()};
}

TEST(FlatMultiMapTest, FindsEveryValueOfAHashOnceAndNothingForOthers) {
  FlatMultiMap map({{7, 3}, {7, 1}, {2, 9}, {7, 3}, {1ULL << 63, 4}, {~0ULL, 5}});
  EXPECT_EQ(Values(map.Find(7)), (std::vector<uint32_t>{1, 3}));  // sorted, duplicate gone
  EXPECT_EQ(Values(map.Find(2)), (std::vector<uint32_t>{9}));
  EXPECT_EQ(Values(map.Find(1ULL << 63)), (std::vector<uint32_t>{4}));
  EXPECT_EQ(Values(map.Find(~0ULL)), (std::vector<uint32_t>{5}));
  EXPECT_TRUE(map.Find(3).empty());
  EXPECT_TRUE(map.Find(0).empty());
  EXPECT_EQ(map.size(), 5u);
  EXPECT_TRUE(FlatMultiMap().Find(7).empty());
  EXPECT_TRUE(FlatMultiMap(std::vector<std::pair<uint64_t, uint32_t>>{}).Find(7).empty());
}

// Many uniform hashes, as the similar-token lookup holds: every one found
// with its values, through a directory of many buckets, before and after a
// snapshot round trip; absent hashes are not.
TEST(FlatMultiMapTest, ManyHashesAreFoundAndSurviveTheSnapshotRoundTrip) {
  std::mt19937_64 random(16);
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  std::vector<uint64_t> hashes;
  for (uint32_t i = 0; i < 50000; ++i) {
    hashes.push_back(random() | 1);
    entries.emplace_back(hashes.back(), i);
    if (i % 3 == 0) entries.emplace_back(hashes.back(), i + 1);
  }
  FlatMultiMap built(entries);
  BinaryWriter w;
  built.Write(w);
  BinaryReader r(w.data());
  std::optional<FlatMultiMap> read = FlatMultiMap::Read(r, 50001);
  ASSERT_TRUE(read.has_value()) << r.why();
  for (const FlatMultiMap* map : {&built, &*read}) {
    for (uint32_t i = 0; i < hashes.size(); ++i) {
      std::vector<uint32_t> want = {i};
      if (i % 3 == 0) want.push_back(i + 1);
      ASSERT_EQ(Values(map->Find(hashes[i])), want) << i;
      ASSERT_TRUE(map->Find(hashes[i] ^ 2).empty()) << i;  // even: never a stored hash
    }
  }
  EXPECT_LT(read->memory_bytes(), entries.size() * 16);  // was 16-64 bytes per hash
}

TEST(FlatMultiMapTest, ADamagedTableFailsTheReader) {
  auto read = [](auto write, uint32_t bound = 10) {
    BinaryWriter w;
    write(w);
    BinaryReader r(w.data());
    std::optional<FlatMultiMap> map = FlatMultiMap::Read(r, bound);
    return map.has_value() ? std::string("ok") : r.why();
  };
  auto runs = [](BinaryWriter& w, std::vector<std::pair<uint64_t, uint32_t>> rs,
                 std::vector<uint32_t> values) {
    w.U32(static_cast<uint32_t>(rs.size()));
    for (auto [hash, count] : rs) {
      w.U64(hash);
      w.U32(count);
    }
    w.U32s(values);
  };
  EXPECT_EQ(read([&](BinaryWriter& w) { runs(w, {{1, 1}, {5, 2}}, {0, 1, 2}); }), "ok");
  EXPECT_NE(read([&](BinaryWriter& w) {
              runs(w, {{5, 1}, {1, 1}}, {0, 1});
            }).find("lookup hashes out of order"),
            std::string::npos);
  EXPECT_NE(read([&](BinaryWriter& w) {
              runs(w, {{1, 0}}, {});
            }).find("an empty lookup run"),
            std::string::npos);
  EXPECT_NE(read([&](BinaryWriter& w) {
              runs(w, {{1, 2}}, {0});
            }).find("lookup runs hold 2 values, 1 given"),
            std::string::npos);
  EXPECT_NE(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}}, {10});
            }).find("lookup value 10 out of range (fewer than 10)"),
            std::string::npos);
  EXPECT_NE(read([&](BinaryWriter& w) { w.U32(1000000); }).find("lookup table runs past the end"),
            std::string::npos);
}

}  // namespace
}  // namespace embargo::match
