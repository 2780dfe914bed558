// The cross-list links of one serving snapshot's lists (xref::LinkLists)
// and a name linker over them to explain missing counterparts: computed
// once (a few seconds over the reference data on 2 cores), then kept for the
// snapshot's life, so requests pinned to one snapshot see the same links and
// a reload starts afresh. The server computes them in the background right
// after publishing a snapshot; a request that comes while it runs is not
// kept waiting (computing() says so: /entities answers without them, and
// says when to ask again); one that comes where nothing computes them (no
// server: tests, the CLI) runs it. Thread-safe: concurrent first callers of
// Get wait for the one computation.
#pragma once

#include <atomic>
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
      started_.store(true, std::memory_order_release);
      linked_.result = xref::LinkLists(lists);
      linked_.linker = std::make_unique<xref::NameLinker>(lists, xref::XrefOptions{});
      computed_.store(true, std::memory_order_release);
    });
    return linked_;
  }

  // True once Get has finished computing; never blocks.
  bool computed() const { return computed_.load(std::memory_order_acquire); }
  // True while a Get computes them; never blocks.
  bool computing() const { return started_.load(std::memory_order_acquire) && !computed(); }

 private:
  std::once_flag once_;
  Linked linked_;
  std::atomic<bool> started_{false};
  std::atomic<bool> computed_{false};
};

}  // namespace embargo::service
