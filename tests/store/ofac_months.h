// The two OFAC SDN files the store tests import as consecutive versions of
// one list (January and February 2024: 584 entities added, 11 changed, 1
// removed), each loaded once per test process.
#pragma once

#include "embargo/lists.h"
#include "test_paths.h"

namespace embargo::store::testing {

inline const ListSet& OfacJanuary() {
  static const ListSet lists =
      *LoadLists({::embargo::testing::SharedData("ofac/sdn-2024-01-31.csv")});
  return lists;
}

inline const ListSet& OfacFebruary() {
  static const ListSet lists =
      *LoadLists({::embargo::testing::SharedData("ofac/sdn-2024-02-23.csv")});
  return lists;
}

}  // namespace embargo::store::testing
