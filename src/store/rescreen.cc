#include "store/rescreen.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/parallel.h"
#include "embargo/match_json.h"
#include "match/match_json.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/audit_state.h"
#include "store/crash_point.h"
#include "store/customers.h"

namespace embargo::store {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct LiveAlert {
  int64_t id = 0;
  std::string entity_hash;
  std::string customer_hash;
  int64_t version_id = 0;
  double score = 0;
};

struct Suppression {
  std::string customer_hash;
  std::string entity_hash;
};

// Where each entity in force stands: its version and record hash.
struct EntityState {
  int64_t version_id = 0;
  std::string dataset;
  std::string hash;
};

class Run {
 public:
  Run(Database& db, const RescreenOptions& options) : db_(db), options_(options) {}

  Result<RescreenReport> Execute();

 private:
  Status MarkInterruptedRuns();
  Status LoadState();
  Status StartRun();
  Status ScreenChunk(size_t first, size_t last, const std::vector<std::vector<Match>>& results);
  Status Reconcile(const Customer& customer, bool full, const std::vector<Match>& matches);
  Status Finish();
  std::string Actor() const { return options_.actor.empty() ? CurrentUser() : options_.actor; }

  Database& db_;
  const RescreenOptions& options_;
  RescreenReport report_;
  std::string started_at_;
  std::vector<ListVersion> versions_;
  std::map<std::string, int64_t> monitored_;  // dataset -> version last screened against
  std::unordered_map<std::string, EntityState> in_force_;
  std::unordered_set<std::string> delta_;       // entity ids added or changed
  std::map<std::string, std::string> removed_;  // entity id -> reason
  std::vector<Customer> customers_;
  std::unordered_map<int64_t, std::map<std::string, LiveAlert>> live_;  // customer -> entity
  std::map<std::pair<int64_t, std::string>, Suppression> suppressions_;
  std::shared_ptr<const Screener> screener_;
};

Status Run::MarkInterruptedRuns() {
  auto stale = db_.Query("SELECT id FROM rescreen_runs WHERE status = 'running' ORDER BY id");
  if (!stale.ok()) return stale.error();
  for (const SqlRow& row : *stale) {
    auto tx = Transaction::Begin(db_);
    if (!tx.ok()) return tx.error();
    EMBARGO_RETURN_IF_ERROR(
        db_.Exec("UPDATE rescreen_runs SET status = 'interrupted', finished_at = ? WHERE id = ?",
                 {NowUtc(), row.Int(0)}));
    auto audit = AppendAudit(db_, {Actor(),
                                   "rescreen.interrupted",
                                   fmt::format("run {}", row.Int(0)),
                                   {{"found_by", "the next re-screen"}}});
    if (!audit.ok()) return audit.error();
    EMBARGO_RETURN_IF_ERROR(tx->Commit());
    ++report_.interrupted_runs;
  }
  return Status::Ok();
}

Status Run::LoadState() {
  auto versions = VersionsInForce(db_);
  if (!versions.ok()) return versions.error();
  if (versions->empty()) {
    return MakeError("no lists in the store: run 'embargo import' or 'embargo update' first");
  }
  versions_ = std::move(*versions);
  report_.versions = versions_;

  auto monitored = db_.Query("SELECT dataset, version_id FROM monitor_state");
  if (!monitored.ok()) return monitored.error();
  for (const SqlRow& r : *monitored) monitored_[r.Text(0)] = r.Int(1);
  report_.mode = options_.full || monitored_.empty() ? "full" : "delta";

  for (const ListVersion& v : versions_) {
    auto hashes = VersionRecordHashes(db_, v.id);
    if (!hashes.ok()) return hashes.error();
    for (auto& [id, hash] : *hashes) in_force_[id] = EntityState{v.id, v.dataset, hash};
    if (report_.mode != "delta") continue;
    auto it = monitored_.find(v.dataset);
    int64_t before = it == monitored_.end() ? 0 : it->second;
    if (before == v.id) continue;
    auto delta = DiffVersionIds(db_, before, v.id);
    if (!delta.ok()) return delta.error();
    delta_.insert(delta->added.begin(), delta->added.end());
    delta_.insert(delta->changed.begin(), delta->changed.end());
    for (const std::string& id : delta->removed) {
      removed_[id] = fmt::format("entity removed from {} in version {}", v.dataset, v.id);
    }
  }
  report_.delta_entities = delta_.size();
  report_.removed_entities = removed_.size();

  auto customers = LoadCustomers(db_);
  if (!customers.ok()) return customers.error();
  customers_ = std::move(*customers);
  report_.customers = customers_.size();

  Status status = db_.ForEach(
      "SELECT id, customer_id, entity_id, entity_hash, customer_hash, version_id, score FROM "
      "alerts WHERE closed_at IS NULL",
      {}, [&](const SqlRow& r) {
        live_[r.Int(1)][r.Text(2)] = LiveAlert{r.Int(0), r.Text(3), r.Text(4), r.Int(5), r.Real(6)};
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return db_.ForEach("SELECT customer_id, entity_id, customer_hash, entity_hash FROM suppressions",
                     {}, [&](const SqlRow& r) {
                       suppressions_[{r.Int(0), r.Text(1)}] = Suppression{r.Text(2), r.Text(3)};
                       return Status::Ok();
                     });
}

Status Run::StartRun() {
  nlohmann::json versions = nlohmann::json::object();
  for (const ListVersion& v : versions_) versions[v.dataset] = v.id;
  started_at_ = NowUtc();
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto id = db_.QueryValue(
      "INSERT INTO rescreen_runs (mode, status, started_at, versions) VALUES (?, 'running', ?, ?) "
      "RETURNING id",
      {report_.mode, started_at_, versions.dump()});
  if (!id.ok()) return id.error();
  report_.run_id = std::stoll(id->value_or("0"));
  auto audit = AppendAudit(db_, {Actor(),
                                 "rescreen.start",
                                 fmt::format("run {}", report_.run_id),
                                 {{"mode", report_.mode},
                                  {"versions", versions},
                                  {"customers", customers_.size()},
                                  {"delta_entities", delta_.size()},
                                  {"removed_entities", removed_.size()}}});
  if (!audit.ok()) return audit.error();
  return tx->Commit();
}

Status Run::Reconcile(const Customer& customer, bool full, const std::vector<Match>& matches) {
  std::map<std::string, LiveAlert>& live = live_[customer.id];
  std::set<std::string> matched;
  for (const Match& m : matches) {
    if (!m.match) continue;
    const std::string& entity_id = m.entity->id;
    matched.insert(entity_id);
    const EntityState& state = in_force_[entity_id];
    NewAlert alert{customer.id,
                   entity_id,
                   state.dataset,
                   state.version_id,
                   state.hash,
                   customer.record_hash,
                   match::RoundScore(m.score),
                   ExplanationJson(m.explanation),
                   report_.run_id,
                   customer.external_id};
    if (auto it = live.find(entity_id); it != live.end()) {
      LiveAlert& a = it->second;
      if (a.entity_hash != alert.entity_hash || a.customer_hash != alert.customer_hash ||
          a.version_id != alert.version_id || a.score != alert.score) {
        EMBARGO_RETURN_IF_ERROR(RefreshAlert(db_, a.id, alert, Actor()));
        a = LiveAlert{a.id, alert.entity_hash, alert.customer_hash, alert.version_id, alert.score};
        ++report_.refreshed;
      }
      continue;
    }
    auto key = std::make_pair(customer.id, entity_id);
    if (auto it = suppressions_.find(key); it != suppressions_.end()) {
      if (it->second.customer_hash == alert.customer_hash &&
          it->second.entity_hash == alert.entity_hash) {
        ++report_.suppressed;
        continue;
      }
      // One side changed since the false-positive decision: it lapses.
      EMBARGO_RETURN_IF_ERROR(LapseSuppression(db_, customer.id, entity_id, Actor()));
      suppressions_.erase(it);
    }
    auto id = OpenAlert(db_, alert, Actor());
    if (!id.ok()) return id.error();
    live[entity_id] =
        LiveAlert{*id, alert.entity_hash, alert.customer_hash, alert.version_id, alert.score};
    ++report_.opened;
  }
  // Live alerts on entities this screening covered that no longer match.
  for (auto it = live.begin(); it != live.end();) {
    const std::string& entity_id = it->first;
    bool covered = full || delta_.contains(entity_id);
    if (!covered || matched.contains(entity_id)) {
      ++it;
      continue;
    }
    std::string reason;
    if (auto gone = removed_.find(entity_id); gone != removed_.end()) {
      reason = gone->second;
    } else if (!in_force_.contains(entity_id)) {
      reason = "entity no longer on the lists in force";
    } else if (full && customer.screened_hash != customer.record_hash) {
      reason = "customer record changed: no longer matches";
    } else {
      const EntityState& state = in_force_[entity_id];
      reason = fmt::format("no longer matches ({} version {})", state.dataset, state.version_id);
    }
    EMBARGO_RETURN_IF_ERROR(CloseAlert(db_, it->second.id, reason, Actor()));
    ++report_.closed;
    it = live.erase(it);
  }
  return Status::Ok();
}

Status Run::ScreenChunk(size_t first, size_t last, const std::vector<std::vector<Match>>& results) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  for (size_t i = first; i < last; ++i) {
    const Customer& c = customers_[i];
    bool full = report_.mode == "full" || c.screened_hash != c.record_hash;
    EMBARGO_RETURN_IF_ERROR(Reconcile(c, full, results[i - first]));
  }
  // The whole id range of the chunk is now screened; records edited since
  // the run started keep their old screened_hash and are screened next time.
  EMBARGO_RETURN_IF_ERROR(db_.Exec(
      "UPDATE customers SET screened_hash = record_hash, screened_at = ? WHERE id >= ? AND id <= "
      "? AND updated_at <= ?",
      {NowUtc(), customers_[first].id, customers_[last - 1].id, started_at_}));
  EMBARGO_RETURN_IF_ERROR(db_.Exec(
      "UPDATE rescreen_runs SET customers = ?, opened = ?, closed = ?, suppressed = ? WHERE id = ?",
      {static_cast<int64_t>(last), static_cast<int64_t>(report_.opened),
       static_cast<int64_t>(report_.closed), static_cast<int64_t>(report_.suppressed),
       report_.run_id}));
  if (first > 0) CrashPoint("rescreen.chunk");
  return tx->Commit();
}

Status Run::Finish() {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  // Removed entities: close what customers screened nowhere in this run
  // still hold (and, in a full run, anything not in force any more).
  for (auto& [customer_id, live] : live_) {
    for (auto it = live.begin(); it != live.end();) {
      std::string reason;
      if (auto gone = removed_.find(it->first); gone != removed_.end()) {
        reason = gone->second;
      } else if (!in_force_.contains(it->first)) {
        reason = "entity no longer on the lists in force";
      }
      if (reason.empty()) {
        ++it;
        continue;
      }
      EMBARGO_RETURN_IF_ERROR(CloseAlert(db_, it->second.id, reason, Actor()));
      ++report_.closed;
      it = live.erase(it);
    }
  }
  for (const ListVersion& v : versions_) {
    EMBARGO_RETURN_IF_ERROR(db_.Exec(
        "INSERT INTO monitor_state (dataset, version_id, run_id) VALUES (?, ?, ?) ON CONFLICT "
        "(dataset) DO UPDATE SET version_id = excluded.version_id, run_id = excluded.run_id",
        {v.dataset, v.id, report_.run_id}));
  }
  EMBARGO_RETURN_IF_ERROR(db_.Exec(
      "UPDATE rescreen_runs SET status = 'done', finished_at = ?, customers = ?, entities = ?, "
      "opened = ?, closed = ?, suppressed = ? WHERE id = ?",
      {NowUtc(), static_cast<int64_t>(customers_.size()),
       static_cast<int64_t>(report_.delta_entities), static_cast<int64_t>(report_.opened),
       static_cast<int64_t>(report_.closed), static_cast<int64_t>(report_.suppressed),
       report_.run_id}));
  StateChange monitored;
  EMBARGO_RETURN_IF_ERROR(monitored.Capture(db_, AuditedTable::kMonitorState, ""));
  auto audit = AppendStateAudit(db_,
                                {Actor(),
                                 "rescreen.done",
                                 fmt::format("run {}", report_.run_id),
                                 {{"mode", report_.mode},
                                  {"screened_full", report_.screened_full},
                                  {"screened_delta", report_.screened_delta},
                                  {"opened", report_.opened},
                                  {"refreshed", report_.refreshed},
                                  {"closed", report_.closed},
                                  {"suppressed", report_.suppressed}}},
                                monitored);
  if (!audit.ok()) return audit.error();
  return tx->Commit();
}

Result<RescreenReport> Run::Execute() {
  auto start = Clock::now();
  EMBARGO_RETURN_IF_ERROR(MarkInterruptedRuns());
  EMBARGO_RETURN_IF_ERROR(LoadState());
  EMBARGO_RETURN_IF_ERROR(StartRun());

  // Which customers need screening, and against what.
  const bool full_run = report_.mode == "full";
  std::vector<char> against_all(customers_.size());
  bool any = false;
  for (size_t i = 0; i < customers_.size(); ++i) {
    const Customer& c = customers_[i];
    against_all[i] = full_run || c.screened_hash != c.record_hash;
    any = any || against_all[i] || !delta_.empty();
  }
  if (any) {
    auto lists = LoadListSet(db_, versions_);
    if (!lists.ok()) return lists.error();
    screener_ = Screener::Build(std::move(*lists));
  }
  report_.load_seconds = Seconds(start);

  auto screen_start = Clock::now();
  ScreenOptions all;
  all.threshold = options_.threshold;
  all.cutoff = options_.threshold;
  all.limit = 100;  // every alerting entity, not a top few: delta and full runs must agree
  // The changed entities in an index of their own, scored with the full
  // index's rarity weights: a customer's query meets a few hundred names
  // instead of every listed one.
  std::shared_ptr<const Screener> delta_screener;
  if (screener_ != nullptr && !delta_.empty()) {
    delta_screener = screener_->Subset([this](const Entity& e) { return delta_.contains(e.id); });
  }

  const size_t chunk = std::max<size_t>(1, options_.chunk_size);
  for (size_t first = 0; first < customers_.size(); first += chunk) {
    size_t last = std::min(customers_.size(), first + chunk);
    std::vector<std::vector<Match>> results(last - first);
    ParallelFor(last - first, options_.threads, [&](size_t k) {
      size_t i = first + k;
      if (!against_all[i] && delta_.empty()) return;
      auto query = MakeQuery(customers_[i].fields);
      if (!query.ok()) return;  // refused at import; cannot happen for stored records
      results[k] =
          against_all[i] ? screener_->Screen(*query, all) : delta_screener->Screen(*query, all);
    });
    for (size_t i = first; i < last; ++i) {
      if (against_all[i]) {
        ++report_.screened_full;
      } else if (!delta_.empty()) {
        ++report_.screened_delta;
      }
    }
    EMBARGO_RETURN_IF_ERROR(ScreenChunk(first, last, results));
  }
  EMBARGO_RETURN_IF_ERROR(Finish());
  report_.screen_seconds = Seconds(screen_start);
  report_.total_seconds = Seconds(start);
  return report_;
}

}  // namespace

Result<RescreenReport> Rescreen(Database& db, const RescreenOptions& options) {
  Run run(db, options);
  return run.Execute();
}

}  // namespace embargo::store
