#include "xref/gaps.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/gaps_command.h"
#include "store/store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::xref {
namespace {

constexpr std::string_view kUn = "un_sc_sanctions";
constexpr std::string_view kOfac = "us_ofac_sdn";
constexpr std::string_view kUser = "kr_fsc";

Entity Make(std::string_view dataset, std::string source_id, Schema schema, std::string name,
            std::vector<std::string> programs, std::string listed_on = "") {
  Entity e;
  e.dataset = std::string(dataset);
  e.source_id = std::move(source_id);
  e.id = e.dataset + "-" + e.source_id;
  e.schema = schema;
  e.names.push_back({std::move(name), NameKind::kPrimary, {}});
  e.programs = std::move(programs);
  e.listed_on = std::move(listed_on);
  return e;
}

// Three lists: the UN (dated), OFAC (undated) and a user's list (dated).
// Clusters: the UN person with OFAC and the user list; the UN company with
// OFAC (an NPWMD record with a North Korean address) and the user list,
// which listed it before the UN. The UN vessel is on no other list (OFAC
// had an ambiguous candidate); OFAC lists a vessel of its own.
ListSet Lists() {
  ListSet lists;
  lists.datasets = {{std::string(kOfac), "ofac_legacy", "", "2021-07-01", 4, 4},
                    {std::string(kUser), "embargo_list", "", "", 2, 2},
                    {std::string(kUn), "un_xml", "", "2026-02-27", 4, 4}};
  lists.entities = {
      Make(kUn, "KPi.001", Schema::kPerson, "RI ONE", {"DPRK"}, "2016-03-02"),
      Make(kUn, "KPe.002", Schema::kOrganization, "KOREA TRADING CORP, LTD", {"DPRK"},
           "2013-01-22"),
      Make(kUn, "KPe.003", Schema::kVessel, "SHIP THREE", {"DPRK"}, "2018-03-30"),
      Make(kUn, "QDi.004", Schema::kPerson, "AL ONE", {"Al-Qaida"}, "2001-10-06"),
      Make(kOfac, "100", Schema::kPerson, "RI, One", {"DPRK2"}),
      Make(kOfac, "101", Schema::kOrganization, "KOREA TRADING CORPORATION", {"NPWMD"}),
      Make(kOfac, "102", Schema::kVessel, "OFAC ONLY VESSEL", {"DPRK4"}),
      Make(kOfac, "103", Schema::kPerson, "SOME DEALER", {"SDGT"}),
      Make(kUser, "FSC-1", Schema::kPerson, "RI One", {"North Korea"}, "2016-03-10"),
      Make(kUser, "FSC-2", Schema::kLegalEntity, "KOREA TRADING", {"North Korea"}, "2012-06-01"),
  };
  lists.entities[5].countries = {"kp"};
  return lists;
}

XrefResult Links() {
  XrefResult xref;
  xref.links = {{0, 4, LinkMethod::kName, 0.95, {}},
                {0, 8, LinkMethod::kName, 0.95, {}},
                {1, 5, LinkMethod::kIdentifier, 1.0, {}},
                {1, 9, LinkMethod::kName, 0.92, {}}};
  xref.clusters = {{{0, 4, 8}, {0, 1}}, {{1, 5, 9}, {2, 3}}};
  xref.ambiguous = {{2, std::string(kOfac), {6}, "two candidates"}};
  return xref;
}

GapReport DprkReport() { return BuildGapReport(Lists(), Links(), {.regime = "DPRK"}); }

size_t TargetIndex(const GapReport& report, std::string_view id) {
  for (size_t i = 0; i < report.targets.size(); ++i)
    if (report.targets[i].id == id) return i;
  ADD_FAILURE() << "no target " << id;
  return 0;
}

TEST(JurisdictionTest, MapsOfficialDatasetsAndKeepsUserListsApart) {
  EXPECT_EQ(JurisdictionOf("un_sc_sanctions"), "UN");
  EXPECT_EQ(JurisdictionOf("us_ofac_sdn"), "US");
  EXPECT_EQ(JurisdictionOf("us_ofac_cons"), "US");
  EXPECT_EQ(JurisdictionOf("us_trade_csl"), "US");
  EXPECT_EQ(JurisdictionOf("us_bis_dpl"), "US");
  EXPECT_EQ(JurisdictionOf("eu_fsf"), "EU");
  EXPECT_EQ(JurisdictionOf("gb_hmt_sanctions"), "UK");
  EXPECT_EQ(JurisdictionOf("kr_fsc"), "kr_fsc");
}

TEST(RegimeTest, UnRecordsTakeTheRegimeOfTheirReferencePrefix) {
  EXPECT_EQ(RegimesOf(Make(kUn, "KPi.055", Schema::kPerson, "X", {})),
            std::vector<std::string>{"DPRK"});
  EXPECT_EQ(RegimesOf(Make(kUn, "QDe.004", Schema::kOrganization, "X", {"Al-Qaida"})),
            std::vector<std::string>{"ISIL/AL-QAIDA"});
  EXPECT_EQ(RegimesOf(Make(kUn, "SSi.001", Schema::kPerson, "X", {})),
            std::vector<std::string>{"SOUTH-SUDAN"});
  Entity no_source = Make(kUn, "", Schema::kPerson, "X", {});
  no_source.id = "un_sc_sanctions-IRe.010";
  EXPECT_EQ(RegimesOf(no_source), std::vector<std::string>{"IRAN"});
}

TEST(RegimeTest, OfacProgramsMapThroughTheTable) {
  for (std::string_view p : {"DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA"})
    EXPECT_EQ(RegimeOfProgram(p), "DPRK") << p;
  for (std::string_view p :
       {"IRAN", "IRGC", "IFSR", "IRAN-HR", "IRAN-EO13846", "HRIT-IR", "CAATSA - IRAN", "ISA"})
    EXPECT_EQ(RegimeOfProgram(p), "IRAN") << p;
  EXPECT_EQ(RegimeOfProgram("LIBYA3"), "LIBYA");
  EXPECT_EQ(RegimeOfProgram("SYRIA-CAESAR"), "SYRIA");
  EXPECT_EQ(RegimeOfProgram("SOUTH SUDAN"), "SOUTH-SUDAN");
  EXPECT_EQ(RegimeOfProgram("SOMALIA"), "SOMALIA");
  EXPECT_EQ(RegimeOfProgram("DRCONGO"), "DRC");
  EXPECT_EQ(RegimeOfProgram("Democratic People's Republic of Korea"), "DPRK");
  EXPECT_EQ(RegimeOfProgram("SDGT"), "");
  EXPECT_EQ(RegimeOfProgram("GLOMAG"), "");
  EXPECT_EQ(RegimeOfProgram("NPWMD"), "");
}

TEST(RegimeTest, NonProliferationRecordsTakeTheRegimeOfTheirCountry) {
  Entity e = Make(kOfac, "1", Schema::kOrganization, "X", {"NPWMD"});
  EXPECT_TRUE(RegimesOf(e).empty());
  e.countries = {"kp"};
  EXPECT_EQ(RegimesOf(e), std::vector<std::string>{"DPRK"});
  e.countries = {"cn"};
  e.nationalities = {"ir"};
  EXPECT_EQ(RegimesOf(e), std::vector<std::string>{"IRAN"});
  e.programs = {"SDGT"};
  EXPECT_TRUE(RegimesOf(e).empty());
}

TEST(RegimeTest, CountriesDoNotAddRegimesToARecordWhoseProgrammeNamesOne) {
  Entity e = Make(kOfac, "1", Schema::kOrganization, "X", {"NPWMD", "DPRK2"});
  e.countries = {"kp", "ir", "sy"};
  EXPECT_EQ(RegimesOf(e), std::vector<std::string>{"DPRK"});
}

TEST(RegimeTest, ParsesWhatUsersType) {
  EXPECT_EQ(ParseRegime("dprk"), "DPRK");
  EXPECT_EQ(ParseRegime("KP"), "DPRK");
  EXPECT_EQ(ParseRegime("Iran"), "IRAN");
  EXPECT_EQ(ParseRegime("isil/al-qaida"), "ISIL/AL-QAIDA");
  EXPECT_EQ(ParseRegime("QD"), "ISIL/AL-QAIDA");
  EXPECT_EQ(ParseRegime("south sudan"), "SOUTH-SUDAN");
  EXPECT_EQ(ParseRegime("atlantis"), std::nullopt);
}

TEST(GapReportTest, PutsUnDatasetsFirstThenListSetOrder) {
  GapReport r = DprkReport();
  ASSERT_EQ(r.datasets.size(), 3u);
  EXPECT_EQ(r.datasets[0].name, kUn);
  EXPECT_EQ(r.datasets[1].name, kOfac);
  EXPECT_EQ(r.datasets[2].name, kUser);
  EXPECT_EQ(r.datasets[0].records, 3u);
  EXPECT_EQ(r.datasets[1].records, 3u);
  EXPECT_EQ(r.datasets[1].dated_records, 0u);
}

TEST(GapReportTest, SelectsTheTargetsOfTheRegime) {
  GapReport r = DprkReport();
  std::vector<std::string> ids;
  for (const Target& t : r.targets) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"un_sc_sanctions-KPe.002", "un_sc_sanctions-KPe.003",
                                           "un_sc_sanctions-KPi.001", "us_ofac_sdn-102"}));
}

