// A synthetic customer book for monitoring tests and benchmarks: people from
// the development negatives files (not on any list), recombined (given name
// of one row, family name of another) when more rows are asked for than the
// files hold, with listed entities' primary names planted at even intervals.
// Deterministic for the same inputs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "embargo/entity.h"
#include "embargo/screener.h"
#include "embargo/status.h"

namespace embargo::eval {

struct CustomerDeck {
  std::vector<QueryFields> rows;               // ids "C000001"...
  std::map<std::string, std::string> planted;  // customer id -> entity id
};

// Fails when a negatives file cannot be read or lacks the full_name column.
Result<CustomerDeck> MakeCustomerDeck(const std::vector<std::string>& negatives_paths,
                                      const std::vector<const Entity*>& planted, size_t count);

}  // namespace embargo::eval
