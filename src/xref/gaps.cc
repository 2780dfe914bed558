#include "xref/gaps.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <unordered_map>

#include "common/csv.h"
#include "xref/xref_json.h"

namespace embargo::xref {
namespace {

constexpr std::string_view kUnJurisdiction = "UN";
constexpr std::string_view kUnclassified = "unclassified";

struct Pair {
  std::string_view key;
  std::string_view regime;
};

// UN reference number prefixes (KPi.055, QDe.004, ...).
constexpr Pair kUnPrefixes[] = {
    {"KP", "DPRK"},  {"IR", "IRAN"},          {"QD", "ISIL/AL-QAIDA"}, {"TA", "TALIBAN"},
    {"LY", "LIBYA"}, {"IQ", "IRAQ"},          {"YE", "YEMEN"},         {"SO", "SOMALIA"},
    {"SD", "SUDAN"}, {"SS", "SOUTH-SUDAN"},   {"CF", "CAR"},           {"CD", "DRC"},
    {"HT", "HAITI"}, {"GB", "GUINEA-BISSAU"},
};

// One regime and the programme spellings that name it, space-separated.
struct Spellings {
  std::string_view regime;
  std::string_view keys;
};

// Whole programme codes, compared lowercase with everything but letters and
// digits dropped ("CAATSA - IRAN" -> "caatsairan").
constexpr Spellings kProgramCodes[] = {
    {"IRAN", "isa ifca ifsr irgc hritir"}, {"SYRIA", "hritsy fsesy"},
    {"SOUTH-SUDAN", "southsudan"},         {"SUDAN", "darfur"},
    {"CAR", "car centralafricanrepublic"}, {"DRC", "drcongo"},
    {"GUINEA-BISSAU", "guineabissau"},
};

// Words of a programme (lowercase, digits dropped: "DPRK3" -> "dprk",
// "LIBYA2" -> "libya"): names, adjectives and ISO alpha-3 codes.
constexpr Spellings kProgramWords[] = {
    {"DPRK", "dprk korea nkspea prk"},
    {"IRAN", "iran irn"},
    {"ISIL/AL-QAIDA", "qaida qaeda isil daesh"},
    {"TALIBAN", "taliban"},
    {"LIBYA", "libya lby"},
    {"IRAQ", "iraq irq"},
    {"SYRIA", "syria syr"},
    {"YEMEN", "yemen yem"},
    {"SOMALIA", "somalia som"},
    {"SUDAN", "sudan sdn"},
    {"SOUTH-SUDAN", "ssd"},
    {"CAR", "caf"},
    {"DRC", "congo drc cod"},
    {"HAITI", "haiti hti"},
    {"GUINEA-BISSAU", "bissau gnb"},
    {"RUSSIA", "russia rus ukraine ukr"},
    {"BELARUS", "belarus blr"},
    {"BURMA", "burma myanmar mmr"},
    {"VENEZUELA", "venezuela ven"},
    {"CUBA", "cuba cub"},
    {"ZIMBABWE", "zimbabwe zwe"},
    {"NICARAGUA", "nicaragua nic"},
    {"LEBANON", "lebanon lbn"},
    {"MALI", "mali mli"},
    {"BURUNDI", "burundi bdi"},
    {"BALKANS", "balkans"},
};

// Programmes against proliferation, whatever the country.
constexpr std::string_view kThematicWords[] = {"npwmd", "wmd", "nonproliferation", "inksna"};

// Countries that place a thematic (non-proliferation) record in a regime.
constexpr Pair kThematicCountries[] = {{"kp", "DPRK"}, {"ir", "IRAN"}, {"sy", "SYRIA"}};

std::string Compact(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && !words.back().empty()) {
      words.emplace_back();
    }
  }
  return words;
}

template <size_t N>
std::string_view Lookup(const Pair (&table)[N], std::string_view key) {
  for (const Pair& p : table)
    if (p.key == key) return p.regime;
  return {};
}

