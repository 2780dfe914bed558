// A streaming JSON writer: appends compact JSON text to a string as values
// are given, with no document tree in between. For answers built on every
// request (/match, /search, batch JSON lines), where building an
// nlohmann::json tree and then dumping it cost more than the screening.
// Its text reads as JsonText's would: strings are escaped as nlohmann
// escapes them (ensure_ascii off) and bytes that are not UTF-8 become
// U+FFFD; a double is written in its shortest round-trip form, with ".0"
// when it is integral; a non-finite double is null. Keys come out in the
// order given. Misuse (a value where a key is due, unbalanced ends) is a
// programming error, checked by assert. Not thread-safe; one per answer.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace embargo {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The next member's key; its value follows.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Number(double value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Bool(bool value);
  void Null();
  // A value already held as a tree (rarely built parts of an answer).
  void Value(const nlohmann::json& value);
  // An array of strings.
  void Strings(const std::vector<std::string>& values);

  // Shorthands for a member: Key(key) then the value.
  void Member(std::string_view key, std::string_view value) { Key(key), String(value); }
  void Member(std::string_view key, const char* value) { Key(key), String(value); }
  void Member(std::string_view key, double value) { Key(key), Number(value); }
  void Member(std::string_view key, bool value) { Key(key), Bool(value); }
  void MemberInt(std::string_view key, int64_t value) { Key(key), Int(value); }

 private:
  void BeforeValue();

  std::string& out_;
  // Per open container: whether it holds a value yet (a comma is due).
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

// Appends `value` as a JSON string literal (quotes included), escaped as
// JsonWriter::String escapes it.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace embargo
