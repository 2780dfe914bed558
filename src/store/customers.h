// Monitored records ("customers": people, companies, vessels a firm deals
// with) registered in the store for ongoing screening. Each keeps its
// screening fields as JSON and a hash of them, so a re-screen knows which
// records changed since they were last screened. Import is an upsert by the
// record's id; it is one transaction with one audit row.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "store/database.h"

namespace embargo::store {

struct Customer {
  int64_t id = 0;
  std::string external_id;
  QueryFields fields;
  std::string record_hash;
  std::string screened_hash;  // "" = never screened
};

nlohmann::json QueryFieldsToJson(const QueryFields& fields);
Result<QueryFields> QueryFieldsFromJson(const nlohmann::json& j);

struct CustomerImport {
  size_t added = 0;
  size_t updated = 0;
  size_t unchanged = 0;
};

// Every row needs an id and a name; ids must be unique within `rows`.
// `origin` (the file) goes into the audit row.
Result<CustomerImport> ImportCustomers(Database& db, const std::vector<QueryFields>& rows,
                                       const std::string& origin, const std::string& actor);

// All registered customers, by id.
Result<std::vector<Customer>> LoadCustomers(Database& db);

}  // namespace embargo::store