template <size_t N>
std::string_view Lookup(const Spellings (&table)[N], std::string_view key) {
  for (const Spellings& s : table) {
    for (size_t at = 0; at < s.keys.size();) {
      size_t end = std::min(s.keys.find(' ', at), s.keys.size());
      if (s.keys.substr(at, end - at) == key) return s.regime;
      at = end + 1;
    }
  }
  return {};
}

bool IsThematic(std::string_view program) {
  std::string compact = Compact(program);
  for (const std::string& word : Words(program))
    for (std::string_view t : kThematicWords)
      if (word == t || compact == t) return true;
  return false;
}

std::string UnReference(const Entity& e) {
  if (!e.source_id.empty()) return e.source_id;
  std::string_view id = e.id;
  std::string prefix = e.dataset + "-";
  return std::string(id.starts_with(prefix) ? id.substr(prefix.size()) : id);
}

void AddUnique(std::vector<std::string>& values, std::string_view value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.emplace_back(value);
}

}  // namespace

std::string JurisdictionOf(std::string_view dataset) {
  if (dataset == "un_sc_sanctions") return std::string(kUnJurisdiction);
  if (dataset == "us_ofac_sdn" || dataset == "us_ofac_cons" || dataset == "us_trade_csl" ||
      dataset == "us_bis_dpl")
    return "US";
  if (dataset == "eu_fsf") return "EU";
  if (dataset.starts_with("gb_")) return "UK";
  if (dataset == "au_dfat_sanctions") return "AU";
  if (dataset.starts_with("ca_")) return "CA";
  return std::string(dataset);
}

std::string RegimeOfProgram(std::string_view program) {
  if (std::string_view r = Lookup(kProgramCodes, Compact(program)); !r.empty())
    return std::string(r);
  for (const std::string& word : Words(program))
    if (std::string_view r = Lookup(kProgramWords, word); !r.empty()) return std::string(r);
  return {};
}

std::vector<std::string> RegimesOf(const Entity& entity) {
  std::vector<std::string> regimes;
  if (JurisdictionOf(entity.dataset) == kUnJurisdiction) {
    std::string prefix = UnReference(entity).substr(0, 2);
    if (std::string_view r = Lookup(kUnPrefixes, prefix); !r.empty()) AddUnique(regimes, r);
  }
  bool thematic = false;
  if (regimes.empty()) {
    for (const std::string& program : entity.programs) {
      if (std::string r = RegimeOfProgram(program); !r.empty()) AddUnique(regimes, r);
      thematic = thematic || IsThematic(program);
    }
  }
  // Only when no programme names a regime: a DPRK programme record with a
  // branch office in Iran stays DPRK.
  if (thematic && regimes.empty()) {
    std::vector<std::string> countries = entity.nationalities;
    countries.insert(countries.end(), entity.countries.begin(), entity.countries.end());
    for (const Identifier& id : entity.identifiers) countries.push_back(id.country);
    for (const std::string& c : countries)
      if (std::string_view r = Lookup(kThematicCountries, c); !r.empty()) AddUnique(regimes, r);
  }
  std::sort(regimes.begin(), regimes.end());
  return regimes;
}

const std::vector<std::string>& KnownRegimes() {
  static const std::vector<std::string> kRegimes = [] {
    std::vector<std::string> out;
    for (const Pair& p : kUnPrefixes) AddUnique(out, p.regime);
    for (const Spellings& s : kProgramWords) AddUnique(out, s.regime);
    return out;
  }();
  return kRegimes;
}

std::optional<std::string> ParseRegime(std::string_view text) {
  std::string compact = Compact(text);
  for (const std::string& regime : KnownRegimes())
    if (Compact(regime) == compact) return regime;
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (std::string_view r = Lookup(kUnPrefixes, upper); !r.empty()) return std::string(r);
  if (std::string r = RegimeOfProgram(text); !r.empty()) return r;
  return std::nullopt;
}

