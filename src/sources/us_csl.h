// Parser for the US Consolidated Screening List CSV (trade.gov), dataset
// "us_trade_csl". Columns are found by header name, so files with or
// without the leading `_id` column both work; `name` is required. One
// entity per row. Its source_id is entity_number, else _id, else a stable
// hash of (source, name, addresses, federal_register_notice, start_date);
// a repeated id gets "-2", "-3"... so ids are unique. The CSL sub-list
// (`source`) is kept as a "CSL source: ..." remark. Rows with an empty name
// are skipped. Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kCslDataset = "us_trade_csl";

Result<ParsedList> ParseUsCsl(const std::filesystem::path& path, std::string_view bytes);

// Whether a header row is the CSL's (has source, name, type and alt_names).
bool IsCslHeader(const std::vector<std::string>& header);

}  // namespace embargo