TEST(GapReportTest, CoverageNamesEachListWithItsProgrammeAndDate) {
  GapReport r = DprkReport();
  const Target& t = r.targets[TargetIndex(r, "un_sc_sanctions-KPi.001")];
  EXPECT_EQ(t.caption, "RI ONE");
  EXPECT_EQ(t.kind, TargetKind::kPerson);
  EXPECT_TRUE(t.linked);
  EXPECT_EQ(t.jurisdictions, (std::vector<std::string>{"UN", "US", "kr_fsc"}));
  ASSERT_EQ(t.listings.size(), 3u);
  EXPECT_EQ(t.listings.at(std::string(kOfac)).entity_ids,
            std::vector<std::string>{"us_ofac_sdn-100"});
  EXPECT_EQ(t.listings.at(std::string(kOfac)).programs, std::vector<std::string>{"DPRK2"});
  EXPECT_EQ(t.listings.at(std::string(kOfac)).listed_on, "");
  EXPECT_EQ(t.listings.at(std::string(kUn)).listed_on, "2016-03-02");
}

TEST(GapReportTest, CountsTargetsByKind) {
  const RegimeSummary& s = DprkReport().summary;
  EXPECT_EQ(s.regime, "DPRK");
  EXPECT_EQ(s.targets, 4u);
  EXPECT_EQ(s.linked_targets, 2u);
  EXPECT_EQ(s.by_kind[static_cast<size_t>(TargetKind::kPerson)], 1u);
  EXPECT_EQ(s.by_kind[static_cast<size_t>(TargetKind::kEntity)], 1u);
  EXPECT_EQ(s.by_kind[static_cast<size_t>(TargetKind::kVessel)], 2u);
  EXPECT_EQ(s.by_kind[static_cast<size_t>(TargetKind::kAirplane)], 0u);
}

