#include "match/flat_multimap.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
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
  // The layout FlatMultiMap::Write gives, from runs (hash, values in it).
  auto runs = [](BinaryWriter& w, std::vector<std::pair<uint64_t, uint32_t>> rs,
                 std::vector<uint32_t> values, uint32_t bits = 0,
                 std::vector<uint32_t> directory = {}) {
    w.U32(static_cast<uint32_t>(rs.size()));
    w.U32(bits);
    w.U32(static_cast<uint32_t>(values.size()));
    w.Align(8);
    std::vector<uint64_t> hashes;
    std::vector<uint32_t> ends;
    for (auto [hash, count] : rs) {
      hashes.push_back(hash);
      ends.push_back((ends.empty() ? 0 : ends.back()) + count);
    }
    if (directory.empty()) directory = {0, static_cast<uint32_t>(rs.size())};
    w.Array(std::span<const uint64_t>(hashes));
    w.Array(std::span<const uint32_t>(ends));
    w.Array(std::span<const uint32_t>(values));
    w.Array(std::span<const uint32_t>(directory));
  };
  constexpr uint64_t kTop = uint64_t{1} << 63;
  EXPECT_EQ(read([&](BinaryWriter& w) { runs(w, {{1, 1}, {5, 2}}, {0, 1, 2}); }), "ok");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}, {5, 1}, {kTop | 1, 1}}, {0, 1, 2}, 1, {0, 2, 3});
            }),
            "ok");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{5, 1}, {1, 1}}, {0, 1});
            }),
            "lookup hashes out of order");
  EXPECT_EQ(read([&](BinaryWriter& w) { runs(w, {{1, 0}}, {}); }), "an empty lookup run");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 2}}, {0});
            }),
            "lookup runs hold 2 values, 1 given");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}}, {10});
            }),
            "lookup value 10 out of range (fewer than 10)");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}, {5, 1}}, {0, 1}, 3);
            }),
            "lookup directory of 3 bits for 2 hashes");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}, {5, 1}, {kTop | 1, 1}}, {0, 1, 2}, 1, {0, 1, 3});
            }),
            "lookup directory entry 1 is 1, the hashes give 2");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              runs(w, {{1, 1}, {5, 1}, {kTop | 1, 1}}, {0, 1, 2}, 1, {0, 2, 2});
            }),
            "the lookup directory does not end at the last hash");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              w.U32(1000000);
              w.U32(19);
              w.U32(0);
              w.U32(0);  // padding
            }),
            "a length or count runs past the end");
  EXPECT_EQ(read([&](BinaryWriter& w) {
              w.U32(0);
              w.U32(0);
              w.U32(0);
              w.U32(7);  // where the padding goes
            }),
            "padding that is not zero");
}

// Read over bytes that a backing keeps alive, the map uses its arrays where
// they lie when they are aligned in memory (no heap bytes of its own) and
// copies them when they are not (a file image 4 bytes into its buffer);
// both find what the built map finds.
TEST(FlatMultiMapTest, AlignedBytesAreUsedWhereTheyLieAndOthersCopied) {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (uint32_t i = 0; i < 5000; ++i)
    entries.emplace_back((uint64_t{i} * 0x9E3779B97F4A7C15) | 1, i);
  FlatMultiMap built(entries);
  BinaryWriter w;
  built.Write(w);
  for (size_t shift : {0, 4}) {
    auto buffer = std::make_shared<std::string>(std::string(shift, 'x') + w.data());
    ASSERT_EQ(reinterpret_cast<uintptr_t>(buffer->data()) % 8, 0u);  // a heap buffer
    BinaryReader r(std::string_view(*buffer).substr(shift), 0, buffer);
    std::optional<FlatMultiMap> read = FlatMultiMap::Read(r, 5000);
    ASSERT_TRUE(read.has_value()) << r.why();
    // Shifted, the hashes (8 bytes each) are copied; the 4-byte arrays
    // are still aligned for theirs.
    EXPECT_EQ(read->memory_bytes(), shift == 0 ? 0u : 5000 * sizeof(uint64_t));
    for (const auto& [hash, value] : entries)
      ASSERT_EQ(Values(read->Find(hash)), std::vector<uint32_t>{value}) << shift;
  }
}

}  // namespace
}  // namespace embargo::match
