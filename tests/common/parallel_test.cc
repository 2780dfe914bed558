// FirstFailing names the first failing index whichever chunk and core find
// failures first, and n when none fails.
#include "common/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace embargo {
namespace {

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
