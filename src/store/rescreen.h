// Ongoing monitoring: re-screens the registered customers against the list
// versions in force, raising and closing alerts (store/alerts.h).
//
// The first run (or --full) screens every customer against everything. Later
// runs are delta runs: a customer whose record is unchanged since it was
// last screened is screened only against the entities added or changed since
// the versions recorded in monitor_state, and live alerts on entities that
// were removed are closed; new or edited customers are screened against
// everything. The changed entities get an index of their own that scores
// with the full index's rarity weights (Screener::Subset), so a delta run
// gives the scores of a full screen and raises and closes the alerts a full
// run would (tested pair for pair on the OFAC January -> February 2024
// change).
//
// Crash safety: customers are screened in chunks, each committed with its
// alerts in one transaction; monitor_state moves only in the final
// transaction. A run killed half-way leaves the store consistent and is
// marked "interrupted" by the next run, which redoes the same delta
// (re-raising nothing twice: at most one live alert per pair).
// One re-screen at a time per store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "store/database.h"
#include "store/versions.h"

namespace embargo::store {

struct RescreenOptions {
  bool full = false;
  double threshold = kDefaultThreshold;
  int threads = 0;  // 0 = all cores
  std::string actor;
  size_t chunk_size = 5000;
};

struct RescreenReport {
  int64_t run_id = 0;
  std::string mode;  // full | delta
  size_t customers = 0;
  size_t screened_full = 0;   // customers screened against every entity
  size_t screened_delta = 0;  // customers screened against the delta only
  size_t delta_entities = 0;  // entities added or changed since the last run
  size_t removed_entities = 0;
  size_t opened = 0;
  size_t refreshed = 0;
  size_t closed = 0;
  size_t suppressed = 0;
  size_t interrupted_runs = 0;  // earlier runs found killed half-way
  double load_seconds = 0;      // reading versions and building the index
  double screen_seconds = 0;    // screening and writing alerts
  double total_seconds = 0;
  std::vector<ListVersion> versions;
};

Result<RescreenReport> Rescreen(Database& db, const RescreenOptions& options);

}  // namespace embargo::store
