// Where `embargo update` downloads the official lists from: a TOML file of
// named sources, each one or more files with fetch settings, or the built-in
// default (OFAC SDN, UN Security Council, US Consolidated Screening List).
// Parsing is pure; the config types are thread-compatible values.
//
//   [defaults]                      # optional: max_bytes, attempts, backoff_ms, timeout_s
//   attempts = 4
//   [sources.un_sc_sanctions]
//   description = "UN Security Council consolidated list"
//   url = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"  # one file, or
//   files = [ { url = "https://...", name = "sdn.csv" }, ... ]               # several
//   timeout_s = 120                 # the same four keys override [defaults]
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"
#include "store/fetch.h"

namespace embargo::store {

struct SourceFile {
  std::string url;   // http://, https:// or file://
  std::string name;  // saved as; defaults to the URL's last path segment, lowercased
};

struct Source {
  std::string name;  // the key under [sources]: a plain file name, no '/' or '..'
  std::string description;
  std::vector<SourceFile> files;  // at least one, names unique
  FetchOptions options;           // [defaults] overridden by the source's own keys
};

struct SourcesConfig {
  std::vector<Source> sources;  // sorted by name
};

// Parses a sources file. Errors read "<file_name>:line:col: reason": TOML
// syntax errors, unknown keys (named), wrong value types, a source without
// files, a name holding '/' or '..', a URL that is not http(s):// or file://.
Result<SourcesConfig> ParseSourcesConfig(std::string_view toml_text, const std::string& file_name);

// Reads and parses the file at `path`; an empty path gives the built-in default.
Result<SourcesConfig> LoadSourcesConfig(const std::string& path);

// The built-in default config, as TOML (also shipped as samples/sources.toml).
const char* DefaultSourcesToml();

}  // namespace embargo::store
