// Crash-safety test hook. CrashPoint("name") kills the process with SIGKILL
// (no clean-up, no destructors, exactly like a power cut for the process)
// when the environment variable EMBARGO_CRASH_AT equals "name"; otherwise it
// does nothing. Placed inside write transactions so tests can prove that an
// interrupted update or re-screen leaves the store consistent.
#pragma once

#include <string_view>

namespace embargo::store {

void CrashPoint(std::string_view name);

}  // namespace embargo::store
