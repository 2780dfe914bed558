// Building small list sets in code for the xref tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "embargo/lists.h"

namespace embargo::xref::testing {

// A record of `dataset` with id "<dataset>-<source_id>"; the first name is
// the primary one, the others strong aliases.
inline Entity Record(std::string dataset, std::string source_id, Schema schema,
                     std::vector<std::string> names, std::string birth_date = "",
                     std::vector<std::string> nationalities = {}) {
  Entity e;
  e.id = dataset + "-" + source_id;
  e.dataset = std::move(dataset);
  e.source_id = std::move(source_id);
  e.schema = schema;
  for (size_t i = 0; i < names.size(); ++i)
    e.names.push_back(Name{names[i], i == 0 ? NameKind::kPrimary : NameKind::kAlias, {}});
  if (!birth_date.empty()) {
    PartialDate d = *PartialDate::Parse(birth_date);
    e.birth_dates.push_back(DateSpec{d, d, false});
  }
  e.nationalities = std::move(nationalities);
  return e;
}

inline Entity Person(std::string dataset, std::string source_id, std::vector<std::string> names,
                     std::string birth_date = "", std::vector<std::string> nationalities = {}) {
  return Record(std::move(dataset), std::move(source_id), Schema::kPerson, std::move(names),
                std::move(birth_date), std::move(nationalities));
}

inline Entity WithId(Entity e, IdType type, std::string value, std::string country = "") {
  e.identifiers.push_back(Identifier{type, std::move(value), std::move(country), ""});
  return e;
}

inline ListSet Lists(std::vector<Entity> entities) {
  ListSet lists;
  lists.entities = std::move(entities);
  return lists;
}

}  // namespace embargo::xref::testing
