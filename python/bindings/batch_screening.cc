#include "bindings/batch_screening.h"

#include "common/json_writer.h"
#include "common/parallel.h"
#include "match/match_json.h"

namespace embargo::python {

std::string ScreenRowJson(const Screener& screener, const QueryFields& fields,
                          const ScreenOptions& options) {
  std::string json;
  JsonWriter w(json);
  w.BeginObject();
  w.Member("id", fields.id);
  auto query = MakeQuery(fields);
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

}  // namespace embargo::python
