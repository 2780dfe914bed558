#include "service/name_prefix_index.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <tuple>

#include "common/strings.h"
#include "text/transliterate.h"

namespace embargo::service {
namespace {

// Words beyond this many in one name are not compared.
constexpr size_t kMaxWords = 64;

// How well a name matches: lower is better.
struct Rank {
  int tier = 0;         // 0: the name begins with the prefix as typed; 1: words in any order
  int alias = 0;        // 0: a primary name
  size_t leftover = 0;  // words of the name the prefix does not cover
  uint32_t entity = 0;

  friend bool operator<(const Rank& a, const Rank& b) {
    return std::tie(a.tier, a.alias, a.leftover, a.entity) <
           std::tie(b.tier, b.alias, b.leftover, b.entity);
  }
};

std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> words;
  while (!folded.empty()) {
    size_t space = folded.find(' ');
    words.push_back(folded.substr(0, space));
    folded = space == std::string_view::npos ? std::string_view() : folded.substr(space + 1);
  }
  return words;
}

// The words of `name` the prefix's `words` (whole) and `last` (begun) take,
// each once; the count of the others, or nullopt when they do not all match.
std::optional<size_t> Leftover(std::string_view name, const std::vector<std::string_view>& words,
                               std::string_view last) {
  std::array<std::string_view, kMaxWords> tokens;
  size_t n = 0;
  while (!name.empty() && n < kMaxWords) {
    size_t space = name.find(' ');
    tokens[n++] = name.substr(0, space);
    name = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
  }
  uint64_t used = 0;
  auto take = [&](auto&& fits) {
    for (size_t j = 0; j < n; ++j) {
      uint64_t bit = uint64_t{1} << j;
      if ((used & bit) == 0 && fits(tokens[j])) {
        used |= bit;
        return true;
      }
    }
    return false;
  };
  for (std::string_view w : words) {
    if (!take([w](std::string_view t) { return t == w; })) return std::nullopt;
  }
  if (!take([last](std::string_view t) { return t.substr(0, last.size()) == last; }))
    return std::nullopt;
  return n - words.size() - 1;
}

}  // namespace

std::string NamePrefixIndex::Fold(std::string_view text) {
  std::string latin = text::ToLatinAscii(text);
  std::string out;
  out.reserve(latin.size());
  for (char c : latin) {
    if (IsAsciiAlnum(static_cast<unsigned char>(c))) {
      out.push_back(AsciiLower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

NamePrefixIndex::NamePrefixIndex(const std::vector<Entity>& entities) {
  for (size_t e = 0; e < entities.size(); ++e) {
    const std::vector<Name>& names = entities[e].names;
    for (size_t n = 0; n < names.size(); ++n) {
      std::string folded = Fold(names[n].value);
      if (folded.empty()) continue;
      names_.push_back({static_cast<uint32_t>(e), static_cast<uint32_t>(n),
                        static_cast<uint32_t>(folded_.size()),
                        static_cast<uint32_t>(folded.size())});
      folded_ += folded;
    }
  }
}

std::vector<NamePrefixIndex::Hit> NamePrefixIndex::Find(
    const std::vector<Entity>& entities, std::string_view prefix, size_t limit,
    const std::function<bool(const Entity&)>& accept) const {
  std::string folded_prefix = Fold(prefix);
  if (folded_prefix.empty() || limit == 0) return {};
  std::vector<std::string_view> words = Words(folded_prefix);
  std::string_view last = words.back();
  words.pop_back();

  std::vector<std::pair<Rank, Hit>> hits;
  std::optional<std::pair<Rank, Hit>> best;  // of the entity being read
  auto flush = [&] {
    if (best && (!accept || accept(*best->second.entity))) hits.push_back(*best);
    best.reset();
  };
  for (const FoldedName& f : names_) {
    if (best && best->first.entity != f.entity) flush();
    std::string_view name(folded_.data() + f.offset, f.length);
    std::optional<size_t> leftover = Leftover(name, words, last);
    if (!leftover) continue;
    const Entity& entity = entities[f.entity];
    Rank rank{name.substr(0, folded_prefix.size()) == folded_prefix ? 0 : 1,
              entity.names[f.name].kind == NameKind::kPrimary ? 0 : 1, *leftover, f.entity};
    if (!best || rank < best->first) best = {{rank, Hit{&entity, f.name}}};
  }
  flush();
  size_t kept = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(kept), hits.end(),
                    [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Hit> out;
  out.reserve(kept);
  for (size_t i = 0; i < kept; ++i) out.push_back(hits[i].second);
  return out;
}

std::shared_ptr<const NamePrefixIndex> NamePrefixIndex::ForScreener(
    const std::shared_ptr<const Screener>& screener) {
  static std::mutex mu;  // guards the two below
  static std::weak_ptr<const Screener> cached_for;
  static std::shared_ptr<const NamePrefixIndex> cached;
  std::lock_guard<std::mutex> lock(mu);
  bool current = cached != nullptr && cached_for.lock() == screener;
  if (!current) {
    cached.reset();  // the old index goes before the new one is built
    cached = std::make_shared<const NamePrefixIndex>(screener->lists().entities);
    cached_for = screener;
  }
  return cached;
}

}  // namespace embargo::service
