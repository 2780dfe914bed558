// A progress bar for long batches, drawn on stderr only when stderr is a
// terminal (CI logs and pipes stay clean). Thread-compatible: one thread
// calls Update().
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace embargo::cli {

class ProgressBar {
 public:
  ProgressBar(std::string label, size_t total);
  ~ProgressBar();
  void Update(size_t done);
  void Finish();

 private:
  std::string label_;
  size_t total_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace embargo::cli
