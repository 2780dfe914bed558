// The service's screening records (store/screenings.h): request threads hand
// over what they screened (Add: a lock and a move, never a database write),
// and one writer thread commits the queue in batches, each one transaction
// with its audit row, every `interval` (or at once when `max_batch` records
// wait), through the server's store connection under its mutex. A busy
// service thus pays one commit per interval, not one per query.
// Flush() writes what is queued now and returns its outcome (a reader of the
// records calls it first, so a user sees their own screenings); the
// destructor flushes. A batch that fails to write stays queued and is tried
// again after a back-off doubling up to 5 s (a store briefly locked loses
// nothing; one that is down is not hammered); what a crash can lose is
// the records of the last interval, whose answers were already sent. A
// store that keeps refusing shows as Backlogged, and the server stops
// screening (fails closed) until the records are written.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "embargo/status.h"
#include "store/database.h"
#include "store/screenings.h"

namespace embargo::service {

struct ScreeningLogOptions {
  std::chrono::milliseconds interval{200};
  size_t max_batch = 5000;
  // Records waiting beyond which the log is backlogged (Backlogged): the
  // store has refused them for a while.
  size_t max_queued = 100000;
  // Called after each batch commits, with the store's mutex held (the
  // server publishes the audit head).
  std::function<void()> after_write;
};

class ScreeningLog {
 public:
  // `db` and `db_mu` outlive the log; every use of `db` holds `db_mu`.
  ScreeningLog(store::Database& db, std::mutex& db_mu, ScreeningLogOptions options = {});
  ~ScreeningLog();
  ScreeningLog(const ScreeningLog&) = delete;
  ScreeningLog& operator=(const ScreeningLog&) = delete;

  void Add(std::vector<store::ScreeningRecord> records);
  // Writes everything queued before the call; the first error, if any.
  Status Flush();

  size_t written() const;  // records committed so far
  size_t queued() const;   // records waiting
  // Whether max_queued records wait: the server then refuses to screen
  // (503) rather than screen what it cannot record.
  bool Backlogged() const;

 private:
  void Writer();
  // Takes the queue and writes it (under db_mu_); puts it back on failure.
  Status WriteQueued();

  store::Database& db_;
  std::mutex& db_mu_;
  const ScreeningLogOptions options_;
  mutable std::mutex mu_;  // guards the fields below
  std::condition_variable wake_;
  std::vector<store::ScreeningRecord> queue_;
  size_t written_ = 0;
  // Records taken out of queue_ by a write that has not ended: still
  // waiting (queued() and Backlogged() count them; a failed write puts them
  // back).
  size_t in_flight_ = 0;
  bool stopping_ = false;
  std::mutex write_mu_;  // one WriteQueued at a time (writer thread or Flush)
  std::thread writer_;
};

}  // namespace embargo::service