TEST(GapReportTest, OverlapCountsTargetsOnBothLists) {
  const RegimeSummary& s = DprkReport().summary;
  // un, us_ofac_sdn, kr_fsc
  EXPECT_EQ(s.overlap, (std::vector<std::vector<size_t>>{{3, 2, 2}, {2, 3, 2}, {2, 2, 2}}));
  EXPECT_EQ(s.listed.at(std::string(kOfac)), 3u);
}

TEST(GapReportTest, ListsUnTargetsMissingFromEachNationalList) {
  GapReport r = DprkReport();
  ASSERT_EQ(r.un_missing.size(), 2u);
  const auto& ofac = r.un_missing.at(std::string(kOfac));
  ASSERT_EQ(ofac.size(), 1u);
  EXPECT_EQ(r.targets[ofac[0].target].id, "un_sc_sanctions-KPe.003");
  EXPECT_TRUE(ofac[0].ambiguous);
  const auto& user = r.un_missing.at(std::string(kUser));
  ASSERT_EQ(user.size(), 1u);
  EXPECT_FALSE(user[0].ambiguous);
  EXPECT_EQ(r.summary.un_missing.at(std::string(kOfac)), 1u);
}

TEST(GapReportTest, ListsTargetsOfOneJurisdictionOnly) {
  GapReport r = DprkReport();
  ASSERT_EQ(r.single_jurisdiction.size(), 2u);
  ASSERT_EQ(r.single_jurisdiction.at("UN").size(), 1u);
  EXPECT_EQ(r.targets[r.single_jurisdiction.at("UN")[0]].id, "un_sc_sanctions-KPe.003");
  EXPECT_EQ(r.targets[r.single_jurisdiction.at("US")[0]].id, "us_ofac_sdn-102");
  EXPECT_EQ(r.summary.single_jurisdiction.at("US"), 1u);
}

