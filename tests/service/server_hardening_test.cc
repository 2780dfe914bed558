// Hostile requests against a real server on loopback, sent over raw sockets
// where an HTTP client library would refuse to send them: bytes that are not
// UTF-8, bodies over the limits (chunked too), slow and idle connections, a
// handler that throws. After each, the server must still answer.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "service/background_server.h"
#include "service/server.h"
#include "test_paths.h"

namespace embargo::service {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using testing::BackgroundServer;

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool Readable(int fd, milliseconds wait) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, static_cast<int>(wait.count())) > 0;
}

struct RawResponse {
  int status = 0;  // 0: no response
  std::string head;
  std::string body;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Reads one response (headers, then Content-Length bytes) within `timeout`.
RawResponse ReadResponse(int fd, milliseconds timeout = milliseconds(10000)) {
  RawResponse r;
  std::string data;
  auto deadline = Clock::now() + timeout;
  size_t head_end = std::string::npos, want = std::string::npos;
  while (Clock::now() < deadline) {
    if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
      r.head = data.substr(0, head_end);
      size_t at = r.head.find("Content-Length: ");
      want = at == std::string::npos ? 0 : std::stoul(r.head.substr(at + 16));
    }
    if (want != std::string::npos && data.size() >= head_end + 4 + want) break;
    auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    if (!Readable(fd, left)) break;
    char buf[65536];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  if (head_end == std::string::npos) return r;
  r.status = std::stoi(r.head.substr(9, 3));
  r.body = data.substr(head_end + 4, want);
  return r;
}

// One request on a connection of its own.
RawResponse Exchange(int port, const std::string& request) {
  int fd = Connect(port);
  if (fd < 0) return {};
  RawResponse r = SendAll(fd, request) ? ReadResponse(fd) : RawResponse{};
  ::close(fd);
  return r;
}

std::string Get(const std::string& target, const std::string& method = "GET") {
  return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

std::string Post(const std::string& target, const std::string& body) {
  return "POST " + target +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
         "application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool Healthy(int port) { return Exchange(port, Get("/healthz")).status == 200; }

size_t RssKib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

ServerOptions SmallListOptions() {
  ServerOptions options;
  options.lists = {embargo::testing::TestData("lists/rok-fsc-sample.csv")};
  options.port = 0;
  return options;
}

const char kMatch[] =
    R"({"queries":{"q":{"schema":"Company","properties":{"name":["Korea Example Trading"]}}}})";

TEST(ServerHardeningTest, PathsThatDecodeToInvalidUtf8Get400AndTheServerKeepsServing) {
  BackgroundServer running(SmallListOptions());
  ASSERT_TRUE(running.ok());
  for (const char* target : {"/%ff", "/healthz%ff", "/entities/%ff", "/search/default%c0%af"}) {
    RawResponse r = Exchange(running.port(), Get(target));
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.Json()["detail"], "request path is not valid UTF-8 after percent-decoding")
        << target;
    EXPECT_TRUE(Healthy(running.port())) << "after " << target;
  }
  RawResponse head = Exchange(running.port(), Get("/%c0%af", "HEAD"));
  EXPECT_EQ(head.status, 400);
  EXPECT_EQ(head.body, "");
  RawResponse param = Exchange(running.port(), Get("/search/default?q=%ff"));
  EXPECT_EQ(param.status, 400);
  EXPECT_EQ(param.Json()["detail"], "query parameter 'q' is not valid UTF-8");
  EXPECT_TRUE(Healthy(running.port()));
}

TEST(ServerHardeningTest, LoggedQueriesWithBytesThatAreNotUtf8AreLoggedWithReplacements) {
  ServerOptions options = SmallListOptions();
  options.log_queries = true;
  BackgroundServer running(options);
  ASSERT_TRUE(running.ok());
  ::testing::internal::CaptureStderr();
  RawResponse q = Exchange(running.port(), Get("/search/default?q=%ff"));
  RawResponse body =
      Exchange(running.port(), Post("/match/default",
                                    R"({"queries":{"q":{"schema":"Company","properties":{"name":[")"
                                    "\xff"
                                    R"("]}}}})"));
  RawResponse good = Exchange(running.port(), Get("/search/default?q=Korea"));
  std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(q.status, 400);
  EXPECT_EQ(body.status, 400);
  // Where the bad byte is, and what it is (the byte shown as U+FFFD).
  EXPECT_EQ(body.Json()["detail"].get<std::string>().rfind(
                "request body:1:60: invalid JSON: syntax error while parsing value - invalid "
                "string: ill-formed UTF-8 byte",
                0),
            0u)
      << body.Json().dump();
  EXPECT_EQ(good.status, 200);
  // The body is logged with U+FFFD for the bad byte; the line is valid JSON.
  size_t at = log.find("\"body\":");
  ASSERT_NE(at, std::string::npos) << log;
  std::string line = log.substr(log.rfind('\n', at) + 1);
  line = line.substr(0, line.find('\n'));
  nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << line;
  EXPECT_EQ(parsed["body"], R"({"queries":{"q":{"schema":"Company","properties":{"name":[")"
                            "\xEF\xBF\xBD"
                            R"("]}}}})");
  EXPECT_NE(log.find("\"q\":\"Korea\""), std::string::npos) << log;
}

