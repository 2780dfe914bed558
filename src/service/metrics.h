// Service metrics in Prometheus text format: requests by endpoint and
// status, latency histograms per endpoint, screened names, alerts raised,
// reloads, and the index version and age. Thread-safe: one mutex guards the
// counters (a few increments per request, far below the screening cost).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace embargo::service {

class Metrics {
 public:
  Metrics();

  void RecordRequest(const std::string& endpoint, int status, double seconds, size_t queries,
                     size_t alerts);
  void RecordReload(bool ok);

  // The exposition text; `index_version` and `index_loaded_at` describe the
  // snapshot being served.
  std::string Render(const std::string& index_version,
                     std::chrono::system_clock::time_point index_loaded_at, size_t entities) const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative counts are computed when rendering
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::vector<double> bounds_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  uint64_t screened_ = 0;
  uint64_t alerts_ = 0;
  uint64_t reloads_ok_ = 0;
  uint64_t reloads_failed_ = 0;
};

}  // namespace embargo::service
