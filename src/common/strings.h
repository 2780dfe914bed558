// Small ASCII string helpers shared by parsers, the CLI and the model.
// Pure functions; thread-safe.
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace embargo {

// `text` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);

// Splits on `separator`, trims each piece and drops empty ones.
std::vector<std::string> SplitList(std::string_view text, char separator = ';');

// The whole of `text` read as a number of type T (int, size_t, double...),
// or nullopt when it is empty, has anything else around the number, or
// does not fit.
template <typename T>
std::optional<T> ParseNumber(std::string_view text) {
  T value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// The whole of `text` read as a finite number within [low, high]; nullopt
// for anything else, "nan" and "inf" included (a NaN threshold compares
// false with every score and would silently turn alerting off).
std::optional<double> ParseFiniteInRange(std::string_view text, double low, double high);

// ASCII case folding and classes, independent of the C locale (and inline:
// std::tolower is a library call per byte).
inline char AsciiLower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}
inline char AsciiUpper(unsigned char c) {
  return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
}
inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `text` with its ASCII letters in upper or lower case; other bytes as
// they are (codes, country codes, BICs).
std::string AsciiUppercase(std::string_view text);
std::string AsciiLowercase(std::string_view text);

// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Where a byte lies in a text, as an editor shows it: 1-based line
// (counting '\n') and 1-based column (bytes since the line's start).
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition PositionOfOffset(std::string_view text, size_t offset);

}  // namespace embargo
