#include "eval/customer_deck.h"

#include <fmt/format.h>

#include "common/csv.h"
#include "common/file.h"

namespace embargo::eval {
namespace {

struct Person {
  std::string full, first, last, gender, birth_date, nationality;
};

}  // namespace

Result<CustomerDeck> MakeCustomerDeck(const std::vector<std::string>& negatives_paths,
                                      const std::vector<const Entity*>& planted, size_t count) {
  std::vector<Person> people;
  for (const std::string& path : negatives_paths) {
    auto bytes = ReadFileBytes(path);
    if (!bytes.ok()) return bytes.error();
    auto rows = ReadCsv(*bytes, path);
    if (!rows.ok()) return rows.error();
    if (rows->empty()) return MakeError(path, 0, "empty file");
    const auto& header = rows->front().fields;
    int columns[6];
    const char* names[6] = {"full_name", "first_name",    "last_name",
                            "gender",    "date_of_birth", "nationality"};
    for (int c = 0; c < 6; ++c) columns[c] = FindColumn(header, names[c]);
    if (columns[0] < 0) return MakeError(path, 1, "no full_name column");
    for (size_t i = 1; i < rows->size(); ++i) {
      MappedRow r{(*rows)[i], columns};
      people.push_back({std::string(r[0]), std::string(r[1]), std::string(r[2]), std::string(r[3]),
                        std::string(r[4]), std::string(r[5])});
    }
  }
  if (people.empty()) return MakeError("no people in the negatives files");

  CustomerDeck deck;
  const size_t n = people.size();
  const size_t every = planted.empty() ? 0 : std::max<size_t>(1, count / planted.size());
  size_t next_planted = 0;
  for (size_t i = 0; i < count; ++i) {
    QueryFields f;
    f.id = fmt::format("C{:06}", i + 1);
    if (every != 0 && i % every == every / 2 && next_planted < planted.size()) {
      const Entity& e = *planted[next_planted++];
      f.names.push_back(e.caption());
      f.schema = std::string(SchemaName(e.schema));
      deck.planted[f.id] = e.id;
    } else {
      const Person& p = people[i % n];
      if (i < n || p.first.empty()) {
        f.names.push_back(p.full);
      } else {
        // Past the files' end: a new person from two rows' name parts.
        const Person& other = people[(i * 7919 + i / n) % n];
        f.names.push_back(p.first + " " + (other.last.empty() ? other.full : other.last));
      }
      f.schema = "Person";
      if (!p.birth_date.empty()) f.birth_dates.push_back(p.birth_date);
      if (!p.nationality.empty()) f.countries.push_back(p.nationality);
      f.gender = p.gender;
    }
    deck.rows.push_back(std::move(f));
  }
  return deck;
}

}  // namespace embargo::eval
