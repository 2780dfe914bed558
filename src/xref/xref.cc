#include "xref/xref.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include "common/parallel.h"
#include "xref/identifier_links.h"
#include "xref/name_links.h"

namespace embargo::xref {
namespace {

using PairKey = std::pair<size_t, size_t>;
// A record and another dataset: "UN KPi.055 on us_ofac_sdn".
using EntityDataset = std::pair<size_t, std::string_view>;

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

std::vector<std::string> DatasetNames(const ListSet& lists) {
  std::set<std::string> names;
  for (const Entity& e : lists.entities) names.insert(e.dataset);
  return {names.begin(), names.end()};
}

// For each record, its identifier partner on each other dataset.
std::map<EntityDataset, size_t> IdentifierPartners(const ListSet& lists,
                                                   const std::vector<Link>& links) {
  std::map<EntityDataset, size_t> partners;
  for (const Link& link : links) {
    partners.emplace(EntityDataset{link.a, lists.entities[link.b].dataset}, link.b);
    partners.emplace(EntityDataset{link.b, lists.entities[link.a].dataset}, link.a);
  }
  return partners;
}

// The name-matching half: every record against every other dataset it has
// no identifier link to, then the proposals checked both ways round.
class NamePass {
 public:
  NamePass(const ListSet& lists, const XrefOptions& options,
           const std::map<EntityDataset, size_t>& partners)
      : lists_(lists), options_(options), partners_(partners) {}

  void Run(std::map<PairKey, Link>& links, std::vector<Ambiguity>& ambiguous) {
    Propose();
    for (size_t i = 0; i < tasks_.size(); ++i) Resolve(i, links, ambiguous);
  }

 private:
  void Propose() {
    datasets_ = DatasetNames(lists_);
    for (size_t e = 0; e < lists_.entities.size(); ++e) {
      for (const std::string& d : datasets_) {
        EntityDataset task{e, d};
        if (d == lists_.entities[e].dataset || partners_.count(task)) continue;
        task_of_.emplace(task, tasks_.size());
        tasks_.push_back(task);
      }
    }
    if (tasks_.empty()) return;
    NameLinker linker(lists_, options_);
    proposals_.resize(tasks_.size());
    ParallelFor(tasks_.size(), options_.threads, [&](size_t i) {
      proposals_[i] = linker.Propose(tasks_[i].first, tasks_[i].second, kLinkCandidateCutoff);
    });
  }

  // Why the reverse direction speaks against linking x to y, or "".
  std::string ReverseConflict(size_t x, size_t y) const {
    std::string_view home = lists_.entities[x].dataset;
    if (auto it = partners_.find({y, home}); it != partners_.end()) {
      return fmt::format("{} is already linked by identifier to {}", lists_.entities[y].id,
                         lists_.entities[it->second].id);
    }
    const Proposal& back = proposals_[task_of_.at({y, home})];
    if (back.candidates.empty()) return "";
    if (back.verdict == Verdict::kLink) {
      if (back.candidates[0].entity == x) return "";
      return Prefers(y, back.candidates[0]);
    }
    if (back.verdict == Verdict::kAmbiguous) {
      return fmt::format("the other way round, {} is ambiguous: {}", lists_.entities[y].id,
                         back.why);
    }
    auto self = std::find_if(back.candidates.begin(), back.candidates.end(),
                             [x](const Candidate& c) { return c.entity == x; });
    double self_score = self == back.candidates.end() ? -1 : self->score;
    for (const Candidate& c : back.candidates) {
      if (c.entity != x && c.score > self_score - options_.ambiguity_margin) return Prefers(y, c);
    }
    return "";
  }

  std::string Prefers(size_t y, const Candidate& other) const {
    return fmt::format("{} matches {} '{}' as well or better ({:.2f})", lists_.entities[y].id,
                       lists_.entities[other.entity].id, lists_.entities[other.entity].caption(),
                       other.score);
  }

  void Resolve(size_t i, std::map<PairKey, Link>& links, std::vector<Ambiguity>& ambiguous) {
    auto [x, dataset] = tasks_[i];
    const Proposal& p = proposals_[i];
    if (p.verdict == Verdict::kAmbiguous) {
      ambiguous.push_back({x, std::string(dataset), p.tied, p.why});
      return;
    }
    if (p.verdict != Verdict::kLink) return;
    const Candidate& best = p.candidates[0];
    if (std::string conflict = ReverseConflict(x, best.entity); !conflict.empty()) {
      ambiguous.push_back({x, std::string(dataset), {best.entity}, std::move(conflict)});
      return;
    }
    AddLink(x, best, links);
  }

