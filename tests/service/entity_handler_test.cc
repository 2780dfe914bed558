// GET /entities/{id} on the reference lists: FtM output, links resolved by
// name within the dataset, and the 404.
#include "service/entity_handler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>

#include "service/cross_links.h"
#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

TEST(EntityHandlerTest, ReturnsUnPersonAsFtmWithPassport) {
  Response r = HandleEntity(ReferenceSnapshot(), "un_sc_sanctions-KPi.055");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["id"], "un_sc_sanctions-KPi.055");
  EXPECT_EQ(r.body["caption"], "HAN JANG SU");
  EXPECT_EQ(r.body["schema"], "Person");
  EXPECT_EQ(r.body["datasets"], nlohmann::json::array({"un_sc_sanctions"}));
  EXPECT_EQ(r.body["properties"]["passportNumber"], nlohmann::json::array({"745420176"}));
  EXPECT_EQ(r.body["links"], nlohmann::json::array());
}

// The same person on OFAC's, the UK's and Australia's lists, each tied by
// passport, with the evidence; and for each list without a counterpart, the
// closest record and why.
TEST(EntityHandlerTest, ShowsTheCounterpartsOnOtherListsWithTheEvidence) {
  Response r = HandleEntity(ReferenceSnapshot(), "un_sc_sanctions-KPi.055");
  ASSERT_EQ(r.status, 200);
  const nlohmann::json& xref = r.body["xref"];
  ASSERT_EQ(xref["counterparts"].size(), 3u) << xref.dump(1);
  EXPECT_EQ(xref["counterparts"][0]["id"], "au_dfat_sanctions-3271");
  EXPECT_EQ(xref["counterparts"][1]["id"], "gb_hmt_sanctions-13528");
  EXPECT_EQ(xref["counterparts"][2]["id"], "us_ofac_sdn-21749");
  EXPECT_EQ(xref["counterparts"][2]["names"], nlohmann::json::array({"HAN, Jang Su"}));
  // Every pair of the four records shares the passport: six links.
  ASSERT_EQ(xref["links"].size(), 6u) << xref["links"].dump(1);
  bool kp_evidence = false;
  for (const nlohmann::json& link : xref["links"]) {
    EXPECT_EQ(link["method"], "identifier");
    EXPECT_EQ(link["evidence"][0], "passport 745420176");
    kp_evidence |= std::find(link["evidence"].begin(), link["evidence"].end(), "nationality kp") !=
                   link["evidence"].end();
  }
  EXPECT_TRUE(kp_evidence);
  std::set<std::string> without;
  for (const nlohmann::json& u : xref["unlinked"]) {
    without.insert(u["other_dataset"].get<std::string>());
    EXPECT_FALSE(u["why"].get<std::string>().empty());
  }
  EXPECT_EQ(without.count("us_ofac_sdn"), 0u);
  EXPECT_EQ(without.count("us_trade_csl"), 1u);
  EXPECT_EQ(without.count("un_sc_sanctions"), 0u);
}

// While the server works out the cross-list links (after a load or a
// reload), /entities answers at once without them and says when to ask
// again: it waited 20-46 s on a busy machine.
TEST(EntityHandlerTest, WhileTheCrossLinksAreWorkedOutTheEntityIsAnsweredAtOnce) {
  ServingSnapshot fresh = ReferenceSnapshot();
  fresh.cross_links = std::make_shared<CrossLinks>();
  std::thread worker([&] { fresh.cross_links->Get(fresh.screener->lists()); });
  while (!fresh.cross_links->computing() && !fresh.cross_links->computed())
    std::this_thread::yield();
  if (fresh.cross_links->computing()) {
    Response r = HandleEntity(fresh, "un_sc_sanctions-KPi.055");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body["caption"], "HAN JANG SU");
    EXPECT_EQ(r.body["xref"]["status"], "pending");
    EXPECT_NE(std::find(r.headers.begin(), r.headers.end(),
                        std::pair<std::string, std::string>{"Retry-After", "10"}),
              r.headers.end());
  }
  worker.join();
  Response r = HandleEntity(fresh, "un_sc_sanctions-KPi.055");
  EXPECT_FALSE(r.body["xref"].contains("status")) << r.body["xref"].dump().substr(0, 200);
  EXPECT_TRUE(r.headers.empty());
}

