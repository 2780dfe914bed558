#include "cli/open_screener.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "test_paths.h"

namespace embargo::cli {
namespace {

ListSource SmallList() {
  ListSource source;
  source.lists = {testing::TestData("lists/rok-fsc-sample.csv")};
  return source;
}

// A command run in-process (as the tests run them) frees its screener when
// it lets go of it.
TEST(OpenScreenerTest, AScreenerIsFreedWhenReleased) {
  auto screener = OpenScreener(SmallList());
  ASSERT_TRUE(screener.ok()) << screener.error().ToString();
  std::weak_ptr<const Screener> watch = *screener;
  *screener = nullptr;
  EXPECT_TRUE(watch.expired());
}

// The binary's main asks for its screeners to be left to the process's exit:
// released by the command, they stay (in a child process, so that this one
// frees its own as before).
TEST(OpenScreenerTest, AfterKeepScreenersUntilExitTheProcessExitFreesThem) {
  EXPECT_EXIT(
      {
        KeepScreenersUntilExit();
        auto screener = OpenScreener(SmallList());
        if (!screener.ok()) std::_Exit(2);
        std::weak_ptr<const Screener> watch = *screener;
        *screener = nullptr;
        std::_Exit(watch.expired() ? 1 : 0);  // not exit: the static scratch folder is the parent's
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace embargo::cli
