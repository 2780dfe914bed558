#include "store/fetch.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "common/sha256.h"
#include "store/loopback_server.h"

namespace embargo::store {
namespace {

namespace fs = std::filesystem;
using testing::RawServer;
using testing::ReadAll;
using testing::SleepUnlessStopped;
using namespace std::chrono_literals;

constexpr char kLastModified[] = "Wed, 21 Oct 2015 07:28:00 GMT";

void WriteAll(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A folder of its own for each test, removed afterwards.
fs::path MakeTestDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::temp_directory_path() /
                 fmt::format("embargo_{}_{}_{}", info->test_suite_name(), info->name(), getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

class FetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir();
    dest_ = dir_ / "list.csv";
    AddHandlers();
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }

  void TearDown() override {
    stop_ = true;
    server_.stop();
    thread_.join();
    fs::remove_all(dir_);
  }

  std::string Url(std::string_view path) const {
    return fmt::format("http://127.0.0.1:{}{}", port_, path);
  }

  static FetchOptions Fast() {
    FetchOptions options;
    options.backoff = 10ms;
    options.connect_timeout = 2s;
    options.read_timeout = 2s;
    return options;
  }

  bool PartLeft() const { return fs::exists(dir_ / "list.csv.part"); }

  void SetList(std::string body, std::string etag) {
    std::lock_guard lock(mutex_);
    list_body_ = std::move(body);
    list_etag_ = std::move(etag);
  }

  void AddHandlers() {
    server_.Get("/list.csv", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      if_none_match_ = req.get_header_value("If-None-Match");
      if_modified_since_ = req.get_header_value("If-Modified-Since");
      user_agent_ = req.get_header_value("User-Agent");
      res.set_header("ETag", list_etag_);
      res.set_header("Last-Modified", kLastModified);
      if (if_none_match_ == list_etag_) {
        res.status = 304;
        return;
      }
      res.set_content(list_body_, "text/csv");
    });
    server_.Get("/flaky", [this](const httplib::Request&, httplib::Response& res) {
      if (++hits_ <= 2) {
        res.status = 503;
        return;
      }
      res.set_content("ok\n", "text/csv");
    });
    server_.Get("/always500", [this](const httplib::Request&, httplib::Response& res) {
      ++hits_;
      res.status = 500;
    });
    server_.Get("/404", [this](const httplib::Request&, httplib::Response& res) {
      ++hits_;
      res.status = 404;
    });
    server_.Get("/busy", [this](const httplib::Request&, httplib::Response& res) {
      if (++hits_ == 1) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        return;
      }
      res.set_content("ok\n", "text/csv");
    });
    server_.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      SleepUnlessStopped(stop_, 5s);
      res.set_content("late\n", "text/csv");
    });
    server_.Get("/stall-body", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(1000, "text/csv", [this](size_t, size_t, httplib::DataSink& sink) {
        sink.write(std::string(100, 'x').data(), 100);
        SleepUnlessStopped(stop_, 5s);
        return false;
      });
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(10 * 1024, 'x'), "text/csv");
    });
    server_.Get("/big-chunked", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/csv", [](size_t offset, httplib::DataSink& sink) {
        if (offset >= 10 * 1024) {
          sink.done();
          return true;
        }
        return sink.write(std::string(1024, 'x').data(), 1024);
      });
    });
    server_.Get("/old", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/list.csv", 302);
    });
    server_.Get("/dir/first", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("second", 301);
    });
    server_.Get("/dir/second", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("second\n", "text/csv");
    });
    server_.Get("/loop", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop", 302);
    });
  }

  fs::path dir_;
  fs::path dest_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> hits_{0};

  std::mutex mutex_;  // guards the list and what its handler saw
  std::string list_body_ = "name,program\nACME TRADING,SDGT\n";
  std::string list_etag_ = "\"v1\"";
  std::string if_none_match_;
  std::string if_modified_since_;
  std::string user_agent_;
};

TEST_F(FetchTest, DownloadsBodyWithValidatorsAndHash) {
  auto result = FetchToFile(Url("/list.csv"), dest_, Fast());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_FALSE(result->not_modified);
  EXPECT_EQ(result->etag, "\"v1\"");
  EXPECT_EQ(result->last_modified, kLastModified);
  EXPECT_EQ(result->sha256, Sha256Hex("name,program\nACME TRADING,SDGT\n"));
  EXPECT_EQ(result->bytes, 31u);
  EXPECT_EQ(result->attempts, 1);
  EXPECT_EQ(result->final_url, Url("/list.csv"));
  EXPECT_EQ(ReadAll(dest_), "name,program\nACME TRADING,SDGT\n");
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, SendsUserAgentAndNoConditionsOnFirstFetch) {
  ASSERT_TRUE(FetchToFile(Url("/list.csv"), dest_, Fast()).ok());
  std::lock_guard lock(mutex_);
  EXPECT_EQ(user_agent_, "embargo/0.1 (+sanctions screening)");
  EXPECT_EQ(if_none_match_, "");
  EXPECT_EQ(if_modified_since_, "");
}

