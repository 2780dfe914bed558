#include "service/server.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <httplib.h>
#include <malloc.h>

#include <cmath>
#include <csignal>
#include <iostream>

#include "common/hash.h"
#include "service/alerts_handler.h"
#include "service/algorithms_handler.h"
#include "service/catalog_handler.h"
#include "service/entity_handler.h"
#include "service/match_handler.h"
#include "service/openapi.h"
#include "service/search_handler.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo::service {
namespace {

constexpr unsigned kDefaultThreads = 64;

std::atomic<bool> g_reload_signal{false};
void OnSighup(int) { g_reload_signal = true; }

// Per-request bookkeeping between the pre-routing handler, the route
// handler and the logger, which cpp-httplib runs on the same thread.
struct RequestState {
  std::chrono::steady_clock::time_point start;
  std::string endpoint = "unmatched";
  size_t queries = 0;
  size_t alerts = 0;
  bool counted = false;
};
thread_local RequestState t_request;

std::string NowIso() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

bool IsLoopback(const std::string& addr) {
  return addr.rfind("127.", 0) == 0 || addr == "::1" || addr.rfind("::ffff:127.", 0) == 0;
}

void Send(httplib::Response& res, const Response& r) {
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  if (r.status != 304) res.set_content(r.body.dump(), "application/json");  // 304: no body
  t_request.queries = r.queries;
  t_request.alerts = r.alerts;
}

void SendError(httplib::Response& res, int status, const std::string& detail) {
  Send(res, ErrorResponse(status, detail));
}

Params ToParams(const httplib::Request& req) {
  return Params(req.params.begin(), req.params.end());
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
  static const std::vector<std::pair<std::string, std::string>> routes = {
      {"POST", "/match/{dataset}"},
      {"GET", "/search/{dataset}"},
      {"GET", "/entities/{id}"},
      {"GET", "/catalog"},
      {"GET", "/algorithms"},
      {"GET", "/healthz"},
      {"GET", "/readyz"},
      {"GET", "/metrics"},
      {"GET", "/openapi.json"},
      {"POST", "/admin/reload"},
      {"GET", "/alerts"},
      {"GET", "/alerts/{id}"},
      {"POST", "/alerts/{id}/decision"},
  };
  return routes;
}

Result<std::shared_ptr<const ServingSnapshot>> LoadServingSnapshot(const ServerOptions& options) {
  std::shared_ptr<const Screener> screener;
  if (!options.index.empty()) {
    auto loaded = Screener::LoadSnapshot(options.index);
    if (!loaded.ok()) return loaded.error();
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
    screener = Screener::Build(std::move(*lists));
  } else {
    if (options.lists.empty()) {
      return MakeError("no lists: give --lists PATH, --index FILE or --store URL");
    }
    LoadOptions load;
    load.dataset_override = options.dataset_override;
    auto lists = LoadLists(options.lists, load);
    if (!lists.ok()) return lists.error();
    screener = Screener::Build(std::move(*lists));
  }
  auto snapshot = std::make_shared<ServingSnapshot>();
  snapshot->loaded_at = std::chrono::system_clock::now();
  snapshot->version = SnapshotVersion(screener->lists(), snapshot->loaded_at);
  snapshot->screener = std::move(screener);
  return std::shared_ptr<const ServingSnapshot>(std::move(snapshot));
}

namespace {

std::unique_ptr<httplib::Server> MakeHttpServer(const ServerOptions& options) {
  if (!options.tls_cert_path.empty() && !options.tls_key_path.empty()) {
    return std::make_unique<httplib::SSLServer>(options.tls_cert_path.c_str(),
                                                options.tls_key_path.c_str());
  }
  return std::make_unique<httplib::Server>();
}

}  // namespace

Server::Server(ServerOptions options)
    : options_(std::move(options)), http_(MakeHttpServer(options_)) {}

Server::~Server() {
  Stop();
  reload_cv_.notify_all();
  if (reload_worker_.joinable()) reload_worker_.join();
}

std::shared_ptr<const ServingSnapshot> Server::snapshot() const { return snapshot_.load(); }

Status Server::Load() {
  if (options_.tls_cert_path.empty() != options_.tls_key_path.empty()) {
    return MakeError("TLS needs both --tls-cert and --tls-key");
  }
  if (!http_->is_valid()) {
    return MakeError(fmt::format("cannot use TLS certificate '{}' with key '{}'",
                                 options_.tls_cert_path, options_.tls_key_path));
  }
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
  }
  auto loaded = LoadServingSnapshot(options_);
  if (!loaded.ok()) return loaded.error();
  snapshot_.store(*loaded);
  RegisterRoutes();
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

Status Server::Reload() {
  auto loaded = LoadServingSnapshot(options_);
  std::string at = NowIso();
  metrics_.RecordReload(loaded.ok());
  if (!loaded.ok()) {
    std::lock_guard<std::mutex> lock(reload_mutex_);
    last_reload_at_ = at;
    last_reload_error_ = loaded.error().ToString();
    std::cerr << nlohmann::json{{"ts", at},
                                {"event", "reload_failed"},
                                {"error", last_reload_error_}}
                     .dump()
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
  std::cerr << nlohmann::json{{"ts", at}, {"event", "reloaded"}, {"version", version}}.dump()
            << std::endl;
  ReleaseWhenUnused(std::move(old));
  return Status::Ok();
}

void Server::PublishAuditHead() {
  auto head = head_publisher_->Publish(*store_);
  if (!head.ok()) {
    std::cerr << nlohmann::json{{"ts", NowIso()},
                                {"event", "audit_head_failed"},
                                {"error", head.error().ToString()}}
                     .dump()
              << std::endl;
    return;
  }
  if (!*head) return;
  std::cerr << nlohmann::json{{"ts", NowIso()},
                              {"event", "audit_head"},
                              {"head", store::HeadRef(**head)},
                              {"keyed", !(*head)->hmac.empty()},
                              {"head_file", head_publisher_->head_file()}}
                   .dump()
            << std::endl;
}

void Server::ComputeCrossLinks() {
  std::shared_ptr<const ServingSnapshot> current = snapshot_.load();
  if (stopping_ || current->cross_links->computed()) return;
  auto start = std::chrono::steady_clock::now();
  current->cross_links->Get(current->screener->lists());
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << nlohmann::json{{"ts", NowIso()},
                              {"event", "cross_links_ready"},
                              {"version", current->version},
                              {"seconds", std::round(took.count() * 100) / 100}}
                   .dump()
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
    reloading_ = true;
    lock.unlock();
    Status status = Reload();
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

bool Server::RequestReload() {
  std::lock_guard<std::mutex> lock(reload_mutex_);
  if (reload_pending_) return false;
  reload_pending_ = true;
  reload_cv_.notify_all();
  return true;
}

Status Server::ReloadNow() {
  std::unique_lock<std::mutex> lock(reload_mutex_);
  // A reload already running may have read the files before this request:
  // wait for the one after it.
  uint64_t wanted = reloads_done_ + (reloading_ ? 2 : 1);
  reload_pending_ = true;
  reload_cv_.notify_all();
  reload_cv_.wait(lock, [&] { return reloads_done_ >= wanted || stopping_.load(); });
  if (stopping_ && reloads_done_ < wanted) return MakeError("server stopping");
  return last_reload_status_;
}

void Server::RegisterRoutes() {
  const Limits& limits = options_.limits;
  // cpp-httplib holds a pool thread per kept-alive connection, so the pool
  // bounds the connections served at once; screening itself is CPU-bound.
  unsigned threads =
      options_.threads > 0 ? static_cast<unsigned>(options_.threads) : kDefaultThreads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_payload_max_length(limits.max_body_bytes);
  http_->set_keep_alive_max_count(10000);
  // Small JSON answers on kept-alive connections: without TCP_NODELAY, Nagle
  // and delayed ACKs add ~40 ms to every response.
  http_->set_tcp_nodelay(true);

  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    t_request = RequestState{std::chrono::steady_clock::now()};
    t_request.counted = true;
    if (++in_flight_ > static_cast<int>(options_.limits.max_concurrent)) {
      SendError(
          res, 429,
          fmt::format("too many concurrent requests (limit {})", options_.limits.max_concurrent));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path == "/healthz" || req.path == "/readyz")
      return httplib::Server::HandlerResponse::Unhandled;
    if (keys_.empty()) {
      if (!IsLoopback(req.remote_addr)) {
        SendError(res, 403, "no API keys are configured: only loopback clients are served");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    auto role = keys_.Authenticate(req.get_header_value("Authorization"));
    if (!role) {
      res.set_header("WWW-Authenticate", "ApiKey");
      SendError(res, 401, "missing or invalid API key (send 'Authorization: ApiKey <key>')");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path.rfind("/admin/", 0) == 0 && *role != Role::kAdmin) {
      SendError(res, 403, "this endpoint needs an admin key");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Errors cpp-httplib raises itself (no route, body over the limit) get a
  // JSON body like every other error.
  httplib::Server::HandlerWithResponse on_error = [](const httplib::Request&,
                                                     httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string detail = res.status == 413   ? "request body too large"
                         : res.status == 404 ? "not found"
                                             : fmt::format("HTTP {}", res.status);
    res.set_content(nlohmann::json{{"detail", detail}}.dump(), "application/json");
    return httplib::Server::HandlerResponse::Handled;
  };
  http_->set_error_handler(on_error);

  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    if (!t_request.counted) t_request.start = std::chrono::steady_clock::now();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request.start).count();
    if (t_request.counted) --in_flight_;
    metrics_.RecordRequest(t_request.endpoint, res.status, seconds, t_request.queries,
                           t_request.alerts);
    nlohmann::json line = {{"ts", NowIso()},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"latency_ms", seconds * 1000},
                           {"queries", t_request.queries},
                           {"alerts", t_request.alerts},
                           {"remote", req.remote_addr}};
    if (options_.log_queries) {
      if (!req.body.empty()) line["body"] = req.body;
      if (req.has_param("q")) line["q"] = req.get_param_value("q");
    }
    std::cerr << line.dump() + "\n" << std::flush;
    t_request = RequestState{};
  });

  auto pinned = [this] { return snapshot_.load(); };
  http_->Post(
      R"(/match/([^/]+))", [this, pinned](const httplib::Request& req, httplib::Response& res) {
        t_request.endpoint = "/match";
        Send(res, HandleMatch(*pinned(), req.matches[1], ToParams(req), req.body, options_.limits));
      });
  http_->Get(R"(/search/([^/]+))", [pinned](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/search";
    Send(res, HandleSearch(*pinned(), req.matches[1], ToParams(req)));
  });
  http_->Get(R"(/entities/(.+))", [pinned](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/entities";
    Send(res, HandleEntity(*pinned(), req.matches[1]));
  });
  http_->Get("/catalog", [pinned](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/catalog";
    Send(res, HandleCatalog(*pinned(), req.get_header_value("If-None-Match")));
  });
  http_->Get("/algorithms", [](const httplib::Request&, httplib::Response& res) {
    t_request.endpoint = "/algorithms";
    Send(res, HandleAlgorithms());
  });
  http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    t_request.endpoint = "/healthz";
    res.set_content(R"({"status":"ok"})", "application/json");
  });
  http_->Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    t_request.endpoint = "/readyz";
    auto snap = snapshot_.load();
    if (!snap) return SendError(res, 503, "index not loaded yet");
    std::lock_guard<std::mutex> lock(reload_mutex_);
    nlohmann::json body = {{"status", "ok"},
                           {"index_version", snap->version},
                           {"entities", snap->screener->lists().entities.size()},
                           {"reloading", reloading_.load()},
                           {"cross_links_ready", snap->cross_links->computed()}};
    if (!last_reload_at_.empty()) {
      body["last_reload"] = {{"at", last_reload_at_}, {"ok", last_reload_error_.empty()}};
      if (!last_reload_error_.empty()) body["last_reload"]["error"] = last_reload_error_;
    }
    res.set_content(body.dump(), "application/json");
  });
  http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    t_request.endpoint = "/metrics";
    auto snap = snapshot_.load();
    res.set_content(
        metrics_.Render(snap->version, snap->loaded_at, snap->screener->lists().entities.size()),
        "text/plain; version=0.0.4");
  });
  http_->Get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    t_request.endpoint = "/openapi.json";
    res.set_content(OpenApiDocument().dump(), "application/json");
  });
  auto with_store = [this](httplib::Response& res,
                           const std::function<Response(store::Database&)>& handle) {
    if (store_ == nullptr) {
      return SendError(res, 404, "monitoring is off: start the service with --store");
    }
    std::lock_guard lock(store_mu_);
    Send(res, handle(*store_));
  };
  http_->Get("/alerts", [with_store](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/alerts";
    with_store(res, [&](store::Database& db) { return HandleAlertList(db, ToParams(req)); });
  });
  http_->Get(R"(/alerts/(\d+))", [with_store](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/alerts/{id}";
    with_store(res, [&](store::Database& db) { return HandleAlert(db, req.matches[1]); });
  });
  http_->Post(R"(/alerts/(\d+)/decision)",
              [this, with_store](const httplib::Request& req, httplib::Response& res) {
                t_request.endpoint = "/alerts/{id}/decision";
                with_store(res, [&](store::Database& db) {
                  Response r = HandleAlertDecision(db, req.matches[1], req.body, "api");
                  if (r.status == 200) PublishAuditHead();
                  return r;
                });
              });
  http_->Post("/admin/reload", [this](const httplib::Request& req, httplib::Response& res) {
    t_request.endpoint = "/admin/reload";
    if (req.get_param_value("sync") == "true") {
      Status s = ReloadNow();
      if (!s.ok())
        return SendError(
            res, 500, "reload failed, still serving the previous index: " + s.error().ToString());
      res.set_content(
          nlohmann::json{{"status", "reloaded"}, {"index_version", snapshot_.load()->version}}
              .dump(),
          "application/json");
      return;
    }
    bool started = RequestReload();
    res.status = 202;
    res.set_content(nlohmann::json{{"status", started ? "reloading" : "already reloading"}}.dump(),
                    "application/json");
  });
}

Result<int> Server::Bind() {
  int port = options_.port == 0 ? http_->bind_to_any_port(options_.host) : options_.port;
  if (options_.port != 0 && !http_->bind_to_port(options_.host, options_.port)) port = -1;
  if (port < 0)
    return MakeError(fmt::format("cannot listen on {}:{}", options_.host, options_.port));
  bound_port_ = port;
  return port;
}

Status Server::Run() {
  if (bound_port_ < 0) {
    auto bound = Bind();
    if (!bound.ok()) return bound.error();
  }
  if (!http_->listen_after_bind()) {
    if (stopping_) return Status::Ok();
    return MakeError(
        fmt::format("server on {}:{} stopped with an error", options_.host, bound_port_));
  }
  return Status::Ok();
}

void Server::Stop() {
  stopping_ = true;
  reload_cv_.notify_all();
  if (http_ && http_->is_running()) http_->stop();
}

bool Server::running() const { return http_->is_running(); }

}  // namespace embargo::service
