#include "service/entity_handler.h"

#include "service/ftm_output.h"
#include "xref/entity_view.h"

namespace embargo::service {
namespace {

// The one entity of `dataset` whose primary name is exactly `name`; nullptr
// when there is none or more than one (an ambiguous link is left unresolved).
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

const Entity* ResolveLink(const Screener& screener, const Entity& source, const Link& link) {
  if (!link.target_id.empty()) return screener.FindEntity(link.target_id);
  const std::string& name = link.target_name;
  if (name.empty()) return nullptr;
  const Entity* found = FindByPrimaryName(screener.lists(), source.dataset, name);
  // The OFAC parser drops a remark's final period unless the last word is an
  // abbreviation; where it misjudges, the name has lost its own period
  // ("Linked To: SAAVEDRA Y CIA. S. EN C." names "SAAVEDRA Y CIA. S. EN C.").
  if (found == nullptr && name.back() != '.') {
    found = FindByPrimaryName(screener.lists(), source.dataset, name + ".");
  }
  return found;
}

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json LinkToJson(const Screener& screener, const Entity& source, const Link& link) {
  const Entity* target = ResolveLink(screener, source, link);
  return {{"relation", link.relation},
          {"target_id", target != nullptr ? nlohmann::json(target->id) : OrNull(link.target_id)},
          {"target_name", OrNull(link.target_name)},
          {"target", target != nullptr ? EntityToFtm(*target) : nlohmann::json(nullptr)}};
}

}  // namespace

Response HandleEntity(const ServingSnapshot& snapshot, const std::string& id) {
  const Screener& screener = *snapshot.screener;
  const Entity* entity = screener.FindEntity(id);
  if (entity == nullptr) return ErrorResponse(404, "Entity not found: " + id);
  Response r;
  r.body = EntityToFtm(*entity);
  nlohmann::json links = nlohmann::json::array();
  for (const Link& link : entity->links) links.push_back(LinkToJson(screener, *entity, link));
  r.body["links"] = std::move(links);
  const ListSet& lists = screener.lists();
  size_t index = static_cast<size_t>(entity - lists.entities.data());
  const CrossLinks::Linked& cross = snapshot.cross_links->Get(lists);
  r.body["xref"] =
      xref::EntityViewToJson(lists, xref::ViewEntity(lists, cross.result, *cross.linker, index));
  return r;
}

}  // namespace embargo::service
