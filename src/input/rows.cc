// embargo/batch.h: rows of a batch for library clients.
#include <string>

#include "common/json_writer.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "embargo/batch.h"
#include "embargo/match_json.h"
#include "input/batch_field.h"
#include "input/date_reading.h"

namespace embargo {

void AddCellValue(QueryFields& row, RowField field, std::string value) {
  if (std::string* single = input::SingleValue(row, field)) {
    if (single->empty()) *single = std::move(value);
    return;
  }
  input::Values(row, field)->push_back(std::move(value));
}

void AddCellText(QueryFields& row, RowField field, std::string_view text) {
  if (input::ReadWhole(field)) {
    AddCellValue(row, field, std::string(Trim(text)));
    return;
  }
  for (std::string& v : SplitList(text)) AddCellValue(row, field, std::move(v));
}

std::optional<DateOrder> ParseDateOrder(std::string_view text) {
  for (DateOrder order : {DateOrder::kUnknown, DateOrder::kDayMonthYear, DateOrder::kMonthDayYear,
                          DateOrder::kYearMonthDay}) {
    if (EqualsIgnoreCase(text, input::DateOrderName(order))) return order;
  }
  return std::nullopt;
}

std::string ScreenRowJson(const Screener& screener, const QueryFields& row,
                          const ScreenOptions& options) {
  auto query = MakeQuery(row);
  std::string json = "{\"id\":";
  AppendJsonString(json, row.id);
  if (!query.ok()) {
    json += ",\"error\":";
    AppendJsonString(json, query.error().message);
  }
  json += ",\"matches\":[";
  if (query.ok()) {
    bool first = true;
    for (const Match& m : screener.Screen(*query, options)) {
      if (!first) json += ',';
      first = false;
      json += MatchJson(m);
    }
  }
  json += "],\"warnings\":[";
  if (query.ok()) {
    for (size_t i = 0; i < query->warnings.size(); ++i) {
      if (i > 0) json += ',';
      AppendJsonString(json, query->warnings[i]);
    }
  }
  json += "]}";
  return json;
}

std::vector<std::string> ScreenRowsJson(const Screener& screener,
                                        const std::vector<QueryFields>& rows,
                                        const ScreenOptions& options, int threads) {
  std::vector<std::string> answers(rows.size());
  ParallelFor(rows.size(), threads,
              [&](size_t i) { answers[i] = ScreenRowJson(screener, rows[i], options); });
  return answers;
}

}  // namespace embargo
