#include "xref/gaps_html.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <png.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

#include "chromium.h"
#include "embargo/lists.h"
#include "test_paths.h"

namespace embargo::xref {
namespace {

namespace fs = std::filesystem;
using ::embargo::testing::ChromiumCommand;
using ::embargo::testing::kChromium;
using ::embargo::testing::ReadAll;

constexpr std::string_view kUn = "un_sc_sanctions";
constexpr std::string_view kOfac = "us_ofac_sdn";
constexpr std::string_view kUser = "kr_fsc";

// ---------------------------------------------------------------------------
// Test data: the UN list, OFAC SDN 2021-07, and a user list copied from the
// first 30 UN DPRK records, each listed some days after (or before) the UN.

constexpr int kYearShift[] = {1, 0, -1};

const ListSet& Lists() {
  static const ListSet* lists = [] {
    auto loaded = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                             testing::SharedData("ofac/sdn-2021-07")});
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    auto* out = new ListSet(loaded.ok() ? std::move(*loaded) : ListSet{});
    out->datasets.push_back({std::string(kUser), "embargo_list", "", "2026-01-01", 0, 0});
    std::vector<Entity> copies;
    for (const Entity& e : out->entities) {
      if (e.dataset != kUn || !e.source_id.starts_with("KP") || copies.size() == 30) continue;
      Entity copy = e;
      copy.dataset = std::string(kUser);
      copy.id = copy.dataset + "-" + e.source_id;
      copy.programs = {"North Korea"};
      int year = std::stoi(e.listed_on.substr(0, 4)) + kYearShift[copies.size() % 3];
      copy.listed_on = fmt::format("{}{}", year, e.listed_on.substr(4));
      copies.push_back(std::move(copy));
    }
    out->entities.insert(out->entities.end(), copies.begin(), copies.end());
    return out;
  }();
  return *lists;
}

// Each copy linked to its UN record; KPi.055 HAN JANG SU also to OFAC.
XrefResult Links(const ListSet& lists) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < lists.entities.size(); ++i) index[lists.entities[i].id] = i;
  size_t han_ofac = lists.entities.size();
  for (size_t i = 0; i < lists.entities.size(); ++i)
    for (const Identifier& id : lists.entities[i].identifiers)
      if (lists.entities[i].dataset == kOfac && id.value == "745420176") han_ofac = i;
  XrefResult xref;
  for (size_t i = 0; i < lists.entities.size(); ++i) {
    const Entity& e = lists.entities[i];
    if (e.dataset != kUser) continue;
    size_t un = index.at(std::string(kUn) + "-" + e.source_id);
    xref.links.push_back({un, i, LinkMethod::kName, 0.95, {}});
    xref.clusters.push_back({{un, i}, {xref.links.size() - 1}});
    if (e.source_id == "KPi.055") xref.clusters.back().members.push_back(han_ofac);
  }
  return xref;
}

const GapReport& Report() {
  static const GapReport* report =
      new GapReport(BuildGapReport(Lists(), Links(Lists()), {.regime = "DPRK"}));
  return *report;
}

// The numbers the page shows by element id (`id="x">123<`), read back from
// HTML text.
std::map<std::string, long> NumbersById(const std::string& html) {
  std::map<std::string, long> out;
  for (size_t at = html.find("id=\""); at != std::string::npos; at = html.find("id=\"", at)) {
    size_t name_end = html.find('"', at + 4);
    if (name_end == std::string::npos || html.compare(name_end, 2, "\">") != 0) {
      at += 4;
      continue;
    }
    size_t digits = name_end + 2, end = digits;
    while (end < html.size() && std::isdigit(static_cast<unsigned char>(html[end]))) ++end;
    size_t after = end;
    while (after < html.size() && std::isspace(static_cast<unsigned char>(html[after]))) ++after;
    if (end > digits && after < html.size() && html[after] == '<')
      out[html.substr(at + 4, name_end - at - 4)] = std::stol(html.substr(digits, end - digits));
    at = name_end;
  }
  return out;
}

