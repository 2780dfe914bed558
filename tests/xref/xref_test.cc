#include "xref/xref.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "test_paths.h"

namespace embargo::xref {
namespace {

constexpr std::string_view kUn = "un_sc_sanctions";
constexpr std::string_view kOfac = "us_ofac_sdn";

// The UN list and the OFAC 2021-07 bundle, linked three ways once per test
// binary: identifiers and names, identifiers only, names only.
struct Reference {
  ListSet lists;
  XrefResult full, identifiers_only, names_only;
  double seconds = 0;  // the full run
};

const Reference& UnOfac() {
  static const Reference* ref = [] {
    auto lists = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                            testing::SharedData("ofac/sdn-2021-07")});
    EXPECT_TRUE(lists.ok()) << lists.error().ToString();
    auto* r = new Reference{std::move(*lists)};
    auto start = std::chrono::steady_clock::now();
    r->full = LinkLists(r->lists);
    r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r->identifiers_only = LinkLists(r->lists, {.use_names = false});
    r->names_only = LinkLists(r->lists, {.use_identifiers = false});
    return r;
  }();
  return *ref;
}

size_t IndexOf(const ListSet& lists, std::string_view id) {
  for (size_t i = 0; i < lists.entities.size(); ++i) {
    if (lists.entities[i].id == id) return i;
  }
  ADD_FAILURE() << "no entity " << id;
  return 0;
}

// UN record -> OFAC record, from the links of one run.
std::map<size_t, std::vector<size_t>> UnToOfac(const ListSet& lists, const XrefResult& r) {
  std::map<size_t, std::vector<size_t>> out;
  for (const Link& link : r.links) {
    size_t a = link.a, b = link.b;
    if (lists.entities[a].dataset != kUn) std::swap(a, b);
    if (lists.entities[a].dataset == kUn && lists.entities[b].dataset == kOfac) out[a].push_back(b);
  }
  return out;
}

size_t CountMethod(const XrefResult& r, LinkMethod method) {
  return std::count_if(r.links.begin(), r.links.end(),
                       [method](const Link& l) { return l.method == method; });
}

const Entity* Counterpart(const ListSet& lists, const XrefResult& r, std::string_view id,
                          std::string_view dataset) {
  size_t e = IndexOf(lists, id);
  for (const Cluster& c : r.clusters) {
    if (std::find(c.members.begin(), c.members.end(), e) == c.members.end()) continue;
    for (size_t m : c.members) {
      if (lists.entities[m].dataset == dataset) return &lists.entities[m];
    }
  }
  return nullptr;
}

TEST(XrefReferenceTest, MeasuresUnAgainstOfac) {
  const Reference& ref = UnOfac();
  auto truth = UnToOfac(ref.lists, ref.identifiers_only);
  auto by_name = UnToOfac(ref.lists, ref.names_only);
  size_t agreeing = 0, name_linked = 0;
  for (const auto& [un, ofac] : truth) {
    auto it = by_name.find(un);
    if (it == by_name.end()) {
      if (std::getenv("EMBARGO_XREF_VERBOSE"))
        std::cout << "missed: " << ref.lists.entities[un].id << " id-> "
                  << ref.lists.entities[ofac.front()].id << "\n";
      continue;
    }
    ++name_linked;
    if (std::find(ofac.begin(), ofac.end(), it->second.front()) != ofac.end()) {
      ++agreeing;
    } else if (std::getenv("EMBARGO_XREF_VERBOSE")) {
      std::cout << "disagree: " << ref.lists.entities[un].id << " name-> "
                << ref.lists.entities[it->second.front()].id << " id-> "
                << ref.lists.entities[ofac.front()].id << "\n";
    }
  }
  double precision = name_linked ? double(agreeing) / name_linked : 0;
  double recall = truth.empty() ? 0 : double(agreeing) / truth.size();
  std::cout << "links " << ref.full.links.size() << " (identifier "
            << CountMethod(ref.full, LinkMethod::kIdentifier) << ", name "
            << CountMethod(ref.full, LinkMethod::kName) << "), clusters "
            << ref.full.clusters.size() << ", ambiguous " << ref.full.ambiguous.size()
            << ", UN records linked to OFAC " << UnToOfac(ref.lists, ref.full).size()
            << ", by identifier " << truth.size() << ", by name only " << by_name.size()
            << "; name-only precision " << agreeing << "/" << name_linked << " = " << precision
            << ", recall " << agreeing << "/" << truth.size() << " = " << recall << "; "
            << ref.seconds << " s\n";
  // Precision: of the UN records an identifier ties to an OFAC record, the
  // share whose name-only link points to that same record.
  EXPECT_GE(precision, 0.99);
  EXPECT_GE(recall, 0.97);
  EXPECT_GE(truth.size(), 140u);
  EXPECT_GE(CountMethod(ref.full, LinkMethod::kName), 550u);
}

