#include "common/utf8.h"

namespace embargo {

Utf8Char DecodeUtf8(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  // RFC 3629, table in section 4: the second byte's range depends on the
  // lead byte, which is how overlongs, surrogates and > U+10FFFF are refused.
  const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || pos + length > text.size()) return {};
  unsigned char low = 0x80, high = 0xBF;
  if (lead == 0xE0) low = 0xA0;   // overlong 3-byte
  if (lead == 0xED) high = 0x9F;  // surrogates
  if (lead == 0xF0) low = 0x90;   // overlong 4-byte
  if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  if (byte(pos + 1) < low || byte(pos + 1) > high) return {};
  char32_t code_point = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if (i > 1 && (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF)) return {};
    code_point = (code_point << 6) | (byte(pos + i) & 0x3F);
  }
  return {code_point, length};
}

size_t FindInvalidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    // ASCII runs are the common case in list files.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t length = DecodeUtf8(text, pos).length;
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace embargo
