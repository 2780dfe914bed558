// Issue 11: an SDN file cut at a record boundary (10 % kept), imported into
// the store, made the next rescreen close most open alerts as "entity
// removed". The import is now refused and nothing closes; only
// --accept-shrink stores such a list (and then the alerts do close).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "cli/store_commands.h"
#include "common/file.h"
#include "scratch_dir.h"
#include "store/customers.h"
#include "store/rescreen.h"
#include "store/test_store.h"
#include "store/versions.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

using Pair = std::pair<std::string, std::string>;  // customer, entity
using ::embargo::testing::CutEnd;
using ::embargo::testing::CutOfacAtRecord;
using ::embargo::testing::ScratchDir;

const std::string& JanPath() {
  static const std::string path = ::embargo::testing::SharedData("ofac/sdn-2024-01-31.csv");
  return path;
}

class ShrinkGuardTest : public testing::StoreTest {
 protected:
  // `embargo import PATH [--accept-shrink]` on this store; the exit code,
  // with what it printed on stderr in `err`.
  int Import(const std::string& path, ShrinkAction action, std::string& err) {
    cli::ImportArgs args;
    args.store = store_->url();
    args.paths = {path};
    args.shrink.action = action;
    std::ostringstream out, errors;
    int code = cli::RunImport(args, out, errors);
    err = errors.str();
    return code;
  }

  // A customer named after every 1000th entity of `lists`.
  std::vector<QueryFields> Customers(const ListSet& lists) {
    std::vector<QueryFields> rows;
    for (size_t i = 0; i < lists.entities.size(); i += 1000) {
      const Entity& e = lists.entities[i];
      rows.push_back({"c-" + e.id, {e.names[0].value}, std::string(SchemaName(e.schema))});
    }
    return rows;
  }

  RescreenReport Rescreen() {
    RescreenOptions options;
    options.threads = 2;
    auto report = store::Rescreen(db(), options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return report.ok() ? *report : RescreenReport{};
  }

  std::set<Pair> LivePairs() { return testing::LiveAlertPairs(db()); }
};

TEST_P(ShrinkGuardTest, TruncatedSdnIsRefusedByImportAndNoAlertCloses) {
  std::string err;
  ASSERT_EQ(Import(JanPath(), ShrinkAction::kRefuse, err), 0) << err;
  Result<ListSet> jan = LoadLists({JanPath()});
  ASSERT_TRUE(jan.ok());
  std::vector<QueryFields> customers = Customers(*jan);
  ASSERT_GE(customers.size(), 10u);
  ASSERT_TRUE(ImportCustomers(db(), customers, "customers.csv", "test").ok());
  Rescreen();
  std::set<Pair> before = LivePairs();
  for (const QueryFields& c : customers) {
    ASSERT_TRUE(before.contains({c.id, c.id.substr(2)})) << c.id;
  }

  ScratchDir dir;
  Result<std::string> full = ReadFileBytes(JanPath());
  ASSERT_TRUE(full.ok());
  // Cut as a download is cut: no closing Ctrl-Z, refused by the loader.
  std::string cut = dir.Write("cut/sdn-2024-01-31.csv", CutOfacAtRecord(*full, 10, CutEnd::kAsCut));
  EXPECT_EQ(Import(cut, ShrinkAction::kRefuse, err), 1);
  EXPECT_NE(err.find(": no end-of-file mark (Ctrl-Z, byte 0x1A) after the last record"),
            std::string::npos)
      << err;
  // Cut and closed again: refused by the shrink guard, counts and option named.
  std::string closed =
      dir.Write("closed/sdn-2024-01-31.csv", CutOfacAtRecord(*full, 10, CutEnd::kReterminated));
  Result<ListSet> kept = LoadLists({closed});
  ASSERT_TRUE(kept.ok());
  auto versions = ListVersions(db(), "us_ofac_sdn");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  size_t now = kept->entities.size(), was = jan->entities.size();
  EXPECT_EQ(Import(closed, ShrinkAction::kRefuse, err), 1);
  EXPECT_EQ(err, fmt::format("embargo import: {}: us_ofac_sdn has {} entities, {:.1f} % fewer "
                             "than the {} of its previous version (us_ofac_sdn@{}); more than 20 "
                             "% fewer looks like a list cut short: refused (pass --accept-shrink "
                             "if the list really shrank) (nothing stored)\n",
                             closed, now, 100.0 * (was - now) / was, was, versions->front().id));

  versions = ListVersions(db(), "us_ofac_sdn");
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->size(), 1u);
  RescreenReport after = Rescreen();
  EXPECT_EQ(after.closed, 0u);
  EXPECT_EQ(LivePairs(), before);

  // The guard is what kept the alerts: accepted, the list closes those on
  // the entities it lost.
  ASSERT_EQ(Import(closed, ShrinkAction::kAccept, err), 0) << err;
  RescreenReport accepted = Rescreen();
  std::set<Pair> live = LivePairs();
  std::set<std::string> kept_ids;
  for (const Entity& e : kept->entities) kept_ids.insert(e.id);
  size_t lost = 0;
  for (const QueryFields& c : customers) {
    std::string entity = c.id.substr(2);
    EXPECT_EQ(live.contains({c.id, entity}), kept_ids.contains(entity)) << entity;
    lost += kept_ids.contains(entity) ? 0 : 1;
  }
  EXPECT_GE(accepted.closed, lost);
  EXPECT_GT(lost, customers.size() / 2);
}

EMBARGO_STORE_BACKENDS(ShrinkGuardTest);

}  // namespace
}  // namespace embargo::store
