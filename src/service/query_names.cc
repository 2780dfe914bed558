#include "service/query_names.h"

#include <fmt/format.h>

namespace embargo::service {

void AddNameFromParts(const std::vector<std::string>& first, const std::vector<std::string>& last,
                      std::vector<std::string>& names) {
  if (!names.empty() || (first.empty() && last.empty())) return;
  std::string name = first.empty() ? "" : first.front();
  if (!last.empty()) name += (name.empty() ? "" : " ") + last.front();
  names.push_back(std::move(name));
}

std::optional<std::string> CheckNameLimits(const std::vector<std::string>& names,
                                           const Limits& limits) {
  if (names.size() > limits.max_names_per_query) {
    return fmt::format("{} names, at most {} allowed", names.size(), limits.max_names_per_query);
  }
  for (const std::string& n : names) {
    if (n.size() > limits.max_name_length) {
      return fmt::format("a name of {} bytes, at most {} allowed", n.size(),
                         limits.max_name_length);
    }
  }
  return std::nullopt;
}

}  // namespace embargo::service
