// The cross-list links of one serving snapshot's lists (xref::LinkLists)
// and a name linker over them to explain missing counterparts: computed
// once, on the first request that needs them (a few seconds over the
// reference data on 2 cores), then kept for the snapshot's life, so requests
// pinned to one snapshot see the same links and a reload starts afresh.
// Thread-safe: concurrent first callers wait for the one computation.
#pragma once

#include <memory>
#include <mutex>

#include "embargo/lists.h"
#include "xref/name_links.h"
#include "xref/xref.h"

namespace embargo::service {

class CrossLinks {
 public:
  struct Linked {
    xref::XrefResult result;
    std::unique_ptr<xref::NameLinker> linker;
  };

  // `lists` must be the snapshot's own, the same on every call.
  const Linked& Get(const ListSet& lists) {
    std::call_once(once_, [&] {
      linked_.result = xref::LinkLists(lists);
      linked_.linker = std::make_unique<xref::NameLinker>(lists, xref::XrefOptions{});
    });
    return linked_;
  }

 private:
  std::once_flag once_;
  Linked linked_;
};

}  // namespace embargo::service
