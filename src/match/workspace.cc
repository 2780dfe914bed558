#include "match/workspace.h"

namespace embargo::match {

WorkspacePool::Lease WorkspacePool::Acquire() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      std::unique_ptr<Workspace> ws = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(ws));
    }
  }
  return Lease(this, std::make_unique<Workspace>(names_));
}

void WorkspacePool::Release(std::unique_ptr<Workspace> ws) const {
  if (ws->token_cache.size() >= kMaxCachedTokens) ws->token_cache.clear();
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(ws));
}

}  // namespace embargo::match
