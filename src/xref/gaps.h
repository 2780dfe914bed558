// The gap report (`embargo gaps`): given the lists and their cross-list
// linkage, which datasets list each target and under which programme since
// when; UN targets missing from each national list; targets listed by one
// jurisdiction only; who designated first and how many days later the others
// followed; per-regime counts and the overlap between each pair of datasets.
// A target is a cluster of linked records, or a record linked to nothing.
// Pure functions; the report is a value that owns its strings (it holds no
// pointers into the ListSet). JSON is the source of truth; the CSV and the
// HTML page (gaps_html.h) show the same numbers.
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/lists.h"
#include "xref/xref.h"

namespace embargo::xref {

// The jurisdiction behind a dataset: un_sc_sanctions -> "UN"; us_ofac_sdn,
// us_ofac_cons, us_trade_csl, us_bis_dpl -> "US"; eu_fsf -> "EU"; gb_* ->
// "UK"; au_dfat_sanctions -> "AU"; ca_* -> "CA"; any other dataset (a user's own list) is
// its own jurisdiction.
std::string JurisdictionOf(std::string_view dataset);

// The sanctions regimes an entity is listed under, sorted, each once:
//   * UN records: the prefix of the reference number (source_id, else the id
//     after "un_sc_sanctions-"): KP -> DPRK, IR -> IRAN, LY -> LIBYA,
//     QD -> ISIL/AL-QAIDA, TA -> TALIBAN, IQ -> IRAQ, CF -> CAR, CD -> DRC,
//     SO -> SOMALIA, SS -> SOUTH-SUDAN, SD -> SUDAN, YE -> YEMEN, HT -> HAITI,
//     GB -> GUINEA-BISSAU.
//   * Other records: each programme through RegimeOfProgram.
//   * Thematic programmes that span regimes (OFAC NPWMD, EU/UN
//     non-proliferation): DPRK when the record has a kp nationality or
//     country (address, birthplace, flag) or an identifier issued there
//     (a North Korean passport); IRAN for ir, SYRIA for sy; otherwise none.
//     Only for records that no other programme places in a regime.
// A record with no regime is reported under no regime ("unclassified").
std::vector<std::string> RegimesOf(const Entity& entity);

// The regime of one programme code, or "" when the code names none (SDGT,
// GLOMAG, ...). Exact codes first (OFAC: DPRK, DPRK2, DPRK3, DPRK4,
// DPRK-NKSPEA, NKSPEA -> DPRK; IRAN, IRGC, IFSR, IFCA, ISA, IRAN-HR,
// IRAN-TRA, IRAN-EO*, IRAN-CON-ARMS-EO, HRIT-IR, CAATSA - IRAN -> IRAN;
// LIBYA2, LIBYA3 -> LIBYA; SYRIA*, HRIT-SY, FSE-SY -> SYRIA; IRAQ2, IRAQ3 ->
// IRAQ; DRCONGO -> DRC; DARFUR -> SUDAN; ...), then a country word in the
// text ("Korea", "Iran", "Libya", "Syria", ...; UN list types such as
// "Al-Qaida" and "Taliban" too). The full table is in gaps.cc.
std::string RegimeOfProgram(std::string_view program);

// The regime names RegimeOf* can return, in report order.
const std::vector<std::string>& KnownRegimes();

// The regime a user typed (--regime dprk, KP, "isil/al-qaida"), normalised to
// a KnownRegimes() entry; nullopt when it names none.
std::optional<std::string> ParseRegime(std::string_view text);

// People, organisations (Organization, Company, LegalEntity), vessels,
// airplanes.
enum class TargetKind { kPerson, kEntity, kVessel, kAirplane };
inline constexpr size_t kTargetKinds = 4;
std::string_view TargetKindName(TargetKind kind);  // "person", "entity", "vessel", "airplane"

// When the stored versions of a list first show a record (store::FirstSeen).
struct SeenBetween {
  std::string by;     // YYYY-MM-DD
  std::string after;  // YYYY-MM-DD, or "" when in the earliest stored version
};

// One dataset's listing of a target (several records of one list may sit in
// one cluster).
struct Listing {
  std::vector<std::string> entity_ids;
  std::vector<std::string> programs;  // union over the records, in order seen
  std::string listed_on;              // earliest YYYY-MM-DD; "" when the list gives none
  // What the stored versions say of its earliest-seen record
  // (GapOptions::seen); never used as a listing date.
  std::optional<SeenBetween> seen;
};

struct Target {
  std::string id;       // entity id of its first record (datasets in report order)
  std::string caption;  // that record's caption
  TargetKind kind = TargetKind::kEntity;
  std::vector<std::string> regimes;         // union over its records
  std::vector<std::string> jurisdictions;   // sorted, each once
  std::map<std::string, Listing> listings;  // by dataset name
  bool linked = false;                      // a cluster (true) or a lone record
};

// A target on several lists of which at least two give a date.
struct TimelineEntry {
  size_t target = 0;                    // index into GapReport::targets
  std::vector<std::string> first;       // the dataset(s) with the earliest date
  std::string first_date;               // YYYY-MM-DD
  std::map<std::string, int> lag_days;  // every dated dataset, 0 for the first
  std::vector<std::string> undated;     // listing datasets that give no date
};

// A UN target of the selection that no record of `dataset` is linked to.
struct MissingTarget {
  size_t target = 0;       // index into GapReport::targets
  bool ambiguous = false;  // the linker saw a candidate there it could not settle
  // Filled by ExplainMissing: the closest record on that list ("" when no
  // record shares enough of a name), its score, and why it was not linked.
  std::string closest_id;
  std::string closest_caption;
  double score = 0;
  std::string reason;  // UnlinkedReasonName: "below_threshold", "conflict", ...
  std::string why;
};

struct LagStats {
  size_t first = 0;     // targets this dataset listed first (ties count for each)
  size_t later = 0;     // targets it listed after another dataset
  int median_days = 0;  // over `later`
  int max_days = 0;
};

// The numbers for one regime (or for the whole selection).
struct RegimeSummary {
  std::string regime;  // a KnownRegimes() entry, "unclassified", or "all"
  size_t targets = 0;
  size_t linked_targets = 0;  // on two or more datasets
  std::array<size_t, kTargetKinds> by_kind{};
  std::map<std::string, size_t> records;  // dataset -> records of the regime
  std::map<std::string, size_t> listed;   // dataset -> targets it lists
  // overlap[i][j]: targets listed by both datasets i and j (GapReport order);
  // the diagonal is `listed`.
  std::vector<std::vector<size_t>> overlap;
  std::map<std::string, size_t> un_missing;           // national dataset -> UN targets missing
  std::map<std::string, size_t> single_jurisdiction;  // jurisdiction -> targets only it lists
  size_t dated_multi_list = 0;                        // targets with a timeline entry
  std::map<std::string, LagStats> lags;               // dataset -> timeline statistics
};

struct DatasetInfo {
  std::string name;
  std::string jurisdiction;
  std::string version_date;
  size_t records = 0;        // records in the selection
  size_t dated_records = 0;  // of which give a listing date
};

struct GapReport {
  std::string regime;                 // the --regime selection, "" = all targets
  std::vector<DatasetInfo> datasets;  // UN datasets first, then in ListSet order
  std::vector<Target> targets;        // the selection, sorted by id
  RegimeSummary summary;              // over the whole selection
  // With a regime selected: that one (== summary). Otherwise each regime
  // present, in KnownRegimes() order, then "unclassified" when any.
  std::vector<RegimeSummary> regimes;
  // Every non-UN dataset -> the UN targets (with a UN record of the selected
  // regime) that none of its records is linked to.
  std::map<std::string, std::vector<MissingTarget>> un_missing;
  std::map<std::string, std::vector<size_t>> single_jurisdiction;  // jurisdiction -> targets
  std::vector<TimelineEntry> timeline;                             // by first date, then target id
  std::vector<std::string> notes;  // limits of the data (undated lists, ...)
};

struct GapOptions {
  std::string regime;  // a KnownRegimes() entry; "" = every target
  // Entity id -> when the store's versions first show it, for lists that
  // give no listing date (embargo gaps --store fills it).
  std::map<std::string, SeenBetween> seen;
};

// What the stored versions say of an undated listing: "by 2024-01-31", or
// "2024-01-31..2024-02-23" (after the first day, by the second); "" when the
// list gives a date or the versions say nothing.
std::string SeenText(const Listing& listing);

// Builds the report. `xref` must have been computed over `lists` (its
// indices point into lists.entities); indices out of range are ignored.
GapReport BuildGapReport(const ListSet& lists, const XrefResult& xref,
                         const GapOptions& options = {});

// Fills every MissingTarget's closest record on its list and why it was not
// linked (ExplainUnlinked from the target's UN record; indexes each national
// list once). `xref` must be LinkLists(lists, options), as for BuildGapReport.
void ExplainMissing(const ListSet& lists, const XrefResult& xref, const XrefOptions& options,
                    GapReport& report);

// {"regime", "datasets", "summary", "regimes", "targets", "un_missing",
//  "single_jurisdiction", "timeline", "notes"}; targets are referred to by id.
// A un_missing entry: {"target", "caption", "ambiguous", "closest": {"id",
// "caption", "score"} | null, "reason", "why"} (the last three once
// explained, else null, null, "").
nlohmann::json GapReportToJson(const GapReport& report);

// The coverage matrix: one row per target (id, caption, kind, regimes,
// jurisdictions) then, per dataset, four columns <dataset>_ids,
// <dataset>_programs, <dataset>_listed_on (empty when not listed or
// undated) and <dataset>_seen ("by YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD"
// from the store's versions, else empty). Several values in a cell are joined with "; ".
std::string GapReportToCsv(const GapReport& report);

}  // namespace embargo::xref