  void AddLink(size_t x, const Candidate& best, std::map<PairKey, Link>& links) const {
    size_t y = best.entity;
    auto [it, inserted] = links.try_emplace(PairKey{std::min(x, y), std::max(x, y)});
    Link& link = it->second;
    if (inserted) {
      link.a = std::min(x, y);
      link.b = std::max(x, y);
      link.method = LinkMethod::kName;
      link.evidence = NameEvidence(lists_.entities[x], lists_.entities[y], best);
    } else {
      link.evidence.push_back("closest match both ways");
    }
    link.confidence = std::max(link.confidence, std::min(1.0, best.score));
  }

  const ListSet& lists_;
  const XrefOptions& options_;
  const std::map<EntityDataset, size_t>& partners_;
  std::vector<std::string> datasets_;  // the tasks' string_views point here
  std::vector<EntityDataset> tasks_;
  std::map<EntityDataset, size_t> task_of_;
  std::vector<Proposal> proposals_;
};

std::vector<Cluster> Clusters(const ListSet& lists, const std::vector<Link>& links) {
  UnionFind sets(lists.entities.size());
  for (const Link& link : links) sets.Join(link.a, link.b);
  std::map<size_t, Cluster> by_root;
  for (size_t i = 0; i < links.size(); ++i) {
    Cluster& c = by_root[sets.Find(links[i].a)];
    c.links.push_back(i);
    c.members.push_back(links[i].a);
    c.members.push_back(links[i].b);
  }
  auto by_dataset_id = [&lists](size_t a, size_t b) {
    const Entity& x = lists.entities[a];
    const Entity& y = lists.entities[b];
    return std::tie(x.dataset, x.id) < std::tie(y.dataset, y.id);
  };
  std::vector<Cluster> out;
  for (auto& [root, c] : by_root) {
    std::sort(c.members.begin(), c.members.end(), by_dataset_id);
    c.members.erase(std::unique(c.members.begin(), c.members.end()), c.members.end());
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [&](const Cluster& a, const Cluster& b) {
    return by_dataset_id(a.members[0], b.members[0]);
  });
  return out;
}

// Identifier links also show what else the two records agree on, and what
// contradicts the identifier: a copied number, or two people one passport.
void AddRecordEvidence(const ListSet& lists, std::vector<Link>& links) {
  for (Link& link : links) {
    const Entity& x = lists.entities[link.a];
    const Entity& y = lists.entities[link.b];
    for (std::string& e : SharedEvidence(x, y)) link.evidence.push_back(std::move(e));
    if (auto contradiction = Contradiction(x, y)) {
      link.evidence.push_back("but " + *contradiction);
      link.confidence = kContradictedIdentifierConfidence;
    }
  }
}

}  // namespace

std::string_view LinkMethodName(LinkMethod method) {
  return method == LinkMethod::kIdentifier ? "identifier" : "name";
}

XrefResult LinkLists(const ListSet& lists, const XrefOptions& options) {
  XrefResult result;
  if (options.use_identifiers) {
    IdentifierLinks found = FindIdentifierLinks(lists);
    AddRecordEvidence(lists, found.links);
    result.links = std::move(found.links);
    result.ambiguous = std::move(found.ambiguous);
  }
  if (options.use_names) {
    std::map<EntityDataset, size_t> partners = IdentifierPartners(lists, result.links);
    std::map<PairKey, Link> name_links;
    NamePass(lists, options, partners).Run(name_links, result.ambiguous);
    for (auto& [key, link] : name_links) result.links.push_back(std::move(link));
  }
  std::sort(result.links.begin(), result.links.end(),
            [](const Link& x, const Link& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  // Stable: of the reports on one record, list and candidates, the first stays.
  std::stable_sort(
      result.ambiguous.begin(), result.ambiguous.end(), [](const Ambiguity& x, const Ambiguity& y) {
        return std::tie(x.entity, x.other_dataset) < std::tie(y.entity, y.other_dataset);
      });
  auto same = [](const Ambiguity& x, const Ambiguity& y) {
    return x.entity == y.entity && x.other_dataset == y.other_dataset &&
           x.candidates == y.candidates;
  };
  result.ambiguous.erase(std::unique(result.ambiguous.begin(), result.ambiguous.end(), same),
                         result.ambiguous.end());
  result.clusters = Clusters(lists, result.links);
  return result;
}

}  // namespace embargo::xref
