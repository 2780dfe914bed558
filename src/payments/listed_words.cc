#include "payments/listed_words.h"

#include <algorithm>
#include <functional>

#include "payments/embargoes.h"

namespace embargo::payments {
namespace {

// Two words as a pair in either order (a hash: a collision only screens one
// span more).
uint64_t PairKey(const std::string& a, const std::string& b) {
  uint64_t ha = std::hash<std::string>{}(a), hb = std::hash<std::string>{}(b);
  if (ha > hb) std::swap(ha, hb);
  return ha * 0x9E3779B97F4A7C15ull ^ hb;
}

size_t Letters(const std::string& key) {
  size_t n = 0;
  for (unsigned char c : key) n += (c >= 0x80 || (c >= 'a' && c <= 'z')) ? 1 : 0;
  return n;
}

}  // namespace

ListedWords::ListedWords(const std::vector<Entity>& entities, Names names) {
  for (const Entity& entity : entities) {
    if (entity.schema == Schema::kAirplane) continue;
    if ((entity.schema == Schema::kVessel) != (names == Names::kVessels)) continue;
    for (const Name& name : entity.names) {
      std::vector<Word> words = SplitWords(name.value);
      if (words.size() == 1 && Letters(words[0].key) >= kMinSingleWordLetters) {
        one_word_names_.insert(words[0].key);
      }
      for (size_t i = 0; i + 1 < words.size(); ++i) {
        neighbours_.push_back(PairKey(words[i].key, words[i + 1].key));
      }
      if (words.size() > 2) neighbours_.push_back(PairKey(words.back().key, words[0].key));
      std::sort(words.begin(), words.end(),
                [](const Word& a, const Word& b) { return a.key < b.key; });
      for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && words[i].key == words[i - 1].key) continue;
        ++names_holding_[words[i].key];
      }
    }
  }
  std::sort(neighbours_.begin(), neighbours_.end());
  neighbours_.erase(std::unique(neighbours_.begin(), neighbours_.end()), neighbours_.end());
}

uint32_t ListedWords::NamesHolding(const std::string& key) const {
  auto it = names_holding_.find(key);
  return it == names_holding_.end() ? 0 : it->second;
}

bool ListedWords::IsOneWordName(const std::string& key) const {
  return one_word_names_.count(key) != 0;
}

bool ListedWords::AreNeighbours(const std::string& a, const std::string& b) const {
  return std::binary_search(neighbours_.begin(), neighbours_.end(), PairKey(a, b));
}

bool ListedWords::CanNameWhole(std::string_view span) const {
  std::vector<Word> words = SplitWords(span);
  if (words.size() == 1) return IsOneWordName(words[0].key);
  for (size_t i = 1; i < words.size(); ++i) {
    if (AreNeighbours(words[i - 1].key, words[i].key)) return true;
  }
  return false;
}

bool ListedWords::HoldsPossibleName(std::string_view text) const {
  std::vector<Word> words = SplitWords(text);
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsOneWordName(words[i].key)) return true;
    if (i == 0 || !AreNeighbours(words[i - 1].key, words[i].key)) continue;
    uint32_t rarer = std::min(NamesHolding(words[i - 1].key), NamesHolding(words[i].key));
    if (rarer <= kDistinctiveNames) return true;
  }
  return false;
}

}  // namespace embargo::payments
