#include "service/http_transport.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>
#include <thread>

#include "common/strings.h"

namespace embargo::service {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

constexpr size_t kReadChunk = 4096;
// A refused request's unread body is read and dropped this long before the
// connection closes, so the client sees the reply rather than a reset.
constexpr auto kLinger = std::chrono::seconds(2);
// A buffer grown by a large request is given back before the next one.
constexpr size_t kKeptBufferBytes = 64 << 10;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

HttpReply InternalError() {
  return {500, "application/json", {}, R"({"detail":"internal server error"})"};
}

// What every connection reads; owned by the transport, which outlives them.
struct Shared {
  Limits limits;
  HttpHandlers handlers;
  net::thread_pool* pool = nullptr;
  std::atomic<size_t> connections{0};
  // Per I/O thread (each runs its own io_context): the connections it hosts
  // and whether it is running work now.
  struct IoThread {
    std::atomic<size_t> hosted{0};
    std::atomic<bool> working{false};
  };
  std::unique_ptr<IoThread[]> threads;
  size_t thread_count = 0;

  // The thread a new connection goes to, counted as hosted there: the one
  // hosting the fewest among those not running work, else the accepting one.
  // A thread runs work only while it hosts one connection, and it and this
  // each write their own flag before reading the other's (sequentially
  // consistent), so a new connection never waits behind work begun earlier.
  size_t Place();
};

// The I/O thread that accepts connections never runs work, so it stays free
// for new connections and probes.
constexpr size_t kAcceptingThread = 0;

size_t Shared::Place() {
  std::vector<bool> passed(thread_count, false);
  for (;;) {
    size_t best = kAcceptingThread;
    for (size_t i = 0; i < thread_count; ++i) {
      if (i == kAcceptingThread || passed[i] || threads[i].working) continue;
      if (best == kAcceptingThread || threads[i].hosted < threads[best].hosted) best = i;
    }
    ++threads[best].hosted;
    if (best == kAcceptingThread || !threads[best].working) return best;
    --threads[best].hosted;  // it began work meanwhile
    passed[best] = true;
  }
}

HttpReply RunWork(const HttpWork& work) {
  try {
    return work();
  } catch (...) {
    return InternalError();
  }
}

enum class Wait { kFresh, kIdle };
enum class After { kKeepAlive, kClose, kLinger };

// One connection, over a plain or a TLS stream (Derived::stream()), all of
// whose operations run on the one I/O thread that hosts it. Reads one request
// at a time.
template <class Derived>
class Session {
 public:
  Session(Shared& shared, size_t thread, std::string remote)
      : shared_(shared), thread_(thread), remote_(std::move(remote)) {}
  ~Session() {
    --shared_.threads[thread_].hosted;
    --shared_.connections;
  }

 protected:
  Derived& derived() { return static_cast<Derived&>(*this); }
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(derived().stream()); }
  const Limits& limits() const { return shared_.limits; }