std::string_view TargetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kPerson: return "person";
    case TargetKind::kEntity: return "entity";
    case TargetKind::kVessel: return "vessel";
    case TargetKind::kAirplane: return "airplane";
  }
  return "entity";
}

// ---------------------------------------------------------------------------
// Building the report.

namespace {

TargetKind KindOf(Schema schema) {
  switch (schema) {
    case Schema::kPerson: return TargetKind::kPerson;
    case Schema::kVessel: return TargetKind::kVessel;
    case Schema::kAirplane: return TargetKind::kAirplane;
    default: return TargetKind::kEntity;
  }
}

// A full YYYY-MM-DD date; a partial or malformed one counts as unknown.
std::optional<std::chrono::sys_days> ParseDay(std::string_view text) {
  std::optional<PartialDate> date = PartialDate::Parse(text);
  if (!date || date->day == 0) return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year(date->year),
                                  std::chrono::month(static_cast<unsigned>(date->month)),
                                  std::chrono::day(static_cast<unsigned>(date->day))};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days(day);
}

// Whether records or targets of `regimes` belong to `regime` ("all":
// everything; "unclassified": those of no regime).
bool Selects(const std::vector<std::string>& regimes, std::string_view regime) {
  if (regime == "all") return true;
  if (regime == kUnclassified) return regimes.empty();
  return std::find(regimes.begin(), regimes.end(), regime) != regimes.end();
}

void AddListing(Target& target, const Entity& e, const std::map<std::string, SeenBetween>& seen) {
  AddUnique(target.jurisdictions, JurisdictionOf(e.dataset));
  Listing& listing = target.listings[e.dataset];
  listing.entity_ids.push_back(e.id);
  for (const std::string& p : e.programs) AddUnique(listing.programs, p);
  if (ParseDay(e.listed_on) && (listing.listed_on.empty() || e.listed_on < listing.listed_on))
    listing.listed_on = e.listed_on;
  auto it = seen.find(e.id);
  if (it != seen.end() && (!listing.seen || it->second.by < listing.seen->by))
    listing.seen = it->second;
}

// What the builder knows about a target beyond what the report keeps.
struct Draft {
  std::vector<size_t> members;  // entity indices, datasets in report order
  std::vector<std::vector<std::string>> member_regimes;
};

class Builder {
 public:
  Builder(const ListSet& lists, const XrefResult& xref, const GapOptions& options)
      : lists_(lists), xref_(xref), options_(options) {}

  GapReport Build();

 private:
  void OrderDatasets();
  struct Group {
    std::vector<size_t> members;
    bool linked = false;
  };
  std::vector<Group> Groups() const;
  void AddTarget(std::vector<size_t> members, bool linked);
  void FillDatasetInfo();
  void FindMissing();
  void FindSingleJurisdiction();
  void BuildTimeline();
  void SortTargets();
  void SummariseRegimes();
  void Count(size_t target, RegimeSummary& summary) const;
  RegimeSummary Summarise(const std::string& regime) const;
  bool InRegime(size_t target, const std::string& regime) const;
  bool IsUnTargetOf(size_t target, const std::string& regime) const;
  void AddNotes();

  const ListSet& lists_;
  const XrefResult& xref_;
  const GapOptions& options_;
  std::unordered_map<std::string, size_t> rank_;  // dataset -> report order
  std::vector<Draft> drafts_;
  GapReport report_;
};

void Builder::OrderDatasets() {
  std::vector<std::string> names;
  for (const Dataset& d : lists_.datasets) AddUnique(names, d.name);
  for (const Entity& e : lists_.entities) AddUnique(names, e.dataset);
  std::stable_partition(names.begin(), names.end(),
                        [](const std::string& n) { return JurisdictionOf(n) == kUnJurisdiction; });
  for (const std::string& name : names) {
    rank_[name] = report_.datasets.size();
    DatasetInfo info{name, JurisdictionOf(name), "", 0, 0};
    for (const Dataset& d : lists_.datasets)
      if (d.name == name) info.version_date = d.version_date;
    report_.datasets.push_back(std::move(info));
  }
}