// The same numbers, from the JSON.
std::map<std::string, long> ExpectedNumbers(const nlohmann::json& j) {
  std::map<std::string, long> out;
  const nlohmann::json& s = j["summary"];
  out["kpi-targets"] = s["targets"];
  out["kpi-linked"] = s["linked_targets"];
  for (const auto& [kind, count] : s["by_kind"].items()) out["kpi-" + kind] = count;
  const nlohmann::json& names = s["overlap"]["datasets"];
  for (size_t a = 0; a < names.size(); ++a)
    for (size_t b = 0; b < names.size(); ++b)
      out[fmt::format("overlap-{}-{}", names[a].get<std::string>(), names[b].get<std::string>())] =
          s["overlap"]["matrix"][a][b];
  for (const nlohmann::json& d : j["datasets"])
    out["records-" + d["name"].get<std::string>()] = d["records"];
  for (const auto& [dataset, count] : s["un_missing"].items()) out["missing-" + dataset] = count;
  for (const auto& [jur, count] : s["single_jurisdiction"].items()) out["single-" + jur] = count;
  out["timeline-dated"] = s["timeline"]["dated_targets"];
  for (const auto& [dataset, lag] : s["timeline"]["datasets"].items()) {
    out["lag-first-" + dataset] = lag["first"];
    if (!lag["median_lag_days"].is_null()) out["lag-median-" + dataset] = lag["median_lag_days"];
  }
  for (const nlohmann::json& r : j["regimes"])
    out["regime-" + r["regime"].get<std::string>() + "-targets"] = r["targets"];
  return out;
}

void ExpectSameNumbers(const std::map<std::string, long>& shown,
                       const std::map<std::string, long>& expected) {
  for (const auto& [id, value] : expected) {
    auto it = shown.find(id);
    if (it == shown.end()) {
      ADD_FAILURE() << "the page shows no #" << id;
    } else {
      EXPECT_EQ(it->second, value) << "#" << id;
    }
  }
  EXPECT_EQ(shown.size(), expected.size());
}

TEST(GapHtmlTest, ShowsTheNumbersOfTheJson) {
  std::string html = GapReportToHtml(Report());
  ExpectSameNumbers(NumbersById(html), ExpectedNumbers(GapReportToJson(Report())));
  EXPECT_EQ(NumbersById(html).at("kpi-linked"), 30);
}

TEST(GapHtmlTest, IsSelfContained) {
  std::string html = GapReportToHtml(Report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // The only URL is the SVG namespace name, which is never fetched.
  std::string rest = html;
  const std::string svg_namespace = "http://www.w3.org/2000/svg";
  for (size_t at; (at = rest.find(svg_namespace)) != std::string::npos;)
    rest.erase(at, svg_namespace.size());
  EXPECT_EQ(rest.find("http:"), std::string::npos);
  EXPECT_EQ(rest.find("https:"), std::string::npos);
}

TEST(GapHtmlTest, DrawsTheHeatMapAndBothTimelineCharts) {
  std::string html = GapReportToHtml(Report());
  EXPECT_NE(html.find("aria-label=\"Overlap heat map\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Designations per year\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Designation lag\""), std::string::npos);
  EXPECT_NE(html.find("us_ofac_sdn gives no listing dates"), std::string::npos);
}

TEST(GapHtmlTest, EscapesWhatTheListsSay) {
  ListSet lists;
  Entity e;
  e.id = "x-1";
  e.dataset = "x";
  e.names.push_back({"<b>A & B</b>", NameKind::kPrimary, {}});
  lists.entities.push_back(e);
  std::string html = GapReportToHtml(BuildGapReport(lists, {}));
  EXPECT_NE(html.find("&lt;b&gt;A &amp; B&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>A"), std::string::npos);
}

TEST(GapHtmlTest, CapsTheCoverageMatrixAndSaysSo) {
  std::string html = GapReportToHtml(Report(), {.max_coverage_rows = 10});
  EXPECT_NE(html.find(fmt::format("First 10 of {} targets; the CSV output has them all.",
                                  Report().targets.size())),
            std::string::npos);
}

// ---------------------------------------------------------------------------
// Rendering in headless Chromium.

struct Image {
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;  // 3 bytes a pixel
};

// Any PNG, read with libpng's simplified API into 8-bit RGB.
std::optional<Image> DecodePng(const std::string& png) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return std::nullopt;
  image.format = PNG_FORMAT_RGB;
  Image out{image.width, image.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(image))};
  if (!png_image_finish_read(&image, nullptr, out.rgb.data(), 0, nullptr)) {
    png_image_free(&image);
    return std::nullopt;
  }
  return out;
}

