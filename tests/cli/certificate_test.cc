// `embargo screen --certificate`: the page binds the run to its files by
// their SHA-256 (input, each list, the results), names the lists' versions,
// counts and lists the alerts, and escapes whatever a name holds.
#include "cli/certificate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/screen_command.h"
#include "common/sha256.h"
#include "scratch_dir.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

const std::string kUn = ::embargo::testing::SharedData("un/consolidated-2026-02-27.xml");

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(CertificateTest, ABatchCertificateNamesItsFilesByDigestAndListsTheAlerts) {
  ::embargo::testing::ScratchDir dir;
  const std::string input = dir.Write(
      "customers.csv", "id,name,birth_date\nk1,리원호,1964-7-17\nk2,<b>Ann</b> & Co,\nk3,,\n");
  ScreenArgs args;
  args.source.lists = {kUn};
  args.input = input;
  args.output = (dir.path() / "results.jsonl").string();
  args.certificate = (dir.path() / "certificate.html").string();
  args.threads = 1;
  std::ostringstream out, err;
  EXPECT_EQ(RunScreen(args, out, err), kExitRowsNotScreened) << err.str();
  const std::string html = Read(args.certificate);
  ASSERT_FALSE(html.empty()) << err.str();
  EXPECT_NE(err.str().find("screening certificate: " + args.certificate), std::string::npos);
  EXPECT_NE(html.find(Sha256Hex(Read(input))), std::string::npos) << "the input's digest";
  EXPECT_NE(html.find(Sha256Hex(Read(kUn))), std::string::npos) << "the list's digest";
  EXPECT_NE(html.find(Sha256Hex(Read(args.output))), std::string::npos) << "the results' digest";
  EXPECT_NE(html.find("<td>un_sc_sanctions</td><td>2026-02-27</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Rows</td><td>3</td></tr>"), std::string::npos) << html;
  EXPECT_NE(html.find("<b>2</b><span>rows screened"), std::string::npos) << html;
  EXPECT_NE(html.find("<b>1</b><span>not screened"), std::string::npos) << html;
  EXPECT_NE(html.find("ALERT k1 &#39;리원호&#39; -&gt; un_sc_sanctions-KPi.033"), std::string::npos)
      << html;
  EXPECT_EQ(html.find("<b>Ann</b>"), std::string::npos) << "a name is text, not markup";
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(CertificateTest, ASingleNameCertificateShowsTheQueryAndEachMatchWithWhy) {
  ::embargo::testing::ScratchDir dir;
  ScreenArgs args;
  args.source.lists = {kUn};
  args.single.names = {"Lee Won-ho"};
  args.single.birth_dates = {"1964-07-17"};
  args.single.schema = "Person";
  args.certificate = (dir.path() / "one.html").string();
  std::ostringstream out, err;
  ASSERT_EQ(RunScreen(args, out, err), kExitOk) << err.str();
  const std::string html = Read(args.certificate);
  EXPECT_NE(html.find("<tr><td>Names</td><td>Lee Won-ho</td></tr>"), std::string::npos) << html;
  EXPECT_NE(html.find("<tr><td>Birth dates</td><td>1964-07-17</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<td>un_sc_sanctions-KPi.033 (RI WON HO)</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("birth_date +0.050"), std::string::npos) << html;
  EXPECT_NE(html.find("<b>1</b><span>alerts"), std::string::npos) << html;
}

}  // namespace
}  // namespace embargo::cli
