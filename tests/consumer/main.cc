// A client of the installed library: builds a one-record list, screens a
// spelling of the name and prints the match as JSON, through the public
// headers alone.
#include <embargo/lists.h>
#include <embargo/match_json.h>
#include <embargo/screener.h>

#include <iostream>

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
  return 0;
}