  // A fresh connection must send its headers within header_timeout; a
  // kept-alive one may first wait idle_timeout for the next request.
  void ReadRequest(Wait wait) {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(limits().max_header_bytes));
    parser_->body_limit(limits().max_body_bytes);
    if (wait == Wait::kFresh || buffer_.size() > 0) return ReadHeader();
    Lowest().expires_after(limits().idle_timeout);
    derived().stream().async_read_some(
        buffer_.prepare(kReadChunk),
        [self = derived().shared_from_this()](beast::error_code ec, size_t n) {
          if (ec) return self->Close();
          self->buffer_.commit(n);
          self->ReadHeader();
        });
  }

  void ReadHeader() {
    Lowest().expires_after(limits().header_timeout);
    http::async_read_header(derived().stream(), buffer_, *parser_,
                            [self = derived().shared_from_this()](beast::error_code ec, size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    if (EqualsIgnoreCase(std::string(parser_->get()[http::field::expect]), "100-continue")) {
      Lowest().expires_after(limits().body_timeout);
      return net::async_write(derived().stream(), net::buffer(kContinue.data(), kContinue.size()),
                              [self = derived().shared_from_this()](beast::error_code ec, size_t) {
                                if (ec) return self->Close();
                                self->ReadBody();
                              });
    }
    ReadBody();
  }

  void ReadBody() {
    Lowest().expires_after(limits().body_timeout);
    http::async_read(derived().stream(), buffer_, *parser_,
                     [self = derived().shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->OnReadError(ec);
                       self->Dispatch();
                     });
  }

  // Closes quietly when the peer left or stalled; answers what it sent wrong.
  void OnReadError(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return Refuse(431, fmt::format("request header fields too large (limit {} bytes)",
                                     limits().max_header_bytes));
    }
    if (ec == http::error::body_limit) {
      return Refuse(
          413, fmt::format("request body too large (limit {} bytes)", limits().max_body_bytes));
    }
    const beast::error_code any_http_error = http::error::end_of_stream;
    if (ec.category() == any_http_error.category() && ec != http::error::end_of_stream &&
        ec != http::error::partial_message) {
      return Refuse(400, "malformed HTTP request: " + ec.message());
    }
    Close();  // timeout, end of stream, reset
  }

  HttpRequest RequestFromParser() {
    HttpRequest request;
    request.remote_addr = remote_;
    if (!parser_ || !parser_->is_header_done()) return request;
    auto& message = parser_->get();
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    return request;
  }

  void Dispatch() {
    HttpRequest request = RequestFromParser();
    auto& message = parser_->get();
    request.body = std::move(message.body());
    head_ = message.method() == http::verb::head;
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    parser_.reset();
    if (buffer_.capacity() > kKeptBufferBytes) buffer_.shrink_to_fit();
    HttpDispatch dispatched = InternalError();
    try {
      dispatched = shared_.handlers.dispatch(std::move(request));
    } catch (...) {
      dispatched = InternalError();
    }
    if (auto* reply = std::get_if<HttpReply>(&dispatched)) return Write(std::move(*reply));
    HttpWork work = std::move(std::get<HttpWork>(dispatched));
    // On this thread when it keeps no other connection waiting and is not
    // the one that accepts connections: no hand-off, no other thread woken.
    if (thread_ != kAcceptingThread) {
      Shared::IoThread& mine = shared_.threads[thread_];
      mine.working = true;
      if (mine.hosted == 1) {
        HttpReply reply = RunWork(work);
        mine.working = false;
        work = nullptr;
        return Write(std::move(reply));
      }
      mine.working = false;
    }
    Lowest().expires_never();  // the work takes what it takes; the 429 limit bounds it
    net::post(*shared_.pool,
              [self = derived().shared_from_this(), work = std::move(work)]() mutable {
                HttpReply reply = RunWork(work);
                work = nullptr;  // its captures (a pinned snapshot, the body) go now
                auto executor = self->derived().stream().get_executor();
                net::post(executor, [self = std::move(self), reply = std::move(reply)]() mutable {
                  self->Write(std::move(reply));
                });
              });
  }

  // Answers a request the transport will not dispatch, then closes.
  void Refuse(int status, std::string detail) {
    HttpRequest request = RequestFromParser();
    head_ = false;
    keep_alive_ = false;
    version_ = 11;
    HttpReply reply = InternalError();
    try {
      reply = shared_.handlers.refuse(request, status, std::move(detail));
    } catch (...) {
    }
    parser_.reset();
    Write(std::move(reply), After::kLinger);
  }

  void Write(HttpReply reply, After after = After::kKeepAlive) {
    auto response = std::make_shared<http::response<http::string_body>>();
    response->version(version_);
    response->result(static_cast<unsigned>(reply.status));
    bool bodiless = reply.status == 304 || reply.status == 204;
    if (!bodiless) response->set(http::field::content_type, reply.content_type);
    for (auto& [name, value] : reply.headers) response->insert(name, value);
    if (after == After::kKeepAlive && !keep_alive_) after = After::kClose;
    response->keep_alive(after == After::kKeepAlive);
    if (head_ && !bodiless) {
      response->content_length(reply.body.size());
    } else if (!bodiless) {
      response->body() = std::move(reply.body);
      response->prepare_payload();
    }
    Lowest().expires_after(limits().body_timeout);
    http::async_write(
        derived().stream(), *response,
        [self = derived().shared_from_this(), response, after](beast::error_code ec, size_t) {
          if (ec) return self->Close();
          if (after == After::kKeepAlive) return self->ReadRequest(Wait::kIdle);
          if (after == After::kLinger) return self->Linger();
          self->derived().Shutdown();
        });
  }

  // Stops sending, then reads and drops what the client still sends for
  // kLinger before closing.
  void Linger() {
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    Lowest().expires_after(kLinger);
    buffer_.clear();
    buffer_.shrink_to_fit();
    Drain();
  }
  void Drain() {
    Lowest().async_read_some(net::buffer(drain_),
                             [self = derived().shared_from_this()](beast::error_code ec, size_t) {
                               if (ec) return self->Close();
                               self->Drain();
                             });
  }

  void Close() {
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Lowest().close();
  }

 private:
  Shared& shared_;
  size_t thread_;  // the I/O thread whose io_context runs this connection
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool head_ = false;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  std::array<char, 1024> drain_;
};

