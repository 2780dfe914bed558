// Text tables for a terminal: widths counted in columns, not bytes. East
// Asian wide and fullwidth characters (Hangul, kana, CJK ideographs) take
// two columns, combining marks and format characters none (ICU's
// East_Asian_Width and General_Category); a cell is cut only between
// characters, so Cyrillic or Hangul is never split inside a character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace embargo::cli {

// Terminal columns `text` (UTF-8) takes; an ill-formed byte takes one.
size_t DisplayWidth(std::string_view text);

// `text` in exactly `width` columns: padded with spaces on the right, or
// cut to fit with "…" as its last column when it is wider.
std::string FitColumn(std::string_view text, size_t width);

}  // namespace embargo::cli
