// The embargo HTTP service: yente-compatible endpoints over an immutable
// screening snapshot, hot reloads, API keys, limits, a JSON request log and
// Prometheus metrics. One process, nothing else to run.
//
// Concurrency: connections are read by I/O threads (http_transport.h), which
// also answer /healthz, /readyz and every refusal (400, 401, 403, 404, 429)
// at once; endpoints that work run on those threads while one stays free,
// else on a bounded worker pool. Each request pins the current snapshot (a
// shared_ptr) and reads it without locks. A reload builds a new snapshot in
// the background and publishes it with one atomic store; requests in flight
// finish on the old one. A failed reload keeps the old snapshot and reports
// the error in /readyz (to admins), /metrics and the log.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "service/auth.h"
#include "service/http_transport.h"
#include "service/http_types.h"
#include "service/metrics.h"
#include "service/screening_log.h"
#include "sources/list_guard.h"
#include "store/audit_head.h"
#include "store/database.h"
#include "store/four_eyes.h"

namespace embargo::service {

// The shrink guard of reloads: as `import`'s, and a dataset served that is
// missing from the new lists is refused too.
ShrinkGuard ServingShrinkGuard();

struct ServerOptions {
  std::vector<std::string> lists;  // list files or folders, re-read on reload
  std::string store;               // store URL: /alerts endpoints; lists from it when no --lists
  std::string index;               // or a snapshot file, re-read on reload
  std::string manifest;            // or yente's manifest (service/manifest.h), re-read on reload
  std::string dataset_override;
  std::string embargoes;  // embargoed jurisdictions CSV for /payments/screen; "" = shipped table
  std::string host = "127.0.0.1";
  int port = 8000;            // 0 = any free port (tests)
  std::string api_keys_path;  // empty: no keys, loopback clients only
  std::string tls_cert_path;  // with tls_key_path: serve HTTPS (OpenSSL)
  std::string tls_key_path;
  // The token POST /updatez (yente's reload endpoint) asks for; empty: the
  // endpoint always answers 403.
  std::string update_token;
  bool log_queries = false;  // log screened names (off by default: privacy)
  int threads = 0;           // requests worked on at once (0 = max(8, cores)); +1 I/O thread
  Limits limits;
  store::AnchorOptions audit;       // the audit head published after each decision
  store::FourEyesPolicy four_eyes;  // which decisions wait for a reviewer
  // With a store: every screening (/match, /payments/screen) is recorded
  // (store/screenings.h), by the key's user.
  bool record_screenings = true;
  // Records waiting for a store that refuses them, beyond which /match and
  // /payments/screen answer 503 (ScreeningLog::Backlogged).
  size_t screening_backlog = 100000;
  // A reload whose lists have far fewer entities than those served (or lack
  // a dataset served) is refused and the old index keeps serving, unless
  // that reload is asked with accept_shrink (POST /admin/reload?accept_shrink=true).
  ShrinkGuard shrink = ServingShrinkGuard();
  // Test hook: called on the worker with the endpoint's metrics label before
  // each endpoint runs there; whatever it throws is answered 500.
  std::function<void(const std::string& endpoint)> before_endpoint;
};

// (method, path template) of every route the server answers.
const std::vector<std::pair<std::string, std::string>>& ServerRoutes();

// Loads the lists or index named in `options` into a snapshot. With
// `previous` (a reload), the new lists are first checked against the
// datasets it serves with options.shrink (its action replaced by `shrink`).
Result<std::shared_ptr<const ServingSnapshot>> LoadServingSnapshot(
    const ServerOptions& options, const ServingSnapshot* previous = nullptr,
    ShrinkAction shrink = ShrinkAction::kRefuse);

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the first snapshot and the API keys; fails without serving.
  Status Load();
  // Binds and serves until Stop(); returns when stopped. Blocking.
  Status Run();
  // Binds to the port (resolving port 0); call before Run() to learn it.
  Result<int> Bind();
  void Stop();
  bool running() const;

  // Asks the reload worker for a reload; returns false when one is already
  // pending (it will pick up the latest files anyway).
  // With `accept_shrink`, that reload takes lists however much they shrank.
  bool RequestReload(bool accept_shrink = false);
  // Asks for a reload and waits for its outcome.
  Status ReloadNow(bool accept_shrink = false);

  std::shared_ptr<const ServingSnapshot> snapshot() const;

 private:
  struct RequestLog;
  struct Call;
  // On an I/O thread: decodes, admits (429), authenticates and routes a
  // request; answers probes and refusals at once, returns the rest as work.
  HttpDispatch Dispatch(HttpRequest&& request);
  // The reply to a request the transport refused (malformed, too large).
  HttpReply Refuse(const HttpRequest& request, int status, std::string detail);
  // Runs a routed request's endpoint; never throws (500 instead).
  HttpReply Answer(RequestLog& log, const Call& call);
  HttpReply Readiness(const Call& call) const;
  HttpReply ReloadEndpoint(const Call& call);
  // POST /updatez?token=T[&sync=true]: yente's reload, allowed with the
  // configured update token; then as /admin/reload.
  HttpReply UpdateEndpoint(const Call& call);
  // Counts, logs and releases the request; returns `reply`.
  HttpReply Finish(RequestLog& log, HttpReply reply, size_t queries = 0, size_t alerts = 0);
  // The reload worker: every reload (admin endpoint, SIGHUP) runs on this one
  // thread, so the allocator reuses one arena instead of keeping a freed
  // index per thread; after a swap it waits for requests to drop the old
  // snapshot, then returns the memory to the system.
  void ReloadWorker();
  // Computes the current snapshot's cross-list links (for /entities) unless
  // done or stopping; runs on the reload worker after each publish.
  void ComputeCrossLinks();
  Status Reload(bool accept_shrink);
  void ReleaseWhenUnused(std::shared_ptr<const ServingSnapshot> old);
  // After a decision (store_mu_ held): publishes the audit head and logs it.
  void PublishAuditHead();
  // Who, when, where and against which versions, for the request's
  // screening records.
  store::ScreeningRecord RecordBase(const Call& call, const ServingSnapshot& snapshot);
  // 503 while the screening log is backlogged (the store refuses records):
  // the service fails closed rather than screen without a record.
  std::optional<Response> RefuseUnrecorded() const;
  // POST /payments/screen; with a store, good-guy entries clear hits and held
  // messages become payment cases.
  Response ScreenPayments(const Call& call, const ServingSnapshot& snapshot);

  ServerOptions options_;
  ApiKeys keys_;
  std::unique_ptr<store::Database> store_;              // one connection, behind store_mu_
  std::optional<store::HeadPublisher> head_publisher_;  // with store_
  std::mutex store_mu_;
  std::unique_ptr<ScreeningLog> screening_log_;  // with store_ and record_screenings
  Metrics metrics_;
  std::unique_ptr<HttpTransport> http_;  // made by Load()
  std::atomic<std::shared_ptr<const ServingSnapshot>> snapshot_;
  std::atomic<bool> reloading_{false};
  std::atomic<int> in_flight_{0};
  std::atomic<bool> stopping_{false};
  mutable std::mutex reload_mutex_;  // guards the fields below
  std::condition_variable reload_cv_;
  bool reload_pending_ = false;
  bool accept_shrink_pending_ = false;  // the pending reload takes a shrunk list
  uint64_t reloads_done_ = 0;
  Status last_reload_status_;
  std::string last_reload_error_;
  std::string last_reload_at_;
  std::thread reload_worker_;
};

}  // namespace embargo::service