class PlainSession : public Session<PlainSession>,
                     public std::enable_shared_from_this<PlainSession> {
 public:
  PlainSession(Shared& shared, size_t thread, tcp::socket socket, std::string remote)
      : Session(shared, thread, std::move(remote)), stream_(std::move(socket)) {}
  beast::tcp_stream& stream() { return stream_; }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this()] { self->ReadRequest(Wait::kFresh); });
  }
  void Shutdown() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

 private:
  beast::tcp_stream stream_;
};

class TlsSession : public Session<TlsSession>, public std::enable_shared_from_this<TlsSession> {
 public:
  TlsSession(Shared& shared, size_t thread, tcp::socket socket, ssl::context& context,
             std::string remote)
      : Session(shared, thread, std::move(remote)), stream_(std::move(socket), context) {}
  beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }

  // The handshake has as long as headers have.
  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->Lowest().expires_after(self->limits().header_timeout);
      self->stream_.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return self->Close();
        self->ReadRequest(Wait::kFresh);
      });
    });
  }
  void Shutdown() {
    Lowest().expires_after(std::chrono::seconds(1));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->Close(); });
  }

 private:
  beast::ssl_stream<beast::tcp_stream> stream_;
};

}  // namespace

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

struct HttpTransport::Impl {
  HttpTransportOptions options;
  Shared shared;
  std::optional<ssl::context> tls;
  // One io_context per I/O thread: a connection lives on one thread, which
  // waits for its sockets itself, so a request wakes no other thread.
  // Declared before the pool: work abandoned at Stop() holds connections,
  // which must go before the I/O contexts do.
  std::vector<std::unique_ptr<net::io_context>> io;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  net::thread_pool pool{options.worker_threads};
  tcp::acceptor acceptor{*io[kAcceptingThread]};
  net::steady_timer retry{*io[kAcceptingThread]};
  std::atomic<bool> running{false};
  int port = -1;

  static std::vector<std::unique_ptr<net::io_context>> MakeContexts(unsigned threads) {
    std::vector<std::unique_ptr<net::io_context>> contexts;
    for (unsigned i = 0; i < std::max(1u, threads); ++i) {
      contexts.push_back(std::make_unique<net::io_context>(1));
    }
    return contexts;
  }

  explicit Impl(HttpTransportOptions o)
      : options(std::move(o)), io(MakeContexts(options.io_threads)) {
    shared.limits = options.limits;
    shared.pool = &pool;
    shared.threads = std::make_unique<Shared::IoThread[]>(io.size());
    shared.thread_count = io.size();
    for (auto& context : io) keep_running.push_back(net::make_work_guard(*context));
  }