TEST(XrefReferenceTest, LinksUnAndOfacRecordsSharingAPassport) {
  const Reference& ref = UnOfac();
  size_t un = IndexOf(ref.lists, "un_sc_sanctions-KPi.055");
  auto it = std::find_if(ref.full.links.begin(), ref.full.links.end(),
                         [un](const Link& l) { return l.a == un || l.b == un; });
  ASSERT_NE(it, ref.full.links.end());
  const Entity& other = ref.lists.entities[it->a == un ? it->b : it->a];
  EXPECT_EQ(other.dataset, kOfac);
  EXPECT_EQ(other.caption(), "HAN, Jang Su");
  EXPECT_EQ(it->method, LinkMethod::kIdentifier);
  EXPECT_EQ(it->evidence[0], "passport 745420176");
}

TEST(XrefReferenceTest, AValueTwoUnRecordsCarryLinksOnlyTheNamesake) {
  // The UN gives Tabatabaei's passports 6620505 and 9003213 to Azim Aghajani
  // (IRi.003) as well; OFAC lists Aghajani under "AGHAJANI, Hosein".
  const Reference& ref = UnOfac();
  const Entity* aghajani = Counterpart(ref.lists, ref.full, "un_sc_sanctions-IRi.003", kOfac);
  const Entity* tabatabaei = Counterpart(ref.lists, ref.full, "un_sc_sanctions-IRi.041", kOfac);
  ASSERT_NE(aghajani, nullptr);
  ASSERT_NE(tabatabaei, nullptr);
  EXPECT_EQ(aghajani->id, "us_ofac_sdn-13105");
  EXPECT_EQ(tabatabaei->id, "us_ofac_sdn-13106");
  size_t un = IndexOf(ref.lists, "un_sc_sanctions-IRi.003");
  auto it = std::find_if(ref.full.ambiguous.begin(), ref.full.ambiguous.end(),
                         [un](const Ambiguity& a) { return a.entity == un; });
  ASSERT_NE(it, ref.full.ambiguous.end());
  EXPECT_EQ(it->why,
            "passport 6620505 is also carried by un_sc_sanctions-IRi.041 on un_sc_sanctions, and "
            "the names of un_sc_sanctions-IRi.003 and us_ofac_sdn-13106 share no part");
}

TEST(XrefReferenceTest, BirthDatesOneDayApartDoNotBlockANameLink) {
  // UN KPi.055 is born 1969-11-07, OFAC's HAN, Jang Su 1969-11-08: same passport.
  const Reference& ref = UnOfac();
  size_t un = IndexOf(ref.lists, "un_sc_sanctions-KPi.055");
  auto it = std::find_if(ref.names_only.links.begin(), ref.names_only.links.end(),
                         [un](const Link& l) { return l.a == un || l.b == un; });
  ASSERT_NE(it, ref.names_only.links.end());
  EXPECT_EQ(ref.lists.entities[it->b].caption(), "HAN, Jang Su");
  EXPECT_NE(std::find(it->evidence.begin(), it->evidence.end(),
                      "birth dates one day apart (1969-11-07 / 1969-11-08)"),
            it->evidence.end());
}

TEST(XrefReferenceTest, ClustersHoldEveryLinkedRecordOnce) {
  const Reference& ref = UnOfac();
  std::vector<int> seen(ref.lists.entities.size());
  size_t links = 0;
  for (const Cluster& c : ref.full.clusters) {
    EXPECT_GE(c.members.size(), 2u);
    for (size_t m : c.members) ++seen[m];
    links += c.links.size();
  }
  EXPECT_EQ(links, ref.full.links.size());
  for (const Link& l : ref.full.links) {
    EXPECT_LT(l.a, l.b);
    EXPECT_NE(ref.lists.entities[l.a].dataset, ref.lists.entities[l.b].dataset);
    EXPECT_EQ(seen[l.a], 1);
    EXPECT_EQ(seen[l.b], 1);
  }
}

TEST(XrefReferenceTest, ListsTheUnDprkRecordsWithNoOfacCounterpartAndWhy) {
  const Reference& ref = UnOfac();
  std::vector<Unlinked> gap = ExplainUnlinked(ref.lists, ref.full, kUn, kOfac, "KP");
  for (const Unlinked& u : gap) {
    std::cout << ref.lists.entities[u.entity].source_id << " " << UnlinkedReasonName(u.reason)
              << ": " << u.why << "\n";
    EXPECT_TRUE(ref.lists.entities[u.entity].source_id.starts_with("KP"));
    EXPECT_FALSE(u.why.empty());
  }
  // Exactly these three: KUMRYONG is an alias of KOMID on OFAC (which the
  // UN lists apart), and the two people are not on the 2021-07 SDN list
  // under any spelling. (The Ministry of National Defence is OFAC's
  // MINISTRY OF PEOPLE'S ARMED FORCES, its former name on the UN list:
  // XrefReferenceTest.AFormerNameWithAnAcronymInBracketsLinks.)
  std::map<std::string, std::pair<UnlinkedReason, std::string>> expected = {
      {"KPe.014", {UnlinkedReason::kConflict, "us_ofac_sdn-9345"}},
      {"KPi.003", {UnlinkedReason::kNoCandidate, ""}},
      {"KPi.005", {UnlinkedReason::kNoCandidate, ""}}};
  ASSERT_EQ(gap.size(), expected.size());
  for (const Unlinked& u : gap) {
    const Entity& e = ref.lists.entities[u.entity];
    auto it = expected.find(e.source_id);
    ASSERT_NE(it, expected.end()) << e.source_id;
    EXPECT_EQ(u.reason, it->second.first) << e.source_id;
    const std::string& closest = it->second.second;
    if (!closest.empty()) {
      ASSERT_TRUE(u.closest.has_value()) << e.source_id;
      EXPECT_EQ(ref.lists.entities[*u.closest].id, closest);
    } else {
      // No OFAC record's name comes close enough to be named (their best
      // shared a syllable or two: 'LAO, Ssu' at 0.05 for HWANG SOK-HWA).
      EXPECT_FALSE(u.closest.has_value()) << e.source_id;
      EXPECT_NE(u.why.find("no us_ofac_sdn record's name comes within 0.50"), std::string::npos)
          << u.why;
    }
  }
}

