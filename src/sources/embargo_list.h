// embargo's own list format, for internal or hand-typed lists (e.g. a
// national list with Hangul names beside romanised ones), as CSV or JSON;
// specified in docs/list-format.md. Both forms carry the same fields and are
// validated strictly: an unknown column or key, a bad date, an unknown
// country or schema, a missing id or name, or a repeated id is an error at
// file:line (CSV) or file: entities[i] (JSON), never a silently dropped
// value. Dataset name: the `dataset` column/key, else `dataset_fallback`,
// else the file name up to its first dot. Entity ids are "<dataset>-<id>".
// Pure functions of their input; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

Result<ParsedList> ParseEmbargoCsv(const std::filesystem::path& path, std::string_view bytes,
                                   const std::string& dataset_fallback = "");

Result<ParsedList> ParseEmbargoJson(const std::filesystem::path& path, std::string_view bytes,
                                    const std::string& dataset_fallback = "");

// Whether a CSV header row names embargo-list columns (has `id` and `name`).
bool IsEmbargoCsvHeader(const std::vector<std::string>& header);

}  // namespace embargo
