#include "service/reconcile_query.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "common/strings.h"
#include "service/query_names.h"
#include "service/reconcile_schema.h"

namespace embargo::service {
namespace {

using nlohmann::json;

// A query's field naming: "query 'q0': ..."
Error QueryError(const std::string& key, const std::string& message) {
  return MakeError(fmt::format("query '{}': {}", key, message));
}

// A property value: a string, a number, an entity ({"id"}), or a list of
// these; null is no value.
std::optional<std::vector<std::string>> PropertyValues(const json& v) {
  std::vector<std::string> out;
  auto add = [&out](const json& one) {
    if (one.is_string()) {
      out.push_back(one.get<std::string>());
    } else if (one.is_number_integer()) {
      out.push_back(one.dump());
    } else if (one.is_object() && one.contains("id") && one["id"].is_string()) {
      out.push_back(one["id"].get<std::string>());
    } else if (!one.is_null()) {
      return false;
    }
    return true;
  };
  if (v.is_array()) {
    for (const json& one : v) {
      if (!add(one)) return std::nullopt;
    }
  } else if (!add(v)) {
    return std::nullopt;
  }
  return out;
}

// The FtM type a query asks for: a string, a list (its first), or {"id"};
// "" for none or Thing. Unknown types and abstract ones are errors.
Result<std::string> ReadType(const std::string& key, const json& type) {
  const json* t = &type;
  if (t->is_array()) {
    if (t->empty()) return std::string();
    t = &(*t)[0];
  }
  if (t->is_object() && t->contains("id")) t = &(*t)["id"];
  if (t->is_null()) return std::string();
  if (!t->is_string()) return QueryError(key, "'type' must be a string");
  std::string name = t->get<std::string>();
  if (name.empty() || name == "Thing") return std::string();
  const ReconType* known = FindReconType(name);
  if (known != nullptr && known->schema) return name;
  if (known == nullptr && ParseSchema(name)) return name;  // synonyms: PublicBody, ...
  return QueryError(
      key, fmt::format("unknown type '{}' (known: LegalEntity, Person, Organization, Company, "
                       "Vessel, Airplane, Thing)",
                       name));
}

Result<size_t> ReadLimit(const std::string& key, const json& limit, const Limits& limits) {
  std::optional<size_t> value;
  if (limit.is_null()) return kReconcileDefaultLimit;
  if (limit.is_number_unsigned()) value = limit.get<size_t>();
  if (limit.is_string()) value = ParseNumber<size_t>(limit.get<std::string>());
  if (!value || *value < 1 || *value > limits.max_limit)
    return QueryError(key, fmt::format("'limit' must be an integer in [1, {}]", limits.max_limit));
  return *value;
}

struct NameParts {
  std::vector<std::string> first, last;
};

// Adds a property's values to the query field it is read into.
void AddValues(const ReconProperty& p, std::vector<std::string> values, QueryFields& f,
               NameParts& parts) {
  auto append = [&values](std::vector<std::string>& into) {
    for (std::string& v : values) {
      if (!Trim(v).empty()) into.push_back(std::move(v));
    }
  };
  switch (p.field) {
    case QueryField::kName: append(f.names); break;
    case QueryField::kFirstName: append(parts.first); break;
    case QueryField::kLastName: append(parts.last); break;
    case QueryField::kBirthDate: append(f.birth_dates); break;
    case QueryField::kCountry: append(f.countries); break;
    case QueryField::kIdNumber: append(f.id_numbers); break;
    case QueryField::kImoNumber: append(f.imo_numbers); break;
    case QueryField::kGender:
      if (!values.empty()) f.gender = values.front();
      break;
    case QueryField::kNone: break;
  }
  // A ship's or an aircraft's own identifiers say what the query is.
  if (f.schema.empty() && p.field != QueryField::kNone &&
      (p.schema == "Vessel" || p.schema == "Airplane")) {
    f.schema = std::string(p.schema);
  }
}

Status ReadProperties(const std::string& key, const json& properties, QueryFields& f) {
  if (properties.is_null()) return Status::Ok();
  if (!properties.is_array()) return QueryError(key, "'properties' must be a list");
  NameParts parts;
  for (size_t i = 0; i < properties.size(); ++i) {
    const json& p = properties[i];
    if (!p.is_object() || !p.contains("pid") || !p["pid"].is_string())
      return QueryError(key, fmt::format("properties[{}] must be an object with a 'pid'", i));
    std::string pid = p["pid"].get<std::string>();
    auto values = PropertyValues(p.contains("v") ? p["v"] : json());
    if (!values) {
      return QueryError(key, fmt::format("property '{}': 'v' must be a string, a number or a "
                                         "list of them",
                                         pid));
    }
    // Properties embargo does not score are ignored, as yente ignores
    // those FtM does not know.
    if (const ReconProperty* known = FindReconProperty(pid)) {
      AddValues(*known, std::move(*values), f, parts);
    }
  }
  AddNameFromParts(parts.first, parts.last, f.names);
  return Status::Ok();
}

}  // namespace

Result<ReconQuery> ReadReconcileQuery(const std::string& key, const nlohmann::json& q,
                                      const Limits& limits) {
  if (!q.is_object()) return QueryError(key, "expected an object");
  auto field = [&q](const char* name) { return q.contains(name) ? q[name] : json(); };
  QueryFields f;
  f.id = key;
  json text = field("query");
  if (!text.is_null() && !text.is_string()) return QueryError(key, "'query' must be a string");
  if (text.is_string() && !Trim(text.get<std::string>()).empty())
    f.names.push_back(text.get<std::string>());
  Result<std::string> type = ReadType(key, field("type"));
  if (!type.ok()) return type.error();
  f.schema = *type;
  Result<size_t> limit = ReadLimit(key, field("limit"), limits);
  if (!limit.ok()) return limit.error();
  EMBARGO_RETURN_IF_ERROR(ReadProperties(key, field("properties"), f));
  if (auto e = CheckNameLimits(f.names, limits)) return QueryError(key, *e);
  ReconQuery out;
  out.key = key;
  out.limit = *limit;
  Result<Query> query = MakeQuery(f);
  if (query.ok()) {
    out.query = std::move(*query);
  } else {
    out.screened = false;
  }
  return out;
}

}  // namespace embargo::service
