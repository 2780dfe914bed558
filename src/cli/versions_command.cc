// embargo import, embargo versions, embargo diff DATASET (store-backed).
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "cli/store_commands.h"
#include "common/file.h"
#include "common/json_text.h"
#include "common/sha256.h"
#include "embargo/lists.h"
#include "store/entity_diff.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo::cli {
namespace {

// SHA-256 of a file's bytes; of the sorted files' hashes for a folder.
Result<std::string> HashPath(const std::string& path, uint64_t max_file_bytes) {
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) return MakeError(path, 0, "cannot read folder: " + ec.message());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  Sha256 all;
  for (const std::string& file : files) {
    auto bytes = ReadFileBytes(file, max_file_bytes);
    if (!bytes.ok()) return bytes.error();
    if (files.size() == 1) return Sha256Hex(*bytes);
    all.Update(Sha256Hex(*bytes) + "  " + file + "\n");
  }
  return all.FinishHex();
}

// Stores each path as its own import; stops at the first that fails.
int ImportPaths(store::Database& db, const ImportArgs& args, std::ostream& out, std::ostream& err) {
  // One path at a time: several versions of a list are several imports.
  for (const std::string& path : args.paths) {
    LoadOptions options;
    options.dataset_override = args.dataset;
    options.max_file_bytes = args.max_file_bytes;
    auto lists = LoadLists({path}, options);
    if (!lists.ok()) {
      err << "embargo import: " << lists.error().ToString() << " (nothing stored)\n";
      return 1;
    }
    auto hash = HashPath(path, args.max_file_bytes);
    if (!hash.ok()) {
      err << "embargo import: " << hash.error().ToString() << '\n';
      return 1;
    }
    store::VersionOrigin origin;
    origin.file_hash = *hash;
    auto stored = store::StoreListSet(db, *lists, origin, args.shrink);
    if (!stored.ok()) {
      err << "embargo import: " << stored.error().ToString() << " (nothing stored)\n";
      return 1;
    }
    PrintStored(*stored, out);
    for (const std::string& older : lists->superseded) {
      out << "not imported (an older version in the same folder; import it by name): " << older
          << '\n';
    }
  }
  return 0;
}

}  // namespace

std::unique_ptr<store::Database> OpenStoreFor(const std::string& flag, const char* command,
                                              std::ostream& err, store::StoreOpening opening) {
  auto db = store::OpenStore(store::StoreUrl(flag), opening);
  if (!db.ok()) {
    err << command << ": " << db.error().ToString() << '\n';
    return nullptr;
  }
  return std::move(*db);
}

void PrintStored(const std::vector<store::StoredVersion>& stored, std::ostream& out) {
  for (const store::StoredVersion& s : stored) {
    const store::ListVersion& v = s.version;
    if (s.created) {
      out << fmt::format("{} version {}: {} entities, in force from {} ({})\n", v.dataset, v.id,
                         v.entity_count, v.effective_date, v.origin);
    } else {
      out << fmt::format("{}: unchanged, same as version {} ({})\n", v.dataset, v.id, v.origin);
    }
  }
}

int RunImport(const ImportArgs& args, std::ostream& out, std::ostream& err) {
  if (args.paths.empty()) {
    err << "embargo import: give list files or folders\n";
    return 2;
  }
  auto store = OpenWritableStore(args.store, args.audit, "embargo import", err,
                                 store::StoreOpening::kCreate);
  if (!store) return 1;
  int code = ImportPaths(*store->db, args, out, err);
  // The paths imported before a failure are stored: their head too.
  bool published = PublishAuditHead(*store, "embargo import", out, err);
  return code == 0 && !published ? 1 : code;
}

int RunVersions(const std::string& store_url, const std::string& dataset, std::ostream& out,
                std::ostream& err) {
  auto db = OpenStoreFor(store_url, "embargo versions", err);
  if (db == nullptr) return 1;
  auto versions = store::ListVersions(*db, dataset);
  if (!versions.ok()) {
    err << "embargo versions: " << versions.error().ToString() << '\n';
    return 1;
  }
  out << fmt::format("{:>4} {:<18} {:<11} {:>8} {:<24} {:<12} {}\n", "id", "dataset", "in force",
                     "entities", "stored", "content", "origin");
  for (const store::ListVersion& v : *versions) {
    out << fmt::format("{:>4} {:<18} {:<11} {:>8} {:<24} {:<12} {}\n", v.id, v.dataset,
                       v.effective_date, v.entity_count, v.fetched_at, v.content_hash.substr(0, 12),
                       v.origin);
  }
  return 0;
}

int RunStoreDiff(const StoreDiffArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format != "text" && args.format != "json") {
    err << "embargo diff: --format must be text or json\n";
    return 2;
  }
  auto db = OpenStoreFor(args.store, "embargo diff", err);
  if (db == nullptr) return 1;
  auto from = store::FindVersion(*db, args.dataset, args.from);
  auto to = store::FindVersion(*db, args.dataset, args.to);
  for (const auto* v : {&from, &to}) {
    if (!v->ok()) {
      err << "embargo diff: " << v->error().ToString() << '\n';
      return 1;
    }
  }
  auto before = store::LoadVersionEntities(*db, from->id);
  auto after = store::LoadVersionEntities(*db, to->id);
  for (const auto* e : {&before, &after}) {
    if (!e->ok()) {
      err << "embargo diff: " << e->error().ToString() << '\n';
      return 1;
    }
  }
  store::ListDiff diff = store::DiffEntities(*before, *after);
  if (args.format == "json") {
    nlohmann::json j = store::DiffToJson(diff);
    j["dataset"] = args.dataset;
    j["from"] = {{"version", from->id}, {"effective_date", from->effective_date}};
    j["to"] = {{"version", to->id}, {"effective_date", to->effective_date}};
    out << JsonText(j, 2) << '\n';
  } else {
    out << fmt::format("{}: version {} ({}) -> version {} ({})\n", args.dataset, from->id,
                       from->effective_date, to->id, to->effective_date);
    out << store::DiffToText(diff);
  }
  return 0;
}

}  // namespace embargo::cli