// Entity indices grouped into targets: each cluster, then every lone record.
std::vector<Builder::Group> Builder::Groups() const {
  const size_t n = lists_.entities.size();
  std::vector<char> taken(n, 0);
  std::vector<Group> groups;
  for (const Cluster& cluster : xref_.clusters) {
    Group group{{}, true};
    for (size_t m : cluster.members) {
      if (m >= n || taken[m]) continue;
      group.members.push_back(m);
      taken[m] = 1;
    }
    if (!group.members.empty()) groups.push_back(std::move(group));
  }
  for (size_t i = 0; i < n; ++i)
    if (!taken[i]) groups.push_back({{i}, false});
  return groups;
}

void Builder::AddTarget(std::vector<size_t> members, bool linked) {
  const auto& entities = lists_.entities;
  std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
    const Entity &x = entities[a], &y = entities[b];
    return std::tie(rank_[x.dataset], x.source_id, x.id) <
           std::tie(rank_[y.dataset], y.source_id, y.id);
  });
  Draft draft{members, {}};
  Target target;
  for (size_t m : members) {
    draft.member_regimes.push_back(RegimesOf(entities[m]));
    for (const std::string& r : draft.member_regimes.back()) AddUnique(target.regimes, r);
  }
  if (!options_.regime.empty() && !Selects(target.regimes, options_.regime)) return;
  std::sort(target.regimes.begin(), target.regimes.end());
  const Entity& head = entities[members.front()];
  target.id = head.id;
  target.caption = head.caption();
  target.kind = KindOf(head.schema);
  for (size_t m : members) {
    const Entity& e = entities[m];
    // A record of unknown kind takes the kind of the first record that has one.
    if (head.schema == Schema::kLegalEntity && e.schema != Schema::kLegalEntity &&
        target.kind == TargetKind::kEntity)
      target.kind = KindOf(e.schema);
    AddListing(target, e, options_.seen);
  }
  std::sort(target.jurisdictions.begin(), target.jurisdictions.end());
  target.linked = linked && target.listings.size() > 1;
  report_.targets.push_back(std::move(target));
  drafts_.push_back(std::move(draft));
}

void Builder::FillDatasetInfo() {
  for (const Draft& draft : drafts_) {
    for (size_t m : draft.members) {
      const Entity& e = lists_.entities[m];
      DatasetInfo& info = report_.datasets[rank_[e.dataset]];
      ++info.records;
      if (ParseDay(e.listed_on)) ++info.dated_records;
    }
  }
}

void Builder::FindMissing() {
  std::set<std::pair<size_t, std::string>> ambiguous;  // (entity, other dataset)
  for (const Ambiguity& a : xref_.ambiguous) ambiguous.insert({a.entity, a.other_dataset});
  const std::string regime = options_.regime.empty() ? "all" : options_.regime;
  for (const DatasetInfo& d : report_.datasets) {
    if (d.jurisdiction == kUnJurisdiction) continue;
    std::vector<MissingTarget>& missing = report_.un_missing[d.name];
    for (size_t t = 0; t < report_.targets.size(); ++t) {
      if (!IsUnTargetOf(t, regime) || report_.targets[t].listings.contains(d.name)) continue;
      MissingTarget entry{t, false};
      for (size_t m : drafts_[t].members)
        entry.ambiguous = entry.ambiguous || ambiguous.contains({m, d.name});
      missing.push_back(entry);
    }
  }
}

void Builder::FindSingleJurisdiction() {
  for (size_t t = 0; t < report_.targets.size(); ++t) {
    const Target& target = report_.targets[t];
    if (target.jurisdictions.size() == 1)
      report_.single_jurisdiction[target.jurisdictions.front()].push_back(t);
  }
}