TEST_F(FetchTest, MatchingEtagGivesNotModifiedAndLeavesDestAlone) {
  auto first = FetchToFile(Url("/list.csv"), dest_, Fast());
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  WriteAll(dest_, "local copy");
  FetchOptions options = Fast();
  options.etag = first->etag;
  options.last_modified = first->last_modified;

  auto second = FetchToFile(Url("/list.csv"), dest_, options);

  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->etag, "\"v1\"");
  EXPECT_EQ(second->sha256, "");
  EXPECT_EQ(ReadAll(dest_), "local copy");
  EXPECT_FALSE(PartLeft());
  std::lock_guard lock(mutex_);
  EXPECT_EQ(if_none_match_, "\"v1\"");
  EXPECT_EQ(if_modified_since_, kLastModified);
}

TEST_F(FetchTest, ChangedListGivesNewEtagAndHash) {
  auto first = FetchToFile(Url("/list.csv"), dest_, Fast());
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  SetList("name,program\nACME TRADING,SDGT\nBETA LTD,IRAN\n", "\"v2\"");
  FetchOptions options = Fast();
  options.etag = first->etag;

  auto second = FetchToFile(Url("/list.csv"), dest_, options);

  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_FALSE(second->not_modified);
  EXPECT_EQ(second->etag, "\"v2\"");
  EXPECT_NE(second->sha256, first->sha256);
  EXPECT_EQ(ReadAll(dest_), "name,program\nACME TRADING,SDGT\nBETA LTD,IRAN\n");
}

TEST_F(FetchTest, RetriesServiceUnavailableUntilItSucceeds) {
  auto result = FetchToFile(Url("/flaky"), dest_, Fast());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->attempts, 3);
  EXPECT_EQ(hits_, 3);
  EXPECT_EQ(ReadAll(dest_), "ok\n");
}

TEST_F(FetchTest, GivesUpOnPersistentServerErrorWithoutLeavingFiles) {
  FetchOptions options = Fast();
  options.attempts = 3;
  auto result = FetchToFile(Url("/always500"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(),
            Url("/always500") + ": HTTP 500 Internal Server Error (gave up after 3 attempts)");
  EXPECT_EQ(hits_, 3);
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, FailureKeepsPreviousDestIntact) {
  WriteAll(dest_, "previous list");
  FetchOptions options = Fast();
  options.attempts = 2;
  ASSERT_FALSE(FetchToFile(Url("/always500"), dest_, options).ok());
  EXPECT_EQ(ReadAll(dest_), "previous list");
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, NotFoundIsNotRetried) {
  auto result = FetchToFile(Url("/404"), dest_, Fast());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), Url("/404") + ": HTTP 404 Not Found");
  EXPECT_EQ(hits_, 1);
}

TEST_F(FetchTest, HonoursRetryAfterOnTooManyRequests) {
  auto start = std::chrono::steady_clock::now();
  auto result = FetchToFile(Url("/busy"), dest_, Fast());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->attempts, 2);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 1s);
}

TEST_F(FetchTest, StalledServerTimesOut) {
  FetchOptions options = Fast();
  options.read_timeout = 1s;
  options.attempts = 1;
  auto result = FetchToFile(Url("/stall"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), Url("/stall") + ": read timed out after 1 s");
  EXPECT_FALSE(fs::exists(dest_));
}

TEST_F(FetchTest, StallMidBodyTimesOutAndSaysHowFarItGot) {
  FetchOptions options = Fast();
  options.read_timeout = 1s;
  options.attempts = 1;
  auto result = FetchToFile(Url("/stall-body"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(),
            Url("/stall-body") + ": read timed out after 1 s (got 100 of 1000 bytes)");
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, TruncatedBodyIsRetriedThenReported) {
  RawServer raw("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + std::string(100, 'x'));
  WriteAll(dest_, "previous list");
  FetchOptions options = Fast();
  options.read_timeout = 1s;  // quick failures must not pass for timeouts
  options.attempts = 2;
  auto result = FetchToFile(raw.Url("/x"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(),
            raw.Url("/x") + ": truncated: got 100 of 1000 bytes (gave up after 2 attempts)");
  EXPECT_EQ(raw.connections(), 2);
  EXPECT_EQ(ReadAll(dest_), "previous list");
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, ConnectionClosedBeforeResponseIsReported) {
  RawServer raw("");
  FetchOptions options = Fast();
  options.read_timeout = 1s;  // quick failures must not pass for timeouts
  options.attempts = 1;
  auto result = FetchToFile(raw.Url("/x"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), raw.Url("/x") + ": connection closed without a response");
}

TEST_F(FetchTest, BodyOverLimitFails) {
  FetchOptions options = Fast();
  options.max_bytes = 4096;
  auto result = FetchToFile(Url("/big-chunked"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), Url("/big-chunked") + ": larger than the 4096-byte limit");
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, AnnouncedLengthOverLimitFailsBeforeTheBody) {
  FetchOptions options = Fast();
  options.max_bytes = 4096;
  auto result = FetchToFile(Url("/big"), dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(),
            Url("/big") + ": larger than the 4096-byte limit (Content-Length: 10240)");
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_FALSE(PartLeft());
}

TEST_F(FetchTest, BodyAtLimitIsAccepted) {
  FetchOptions options = Fast();
  options.max_bytes = 10 * 1024;
  auto result = FetchToFile(Url("/big-chunked"), dest_, options);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->bytes, 10u * 1024);
}

TEST_F(FetchTest, FollowsRedirectAndReportsFinalUrl) {
  auto result = FetchToFile(Url("/old"), dest_, Fast());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->final_url, Url("/list.csv"));
  EXPECT_EQ(result->etag, "\"v1\"");
  EXPECT_EQ(ReadAll(dest_), "name,program\nACME TRADING,SDGT\n");
}

TEST_F(FetchTest, ResolvesRelativeRedirectAgainstTheDirectory) {
  auto result = FetchToFile(Url("/dir/first"), dest_, Fast());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->final_url, Url("/dir/second"));
  EXPECT_EQ(ReadAll(dest_), "second\n");
}

