// What one query needs besides the index: the candidate accumulators (one
// slot per indexed name) and a cache of similar-token lookups (batches
// repeat name parts such as Mohammed, Maria or Kim, and the lookup with its
// edit distances is the costliest step of a query). Workspaces are pooled
// per index: a query borrows one, so memory follows the number of queries
// running at once, not the number of threads that ever screened, and is
// freed with its index. WorkspacePool is thread-safe; a Workspace is used by
// one query at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/index.h"

namespace embargo::match {

// One aligned pair of query and listed units (name_matcher.cc).
struct UnitPair {
  float similarity;
  float weight;
  uint32_t q_start, q_length, c_start, c_length;
  text::TokenMatchKind kind;
};

struct AlignScratch {
  std::vector<UnitPair> pairs, taken;
  std::vector<char> q_used, c_used;
};

// The candidate stage's accumulator of a name it has seen. Slots are kept
// side by side in the order the names were seen, not one per indexed name:
// a query sees thousands of a big index's million names, and the passes
// over them (dropping the hopeless, the bar, the ranking) then read memory
// in sequence.
struct NameSlot {
  uint32_t name = 0;
  uint32_t stamp = 0;  // last query unit that added to it
  float acc = 0;       // accumulated token evidence
  float parts = 0;     // the share of it from single query tokens (no joined pairs)
  float length = 0;    // the rank estimate's denominator (candidates.cc)
};

struct Workspace {
  explicit Workspace(size_t names) : slot_of(names), seen((names + 63) / 64) {}

  std::vector<NameSlot> slots;    // the names in the running
  std::vector<uint32_t> slot_of;  // per indexed name: its place in `slots`, while `seen`
  std::vector<uint64_t> seen;     // one bit per indexed name: in `slots`
  uint32_t epoch = 0;
  // "<norm>~" (fuzzy), "<norm>%" (spelling) or "<norm>=" (exact) -> similar
  // vocabulary tokens.
  std::unordered_map<std::string, std::vector<SimilarToken>> token_cache;
  // Scratch buffers, reused from query to query: the index's lookups, the
  // candidate stage (screener.cc) and the name alignment (name_matcher.cc).
  LookupScratch lookup;
  std::vector<SimilarToken> similar;
  std::vector<std::pair<float, uint32_t>> ranked;
  std::vector<std::pair<float, uint32_t>> covering;  // names holding every query token
  std::vector<float> estimates;                      // the candidate stage's bar
  AlignScratch align;
};

// Entries a workspace's token cache holds before it is emptied.
inline constexpr size_t kMaxCachedTokens = 1 << 16;

// Index::FindSimilar for `norm` (or for `token`, when given: its role and
// transcription flag count), through the workspace's cache. The reference
// stays valid while the workspace is leased.
const std::vector<SimilarToken>& FindSimilarCached(const Index& index, const std::string& norm,
                                                   Index::Lookup lookup, const text::Token* token,
                                                   Workspace& ws);

class WorkspacePool {
 public:
  explicit WorkspacePool(size_t names) : names_(names) {}

  // A borrowed workspace, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(const WorkspacePool* pool, std::unique_ptr<Workspace> ws)
        : pool_(pool), ws_(std::move(ws)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (ws_) pool_->Release(std::move(ws_));
    }
    Workspace& operator*() const { return *ws_; }

   private:
    const WorkspacePool* pool_;
    std::unique_ptr<Workspace> ws_;
  };

  Lease Acquire() const;

 private:
  void Release(std::unique_ptr<Workspace> ws) const;

  size_t names_;
  mutable std::mutex mutex_;  // guards free_
  mutable std::vector<std::unique_ptr<Workspace>> free_;
};

}  // namespace embargo::match