void Builder::BuildTimeline() {
  for (size_t t = 0; t < report_.targets.size(); ++t) {
    const Target& target = report_.targets[t];
    std::map<std::string, std::chrono::sys_days> dated;
    TimelineEntry entry{t, {}, {}, {}, {}};
    for (const auto& [dataset, listing] : target.listings) {
      if (auto day = ParseDay(listing.listed_on)) {
        dated.emplace(dataset, *day);
      } else {
        entry.undated.push_back(dataset);
      }
    }
    if (dated.size() < 2) continue;
    auto first = std::min_element(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
                   return a.second < b.second;
                 })->second;
    for (const auto& [dataset, day] : dated) {
      int lag = static_cast<int>((day - first).count());
      entry.lag_days[dataset] = lag;
      if (lag == 0) entry.first.push_back(dataset);
    }
    entry.first_date = target.listings.at(entry.first.front()).listed_on;
    report_.timeline.push_back(std::move(entry));
  }
  std::stable_sort(
      report_.timeline.begin(), report_.timeline.end(),
      [](const TimelineEntry& a, const TimelineEntry& b) { return a.first_date < b.first_date; });
}

bool Builder::InRegime(size_t target, const std::string& regime) const {
  return Selects(report_.targets[target].regimes, regime);
}

// A target with a UN record of `regime` ("all": any UN record).
bool Builder::IsUnTargetOf(size_t target, const std::string& regime) const {
  const Draft& draft = drafts_[target];
  for (size_t i = 0; i < draft.members.size(); ++i) {
    const Entity& e = lists_.entities[draft.members[i]];
    if (JurisdictionOf(e.dataset) != kUnJurisdiction) continue;
    if (Selects(draft.member_regimes[i], regime)) return true;
  }
  return false;
}

void AddLagStats(const std::vector<const TimelineEntry*>& entries, RegimeSummary& summary) {
  std::map<std::string, std::vector<int>> later;
  for (const TimelineEntry* entry : entries) {
    for (const auto& [dataset, lag] : entry->lag_days) {
      if (lag == 0) {
        ++summary.lags[dataset].first;
      } else {
        later[dataset].push_back(lag);
      }
    }
  }
  for (auto& [dataset, lags] : later) {
    std::sort(lags.begin(), lags.end());
    LagStats& stats = summary.lags[dataset];
    stats.later = lags.size();
    stats.median_days = lags[lags.size() / 2];
    stats.max_days = lags.back();
  }
}

void Builder::Count(size_t t, RegimeSummary& s) const {
  const Target& target = report_.targets[t];
  ++s.targets;
  if (target.listings.size() > 1) ++s.linked_targets;
  ++s.by_kind[static_cast<size_t>(target.kind)];
  std::vector<size_t> on;
  for (const auto& [dataset, listing] : target.listings) on.push_back(rank_.at(dataset));
  for (size_t i : on)
    for (size_t j : on) ++s.overlap[i][j];
  const Draft& draft = drafts_[t];
  for (size_t i = 0; i < draft.members.size(); ++i)
    if (Selects(draft.member_regimes[i], s.regime))
      ++s.records[lists_.entities[draft.members[i]].dataset];
  if (target.jurisdictions.size() == 1) ++s.single_jurisdiction[target.jurisdictions.front()];
}

RegimeSummary Builder::Summarise(const std::string& regime) const {
  const size_t n = report_.datasets.size();
  RegimeSummary s;
  s.regime = regime;
  s.overlap.assign(n, std::vector<size_t>(n, 0));
  for (size_t t = 0; t < report_.targets.size(); ++t)
    if (InRegime(t, regime)) Count(t, s);
  for (size_t i = 0; i < n; ++i) s.listed[report_.datasets[i].name] = s.overlap[i][i];
  for (const auto& [dataset, missing] : report_.un_missing) {
    size_t count = 0;
    for (const MissingTarget& m : missing) count += IsUnTargetOf(m.target, regime) ? 1 : 0;
    s.un_missing[dataset] = count;
  }
  std::vector<const TimelineEntry*> entries;
  for (const TimelineEntry& e : report_.timeline)
    if (InRegime(e.target, regime)) entries.push_back(&e);
  s.dated_multi_list = entries.size();
  AddLagStats(entries, s);
  return s;
}

