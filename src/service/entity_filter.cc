#include "service/entity_filter.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/calendar.h"
#include "service/catalog_handler.h"
#include "service/manifest.h"

namespace embargo::service {
namespace {

// Whether `e` belongs to one of `names`.
bool InAny(const Entity& e, const std::set<std::string, std::less<>>& names) {
  if (names.count(e.dataset) > 0) return true;
  if (e.ftm == nullptr) return false;
  const std::vector<std::string>& datasets = e.ftm->datasets;
  return std::any_of(datasets.begin(), datasets.end(),
                     [&](const std::string& d) { return names.count(d) > 0; });
}

bool ListedForSanctions(const Entity& e) {
  const std::vector<std::string>& topics = e.topics_or_default();
  return std::any_of(topics.begin(), topics.end(), [](const std::string& t) {
    return t == "sanction" || t == "sanction.linked";
  });
}

// FollowTheMoney's topics (followthemoney's topic type) a filter may name
// whatever the loaded lists carry.
constexpr std::string_view kFtmTopics[] = {"crime",
                                           "crime.fraud",
                                           "crime.cyber",
                                           "crime.fin",
                                           "crime.env",
                                           "crime.theft",
                                           "crime.war",
                                           "crime.boss",
                                           "crime.terror",
                                           "crime.traffick",
                                           "crime.traffick.drug",
                                           "crime.traffick.human",
                                           "forced.labor",
                                           "asset.frozen",
                                           "wanted",
                                           "corp.offshore",
                                           "corp.shell",
                                           "corp.public",
                                           "corp.disqual",
                                           "gov",
                                           "gov.national",
                                           "gov.state",
                                           "gov.muni",
                                           "gov.soe",
                                           "gov.igo",
                                           "gov.head",
                                           "gov.admin",
                                           "gov.executive",
                                           "gov.legislative",
                                           "gov.judicial",
                                           "gov.security",
                                           "gov.financial",
                                           "gov.religion",
                                           "fin",
                                           "fin.bank",
                                           "fin.fund",
                                           "fin.advisor",
                                           "reg.action",
                                           "reg.warn",
                                           "role.pep",
                                           "role.pol",
                                           "role.rca",
                                           "role.judge",
                                           "role.civil",
                                           "role.diplo",
                                           "role.lawyer",
                                           "role.acct",
                                           "role.spy",
                                           "role.oligarch",
                                           "role.journo",
                                           "role.act",
                                           "role.lobby",
                                           "pol.party",
                                           "pol.union",
                                           "rel",
                                           "mil",
                                           "sanction",
                                           "sanction.linked",
                                           "sanction.counter",
                                           "export.control",
                                           "export.risk",
                                           "debarment",
                                           "poi",
                                           "mare.detained",
                                           "mare.shadow",
                                           "mare.sts",
                                           "risk.klepto",
                                           "ctx.privacy"};

bool KnownTopic(const ServingSnapshot& snapshot, const std::string& topic) {
  if (std::find(std::begin(kFtmTopics), std::end(kFtmTopics), topic) != std::end(kFtmTopics))
    return true;
  for (const Entity& e : snapshot.screener->lists().entities) {
    const std::vector<std::string>& has = e.topics_or_default();
    if (std::find(has.begin(), has.end(), topic) != has.end()) return true;
  }
  return false;
}

void ReadDatasets(const ServingSnapshot& snapshot, const Params& params, const char* key,
                  std::set<std::string, std::less<>>& out, std::vector<std::string>& notes) {
  for (const std::string& d : ParamAll(params, key)) {
    if (ResolveDatasetScope(snapshot, d).empty())
      notes.push_back(
          fmt::format("{}: no loaded dataset is named '{}' (GET /catalog lists them)", key, d));
    out.insert(d);
  }
}

}  // namespace

std::string_view LastChange(const Entity& e) {
  if (e.ftm != nullptr && !e.ftm->last_change.empty()) return e.ftm->last_change;
  return e.listed_on;
}

bool EntityFilter::Accepts(const Entity& e) const {
  if (!InAny(e, scope)) return false;
  if (!included.empty() && !InAny(e, included)) return false;
  if (!excluded.empty() && InAny(e, excluded)) return false;
  if (excluded_schemas.count(SchemaName(e.schema)) > 0) return false;
  if (e.ftm != nullptr && excluded_schemas.count(e.ftm->schema) > 0) return false;
  if (!changed_since.empty() && LastChange(e) < std::string_view(changed_since)) return false;
  if (sanctions_only && !ListedForSanctions(e)) return false;
  if (topics.empty()) return true;
  const std::vector<std::string>& has = e.topics_or_default();
  return std::any_of(has.begin(), has.end(), [&](const std::string& t) { return topics.count(t); });
}

Result<EntityFilter> ParseEntityFilter(const ServingSnapshot& snapshot,
                                       const std::string& path_dataset, const Params& params) {
  EntityFilter filter;
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, path_dataset);
  filter.scope.insert(scope.begin(), scope.end());
  // Unless a manifest says what the sanctions collection holds.
  filter.sanctions_only = path_dataset == "sanctions";
  if (snapshot.manifest != nullptr) {
    for (const ManifestDataset& m : snapshot.manifest->datasets)
      if (m.name == path_dataset && m.collection()) filter.sanctions_only = false;
  }
  ReadDatasets(snapshot, params, "include_dataset", filter.included, filter.notes);
  ReadDatasets(snapshot, params, "exclude_dataset", filter.excluded, filter.notes);
  for (const std::string& s : ParamAll(params, "exclude_schema")) filter.excluded_schemas.insert(s);
  for (const std::string& t : ParamAll(params, "topics")) {
    if (!KnownTopic(snapshot, t))
      return MakeError(
          fmt::format("topics: unknown topic '{}' (a FollowTheMoney topic such as sanction, "
                      "sanction.linked, export.control, debarment, role.pep, crime.terror)",
                      t));
    filter.topics.insert(t);
  }
  filter.changed_since = Param(params, "changed_since");
  if (!filter.changed_since.empty() && !IsIsoDayOrTime(filter.changed_since)) {
    return MakeError(fmt::format(
        "changed_since: '{}' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM[:SS])",
        filter.changed_since));
  }
  return filter;
}

}  // namespace embargo::service
