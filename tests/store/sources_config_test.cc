#include "store/sources_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/file.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

using namespace std::chrono_literals;

std::string ParseError(std::string_view toml) {
  auto config = ParseSourcesConfig(toml, "sources.toml");
  return config.ok() ? "(parsed)" : config.error().ToString();
}

TEST(SourcesConfigTest, DefaultHasTheOfficialSourcesOfEveryListEmbargoReads) {
  auto config = LoadSourcesConfig("");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  std::vector<std::string> names;
  for (const Source& s : config->sources) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"au_dfat_sanctions", "ca_dfatd_sema_sanctions",
                                             "eu_fsf", "gb_fcdo_sanctions", "un_sc_sanctions",
                                             "us_ofac_cons", "us_ofac_sdn", "us_trade_csl"}));
}

TEST(SourcesConfigTest, DefaultOfacSourceIsTheLegacyCsvBundle) {
  auto config = LoadSourcesConfig("");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  const Source& ofac = config->sources[6];
  ASSERT_EQ(ofac.name, "us_ofac_sdn");
  EXPECT_EQ(ofac.description, "OFAC Specially Designated Nationals (legacy CSV bundle)");
  const std::string base =
      "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
  ASSERT_EQ(ofac.files.size(), 4u);
  EXPECT_EQ(ofac.files[0].url, base + "SDN.CSV");
  EXPECT_EQ(ofac.files[0].name, "sdn.csv");
  EXPECT_EQ(ofac.files[1].url, base + "ADD.CSV");
  EXPECT_EQ(ofac.files[1].name, "add.csv");
  EXPECT_EQ(ofac.files[2].url, base + "ALT.CSV");
  EXPECT_EQ(ofac.files[2].name, "alt.csv");
  EXPECT_EQ(ofac.files[3].url, base + "SDN_COMMENTS.CSV");
  EXPECT_EQ(ofac.files[3].name, "sdn_comments.csv");
}

TEST(SourcesConfigTest, DefaultUnAndCslSourcesHaveOneFileEach) {
  auto config = LoadSourcesConfig("");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  const Source& un = config->sources[4];
  ASSERT_EQ(un.name, "un_sc_sanctions");
  ASSERT_EQ(un.files.size(), 1u);
  EXPECT_EQ(un.files[0].url, "https://scsanctions.un.org/resources/xml/en/consolidated.xml");
  EXPECT_EQ(un.files[0].name, "consolidated.xml");
  const Source& csl = config->sources[7];
  ASSERT_EQ(csl.name, "us_trade_csl");
  ASSERT_EQ(csl.files.size(), 1u);
  EXPECT_EQ(csl.files[0].url,
            "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv");
  EXPECT_EQ(csl.files[0].name, "consolidated.csv");
}

TEST(SourcesConfigTest, DefaultAlliesSourcesAreSavedUnderNamesTheirFormatIsReadFrom) {
  auto config = LoadSourcesConfig("");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  std::vector<std::string> files;
  for (const Source& s : config->sources) {
    if (s.name.rfind("us_", 0) != 0 && s.name != "un_sc_sanctions")
      files.push_back(s.files[0].name);
  }
  // cons_enhanced.zip says "cons": the ENHANCED export of the consolidated list.
  EXPECT_EQ(files, (std::vector<std::string>{"regulation8_consolidated.xlsx", "sema-lmes.xml",
                                             "eu-fsf.xml", "uk-sanctions-list.xml"}));
  EXPECT_EQ(config->sources[5].files[0].name, "cons_enhanced.zip");
}

TEST(SourcesConfigTest, DefaultUsesBuiltInFetchOptions) {
  auto config = LoadSourcesConfig("");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  const FetchOptions& options = config->sources[0].options;
  EXPECT_EQ(options.attempts, 4);
  EXPECT_EQ(options.backoff, 500ms);
  EXPECT_EQ(options.read_timeout, 60s);
  EXPECT_EQ(options.max_bytes, 512ull << 20);
}

TEST(SourcesConfigTest, SampleFileIsTheBuiltInDefault) {
  auto sample = ReadFileBytes(testing::TestData("../../samples/sources.toml"));
  ASSERT_TRUE(sample.ok()) << sample.error().ToString();
  EXPECT_EQ(*sample, DefaultSourcesToml());
}

