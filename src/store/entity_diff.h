// What changed between two versions of a list: entities added, removed, and
// changed with a per-field diff (a new alias, a new passport, a changed
// program). Entities are matched by id; each field compares as a set of
// values, so reordering is not a change. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "embargo/entity.h"

namespace embargo::store {

struct FieldChange {
  std::string field;  // name, birth_date, nationality, identifier, program, ...
  std::vector<std::string> added;
  std::vector<std::string> removed;
};

struct EntityChange {
  const Entity* before = nullptr;
  const Entity* after = nullptr;
  std::vector<FieldChange> fields;
};

struct ListDiff {
  std::vector<const Entity*> added;    // in `after` only
  std::vector<const Entity*> removed;  // in `before` only
  std::vector<EntityChange> changed;   // in both, with different fields
  size_t unchanged = 0;
};

// Diffs two entity lists; the pointers point into `before` and `after`,
// which must outlive the result. Output is sorted by entity id.
ListDiff DiffEntities(const std::vector<Entity>& before, const std::vector<Entity>& after);

// [{"field", "added", "removed"}...]
nlohmann::json FieldChangesToJson(const std::vector<FieldChange>& fields);

// {"added": [{id, caption, schema}], "removed": [...], "changed": [{id,
// caption, fields: [{field, added, removed}]}], "counts": {...}}
nlohmann::json DiffToJson(const ListDiff& diff);
// A readable report: counts, then "+ id caption", "- id caption", "~ id
// caption" with "    field: +value -value" lines.
std::string DiffToText(const ListDiff& diff);

}  // namespace embargo::store
