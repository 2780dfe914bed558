#include "service/screening_log.h"

#include <algorithm>
#include <iostream>

#include "common/json_text.h"

namespace embargo::service {

ScreeningLog::ScreeningLog(store::Database& db, std::mutex& db_mu, ScreeningLogOptions options)
    : db_(db), db_mu_(db_mu), options_(options), writer_([this] { Writer(); }) {}

ScreeningLog::~ScreeningLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
  Status last = WriteQueued();
  if (!last.ok()) {
    std::cerr << JsonText({{"ts", store::NowUtc()},
                           {"event", "screening_records_lost"},
                           {"records", queued()},
                           {"error", last.error().ToString()}})
              << std::endl;
  }
}

void ScreeningLog::Add(std::vector<store::ScreeningRecord> records) {
  if (records.empty()) return;
  bool full = false;
  {
    std::lock_guard lock(mu_);
    for (store::ScreeningRecord& r : records) queue_.push_back(std::move(r));
    full = queue_.size() >= options_.max_batch;
  }
  if (full) wake_.notify_all();
}

Status ScreeningLog::Flush() { return WriteQueued(); }

size_t ScreeningLog::written() const {
  std::lock_guard lock(mu_);
  return written_;
}

size_t ScreeningLog::queued() const {
  std::lock_guard lock(mu_);
  return queue_.size() + in_flight_;
}

bool ScreeningLog::Backlogged() const { return queued() >= options_.max_queued; }

void ScreeningLog::Writer() {
  constexpr std::chrono::milliseconds kMaxBackOff{5000};
  std::chrono::milliseconds wait = options_.interval;
  bool failing = false;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    // A full batch wakes the writer early, unless the store is refusing
    // batches: then it waits the whole back-off before trying again.
    wake_.wait_for(lock, wait, [this, failing] {
      return stopping_ || (!failing && queue_.size() >= options_.max_batch);
    });
    if (stopping_ || queue_.empty()) continue;
    lock.unlock();
    Status s = WriteQueued();
    failing = !s.ok();
    wait = failing ? std::min(wait * 2, kMaxBackOff) : options_.interval;
    if (failing) {
      std::cerr << JsonText({{"ts", store::NowUtc()},
                             {"event", "screening_records_failed"},
                             {"retry_in_ms", wait.count()},
                             {"error", s.error().ToString()}})
                << std::endl;
    }
    lock.lock();
  }
}

Status ScreeningLog::WriteQueued() {
  std::lock_guard write_lock(write_mu_);
  std::vector<store::ScreeningRecord> batch;
  {
    std::lock_guard lock(mu_);
    batch.swap(queue_);
    in_flight_ = batch.size();
  }
  if (batch.empty()) return Status::Ok();
  Result<store::RecordedScreenings> recorded = [&] {
    std::lock_guard db_lock(db_mu_);
    auto written = store::RecordScreenings(db_, batch);
    if (written.ok() && options_.after_write) options_.after_write();
    return written;
  }();
  std::lock_guard lock(mu_);
  in_flight_ = 0;
  if (!recorded.ok()) {
    // Back at the front, in order: tried again with the next batch.
    queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()),
                  std::make_move_iterator(batch.end()));
    return recorded.error();
  }
  written_ += batch.size();
  return Status::Ok();
}

}  // namespace embargo::service
