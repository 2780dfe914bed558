// A real embargo::service::Server on a free loopback port, run by a thread
// of its own for the test's lifetime: loaded and bound in the constructor
// (failures are test failures; ok() says whether it serves), stopped and
// joined in the destructor.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <thread>

#include "service/server.h"

namespace embargo::service::testing {

class BackgroundServer {
 public:
  explicit BackgroundServer(ServerOptions options) : server_(std::make_unique<Server>(options)) {
    Status loaded = server_->Load();
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    if (!loaded.ok()) return;
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok()) << port.error().ToString();
    if (!port.ok()) return;
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    for (int i = 0; i < 200 && !server_->running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~BackgroundServer() {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  BackgroundServer(const BackgroundServer&) = delete;
  BackgroundServer& operator=(const BackgroundServer&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  Server& server() { return *server_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    // A sync reload loads every reference list: ~30 s under ASan on a busy
    // machine.
    c.set_read_timeout(300);
    return c;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace embargo::service::testing