void Builder::AddNotes() {
  std::vector<std::string> dated;
  for (const DatasetInfo& d : report_.datasets)
    if (d.dated_records > 0) dated.push_back(d.name);
  std::string covered = dated.empty() ? "no list" : fmt::format("{}", fmt::join(dated, ", "));
  for (const DatasetInfo& d : report_.datasets) {
    if (d.records == 0 || d.dated_records == d.records) continue;
    if (d.dated_records == 0) {
      report_.notes.push_back(fmt::format(
          "{} gives no listing dates: designation timelines cover only {}", d.name, covered));
    } else {
      report_.notes.push_back(
          fmt::format("{}: {} of {} records give a listing date; the others are left out of "
                      "the timeline",
                      d.name, d.dated_records, d.records));
    }
  }
  for (const DatasetInfo& d : report_.datasets) {
    auto missing = report_.un_missing.find(d.name);
    if (report_.regime.empty() || d.records > 0 || missing == report_.un_missing.end()) continue;
    report_.notes.push_back(fmt::format(
        "{} lists no {} target: its {} missing UN target{} say the list does not cover the "
        "regime, not that it missed each one",
        d.name, report_.regime, missing->second.size(), missing->second.size() == 1 ? "" : "s"));
  }
  if (xref_.clusters.empty())
    report_.notes.push_back("no cross-list links: every record is a target of its own");
  size_t ambiguous = 0;
  for (const auto& [dataset, missing] : report_.un_missing)
    for (const MissingTarget& m : missing) ambiguous += m.ambiguous ? 1 : 0;
  if (ambiguous > 0)
    report_.notes.push_back(
        fmt::format("{} missing UN target{} a candidate on that list the linker could not settle "
                    "(ambiguous, not linked): review by hand",
                    ambiguous, ambiguous == 1 ? " has" : "s have"));
}

// Targets by id, drafts_ alongside.
void Builder::SortTargets() {
  std::vector<size_t> order(report_.targets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return report_.targets[a].id < report_.targets[b].id; });
  std::vector<Target> targets;
  std::vector<Draft> drafts;
  for (size_t i : order) {
    targets.push_back(std::move(report_.targets[i]));
    drafts.push_back(std::move(drafts_[i]));
  }
  report_.targets = std::move(targets);
  drafts_ = std::move(drafts);
}

void Builder::SummariseRegimes() {
  report_.summary = Summarise(options_.regime.empty() ? "all" : options_.regime);
  if (!options_.regime.empty()) {
    report_.regimes.push_back(report_.summary);
  } else {
    std::set<std::string> present;
    bool unclassified = false;
    for (const Target& t : report_.targets) {
      present.insert(t.regimes.begin(), t.regimes.end());
      unclassified = unclassified || t.regimes.empty();
    }
    for (const std::string& r : KnownRegimes())
      if (present.contains(r)) report_.regimes.push_back(Summarise(r));
    if (unclassified) report_.regimes.push_back(Summarise(std::string(kUnclassified)));
  }
}

GapReport Builder::Build() {
  report_.regime = options_.regime;
  OrderDatasets();
  for (Group& group : Groups()) AddTarget(std::move(group.members), group.linked);
  SortTargets();
  FillDatasetInfo();
  FindMissing();
  FindSingleJurisdiction();
  BuildTimeline();
  SummariseRegimes();
  AddNotes();
  return std::move(report_);
}

}  // namespace

