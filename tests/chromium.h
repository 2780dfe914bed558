// Headless Chromium for the HTML report tests (Debian's chromium package,
// installed by `make deps`): the command that renders a page to a screenshot
// and its DOM after load, and reading the files it writes.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace embargo::testing {

inline constexpr const char* kChromium = "/usr/bin/chromium";

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Headless Chromium with a fresh profile and no network, writing a
// screenshot of file://<page> and the DOM after load.
inline std::string ChromiumCommand(const std::filesystem::path& page,
                                   const std::filesystem::path& dir) {
  std::string name = page.stem().string();
  return fmt::format(
      "timeout 120 {} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='{}' --window-size=1280,2000 --screenshot='{}' --dump-dom 'file://{}' "
      ">'{}' 2>'{}'",
      kChromium, (dir / ("profile-" + name)).string(), (dir / (name + ".png")).string(),
      page.string(), (dir / (name + ".dom")).string(), (dir / (name + ".log")).string());
}

}  // namespace embargo::testing