struct Pixels {
  size_t colours = 0;    // distinct
  double non_white = 0;  // share of pixels
};

Pixels Measure(const Image& image) {
  std::unordered_set<uint32_t> colours;
  size_t non_white = 0;
  for (size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
    uint32_t rgb = (image.rgb[i] << 16) | (image.rgb[i + 1] << 8) | image.rgb[i + 2];
    colours.insert(rgb);
    non_white += rgb != 0xffffff ? 1 : 0;
  }
  return {colours.size(), double(non_white) / double(image.rgb.size() / 3)};
}

class ChromiumTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("embargo-gaps-html-{}", ::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Renders every page at once (one Chromium each, in parallel); true when
  // all exited 0.
  bool Render(const std::map<std::string, std::string>& pages) {
    std::string script = "cd '" + dir_.string() + "' || exit 1;";
    for (const auto& [name, html] : pages) {
      std::ofstream(dir_ / (name + ".html")) << html;
      script += " { " + ChromiumCommand(dir_ / (name + ".html"), dir_) + " || echo failed > '" +
                name + ".failed'; } &";
    }
    script += " wait";
    if (std::system(script.c_str()) != 0) {
      ADD_FAILURE() << "cannot run: " << script;
      return false;
    }
    bool ok = true;
    for (const auto& [name, html] : pages) {
      if (fs::exists(dir_ / (name + ".failed"))) {
        ADD_FAILURE() << "chromium failed on " << name << ": " << Output(name, ".log");
        ok = false;
      }
    }
    return ok;
  }

  std::string Output(const std::string& name, const std::string& ext) const {
    return ReadAll(dir_ / (name + ext));
  }

  std::optional<Image> Screenshot(const std::string& name) const {
    fs::path png = dir_ / (name + ".png");
    EXPECT_TRUE(fs::exists(png)) << "no screenshot of " << name << ": " << Output(name, ".log");
    return DecodePng(ReadAll(png));
  }

  fs::path dir_;
};

TEST_F(ChromiumTest, RendersThePageWithTheNumbersOfTheJson) {
  ASSERT_TRUE(fs::exists(kChromium))
      << kChromium << " is missing: the HTML report test needs Debian's chromium package "
      << "(make deps installs it; or apt-get install -y chromium)";
  ASSERT_TRUE(Render({{"blank", "<!DOCTYPE html><html><body></body></html>"},
                      {"report", GapReportToHtml(Report())}}));

  // A blank page, measured the same way, is one colour.
  auto blank = Screenshot("blank");
  ASSERT_TRUE(blank.has_value()) << "cannot decode the blank page's screenshot";
  EXPECT_EQ(blank->width, 1280u);
  EXPECT_EQ(Measure(*blank).colours, 1u);

  auto shot = Screenshot("report");
  ASSERT_TRUE(shot.has_value()) << "cannot decode the report's screenshot";
  EXPECT_EQ(shot->width, 1280u);
  EXPECT_EQ(shot->height, 2000u);
  Pixels pixels = Measure(*shot);
  EXPECT_GT(pixels.colours, 50u);
  EXPECT_GT(pixels.non_white, 0.05);

  std::string dom = Output("report", ".dom");
  ASSERT_NE(dom.find("Sanctions list coverage gaps"), std::string::npos) << dom.substr(0, 500);
  ExpectSameNumbers(NumbersById(dom), ExpectedNumbers(GapReportToJson(Report())));
}