GapReport BuildGapReport(const ListSet& lists, const XrefResult& xref, const GapOptions& options) {
  return Builder(lists, xref, options).Build();
}

// ---------------------------------------------------------------------------
// JSON and CSV.

namespace {

nlohmann::json SummaryToJson(const RegimeSummary& s, const GapReport& report) {
  nlohmann::json by_kind = nlohmann::json::object();
  for (size_t k = 0; k < kTargetKinds; ++k)
    by_kind[std::string(TargetKindName(static_cast<TargetKind>(k)))] = s.by_kind[k];
  nlohmann::json names = nlohmann::json::array();
  for (const DatasetInfo& d : report.datasets) names.push_back(d.name);
  nlohmann::json lags = nlohmann::json::object();
  for (const auto& [dataset, l] : s.lags) {
    lags[dataset] = {{"first", l.first}, {"later", l.later}};
    lags[dataset]["median_lag_days"] = l.later ? nlohmann::json(l.median_days) : nullptr;
    lags[dataset]["max_lag_days"] = l.later ? nlohmann::json(l.max_days) : nullptr;
  }
  return {{"regime", s.regime},
          {"targets", s.targets},
          {"linked_targets", s.linked_targets},
          {"by_kind", by_kind},
          {"records", s.records},
          {"listed", s.listed},
          {"overlap", {{"datasets", names}, {"matrix", s.overlap}}},
          {"un_missing", s.un_missing},
          {"single_jurisdiction", s.single_jurisdiction},
          {"timeline", {{"dated_targets", s.dated_multi_list}, {"datasets", lags}}}};
}

nlohmann::json TargetToJson(const Target& t) {
  nlohmann::json listings = nlohmann::json::object();
  for (const auto& [dataset, l] : t.listings) {
    listings[dataset] = {{"ids", l.entity_ids}, {"programs", l.programs}};
    listings[dataset]["listed_on"] = l.listed_on.empty() ? nullptr : nlohmann::json(l.listed_on);
    if (l.seen && l.listed_on.empty()) {
      listings[dataset]["seen"] = {
          {"after", l.seen->after.empty() ? nullptr : nlohmann::json(l.seen->after)},
          {"by", l.seen->by}};
    }
  }
  return {{"id", t.id},
          {"caption", t.caption},
          {"kind", TargetKindName(t.kind)},
          {"regimes", t.regimes},
          {"jurisdictions", t.jurisdictions},
          {"listings", listings}};
}

nlohmann::json TimelineToJson(const TimelineEntry& e, const GapReport& report) {
  const Target& t = report.targets[e.target];
  return {{"target", t.id},         {"caption", t.caption},
          {"first", e.first},       {"first_date", e.first_date},
          {"lag_days", e.lag_days}, {"undated", e.undated}};
}

std::string Joined(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, "; "));
}

}  // namespace

void ExplainMissing(const ListSet& lists, const XrefResult& xref, const XrefOptions& options,
                    GapReport& report) {
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < lists.entities.size(); ++i) index[lists.entities[i].id] = i;
  std::set<std::string> un_datasets;
  for (const DatasetInfo& d : report.datasets)
    if (d.jurisdiction == kUnJurisdiction) un_datasets.insert(d.name);
  for (auto& [dataset, missing] : report.un_missing) {
    if (missing.empty()) continue;
    // UN record id -> why it has no counterpart on `dataset`.
    std::map<std::string, Unlinked> why;
    for (const std::string& un : un_datasets)
      for (Unlinked& u : ExplainUnlinked(lists, xref, un, dataset, "", options))
        why.emplace(lists.entities[u.entity].id, std::move(u));
    for (MissingTarget& m : missing) {
      for (const std::string& un : un_datasets) {
        auto listing = report.targets[m.target].listings.find(un);
        if (listing == report.targets[m.target].listings.end()) continue;
        auto it = why.find(listing->second.entity_ids.front());
        if (it == why.end()) continue;
        const Unlinked& u = it->second;
        m.reason = UnlinkedReasonName(u.reason);
        m.why = u.why;
        m.score = u.score;
        if (u.closest) {
          m.closest_id = lists.entities[*u.closest].id;
          m.closest_caption = lists.entities[*u.closest].caption();
        }
        break;
      }
    }
  }
}