// The UN lists the DPRK's Ministry of National Defence with its former name
// "MINISTRY OF THE PEOPLE’S ARMED FORCES (MPAF)" (a typographic apostrophe
// and the acronym in brackets); OFAC lists it under that former name.
TEST(XrefReferenceTest, AFormerNameWithAnAcronymInBracketsLinks) {
  const Reference& ref = UnOfac();
  const Entity* counterpart = Counterpart(ref.lists, ref.full, "un_sc_sanctions-KPe.054", kOfac);
  ASSERT_NE(counterpart, nullptr);
  EXPECT_EQ(counterpart->id, "us_ofac_sdn-22285");
  EXPECT_EQ(counterpart->caption(), "MINISTRY OF PEOPLE'S ARMED FORCES");
}

// OFAC abbreviates "SHIPPING" as "SHPG"; the UN spells it out.
TEST(XrefReferenceTest, OfacAbbreviationsDoNotHideACounterpart) {
  const Reference& ref = UnOfac();
  for (auto [un, ofac] : {std::pair{"un_sc_sanctions-KPe.072", "SHANGHAI DONGFENG SHPG CO LTD"},
                          std::pair{"un_sc_sanctions-KPe.073", "SHEN ZHONG INTERNATIONAL SHPG"}}) {
    const Entity* counterpart = Counterpart(ref.lists, ref.full, un, kOfac);
    ASSERT_NE(counterpart, nullptr) << un;
    EXPECT_EQ(counterpart->caption(), ofac);
  }
}

// Users' own lists join the clusters: a Korean list typed in embargo's CSV
// format (one entry in Hangul only, one with a passport) and a Japanese one
// in its JSON format (katakana beside the romanised name).
TEST(XrefUserListTest, HangulAndKanaEntriesClusterWithUnAndOfac) {
  auto dir = std::filesystem::temp_directory_path() /
             ("embargo-xref-user-list-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "kr.csv") << "id,name,dataset,schema,birth_date,nationality,passport\n"
                                   "KR-1,리원호,kr_watch,Person,1964-07-17,kp,\n"
                                   "KR-2,한장수,kr_watch,Person,,,745420176\n";
  std::ofstream(dir / "jp.json")
      << R"({"dataset": "jp_watch", "entities": [{"id": "JP-7", "schema": "Person", )"
      << R"("names": ["リ・ウォンホ", "RI Won Ho"], "birth_dates": ["1964-07-17"]}]})";
  auto lists = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                          testing::SharedData("ofac/sdn-2021-07"), (dir / "kr.csv").string(),
                          (dir / "jp.json").string()});
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  XrefResult r = LinkLists(*lists);

  // 리원호 (Hangul only) and リ・ウォンホ / RI Won Ho: one cluster of four lists.
  const Entity* un = Counterpart(*lists, r, "kr_watch-KR-1", kUn);
  const Entity* ofac = Counterpart(*lists, r, "kr_watch-KR-1", kOfac);
  const Entity* jp = Counterpart(*lists, r, "kr_watch-KR-1", "jp_watch");
  ASSERT_NE(un, nullptr);
  ASSERT_NE(ofac, nullptr);
  ASSERT_NE(jp, nullptr);
  EXPECT_EQ(un->id, "un_sc_sanctions-KPi.033");
  EXPECT_EQ(ofac->caption(), "RI, Won Ho");
  EXPECT_EQ(jp->id, "jp_watch-JP-7");

  // 한장수 with HAN JANG SU's passport: linked by the identifier.
  size_t han = IndexOf(*lists, "kr_watch-KR-2");
  size_t han_un = IndexOf(*lists, "un_sc_sanctions-KPi.055");
  auto link = std::find_if(r.links.begin(), r.links.end(), [&](const Link& l) {
    return std::minmax(l.a, l.b) == std::minmax(han, han_un);
  });
  ASSERT_NE(link, r.links.end());
  EXPECT_EQ(link->method, LinkMethod::kIdentifier);
  EXPECT_EQ(link->evidence.front(), "passport 745420176");
}

}  // namespace
}  // namespace embargo::xref
