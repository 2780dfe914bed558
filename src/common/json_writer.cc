#include "common/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include "common/json_text.h"
#include "common/utf8.h"

namespace embargo {

namespace {

// How many bytes at `pos` (not well-formed UTF-8) one U+FFFD stands for:
// the longest start of a well-formed sequence there, at least one byte
// (Unicode's "maximal subpart", as nlohmann's replacement reads it).
size_t MaximalSubpart(std::string_view s, size_t pos) {
  unsigned char lead = static_cast<unsigned char>(s[pos]);
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (lead < 0xC2 || lead > 0xF4) return 1;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  size_t n = 1;
  while (n < need && pos + n < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[pos + n]);
    if (n == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) break;
    ++n;
  }
  return n;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // A run of bytes that need no escape goes in at once.
    size_t run = i;
    while (run < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[run]);
      if (c >= 0x80) {
        size_t length = DecodeUtf8(s, run).length;
        if (length == 0) break;
        run += length;
      } else if (c < 0x20 || c == '"' || c == '\\') {
        break;
      } else {
        ++run;
      }
    }
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      out += "\xEF\xBF\xBD";  // U+FFFD for bytes that start no character
      i += MaximalSubpart(s, i);
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
  }
  out.push_back('"');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_value_.empty()) {
    if (has_value_.back()) out_.push_back(',');
    has_value_.back() = true;
  }
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  has_value_.push_back(false);
}

void JsonWriter::EndObject() {
  assert(!has_value_.empty() && !after_key_);
  has_value_.pop_back();
  out_.push_back('}');
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  has_value_.push_back(false);
}

void JsonWriter::EndArray() {
  assert(!has_value_.empty() && !after_key_);
  has_value_.pop_back();
  out_.push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  assert(!has_value_.empty() && !after_key_);
  if (has_value_.back()) out_.push_back(',');
  has_value_.back() = true;
  AppendJsonString(out_, key);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Number(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_ += "null";
    return;
  }
  // As nlohmann writes it: positional from 1e-4 up to 1e15, else with an
  // exponent; the shortest digits that read back as the same double.
  char buffer[64];
  double magnitude = std::fabs(value);
  bool positional = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
  auto [end, ec] =
      positional ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                 : std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  out_ += text;
  if (text.find_first_of(".e") == std::string_view::npos) out_ += ".0";
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Value(const nlohmann::json& value) {
  BeforeValue();
  out_ += JsonText(value);
}

void JsonWriter::Strings(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& v : values) String(v);
  EndArray();
}

}  // namespace embargo
