// HTTP/1.1 under the service, on Boost.Beast and Asio (this header names
// neither: http_transport.cc is the only file that includes them). Each I/O
// thread runs its own event loop; a new connection goes to the thread hosting
// the fewest and stays there. Requests are read asynchronously within the
// deadlines and sizes of Limits, so no thread waits on a slow client. The
// dispatcher runs on the I/O thread and either answers at once (probes,
// refusals) or returns work. Work runs on the same I/O thread when that thread
// hosts no other connection (no hand-off, no other thread woken), else on a
// bounded worker pool whose reply is posted back to the connection. The
// thread that accepts connections never runs work, so it stays free for new
// connections and probes. HTTPS through OpenSSL.
// Thread-safe: Stop() may be called from any thread; the handlers are called
// from several threads at once.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "embargo/status.h"
#include "service/http_types.h"

namespace embargo::service {

struct HttpRequest {
  std::string method;  // as sent: "GET", "HEAD", "POST"
  std::string target;  // as sent: "/search/default?q=Lee%20Won-ho"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_addr;  // "127.0.0.1", "::1"

  // The first value of header `name` (compared case-insensitively), or "".
  std::string Header(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // left out on the wire for HEAD and 304
};

// Work for the worker pool: makes the reply. An exception escaping it is
// answered 500 by the transport (the server's own work catches first).
using HttpWork = std::function<HttpReply()>;
using HttpDispatch = std::variant<HttpReply, HttpWork>;

struct HttpHandlers {
  // Each complete request, on an I/O thread: must be quick.
  std::function<HttpDispatch(HttpRequest&&)> dispatch;
  // A request the transport refuses before it is complete (malformed, over
  // a size limit), with what was read of it: the reply to send. The
  // connection is closed after it.
  std::function<HttpReply(const HttpRequest&, int status, std::string detail)> refuse;
};

struct HttpTransportOptions {
  std::string host = "127.0.0.1";
  int port = 0;               // 0: any free port
  std::string tls_cert_path;  // both set: HTTPS only
  std::string tls_key_path;
  unsigned io_threads = 2;      // at most io_threads - 1 of them run work at once
  unsigned worker_threads = 8;  // the pool for work beyond that
  Limits limits;
};

class HttpTransport {
 public:
  // Fails when TLS is asked for and the certificate or key cannot be used.
  static Result<std::unique_ptr<HttpTransport>> Create(HttpTransportOptions options,
                                                       HttpHandlers handlers);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Binds and listens (resolving port 0); the port.
  Result<int> Bind();
  // Serves until Stop(), binding first if needed. Blocking.
  Status Run();
  void Stop();
  bool running() const;

 private:
  struct Impl;
  explicit HttpTransport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace embargo::service
