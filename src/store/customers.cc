#include "store/customers.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/sha256.h"
#include "common/strings.h"
#include "input/date_reading.h"
#include "store/audit_state.h"

namespace embargo::store {
namespace {

template <typename T>
void PutIfAny(nlohmann::json& j, const char* key, const T& value) {
  if (!value.empty()) j[key] = value;
}

Status GetStrings(const nlohmann::json& j, const char* key, std::vector<std::string>& out) {
  if (!j.contains(key)) return Status::Ok();
  const auto& v = j[key];
  if (!v.is_array()) return MakeError(fmt::format("{}: expected a list of strings", key));
  for (const auto& s : v) {
    if (!s.is_string()) return MakeError(fmt::format("{}: expected a list of strings", key));
    out.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

// The stored rows of these customers (external ids), read back in batches.
Result<StateChange> CaptureCustomers(Database& db, const std::vector<std::string>& ids) {
  constexpr size_t kBatch = 500;
  StateChange change;
  for (size_t first = 0; first < ids.size(); first += kBatch) {
    size_t last = std::min(ids.size(), first + kBatch);
    std::string marks;
    SqlParams params;
    for (size_t i = first; i < last; ++i) {
      marks += i == first ? "?" : ", ?";
      params.emplace_back(ids[i]);
    }
    EMBARGO_RETURN_IF_ERROR(
        change.Capture(db, AuditedTable::kCustomers, "external_id IN (" + marks + ")", params));
  }
  return change;
}

}  // namespace

nlohmann::json QueryFieldsToJson(const QueryFields& f) {
  nlohmann::json j = nlohmann::json::object();
  PutIfAny(j, "names", f.names);
  PutIfAny(j, "schema", f.schema);
  PutIfAny(j, "birth_dates", f.birth_dates);
  PutIfAny(j, "countries", f.countries);
  PutIfAny(j, "gender", f.gender);
  PutIfAny(j, "id_numbers", f.id_numbers);
  PutIfAny(j, "imo_numbers", f.imo_numbers);
  PutIfAny(j, "date_order", std::string(input::DateOrderName(f.date_order)));
  return j;
}

Result<QueryFields> QueryFieldsFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return MakeError("customer record: expected a JSON object");
  QueryFields f;
  EMBARGO_RETURN_IF_ERROR(GetStrings(j, "names", f.names));
  EMBARGO_RETURN_IF_ERROR(GetStrings(j, "birth_dates", f.birth_dates));
  EMBARGO_RETURN_IF_ERROR(GetStrings(j, "countries", f.countries));
  EMBARGO_RETURN_IF_ERROR(GetStrings(j, "id_numbers", f.id_numbers));
  EMBARGO_RETURN_IF_ERROR(GetStrings(j, "imo_numbers", f.imo_numbers));
  std::string date_order;
  for (const char* key : {"schema", "gender", "date_order"}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_string()) return MakeError(fmt::format("{}: expected a string", key));
    std::string_view k = key;
    (k == "schema" ? f.schema : k == "gender" ? f.gender : date_order) = j[key].get<std::string>();
  }
  std::optional<DateOrder> order = input::ParseDateOrder(date_order);
  if (!order) return MakeError("date_order: expected dmy, mdy or ymd");
  f.date_order = *order;
  return f;
}

Result<CustomerImport> ImportCustomers(Database& db, const std::vector<QueryFields>& rows,
                                       const std::string& origin, const std::string& actor) {
  std::set<std::string> seen;
  for (size_t i = 0; i < rows.size(); ++i) {
    const QueryFields& row = rows[i];
    if (row.id.empty()) return MakeError(fmt::format("record {}: no id", i + 1));
    if (row.names.empty()) return MakeError(fmt::format("record '{}': no name", row.id));
    if (!seen.insert(row.id).second) {
      return MakeError(fmt::format("record '{}': id given twice", row.id));
    }
    // A record the screener would refuse is refused now, not at re-screen time.
    if (auto query = MakeQuery(row); !query.ok()) {
      return MakeError(fmt::format("record '{}': {}", row.id, query.error().message));
    }
  }
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  std::map<std::string, std::string> existing;
  Status status =
      db.ForEach("SELECT external_id, record_hash FROM customers", {}, [&](const SqlRow& r) {
        existing.emplace(r.Text(0), r.Text(1));
        return Status::Ok();
      });
  if (!status.ok()) return status.error();

  CustomerImport counts;
  SqlParams values;
  std::vector<std::string> changed;
  const std::string now = NowUtc();
  for (const QueryFields& row : rows) {
    std::string record = QueryFieldsToJson(row).dump();
    std::string hash = Sha256Hex(record);
    auto it = existing.find(row.id);
    if (it != existing.end() && it->second == hash) {
      ++counts.unchanged;
      continue;
    }
    ++(it == existing.end() ? counts.added : counts.updated);
    // A vessel customer may be given by its IMO number alone.
    auto named = std::find_if(row.names.begin(), row.names.end(),
                              [](const std::string& n) { return !Trim(n).empty(); });
    const std::string name = named != row.names.end()   ? *named
                             : !row.imo_numbers.empty() ? "IMO " + row.imo_numbers.front()
                             : !row.id_numbers.empty()  ? row.id_numbers.front()
                                                        : std::string();
    values.insert(values.end(), {row.id, name, record, hash, now});
    changed.push_back(row.id);
  }
  EMBARGO_RETURN_IF_ERROR(InsertRows(
      db, "INSERT INTO customers (external_id, name, record, record_hash, updated_at)", 5, values,
      "ON CONFLICT (external_id) DO UPDATE SET name = excluded.name, record = excluded.record, "
      "record_hash = excluded.record_hash, updated_at = excluded.updated_at"));
  auto state = CaptureCustomers(db, changed);
  if (!state.ok()) return state.error();
  auto audit = AppendStateAudit(db,
                                {actor,
                                 "customers.import",
                                 origin,
                                 {{"records", rows.size()},
                                  {"added", counts.added},
                                  {"updated", counts.updated},
                                  {"unchanged", counts.unchanged}}},
                                *state);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return counts;
}

Result<std::vector<Customer>> LoadCustomers(Database& db) {
  std::vector<Customer> out;
  Status status = db.ForEach(
      "SELECT id, external_id, record, record_hash, screened_hash FROM customers ORDER BY id", {},
      [&](const SqlRow& r) -> Status {
        auto json = nlohmann::json::parse(r.Text(2), nullptr, false);
        auto fields = QueryFieldsFromJson(json);
        if (!fields.ok()) {
          return MakeError(fmt::format("customer '{}': stored record is damaged: {}", r.Text(1),
                                       fields.error().message));
        }
        Customer c;
        c.id = r.Int(0);
        c.external_id = r.Text(1);
        c.fields = std::move(*fields);
        c.fields.id = c.external_id;
        c.record_hash = r.Text(3);
        c.screened_hash = r.Text(4);
        out.push_back(std::move(c));
        return Status::Ok();
      });
  if (!status.ok()) return status.error();
  return out;
}

}  // namespace embargo::store
