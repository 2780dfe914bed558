// Parser for the BIS Denied Persons List legacy file (dpl.txt): quoted,
// tab-separated, with a header, ONE ROW PER ADDRESS. Rows are grouped into
// one party by (trimmed name, Effective_Date, FR_Citation), the citation
// compared without spaces, commas and semicolons so that "82 F.R.  4842"
// and "82 F.R. 4842" are one party. Dataset "us_bis_dpl"; source_id is a
// stable hash of the group key. Schema is Organization when the name carries
// a legal-form or trade word (INC, LTD, CO., CORP, LLC, GMBH, S.A.,
// AIRLINES, ...), else LegalEntity (the list mixes people and firms).
// Dates are MM/DD/YYYY; one with a year outside 1900..2100 (the 2019 file
// has Last_Update "3017-08-22") is treated as unknown and noted in the
// party's remarks; the row is kept. version_date is the latest valid
// Last_Update. Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kDplDataset = "us_bis_dpl";

Result<ParsedList> ParseBisDpl(const std::filesystem::path& path, std::string_view bytes);

// Whether a (tab-separated) header row is the DPL's.
bool IsDplHeader(const std::vector<std::string>& header);

// "YYYY-MM-DD" for a DPL date ("10/16/2017" or "2017-10-23"), "" when it is
// not a valid date with a year in 1900..2100.
std::string DplDate(std::string_view text);

}  // namespace embargo
