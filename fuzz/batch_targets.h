// What the first byte of a fuzz_batch input selects, so that
// fuzz/make_corpus.cc seeds each reading: bits 0-2 the --encoding
// (kBatchEncodings), bits 3-4 the date order, bit 5 whether the rest is a
// workbook's XML parts (fuzz/xlsx_parts.h) rather than the file's bytes.
// Immutable constants.
#pragma once

#include <cstddef>
#include <string_view>

namespace embargo::fuzz {

inline constexpr std::string_view kBatchEncodings[8] = {
    "", "CP949", "Shift_JIS", "ISO-8859-1", "UTF-16LE", "UTF-16BE", "EUC-KR", "UTF-8"};
inline constexpr unsigned char kBatchXlsxPartsBit = 1 << 5;

// The selector byte for an encoding's index, a date order (0-3) and the form.
inline constexpr unsigned char BatchSelector(size_t encoding, size_t date_order, bool xlsx_parts) {
  return static_cast<unsigned char>(encoding | (date_order << 3) |
                                    (xlsx_parts ? kBatchXlsxPartsBit : 0));
}

// The columns the harness maps, as `screen --map` would: the reference
// negatives' and a Korean bank's headers (tests/data/input).
inline constexpr std::string_view kBatchMappings[] = {
    "full_name=name",      "date_of_birth=birth_date", "고객번호=id",     "성명=name",
    "생년월일=birth_date", "국적=nationality",         "고객구분=schema", "성별=gender"};

}  // namespace embargo::fuzz
