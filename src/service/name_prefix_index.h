// Finds listed entities by the beginning of a name as a user types it
// ("vladimir put" finds Vladimir Putin), for the reconciliation API's entity
// suggestions. Each name is folded once, at construction, to lowercase ASCII
// words of letters and digits (text::ToLatinAscii: any script). A prefix
// matches a name when each of its words but the last is a word of the name
// and the last begins another word of it, in any order ("putin vlad" finds
// "PUTIN, Vladimir"), much as yente's phrase-prefix query does.
//
// Immutable after construction; thread-safe. ForScreener() keeps the index
// of the screener it was last asked for (a reload makes a new one on the
// next call); its one mutex guards that cached pair.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/screener.h"

namespace embargo::service {

class NamePrefixIndex {
 public:
  explicit NamePrefixIndex(const std::vector<Entity>& entities);

  struct Hit {
    const Entity* entity = nullptr;
    size_t name = 0;  // index into entity->names of the name that matched best
  };

  // At most `limit` entities `accept` takes with a name matching `prefix`,
  // best first: names that begin with the prefix as typed, then primary
  // names, then names with fewer words left over. `entities` must be the
  // vector the index was built from. Empty for a prefix without a letter
  // or digit.
  std::vector<Hit> Find(const std::vector<Entity>& entities, std::string_view prefix, size_t limit,
                        const std::function<bool(const Entity&)>& accept) const;

  // The index over `screener`'s entities, built on the first call for it.
  static std::shared_ptr<const NamePrefixIndex> ForScreener(
      const std::shared_ptr<const Screener>& screener);

  // `text` as the index compares it: lowercase ASCII words joined by one
  // space ("HAN, Jang-Su" -> "han jang su").
  static std::string Fold(std::string_view text);

 private:
  struct FoldedName {
    uint32_t entity = 0;
    uint32_t name = 0;
    uint32_t offset = 0;  // into folded_
    uint32_t length = 0;
  };
  std::string folded_;  // every folded name, back to back
  std::vector<FoldedName> names_;
};

}  // namespace embargo::service
