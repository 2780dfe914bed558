// What the screening benchmarks share: the process's resident memory and the
// global development negatives as person queries (name and birth date), the
// queries a bank screens all day. Header-only; each benchmark binary's files
// include it.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/file.h"
#include "embargo/screener.h"

namespace embargo::bench {

inline double ResidentMegabytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

inline std::vector<Query> NegativePersonQueries() {
  std::vector<Query> out;
  auto bytes =
      ReadFileBytes(std::string(EMBARGO_SHARED_DATA) + "/negatives/negatives-global-dev.csv");
  auto rows = ReadCsv(bytes.ok() ? *bytes : "", "negatives");
  if (!rows.ok()) return out;
  for (size_t i = 1; i < rows->size(); ++i) {
    QueryFields f;
    f.names = {(*rows)[i].fields[0]};
    f.schema = "Person";
    f.birth_dates = {(*rows)[i].fields[5]};
    auto q = MakeQuery(f);
    if (q.ok()) out.push_back(*q);
  }
  return out;
}

}  // namespace embargo::bench
