#include "embargo/screener.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "match/candidates.h"
#include "match/derived_names.h"
#include "match/evidence.h"
#include "match/name_matcher.h"
#include "match/screener_impl.h"
#include "match/vessel_history.h"

namespace embargo {
namespace {

using match::Index;
using match::IndexedName;
using match::QueryName;

// How a match through a weak alias was held back (none when a birth date
// or identifier corroborates it, or a name scores higher).
enum class WeakCap : uint8_t { kNone, kBelowAlert, kFullMatch };

struct BestName {
  float score = -1;
  uint32_t name = 0;
  size_t query_name = 0;
  bool initials_capped = false;  // the query's initials, uncorroborated
};

struct EntityCandidate {
  BestName strong;
  BestName weak;
  // Whether a word the query's initials stand for is in the entity's
  // names: -1 not asked yet (match::InitialsCorroborated).
  int8_t initials_corroborated = -1;
};

// A weak alias that names someone rather than describes them: two name
// parts or more (particles aside: ABU BAKR AL-BAGHDADI), no connector (THE
// TALL ONE, LE MESSIE SANGLANT are epithets), no title (DR. AMIN).
bool NamesSomeone(const IndexedName& name) {
  int parts = 0;
  for (const match::NameToken& t : name.tokens) {
    if (t.role == text::TokenRole::kConnector || t.role == text::TokenRole::kTitle) return false;
    if (t.role == text::TokenRole::kName) ++parts;
  }
  return parts >= 2;
}

Explanation Explain(const Index& index, const Entity& entity, Schema query_schema,
                    const std::vector<QueryName>& qnames, const BestName& best,
                    match::Workspace& ws) {
  Explanation ex;
  const IndexedName& name = index.names()[best.name];
  ex.query_name = qnames[best.query_name].original;
  ex.matched_name = entity.names[name.name_index].value;
  ex.matched_kind = name.kind;
  match::NameScore ns =
      match::ScoreName(index, qnames[best.query_name], name,
                       match::PersonRulesApply(query_schema, entity.schema), ws.align, &ex);
  if (best.initials_capped) ns.score = std::min(ns.score, match::kUncorroboratedInitialsCap);
  ex.name_score = ns.score;
  std::string detail =
      fmt::format("'{}' ~ '{}' ({})", ex.query_name, ex.matched_name, NameKindName(name.kind));
  if (qnames[best.query_name].initials) {
    detail += fmt::format("; by the initials of the query's words ({})",
                          qnames[best.query_name].analyzed.tokens.front().norm);
    if (best.initials_capped)
      detail += fmt::format(", and none of its words is in the entity's names: capped at {:.2f}",
                            match::kUncorroboratedInitialsCap);
  }
  if (ns.single_part_capped) detail += "; only one name part matches";
  if (ns.business_capped) detail += "; only business words match";
  if (ns.family_capped) detail += "; the family names differ";
  if (ns.order_capped) detail += "; the given-name syllables run in another order";
  if (ns.short_typo_capped) detail += "; only a typo of a short word matches";
  if (ns.loose_typo_capped)
    detail += "; only one word matches, by a typo that changes a quarter of its letters or more";
  if (ns.numbers_capped) detail += "; the numbers differ";
  ex.features.push_back({"name_match", ns.score, detail});
  return ex;
}

}  // namespace

Screener::Screener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Screener::~Screener() = default;

std::shared_ptr<const Screener> Screener::Build(ListSet lists) {
  return std::shared_ptr<const Screener>(new Screener(std::make_unique<Impl>(std::move(lists))));
}

std::shared_ptr<const Screener> Screener::Subset(
    const std::function<bool(const Entity&)>& keep) const {
  ListSet subset;
  subset.datasets = impl_->lists.datasets;
  for (const Entity& e : impl_->lists.entities) {
    if (keep(e)) subset.entities.push_back(e);
  }
  for (Dataset& d : subset.datasets) {
    d.entity_count = d.name_count = 0;
    for (const Entity& e : subset.entities) {
      if (e.dataset != d.name) continue;
      ++d.entity_count;
      d.name_count += e.names.size();
    }
  }
  return std::shared_ptr<const Screener>(
      new Screener(std::make_unique<Impl>(std::move(subset), impl_->index)));
}

const ListSet& Screener::lists() const { return impl_->lists; }
size_t Screener::name_count() const { return impl_->index.names().size(); }

const Entity* Screener::FindEntity(std::string_view id) const { return impl_->FindEntity(id); }

std::vector<Match> Screener::Screen(const Query& query, const ScreenOptions& options) const {
  const Index& index = impl_->index;
  const auto& entities = impl_->lists.entities;
  Schema schema = query.schema.value_or(Schema::kLegalEntity);

  std::vector<QueryName> qnames;
  std::vector<uint32_t> candidate_names;
  match::WorkspacePool::Lease workspace = impl_->workspaces.Acquire();
  match::Workspace& ws = *workspace;
  for (const std::string& name : query.names) {
    qnames.push_back(match::AnalyzeQueryName(index, name, schema, ws));
    for (QueryName& d : match::DeriveQueryNames(index, qnames.back(), schema, ws))
      qnames.push_back(std::move(d));
  }
  // A query of no known kind is read as a party's name, and may match any
  // listed thing: a vessel's or an aircraft's name too, unless it is written
  // in Hangul or Han syllables (오정호 is someone, not the O UN CHONG NYON HO:
  // ships' names come romanised).
  const bool any_kind = !query.schema.has_value() &&
                        std::none_of(qnames.begin(), qnames.end(),
                                     [](const QueryName& q) { return q.written_in_syllables; });
  auto compatible = [any_kind, schema](Schema listed) {
    return any_kind || SchemasCompatible(schema, listed);
  };
  for (const QueryName& q : qnames) match::CollectCandidates(index, q, ws, candidate_names);
  std::unordered_map<uint32_t, EntityCandidate> by_entity;
  for (const auto& id : query.id_numbers) {
    for (uint32_t e : index.EntitiesWithIdentifier(match::NormalizeIdentifier(id))) by_entity[e];
  }
  for (const auto& id : query.imo_numbers) {
    for (uint32_t e : index.EntitiesWithIdentifier(match::NormalizeIdentifier(id))) by_entity[e];
  }
  std::sort(candidate_names.begin(), candidate_names.end());
  candidate_names.erase(std::unique(candidate_names.begin(), candidate_names.end()),
                        candidate_names.end());

  for (uint32_t n : candidate_names) {
    const IndexedName& name = index.names()[n];
    const Entity& entity = entities[name.entity];
    if (!compatible(entity.schema)) continue;
    if (options.filter && !options.filter(entity)) continue;
    EntityCandidate& cand = by_entity[name.entity];
    BestName& slot = name.kind == NameKind::kWeakAlias ? cand.weak : cand.strong;
    const bool may_be_person =
        entity.schema == Schema::kPerson || entity.schema == Schema::kLegalEntity;
    for (size_t qi = 0; qi < qnames.size(); ++qi) {
      if (qnames[qi].person_only && !may_be_person) continue;
      if (!qnames[qi].of_countries.empty() &&
          !match::TiedToAnyCountry(index.evidence(entity, name.entity), qnames[qi].of_countries))
        continue;
      float s = match::ScoreName(index, qnames[qi], name,
                                 match::PersonRulesApply(schema, entity.schema), ws.align, nullptr)
                    .score;
      bool initials_capped = false;
      if (qnames[qi].initials && s > match::kUncorroboratedInitialsCap) {
        if (cand.initials_corroborated < 0)
          cand.initials_corroborated = match::InitialsCorroborated(qnames[qi], entity) ? 1 : 0;
        initials_capped = cand.initials_corroborated == 0;
        if (initials_capped) s = match::kUncorroboratedInitialsCap;
      }
      if (s > slot.score) slot = BestName{s, n, qi, initials_capped};
    }
  }

  // Scores first; explanations (the costly part) only for the `limit` kept.
  struct Scored {
    uint32_t entity;
    double score;
    const BestName* best;
    WeakCap weak_capped;
    double identifier_boost;
  };
  double cutoff = options.cutoff < 0 ? options.threshold : options.cutoff;
  std::vector<Scored> scored;
  const double max_gain = match::MaxEvidenceGain(query);
  for (const auto& [e, cand] : by_entity) {
    if (std::max(cand.strong.score, cand.weak.score) + max_gain < cutoff) continue;
    const Entity& entity = entities[e];
    if (!compatible(entity.schema)) continue;
    if (options.filter && !options.filter(entity)) continue;
    match::EvidenceResult ev =
        match::ScoreEvidence(query, index.evidence(entity, e), match::EvidenceDetail::kScoreOnly);
    double strong = std::max(0.0f, cand.strong.score);
    double score = strong + ev.adjustment;
    const BestName* best = cand.strong.score >= 0 ? &cand.strong : nullptr;
    WeakCap weak_capped = WeakCap::kNone;
    if (cand.weak.score > strong) {
      double weak = cand.weak.score + ev.adjustment;
      if (!ev.corroborated && weak > match::kWeakAliasCap) {
        if (cand.weak.score >= match::kWeakAliasFullMatch &&
            NamesSomeone(index.names()[cand.weak.name])) {
          if (weak > match::kWeakAliasFullMatchCap) {
            weak = std::max(score, match::kWeakAliasFullMatchCap);
            weak_capped = WeakCap::kFullMatch;
          }
        } else {
          weak = std::max(score, match::kWeakAliasCap);
          weak_capped = WeakCap::kBelowAlert;
        }
      }
      if (weak > score || best == nullptr) {
        score = weak;
        best = &cand.weak;
      }
    }
    double identifier_boost = 0;
    if (ev.identifier_match && score < match::kIdentifierMatchFloor) {
      identifier_boost = match::kIdentifierMatchFloor - score;
      score = match::kIdentifierMatchFloor;
    }
    score = std::clamp(score, 0.0, 1.0);
    if (score < cutoff || (best == nullptr && !ev.identifier_match)) continue;
    scored.push_back({e, score, best, weak_capped, identifier_boost});
  }
  auto before = [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return entities[a.entity].id < entities[b.entity].id;
  };
  size_t kept = std::min(scored.size(), options.limit);
  std::partial_sort(scored.begin(), scored.begin() + kept, scored.end(), before);

  std::vector<Match> matches;
  matches.reserve(kept);
  for (size_t i = 0; i < kept; ++i) {
    const Scored& c = scored[i];
    const Entity& entity = entities[c.entity];
    Match m;
    m.entity = &entity;
    m.score = c.score;
    m.match = c.score >= options.threshold;
    if (c.best != nullptr) m.explanation = Explain(index, entity, schema, qnames, *c.best, ws);
    if (c.weak_capped == WeakCap::kBelowAlert) {
      m.explanation.features.push_back(
          {"weak_alias", 0,
           "weak alias without corroborating birth date or identifier: capped below alert"});
    } else if (c.weak_capped == WeakCap::kFullMatch) {
      m.explanation.features.push_back(
          {"weak_alias", 0,
           fmt::format("weak alias of two name parts or more, matched in full, without "
                       "corroborating birth date or identifier: capped at {:.2f}",
                       match::kWeakAliasFullMatchCap)});
    }
    match::EvidenceResult ev = match::ScoreEvidence(query, index.evidence(entity, c.entity),
                                                    match::EvidenceDetail::kExplain);
    for (auto& f : ev.features) {
      if (f.feature == "identifier" && ev.identifier_match) f.value = c.identifier_boost;
      m.explanation.features.push_back(std::move(f));
    }
    if (auto vessel = match::VesselHistory(query, entity, m.explanation))
      m.explanation.features.push_back(std::move(*vessel));
    matches.push_back(std::move(m));
  }
  return matches;
}

}  // namespace embargo