TEST(GapReportTest, TimelineNamesWhoListedFirstAndTheLagOfTheOthers) {
  GapReport r = DprkReport();
  ASSERT_EQ(r.timeline.size(), 2u);
  const TimelineEntry& company = r.timeline[0];  // earliest first date first
  EXPECT_EQ(r.targets[company.target].id, "un_sc_sanctions-KPe.002");
  EXPECT_EQ(company.first, std::vector<std::string>{std::string(kUser)});
  EXPECT_EQ(company.first_date, "2012-06-01");
  EXPECT_EQ(company.lag_days.at(std::string(kUn)), 235);
  EXPECT_EQ(company.undated, std::vector<std::string>{std::string(kOfac)});
  const TimelineEntry& person = r.timeline[1];
  EXPECT_EQ(person.first, std::vector<std::string>{std::string(kUn)});
  EXPECT_EQ(person.lag_days.at(std::string(kUser)), 8);
}

TEST(GapReportTest, SummarisesLagsPerDataset) {
  const RegimeSummary& s = DprkReport().summary;
  EXPECT_EQ(s.dated_multi_list, 2u);
  const LagStats& un = s.lags.at(std::string(kUn));
  EXPECT_EQ(un.first, 1u);
  EXPECT_EQ(un.later, 1u);
  EXPECT_EQ(un.median_days, 235);
  EXPECT_EQ(s.lags.at(std::string(kUser)).max_days, 8);
  EXPECT_FALSE(s.lags.contains(std::string(kOfac)));
}

TEST(GapReportTest, SaysWhichListsGiveNoDates) {
  GapReport r = DprkReport();
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0],
            "us_ofac_sdn gives no listing dates: designation timelines cover only "
            "un_sc_sanctions, kr_fsc");
  EXPECT_EQ(r.notes[1],
            "1 missing UN target has a candidate on that list the linker could not settle "
            "(ambiguous, not linked): review by hand");
}

TEST(GapReportTest, WithoutARegimeSummarisesEveryRegimeAndTheUnclassified) {
  GapReport r = BuildGapReport(Lists(), Links());
  EXPECT_EQ(r.summary.regime, "all");
  EXPECT_EQ(r.summary.targets, 6u);
  std::vector<std::string> regimes;
  for (const RegimeSummary& s : r.regimes) regimes.push_back(s.regime);
  EXPECT_EQ(regimes, (std::vector<std::string>{"DPRK", "ISIL/AL-QAIDA", "unclassified"}));
  EXPECT_EQ(r.regimes[0].targets, 4u);
  EXPECT_EQ(r.regimes[1].un_missing.at(std::string(kOfac)), 1u);
  EXPECT_EQ(r.regimes[2].records.at(std::string(kOfac)), 1u);
  EXPECT_EQ(r.summary.single_jurisdiction.at("UN"), 2u);
}

TEST(GapReportTest, WithoutLinksEveryRecordIsItsOwnTarget) {
  GapReport r = BuildGapReport(Lists(), {}, {.regime = "DPRK"});
  EXPECT_EQ(r.summary.targets, 8u);
  EXPECT_EQ(r.summary.linked_targets, 0u);
  EXPECT_EQ(r.un_missing.at(std::string(kOfac)).size(), 3u);
  EXPECT_TRUE(r.timeline.empty());
  EXPECT_EQ(r.notes.back(), "no cross-list links: every record is a target of its own");
}

TEST(GapReportTest, IgnoresClusterMembersOutOfRange) {
  XrefResult xref = Links();
  xref.clusters[0].members.push_back(999);
  GapReport r = BuildGapReport(Lists(), xref, {.regime = "DPRK"});
  EXPECT_EQ(r.summary.targets, 4u);
}

