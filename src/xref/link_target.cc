#include "xref/link_target.h"

namespace embargo::xref {
namespace {

// A linear scan: links are few and a lookup costs well under a millisecond.
const Entity* FindByPrimaryName(const ListSet& lists, const std::string& dataset,
                                const std::string& name) {
  const Entity* found = nullptr;
  for (const Entity& e : lists.entities) {
    if (e.dataset != dataset || e.names.empty()) continue;
    if (e.names[0].kind != NameKind::kPrimary || e.names[0].value != name) continue;
    if (found != nullptr) return nullptr;
    found = &e;
  }
  return found;
}

}  // namespace

const Entity* ResolveLink(const ListSet& lists, const Entity& source, const embargo::Link& link,
                          const FindById& by_id) {
  if (!link.target_id.empty()) {
    if (by_id) return by_id(link.target_id);
    for (const Entity& e : lists.entities) {
      if (e.id == link.target_id) return &e;
    }
    return nullptr;
  }
  const std::string& name = link.target_name;
  if (name.empty()) return nullptr;
  const Entity* found = FindByPrimaryName(lists, source.dataset, name);
  // The OFAC parser drops a remark's final period unless the last word is an
  // abbreviation; where it misjudges, the name has lost its own period
  // ("Linked To: SAAVEDRA Y CIA. S. EN C." names "SAAVEDRA Y CIA. S. EN C.").
  if (found == nullptr && name.back() != '.') {
    found = FindByPrimaryName(lists, source.dataset, name + ".");
  }
  return found;
}

}  // namespace embargo::xref