TEST(ServerHardeningTest, AChunkedBodyIsRefusedAtTheLimitWithMemoryFlat) {
  BackgroundServer running(SmallListOptions());
  ASSERT_TRUE(running.ok());
  ASSERT_TRUE(Healthy(running.port()));
  size_t rss_before = RssKib();
  int fd = Connect(running.port());
  ASSERT_GE(fd, 0);
  timeval send_timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
  ASSERT_TRUE(SendAll(fd,
                      "POST /match/default HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
  size_t sent = 0;
  while (sent < (100u << 20) && !Readable(fd, milliseconds(0)) && SendAll(fd, chunk)) {
    sent += 0x10000;
  }
  RawResponse r = ReadResponse(fd);
  ::close(fd);
  size_t rss_after = RssKib();
  EXPECT_EQ(r.status, 413) << "sent " << sent << " bytes";
  EXPECT_EQ(r.Json()["detail"], "request body too large (limit 1048576 bytes)");
  EXPECT_LT(sent, 100u << 20);  // refused before the whole body was sent
  EXPECT_LT(rss_after, rss_before + 24 * 1024) << rss_before << " KiB before";
  std::printf("chunked body: refused after %zu bytes sent; VmRSS %zu -> %zu KiB\n", sent,
              rss_before, rss_after);
  EXPECT_TRUE(Healthy(running.port()));
}

TEST(ServerHardeningTest, DeepAndWideJsonBodiesAreRefusedBeforeParsing) {
  BackgroundServer running(SmallListOptions());
  ASSERT_TRUE(running.ok());
  std::string deep = std::string(400000, '[') + std::string(400000, ']');
  RawResponse nested = Exchange(running.port(), Post("/match/default", deep));
  EXPECT_EQ(nested.status, 400);
  EXPECT_EQ(nested.Json()["detail"], "request body nests deeper than 32 levels");
  std::string names;
  for (int i = 0; i < 100000; ++i) names += i ? ",\"a\"" : "\"a\"";
  RawResponse wide = Exchange(
      running.port(),
      Post("/match/default",
           R"({"queries":{"q":{"schema":"Company","properties":{"name":[)" + names + "]}}}}"));
  EXPECT_EQ(wide.status, 413);
  EXPECT_EQ(wide.Json()["detail"], "request body holds more than 20000 JSON values");
  RawResponse fine = Exchange(running.port(), Post("/match/default", kMatch));
  EXPECT_EQ(fine.status, 200) << fine.body;
}

TEST(ServerHardeningTest, SlowAndIdleClientsDoNotDelayTheProbes) {
  ServerOptions options = SmallListOptions();
  options.limits.header_timeout = milliseconds(2000);
  BackgroundServer running(options);
  ASSERT_TRUE(running.ok());
  std::vector<int> idle, slow;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(Connect(running.port()));
    slow.push_back(Connect(running.port()));
    ASSERT_GE(idle.back(), 0);
    ASSERT_GE(slow.back(), 0);
  }
  const std::string line = "GET /healthz HTTP/1.1\r\n";
  auto start = Clock::now();
  std::vector<milliseconds> took_each;
  int probes = 0, answered = 0;
  for (size_t second = 0; second < 3; ++second) {
    for (int fd : slow) SendAll(fd, line.substr(second, 1));  // one byte a second, never done
    auto next_second = start + std::chrono::seconds(second + 1);
    while (Clock::now() < next_second) {
      auto sent = Clock::now();
      RawResponse r = Exchange(running.port(), Get("/healthz"));
      auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - sent);
      took_each.push_back(took);
      ++probes;
      answered += r.status == 200;
      std::this_thread::sleep_for(milliseconds(100));
    }
  }
  // Before the fix a probe waited ~5 s for a slot. The bar is 100 ms; on a
  // shared two-core machine (the other test shard, ASan) one probe can be
  // descheduled for longer, so nine in ten must answer within 100 ms and
  // none may take a second.
  std::sort(took_each.begin(), took_each.end());
  ASSERT_FALSE(took_each.empty());
  const milliseconds p90 = took_each[took_each.size() * 9 / 10];
  const milliseconds worst = took_each.back();
  EXPECT_EQ(answered, probes);
  EXPECT_LT(p90.count(), 100) << "90th percentile of " << probes << " /healthz answers";
  EXPECT_LT(worst.count(), 1000) << "slowest of " << probes << " /healthz answers";
  std::printf("%d /healthz answers: median %lld ms, p90 %lld ms, slowest %lld ms\n", probes,
              static_cast<long long>(took_each[took_each.size() / 2].count()),
              static_cast<long long>(p90.count()), static_cast<long long>(worst.count()));
  // Past the header deadline the server has closed all of them.
  int closed = 0;
  for (int fd : slow) {
    char byte;
    closed += Readable(fd, milliseconds(0)) && ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
  }
  for (int fd : idle) {
    char byte;
    closed += Readable(fd, milliseconds(0)) && ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
  }
  EXPECT_EQ(closed, 400);
  for (int fd : idle) ::close(fd);
  for (int fd : slow) ::close(fd);
}

