#include "match/workspace.h"

namespace embargo::match {

const std::vector<SimilarToken>& FindSimilarCached(const Index& index, const std::string& norm,
                                                   Index::Lookup lookup, const text::Token* token,
                                                   Workspace& ws) {
  std::string key = norm;
  key.push_back(lookup == Index::Lookup::kFuzzy        ? '~'
                : lookup == Index::Lookup::kSpelling   ? '%'
                : lookup == Index::Lookup::kConsonants ? '#'
                                                       : '=');
  if (token != nullptr && token->transcribed) key.push_back('^');
  if (token != nullptr && token->abjad) key.push_back('&');
  auto [it, inserted] = ws.token_cache.try_emplace(std::move(key));
  if (inserted) {
    if (token != nullptr) {
      index.FindSimilar(*token, lookup, it->second, ws.lookup);
    } else {
      index.FindSimilar(text::MakeToken(norm, text::TokenRole::kName), lookup, it->second,
                        ws.lookup);
    }
  }
  return it->second;
}

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
