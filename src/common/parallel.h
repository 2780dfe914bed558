// Runs fn(i) for i in [0, n) on `threads` threads (0 = all cores), handing
// out indices dynamically; `progress(done)` is called from one reporter
// thread about every 100 ms, and once at the end from the calling thread.
// fn must be safe to call concurrently.
#pragma once

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

}  // namespace embargo