TEST(ServerHardeningTest, ProbesAnswerWhileEveryWorkerIsBusyAndOtherRequestsGet429) {
  ServerOptions options = SmallListOptions();
  options.threads = 1;
  options.limits.max_concurrent = 1;
  std::atomic<bool> release{false};
  options.before_endpoint = [&release](const std::string& endpoint) {
    while (endpoint == "/algorithms" && !release) std::this_thread::sleep_for(milliseconds(5));
  };
  BackgroundServer running(options);
  ASSERT_TRUE(running.ok());
  std::thread busy([&] { EXPECT_EQ(Exchange(running.port(), Get("/algorithms")).status, 200); });
  std::this_thread::sleep_for(milliseconds(200));
  auto sent = Clock::now();
  EXPECT_EQ(Exchange(running.port(), Get("/healthz")).status, 200);
  EXPECT_EQ(Exchange(running.port(), Get("/readyz")).status, 200);
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(Clock::now() - sent).count(), 200);
  RawResponse refused = Exchange(running.port(), Get("/catalog"));
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.Json()["detail"], "too many concurrent requests (limit 1)");
  release = true;
  busy.join();
}

TEST(ServerHardeningTest, AHandlerThatThrowsAnswers500AndTheServerKeepsServing) {
  ServerOptions options = SmallListOptions();
  options.before_endpoint = [](const std::string& endpoint) {
    if (endpoint == "/algorithms") throw std::runtime_error("boom");
  };
  BackgroundServer running(options);
  ASSERT_TRUE(running.ok());
  RawResponse r = Exchange(running.port(), Get("/algorithms"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.Json()["detail"], "internal server error");
  EXPECT_EQ(Exchange(running.port(), Get("/catalog")).status, 200);
}

TEST(ServerHardeningTest, MalformedRequestsAndOversizedHeadersAreAnsweredInJson) {
  BackgroundServer running(SmallListOptions());
  ASSERT_TRUE(running.ok());
  RawResponse garbage = Exchange(running.port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(garbage.Json()["detail"].get<std::string>().rfind("malformed HTTP request: ", 0), 0u)
      << garbage.body;
  std::string big = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') +
                    "\r\nConnection: close\r\n\r\n";
  RawResponse header = Exchange(running.port(), big);
  EXPECT_EQ(header.status, 431);
  EXPECT_EQ(header.Json()["detail"], "request header fields too large (limit 16384 bytes)");
  EXPECT_TRUE(Healthy(running.port()));
}

TEST(ServerHardeningTest, KeepsAConnectionAliveAndAnswersHeadWithoutABody) {
  BackgroundServer running(SmallListOptions());
  ASSERT_TRUE(running.ok());
  int fd = Connect(running.port());
  ASSERT_GE(fd, 0);
  const std::string keep = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(SendAll(fd, keep));
  RawResponse first = ReadResponse(fd);
  ASSERT_TRUE(SendAll(fd, "HEAD /catalog HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string head_only;
  char buf[4096];
  while (head_only.find("\r\n\r\n") == std::string::npos && Readable(fd, milliseconds(5000))) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    head_only.append(buf, static_cast<size_t>(n));
  }
  ASSERT_TRUE(SendAll(fd, keep));
  RawResponse third = ReadResponse(fd);
  ::close(fd);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, R"({"status":"ok"})");
  EXPECT_EQ(head_only.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head_only;
  EXPECT_NE(head_only.find("Content-Length: "), std::string::npos);
  EXPECT_EQ(head_only.substr(head_only.find("\r\n\r\n") + 4), "");  // no body
  EXPECT_EQ(third.status, 200);
}

}  // namespace
}  // namespace embargo::service
