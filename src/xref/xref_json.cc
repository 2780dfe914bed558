#include "xref/xref_json.h"

#include <cmath>

namespace embargo::xref {

using nlohmann::json;

double Round3(double x) { return std::round(x * 1000) / 1000; }

std::string NamesLine(const Entity& entity) {
  std::string out;
  for (const Name& n : entity.names) out += (out.empty() ? "" : " | ") + n.value;
  return out;
}

json MemberJson(const Entity& e) {
  return {{"id", e.id}, {"dataset", e.dataset}, {"caption", e.caption()}};
}

json LinkJson(const ListSet& lists, const Link& link) {
  return {{"a_id", lists.entities[link.a].id},
          {"b_id", lists.entities[link.b].id},
          {"method", LinkMethodName(link.method)},
          {"confidence", Round3(link.confidence)},
          {"evidence", link.evidence}};
}

json ClusterJson(const ListSet& lists, const Cluster& c) {
  json members = json::array();
  for (size_t m : c.members) members.push_back(MemberJson(lists.entities[m]));
  return {{"members", members}, {"links", c.links}};
}

json AmbiguityJson(const ListSet& lists, const Ambiguity& a) {
  json candidates = json::array();
  for (size_t c : a.candidates) candidates.push_back(lists.entities[c].id);
  return {{"id", lists.entities[a.entity].id},
          {"other_dataset", a.other_dataset},
          {"candidates", candidates},
          {"why", a.why}};
}

json UnlinkedJson(const ListSet& lists, const Unlinked& u) {
  json out = MemberJson(lists.entities[u.entity]);
  out["reason"] = UnlinkedReasonName(u.reason);
  out["why"] = u.why;
  out["closest"] = nullptr;
  if (u.closest) {
    out["closest"] = MemberJson(lists.entities[*u.closest]);
    out["closest"]["score"] = Round3(u.score);
  }
  return out;
}

}  // namespace embargo::xref
