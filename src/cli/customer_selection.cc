#include "cli/customer_selection.h"

#include <fmt/format.h>

#include <map>

namespace embargo::cli {
namespace {

// Why the row cannot be stored, or "" when it can; `warnings` gets the
// query's field warnings.
std::string Refusal(const BatchRow& row, const std::map<std::string, int>& first_line,
                    std::vector<std::string>& warnings) {
  if (row.numbered) return "no id (the id cell is empty)";
  auto earlier = first_line.find(row.fields.id);
  if (earlier != first_line.end() && earlier->second != row.line)
    return fmt::format("id given twice (first on line {})", earlier->second);
  auto query = MakeQuery(row.fields);
  if (!query.ok()) return query.error().message;
  warnings = query->warnings;
  return "";
}

}  // namespace

CustomerSelection SelectCustomers(const BatchInput& input, const std::string& path) {
  std::map<std::string, int> first_line;
  for (const BatchRow& row : input.rows) {
    if (!row.numbered) first_line.emplace(row.fields.id, row.line);
  }
  CustomerSelection out;
  for (const BatchRow& row : input.rows) {
    std::vector<std::string> warnings;
    std::string refusal = Refusal(row, first_line, warnings);
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
    out.accepted.push_back(row.fields);
  }
  return out;
}

}  // namespace embargo::cli
