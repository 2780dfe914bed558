#include "cli/open_screener.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <mutex>
#include <vector>

#include "cli/option_checks.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo::cli {

namespace {

Result<std::shared_ptr<const Screener>> OpenFromStore(const ListSource& source) {
  auto db = store::OpenStore(store::StoreUrl(source.store), store::StoreOpening::kExisting);
  if (!db.ok()) return db.error();
  auto publisher = store::HeadPublisher::Open(**db, source.audit);
  if (!publisher.ok()) return publisher.error();
  auto versions = store::VersionsInForce(**db, source.as_of);
  if (!versions.ok()) return versions.error();
  if (versions->empty()) {
    return MakeError(source.as_of.empty()
                         ? std::string("the store holds no lists: run embargo import or update")
                         : fmt::format("no stored list version was in force on {}", source.as_of));
  }
  auto lists = store::LoadListSet(**db, *versions);
  if (!lists.ok()) return lists.error();
  nlohmann::json used = nlohmann::json::object();
  for (const store::ListVersion& v : *versions) {
    used[v.dataset] = {{"version", v.id}, {"effective_date", v.effective_date}};
  }
  auto tx = store::Transaction::Begin(**db);
  if (!tx.ok()) return tx.error();
  auto audit = store::AppendAudit(**db, {"",
                                         "screen",
                                         source.as_of.empty() ? "latest" : "as of " + source.as_of,
                                         {{"as_of", source.as_of}, {"versions", used}}});
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  auto head = publisher->Publish(**db);
  if (!head.ok()) return head.error();
  return Screener::Build(std::move(*lists));
}

}  // namespace

LoadOptions ListLoadOptions(const ListSource& source) {
  LoadOptions options;
  options.dataset_override = source.dataset;
  options.max_file_bytes = source.max_file_bytes;
  return options;
}

void AddListOptions(CLI::App* cmd, ListSource& source) {
  cmd->add_option("--lists", source.lists, "List file or folder (repeatable)");
  cmd->add_option("--index", source.index,
                  "Binary index snapshot written by 'embargo index build'");
  cmd->add_option("--dataset", source.dataset,
                  "Dataset name for FtM / embargo-format files that name none");
  cmd->add_option("--store", source.store,
                  "Screen against the list versions in this store (path or postgresql:// URL)");
  cmd->add_option("--as-of", source.as_of,
                  "With a store: the list versions in force on this date (YYYY-MM-DD)")
      ->check(IsoDayOrTime());
  cmd->add_option("--max-file-size", source.max_file_bytes,
                  "Largest list file read (default 512MiB; FIFOs and devices are refused)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--audit-key-file", source.audit.key_file,
                  "With a store: the audit key (default $EMBARGO_AUDIT_KEY_FILE)");
  cmd->add_option("--audit-head-file", source.audit.head_file,
                  "With a store: where the audit head is published (default "
                  "$EMBARGO_AUDIT_HEAD_FILE, else <store>.audit-head)");
}

namespace {

std::atomic<bool> keep_until_exit{false};

Result<std::shared_ptr<const Screener>> Open(const ListSource& source) {
  if (!source.store.empty() || !source.as_of.empty()) {
    if (!source.lists.empty() || !source.index.empty()) {
      return MakeError("give either --lists/--index or --store/--as-of, not both");
    }
    return OpenFromStore(source);
  }
  if (!source.index.empty()) {
    if (!source.lists.empty()) return MakeError("give either --lists or --index, not both");
    return Screener::LoadSnapshot(source.index);
  }
  if (source.lists.empty())
    return MakeError("no lists: give --lists PATH (file or folder) or --index FILE");
  auto lists = LoadLists(source.lists, ListLoadOptions(source));
  if (!lists.ok()) return lists.error();
  return Screener::Build(std::move(*lists));
}

}  // namespace

void KeepScreenersUntilExit() { keep_until_exit = true; }

Result<std::shared_ptr<const Screener>> OpenScreener(const ListSource& source) {
  auto screener = Open(source);
  if (screener.ok() && keep_until_exit) {
    // Never destroyed: reachable until the process ends, which frees it whole.
    static auto* kept = new std::vector<std::shared_ptr<const Screener>>;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    kept->push_back(*screener);
  }
  return screener;
}

}  // namespace embargo::cli