nlohmann::json GapReportToJson(const GapReport& report) {
  nlohmann::json out;
  out["regime"] = report.regime.empty() ? nullptr : nlohmann::json(report.regime);
  out["datasets"] = nlohmann::json::array();
  for (const DatasetInfo& d : report.datasets) {
    out["datasets"].push_back({{"name", d.name},
                               {"jurisdiction", d.jurisdiction},
                               {"version_date", d.version_date},
                               {"records", d.records},
                               {"dated_records", d.dated_records}});
  }
  out["summary"] = SummaryToJson(report.summary, report);
  out["regimes"] = nlohmann::json::array();
  for (const RegimeSummary& s : report.regimes) out["regimes"].push_back(SummaryToJson(s, report));
  out["un_missing"] = nlohmann::json::object();
  for (const auto& [dataset, missing] : report.un_missing) {
    nlohmann::json& rows = out["un_missing"][dataset] = nlohmann::json::array();
    for (const MissingTarget& m : missing) {
      const Target& t = report.targets[m.target];
      nlohmann::json closest = nullptr;
      if (!m.closest_id.empty())
        closest = {
            {"id", m.closest_id}, {"caption", m.closest_caption}, {"score", Round3(m.score)}};
      rows.push_back(
          {{"target", t.id},
           {"caption", t.caption},
           {"ambiguous", m.ambiguous},
           {"closest", closest},
           {"reason", m.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.reason)},
           {"why", m.why}});
    }
  }
  out["single_jurisdiction"] = nlohmann::json::object();
  for (const auto& [jurisdiction, targets] : report.single_jurisdiction) {
    nlohmann::json& ids = out["single_jurisdiction"][jurisdiction] = nlohmann::json::array();
    for (size_t t : targets) ids.push_back(report.targets[t].id);
  }
  out["timeline"] = nlohmann::json::array();
  for (const TimelineEntry& e : report.timeline)
    out["timeline"].push_back(TimelineToJson(e, report));
  out["targets"] = nlohmann::json::array();
  for (const Target& t : report.targets) out["targets"].push_back(TargetToJson(t));
  out["notes"] = report.notes;
  return out;
}

std::string SeenText(const Listing& l) {
  if (!l.seen || !l.listed_on.empty()) return "";
  return l.seen->after.empty() ? "by " + l.seen->by : l.seen->after + ".." + l.seen->by;
}

std::string GapReportToCsv(const GapReport& report) {
  std::string out = "target,caption,kind,regimes,jurisdictions";
  for (const DatasetInfo& d : report.datasets)
    out += fmt::format(",{0}_ids,{0}_programs,{0}_listed_on,{0}_seen", SpreadsheetCsvField(d.name));
  out += "\n";
  for (const Target& t : report.targets) {
    out += fmt::format("{},{},{},{},{}", SpreadsheetCsvField(t.id), SpreadsheetCsvField(t.caption),
                       TargetKindName(t.kind), SpreadsheetCsvField(Joined(t.regimes)),
                       SpreadsheetCsvField(Joined(t.jurisdictions)));
    for (const DatasetInfo& d : report.datasets) {
      auto it = t.listings.find(d.name);
      if (it == t.listings.end()) {
        out += ",,,,";
        continue;
      }
      const Listing& l = it->second;
      out += fmt::format(",{},{},{},{}", SpreadsheetCsvField(Joined(l.entity_ids)),
                         SpreadsheetCsvField(Joined(l.programs)), l.listed_on, SeenText(l));
    }
    out += "\n";
  }
  return out;
}

}  // namespace embargo::xref