TEST(SourcesConfigTest, LoadsFileFromDisk) {
  auto path = std::filesystem::temp_directory_path() / "embargo_sources_config_test.toml";
  std::ofstream(path) << "[sources.mirror]\nurl = \"file:///srv/lists/SDN.CSV\"\n";
  auto config = LoadSourcesConfig(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  ASSERT_EQ(config->sources.size(), 1u);
  EXPECT_EQ(config->sources[0].files[0].name, "sdn.csv");
}

TEST(SourcesConfigTest, MissingFileFails) {
  auto config = LoadSourcesConfig("/nonexistent/sources.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().ToString(), "/nonexistent/sources.toml: cannot open file");
}

TEST(SourcesConfigTest, DefaultsApplyAndSourcesOverride) {
  auto config = ParseSourcesConfig(R"(
[defaults]
max_bytes = 1000
attempts = 2
backoff_ms = 50
timeout_s = 5

[sources.b_list]
url = "https://example.org/data/B-List.XML?format=xml"
attempts = 7
timeout_s = 30

[sources.a_list]
description = "A"
files = [{ url = "http://example.org/a.csv", name = "a.csv" }, { url = "http://example.org/a2.csv" }]
)",
                                   "sources.toml");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  ASSERT_EQ(config->sources.size(), 2u);
  const Source& a = config->sources[0];
  EXPECT_EQ(a.name, "a_list");
  EXPECT_EQ(a.description, "A");
  ASSERT_EQ(a.files.size(), 2u);
  EXPECT_EQ(a.files[1].name, "a2.csv");
  EXPECT_EQ(a.options.max_bytes, 1000u);
  EXPECT_EQ(a.options.attempts, 2);
  EXPECT_EQ(a.options.backoff, 50ms);
  EXPECT_EQ(a.options.read_timeout, 5s);
  const Source& b = config->sources[1];
  EXPECT_EQ(b.name, "b_list");
  ASSERT_EQ(b.files.size(), 1u);
  EXPECT_EQ(b.files[0].name, "b-list.xml");
  EXPECT_EQ(b.options.max_bytes, 1000u);
  EXPECT_EQ(b.options.attempts, 7);
  EXPECT_EQ(b.options.read_timeout, 30s);
}

TEST(SourcesConfigTest, SyntaxErrorHasLineAndColumn) {
  EXPECT_EQ(
      ParseError("[sources.a]\nurl = \"http://x/a.csv\nattempts = 1\n"),
      "sources.toml:2:22: Error while parsing string: unescaped control characters other than TAB "
      "(U+0009) are explicitly prohibited");
}

TEST(SourcesConfigTest, UnknownSourceKeyIsNamed) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/a.csv\"\nretries = 3\n"),
            "sources.toml:3:1: unknown key 'retries' in [sources.a]");
}

TEST(SourcesConfigTest, UnknownDefaultsKeyIsNamed) {
  EXPECT_EQ(ParseError("[defaults]\ntimeout = 3\n[sources.a]\nurl = \"http://x/a.csv\"\n"),
            "sources.toml:2:1: unknown key 'timeout' in [defaults]");
}

TEST(SourcesConfigTest, UnknownFileEntryKeyIsNamed) {
  EXPECT_EQ(ParseError("[sources.a]\nfiles = [{ url = \"http://x/a.csv\", sha = \"00\" }]\n"),
            "sources.toml:2:36: unknown key 'sha' in a files entry");
}

TEST(SourcesConfigTest, UnknownTopLevelKeyIsNamed) {
  EXPECT_EQ(ParseError("[source.a]\nurl = \"http://x/a.csv\"\n"),
            "sources.toml:1:2: unknown key 'source' in the top level (expected [defaults] or "
            "[sources.<name>])");
}

TEST(SourcesConfigTest, SourceWithoutFilesFails) {
  EXPECT_EQ(ParseError("[sources.a]\ndescription = \"nothing\"\n"),
            "sources.toml:1:1: source 'a' has no files");
  EXPECT_EQ(ParseError("[sources.a]\nfiles = []\n"), "sources.toml:1:1: source 'a' has no files");
}

TEST(SourcesConfigTest, NoSourcesFails) {
  EXPECT_EQ(ParseError("[defaults]\nattempts = 2\n"),
            "sources.toml: no sources: add a [sources.<name>] table");
}

TEST(SourcesConfigTest, FileNameWithSlashFails) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/a.csv\"\nname = \"../a.csv\"\n"),
            "sources.toml:3:8: bad file name '../a.csv': it must not be empty or hold '/' or '..'");
}

TEST(SourcesConfigTest, SourceNameWithDotDotFails) {
  EXPECT_EQ(ParseError("[sources.\"..\"]\nurl = \"http://x/a.csv\"\n"),
            "sources.toml:1:10: bad source name '..': it must not hold '/' or '..'");
}

TEST(SourcesConfigTest, UrlWithoutFileNameNeedsName) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/lists/\"\n"),
            "sources.toml:2:7: cannot tell a file name from the URL; set 'name'");
}

TEST(SourcesConfigTest, UnsupportedUrlSchemeFails) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"ftp://x/a.csv\"\n"),
            "sources.toml:2:7: 'url' must start with http://, https:// or file://");
}

TEST(SourcesConfigTest, WrongValueTypeFails) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/a.csv\"\nattempts = \"4\"\n"),
            "sources.toml:3:12: 'attempts' must be an integer from 1 to 100");
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/a.csv\"\nattempts = 0\n"),
            "sources.toml:3:12: 'attempts' must be an integer from 1 to 100");
}

TEST(SourcesConfigTest, UrlAndFilesTogetherFail) {
  EXPECT_EQ(ParseError("[sources.a]\nurl = \"http://x/a.csv\"\n"
                       "files = [{ url = \"http://x/b.csv\" }]\n"),
            "sources.toml:3:1: use either 'url' or 'files', not both");
}

TEST(SourcesConfigTest, DuplicateFileNamesFail) {
  EXPECT_EQ(ParseError("[sources.a]\nfiles = [{ url = \"http://x/a.csv\" }, "
                       "{ url = \"http://y/A.CSV\" }]\n"),
            "sources.toml:1:1: source 'a' saves two files as 'a.csv'");
}

}  // namespace
}  // namespace embargo::store
