#include "store/entity_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace embargo::store {
namespace {

using FieldValues = std::map<std::string, std::set<std::string>>;

// The comparable content of an entity, field by field.
FieldValues Project(const Entity& e) {
  FieldValues f;
  f["schema"].insert(std::string(SchemaName(e.schema)));
  for (const Name& n : e.names)
    f["name"].insert(fmt::format("{} ({})", n.value, NameKindName(n.kind)));
  for (const DateSpec& d : e.birth_dates) f["birth_date"].insert(d.ToString());
  for (const std::string& p : e.birth_places) f["birth_place"].insert(p);
  for (const std::string& c : e.nationalities) f["nationality"].insert(c);
  for (const std::string& c : e.countries) f["country"].insert(c);
  for (const std::string& c : e.former_flags) f["former_flag"].insert(c);
  const std::pair<const char*, const std::string*> kVessel[] = {
      {"vessel_type", &e.vessel->type},
      {"tonnage", &e.vessel->tonnage},
      {"gross_tonnage", &e.vessel->gross_tonnage},
      {"build_date", &e.vessel->build_date}};
  for (const auto& [field, value] : kVessel)
    if (!value->empty()) f[field].insert(*value);
  if (e.gender != Gender::kUnknown) f["gender"].insert(std::string(GenderName(e.gender)));
  for (const Identifier& id : e.identifiers) {
    f["identifier"].insert(fmt::format("{} {}{}", IdTypeName(id.type), id.value,
                                       id.country.empty() ? "" : " (" + id.country + ")"));
  }
  for (const Address& a : e.addresses) f["address"].insert(a.full);
  for (const std::string& p : e.programs) f["program"].insert(p);
  for (const std::string& t : e.topics_or_default()) f["topic"].insert(t);
  if (!e.listed_on.empty()) f["listed_on"].insert(e.listed_on);
  for (const std::string& r : e.remarks) f["remark"].insert(r);
  for (const Link& l : e.links)
    f["link"].insert(
        fmt::format("{} {}", l.relation, l.target_id.empty() ? l.target_name : l.target_id));
  return f;
}

std::vector<FieldChange> CompareFields(const Entity& before, const Entity& after) {
  FieldValues a = Project(before), b = Project(after);
  std::set<std::string> fields;
  for (const auto& [k, _] : a) fields.insert(k);
  for (const auto& [k, _] : b) fields.insert(k);
  std::vector<FieldChange> changes;
  for (const std::string& field : fields) {
    const std::set<std::string>& old_values = a[field];
    const std::set<std::string>& new_values = b[field];
    FieldChange change{field, {}, {}};
    std::set_difference(new_values.begin(), new_values.end(), old_values.begin(), old_values.end(),
                        std::back_inserter(change.added));
    std::set_difference(old_values.begin(), old_values.end(), new_values.begin(), new_values.end(),
                        std::back_inserter(change.removed));
    if (!change.added.empty() || !change.removed.empty()) changes.push_back(std::move(change));
  }
  return changes;
}

nlohmann::json Brief(const Entity& e) {
  return {{"id", e.id}, {"caption", e.caption()}, {"schema", std::string(SchemaName(e.schema))}};
}

}  // namespace

ListDiff DiffEntities(const std::vector<Entity>& before, const std::vector<Entity>& after) {
  std::unordered_map<std::string_view, const Entity*> old_by_id, new_by_id;
  for (const Entity& e : before) old_by_id.emplace(e.id, &e);
  for (const Entity& e : after) new_by_id.emplace(e.id, &e);
  ListDiff diff;
  for (const Entity& e : after) {
    auto it = old_by_id.find(e.id);
    if (it == old_by_id.end()) {
      diff.added.push_back(&e);
      continue;
    }
    std::vector<FieldChange> fields = CompareFields(*it->second, e);
    if (fields.empty()) {
      ++diff.unchanged;
    } else {
      diff.changed.push_back(EntityChange{it->second, &e, std::move(fields)});
    }
  }
  for (const Entity& e : before) {
    if (!new_by_id.count(e.id)) diff.removed.push_back(&e);
  }
  auto by_id = [](const Entity* a, const Entity* b) { return a->id < b->id; };
  std::sort(diff.added.begin(), diff.added.end(), by_id);
  std::sort(diff.removed.begin(), diff.removed.end(), by_id);
  std::sort(diff.changed.begin(), diff.changed.end(),
            [](const EntityChange& a, const EntityChange& b) { return a.after->id < b.after->id; });
  return diff;
}

nlohmann::json FieldChangesToJson(const std::vector<FieldChange>& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const FieldChange& f : fields) {
    out.push_back({{"field", f.field}, {"added", f.added}, {"removed", f.removed}});
  }
  return out;
}

nlohmann::json DiffToJson(const ListDiff& diff) {
  nlohmann::json added = nlohmann::json::array(), removed = nlohmann::json::array(),
                 changed = nlohmann::json::array();
  for (const Entity* e : diff.added) added.push_back(Brief(*e));
  for (const Entity* e : diff.removed) removed.push_back(Brief(*e));
  for (const EntityChange& c : diff.changed) {
    nlohmann::json item = Brief(*c.after);
    item["fields"] = FieldChangesToJson(c.fields);
    changed.push_back(std::move(item));
  }
  return {{"counts",
           {{"added", diff.added.size()},
            {"removed", diff.removed.size()},
            {"changed", diff.changed.size()},
            {"unchanged", diff.unchanged}}},
          {"added", added},
          {"removed", removed},
          {"changed", changed}};
}

std::string DiffToText(const ListDiff& diff) {
  std::string out =
      fmt::format("{} added, {} removed, {} changed, {} unchanged\n", diff.added.size(),
                  diff.removed.size(), diff.changed.size(), diff.unchanged);
  for (const Entity* e : diff.added) out += fmt::format("+ {} {}\n", e->id, e->caption());
  for (const Entity* e : diff.removed) out += fmt::format("- {} {}\n", e->id, e->caption());
  for (const EntityChange& c : diff.changed) {
    out += fmt::format("~ {} {}\n", c.after->id, c.after->caption());
    for (const FieldChange& f : c.fields) {
      for (const std::string& v : f.added) out += fmt::format("    {}: + {}\n", f.field, v);
      for (const std::string& v : f.removed) out += fmt::format("    {}: - {}\n", f.field, v);
    }
  }
  return out;
}

}  // namespace embargo::store