  void Accept() {
    acceptor.async_accept(
        [this](beast::error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
  }

  // The accepted socket moved to the I/O thread that will host it.
  tcp::socket MoveTo(size_t thread, tcp::socket socket) {
    if (thread == kAcceptingThread) return socket;
    beast::error_code ec;
    tcp::socket moved(*io[thread]);
    const auto protocol = socket.local_endpoint(ec).protocol();
    if (!ec) moved.assign(protocol, socket.release(ec), ec);
    return moved;
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (ec) {  // out of descriptors, most likely: let connections close first
      retry.expires_after(std::chrono::milliseconds(100));
      retry.async_wait([this](beast::error_code) { Accept(); });
      return;
    }
    if (shared.connections.load() >= options.limits.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      ++shared.connections;
      const size_t thread = shared.Place();
      socket = MoveTo(thread, std::move(socket));
      beast::error_code ignored;
      // Small answers on kept-alive connections: without it, Nagle and
      // delayed ACKs hold responses back by up to 40 ms.
      socket.set_option(tcp::no_delay(true), ignored);
      std::string remote = socket.remote_endpoint(ignored).address().to_string();
      if (tls) {
        std::make_shared<TlsSession>(shared, thread, std::move(socket), *tls, std::move(remote))
            ->Start();
      } else {
        std::make_shared<PlainSession>(shared, thread, std::move(socket), std::move(remote))
            ->Start();
      }
    }
    Accept();
  }
};

HttpTransport::HttpTransport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpTransport::~HttpTransport() {
  Stop();
  impl_->pool.stop();
  impl_->pool.join();
}

Result<std::unique_ptr<HttpTransport>> HttpTransport::Create(HttpTransportOptions options,
                                                             HttpHandlers handlers) {
  auto impl = std::make_unique<Impl>(std::move(options));
  impl->shared.handlers = std::move(handlers);
  const HttpTransportOptions& o = impl->options;
  if (!o.tls_cert_path.empty() || !o.tls_key_path.empty()) {
    impl->tls.emplace(ssl::context::tls_server);
    impl->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                           ssl::context::no_tlsv1_1);
    beast::error_code ec;
    impl->tls->use_certificate_chain_file(o.tls_cert_path, ec);
    if (!ec) impl->tls->use_private_key_file(o.tls_key_path, ssl::context::pem, ec);
    if (ec) {
      return MakeError(fmt::format("cannot use TLS certificate '{}' with key '{}': {}",
                                   o.tls_cert_path, o.tls_key_path, ec.message()));
    }
  }
  return std::unique_ptr<HttpTransport>(new HttpTransport(std::move(impl)));
}

Result<int> HttpTransport::Bind() {
  Impl& impl = *impl_;
  auto fail = [&](const beast::error_code& ec) {
    return MakeError(fmt::format("cannot listen on {}:{}: {}", impl.options.host, impl.options.port,
                                 ec.message()));
  };
  beast::error_code ec;
  tcp::resolver resolver(*impl.io.front());
  auto endpoints = resolver.resolve(impl.options.host, std::to_string(impl.options.port),
                                    tcp::resolver::passive, ec);
  if (ec) return fail(ec);
  if (endpoints.empty()) return fail(net::error::host_not_found);
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    return fail(ec);
  }
  impl.port = impl.acceptor.local_endpoint().port();
  return impl.port;
}

Status HttpTransport::Run() {
  Impl& impl = *impl_;
  if (impl.port < 0) {
    auto bound = Bind();
    if (!bound.ok()) return bound.error();
  }
  impl.running = true;
  impl.Accept();
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl.io.size(); ++i) {
    threads.emplace_back([&impl, i] { impl.io[i]->run(); });
  }
  impl.io.front()->run();
  for (std::thread& t : threads) t.join();
  impl.running = false;
  return Status::Ok();
}

void HttpTransport::Stop() {
  for (auto& context : impl_->io) context->stop();
}

bool HttpTransport::running() const { return impl_->running; }

}  // namespace embargo::service
