// An .xlsx workbook assembled from the XML parts a fuzz input gives, so the
// harnesses mutate the sheet, shared strings, styles and relationships while
// the zip around them stays valid (a mutated zip mostly fails its CRC
// check before any XML is read). The corpus generator cuts real workbooks
// into these parts. Pure functions; thread-safe.
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::fuzz {

// The parts, in the order a fuzz input gives them.
inline constexpr std::string_view kXlsxPartNames[] = {
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
};
inline constexpr size_t kXlsxPartCount = std::size(kXlsxPartNames);

// A zip archive (entries stored, not compressed) holding parts[i] under
// kXlsxPartNames[i]; parts beyond the names are ignored, empty or missing
// ones left out. "" if libzip fails.
std::string ZipXlsxParts(const std::vector<std::string_view>& parts);

// The parts of the workbook in `xlsx` (zip bytes), "" for each one it lacks;
// empty when the bytes are no zip archive.
std::vector<std::string> UnzipXlsxParts(std::string_view xlsx);

}  // namespace embargo::fuzz