TEST_F(FetchTest, RedirectLoopFails) {
  auto result = FetchToFile(Url("/loop"), dest_, Fast());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), Url("/loop") + ": more than 10 redirects");
}

TEST_F(FetchTest, ConnectionRefusedIsRetried) {
  int port = 0;
  {
    RawServer closed("");  // a port that was free a moment ago
    port = std::stoi(closed.Url("").substr(std::string_view("http://127.0.0.1:").size()));
  }
  FetchOptions options = Fast();
  options.attempts = 2;
  std::string url = fmt::format("http://127.0.0.1:{}/x", port);
  auto result = FetchToFile(url, dest_, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), url + ": cannot connect (gave up after 2 attempts)");
}

TEST_F(FetchTest, UnsupportedSchemeFails) {
  auto result = FetchToFile("ftp://example.org/sdn.csv", dest_, Fast());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), "ftp://example.org/sdn.csv: unsupported URL scheme 'ftp'");
}

TEST_F(FetchTest, MissingDestFolderFailsWithoutRetry) {
  fs::path dest = dir_ / "missing" / "list.csv";
  auto result = FetchToFile(Url("/list.csv"), dest, Fast());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), Url("/list.csv") + ": cannot create " + dest.string() +
                                           ".part: No such file or directory");
}

class FetchFileUrlTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FetchFileUrlTest, CopiesLocalMirror) {
  WriteAll(dir_ / "mirror.csv", "name\nACME\n");
  auto result = FetchToFile("file://" + (dir_ / "mirror.csv").string(), dir_ / "out.csv", {});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->sha256, Sha256Hex("name\nACME\n"));
  EXPECT_EQ(result->bytes, 10u);
  EXPECT_EQ(result->attempts, 1);
  EXPECT_EQ(ReadAll(dir_ / "out.csv"), "name\nACME\n");
  EXPECT_FALSE(fs::exists(dir_ / "out.csv.part"));
}

TEST_F(FetchFileUrlTest, DecodesPercentEscapes) {
  WriteAll(dir_ / "my list.csv", "x\n");
  auto result = FetchToFile("file://" + dir_.string() + "/my%20list.csv", dir_ / "out.csv", {});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(ReadAll(dir_ / "out.csv"), "x\n");
}

TEST_F(FetchFileUrlTest, MissingFileFails) {
  WriteAll(dir_ / "out.csv", "previous list");
  std::string url = "file://" + (dir_ / "absent.csv").string();
  auto result = FetchToFile(url, dir_ / "out.csv", {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), url + ": cannot open " + (dir_ / "absent.csv").string() +
                                           ": No such file or directory");
  EXPECT_EQ(ReadAll(dir_ / "out.csv"), "previous list");
}

TEST_F(FetchFileUrlTest, SizeLimitApplies) {
  WriteAll(dir_ / "mirror.csv", std::string(5000, 'x'));
  FetchOptions options;
  options.max_bytes = 4096;
  std::string url = "file://" + (dir_ / "mirror.csv").string();
  auto result = FetchToFile(url, dir_ / "out.csv", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), url + ": larger than the 4096-byte limit");
  EXPECT_FALSE(fs::exists(dir_ / "out.csv"));
  EXPECT_FALSE(fs::exists(dir_ / "out.csv.part"));
}

TEST_F(FetchFileUrlTest, RelativeFileUrlFails) {
  auto result = FetchToFile("file://mirror.csv", dir_ / "out.csv", {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(), "file://mirror.csv: not a file:///absolute/path URL");
}

}  // namespace
}  // namespace embargo::store
