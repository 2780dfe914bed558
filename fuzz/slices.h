// Small slices of reference files for fuzz/make_corpus.cc: the first records
// of a CSV, lines, a UN list re-closed around a few records, a workbook cut
// to a few rows, text in another encoding. Slices are copies: they own their
// bytes. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::fuzz {

// A slice stops growing past this many bytes (LinesFrom).
inline constexpr size_t kSeedBytes = 4 << 10;

// The text of the first `records` CSV records (quoted newlines included).
std::string CsvHead(std::string_view text, size_t records, char delimiter = ',');

// Lines of `text`, each with its line end; views into `text`.
std::vector<std::string_view> Lines(std::string_view text);

// Consecutive lines from `first`, as many as fit in kSeedBytes (one at least).
std::string LinesFrom(const std::vector<std::string_view>& lines, size_t first);

// The first CSV field of a line (up to its first comma).
std::string_view FirstField(std::string_view line);

// The lines of `text` whose first field is one of `ids`.
std::string LinesOf(std::string_view text, const std::vector<std::string_view>& ids);

// How many times `needle` occurs in `text` before `end`.
size_t CountBefore(std::string_view text, std::string_view needle, size_t end);

// Elements <tag>...</tag> number first..first+count-1, in order.
std::string XmlElements(std::string_view text, const std::string& tag, size_t first, size_t count);

// A UN list holding individuals first..first+2 and entities first..first+1.
std::string UnSlice(std::string_view un, size_t first);

// A workbook's parts (fuzz/xlsx_parts.h order) cut to its first `rows` rows
// and the shared strings and cell formats they use; what the reader does not
// read is left out.
std::vector<std::string> SliceXlsxParts(std::vector<std::string> parts, size_t rows);

// `utf8` in the ICU converter `encoding`; throws std::runtime_error if it fails.
std::string Encode(std::string_view utf8, const char* encoding);

}  // namespace embargo::fuzz
