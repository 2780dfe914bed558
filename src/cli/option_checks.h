// CLI11 validators for the checks CLI11's own let through: its Range
// accepts "nan" (every comparison with NaN is false), and a NaN threshold
// would silently turn alerting off. Stateless; thread-safe.
#pragma once

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <string>

#include "common/strings.h"
#include "model/calendar.h"

namespace embargo::cli {

// A finite number within [low, high]: "nan", "inf" and "1e999" are refused
// with "--threshold: 'nan' is not a number in [0, 1]".
inline CLI::Validator FiniteRange(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& input) -> std::string {
        if (ParseFiniteInRange(Trim(input), low, high)) return "";
        return fmt::format("'{}' is not a number in [{:g}, {:g}]", input, low, high);
      },
      fmt::format("FLOAT in [{:g}, {:g}]", low, high));
}

// A day or a time as ISO 8601 writes it, which exists: "2026-13-01" and
// "2024-02-30" are refused, not read as no day or as another.
inline CLI::Validator IsoDayOrTime() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        if (IsIsoDayOrTime(Trim(input))) return "";
        return fmt::format(
            "'{}' is not a day (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm[:ss]) "
            "that exists",
            input);
      },
      "DATE");
}

}  // namespace embargo::cli
