// LoadLists (include/embargo/lists.h): expand folders, detect and parse each
// file (in parallel), keep the newest version of each dataset, merge, and
// check that entity ids are unique.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "common/file.h"
#include "embargo/lists.h"
#include "sources/bis_dpl.h"
#include "sources/ca_sema_xml.h"
#include "sources/detect.h"
#include "sources/dfat_xlsx.h"
#include "sources/embargo_list.h"
#include "sources/eu_fsf_csv.h"
#include "sources/eu_fsf_xml.h"
#include "sources/ftm_json.h"
#include "sources/ofac_advanced_xml.h"
#include "sources/ofac_enhanced_xml.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_sdn_xml.h"
#include "sources/ofsi_csv.h"
#include "sources/parsed_list.h"
#include "sources/uk_fcdo_xml.h"
#include "sources/un_xml.h"
#include "sources/us_csl.h"

namespace embargo {
namespace {

namespace fs = std::filesystem;

static_assert(kDefaultMaxListFileBytes == kDefaultMaxFileBytes, "one default file size limit");

struct ListFile {
  fs::path path;
  bool named = false;  // given by the caller, not found in a folder
};

// What loading one file gave: a list, a note that it was skipped, or nothing
// (an OFAC side file, read with its main file).
struct Outcome {
  std::optional<ParsedList> list;
  std::string skipped;
};

bool IsIgnored(const fs::path& path) {
  std::string name = path.filename().string();
  std::string upper;
  for (char c : name.substr(0, 6)) upper.push_back(static_cast<char>(std::toupper(c)));
  return name.empty() || name[0] == '.' || upper == "README" || path.extension() == ".md";
}

Status AddFolder(const fs::path& folder, std::vector<ListFile>& files) {
  std::error_code ec;
  std::vector<fs::path> found;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(folder, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with('.')) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && !IsIgnored(it->path())) found.push_back(it->path());
  }
  if (ec) return MakeError(folder.string(), 0, "cannot read folder: " + ec.message());
  std::sort(found.begin(), found.end());
  for (fs::path& path : found) files.push_back({std::move(path), false});
  return Status::Ok();
}

Result<std::vector<ListFile>> ExpandPaths(const std::vector<std::string>& inputs) {
  std::vector<ListFile> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status status = fs::status(input, ec);
    if (!fs::exists(status)) return MakeError(input, 0, "no such file or directory");
    if (fs::is_directory(status)) {
      EMBARGO_RETURN_IF_ERROR(AddFolder(input, files));
    } else {
      files.push_back({input, true});
    }
  }
  // The same file reached twice (a folder and a file in it) loads once.
  std::set<fs::path> seen;
  std::erase_if(files, [&](const ListFile& f) {
    std::error_code ec;
    return !seen.insert(fs::weakly_canonical(f.path, ec)).second;
  });
  return files;
}

Result<ParsedList> Parse(ListFormat format, const fs::path& path, const std::string& bytes,
                         const LoadOptions& options) {
  switch (format) {
    case ListFormat::kOfacLegacy:
      return ParseOfacLegacy(path, OfacDatasetName(path), options.max_file_bytes);
    case ListFormat::kUnXml: return ParseUnXml(path, bytes);
    case ListFormat::kFtmJson: return ParseFtmJson(path, bytes, options.dataset_override);
    case ListFormat::kEmbargoJson: return ParseEmbargoJson(path, bytes, options.dataset_override);
    case ListFormat::kUsCsl: return ParseUsCsl(path, bytes);
    case ListFormat::kBisDpl: return ParseBisDpl(path, bytes);
    case ListFormat::kEmbargoCsv: return ParseEmbargoCsv(path, bytes, options.dataset_override);
    case ListFormat::kOfsiCsv: return ParseOfsiCsv(path, bytes);
    case ListFormat::kDfatXlsx: return ParseDfatXlsx(path, bytes);
    case ListFormat::kEuFsfXml: return ParseEuFsfXml(path, bytes);
    case ListFormat::kEuFsfCsv: return ParseEuFsfCsv(path, bytes);
    case ListFormat::kUkFcdoXml: return ParseUkFcdoXml(path, bytes);
    case ListFormat::kCaSemaXml: return ParseCaSemaXml(path, bytes);
    case ListFormat::kOfacSdnXml: return ParseOfacSdnXml(path, bytes);
    case ListFormat::kOfacEnhancedXml: return ParseOfacEnhancedXml(path, bytes);
    case ListFormat::kOfacAdvancedXml: return ParseOfacAdvancedXml(path, bytes);
    case ListFormat::kUnknown:
    case ListFormat::kOfacSidecar: break;
  }
  return MakeError(path.string(), 0, "unknown list format");
}

// The name LoadOptions::dataset_names gives the file (itself, or a folder
// holding it), else "".
std::string GivenName(const fs::path& path, const LoadOptions& options) {
  if (options.dataset_names.empty()) return "";
  std::error_code ec;
  std::string file = fs::weakly_canonical(path, ec).string();
  for (const auto& [given, name] : options.dataset_names) {
    std::string key = fs::weakly_canonical(given, ec).string();
    if (file == key || (file.size() > key.size() && file.starts_with(key) &&
                        file[key.size()] == fs::path::preferred_separator)) {
      return name;
    }
  }
  return "";
}

