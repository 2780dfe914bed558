// Where tests find the reference lists (../shared/data) and the repo's own
// small deliberately broken fixtures (tests/data).
#pragma once

#include <string>

namespace embargo::testing {

inline std::string SharedData(const std::string& relative) {
  return std::string(EMBARGO_SHARED_DATA) + "/" + relative;
}
inline std::string TestData(const std::string& relative) {
  return std::string(EMBARGO_TEST_DATA) + "/" + relative;
}

}  // namespace embargo::testing
