// ParallelForBlocks covers a range once in blocks; FirstFailing names the first failing index
// whichever chunk and core find failures first, and n when none fails.
#include "common/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace embargo {
namespace {

// Every index of [0, n) is in exactly one block, block b holding
// [b * block, min(n, (b + 1) * block)); an empty range runs nothing.
TEST(ParallelForBlocksTest, CoversTheRangeOnceInBlocks) {
  const size_t n = 10'007, block = 256;
  std::vector<std::atomic<int>> seen(n);
  std::vector<std::atomic<int>> blocks((n + block - 1) / block);
  ParallelForBlocks(n, block, [&](size_t b, size_t begin, size_t end) {
    EXPECT_EQ(begin, b * block);
    EXPECT_EQ(end, std::min(n, (b + 1) * block));
    ++blocks[b];
    for (size_t i = begin; i < end; ++i) ++seen[i];
  });
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i].load(), 1) << i;
  for (size_t b = 0; b < blocks.size(); ++b) ASSERT_EQ(blocks[b].load(), 1) << b;
  int calls = 0;
  ParallelForBlocks(0, block, [&](size_t, size_t, size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(FirstFailingTest, FindsTheFirstFailureAcrossChunks) {
  const size_t n = 1'000'003;  // many chunks, the last one short
  EXPECT_EQ(FirstFailing(n, [](size_t) { return true; }), n);
  EXPECT_EQ(FirstFailing(0, [](size_t) { return false; }), 0u);
  EXPECT_EQ(FirstFailing(n, [](size_t) { return false; }), 0u);
  // Failures in several chunks: the lowest wins, not the one found first.
  for (size_t first : {size_t{7}, size_t{65'536}, size_t{400'000}, n - 1}) {
    EXPECT_EQ(FirstFailing(n, [&](size_t i) { return i < first || i % 3 != 0; }),
              first % 3 == 0 ? first : first + (3 - first % 3))
        << first;
  }
  std::atomic<size_t> calls{0};
  FirstFailing(n, [&](size_t) {
    ++calls;
    return true;
  });
  EXPECT_EQ(calls.load(), n);  // every index checked once
}

}  // namespace
}  // namespace embargo
