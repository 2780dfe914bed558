#include "eval/validation_html.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "chromium.h"

namespace embargo::eval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json Figures(double threshold, double recall, double rank1, double alerts) {
  json group = {{"rows", 4}, {"found", 3}, {"rank1", 3}, {"recall", recall}, {"rank1_rate", rank1}};
  return {{"threshold", threshold},
          {"overall", group},
          {"false_alerts", {{"negatives", 1000}, {"alerted", 2}, {"rate", alerts}}},
          {"by_class", {{"exact", group}, {"spelling", group}}},
          {"by_source", {{"uk>un", group}}},
          {"by_source_class", {{"uk>un", {{"exact", group}}}}},
          {"sweep",
           {{{"threshold", 0.5}, {"recall", 0.9}, {"alert_rate", 0.02}},
            {{"threshold", 0.8}, {"recall", recall}, {"alert_rate", alerts}}}}};
}

// A report as IndependentEvalJson writes one, with numbers chosen by hand.
json Report() {
  return {{"with_evidence", false},
          {"datasets",
           {{{"name", "gb_hmt_sanctions"},
             {"format", "ofsi_csv"},
             {"version_date", "2018-04-13"},
             {"path", "uk/<ofsi>.csv"},
             {"entities", 2106},
             {"names", 5553}}}},
          {"deck",
           {{"rows", 4},
            {"negatives", 1000},
            {"baseline_negatives", 500},
            {"by_source", {{"uk>un", 4}}},
            {"by_class", {{"exact", 2}, {"spelling", 2}}},
            {"by_link", {{"un_reference", 4}}}}},
          {"engine", Figures(0.8, 0.975, 0.95, 0.0012)},
          {"baseline", Figures(0.8, 0.6125, 0.6, 0.034)},
          {"seconds", {{"engine", 1.0}, {"baseline", 2.0}}},
          {"misses",
           {{{"id", "uk>un-000004"},
             {"query", "SANSRI <b>"},
             {"source", "uk>un"},
             {"class", "different"},
             {"expected_id", "un_sc_sanctions-KPe.018"},
             {"expected_name", "SECOND ACADEMY OF NATURAL SCIENCES"},
             {"expected_score", -1},
             {"top_entity", ""},
             {"top_name", ""},
             {"top_score", -1}}}},
          {"false_alerts", json::array()}};
}

TEST(ValidationHtmlTest, IsSelfContainedAndEscapes) {
  std::string html = ValidationReportHtml(Report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("SANSRI &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html.find("uk/&lt;ofsi&gt;.csv"), std::string::npos);
}

TEST(ValidationHtmlTest, PercentHasTwoDecimals) {
  EXPECT_EQ(Percent(0.975), "97.50%");
  EXPECT_EQ(Percent(0.0012), "0.12%");
}

// The text of the element with id `id` in the DOM Chromium dumped.
std::string TextById(const std::string& dom, const std::string& id) {
  std::smatch match;
  std::regex pattern("id=\"" + id + "\"[^>]*>([^<]*)<");
  return std::regex_search(dom, match, pattern) ? match[1].str() : "(no element " + id + ")";
}

TEST(ValidationHtmlTest, ChromiumShowsTheNumbersOfTheJson) {
  ASSERT_TRUE(fs::exists(testing::kChromium))
      << testing::kChromium << " is missing: apt-get install -y chromium (make deps)";
  fs::path dir = fs::temp_directory_path() / ("embargo-validate-html-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  json report = Report();
  std::ofstream(dir / "report.html") << ValidationReportHtml(report);
  ASSERT_EQ(std::system(testing::ChromiumCommand(dir / "report.html", dir).c_str()), 0)
      << testing::ReadAll(dir / "report.log");
  std::string dom = testing::ReadAll(dir / "report.dom");
  EXPECT_GT(fs::file_size(dir / "report.png"), 10000u);
  fs::remove_all(dir);

  EXPECT_EQ(TextById(dom, "kpi-engine-recall"),
            Percent(report["engine"]["overall"]["recall"].get<double>()));
  EXPECT_EQ(TextById(dom, "kpi-baseline-recall"),
            Percent(report["baseline"]["overall"]["recall"].get<double>()));
  EXPECT_EQ(TextById(dom, "kpi-engine-alerts"),
            Percent(report["engine"]["false_alerts"]["rate"].get<double>()));
  EXPECT_EQ(TextById(dom, "kpi-baseline-alerts"),
            Percent(report["baseline"]["false_alerts"]["rate"].get<double>()));
  EXPECT_EQ(TextById(dom, "class-spelling-engine"),
            Percent(report["engine"]["by_class"]["spelling"]["recall"].get<double>()));
  EXPECT_EQ(TextById(dom, "source-uk-un-baseline"),
            Percent(report["baseline"]["by_source"]["uk>un"]["recall"].get<double>()));
  EXPECT_EQ(TextById(dom, "deck-class-exact"),
            std::to_string(report["deck"]["by_class"]["exact"].get<int>()));
}

}  // namespace
}  // namespace embargo::eval
