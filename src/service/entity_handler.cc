#include "service/entity_handler.h"

#include "service/ftm_output.h"
#include "xref/entity_view.h"
#include "xref/link_target.h"

namespace embargo::service {
namespace {

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json LinkToJson(const Screener& screener, const Entity& source, const Link& link) {
  const Entity* target =
      xref::ResolveLink(screener.lists(), source, link,
                        [&screener](std::string_view id) { return screener.FindEntity(id); });
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
