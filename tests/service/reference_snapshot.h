// The serving snapshot of every reference list in ../shared/data, loaded
// once per test process and shared read-only by the service handler tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "embargo/lists.h"
#include "payments/payment_screener.h"
#include "service/ftm_graph.h"
#include "service/http_types.h"
#include "test_paths.h"

namespace embargo::service::testing {

inline const ServingSnapshot& ReferenceSnapshot() {
  static const ServingSnapshot snapshot = [] {
    auto lists = LoadLists({embargo::testing::SharedData("")});
    if (!lists.ok()) ADD_FAILURE() << lists.error().ToString();
    ServingSnapshot s;
    s.screener = Screener::Build(lists.ok() ? std::move(*lists) : ListSet{});
    s.version = "test-version";
    s.payments =
        std::make_shared<const payments::PaymentScreener>(s.screener, payments::DefaultEmbargoes());
    s.ftm_graph = std::make_shared<const FtmGraph>(s.screener->lists());
    return s;
  }();
  return snapshot;
}

}  // namespace embargo::service::testing
