#include "store/sources_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "common/file.h"

namespace embargo::store {
namespace {

constexpr char kDefaultSourcesToml[] =
    R"toml(# Sources for `embargo update`: the official sanctions lists.
# Copy this file and edit it to add lists or to fetch from a mirror (file:// URLs work too).
#
# [defaults] and every source may set:
#   max_bytes   a download larger than this fails (default 536870912, 512 MiB)
#   attempts    tries for retryable failures: network errors, HTTP 5xx, 408, 429 (default 4)
#   backoff_ms  wait before the second try, doubled after each failure (default 500)
#   timeout_s   a server silent this long fails the try (default 60)
# A source has one file (url, optionally name) or several (files = [{ url, name }, ...]).
# name is what the file is saved as; it defaults to the URL's last path segment, lowercased.

[defaults]
attempts = 4
backoff_ms = 500
timeout_s = 60

[sources.us_ofac_sdn]
description = "OFAC Specially Designated Nationals (legacy CSV bundle)"
files = [
  { url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV", name = "sdn.csv" },
  { url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV", name = "add.csv" },
  { url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV", name = "alt.csv" },
  { url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV", name = "sdn_comments.csv" },
]

[sources.un_sc_sanctions]
description = "UN Security Council Consolidated List"
url = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
name = "consolidated.xml"

[sources.us_trade_csl]
description = "US Consolidated Screening List (trade.gov)"
url = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
name = "consolidated.csv"

[sources.us_ofac_cons]
description = "OFAC Consolidated (non-SDN) List, ENHANCED XML as published (zip)"
url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.ZIP"
name = "cons_enhanced.zip"

[sources.eu_fsf]
description = "EU Financial Sanctions Files, XML v1.1"
url = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"
name = "eu-fsf.xml"

[sources.gb_fcdo_sanctions]
description = "UK Sanctions List (FCDO), XML"
url = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
name = "uk-sanctions-list.xml"

[sources.ca_dfatd_sema_sanctions]
description = "Canada, Special Economic Measures Act consolidated list (XML)"
url = "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml"
name = "sema-lmes.xml"

[sources.au_dfat_sanctions]
description = "Australia DFAT Consolidated List (Excel)"
url = "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx"
name = "regulation8_consolidated.xlsx"
)toml";

constexpr std::string_view kBuiltInName = "<built-in sources>";

Error At(const std::string& file, const toml::source_region& where, std::string message) {
  return Error{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
               std::move(message)};
}

bool IsOptionKey(std::string_view key) {
  return key == "max_bytes" || key == "attempts" || key == "backoff_ms" || key == "timeout_s";
}

Result<int64_t> IntegerIn(const std::string& file, std::string_view key, const toml::node& node,
                          int64_t min, int64_t max) {
  const auto* value = node.as_integer();
  if (value == nullptr || value->get() < min || value->get() > max) {
    return At(file, node.source(),
              fmt::format("'{}' must be an integer from {} to {}", key, min, max));
  }
  return value->get();
}

Status ApplyOption(const std::string& file, std::string_view key, const toml::node& node,
                   FetchOptions& options) {
  if (key == "max_bytes") {
    auto n = IntegerIn(file, key, node, 1, INT64_MAX);
    if (!n.ok()) return n.error();
    options.max_bytes = static_cast<uint64_t>(*n);
  } else if (key == "attempts") {
    auto n = IntegerIn(file, key, node, 1, 100);
    if (!n.ok()) return n.error();
    options.attempts = static_cast<int>(*n);
  } else if (key == "backoff_ms") {
    auto n = IntegerIn(file, key, node, 0, 600'000);
    if (!n.ok()) return n.error();
    options.backoff = std::chrono::milliseconds(*n);
  } else {
    auto n = IntegerIn(file, key, node, 1, 86'400);
    if (!n.ok()) return n.error();
    options.read_timeout = std::chrono::seconds(*n);
  }
  return Status::Ok();
}

Error UnknownKey(const std::string& file, const toml::key& key, std::string_view where) {
  return At(file, key.source(), fmt::format("unknown key '{}' in {}", key.str(), where));
}

Result<std::string> StringValue(const std::string& file, std::string_view key,
                                const toml::node& node) {
  if (const auto* value = node.as_string()) return value->get();
  return At(file, node.source(), fmt::format("'{}' must be a string", key));
}

// A source or file name becomes a path component in the store.
bool IsSafeName(std::string_view name) {
  return !name.empty() && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos && name.find("..") == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

bool HasFetchableScheme(std::string_view url) {
  auto lower = [](std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), s.begin(), [](char p, char c) {
             return p == std::tolower(static_cast<unsigned char>(c));
           });
  };
  return lower(url, "http://") || lower(url, "https://") || lower(url, "file://");
}

// The URL's last path segment, lowercased; empty when the path ends in '/'.
std::string NameFromUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  std::string_view rest = url.substr(scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  auto slash = rest.rfind('/');
  if (slash == std::string_view::npos) return "";
  std::string name(rest.substr(slash + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

// One { url, name } entry; `name_node` is null when the name is left out.
Result<SourceFile> MakeFile(const std::string& file, const toml::node& url_node,
                            const toml::node* name_node) {
  auto url = StringValue(file, "url", url_node);
  if (!url.ok()) return url.error();
  if (!HasFetchableScheme(*url)) {
    return At(file, url_node.source(), "'url' must start with http://, https:// or file://");
  }
  SourceFile out{*url, NameFromUrl(*url)};
  const toml::node& where = name_node != nullptr ? *name_node : url_node;
  if (name_node != nullptr) {
    auto name = StringValue(file, "name", *name_node);
    if (!name.ok()) return name.error();
    out.name = *name;
  } else if (out.name.empty()) {
    return At(file, where.source(), "cannot tell a file name from the URL; set 'name'");
  }
  if (!IsSafeName(out.name)) {
    return At(
        file, where.source(),
        fmt::format("bad file name '{}': it must not be empty or hold '/' or '..'", out.name));
  }
  return out;
}

Result<SourceFile> ParseFileEntry(const std::string& file, const toml::node& node) {
  const auto* entry = node.as_table();
  if (entry == nullptr) {
    return At(file, node.source(),
              "each entry of 'files' must be a table { url = ..., name = ... }");
  }
  for (auto&& [key, value] : *entry) {
    if (key.str() != "url" && key.str() != "name") return UnknownKey(file, key, "a files entry");
  }
  const toml::node* url = entry->get("url");
  if (url == nullptr) return At(file, node.source(), "files entry without 'url'");
  return MakeFile(file, *url, entry->get("name"));
}

Status ParseFiles(const std::string& file, const toml::node& node, Source& source) {
  const auto* files = node.as_array();
  if (files == nullptr) return At(file, node.source(), "'files' must be an array of tables");
  for (const toml::node& entry : *files) {
    auto parsed = ParseFileEntry(file, entry);
    if (!parsed.ok()) return parsed.error();
    source.files.push_back(std::move(parsed).value());
  }
  return Status::Ok();
}

Status CheckFiles(const std::string& file, const toml::table& table, const Source& source) {
  if (source.files.empty()) {
    return At(file, table.source(), fmt::format("source '{}' has no files", source.name));
  }
  std::set<std::string> names;
  for (const SourceFile& f : source.files) {
    if (!names.insert(f.name).second) {
      return At(file, table.source(),
                fmt::format("source '{}' saves two files as '{}'", source.name, f.name));
    }
  }
  return Status::Ok();
}

Result<Source> ParseSource(const std::string& file, const toml::key& name, const toml::node& node,
                           const FetchOptions& defaults) {
  if (!IsSafeName(name.str())) {
    return At(file, name.source(),
              fmt::format("bad source name '{}': it must not hold '/' or '..'", name.str()));
  }
  const auto* table = node.as_table();
  if (table == nullptr)
    return At(file, node.source(), fmt::format("'{}' must be a table", name.str()));
  Source source{std::string(name.str()), "", {}, defaults};
  const std::string where = fmt::format("[sources.{}]", name.str());
  for (auto&& [key, value] : *table) {
    if (IsOptionKey(key.str())) {
      EMBARGO_RETURN_IF_ERROR(ApplyOption(file, key.str(), value, source.options));
    } else if (key.str() == "description") {
      auto description = StringValue(file, "description", value);
      if (!description.ok()) return description.error();
      source.description = *description;
    } else if (key.str() == "files") {
      if (table->contains("url"))
        return At(file, key.source(), "use either 'url' or 'files', not both");
      EMBARGO_RETURN_IF_ERROR(ParseFiles(file, value, source));
    } else if (key.str() == "url") {
      auto one = MakeFile(file, value, table->get("name"));
      if (!one.ok()) return one.error();
      source.files.push_back(std::move(one).value());
    } else if (key.str() == "name") {
      if (!table->contains("url")) return At(file, key.source(), "'name' goes with 'url'");
    } else {
      return UnknownKey(file, key, where);
    }
  }
  EMBARGO_RETURN_IF_ERROR(CheckFiles(file, *table, source));
  return source;
}

Result<FetchOptions> ParseDefaults(const std::string& file, const toml::node& node) {
  const auto* table = node.as_table();
  if (table == nullptr) return At(file, node.source(), "'defaults' must be a table");
  FetchOptions options;
  for (auto&& [key, value] : *table) {
    if (!IsOptionKey(key.str())) return UnknownKey(file, key, "[defaults]");
    EMBARGO_RETURN_IF_ERROR(ApplyOption(file, key.str(), value, options));
  }
  return options;
}

Result<SourcesConfig> ParseDocument(const std::string& file, const toml::table& root) {
  for (auto&& [key, value] : root) {
    if (key.str() != "defaults" && key.str() != "sources") {
      return UnknownKey(file, key, "the top level (expected [defaults] or [sources.<name>])");
    }
  }
  FetchOptions defaults;
  if (const toml::node* node = root.get("defaults")) {
    auto parsed = ParseDefaults(file, *node);
    if (!parsed.ok()) return parsed.error();
    defaults = std::move(parsed).value();
  }
  const toml::node* sources = root.get("sources");
  if (sources != nullptr && !sources->is_table()) {
    return At(file, sources->source(), "'sources' must be a table");
  }
  if (sources == nullptr || sources->as_table()->empty()) {
    return Error{file, 0, 0, "no sources: add a [sources.<name>] table"};
  }
  SourcesConfig config;
  for (auto&& [name, node] : *sources->as_table()) {
    auto source = ParseSource(file, name, node, defaults);
    if (!source.ok()) return source.error();
    config.sources.push_back(std::move(source).value());
  }
  std::sort(config.sources.begin(), config.sources.end(),
            [](const Source& a, const Source& b) { return a.name < b.name; });
  return config;
}

}  // namespace

const char* DefaultSourcesToml() { return kDefaultSourcesToml; }

Result<SourcesConfig> ParseSourcesConfig(std::string_view toml_text, const std::string& file_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    return At(file_name, e.source(), std::string(e.description()));
  }
  return ParseDocument(file_name, root);
}

Result<SourcesConfig> LoadSourcesConfig(const std::string& path) {
  if (path.empty()) return ParseSourcesConfig(kDefaultSourcesToml, std::string(kBuiltInName));
  auto text = ReadFileBytes(path);
  if (!text.ok()) return text.error();
  return ParseSourcesConfig(*text, path);
}

}  // namespace embargo::store
