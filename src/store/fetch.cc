#include "store/fetch.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <thread>
#include <utility>
#include <variant>

#include "common/file.h"
#include "common/sha256.h"
#include "common/strings.h"

namespace embargo::store {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kMaxRedirects = 10;
constexpr std::chrono::seconds kMaxRetryAfter{60};
constexpr size_t kCopyBufferBytes = 1 << 20;

enum class Retry { kNo, kYes };

// Why one try failed, and whether another may succeed.
struct Failure {
  std::string reason;
  Retry retry = Retry::kNo;
  std::optional<std::chrono::seconds> retry_after;  // from a Retry-After header
};

struct Redirect {
  std::string location;  // absolute
};

using TryOutcome = std::variant<FetchResult, Failure>;
using HopOutcome = std::variant<FetchResult, Failure, Redirect>;

std::string ErrnoText() { return std::strerror(errno); }

std::string ToLower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The body on its way to dest: written to dest + ".part" (POSIX calls, so it
// can be fsynced before the rename), hashed and counted against the limit.
// The part file is removed unless Commit succeeded.
class PartialFile {
 public:
  PartialFile(fs::path dest, uint64_t max_bytes)
      : dest_(std::move(dest)), part_(dest_.string() + ".part"), max_bytes_(max_bytes) {}
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  ~PartialFile() { Discard(); }

  Status Open() {
    fd_ = ::open(part_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return MakeError(fmt::format("cannot create {}: {}", part_.string(), ErrnoText()));
    return Status::Ok();
  }

  Status Append(std::string_view bytes) {
    if (bytes_ + bytes.size() > max_bytes_) {
      return MakeError(fmt::format("larger than the {}-byte limit", max_bytes_));
    }
    bytes_ += bytes.size();
    sha_.Update(bytes);
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return MakeError(fmt::format("cannot write {}: {}", part_.string(), ErrnoText()));
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  }

  // Flushes the part file to disk and renames it over dest; the body's hex SHA-256.
  Result<std::string> Commit() {
    if (::fsync(fd_) != 0 || ::close(std::exchange(fd_, -1)) != 0) {
      return MakeError(fmt::format("cannot write {}: {}", part_.string(), ErrnoText()));
    }
    std::error_code ec;
    fs::rename(part_, dest_, ec);
    if (ec) return MakeError(fmt::format("cannot rename to {}: {}", dest_.string(), ec.message()));
    committed_ = true;
    return sha_.FinishHex();
  }

  bool is_open() const { return fd_ >= 0; }
  uint64_t bytes() const { return bytes_; }

 private:
  void Discard() {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (!committed_) ::unlink(part_.c_str());
  }

  fs::path dest_;
  fs::path part_;
  uint64_t max_bytes_;
  int fd_ = -1;
  uint64_t bytes_ = 0;
  bool committed_ = false;
  Sha256 sha_;
};

struct HttpUrl {
  std::string scheme;  // "http" or "https"
  std::string origin;  // scheme://host[:port], what httplib::Client takes
  std::string target;  // path and query, at least "/"
};

Result<HttpUrl> ParseHttpUrl(const std::string& url) {
  auto sep = url.find("://");
  if (sep == std::string::npos) return MakeError("not an http://, https:// or file:// URL");
  HttpUrl out;
  out.scheme = ToLower(url.substr(0, sep));
  if (out.scheme != "http" && out.scheme != "https") {
    return MakeError(fmt::format("unsupported URL scheme '{}'", out.scheme));
  }
  std::string rest = url.substr(sep + 3);
  rest = rest.substr(0, rest.find('#'));
  auto path_start = rest.find_first_of("/?");
  std::string authority = rest.substr(0, path_start);
  if (authority.empty()) return MakeError("no host in URL");
  if (authority.find('@') != std::string::npos)
    return MakeError("credentials in URLs are not supported");
  out.origin = out.scheme + "://" + authority;
  out.target = path_start == std::string::npos ? "/" : rest.substr(path_start);
  if (out.target.front() == '?') out.target.insert(0, "/");
  return out;
}

bool HasScheme(std::string_view location) {
  auto sep = location.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  return std::all_of(location.begin(), location.begin() + sep, [](unsigned char c) {
    return std::isalnum(c) || c == '+' || c == '-' || c == '.';
  });
}

// The absolute URL a Location header points to, relative to `base`.
std::string ResolveLocation(const HttpUrl& base, const std::string& location) {
  if (HasScheme(location)) return location;
  if (location.starts_with("//")) return base.scheme + ":" + location;
  if (location.starts_with("/")) return base.origin + location;
  std::string path = base.target.substr(0, base.target.find('?'));
  if (location.starts_with("?")) return base.origin + path + location;
  return base.origin + path.substr(0, path.rfind('/') + 1) + location;
}

std::optional<std::chrono::seconds> RetryAfter(const httplib::Headers& headers) {
  auto it = headers.find("Retry-After");
  if (it == headers.end()) return std::nullopt;
  auto seconds = ParseNumber<int64_t>(Trim(it->second));  // HTTP dates are ignored
  if (!seconds || *seconds < 0) return std::nullopt;
  return std::chrono::seconds(std::min<int64_t>(*seconds, kMaxRetryAfter.count()));
}

std::string HeaderValue(const httplib::Headers& headers, const char* key) {
  auto it = headers.find(key);
  return it == headers.end() ? std::string() : it->second;
}

// What one request learned, filled by httplib's callbacks.
struct Exchange {
  int status = 0;  // 0 until the response head arrived
  std::string reason;
  httplib::Headers headers;
  std::optional<uint64_t> content_length;  // of an unencoded 200 body
  std::optional<Failure> abort;            // why the transfer was cancelled
  Clock::time_point last_activity = Clock::now();
};

// The response head: only a 200 body is read, after the announced length
// passed the size limit.
bool OnResponseHead(const httplib::Response& res, Exchange& ex, PartialFile& body,
                    const FetchOptions& options) {
  ex.last_activity = Clock::now();
  ex.status = res.status;
  ex.reason = res.reason;
  ex.headers = res.headers;
  if (res.status != 200) return false;
  std::string encoding = HeaderValue(res.headers, "Content-Encoding");
  if (encoding.empty() || EqualsIgnoreCase(encoding, "identity")) {
    ex.content_length = ParseNumber<uint64_t>(Trim(HeaderValue(res.headers, "Content-Length")));
  }
  if (ex.content_length && *ex.content_length > options.max_bytes) {
    ex.abort = Failure{fmt::format("larger than the {}-byte limit (Content-Length: {})",
                                   options.max_bytes, *ex.content_length)};
    return false;
  }
  if (auto opened = body.Open(); !opened.ok()) {
    ex.abort = Failure{opened.error().message};
    return false;
  }
  return true;
}

// httplib reports a read timeout and a closed connection alike (Error::Read);
// only the time since the last byte tells them apart.
bool TimedOut(const Exchange& ex, const FetchOptions& options) {
  return Clock::now() - ex.last_activity >=
         std::chrono::milliseconds(options.read_timeout) * 9 / 10;
}

// A request that ended without a response head.
Failure TransportFailure(httplib::Error error, const Exchange& ex, const FetchOptions& options) {
  switch (error) {
    case httplib::Error::Connection: return {"cannot connect", Retry::kYes};
    case httplib::Error::ConnectionTimeout:
      return {fmt::format("connect timed out after {} s", options.connect_timeout.count()),
              Retry::kYes};
    case httplib::Error::Read:
      if (TimedOut(ex, options)) {
        return {fmt::format("read timed out after {} s", options.read_timeout.count()),
                Retry::kYes};
      }
      return {"connection closed without a response", Retry::kYes};
    case httplib::Error::Write: return {"cannot send the request", Retry::kYes};
    case httplib::Error::SSLConnection: return {"TLS handshake failed", Retry::kYes};
    case httplib::Error::SSLServerVerification:
      return {"TLS certificate verification failed", Retry::kNo};
    case httplib::Error::SSLLoadingCerts: return {"cannot load CA certificates", Retry::kNo};
    default: return {httplib::to_string(error), Retry::kYes};
  }
}

// A 200 whose body did not arrive whole. cpp-httplib reports a connection
// closed before Content-Length bytes as Error::Read, like a stalled read.
Failure BodyFailure(httplib::Error error, const Exchange& ex, const PartialFile& body,
                    const FetchOptions& options) {
  std::string got = ex.content_length
                        ? fmt::format("got {} of {} bytes", body.bytes(), *ex.content_length)
                        : fmt::format("got {} bytes", body.bytes());
  if (error == httplib::Error::Read && TimedOut(ex, options)) {
    return {fmt::format("read timed out after {} s ({})", options.read_timeout.count(), got),
            Retry::kYes};
  }
  if (error == httplib::Error::Read || error == httplib::Error::Success) {
    return {"truncated: " + got, Retry::kYes};
  }
  return {fmt::format("{} ({})", httplib::to_string(error), got), Retry::kYes};
}

Failure StatusFailure(const Exchange& ex) {
  std::string reason = fmt::format("HTTP {}", ex.status);
  if (!ex.reason.empty()) reason += " " + ex.reason;
  bool retry = ex.status >= 500 || ex.status == 408 || ex.status == 429;
  return {reason, retry ? Retry::kYes : Retry::kNo, RetryAfter(ex.headers)};
}

httplib::Headers RequestHeaders(const FetchOptions& options) {
  // identity: the body as served is what gets hashed and length-checked.
  httplib::Headers headers{{"User-Agent", options.user_agent}, {"Accept-Encoding", "identity"}};
  if (!options.etag.empty()) headers.emplace("If-None-Match", options.etag);
  if (!options.last_modified.empty()) headers.emplace("If-Modified-Since", options.last_modified);
  return headers;
}

FetchResult NotModified(const Exchange& ex, const FetchOptions& options, const std::string& url) {
  FetchResult result;
  result.not_modified = true;
  result.etag = HeaderValue(ex.headers, "ETag");
  if (result.etag.empty()) result.etag = options.etag;
  result.last_modified = HeaderValue(ex.headers, "Last-Modified");
  if (result.last_modified.empty()) result.last_modified = options.last_modified;
  result.final_url = url;
  return result;
}

// Interprets a finished request whose response head arrived.
HopOutcome Conclude(const HttpUrl& parsed, const std::string& url, httplib::Error error,
                    const Exchange& ex, PartialFile& body, const FetchOptions& options) {
  if (ex.abort) return *ex.abort;
  switch (ex.status) {
    case 301:
    case 302:
    case 303:
    case 307:
    case 308: {
      std::string location = HeaderValue(ex.headers, "Location");
      if (location.empty()) return Failure{fmt::format("HTTP {} without a Location", ex.status)};
      return Redirect{ResolveLocation(parsed, location)};
    }
    case 304: return NotModified(ex, options, url);
    case 200: break;
    default: return StatusFailure(ex);
  }
  if (error != httplib::Error::Success) return BodyFailure(error, ex, body, options);
  if (ex.content_length && body.bytes() != *ex.content_length) {
    return BodyFailure(error, ex, body, options);
  }
  auto sha256 = body.Commit();
  if (!sha256.ok()) return Failure{sha256.error().message};
  FetchResult result;
  result.etag = HeaderValue(ex.headers, "ETag");
  result.last_modified = HeaderValue(ex.headers, "Last-Modified");
  result.sha256 = std::move(sha256).value();
  result.bytes = body.bytes();
  result.final_url = url;
  return result;
}

// One GET of `url`, without following redirects.
HopOutcome GetOnce(const std::string& url, const fs::path& dest, const FetchOptions& options) {
  auto parsed = ParseHttpUrl(url);
  if (!parsed.ok()) return Failure{parsed.error().message};
  httplib::Client client(parsed->origin);
  client.set_connection_timeout(options.connect_timeout);
  client.set_read_timeout(options.read_timeout);
  // Redirects are followed by TryHttp: httplib 0.11's own following
  // percent-decodes the Location a second time and does not tell the final URL.
  client.set_follow_location(false);
  client.set_keep_alive(false);
  PartialFile body(dest, options.max_bytes);
  Exchange ex;
  auto result = client.Get(
      parsed->target, RequestHeaders(options),
      [&](const httplib::Response& res) { return OnResponseHead(res, ex, body, options); },
      [&](const char* data, size_t size) {
        ex.last_activity = Clock::now();
        auto appended = body.Append(std::string_view(data, size));
        if (!appended.ok()) ex.abort = Failure{appended.error().message};
        return appended.ok();
      });
  if (ex.status == 0) return TransportFailure(result.error(), ex, options);
  return Conclude(*parsed, url, result.error(), ex, body, options);
}

// One try: a GET and the redirects it leads to.
TryOutcome TryHttp(const std::string& url, const fs::path& dest, const FetchOptions& options) {
  std::string current = url;
  for (int redirects = 0;; ++redirects) {
    HopOutcome hop = GetOnce(current, dest, options);
    if (auto* next = std::get_if<Redirect>(&hop)) {
      if (redirects == kMaxRedirects) {
        return Failure{fmt::format("more than {} redirects", kMaxRedirects)};
      }
      current = std::move(next->location);
      continue;
    }
    if (auto* failure = std::get_if<Failure>(&hop); failure && current != url) {
      failure->reason += " (at " + current + ")";
    }
    if (auto* result = std::get_if<FetchResult>(&hop)) return std::move(*result);
    return std::get<Failure>(std::move(hop));
  }
}

// The path of a file:///absolute/path (or file://localhost/...) URL, %XX decoded.
std::optional<fs::path> FileUrlPath(const std::string& url) {
  std::string_view rest = std::string_view(url).substr(std::string_view("file://").size());
  if (rest.starts_with("localhost/")) rest.remove_prefix(std::string_view("localhost").size());
  if (!rest.starts_with("/")) return std::nullopt;
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    unsigned byte = 0;
    if (rest[i] == '%' && i + 3 <= rest.size()) {
      auto [ptr, ec] = std::from_chars(rest.data() + i + 1, rest.data() + i + 3, byte, 16);
      if (ec == std::errc() && ptr == rest.data() + i + 3) {
        path += static_cast<char>(byte);
        i += 2;
        continue;
      }
    }
    path += rest[i];
  }
  return fs::path(path);
}

Result<FetchResult> CopyFileUrl(const std::string& url, const fs::path& dest,
                                const FetchOptions& options) {
  auto fail = [&](const std::string& reason) { return MakeError(url + ": " + reason); };
  auto source = FileUrlPath(url);
  if (!source) return fail("not a file:///absolute/path URL");
  std::error_code ec;
  if (fs::is_directory(*source, ec)) return fail(source->string() + " is a directory");
  // Not opened unless regular: a FIFO would block, a device never end.
  if (Status regular = CheckRegularFile(*source); fs::exists(*source, ec) && !regular.ok()) {
    return fail(regular.error().ToString());
  }
  std::ifstream in(*source, std::ios::binary);
  if (!in) return fail(fmt::format("cannot open {}: {}", source->string(), ErrnoText()));
  PartialFile body(dest, options.max_bytes);
  if (auto opened = body.Open(); !opened.ok()) return fail(opened.error().message);
  std::string buffer(kCopyBufferBytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    auto appended = body.Append(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
    if (!appended.ok()) return fail(appended.error().message);
  }
  if (in.bad()) return fail(fmt::format("cannot read {}", source->string()));
  auto sha256 = body.Commit();
  if (!sha256.ok()) return fail(sha256.error().message);
  FetchResult result;
  result.sha256 = std::move(sha256).value();
  result.bytes = body.bytes();
  result.attempts = 1;
  result.final_url = url;
  return result;
}

}  // namespace

Result<FetchResult> FetchToFile(const std::string& url, const fs::path& dest,
                                const FetchOptions& options) {
  if (ToLower(url.substr(0, 7)) == "file://") return CopyFileUrl(url, dest, options);
  const int attempts = std::max(1, options.attempts);
  auto backoff = options.backoff;
  for (int attempt = 1;; ++attempt) {
    TryOutcome outcome = TryHttp(url, dest, options);
    if (auto* result = std::get_if<FetchResult>(&outcome)) {
      result->attempts = attempt;
      return std::move(*result);
    }
    auto& failure = std::get<Failure>(outcome);
    if (failure.retry == Retry::kNo || attempt >= attempts) {
      std::string message = url + ": " + failure.reason;
      if (attempt > 1) message += fmt::format(" (gave up after {} attempts)", attempt);
      return MakeError(std::move(message));
    }
    std::this_thread::sleep_for(
        failure.retry_after ? std::chrono::milliseconds(*failure.retry_after) : backoff);
    backoff *= 2;
  }
}

}  // namespace embargo::store
