#include "match/vessel_history.h"

#include <fmt/format.h>

#include <algorithm>

namespace embargo::match {
namespace {

// Below this name score the query's name is taken as none of the ship's
// names: the match came from the IMO number (or another identifier).
constexpr double kSameNameScore = 0.80;

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string Join(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, ", "));
}

}  // namespace

std::optional<FeatureContribution> VesselHistory(const Query& query, const Entity& vessel,
                                                 const Explanation& explanation) {
  if (vessel.schema != Schema::kVessel || vessel.names.empty()) return std::nullopt;
  std::vector<std::string> former_names;
  for (const Name& n : vessel.names) {
    if (n.kind == NameKind::kPreviousName) former_names.push_back(n.value);
  }
  std::vector<std::string> parts;
  std::string listed = "listed as " + vessel.names[0].value;
  if (!former_names.empty()) listed += ", formerly " + Join(former_names);
  parts.push_back(std::move(listed));
  if (!vessel.countries.empty() || !vessel.former_flags.empty()) {
    std::string flags =
        vessel.countries.empty() ? "flag not given" : "flag " + Join(vessel.countries);
    if (!vessel.former_flags.empty()) flags += ", formerly " + Join(vessel.former_flags);
    parts.push_back(std::move(flags));
  }
  bool differs = false;
  if (!query.names.empty()) {
    if (explanation.matched_kind == NameKind::kPreviousName &&
        explanation.name_score >= kSameNameScore) {
      parts.push_back(fmt::format("the query's name '{}' is a former name: renamed since",
                                  explanation.query_name));
      differs = true;
    } else if (explanation.matched_name.empty() || explanation.name_score < kSameNameScore) {
      parts.push_back(
          fmt::format("the query's name '{}' is none of its listed names: renamed "
                      "since it was listed?",
                      query.names[0]));
      differs = true;
    }
  }
  for (const std::string& flag : query.countries) {
    if (Contains(vessel.countries, flag)) continue;
    if (Contains(vessel.former_flags, flag)) {
      parts.push_back(fmt::format("flag {} is a former flag: reflagged since", flag));
      differs = true;
    } else if (!vessel.countries.empty()) {
      parts.push_back(
          fmt::format("flag {} is not a flag the list gives: reflagged since it "
                      "was listed?",
                      flag));
      differs = true;
    }
  }
  if (!differs && former_names.empty() && vessel.former_flags.empty()) return std::nullopt;
  return FeatureContribution{"vessel", 0, fmt::format("{}", fmt::join(parts, "; "))};
}

}  // namespace embargo::match
