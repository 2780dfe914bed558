// What /match and /reconcile share when they read a query's names from a
// client's example: a name made from firstName/lastName when no full name
// is given, and the request limits on names. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "service/http_types.h"

namespace embargo::service {

// A batch is screened in parallel from this many queries up.
inline constexpr size_t kParallelQueries = 4;

// When `names` is empty and a first or last name is given: adds "FIRST
// LAST" (the first of each given).
void AddNameFromParts(const std::vector<std::string>& first, const std::vector<std::string>& last,
                      std::vector<std::string>& names);

// What breaks the limits ("3 names, at most 2 allowed", "a name of 2000
// bytes, at most 1024 allowed"), or nullopt.
std::optional<std::string> CheckNameLimits(const std::vector<std::string>& names,
                                           const Limits& limits);

}  // namespace embargo::service
