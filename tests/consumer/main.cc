// A client of the installed library: builds a one-record list, screens a
// spelling of the name and prints the match as JSON, then a batch row read
// from cells as the Python package reads them, and the entity's JSON,
// through the public headers alone.
#include <embargo/batch.h>
#include <embargo/lists.h>
#include <embargo/match_json.h>
#include <embargo/screener.h>

#include <iostream>
#include <string>
#include <utility>

int main() {
  embargo::ListSet lists;
  embargo::Entity e;
  e.id = "ri";
  e.dataset = "consumer";
  e.source_id = "KPi.033";
  e.schema = embargo::Schema::kPerson;
  e.names.push_back(embargo::Name{"RI WON HO", embargo::NameKind::kPrimary, {}});
  lists.entities.push_back(e);
  auto screener = embargo::Screener::Build(std::move(lists));
  embargo::QueryFields fields;
  fields.names = {"Ri Won-ho"};
  auto query = embargo::MakeQuery(fields);
  if (!query.ok()) {
    std::cerr << query.error().ToString() << '\n';
    return 1;
  }
  for (const embargo::Match& m : screener->Screen(*query, embargo::ScreenOptions{}))
    std::cout << embargo::MatchJson(m) << '\n';

  embargo::QueryFields row;
  row.date_order = embargo::ParseDateOrder("dmy").value();
  for (auto [column, cell] : {std::pair{"id", " row-1 "}, std::pair{"name", "RI Won Ho"},
                              std::pair{"birth_date", "17/07/1964; 1964"}}) {
    embargo::AddCellText(row, embargo::ReadRowField(column).value(), cell);
  }
  for (const std::string& json :
       embargo::ScreenRowsJson(*screener, {row}, embargo::ScreenOptions{}, 1))
    std::cout << json << '\n';
  std::cout << embargo::EntityJson(*screener->FindEntity("ri")) << '\n';
  return 0;
}
