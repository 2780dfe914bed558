#include "cli/customer_selection.h"

#include <fmt/format.h>

#include <map>

namespace embargo::cli {
namespace {

// Why the row cannot be stored, or "" when it can; `warnings` gets how the
// row was read ("9 fields, header has 7") and the query's field warnings. `stored` maps the ids
// taken so far to their line.
std::string Refusal(const BatchRow& row, const std::map<std::string, int>& stored,
                    std::vector<std::string>& warnings) {
  if (row.numbered) return "no id (the id cell is empty)";
  if (auto earlier = stored.find(row.fields.id); earlier != stored.end())
    return fmt::format("id given twice (first on line {})", earlier->second);
  auto query = MakeQuery(row.fields);
  if (!query.ok()) return query.error().message;
  warnings = row.warnings;
  warnings.insert(warnings.end(), query->warnings.begin(), query->warnings.end());
  return "";
}

}  // namespace

CustomerSelection SelectCustomers(const BatchInput& input, const std::string& path) {
  std::map<std::string, int> stored;
  CustomerSelection out;
  for (const BatchRow& row : input.rows) {
    std::vector<std::string> warnings;
    std::string refusal = Refusal(row, stored, warnings);
    std::string where = fmt::format("{}:{}", path, row.line);
    std::string id = row.numbered ? "" : fmt::format(" (id '{}')", row.fields.id);
    if (!refusal.empty()) {
      ++out.refused;
      out.report.push_back(fmt::format("{}: refused{}: {}", where, id, refusal));
      continue;
    }
    for (const std::string& w : warnings) {
      out.report.push_back(fmt::format("{}: warning{}: {}", where, id, w));
    }
    if (!warnings.empty()) ++out.with_warnings;
    stored.emplace(row.fields.id, row.line);
    out.accepted.push_back(row.fields);
  }
  return out;
}

}  // namespace embargo::cli
