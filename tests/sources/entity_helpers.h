// Shared by the parser tests of the allies' lists: finding a parsed record
// and reading its names in a form one expectation can compare.
#pragma once

#include <string>
#include <vector>

#include "sources/parsed_list.h"

namespace embargo::testing {

inline const Entity* FindEntity(const ParsedList& list, const std::string& id) {
  for (const Entity& e : list.entities)
    if (e.id == id) return &e;
  return nullptr;
}

// "primary:Jang Su HAN", "alias:Han CHANG-SU", ... in the record's order.
inline std::vector<std::string> KindsAndNames(const Entity& e) {
  std::vector<std::string> out;
  for (const Name& n : e.names) out.push_back(std::string(NameKindName(n.kind)) + ":" + n.value);
  return out;
}

}  // namespace embargo::testing
