#include "service/metrics.h"

#include <fmt/format.h>

namespace embargo::service {

Metrics::Metrics()
    : bounds_{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
              0.025,  0.05,    0.1,    0.25,  0.5,    1,     2.5} {}

void Metrics::RecordRequest(const std::string& endpoint, int status, double seconds, size_t queries,
                            size_t alerts) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{endpoint, status}];
  Histogram& h = latency_[endpoint];
  if (h.buckets.empty()) h.buckets.assign(bounds_.size(), 0);
  for (size_t i = 0; i < bounds_.size(); ++i) {
    if (seconds <= bounds_[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
  screened_ += queries;
  alerts_ += alerts;
}

void Metrics::RecordReload(bool ok) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++(ok ? reloads_ok_ : reloads_failed_);
}

std::string Metrics::Render(const std::string& index_version,
                            std::chrono::system_clock::time_point loaded_at,
                            size_t entities) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  out += "# HELP embargo_requests_total HTTP requests by endpoint and status.\n";
  out += "# TYPE embargo_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += fmt::format("embargo_requests_total{{endpoint=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, count);
  }
  out += "# HELP embargo_request_duration_seconds Request latency by endpoint.\n";
  out += "# TYPE embargo_request_duration_seconds histogram\n";
  for (const auto& [endpoint, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += h.buckets[i];
      out +=
          fmt::format("embargo_request_duration_seconds_bucket{{endpoint=\"{}\",le=\"{}\"}} {}\n",
                      endpoint, bounds_[i], cumulative);
    }
    out +=
        fmt::format("embargo_request_duration_seconds_bucket{{endpoint=\"{}\",le=\"+Inf\"}} {}\n",
                    endpoint, h.count);
    out += fmt::format("embargo_request_duration_seconds_sum{{endpoint=\"{}\"}} {}\n", endpoint,
                       h.sum);
    out += fmt::format("embargo_request_duration_seconds_count{{endpoint=\"{}\"}} {}\n", endpoint,
                       h.count);
  }
  out +=
      "# HELP embargo_screened_names_total Queries screened.\n# TYPE embargo_screened_names_total "
      "counter\n";
  out += fmt::format("embargo_screened_names_total {}\n", screened_);
  out +=
      "# HELP embargo_alerts_total Results with match=true.\n# TYPE embargo_alerts_total counter\n";
  out += fmt::format("embargo_alerts_total {}\n", alerts_);
  out +=
      "# HELP embargo_reloads_total Index reloads by outcome.\n# TYPE embargo_reloads_total "
      "counter\n";
  out += fmt::format(
      "embargo_reloads_total{{outcome=\"ok\"}} {}\nembargo_reloads_total{{outcome=\"failed\"}} "
      "{}\n",
      reloads_ok_, reloads_failed_);
  double age = std::chrono::duration<double>(std::chrono::system_clock::now() - loaded_at).count();
  out += "# HELP embargo_index_info The index being served.\n# TYPE embargo_index_info gauge\n";
  out += fmt::format("embargo_index_info{{version=\"{}\"}} 1\n", index_version);
  out += "# HELP embargo_index_age_seconds Seconds since the served index was loaded.\n";
  out += "# TYPE embargo_index_age_seconds gauge\n";
  out += fmt::format("embargo_index_age_seconds {:.3f}\n", age);
  out +=
      "# HELP embargo_index_entities Entities in the served index.\n# TYPE embargo_index_entities "
      "gauge\n";
  out += fmt::format("embargo_index_entities {}\n", entities);
  return out;
}

}  // namespace embargo::service