TEST(GapReportJsonTest, CarriesTheNumbersByTargetId) {
  nlohmann::json j = GapReportToJson(DprkReport());
  EXPECT_EQ(j["regime"], "DPRK");
  EXPECT_EQ(j["datasets"][0]["name"], "un_sc_sanctions");
  EXPECT_EQ(j["datasets"][0]["jurisdiction"], "UN");
  EXPECT_EQ(j["summary"]["targets"], 4);
  EXPECT_EQ(j["summary"]["by_kind"]["vessel"], 2);
  EXPECT_EQ(j["summary"]["overlap"]["datasets"][2], "kr_fsc");
  EXPECT_EQ(j["summary"]["overlap"]["matrix"][0][1], 2);
  EXPECT_EQ(j["summary"]["un_missing"]["us_ofac_sdn"], 1);
  EXPECT_EQ(j["summary"]["timeline"]["datasets"]["un_sc_sanctions"]["median_lag_days"], 235);
  EXPECT_TRUE(j["summary"]["timeline"]["datasets"]["kr_fsc"]["first"] == 1);
  EXPECT_EQ(j["un_missing"]["us_ofac_sdn"][0],
            (nlohmann::json{{"target", "un_sc_sanctions-KPe.003"},
                            {"caption", "SHIP THREE"},
                            {"ambiguous", true},
                            {"closest", nullptr},
                            {"reason", nullptr},
                            {"why", ""}}));
  EXPECT_EQ(j["single_jurisdiction"]["US"][0], "us_ofac_sdn-102");
  EXPECT_EQ(j["timeline"][0]["lag_days"]["un_sc_sanctions"], 235);
  const nlohmann::json& person = j["targets"][2];
  EXPECT_EQ(person["id"], "un_sc_sanctions-KPi.001");
  EXPECT_EQ(person["listings"]["us_ofac_sdn"]["listed_on"], nullptr);
  EXPECT_EQ(person["listings"]["kr_fsc"]["programs"][0], "North Korea");
  EXPECT_EQ(j["notes"].size(), 2u);
}

TEST(GapReportCsvTest, OneRowPerTargetAndFourColumnsPerDataset) {
  std::string csv = GapReportToCsv(DprkReport());
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = csv.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(csv.substr(start, end - start));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0],
            "target,caption,kind,regimes,jurisdictions,un_sc_sanctions_ids,"
            "un_sc_sanctions_programs,un_sc_sanctions_listed_on,un_sc_sanctions_seen,"
            "us_ofac_sdn_ids,us_ofac_sdn_programs,us_ofac_sdn_listed_on,us_ofac_sdn_seen,"
            "kr_fsc_ids,kr_fsc_programs,kr_fsc_listed_on,kr_fsc_seen");
  EXPECT_EQ(lines[1],
            "un_sc_sanctions-KPe.002,\"KOREA TRADING CORP, LTD\",entity,DPRK,UN; US; kr_fsc,"
            "un_sc_sanctions-KPe.002,DPRK,2013-01-22,,us_ofac_sdn-101,NPWMD,,,kr_fsc-FSC-2,"
            "North Korea,2012-06-01,");
  EXPECT_EQ(lines[4],
            "us_ofac_sdn-102,OFAC ONLY VESSEL,vessel,DPRK,US,,,,,us_ofac_sdn-102,DPRK4,,,,,,");
}

// ---------------------------------------------------------------------------
// The real lists: UN 2026-02-27 and OFAC SDN 2021-07.

const ListSet& UnAndOfac() {
  static const ListSet* lists = [] {
    auto loaded = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                             testing::SharedData("ofac/sdn-2021-07")});
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return new ListSet(loaded.ok() ? std::move(*loaded) : ListSet{});
  }();
  return *lists;
}

size_t IndexOf(const ListSet& lists, std::string_view id) {
  for (size_t i = 0; i < lists.entities.size(); ++i)
    if (lists.entities[i].id == id) return i;
  ADD_FAILURE() << "no entity " << id;
  return 0;
}

