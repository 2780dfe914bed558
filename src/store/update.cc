#include "store/update.h"

#include <fmt/format.h>

#include <fstream>
#include <map>

#include "common/sha256.h"
#include "embargo/lists.h"
#include "store/audit.h"
#include "store/fetch.h"

namespace embargo::store {
namespace {

// SHA-256 of a file's bytes ("" when it cannot be read).
std::string FileSha256(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  Sha256 hash;
  std::vector<char> buffer(1 << 16);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    hash.Update({buffer.data(), static_cast<size_t>(in.gcount())});
  }
  return in.bad() ? "" : hash.FinishHex();
}

struct FetchState {
  std::string etag, last_modified, sha256;
};

Result<std::map<std::string, FetchState>> LoadFetchState(Database& db, const std::string& source) {
  auto rows = db.Query("SELECT url, etag, last_modified, sha256 FROM fetch_state WHERE source = ?",
                       {source});
  if (!rows.ok()) return rows.error();
  std::map<std::string, FetchState> out;
  for (const SqlRow& r : *rows) out[r.Text(0)] = {r.Text(1), r.Text(2), r.Text(3)};
  return out;
}

Status SaveFetchState(Database& db, const std::string& source, const std::string& url,
                      const FetchResult& fetched) {
  return db.Exec(
      "INSERT INTO fetch_state (source, url, etag, last_modified, sha256, fetched_at) VALUES (?, "
      "?, ?, ?, ?, ?) ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, "
      "last_modified = excluded.last_modified, sha256 = excluded.sha256, fetched_at = "
      "excluded.fetched_at",
      {source, url, fetched.etag, fetched.last_modified, fetched.sha256, NowUtc()});
}

Status Audit(Database& db, const std::string& actor, const std::string& action,
             const std::string& source, nlohmann::json details) {
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto row = AppendAudit(db, {actor, action, "source " + source, std::move(details)});
  if (!row.ok()) return row.error();
  return tx->Commit();
}

SourceUpdate UpdateOne(Database& db, const Source& source, const std::filesystem::path& dir,
                       const std::string& actor, const ShrinkGuard& shrink) {
  SourceUpdate update;
  update.source = source.name;
  auto fail = [&](std::string why) {
    update.outcome = SourceUpdate::Outcome::kFailed;
    update.detail = std::move(why);
    (void)Audit(db, actor, "update.failed", source.name, {{"error", update.detail}});
    return update;
  };
  auto state = LoadFetchState(db, source.name);
  if (!state.ok()) return fail(state.error().ToString());
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail(fmt::format("{}: {}", dir.string(), ec.message()));

  // Pass 1: conditional requests. A 304 is only good when the file from the
  // last fetch is still on disk (a bundle is parsed whole): a download that
  // failed to parse, or the new half of a bundle that failed, replaced it.
  std::map<std::string, FetchResult> fetched;
  bool changed = false;
  for (const SourceFile& file : source.files) {
    FetchOptions options = source.options;
    const FetchState& last = (*state)[file.url];
    std::filesystem::path dest = dir / file.name;
    if (!last.sha256.empty() && FileSha256(dest) == last.sha256) {
      options.etag = last.etag;
      options.last_modified = last.last_modified;
    }
    auto result = FetchToFile(file.url, dest, options);
    if (!result.ok()) return fail(result.error().ToString());
    update.attempts += result->attempts;
    update.bytes += result->bytes;
    if (result->not_modified) {
      result->sha256 = last.sha256;
    } else if (result->sha256 != last.sha256) {
      changed = true;
    }
    fetched[file.url] = *result;
  }
  auto save_state = [&]() -> Status {
    auto tx = Transaction::Begin(db);
    if (!tx.ok()) return tx.error();
    for (const auto& [url, result] : fetched) {
      EMBARGO_RETURN_IF_ERROR(SaveFetchState(db, source.name, url, result));
    }
    return tx->Commit();
  };
  if (!changed) {
    update.outcome = SourceUpdate::Outcome::kUnchanged;
    update.detail = "the files are the ones fetched last time";
    Status saved = save_state();
    if (!saved.ok()) return fail(saved.error().ToString());
    (void)Audit(db, actor, "update.unchanged", source.name, {{"detail", update.detail}});
    return update;
  }

  std::vector<std::string> paths;
  Sha256 files_hash;
  std::string origin;
  for (const SourceFile& file : source.files) {
    paths.push_back((dir / file.name).string());
    files_hash.Update(fetched[file.url].sha256 + "  " + file.name + "\n");
    origin += (origin.empty() ? "" : " ") + file.url;
  }
  LoadOptions load;
  load.max_file_bytes = source.options.max_bytes;  // what the download was allowed to be
  auto lists = LoadLists(paths, load);
  if (!lists.ok()) return fail(lists.error().ToString());
  VersionOrigin version_origin;
  version_origin.source = "update " + source.name;
  version_origin.origin = origin;
  version_origin.file_hash = files_hash.FinishHex();
  version_origin.actor = actor;
  auto stored = StoreListSet(db, *lists, version_origin, shrink);
  if (!stored.ok()) return fail(stored.error().ToString());
  Status saved = save_state();
  if (!saved.ok()) return fail(saved.error().ToString());
  update.versions = std::move(*stored);
  bool any_new = false;
  for (const StoredVersion& v : update.versions) any_new = any_new || v.created;
  update.outcome = any_new ? SourceUpdate::Outcome::kStored : SourceUpdate::Outcome::kUnchanged;
  if (!any_new) update.detail = "new bytes, same entities";
  return update;
}

}  // namespace

Result<std::vector<SourceUpdate>> UpdateSources(Database& db, const SourcesConfig& config,
                                                const std::vector<std::string>& only,
                                                const std::filesystem::path& download_dir,
                                                const std::string& actor,
                                                const ShrinkGuard& shrink) {
  for (const std::string& name : only) {
    bool known = false;
    for (const Source& s : config.sources) known = known || s.name == name;
    if (!known) {
      std::string names;
      for (const Source& s : config.sources) names += (names.empty() ? "" : ", ") + s.name;
      return MakeError(fmt::format("unknown source '{}' (configured: {})", name, names));
    }
  }
  std::vector<SourceUpdate> out;
  for (const Source& source : config.sources) {
    if (!only.empty() && std::find(only.begin(), only.end(), source.name) == only.end()) continue;
    out.push_back(UpdateOne(db, source, download_dir / source.name, actor, shrink));
  }
  return out;
}

}  // namespace embargo::store
