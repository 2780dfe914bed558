// embargo update.
#include <fmt/format.h>

#include <ostream>

#include "cli/store_commands.h"
#include "store/sources_config.h"
#include "store/store.h"
#include "store/update.h"

namespace embargo::cli {

int RunUpdate(const UpdateArgs& args, std::ostream& out, std::ostream& err) {
  auto config = store::LoadSourcesConfig(args.config);
  if (!config.ok()) {
    err << "embargo update: " << config.error().ToString() << '\n';
    return 1;
  }
  auto store = OpenWritableStore(args.store, args.audit, "embargo update", err,
                                 store::StoreOpening::kCreate);
  if (!store) return 1;
  store::Database* db = store->db.get();
  // Downloads are kept beside a SQLite store, so conditional requests work.
  std::string dir = args.download_dir;
  if (dir.empty()) {
    dir = db->dialect() == store::Dialect::kSqlite ? db->description() + ".downloads"
                                                   : "embargo-downloads";
  }
  auto updates = store::UpdateSources(*db, *config, args.sources, dir, "", args.shrink);
  // Every source's outcome, failures too, is in the audit trail.
  bool published = PublishAuditHead(*store, "embargo update", out, err);
  if (!updates.ok()) {
    err << "embargo update: " << updates.error().ToString() << '\n';
    return 2;
  }
  int failed = 0;
  for (const store::SourceUpdate& u : *updates) {
    switch (u.outcome) {
      case store::SourceUpdate::Outcome::kStored:
        out << fmt::format("{}: new version ({} bytes downloaded)\n", u.source, u.bytes);
        PrintStored(u.versions, out);
        break;
      case store::SourceUpdate::Outcome::kUnchanged:
        out << fmt::format("{}: unchanged ({})\n", u.source, u.detail);
        break;
      case store::SourceUpdate::Outcome::kFailed:
        err << fmt::format("{}: FAILED, nothing stored: {}\n", u.source, u.detail);
        ++failed;
        break;
    }
  }
  return failed == 0 && published ? 0 : 1;
}

}  // namespace embargo::cli