// One hand-made link: UN KPi.055 HAN JANG SU is OFAC's HAN, Jang Su (same
// passport, 745420176).
XrefResult HanJangSu(const ListSet& lists) {
  size_t un = IndexOf(lists, "un_sc_sanctions-KPi.055");
  size_t ofac = lists.entities.size();
  for (size_t i = 0; i < lists.entities.size(); ++i) {
    const Entity& e = lists.entities[i];
    if (e.dataset != kOfac) continue;
    for (const Identifier& id : e.identifiers)
      if (id.value == "745420176") ofac = i;
  }
  EXPECT_LT(ofac, lists.entities.size()) << "no OFAC record with passport 745420176";
  XrefResult xref;
  xref.links = {{std::min(un, ofac), std::max(un, ofac), LinkMethod::kIdentifier, 1.0, {}}};
  xref.clusters = {{{un, ofac}, {0}}};
  return xref;
}

TEST(GapReportRealDataTest, DprkOnUnAndOfac2021) {
  const ListSet& lists = UnAndOfac();
  // Counted straight from the records: UN reference numbers KPi.* / KPe.*.
  size_t un_people = 0, un_entities = 0;
  for (const Entity& e : lists.entities) {
    if (e.dataset != kUn) continue;
    un_people += e.source_id.starts_with("KPi.") ? 1 : 0;
    un_entities += e.source_id.starts_with("KPe.") ? 1 : 0;
  }
  ASSERT_EQ(un_people, 80u);
  ASSERT_EQ(un_entities, 75u);
  GapReport r = BuildGapReport(lists, HanJangSu(lists), {.regime = "DPRK"});
  const RegimeSummary& s = r.summary;
  EXPECT_EQ(s.records.at(std::string(kUn)), 155u);
  // OFAC, counted from sdn.csv, add.csv and sdn_comments.csv by a script:
  // 414 records under DPRK, DPRK2-4 or DPRK-NKSPEA, and 58 NPWMD records
  // with a North Korean address, birthplace, nationality or passport.
  EXPECT_EQ(s.records.at(std::string(kOfac)), 414u + 58u);
  EXPECT_EQ(s.targets, 155u + 472u - 1u);
  EXPECT_EQ(s.linked_targets, 1u);
  EXPECT_EQ(s.overlap[0][1], 1u);
  EXPECT_EQ(s.un_missing.at(std::string(kOfac)), 154u);
  EXPECT_EQ(s.single_jurisdiction.at("UN"), 154u);
  EXPECT_EQ(s.single_jurisdiction.at("US"), 471u);
  const Target& han = r.targets[TargetIndex(r, "un_sc_sanctions-KPi.055")];
  EXPECT_EQ(han.listings.at(std::string(kUn)).listed_on, "2017-08-05");
  EXPECT_EQ(han.listings.at(std::string(kOfac)).listed_on, "");
  // OFAC's legacy CSV gives no listing dates: no lag can be computed.
  EXPECT_TRUE(r.timeline.empty());
  EXPECT_EQ(r.notes[0],
            "us_ofac_sdn gives no listing dates: designation timelines cover only "
            "un_sc_sanctions");
}

// ---------------------------------------------------------------------------
// embargo gaps

cli::GapsArgs UnDprkArgs(std::string format) {
  cli::GapsArgs args;
  args.source.lists = {testing::SharedData("un/consolidated-2026-02-27.xml")};
  args.regime = "kp";
  args.format = std::move(format);
  args.threads = 2;
  return args;
}

TEST(GapsCommandTest, WritesTheJsonReportOfTheRegime) {
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunGaps(UnDprkArgs("json"), out, err), 0) << err.str();
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["regime"], "DPRK");
  EXPECT_EQ(j["summary"]["targets"], 155);
  EXPECT_EQ(j["summary"]["by_kind"]["person"], 80);
}

