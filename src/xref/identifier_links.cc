#include "xref/identifier_links.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "match/index.h"
#include "text/name_analyzer.h"

namespace embargo::xref {
namespace {

struct Holder {
  size_t entity = 0;
  const Identifier* identifier = nullptr;
};

// The numbering space an identifier belongs to. An unlabelled number
// (IdType::kOther: call signs, "Identification Number") may be of any type.
bool TypesCompatible(IdType a, IdType b) {
  return a == b || a == IdType::kOther || b == IdType::kOther;
}

bool CountriesAgree(const Identifier& a, const Identifier& b) {
  return a.country.empty() || b.country.empty() || a.country == b.country;
}

using HoldersByDataset = std::map<std::string_view, std::set<size_t>>;

HoldersByDataset ByDataset(const ListSet& lists, const std::vector<Holder>& holders) {
  HoldersByDataset out;
  for (const Holder& h : holders) out[lists.entities[h.entity].dataset].insert(h.entity);
  return out;
}

// Too generic: held by more than kMaxIdentifierHolders records of a dataset.
bool TooGeneric(const HoldersByDataset& by_dataset) {
  for (const auto& [dataset, entities] : by_dataset) {
    if (entities.size() > kMaxIdentifierHolders) return true;
  }
  return false;
}

std::set<std::string> NameKeys(const Entity& e) {
  std::set<std::string> keys;
  for (const Name& n : e.names) {
    for (const text::Token& t : text::AnalyzeName(n.value, e.schema).tokens) {
      if (t.role == text::TokenRole::kName) keys.insert(t.key);
    }
  }
  return keys;
}

// Whether any name part of x is, up to spelling variants, a name part of y.
bool NamesSharePart(const Entity& x, const Entity& y) {
  std::set<std::string> theirs = NameKeys(y);
  for (const std::string& key : NameKeys(x)) {
    if (theirs.count(key)) return true;
  }
  return false;
}

std::string Evidence(const std::string& value, const Identifier& a, const Identifier& b) {
  IdType type = a.type == IdType::kOther ? b.type : a.type;
  std::string out = fmt::format("{} {}", IdTypeName(type), value);
  if (!a.country.empty() && !b.country.empty()) out += fmt::format(" ({})", a.country);
  if (a.country.empty() != b.country.empty())
    out += fmt::format(" ({} on one list)", a.country + b.country);
  return out;
}

using PairKey = std::pair<size_t, size_t>;

// One value's holders and what they make of it.
struct Group {
  const ListSet& lists;
  const std::string& value;
  const HoldersByDataset& by_dataset;
  std::map<PairKey, Link>& links;
  std::vector<Ambiguity>& ambiguous;
};

// A value several records of x's list carry links x only to a namesake.
bool SharedWithoutNames(const Group& g, const Holder& x, const Holder& y) {
  const Entity& ex = g.lists.entities[x.entity];
  const Entity& ey = g.lists.entities[y.entity];
  const std::set<size_t>& peers = g.by_dataset.at(ex.dataset);
  if (peers.size() < 2 || NamesSharePart(ex, ey)) return false;
  std::string ids;
  for (size_t p : peers) {
    if (p != x.entity) ids += (ids.empty() ? "" : ", ") + g.lists.entities[p].id;
  }
  g.ambiguous.push_back(
      {x.entity,
       ey.dataset,
       {y.entity},
       fmt::format("{} {} is also carried by {} on {}, and the names of {} and {} share no part",
                   IdTypeName(x.identifier->type), g.value, ids, ex.dataset, ex.id, ey.id)});
  return true;
}

void AddPair(const Group& g, const Holder& x, const Holder& y) {
  const ListSet& lists = g.lists;
  const Entity& ex = lists.entities[x.entity];
  const Entity& ey = lists.entities[y.entity];
  if (ex.dataset == ey.dataset || !SchemasCompatible(ex.schema, ey.schema)) return;
  if (!TypesCompatible(x.identifier->type, y.identifier->type)) return;
  if (!CountriesAgree(*x.identifier, *y.identifier)) return;
  if (SharedWithoutNames(g, x, y) || SharedWithoutNames(g, y, x)) return;
  const Holder& first = x.entity < y.entity ? x : y;
  const Holder& second = x.entity < y.entity ? y : x;
  Link& link = g.links[{first.entity, second.entity}];
  link.a = first.entity;
  link.b = second.entity;
  link.method = LinkMethod::kIdentifier;
  bool both_countries = !x.identifier->country.empty() && !y.identifier->country.empty();
  link.confidence = std::max(
      link.confidence, both_countries ? kIdentifierConfidence : kIdentifierConfidenceNoCountry);
  std::string evidence = Evidence(g.value, *first.identifier, *second.identifier);
  if (std::find(link.evidence.begin(), link.evidence.end(), evidence) == link.evidence.end())
    link.evidence.push_back(std::move(evidence));
}

}  // namespace

IdentifierLinks FindIdentifierLinks(const ListSet& lists) {
  std::map<std::string, std::vector<Holder>> by_value;
  for (size_t e = 0; e < lists.entities.size(); ++e) {
    for (const Identifier& id : lists.entities[e].identifiers) {
      std::string value = match::NormalizeIdentifier(id.value);
      if (value.size() >= kMinIdentifierLength) by_value[value].push_back({e, &id});
    }
  }
  std::map<PairKey, Link> links;
  IdentifierLinks out;
  for (const auto& [value, holders] : by_value) {
    if (holders.size() < 2) continue;
    HoldersByDataset by_dataset = ByDataset(lists, holders);
    if (by_dataset.size() < 2 || TooGeneric(by_dataset)) continue;
    Group group{lists, value, by_dataset, links, out.ambiguous};
    for (size_t i = 0; i < holders.size(); ++i) {
      for (size_t j = i + 1; j < holders.size(); ++j) AddPair(group, holders[i], holders[j]);
    }
  }
  for (auto& [key, link] : links) out.links.push_back(std::move(link));
  return out;
}

}  // namespace embargo::xref
