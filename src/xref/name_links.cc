#include "xref/name_links.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "common/parallel.h"
#include "match/evidence.h"
#include "model/country.h"
#include "text/name_analyzer.h"

namespace embargo::xref {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string JoinDates(const std::vector<DateSpec>& dates) {
  std::vector<std::string> text;
  for (const DateSpec& d : dates) text.push_back(d.ToString());
  return Join(text);
}

std::vector<std::string> Shared(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const std::string& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) out.push_back(x);
  }
  return out;
}

void AppendUnique(std::vector<std::string>& out, const std::string& value) {
  if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

// The entity as a screening query: its names (weak aliases only when it has
// nothing else) and the evidence the screener weighs. People are compared by
// nationality; parties of other kinds by any country they are tied to.
Query QueryFor(const Entity& e) {
  Query q;
  q.id = e.id;
  for (const Name& n : e.names) {
    if (n.kind != NameKind::kWeakAlias) AppendUnique(q.names, n.value);
  }
  if (q.names.empty()) {
    for (const Name& n : e.names) AppendUnique(q.names, n.value);
  }
  q.schema = e.schema;
  q.birth_dates = e.birth_dates;
  q.countries = e.nationalities;
  if (e.schema != Schema::kPerson) {
    for (const std::string& c : e.countries) AppendUnique(q.countries, c);
    for (const Address& a : e.addresses) AppendUnique(q.countries, a.country);
  }
  q.gender = e.gender;
  return q;
}

std::optional<std::chrono::sys_days> FullDate(const PartialDate& d) {
  if (d.month == 0 || d.day == 0) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{d.year},
                                  std::chrono::month{static_cast<unsigned>(d.month)},
                                  std::chrono::day{static_cast<unsigned>(d.day)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

bool Neutral(const Entity& x, const Entity& y, const FeatureContribution& f) {
  if (f.feature == "birth_date" && f.value == match::kDobDayMismatchPenalty)
    return OneDayApart(x.birth_dates, y.birth_dates);
  return f.feature == "country" && f.value == match::kCountryMismatchPenalty &&
         x.schema == Schema::kPerson;
}

// The score the screener gives, less two penalties that say nothing about
// two list records being one party: birth dates one day apart (lists copy
// dates with off-by-one errors: UN KPi.055 1969-11-07, OFAC 1969-11-08, same
// passport), and a person's nationality compared with the other record's
// address countries.
double LinkScore(const Entity& x, const Entity& y, const Match& m) {
  double neutral = 0;
  for (const FeatureContribution& f : m.explanation.features) {
    if (Neutral(x, y, f)) neutral -= f.value;
  }
  return std::min(1.0, m.score + neutral);
}

// The contributions that pulled a candidate's score down, for "why not".
std::string Penalties(const Entity& x, const Entity& y, const Explanation& ex) {
  std::vector<std::string> parts;
  for (const FeatureContribution& f : ex.features) {
    if (f.value < 0 && !Neutral(x, y, f))
      parts.push_back(fmt::format("{} {:+.2f} ({})", f.feature, f.value, f.detail));
  }
  return parts.empty() ? "" : "; " + Join(parts);
}

std::string CandidateText(const ListSet& lists, const Candidate& c) {
  return fmt::format("{} '{}' {:.2f}", lists.entities[c.entity].id,
                     lists.entities[c.entity].caption(), c.score);
}

// " (alias)" after a name that is not the record's primary one.
std::string KindNote(NameKind kind) {
  return kind == NameKind::kPrimary ? "" : fmt::format(" ({})", NameKindName(kind));
}

// Programmes that name the same regime on both lists ("DPRK" / "DPRK3").
std::vector<std::string> SharedPrograms(const Entity& x, const Entity& y) {
  std::vector<std::string> out;
  for (const std::string& p : x.programs) {
    for (const std::string& q : y.programs) {
      const std::string& shorter = p.size() <= q.size() ? p : q;
      const std::string& longer = p.size() <= q.size() ? q : p;
      if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0)
        AppendUnique(out, p == q ? p : p + "/" + q);
    }
  }
  return out;
}

// A name as its tokens, sorted: "RI, Won Ho" and "RI WON HO" are spelled
// the same.
std::string Spelling(const std::string& name, Schema schema) {
  std::vector<std::string> tokens;
  for (const text::Token& t : text::AnalyzeName(name, schema).tokens) tokens.push_back(t.norm);
  std::sort(tokens.begin(), tokens.end());
  return Join(tokens);
}

// How many of x's names y also carries, spelled the same.
size_t SameSpellings(const Entity& x, const Entity& y) {
  std::set<std::string> theirs;
  for (const Name& n : y.names) theirs.insert(Spelling(n.value, y.schema));
  size_t same = 0;
  for (const Name& n : x.names) same += theirs.count(Spelling(n.value, x.schema));
  return same;
}

// Nationalities, other country links and address countries.
std::vector<std::string> AllCountries(const Entity& e) {
  std::vector<std::string> out = e.nationalities;
  for (const std::string& c : e.countries) AppendUnique(out, c);
  for (const Address& a : e.addresses) AppendUnique(out, a.country);
  return out;
}

// A firm's or body's countries: those it is listed with, else those its
// names name ("...OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA").
std::vector<std::string> FirmCountries(const Entity& e) {
  std::vector<std::string> out = AllCountries(e);
  return out.empty() ? CountriesNamedIn(e.names) : out;
}

}  // namespace

bool OneDayApart(const std::vector<DateSpec>& a, const std::vector<DateSpec>& b) {
  for (const DateSpec& x : a) {
    for (const DateSpec& y : b) {
      auto dx = FullDate(x.from), dy = FullDate(y.from);
      if (dx && dy && (*dx - *dy == std::chrono::days{1} || *dy - *dx == std::chrono::days{1}))
        return true;
    }
  }
  return false;
}

bool Corroborated(const Entity& x, const Entity& y) {
  match::DateRelation dates = match::CompareBirthDates(x.birth_dates, y.birth_dates);
  if (dates == match::DateRelation::kExact || dates == match::DateRelation::kSameYear) return true;
  if (OneDayApart(x.birth_dates, y.birth_dates)) return true;
  if (!Shared(x.nationalities, y.nationalities).empty()) return true;
  return x.schema != Schema::kPerson && y.schema != Schema::kPerson &&
         !Shared(FirmCountries(x), FirmCountries(y)).empty();
}

NameKind KindOf(const Entity& e, std::string_view name) {
  for (const Name& n : e.names) {
    if (n.value == name) return n.kind;
  }
  return NameKind::kAlias;
}

NameLinker::NameLinker(const ListSet& lists, const XrefOptions& options,
                       const std::vector<std::string>& datasets)
    : lists_(lists), options_(options) {
  std::set<std::string> wanted;
  for (size_t i = 0; i < lists.entities.size(); ++i) {
    const Entity& e = lists.entities[i];
    index_of_.emplace(e.id, i);
    if (datasets.empty() ||
        std::find(datasets.begin(), datasets.end(), e.dataset) != datasets.end())
      wanted.insert(e.dataset);
  }
  // One index over everything gives the rarity weights; each dataset gets
  // an index of its own that scores with them.
  std::shared_ptr<const Screener> all = Screener::Build(lists);
  std::vector<std::string> names(wanted.begin(), wanted.end());
  std::vector<std::shared_ptr<const Screener>> subsets(names.size());
  ParallelFor(names.size(), options.threads, [&](size_t i) {
    subsets[i] = all->Subset([&d = names[i]](const Entity& e) { return e.dataset == d; });
  });
  for (size_t i = 0; i < names.size(); ++i) by_dataset_[names[i]] = std::move(subsets[i]);
}

std::vector<Candidate> NameLinker::Screen(size_t entity, const Query& query,
                                          std::string_view dataset, double cutoff) const {
  std::vector<Candidate> out;
  auto it = by_dataset_.find(dataset);
  if (it == by_dataset_.end()) return out;
  ScreenOptions screen;
  screen.threshold = options_.name_threshold;
  // LinkScore can only raise a score, by at most kLinkScoreRelief.
  screen.cutoff = std::max(0.0, cutoff - kLinkScoreRelief);
  screen.limit = 8;
  const Entity& x = lists_.entities[entity];
  for (Match& m : it->second->Screen(query, screen)) {
    size_t y = index_of_.at(m.entity->id);
    double score = LinkScore(x, lists_.entities[y], m);
    if (score >= cutoff) out.push_back({y, score, std::move(m.explanation)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (out.size() > 5) out.resize(5);
  return out;
}

Proposal NameLinker::Propose(size_t entity, std::string_view dataset, double cutoff) const {
  const Entity& x = lists_.entities[entity];
  Proposal p;
  p.candidates = Screen(entity, QueryFor(x), dataset, cutoff);
  if (p.candidates.empty()) {
    p.why = "no record shares enough of a name";
    return p;
  }
  bool tie_broken = BreakTie(x, p.candidates);
  Judge(x, dataset, tie_broken, p);
  return p;
}

// Candidates tied on score may still differ in spelling: the one that
// carries more of the record's names written the same way (token for
// token) is its counterpart; the matcher scores spelling variants
// (TAESONG / DAESONG) as equal.
bool NameLinker::BreakTie(const Entity& x, std::vector<Candidate>& candidates) const {
  size_t tied = 1;
  while (tied < candidates.size() &&
         candidates[0].score - candidates[tied].score < options_.ambiguity_margin)
    ++tied;
  if (tied == 1) return false;
  std::vector<size_t> same(tied);
  for (size_t i = 0; i < tied; ++i)
    same[i] = SameSpellings(x, lists_.entities[candidates[i].entity]);
  size_t winner = std::max_element(same.begin(), same.end()) - same.begin();
  bool unique = true;
  for (size_t i = 0; i < tied; ++i) unique &= i == winner || same[i] < same[winner];
  if (unique) {
    size_t runner_up = winner == 0 ? 1 : 0;
    candidates[winner].note =
        fmt::format("{} of its names spelled the same on both lists ({} on {})", same[winner],
                    same[runner_up], lists_.entities[candidates[runner_up].entity].id);
  } else if (x.schema != Schema::kPerson) {
    // Firms and bodies of the same name in different countries (the
    // Foreign Trade Banks of the DPRK and of Myanmar): the one tied
    // candidate that shares a country with the record, by its addresses or
    // its names, is its counterpart.
    std::vector<std::string> own = FirmCountries(x), in_common;
    size_t sharing = 0;
    for (size_t i = 0; i < tied; ++i) {
      std::vector<std::string> shared =
          Shared(own, FirmCountries(lists_.entities[candidates[i].entity]));
      if (shared.empty()) continue;
      winner = i;
      in_common = std::move(shared);
      ++sharing;
    }
    if (sharing != 1) return false;
    candidates[winner].note =
        fmt::format("the only one of {} candidates as close by name in the same country ({})", tied,
                    Join(in_common));
  } else {
    return false;
  }
  std::rotate(candidates.begin(), candidates.begin() + winner, candidates.begin() + winner + 1);
  return true;
}

void NameLinker::Judge(const Entity& x, std::string_view dataset, bool tie_broken,
                       Proposal& p) const {
  const Candidate& best = p.candidates[0];
  const Entity& y = lists_.entities[best.entity];
  std::optional<std::string> contradiction = Contradiction(x, y);
  double threshold = options_.name_threshold;
  if (contradiction && best.explanation.name_score >= threshold) {
    p.verdict = Verdict::kContradiction;
    p.why = fmt::format("closest {}, but {}", CandidateText(lists_, best), *contradiction);
  } else if (best.score < threshold) {
    p.verdict = Verdict::kBelowThreshold;
    p.why = fmt::format("closest {} is below {:.2f}{}", CandidateText(lists_, best), threshold,
                        Penalties(x, y, best.explanation));
  } else if (contradiction) {
    p.verdict = Verdict::kContradiction;
    p.why = fmt::format("closest {}, but {}", CandidateText(lists_, best), *contradiction);
  } else if (!tie_broken && p.candidates.size() > 1 &&
             best.score - p.candidates[1].score < options_.ambiguity_margin) {
    p.verdict = Verdict::kAmbiguous;
    for (const Candidate& c : p.candidates) {
      if (best.score - c.score < options_.ambiguity_margin) p.tied.push_back(c.entity);
    }
    p.why = fmt::format("{} and {} score within {:.2f}", CandidateText(lists_, best),
                        CandidateText(lists_, p.candidates[1]), options_.ambiguity_margin);
  } else if (best.explanation.name_score < threshold && !Corroborated(x, y)) {
    p.verdict = Verdict::kBelowThreshold;
    p.why = fmt::format(
        "closest {}: the names match at {:.2f} only and neither birth date nor nationality "
        "confirms it",
        CandidateText(lists_, best), best.explanation.name_score);
  } else if (std::optional<Candidate> rival;
             !tie_broken && !Corroborated(x, y) && (rival = NameRival(x, best, dataset))) {
    p.verdict = Verdict::kAmbiguous;
    p.tied = {best.entity, rival->entity};
    p.why = fmt::format(
        "'{}' fits {} and {} as well by name, and neither birth date nor nationality confirms "
        "the first",
        best.explanation.query_name, CandidateText(lists_, best), CandidateText(lists_, *rival));
  } else {
    p.verdict = Verdict::kLink;
  }
}

// Another record of `dataset` that the name which matched `best` fits as
// well, by name alone: a common name ("MOHAMED OMAR") needs more than the
// absence of contradictions to pick one of them.
std::optional<Candidate> NameLinker::NameRival(const Entity& x, const Candidate& best,
                                               std::string_view dataset) const {
  Query q;
  q.names = {best.explanation.query_name};
  q.schema = x.schema;
  double floor = best.explanation.name_score - options_.ambiguity_margin;
  for (Candidate& c : Screen(index_of_.at(x.id), q, dataset, std::max(0.0, floor))) {
    if (c.entity != best.entity && c.explanation.name_score > floor) return std::move(c);
  }
  return std::nullopt;
}

std::optional<Candidate> NameLinker::ClosestOfOtherSchema(size_t entity,
                                                          std::string_view dataset) const {
  const Entity& x = lists_.entities[entity];
  std::optional<Candidate> best;
  for (Schema s : {Schema::kPerson, Schema::kOrganization, Schema::kVessel, Schema::kAirplane}) {
    if (SchemasCompatible(x.schema, s)) continue;
    Query q = QueryFor(x);
    q.schema = s;
    q.birth_dates.clear();
    q.gender = Gender::kUnknown;
    std::vector<Candidate> found = Screen(entity, q, dataset, 0.0);
    if (!found.empty() && (!best || found[0].score > best->score)) best = std::move(found[0]);
  }
  return best;
}

std::optional<std::string> Contradiction(const Entity& x, const Entity& y) {
  match::DateRelation dates = match::CompareBirthDates(x.birth_dates, y.birth_dates);
  if (dates == match::DateRelation::kContradicts)
    return fmt::format("birth dates differ ({} / {})", JoinDates(x.birth_dates),
                       JoinDates(y.birth_dates));
  if (dates == match::DateRelation::kDayMismatch && !OneDayApart(x.birth_dates, y.birth_dates))
    return fmt::format("birth dates differ in month or day ({} / {})", JoinDates(x.birth_dates),
                       JoinDates(y.birth_dates));
  if (!x.nationalities.empty() && !y.nationalities.empty() &&
      Shared(x.nationalities, y.nationalities).empty())
    return fmt::format("nationalities differ ({} / {})", Join(x.nationalities),
                       Join(y.nationalities));
  if (x.gender != Gender::kUnknown && y.gender != Gender::kUnknown && x.gender != y.gender)
    return fmt::format("genders differ ({} / {})", GenderName(x.gender), GenderName(y.gender));
  return std::nullopt;
}

std::vector<std::string> NameEvidence(const Entity& x, const Entity& y, const Candidate& match) {
  const Explanation& ex = match.explanation;
  std::vector<std::string> out{fmt::format("name '{}'{} ~ '{}'{} {:.2f}", ex.query_name,
                                           KindNote(KindOf(x, ex.query_name)), ex.matched_name,
                                           KindNote(ex.matched_kind), ex.name_score)};
  for (std::string& e : SharedEvidence(x, y)) out.push_back(std::move(e));
  if (!match.note.empty()) out.push_back(match.note);
  return out;
}

std::vector<std::string> SharedEvidence(const Entity& x, const Entity& y) {
  std::vector<std::string> out;
  std::string dates = fmt::format("({} / {})", JoinDates(x.birth_dates), JoinDates(y.birth_dates));
  switch (match::CompareBirthDates(x.birth_dates, y.birth_dates)) {
    case match::DateRelation::kExact: out.push_back("same birth date " + dates); break;
    case match::DateRelation::kSameYear: out.push_back("same birth year " + dates); break;
    case match::DateRelation::kNear: out.push_back("birth dates close " + dates); break;
    case match::DateRelation::kDayMismatch:
      if (OneDayApart(x.birth_dates, y.birth_dates))
        out.push_back("birth dates one day apart " + dates);
      break;
    default: break;
  }
  std::vector<std::string> nationalities = Shared(x.nationalities, y.nationalities);
  if (!nationalities.empty()) out.push_back("nationality " + Join(nationalities));
  if (x.gender != Gender::kUnknown && x.gender == y.gender)
    out.push_back(fmt::format("gender {}", GenderName(x.gender)));
  std::vector<std::string> programs = SharedPrograms(x, y);
  if (!programs.empty()) out.push_back("programme " + Join(programs));
  return out;
}

}  // namespace embargo::xref
