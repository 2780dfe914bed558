// Runs fn(i) for i in [0, n) on `threads` threads (0 = all cores), handing
// out indices dynamically; `progress(done)` is called from one reporter
// thread about every 100 ms, and once at the end from the calling thread.
// fn must be safe to call concurrently.
//
// ParallelForBlocks(n, block, fn): fn(b, begin, end) for each block b of
// `block` indices of [0, n), on every core when there is more than one
// block, else on the calling thread.
//
// AllHold(n, block, ok): whether ok(i) holds for every i in [0, n), checked
// in blocks of `block` on every core (each core stops soon after one fails);
// ok must be safe to call concurrently.
//
// FirstFailing(n, ok): the smallest i in [0, n) with ok(i) false (n when
// none), checked in chunks on every core; ok must be safe to call
// concurrently. For checks of large tables (a snapshot's, on load) whose
// error names the first bad entry, as a loop would.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace embargo {

inline unsigned ResolveThreads(int threads) {
  if (threads > 0) return static_cast<unsigned>(threads);
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

inline void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn,
                        const std::function<void(size_t)>& progress = nullptr) {
  std::atomic<size_t> next{0}, done{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      fn(i);
      ++done;
    }
  };
  std::vector<std::thread> pool;
  unsigned count = ResolveThreads(threads);
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(worker);
  if (progress) {
    std::thread reporter([&] {
      while (done.load() < n) {
        progress(done.load());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
    worker();
    for (auto& t : pool) t.join();
    reporter.join();
    progress(n);
  } else {
    worker();
    for (auto& t : pool) t.join();
  }
}

template <typename Fn>
void ParallelForBlocks(size_t n, size_t block, Fn fn) {
  const size_t blocks = (n + block - 1) / block;
  ParallelFor(blocks, blocks > 1 ? 0 : 1,
              [&](size_t b) { fn(b, b * block, std::min(n, (b + 1) * block)); });
}

template <typename Ok>
bool AllHold(size_t n, size_t block, Ok ok) {
  std::atomic<bool> all{true};
  ParallelForBlocks(n, block, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end && all.load(std::memory_order_relaxed); ++i) {
      if (!ok(i)) all.store(false, std::memory_order_relaxed);
    }
  });
  return all.load();
}

template <typename Ok>
size_t FirstFailing(size_t n, Ok ok) {
  constexpr size_t kChunk = size_t{1} << 16;
  std::vector<size_t> first((n + kChunk - 1) / kChunk, n);
  ParallelForBlocks(n, kChunk, [&](size_t c, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (!ok(i)) {
        first[c] = i;
        return;
      }
    }
  });
  for (size_t f : first) {
    if (f != n) return f;
  }
  return n;
}

}  // namespace embargo
