// `embargo screen --store` records what it screened (a name, a batch file)
// under the OS user; `embargo screenings list|show` shows the records.
#include "cli/screenings_command.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/screen_command.h"
#include "cli/store_commands.h"
#include "common/sha256.h"
#include "scratch_dir.h"
#include "store/audit.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

TEST(ScreeningsCommandTest, AStoreBackedScreenRecordsEachRunWithItsVersionsAndResult) {
  ::embargo::testing::ScratchDir dir;
  const std::string store = (dir.path() / "store.db").string();
  ImportArgs import;
  import.store = store;
  import.paths = {::embargo::testing::SharedData("un/consolidated-2026-02-27.xml")};
  std::ostringstream out, err;
  ASSERT_EQ(RunImport(import, out, err), 0) << err.str();

  ScreenArgs single;
  single.source.store = store;
  single.single.names = {"리원호"};
  single.single.birth_dates = {"1964-7-17"};
  err.str("");
  ASSERT_EQ(RunScreen(single, out, err), kExitOk) << err.str();
  EXPECT_NE(err.str().find("screening record 1 "), std::string::npos) << err.str();
  // The audit head it published, as every command that writes says.
  EXPECT_NE(err.str().find("\naudit head "), std::string::npos) << err.str();

  const std::string input =
      dir.Write("customers.csv", "id,name\nk1,YUN HO JIN\nk2,Margarethe Vollenweider\nk3,\n");
  ScreenArgs batch;
  batch.source.store = store;
  batch.input = input;
  batch.output = (dir.path() / "results.jsonl").string();
  batch.threads = 1;
  ASSERT_EQ(RunScreen(batch, out, err), kExitRowsNotScreened) << err.str();

  ScreeningsArgs list;
  list.store = store;
  list.format = "json";
  out.str("");
  ASSERT_EQ(RunScreeningsList(list, out, err), 0) << err.str();
  std::istringstream lines(out.str());
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(records.size(), 2u) << out.str();

  const nlohmann::json& run = records[0];  // newest first
  EXPECT_EQ(run["kind"], "batch");
  EXPECT_EQ(run["channel"], "cli");
  EXPECT_EQ(run["actor"], store::CurrentUser());
  EXPECT_EQ(run["outcome"], "alerts");
  EXPECT_EQ(run["subject"]["rows"], 3);
  EXPECT_EQ(run["subject"]["sha256"], Sha256Hex("id,name\nk1,YUN HO JIN\nk2,Margarethe "
                                                "Vollenweider\nk3,\n"));
  EXPECT_EQ(run["result"]["screened"], 2);
  EXPECT_EQ(run["result"]["not_screened"], 1);
  EXPECT_EQ(run["result"]["alerted"], 1);
  ASSERT_EQ(run["result"]["alerts"].size(), 1u);
  EXPECT_EQ(run["result"]["alerts"][0].get<std::string>().substr(0, 9), "ALERT k1 ");
  EXPECT_EQ(run["versions"]["un_sc_sanctions"]["source"], "un_sc_sanctions@1");

  const nlohmann::json& name = records[1];
  EXPECT_EQ(name["kind"], "name");
  EXPECT_EQ(name["outcome"], "alert");
  EXPECT_EQ(name["subject"]["names"][0], "리원호");
  EXPECT_EQ(name["result"]["candidates"][0]["id"], "un_sc_sanctions-KPi.033");

  list.format = "text";
  list.kind = "name";
  out.str("");
  ASSERT_EQ(RunScreeningsList(list, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("alert        리원호"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("customers.csv"), std::string::npos) << "batches filtered out";

  ScreeningsArgs show;
  show.store = store;
  show.id = 1;
  out.str("");
  ASSERT_EQ(RunScreeningsShow(show, out, err), 0) << err.str();
  EXPECT_EQ(nlohmann::json::parse(out.str())["id"], 1);
  show.id = 42;
  err.str("");
  EXPECT_EQ(RunScreeningsShow(show, out, err), 1);
  EXPECT_NE(err.str().find("no screening record 42"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace embargo::cli