TEST(EntityHandlerTest, OfacLinkedToResolvesTargetByExactPrimaryName) {
  // SDN 2686 NASRALLAH, Hasan: "Linked To: HIZBALLAH." names SDN 4697.
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-2686");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["caption"], "NASRALLAH, Hasan");
  ASSERT_EQ(r.body["links"].size(), 1u);
  const nlohmann::json& link = r.body["links"][0];
  EXPECT_EQ(link["relation"], "linked_to");
  EXPECT_EQ(link["target_name"], "HIZBALLAH");
  EXPECT_EQ(link["target_id"], "us_ofac_sdn-4697");
  EXPECT_EQ(link["target"]["id"], "us_ofac_sdn-4697");
  EXPECT_EQ(link["target"]["caption"], "HIZBALLAH");
  EXPECT_EQ(link["target"]["schema"], "Organization");
  EXPECT_FALSE(link["target"].contains("links"));
}

TEST(EntityHandlerTest, LinkNameLessTheFinalPeriodOfAnAbbreviationResolves) {
  // SDN 11755's remarks end "Linked To: SAAVEDRA Y CIA. S. EN C."; the
  // remark's final period is dropped, so the link reads "... S. EN C" and
  // names SDN 11773 "SAAVEDRA Y CIA. S. EN C.".
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-11755");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["links"].size(), 2u);
  const nlohmann::json& link = r.body["links"][1];
  EXPECT_EQ(link["target_name"], "SAAVEDRA Y CIA. S. EN C");
  EXPECT_EQ(link["target_id"], "us_ofac_sdn-11773");
  EXPECT_EQ(link["target"]["caption"], "SAAVEDRA Y CIA. S. EN C.");
}

TEST(EntityHandlerTest, EveryLinkOfAnEntityIsResolvedOnItsOwn) {
  // SDN 12892: "Linked To: IMPORTADORA SILVANIA, C.A.; Linked To: BODEGA
  // MICHIGAN." The first names SDN 12895 "IMPORTADORA SILVANIA, C.A.", not
  // SDN 12894 "IMPORTADORA SILVANIA"; the second SDN 12896.
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-12892");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["links"].size(), 2u);
  EXPECT_EQ(r.body["links"][0]["target_name"], "IMPORTADORA SILVANIA, C.A.");
  EXPECT_EQ(r.body["links"][0]["target_id"], "us_ofac_sdn-12895");
  EXPECT_EQ(r.body["links"][1]["target_name"], "BODEGA MICHIGAN");
  EXPECT_EQ(r.body["links"][1]["target_id"], "us_ofac_sdn-12896");
}

TEST(EntityHandlerTest, LinkNameSharedByTwoEntitiesStaysUnresolved) {
  // SDN 20130: "Linked To: MINISTRY OF STATE SECURITY." is the primary name
  // of both SDN 20129 (DPRK) and SDN 25437 (Russia).
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-20130");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["links"].size(), 1u);
  const nlohmann::json& link = r.body["links"][0];
  EXPECT_EQ(link["target_name"], "MINISTRY OF STATE SECURITY");
  EXPECT_TRUE(link["target_id"].is_null());
  EXPECT_TRUE(link["target"].is_null());
}

TEST(EntityHandlerTest, LinkNameThatIsNoPrimaryNameStaysUnresolved) {
  // SDN 27018: "Linked To: PRESIDENCY OF DEFENSE INDUSTRIES.", which is
  // no SDN entry's primary name.
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-27018");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["links"].size(), 1u);
  EXPECT_EQ(r.body["links"][0]["relation"], "linked_to");
  EXPECT_TRUE(r.body["links"][0]["target_id"].is_null());
  EXPECT_TRUE(r.body["links"][0]["target"].is_null());
}

TEST(EntityHandlerTest, UnknownIdIs404WithDetail) {
  Response r = HandleEntity(ReferenceSnapshot(), "us_ofac_sdn-0");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, (nlohmann::json{{"detail", "Entity not found: us_ofac_sdn-0"}}));
}

TEST(EntityHandlerTest, EmptyIdIs404) {
  Response r = HandleEntity(ReferenceSnapshot(), "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, (nlohmann::json{{"detail", "Entity not found: "}}));
}

}  // namespace
}  // namespace embargo::service
