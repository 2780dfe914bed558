// The FtM records of a snapshot as a graph, for GET /entities/{id} and its
// /adjacent pages: every kept record by id (screenable entities' and the
// others: Sanction, Address, Ownership, Family, ...), the canonical id each
// referent was merged into, and for each record the records pointing at it
// through an entity-typed property (under that property's reverse name:
// a Sanction's `entity` makes the target's `sanctions`). Built once per
// snapshot; immutable and thread-safe afterwards.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "embargo/lists.h"

namespace embargo::service {

class FtmGraph {
 public:
  explicit FtmGraph(const ListSet& lists);

  // The record with this id, or nullptr.
  const FtmRecord* Find(std::string_view id) const;
  // The canonical id a referent was merged into ("" when `id` is no
  // referent of another record).
  std::string_view CanonicalOf(std::string_view id) const;

  // The record as yente nests it: entity-typed properties hold the records
  // they name (ids kept for records not loaded, and for those on the path
  // from the root, so an Ownership nested in its owner still names it),
  // records pointing at it appear under the reverse property, an edge is
  // followed to its other end; two levels deep.
  // `loaded_as`: the dataset the root's file was loaded as (RecordToFtm).
  nlohmann::json Nested(const FtmRecord& root, std::string_view loaded_as = {}) const;

  // The records adjacent to `root` grouped by property (forward entity
  // properties and reverse ones), each nested as in Nested() one level down.
  std::vector<std::pair<std::string, std::vector<nlohmann::json>>> Adjacent(
      const FtmRecord& root) const;

  size_t size() const { return by_id_.size(); }
  // The datasets screenable entities' records name (us_ofac_sdn, ...), each
  // with how many such entities belong to it.
  const std::map<std::string, size_t, std::less<>>& source_datasets() const {
    return source_datasets_;
  }

 private:
  struct Pointer {
    std::string_view property;  // the reverse name on the record pointed at
    const FtmRecord* from;
  };
  using Set = std::unordered_map<std::string_view, const FtmRecord*>;
  // The records Nested() may inline: the root, its neighbours, the far ends
  // of the edges among them.
  Set Neighbourhood(const FtmRecord& root) const;
  nlohmann::json Nest(const FtmRecord& record, const Set& loaded,
                      std::vector<std::string_view>& path, std::string_view loaded_as = {}) const;

  std::unordered_map<std::string_view, const FtmRecord*> by_id_;
  std::unordered_map<std::string_view, std::string_view> canonical_;
  std::unordered_map<std::string_view, std::vector<Pointer>> inverted_;
  std::map<std::string, size_t, std::less<>> source_datasets_;
};

}  // namespace embargo::service