// The acceptance report: UN + OFAC SDN 2021-07 linked by the real linker;
// every UN DPRK target missing from OFAC comes with why it was not linked,
// and its closest OFAC record where one comes close by name.
TEST(GapsCommandTest, DprkReportOnUnAndOfacNamesTheClosestOfacRecordOfEachGap) {
  cli::GapsArgs args = UnDprkArgs("json");
  args.source.lists.push_back(testing::SharedData("ofac/sdn-2021-07"));
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunGaps(args, out, err), 0) << err.str();
  nlohmann::json j = nlohmann::json::parse(out.str());
  const nlohmann::json& s = j["summary"];
  EXPECT_EQ(s["records"]["un_sc_sanctions"], 155);
  EXPECT_EQ(s["linked_targets"], 152);
  EXPECT_EQ(s["overlap"]["matrix"][0][1], 152);
  EXPECT_EQ(s["un_missing"]["us_ofac_sdn"], 3);
  const nlohmann::json& missing = j["un_missing"]["us_ofac_sdn"];
  ASSERT_EQ(missing.size(), 3u) << missing.dump(1);
  std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"un_sc_sanctions-KPe.014", {"conflict", "us_ofac_sdn-9345"}},
      {"un_sc_sanctions-KPi.003", {"no_candidate", ""}},
      {"un_sc_sanctions-KPi.005", {"no_candidate", ""}}};
  for (const nlohmann::json& m : missing) {
    auto it = expected.find(m["target"].get<std::string>());
    ASSERT_NE(it, expected.end()) << m.dump();
    EXPECT_EQ(m["reason"], it->second.first) << m.dump();
    if (it->second.second.empty()) {
      // No OFAC record's name comes close enough to be named.
      EXPECT_TRUE(m["closest"].is_null()) << m.dump();
      EXPECT_NE(m["why"].get<std::string>().find("no us_ofac_sdn record's name comes within"),
                std::string::npos)
          << m.dump();
      continue;
    }
    ASSERT_TRUE(m["closest"].is_object()) << m.dump();
    EXPECT_EQ(m["closest"]["id"], it->second.second);
    // The why names the closest record.
    EXPECT_NE(m["why"].get<std::string>().find(m["closest"]["id"].get<std::string>()),
              std::string::npos)
        << m.dump();
  }
  // KUMRYONG is an alias of KOMID on OFAC, which the UN lists apart.
  EXPECT_EQ(missing[0]["target"], "un_sc_sanctions-KPe.014");
  EXPECT_TRUE(missing[0]["ambiguous"].get<bool>());
}

// Over every reference list, OFAC lists the UN's DPRK firms and bodies
// under other spellings (OMM, KKBC, KNIC) or longer names (the Foreign Trade
// Bank "OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", as close by name as
// the MYANMA FOREIGN TRADE BANK: the shared country decides) or under their
// parent (PAD is OFAC's "KOREAN WORKERS PARTY, PROPAGANDA AND AGITATION
// DEPARTMENT"). What stays missing has no OFAC record close enough.
TEST(GapsCommandTest, DprkOverAllListsLinksTheUnFirmsOfacSpellsOtherwise) {
  cli::GapsArgs args;
  args.source.lists = {testing::SharedData("")};
  args.regime = "kp";
  args.format = "json";
  args.threads = 2;
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunGaps(args, out, err), 0) << err.str();
  nlohmann::json j = nlohmann::json::parse(out.str());
  std::set<std::string> missing;
  for (const nlohmann::json& m : j["un_missing"]["us_ofac_sdn"])
    missing.insert(m["target"].get<std::string>());
  EXPECT_EQ(missing, (std::set<std::string>{"un_sc_sanctions-KPe.014", "un_sc_sanctions-KPi.003",
                                            "un_sc_sanctions-KPi.005"}))
      << j["un_missing"]["us_ofac_sdn"].dump(1);
}

