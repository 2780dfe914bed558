// A screening record's certificate: what was screened, the list versions,
// the candidates, and the audit row that records its batch (with the
// batch's digest), every text escaped; none for a record whose audit row
// is not there.
#include "store/screening_certificate.h"

#include <gtest/gtest.h>

#include "store/test_store.h"

namespace embargo::store {
namespace {

class ScreeningCertificateTest : public testing::StoreTest {};

TEST_P(ScreeningCertificateTest, NamesTheSubjectTheListsTheResultAndItsAuditRow) {
  ScreeningRecord r;
  r.at = "2026-12-06T09:30:00.000Z";
  r.actor = "ana";
  r.channel = "api";
  r.kind = "name";
  r.subject = R"({"key":"q","schema":"Person","properties":{"name":["<b>Lee</b> Won-ho"],)"
              R"("birthDate":["1964-07-17"]}})";
  r.versions = R"({"un_sc_sanctions":{"source":"un_sc_sanctions@1","published":"2026-02-27"}})";
  r.outcome = "alert";
  r.result = R"({"threshold":0.8,"warnings":[],"candidates":[{"id":"un_sc_sanctions-KPi.033",)"
             R"("caption":"RI WON HO","dataset":"un_sc_sanctions","score":0.91,"match":true,)"
             R"("matched_name":"RI WON HO"}]})";
  std::vector<ScreeningRecord> records{r};
  auto recorded = RecordScreenings(db(), records);
  ASSERT_TRUE(recorded.ok()) << recorded.error().ToString();

  // The record as read back: the certificate of what the store holds.
  auto read = [&] {
    auto stored = GetScreening(db(), recorded->first_id);
    EXPECT_TRUE(stored.ok() && stored->has_value());
    return stored.ok() && stored->has_value() ? **stored : ScreeningRecord{};
  };
  ScreeningRecord stored = read();
  EXPECT_EQ(stored.audit_seq, recorded->audit_seq);
  auto page = ScreeningCertificate(db(), stored);
  ASSERT_TRUE(page.ok()) << page.error().ToString();
  const std::string& html = *page;
  auto row = db().Query("SELECT hash, details FROM audit_log WHERE seq = ?", {recorded->audit_seq});
  ASSERT_TRUE(row.ok() && row->size() == 1u);
  const std::string digest =
      nlohmann::json::parse(row->front().Text(1))["screenings"]["sha256"].get<std::string>();
  for (const std::string& expected :
       {std::string("Screening record 1 · 2026-12-06T09:30:00.000Z · by ana · through the HTTP "
                    "API"),
        std::string("<td>name</td><td>&lt;b&gt;Lee&lt;/b&gt; Won-ho</td>"),
        std::string("<td>birthDate</td><td>1964-07-17</td>"),
        std::string("<td>un_sc_sanctions</td><td>un_sc_sanctions@1</td><td>2026-02-27</td>"),
        std::string("<b>Outcome: alert</b>"),
        std::string("<td>0.91</td><td>yes</td><td>un_sc_sanctions-KPi.033 (RI WON HO)</td>"),
        std::string("<td>Audit row</td><td>") + std::to_string(recorded->audit_seq) + "</td>",
        "<td>Row hash</td><td>" + row->front().Text(0) + "</td>",
        "<td>The batch&#39;s SHA-256</td><td>" + digest + "</td>"}) {
    EXPECT_NE(html.find(expected), std::string::npos) << expected << "\n" << html;
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>Lee"), std::string::npos) << "the name is text, not markup";

  EXPECT_NE(html.find("hash to it: unchanged since recorded"), std::string::npos);

  // Edited outside embargo: the certificate says so instead of vouching.
  store_->ExecOutside("UPDATE screenings SET outcome = 'clear'");
  auto tampered = ScreeningCertificate(db(), read());
  ASSERT_TRUE(tampered.ok());
  EXPECT_NE(tampered->find("DO NOT hash to it: changed outside embargo"), std::string::npos);
  EXPECT_NE(tampered->find("do not rely on this certificate"), std::string::npos);

  // A record naming an audit row that is not there has no certificate.
  ScreeningRecord orphan = stored;
  orphan.audit_seq = 99;
  auto none = ScreeningCertificate(db(), orphan);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "screening record 1 names audit row 99, which is not there");
}

EMBARGO_STORE_BACKENDS(ScreeningCertificateTest);

}  // namespace
}  // namespace embargo::store