// The allies' lists: the DPRK report over the UN, OFAC, the UK (FCDO and
// OFSI), the EU, Canada and Australia, linked for real (LinkLists), each
// list's version date in the header. Only the records of DPRK targets
// (programme or country) are linked, to keep the test quick.
const GapReport& AlliedDprkReport() {
  static const GapReport* report = [] {
    auto loaded = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                             testing::SharedData("ofac/sdn-2024-05-03.csv"),
                             testing::SharedData("uk/uk-sanctions-list-excerpt-2026-08-14.xml"),
                             testing::SharedData("uk/ofsi-conlist-2018-04-13.csv"),
                             testing::SharedData("eu/fsf-excerpt-2026-08-05.xml"),
                             testing::SharedData("ca/sema-2020-04.xml"),
                             testing::SharedData("au/dfat-consolidated-2024-12.xlsx")});
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    ListSet lists = loaded.ok() ? std::move(*loaded) : ListSet{};
    auto dprk = [](const Entity& e) {
      std::vector<std::string> regimes = RegimesOf(e);
      auto kp = [](const std::vector<std::string>& v) {
        return std::find(v.begin(), v.end(), "kp") != v.end();
      };
      return std::find(regimes.begin(), regimes.end(), "DPRK") != regimes.end() ||
             kp(e.nationalities) || kp(e.countries);
    };
    std::erase_if(lists.entities, [&](const Entity& e) { return !dprk(e); });
    auto* out = new GapReport(BuildGapReport(lists, LinkLists(lists, {}), {.regime = "DPRK"}));
    return out;
  }();
  return *report;
}

TEST_F(ChromiumTest, RendersTheAlliesDprkReportWithEveryListsDate) {
  ASSERT_TRUE(fs::exists(kChromium)) << kChromium << " is missing";
  const GapReport& report = AlliedDprkReport();
  std::map<std::string, std::string> dates;
  for (const DatasetInfo& d : report.datasets) dates[d.name] = d.version_date;
  EXPECT_EQ(dates, (std::map<std::string, std::string>{
                       {"au_dfat_sanctions", "2024-11-11"},     // the latest date in the workbook
                       {"ca_dfatd_sema_sanctions", "2020-04"},  // from the file name
                       {"eu_fsf", "2026-08-05"},
                       {"gb_fcdo_sanctions", "2026-08-14"},
                       {"gb_hmt_sanctions", "2018-04-13"},
                       {"un_sc_sanctions", "2026-02-27"},
                       {"us_ofac_sdn", "2024-05-03"},
                   }));
  // Canada's SEMA file of 2020 has no DPRK regulation: a note says so
  // rather than leaving 155 "missing" targets to speak for themselves.
  EXPECT_NE(std::find(report.notes.begin(), report.notes.end(),
                      "ca_dfatd_sema_sanctions lists no DPRK target: its 155 missing UN targets "
                      "say the list does not cover the regime, not that it missed each one"),
            report.notes.end());
  ASSERT_TRUE(Render({{"allies", GapReportToHtml(report)}}));
  auto shot = Screenshot("allies");
  ASSERT_TRUE(shot.has_value());
  EXPECT_GT(Measure(*shot).colours, 50u);
  std::string dom = Output("allies", ".dom");
  ASSERT_NE(dom.find("Sanctions list coverage gaps: regime DPRK"), std::string::npos);
  // Each list's row in the header: its name, jurisdiction and version date.
  for (const DatasetInfo& d : report.datasets) {
    EXPECT_NE(dom.find(fmt::format("<td>{}</td><td>{}</td><td>{}</td>", d.name, d.jurisdiction,
                                   d.version_date.empty() ? "—" : d.version_date)),
              std::string::npos)
        << d.name;
  }
  ExpectSameNumbers(NumbersById(dom), ExpectedNumbers(GapReportToJson(report)));
  // The UN's DPRK designations each national list lacks, one count a list.
  for (const char* list : {"us_ofac_sdn", "gb_hmt_sanctions", "au_dfat_sanctions"})
    EXPECT_NE(dom.find(fmt::format("id=\"missing-{}\"", list)), std::string::npos) << list;
}

}  // namespace
}  // namespace embargo::xref
