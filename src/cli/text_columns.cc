#include "cli/text_columns.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "common/utf8.h"

namespace embargo::cli {
namespace {

size_t CharWidth(char32_t cp) {
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(cp)));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  const int east_asian = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    Utf8Char c = DecodeUtf8(text, i);
    width += c.length == 0 ? 1 : CharWidth(c.code_point);
    i += std::max<size_t>(c.length, 1);
  }
  return width;
}

std::string FitColumn(std::string_view text, size_t width) {
  const size_t text_width = DisplayWidth(text);
  std::string out;
  size_t used = 0;
  if (text_width <= width) {
    out = text;
    used = text_width;
  } else if (width > 0) {
    // Whole characters while they leave a column for the ellipsis.
    for (size_t i = 0; i < text.size();) {
      Utf8Char c = DecodeUtf8(text, i);
      const size_t length = std::max<size_t>(c.length, 1);
      const size_t w = c.length == 0 ? 1 : CharWidth(c.code_point);
      if (used + w > width - 1) break;
      out.append(c.length == 0 ? std::string_view("?") : text.substr(i, length));
      used += w;
      i += length;
    }
    out += "…";
    ++used;
  }
  out.append(width > used ? width - used : 0, ' ');
  return out;
}

}  // namespace embargo::cli