Result<Outcome> LoadOne(const ListFile& file, const LoadOptions& options) {
  Result<std::string> bytes = ReadFileBytes(file.path, options.max_file_bytes);
  if (!bytes.ok()) return bytes.error();
  ListFormat format = DetectListFormat(file.path, *bytes);
  if (format == ListFormat::kOfacSidecar) {
    if (!file.named) return Outcome{};
    return MakeError(file.path.string(), 0,
                     "OFAC side file: load its main file (sdn.csv, cons_prim.csv) or its folder");
  }
  if (format == ListFormat::kUnknown) {
    if (file.named) return MakeError(file.path.string(), 0, "unknown list format");
    return Outcome{std::nullopt, file.path.string() + ": unknown list format"};
  }
  Result<ParsedList> list = Parse(format, file.path, *bytes, options);
  if (!list.ok()) return list.error();
  if (std::string name = GivenName(file.path, options); !name.empty()) {
    list->dataset.name = name;
    for (Entity& e : list->entities) e.dataset = name;
  }
  if (list->entities.empty()) {
    return MakeError(file.path.string(), 0,
                     "no entities: a list without records is refused (an empty or cut-short "
                     "file?)");
  }
  return Outcome{std::move(list).value(), ""};
}

// Loads every file, two or more at a time; results stay in file order.
std::vector<std::optional<Result<Outcome>>> LoadAll(const std::vector<ListFile>& files,
                                                    const LoadOptions& options) {
  std::vector<std::optional<Result<Outcome>>> results(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) results[i] = LoadOne(files[i], options);
  };
  size_t cores = std::max(2u, std::thread::hardware_concurrency());
  size_t count = std::min({files.size(), cores, size_t{8}});
  std::vector<std::thread> threads;
  for (size_t t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return results;
}

std::string ModificationTime(const fs::path& path) {
  std::error_code ec;
  auto time = fs::last_write_time(path, ec);
  if (ec) return "";
  auto seconds = std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(time));
  auto days = std::chrono::floor<std::chrono::days>(seconds);
  std::chrono::year_month_day date(days);
  std::chrono::hh_mm_ss clock(seconds - days);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

// How new a list is: its own date, else the date in its path, else mtime.
std::string VersionKey(const Dataset& dataset) {
  if (!dataset.version_date.empty()) return dataset.version_date;
  std::string from_path = VersionDateFromPath(dataset.path);
  return from_path.empty() ? ModificationTime(dataset.path) : from_path;
}

// Keeps the newest list of each dataset name; the others go to superseded.
std::vector<ParsedList> KeepNewest(std::vector<ParsedList> lists,
                                   std::vector<std::string>& superseded) {
  std::map<std::string, size_t> newest;
  for (size_t i = 0; i < lists.size(); ++i) {
    auto [it, added] = newest.emplace(lists[i].dataset.name, i);
    if (added) continue;
    const Dataset& best = lists[it->second].dataset;
    const Dataset& candidate = lists[i].dataset;
    auto key = [](const Dataset& d) { return std::pair(VersionKey(d), d.path); };
    if (key(candidate) > key(best)) it->second = i;
  }
  std::vector<ParsedList> kept;
  for (size_t i = 0; i < lists.size(); ++i) {
    if (newest[lists[i].dataset.name] == i)
      kept.push_back(std::move(lists[i]));
    else
      superseded.push_back(lists[i].dataset.path);
  }
  return kept;
}

Status Merge(std::vector<ParsedList> lists, ListSet& set) {
  // Entity id -> file; the ids are read where they lie (nothing is moved
  // until every id is checked).
  std::unordered_map<std::string_view, const std::string*> owner;
  size_t entities = 0, records = 0;
  for (const ParsedList& list : lists) {
    entities += list.entities.size();
    records += list.records.size();
  }
  owner.reserve(entities);
  for (ParsedList& list : lists) {
    list.dataset.entity_count = list.entities.size();
    list.dataset.name_count = 0;
    for (const Entity& entity : list.entities) {
      list.dataset.name_count += entity.names.size();
      auto [it, added] = owner.emplace(entity.id, &list.dataset.path);
      if (!added) {
        return MakeError(list.dataset.path, 0,
                         fmt::format("entity id '{}' is also in {}", entity.id, *it->second));
      }
    }
  }
  set.entities.reserve(set.entities.size() + entities);
  set.records.reserve(set.records.size() + records);
  for (ParsedList& list : lists) {
    set.datasets.push_back(list.dataset);
    std::move(list.entities.begin(), list.entities.end(), std::back_inserter(set.entities));
    std::move(list.records.begin(), list.records.end(), std::back_inserter(set.records));
  }
  return Status::Ok();
}

}  // namespace

Result<ListSet> LoadLists(const std::vector<std::string>& paths, const LoadOptions& options) {
  Result<std::vector<ListFile>> files = ExpandPaths(paths);
  if (!files.ok()) return files.error();
  ListSet set;
  std::vector<ParsedList> lists;
  for (std::optional<Result<Outcome>>& result : LoadAll(*files, options)) {
    if (!result->ok()) return result->error();
    Outcome& outcome = result->value();
    if (outcome.list) lists.push_back(std::move(*outcome.list));
    if (!outcome.skipped.empty()) set.skipped.push_back(std::move(outcome.skipped));
  }
  if (lists.empty())
    return MakeError("no list found in " + fmt::format("{}", fmt::join(paths, ", ")));
  EMBARGO_RETURN_IF_ERROR(Merge(KeepNewest(std::move(lists), set.superseded), set));
  return set;
}

}  // namespace embargo
