#include "service/server.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <iostream>

#include "common/hash.h"
#include "common/json_text.h"
#include "payments/payment_screener.h"
#include "service/alerts_handler.h"
#include "service/algorithms_handler.h"
#include "service/audit_handler.h"
#include "service/catalog_handler.h"
#include "service/entity_handler.h"
#include "service/ftm_graph.h"
#include "service/gaps_handler.h"
#include "service/json_body_check.h"
#include "service/manifest.h"
#include "service/match_handler.h"
#include "service/openapi.h"
#include "service/payments_handler.h"
#include "service/reconcile_handler.h"
#include "service/request_target.h"
#include "service/routes.h"
#include "service/screenings_handler.h"
#include "service/search_handler.h"
#include "service/ui_assets.h"
#include "service/versions_handler.h"
#include "store/payment_cases.h"
#include "store/screening_record_of.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo::service {
namespace {

std::atomic<bool> g_reload_signal{false};
void OnSighup(int) { g_reload_signal = true; }

std::string NowIso() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

bool IsLoopback(const std::string& addr) {
  return addr.rfind("127.", 0) == 0 || addr == "::1" || addr.rfind("::ffff:127.", 0) == 0;
}

HttpReply JsonReply(Response r) {
  HttpReply reply{r.status, r.content_type.empty() ? "application/json" : r.content_type,
                  std::move(r.headers), ""};
  if (r.status != 304) {  // 304: no body
    reply.body = r.text.empty() ? JsonText(r.body) : std::move(r.text);
  }
  return reply;
}

HttpReply JsonReply(int status, const nlohmann::json& body) {
  return {status, "application/json", {}, JsonText(body)};
}

HttpReply ErrorReply(int status, std::string detail) {
  return JsonReply(ErrorResponse(status, std::move(detail)));
}

// What a caller may see of the server itself (file paths, reload errors):
// admins, and loopback clients when no keys are configured (they may call
// /admin/reload too).
enum class Audience { kPublic, kAdmin };

// A workbench file (service/ui_assets.h); "/ui" is its index page.
HttpReply UiReply(const std::string& file) {
  const UiAsset* asset = FindUiAsset(file.empty() ? "index.html" : file);
  if (asset == nullptr) return ErrorReply(404, "not found");
  HttpReply reply{200, std::string(asset->content_type), {}, std::string(asset->body)};
  reply.headers.emplace_back("Content-Security-Policy",
                             "default-src 'none'; script-src 'self'; style-src 'self'; "
                             "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                             "base-uri 'none'; form-action 'none'");
  reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
  reply.headers.emplace_back("Cache-Control", "no-cache");
  return reply;
}

std::string SnapshotVersion(const ListSet& lists, std::chrono::system_clock::time_point at) {
  uint64_t h = kFnvOffsetBasis;
  auto mix = [&](const std::string& s) { h = Fnv1a(s, h); };
  for (const Dataset& d : lists.datasets) {
    mix(d.name);
    mix(d.version_date);
    mix(std::to_string(d.entity_count));
  }
  return fmt::format("{:%Y%m%dT%H%M%S}-{:08x}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(at)),
                     static_cast<uint32_t>(h ^ (h >> 32)));
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& ServerRoutes() {
  static const std::vector<std::pair<std::string, std::string>> routes = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Route& route : Routes()) out.emplace_back(route.method, route.path);
    return out;
  }();
  return routes;
}

ShrinkGuard ServingShrinkGuard() {
  ShrinkGuard guard;
  guard.missing = MissingDatasets::kRefuse;
  guard.override_hint =
      "still serving the previous lists; POST /admin/reload?accept_shrink=true if the list "
      "really shrank";
  return guard;
}

Result<std::shared_ptr<const ServingSnapshot>> LoadServingSnapshot(const ServerOptions& options,
                                                                   const ServingSnapshot* previous,
                                                                   ShrinkAction shrink) {
  ShrinkGuard guard = options.shrink;
  guard.action = shrink;
  auto check = [&](const ListSet& lists) -> Status {
    if (previous == nullptr) return Status::Ok();
    return CheckListShrink(previous->screener->lists().datasets, lists, guard);
  };
  std::shared_ptr<const Screener> screener;
  std::shared_ptr<const Manifest> manifest;
  if (!options.manifest.empty()) {
    auto loaded = LoadManifest(options.manifest);
    if (!loaded.ok()) return loaded.error();
    manifest = std::make_shared<const Manifest>(std::move(*loaded));
  }
  if (manifest != nullptr) {
    LoadOptions load;
    for (const ManifestDataset& d : manifest->datasets) {
      if (!d.collection()) load.dataset_names[d.path] = d.name;
    }
    auto lists = LoadLists(manifest->Paths(), load);
    if (!lists.ok()) return lists.error();
    if (Status s = check(*lists); !s.ok()) return s.error();
    screener = Screener::Build(std::move(*lists));
  } else if (!options.index.empty()) {
    auto loaded = Screener::LoadSnapshot(options.index);
    if (!loaded.ok()) return loaded.error();
    if (Status s = check((*loaded)->lists()); !s.ok()) return s.error();
    screener = *loaded;
  } else if (options.lists.empty() && !options.store.empty()) {
    // The latest stored version of each dataset.
    auto db = store::OpenStore(options.store);
    if (!db.ok()) return db.error();
    auto versions = store::VersionsInForce(**db);
    if (!versions.ok()) return versions.error();
    if (versions->empty()) return MakeError(options.store + ": the store holds no lists");
    auto lists = store::LoadListSet(**db, *versions);
    if (!lists.ok()) return lists.error();
    if (Status s = check(*lists); !s.ok()) return s.error();
    screener = Screener::Build(std::move(*lists));
  } else {
    if (options.lists.empty()) {
      return MakeError("no lists: give --lists PATH, --index FILE or --store URL");
    }
    LoadOptions load;
    load.dataset_override = options.dataset_override;
    auto lists = LoadLists(options.lists, load);
    if (!lists.ok()) return lists.error();
    if (Status s = check(*lists); !s.ok()) return s.error();
    screener = Screener::Build(std::move(*lists));
  }
  auto snapshot = std::make_shared<ServingSnapshot>();
  snapshot->loaded_at = std::chrono::system_clock::now();
  snapshot->version = SnapshotVersion(screener->lists(), snapshot->loaded_at);
  snapshot->screened_versions = store::ScreenedVersions(screener->lists()).dump();
  snapshot->screener = std::move(screener);
  std::shared_ptr<const payments::Embargoes> embargoes = payments::DefaultEmbargoes();
  if (!options.embargoes.empty()) {
    auto loaded = payments::Embargoes::Load(options.embargoes);
    if (!loaded.ok()) return loaded.error();
    embargoes = *loaded;
  }
  snapshot->payments =
      std::make_shared<const payments::PaymentScreener>(snapshot->screener, std::move(embargoes));
  snapshot->ftm_graph = std::make_shared<const FtmGraph>(snapshot->screener->lists());
  snapshot->manifest = std::move(manifest);
  return std::shared_ptr<const ServingSnapshot>(std::move(snapshot));
}

Server::Server(ServerOptions options) : options_(std::move(options)) {}

Server::~Server() {
  Stop();
  reload_cv_.notify_all();
  if (reload_worker_.joinable()) reload_worker_.join();
  // Joins the worker pool while the members its work reads still exist.
  http_.reset();
  screening_log_.reset();  // writes the records still queued
}

std::shared_ptr<const ServingSnapshot> Server::snapshot() const { return snapshot_.load(); }

Status Server::Load() {
  if (options_.tls_cert_path.empty() != options_.tls_key_path.empty()) {
    return MakeError("TLS needs both --tls-cert and --tls-key");
  }
  HttpTransportOptions transport;
  transport.host = options_.host;
  transport.port = options_.port;
  transport.tls_cert_path = options_.tls_cert_path;
  transport.tls_key_path = options_.tls_key_path;
  // Screening is CPU-bound: by default one core is left to the thread that
  // accepts connections and does their I/O, and the OS. More threads than
  // cores only add switches: on two cores, 8 workers served 15.8k req/s with
  // a 104 us CPU cost per request, 1 worker 17.8k at 80 us (wrk, 8 conns).
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned workers =
      options_.threads > 0 ? static_cast<unsigned>(options_.threads) : std::max(1u, cores - 1);
  // `workers` I/O threads run the work of a connection they host alone (no
  // hand-off); one more accepts connections and stays free for probes; the
  // pool takes the work of threads hosting several connections.
  transport.io_threads = workers + 1;
  transport.worker_threads = workers;
  transport.limits = options_.limits;
  HttpHandlers handlers;
  handlers.dispatch = [this](HttpRequest&& request) { return Dispatch(std::move(request)); };
  handlers.refuse = [this](const HttpRequest& request, int status, std::string detail) {
    return Refuse(request, status, std::move(detail));
  };
  auto made = HttpTransport::Create(std::move(transport), std::move(handlers));
  if (!made.ok()) return made.error();
  http_ = std::move(*made);
  if (!options_.api_keys_path.empty()) {
    auto keys = ApiKeys::Load(options_.api_keys_path);
    if (!keys.ok()) return keys.error();
    keys_ = std::move(*keys);
  }
  if (!options_.store.empty()) {
    auto db = store::OpenStore(options_.store);
    if (!db.ok()) return db.error();
    auto publisher = store::HeadPublisher::Open(**db, options_.audit);
    if (!publisher.ok()) return publisher.error();
    store_ = std::move(*db);
    head_publisher_ = std::move(*publisher);
    if (options_.record_screenings) {
      ScreeningLogOptions log_options;
      log_options.max_queued = options_.screening_backlog;
      log_options.after_write = [this] { PublishAuditHead(); };
      screening_log_ = std::make_unique<ScreeningLog>(*store_, store_mu_, log_options);
    }
  }
  auto loaded = LoadServingSnapshot(options_);
  if (!loaded.ok()) return loaded.error();
  snapshot_.store(*loaded);
  std::signal(SIGHUP, OnSighup);
  reload_worker_ = std::thread([this] { ReloadWorker(); });
  return Status::Ok();
}

void Server::ReleaseWhenUnused(std::shared_ptr<const ServingSnapshot> old) {
  // Requests finish in milliseconds; if something still holds the old
  // snapshot after this, its last holder frees it.
  constexpr auto kMaxWait = std::chrono::seconds(1);
  auto deadline = std::chrono::steady_clock::now() + kMaxWait;
  while (old.use_count() > 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  old.reset();  // the last holder frees it, here or when its request ends
  malloc_trim(0);
}

Status Server::Reload(bool accept_shrink) {
  std::shared_ptr<const ServingSnapshot> serving = snapshot_.load();
  auto loaded = LoadServingSnapshot(options_, serving.get(),
                                    accept_shrink ? ShrinkAction::kAccept : ShrinkAction::kRefuse);
  serving.reset();
  std::string at = NowIso();
  metrics_.RecordReload(loaded.ok());
  if (!loaded.ok()) {
    std::lock_guard<std::mutex> lock(reload_mutex_);
    last_reload_at_ = at;
    last_reload_error_ = loaded.error().ToString();
    std::cerr << JsonText({{"ts", at}, {"event", "reload_failed"}, {"error", last_reload_error_}})
              << std::endl;
    return loaded.error();
  }
  std::string version = (*loaded)->version;
  std::shared_ptr<const ServingSnapshot> old = snapshot_.exchange(std::move(*loaded));
  {
    std::lock_guard<std::mutex> lock(reload_mutex_);
    last_reload_at_ = at;
    last_reload_error_.clear();
  }
  std::cerr << JsonText({{"ts", at}, {"event", "reloaded"}, {"version", version}}) << std::endl;
  ReleaseWhenUnused(std::move(old));
  return Status::Ok();
}

void Server::PublishAuditHead() {
  auto head = head_publisher_->Publish(*store_);
  if (!head.ok()) {
    std::cerr << JsonText({{"ts", NowIso()},
                           {"event", "audit_head_failed"},
                           {"error", head.error().ToString()}})
              << std::endl;
    return;
  }
  if (!*head) return;
  std::cerr << JsonText({{"ts", NowIso()},
                         {"event", "audit_head"},
                         {"head", store::HeadRef(**head)},
                         {"keyed", !(*head)->hmac.empty()},
                         {"head_file", head_publisher_->head_file()}})
            << std::endl;
}

void Server::ComputeCrossLinks() {
  std::shared_ptr<const ServingSnapshot> current = snapshot_.load();
  if (stopping_ || current->cross_links->computed()) return;
  auto start = std::chrono::steady_clock::now();
  current->cross_links->Get(current->screener->lists());
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << JsonText({{"ts", NowIso()},
                         {"event", "cross_links_ready"},
                         {"version", current->version},
                         {"seconds", std::round(took.count() * 100) / 100}})
            << std::endl;
}

void Server::ReloadWorker() {
  ComputeCrossLinks();
  std::unique_lock<std::mutex> lock(reload_mutex_);
  while (!stopping_) {
    reload_cv_.wait_for(lock, std::chrono::milliseconds(100),
                        [this] { return reload_pending_ || stopping_.load(); });
    if (g_reload_signal.exchange(false)) reload_pending_ = true;
    if (stopping_ || !reload_pending_) continue;
    reload_pending_ = false;
    bool accept_shrink = std::exchange(accept_shrink_pending_, false);
    reloading_ = true;
    lock.unlock();
    Status status = Reload(accept_shrink);
    lock.lock();
    last_reload_status_ = status;
    reloading_ = false;
    ++reloads_done_;
    reload_cv_.notify_all();
    lock.unlock();
    // After publishing, so new designations screen at once; the first
    // /entities request then finds the links made.
    if (status.ok()) ComputeCrossLinks();
    lock.lock();
  }
}

bool Server::RequestReload(bool accept_shrink) {
  std::lock_guard<std::mutex> lock(reload_mutex_);
  accept_shrink_pending_ |= accept_shrink;
  if (reload_pending_) return false;
  reload_pending_ = true;
  reload_cv_.notify_all();
  return true;
}

Status Server::ReloadNow(bool accept_shrink) {
  std::unique_lock<std::mutex> lock(reload_mutex_);
  accept_shrink_pending_ |= accept_shrink;
  // A reload already running may have read the files before this request:
  // wait for the one after it.
  uint64_t wanted = reloads_done_ + (reloading_ ? 2 : 1);
  reload_pending_ = true;
  reload_cv_.notify_all();
  reload_cv_.wait(lock, [&] { return reloads_done_ >= wanted || stopping_.load(); });
  if (stopping_ && reloads_done_ < wanted) return MakeError("server stopping");
  return last_reload_status_;
}

// One request from its arrival to its log line.
struct Server::RequestLog {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::string method;
  std::string path;
  std::string remote;
  std::string endpoint = "unmatched";
  std::optional<std::string> q;     // with --log-queries
  std::optional<std::string> body;  // with --log-queries
  std::string error;                // what an endpoint threw
  bool admitted = false;            // counted in in_flight_

  explicit RequestLog(const HttpRequest& request)
      : method(request.method),
        path(request.target.substr(0, request.target.find('?'))),
        remote(request.remote_addr) {}
};

// A routed request, as an endpoint reads it.
struct Server::Call {
  RouteId route;
  HttpRequest request;
  RequestTarget target;
  std::string captured;  // the path template's placeholder
  Audience audience;
  KeyHolder caller;  // who sent it (loopback without keys: "local", admin)
};

HttpDispatch Server::Dispatch(HttpRequest&& request) {
  RequestLog log(request);
  if (options_.log_queries && !request.body.empty()) log.body = request.body;
  auto target = ParseRequestTarget(request.target);
  if (!target.ok()) return Finish(log, ErrorReply(400, target.error().message));
  log.path = target->path;
  if (options_.log_queries && target->params.count("q")) log.q = Param(target->params, "q");
  std::string captured;
  // "/ui/" is the workbench's page as "/ui" is (it was a 401 or a 404: a
  // new user's trial).
  const std::string_view path = target->path == "/ui/" ? "/ui" : std::string_view(target->path);
  const Route* route = FindRoute(request.method, path, captured);
  // Probes cost nothing and must answer under load: not counted.
  bool probe = route && (route->id == RouteId::kHealth || route->id == RouteId::kReady);
  log.admitted = !probe;
  if (!probe && ++in_flight_ > static_cast<int>(options_.limits.max_concurrent)) {
    HttpReply busy = ErrorReply(429, fmt::format("too many concurrent requests (limit {})",
                                                 options_.limits.max_concurrent));
    busy.headers.emplace_back("Retry-After", "1");
    return Finish(log, std::move(busy));
  }
  // Probes need no key, nor does the workbench's page: it holds no data,
  // loads for anyone the server answers at all, and asks for a key before
  // it calls the API.
  const bool keyless = probe || (route && route->id == RouteId::kUi);
  std::optional<KeyHolder> caller;
  if (keys_.empty()) {
    if (!IsLoopback(request.remote_addr) && !probe) {
      return Finish(
          log, ErrorReply(403, "no API keys are configured: only loopback clients are served"));
    }
    if (IsLoopback(request.remote_addr)) caller = KeyHolder{"local", Role::kAdmin};
  } else {
    caller = keys_.Authenticate(request.Header("Authorization"));
    if (!caller && !keyless) {
      HttpReply reply =
          ErrorReply(401, "missing or invalid API key (send 'Authorization: ApiKey <key>')");
      reply.headers.emplace_back("WWW-Authenticate", "ApiKey");
      return Finish(log, std::move(reply));
    }
    if (target->path.rfind("/admin/", 0) == 0 && caller->role != Role::kAdmin) {
      return Finish(log, ErrorReply(403, "this endpoint needs an admin key"));
    }
  }
  if (route == nullptr) {
    // A path some route answers with another method (GET /match/default):
    // 405 with the methods it takes, as yente's FastAPI does.
    std::string allowed = AllowedMethods(target->path);
    if (allowed.empty()) return Finish(log, ErrorReply(404, "not found"));
    HttpReply reply = ErrorReply(405, fmt::format("method {} is not allowed on {}: use {}",
                                                  request.method, target->path, allowed));
    reply.headers.emplace_back("Allow", allowed);
    return Finish(log, std::move(reply));
  }
  log.endpoint = route->endpoint;
  if (auto needs = RequiredRole(route->id); caller && caller->role < needs.role) {
    return Finish(log, ErrorReply(403, fmt::format("{} needs the {} role; the key of '{}' has the "
                                                   "{} role",
                                                   needs.what, RoleName(needs.role), caller->user,
                                                   RoleName(caller->role))));
  }
  if (route->id == RouteId::kUi) return Finish(log, UiReply(captured));
  Call call{route->id,
            std::move(request),
            std::move(*target),
            std::move(captured),
            caller && caller->role == Role::kAdmin ? Audience::kAdmin : Audience::kPublic,
            caller.value_or(KeyHolder{})};
  if (route->id == RouteId::kHealth) return Finish(log, JsonReply(200, {{"status", "ok"}}));
  if (route->id == RouteId::kReady) return Finish(log, Readiness(call));
  return HttpWork(
      [this, log = std::move(log), call = std::move(call)]() mutable { return Answer(log, call); });
}

HttpReply Server::Refuse(const HttpRequest& request, int status, std::string detail) {
  RequestLog log(request);
  return Finish(log, ErrorReply(status, std::move(detail)));
}

std::optional<Response> Server::RefuseUnrecorded() const {
  if (screening_log_ == nullptr || !screening_log_->Backlogged()) return std::nullopt;
  return ErrorResponse(503, fmt::format("{} screening records wait for the store, which refuses "
                                        "them: no screening until they are written (every "
                                        "screening is recorded; see the server log)",
                                        screening_log_->queued()));
}

store::ScreeningRecord Server::RecordBase(const Call& call, const ServingSnapshot& snapshot) {
  store::ScreeningRecord base;
  base.at = store::NowUtc();
  base.actor = call.caller.user;
  base.channel = "api";
  base.versions = snapshot.screened_versions;
  return base;
}

Response Server::ScreenPayments(const Call& call, const ServingSnapshot& snapshot) {
  if (store_ == nullptr)
    return HandlePaymentsScreen(snapshot, call.target.params, call.request.body);
  // The good-guy entries in force; hashes of the served records (computed as
  // the store computes them, so entries made from stored versions match).
  std::shared_ptr<const store::GoodGuyList> good_guys;
  {
    std::lock_guard lock(store_mu_);
    auto entries = store::ActiveGoodGuys(*store_);
    if (!entries.ok()) return ErrorResponse(500, entries.error().ToString());
    good_guys =
        std::make_shared<const store::GoodGuyList>(std::move(*entries), store::EntityHashes());
  }
  nlohmann::json versions = nlohmann::json::object();
  for (const Dataset& d : snapshot.screener->lists().datasets) {
    versions[d.name] = {
        {"file", d.path}, {"published", d.version_date}, {"served", snapshot.version}};
  }
  PaymentCaseHooks hooks;
  hooks.cleared = [&](const payments::Hit& hit) { return good_guys->Clears(hit); };
  std::vector<store::ScreeningRecord> records;
  if (screening_log_ != nullptr) {
    hooks.screened = [&, base = RecordBase(call, snapshot)](const payments::Message& message,
                                                            const payments::Screening& screening,
                                                            int64_t case_id) {
      records.push_back(store::PaymentScreeningRecord(base, message, screening, case_id));
    };
  }
  bool opened = false;
  hooks.record = [&](const payments::Message& message,
                     const payments::Screening& screening) -> Result<int64_t> {
    std::lock_guard lock(store_mu_);
    auto recorded = store::RecordPaymentCase(
        *store_, store::MakePaymentCase(message, screening, store::EntityHashes(), versions),
        call.caller.user);
    if (!recorded.ok()) return recorded.error();
    opened |= recorded->created;
    return recorded->payment_case.id;
  };
  Response r = HandlePaymentsScreen(snapshot, call.target.params, call.request.body, &hooks);
  if (screening_log_ != nullptr) screening_log_->Add(std::move(records));
  if (opened) {
    std::lock_guard lock(store_mu_);
    PublishAuditHead();
  }
  return r;
}

HttpReply Server::Answer(RequestLog& log, const Call& call) {
  const Limits& limits = options_.limits;
  const Params& params = call.target.params;
  auto with_store = [this](const std::function<Response(store::Database&)>& handle) {
    if (store_ == nullptr) {
      return ErrorResponse(404, "monitoring is off: start the service with --store");
    }
    std::lock_guard lock(store_mu_);
    return handle(*store_);
  };
  auto json_body = [&](const std::function<Response()>& handle) {
    std::optional<Response> refused = CheckJsonBody(call.request.body, limits);
    return refused ? *refused : handle();
  };
  Response r;
  try {
    if (options_.before_endpoint) options_.before_endpoint(log.endpoint);
    std::shared_ptr<const ServingSnapshot> snapshot = snapshot_.load();
    switch (call.route) {
      case RouteId::kMatch:
        r = json_body([&] {
          if (auto refused = RefuseUnrecorded()) return *refused;
          if (screening_log_ == nullptr) {
            return HandleMatch(*snapshot, call.captured, params, call.request.body, limits);
          }
          const store::ScreeningRecord base = RecordBase(call, *snapshot);
          std::vector<store::ScreeningRecord> records;
          Response matched = HandleMatch(
              *snapshot, call.captured, params, call.request.body, limits, [&](ScreenedQuery q) {
                records.push_back(store::NameScreeningRecord(base, std::move(q.subject), *q.results,
                                                             q.threshold, *q.warnings, q.error));
              });
          screening_log_->Add(std::move(records));
          return matched;
        });
        break;
      case RouteId::kSearch: r = HandleSearch(*snapshot, call.captured, params); break;
      case RouteId::kEntity: r = HandleEntity(*snapshot, call.captured, params); break;
      case RouteId::kCatalog:
        r = HandleCatalog(*snapshot, call.request.Header("If-None-Match"));
        break;
      case RouteId::kAlgorithms: r = HandleAlgorithms(); break;
      case RouteId::kMetrics: {
        std::string text = metrics_.Render(snapshot->version, snapshot->loaded_at,
                                           snapshot->screener->lists().entities.size());
        if (screening_log_ != nullptr) {
          text += fmt::format(
              "# HELP embargo_screening_records_written_total Screening records committed to the "
              "store.\n# TYPE embargo_screening_records_written_total counter\n"
              "embargo_screening_records_written_total {}\n"
              "# HELP embargo_screening_records_queued Screening records waiting to be written.\n"
              "# TYPE embargo_screening_records_queued gauge\nembargo_screening_records_queued "
              "{}\n",
              screening_log_->written(), screening_log_->queued());
        }
        return Finish(log, {200, "text/plain; version=0.0.4", {}, std::move(text)});
      }
      case RouteId::kOpenApi: r.body = OpenApiDocument(); break;
      case RouteId::kReload: return Finish(log, ReloadEndpoint(call));
      case RouteId::kUpdate: return Finish(log, UpdateEndpoint(call));
      case RouteId::kManifest: r = HandleManifest(*snapshot); break;
      case RouteId::kUpdateGet: return Finish(log, ErrorReply(405, "POST /updatez to reload"));
      case RouteId::kAlerts:
        r = with_store(
            [&](store::Database& db) { return HandleAlertList(db, params, call.caller.user); });
        break;
      case RouteId::kAlert:
        r = with_store([&](store::Database& db) { return HandleAlert(db, call.captured); });
        break;
      case RouteId::kAlertDecision:
        r = json_body([&] {
          return with_store([&](store::Database& db) {
            Response decided = HandleAlertDecision(db, call.captured, call.request.body,
                                                   call.caller.user, options_.four_eyes);
            if (decided.status == 200 || decided.status == 202) PublishAuditHead();
            return decided;
          });
        });
        break;
      case RouteId::kAlertReview:
        r = json_body([&] {
          return with_store([&](store::Database& db) {
            Response reviewed =
                HandleAlertReview(db, call.captured, call.request.body, call.caller.user);
            if (reviewed.status == 200) PublishAuditHead();
            return reviewed;
          });
        });
        break;
      case RouteId::kAlertAssign:
        r = json_body([&] {
          return with_store([&](store::Database& db) {
            Response assigned =
                HandleAlertAssign(db, call.captured, call.request.body, call.caller, keys_);
            if (assigned.status == 200) PublishAuditHead();
            return assigned;
          });
        });
        break;
      case RouteId::kScreenings:
      case RouteId::kScreening:
      case RouteId::kScreeningCertificate:
        // The records queued so far first: a user sees what they just screened.
        if (screening_log_ != nullptr) (void)screening_log_->Flush();
        r = with_store([&](store::Database& db) {
          switch (call.route) {
            case RouteId::kScreenings: return HandleScreeningList(db, params, call.caller);
            case RouteId::kScreening: return HandleScreening(db, call.captured, call.caller);
            default: return HandleScreeningCertificate(db, call.captured, call.caller);
          }
        });
        break;
      case RouteId::kGaps: r = HandleGaps(*snapshot, params); break;
      case RouteId::kAudit:
        r = with_store([&](store::Database& db) { return HandleAuditList(db, params); });
        break;
      case RouteId::kAuditVerify:
        r = with_store([&](store::Database& db) {
          return HandleAuditVerify(db, head_publisher_->head_file());
        });
        break;
      case RouteId::kWhoAmI:
        r.body = {{"user", call.caller.user},
                  {"role", RoleName(call.caller.role)},
                  {"monitoring", store_ != nullptr}};
        break;
      case RouteId::kVersions:
        r = with_store([&](store::Database& db) {
          return HandleVersions(db, call.caller.role == Role::kAdmin);
        });
        break;
      case RouteId::kVersionDiff:
        r = with_store([&](store::Database& db) { return HandleVersionDiff(db, call.captured); });
        break;
      case RouteId::kEntityHistory:
        r = with_store([&](store::Database& db) {
          return HandleEntityHistory(db, call.captured, call.caller.role == Role::kAdmin);
        });
        break;
      case RouteId::kUi: break;  // answered in Dispatch
      case RouteId::kPaymentsScreen:
        if (auto refused = RefuseUnrecorded()) {
          r = *refused;
          break;
        }
        r = ScreenPayments(call, *snapshot);
        break;
      case RouteId::kReconcile: {
        std::string base =
            ServiceBaseUrl(call.request.Header("Host"), call.request.Header("X-Forwarded-Proto"),
                           !options_.tls_cert_path.empty());
        std::string content_type = call.request.Header("Content-Type");
        r = HandleReconcile(*snapshot, call.captured,
                            {params, call.request.target, call.request.body, content_type, base},
                            limits);
        break;
      }
      case RouteId::kReconcileSuggestEntity:
        r = HandleReconcileSuggest(*snapshot, call.captured, ReconcileSuggest::kEntity, params);
        break;
      case RouteId::kReconcileSuggestType:
        r = HandleReconcileSuggest(*snapshot, call.captured, ReconcileSuggest::kType, params);
        break;
      case RouteId::kReconcileSuggestProperty:
        r = HandleReconcileSuggest(*snapshot, call.captured, ReconcileSuggest::kProperty, params);
        break;
      case RouteId::kReconcileExtendProperty:
        r = HandleReconcileExtendProperties(*snapshot, call.captured, params);
        break;
      case RouteId::kReconcilePreview:
        r = HandleReconcilePreview(*snapshot, call.captured, params);
        if (r.status == 200) {
          return Finish(log, {200, "text/html; charset=utf-8", std::move(r.headers), r.text});
        }
        break;
      case RouteId::kHealth:
      case RouteId::kReady: r = ErrorResponse(500, "probes are answered on the I/O thread"); break;
    }
  } catch (const std::exception& e) {
    log.error = e.what();
    r = ErrorResponse(500, "internal server error");
  } catch (...) {
    log.error = "unknown exception";
    r = ErrorResponse(500, "internal server error");
  }
  size_t queries = r.queries, alerts = r.alerts;
  return Finish(log, JsonReply(std::move(r)), queries, alerts);
}

HttpReply Server::Readiness(const Call& call) const {
  auto snap = snapshot_.load();
  if (!snap) return ErrorReply(503, "index not loaded yet");
  std::lock_guard<std::mutex> lock(reload_mutex_);
  nlohmann::json body = {{"status", "ok"},
                         {"index_version", snap->version},
                         {"entities", snap->screener->lists().entities.size()},
                         {"reloading", reloading_.load()},
                         {"cross_links_ready", snap->cross_links->computed()}};
  if (!last_reload_at_.empty()) {
    body["last_reload"] = {{"at", last_reload_at_}, {"ok", last_reload_error_.empty()}};
    // Errors name server files: admins only.
    if (!last_reload_error_.empty() && call.audience == Audience::kAdmin) {
      body["last_reload"]["error"] = last_reload_error_;
    }
  }
  if (call.audience == Audience::kAdmin) {
    nlohmann::json datasets = nlohmann::json::array();
    for (const Dataset& d : snap->screener->lists().datasets) {
      datasets.push_back({{"name", d.name}, {"path", d.path}});
    }
    body["datasets"] = std::move(datasets);
  }
  return JsonReply(200, body);
}

HttpReply Server::ReloadEndpoint(const Call& call) {
  bool accept_shrink = Param(call.target.params, "accept_shrink") == "true";
  if (Param(call.target.params, "sync") == "true") {
    Status s = ReloadNow(accept_shrink);
    if (!s.ok()) {
      // The lists refused (unreadable, or shrunk past the guard), not the
      // server: 422, the previous index still served.
      return ErrorReply(422,
                        "reload failed, still serving the previous index: " + s.error().ToString());
    }
    return JsonReply(200, {{"status", "reloaded"}, {"index_version", snapshot_.load()->version}});
  }
  bool started = RequestReload(accept_shrink);
  return JsonReply(202, {{"status", started ? "reloading" : "already reloading"}});
}

HttpReply Server::UpdateEndpoint(const Call& call) {
  if (options_.update_token.empty()) {
    return ErrorReply(403, "no update token is configured (serve --update-token)");
  }
  if (Param(call.target.params, "token") != options_.update_token) {
    return ErrorReply(403, "invalid update token");
  }
  return ReloadEndpoint(call);
}

HttpReply Server::Finish(RequestLog& log, HttpReply reply, size_t queries, size_t alerts) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - log.start).count();
  if (log.admitted) --in_flight_;
  log.admitted = false;
  metrics_.RecordRequest(log.endpoint, reply.status, seconds, queries, alerts);
  nlohmann::json line = {
      {"ts", NowIso()},         {"method", log.method},         {"path", log.path},
      {"status", reply.status}, {"latency_ms", seconds * 1000}, {"queries", queries},
      {"alerts", alerts},       {"remote", log.remote}};
  if (log.body) line["body"] = *log.body;
  if (log.q) line["q"] = *log.q;
  if (!log.error.empty()) line["error"] = log.error;
  std::cerr << JsonText(line) + "\n" << std::flush;
  return reply;
}

Result<int> Server::Bind() {
  if (http_ == nullptr) return MakeError("Server::Bind: call Load() first");
  return http_->Bind();
}

Status Server::Run() {
  if (http_ == nullptr) return MakeError("Server::Run: call Load() first");
  return http_->Run();
}

void Server::Stop() {
  stopping_ = true;
  reload_cv_.notify_all();
  if (http_) http_->Stop();
}

bool Server::running() const { return http_ != nullptr && http_->running(); }

}  // namespace embargo::service