// OFAC's CSV gives no listing dates; with --store, the stored versions say
// when each record first appeared (never taken for a listing date).
TEST(GapsCommandTest, WithAStoreUndatedListingsSayWhenTheVersionsFirstShowThem) {
  auto path = std::filesystem::temp_directory_path() /
              ("embargo-gaps-store-" + std::to_string(::getpid()) + ".db");
  {
    auto db = store::OpenStore(path.string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    for (const char* file : {"ofac/sdn-2024-01-31.csv", "ofac/sdn-2024-02-23.csv"}) {
      auto lists = LoadLists({testing::SharedData(file)});
      ASSERT_TRUE(lists.ok()) << lists.error().ToString();
      ASSERT_TRUE(store::StoreListSet(**db, *lists, {}).ok());
    }
  }
  cli::GapsArgs args;
  args.source.store = path.string();
  args.format = "json";
  args.threads = 2;
  std::ostringstream out, err;
  int code = cli::RunGaps(args, out, err);
  cli::GapsArgs csv_args = args;
  csv_args.format = "csv";
  std::ostringstream csv, csv_err;
  int csv_code = cli::RunGaps(csv_args, csv, csv_err);
  std::filesystem::remove(path);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  ASSERT_EQ(code, 0) << err.str();
  ASSERT_EQ(csv_code, 0) << csv_err.str();

  std::map<std::string, nlohmann::json> ofac;  // target id -> its us_ofac_sdn listing
  const nlohmann::json report = nlohmann::json::parse(out.str());
  for (const nlohmann::json& t : report["targets"])
    ofac[t["id"].get<std::string>()] = t["listings"]["us_ofac_sdn"];
  ASSERT_EQ(ofac.size(), 14484u);  // the February version's records, none linked
  // A February designation: after the January version, by the February one.
  const nlohmann::json& feb = ofac.at("us_ofac_sdn-37809");
  EXPECT_EQ(feb["listed_on"], nullptr);
  EXPECT_EQ(feb["seen"], (nlohmann::json{{"after", "2024-01-31"}, {"by", "2024-02-23"}}));
  // Listed in January already: on or before 2024-01-31.
  EXPECT_EQ(ofac.at("us_ofac_sdn-10000")["seen"],
            (nlohmann::json{{"after", nullptr}, {"by", "2024-01-31"}}));
  size_t february = 0;
  for (const auto& [id, listing] : ofac)
    february += listing["seen"]["after"] == "2024-01-31" ? 1 : 0;
  EXPECT_EQ(february, 584u);  // the entities the February version added

  EXPECT_TRUE(
      csv.str().starts_with("target,caption,kind,regimes,jurisdictions,us_ofac_sdn_ids,"
                            "us_ofac_sdn_programs,us_ofac_sdn_listed_on,us_ofac_sdn_seen\n"))
      << csv.str().substr(0, 200);
  EXPECT_NE(csv.str().find(",,2024-01-31..2024-02-23\n"), std::string::npos);
}

TEST(GapsCommandTest, WritesTheCoverageMatrixAsCsv) {
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunGaps(UnDprkArgs("csv"), out, err), 0) << err.str();
  std::string csv = out.str();
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 156);
  EXPECT_TRUE(csv.starts_with("target,caption,kind,regimes,jurisdictions,un_sc_sanctions_ids,"))
      << csv.substr(0, 200);
}

TEST(GapsCommandTest, WritesTheHtmlPageToAFile) {
  cli::GapsArgs args = UnDprkArgs("html");
  args.out = (std::filesystem::temp_directory_path() / "embargo-gaps-command-test.html").string();
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunGaps(args, out, err), 0) << err.str();
  EXPECT_EQ(out.str(), "");
  std::ifstream in(args.out);
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<b id=\"kpi-targets\">155</b>"), std::string::npos);
  std::filesystem::remove(args.out);
}

TEST(GapsCommandTest, RejectsAnUnknownRegime) {
  cli::GapsArgs args = UnDprkArgs("json");
  args.regime = "atlantis";
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunGaps(args, out, err), 2);
  EXPECT_TRUE(err.str().starts_with("embargo gaps: unknown regime 'atlantis' (known: DPRK, IRAN, "))
      << err.str();
}

TEST(GapsCommandTest, RejectsAnUnknownFormat) {
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunGaps(UnDprkArgs("pdf"), out, err), 2);
  EXPECT_EQ(err.str(), "embargo gaps: --format must be json, csv or html\n");
}

TEST(GapsCommandTest, NamesTheListThatCannotBeRead) {
  cli::GapsArgs args = UnDprkArgs("json");
  args.source.lists = {testing::TestData("lists/broken-quote.csv")};
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunGaps(args, out, err), 1);
  EXPECT_TRUE(err.str().starts_with("embargo gaps: " + testing::TestData("lists/broken-quote.csv")))
      << err.str();
}

TEST(GapsCommandTest, NamesTheOutputFileThatCannotBeWritten) {
  cli::GapsArgs args = UnDprkArgs("html");
  args.out = "/nonexistent-embargo-dir/gaps.html";
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunGaps(args, out, err), 1);
  EXPECT_EQ(err.str().substr(err.str().find("embargo gaps:")),
            "embargo gaps: /nonexistent-embargo-dir/gaps.html: cannot write file (No such file or "
            "directory)\n");
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace embargo::xref
