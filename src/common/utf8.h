// embargo's one UTF-8 decoder and validator, strict as RFC 3629 says: no
// overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
// Every place that checks or walks UTF-8 (list files, decoded XML and JSON
// strings, query names, transliteration, terminal widths) goes through it,
// so a byte sequence is accepted or refused the same way everywhere.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace embargo {

// One decoded character: its code point and how many bytes it took.
// `length` is 0 when the bytes at the position are not well-formed UTF-8.
struct Utf8Char {
  char32_t code_point = 0;
  size_t length = 0;
};

// Decodes the character starting at byte `pos` (< text.size()).
Utf8Char DecodeUtf8(std::string_view text, size_t pos);

// Offset of the first byte that does not start a well-formed sequence, or
// std::string_view::npos when `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// Appends the UTF-8 form of `code_point`, which must be a Unicode scalar
// value (not a surrogate, at most U+10FFFF).
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace embargo
