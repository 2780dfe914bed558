// embargo/batch.h: rows of a batch for library clients (ParseDateOrder sits
// with DateOrderName in date_reading.cc).
#include <string>

#include "common/json_writer.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "embargo/batch.h"
#include "input/batch_field.h"
#include "match/match_json.h"

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

std::string ScreenRowJson(const Screener& screener, const QueryFields& row,
                          const ScreenOptions& options) {
  std::string json;
  JsonWriter w(json);
  w.BeginObject();
  w.Member("id", row.id);
  auto query = MakeQuery(row);
  if (!query.ok()) w.Member("error", query.error().message);
  w.Key("matches");
  w.BeginArray();
  if (query.ok()) {
    for (const Match& m : screener.Screen(*query, options)) match::WriteMatch(w, m);
  }
  w.EndArray();
  w.Key("warnings");
  w.Strings(query.ok() ? query->warnings : std::vector<std::string>{});
  w.EndObject();
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
