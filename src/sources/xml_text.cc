#include "sources/xml_text.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "common/strings.h"
#include "common/utf8.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

constexpr char32_t kBeyondUnicode = 0x110000;

// Why an XML document may not hold `code_point` (which it may not).
std::string WhyNotXmlChar(char32_t code_point) {
  if (code_point >= kBeyondUnicode) return "above U+10FFFF";
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return "a surrogate";
  return fmt::format("U+{:04X}", static_cast<uint32_t>(code_point));
}

// The code point a reference's digits name, capped at kBeyondUnicode so
// that no number wraps around; nullopt when there are no digits.
std::optional<char32_t> ReferenceValue(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : digits) {
    int digit = std::isdigit(static_cast<unsigned char>(c))
                    ? c - '0'
                    : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    value = std::min<uint64_t>(value * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit),
                               kBeyondUnicode);
  }
  return static_cast<char32_t>(value);
}

// The reference starting at `pos` ("&#..."): its text up to ';' and the
// code point it names; nullopt when it is no well-formed reference (the
// parser then keeps it as literal text).
std::optional<std::pair<std::string_view, char32_t>> ReferenceAt(std::string_view bytes,
                                                                 size_t pos) {
  size_t digits = pos + 2;
  bool hex = digits < bytes.size() && bytes[digits] == 'x';
  if (hex) ++digits;
  size_t end = digits;
  auto is_digit = [hex](char c) {
    return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
               : std::isdigit(static_cast<unsigned char>(c)) != 0;
  };
  while (end < bytes.size() && is_digit(bytes[end])) ++end;
  if (end >= bytes.size() || bytes[end] != ';') return std::nullopt;
  auto value = ReferenceValue(bytes.substr(digits, end - digits), hex ? 16 : 10);
  if (!value) return std::nullopt;
  return std::pair{bytes.substr(pos, end + 1 - pos), *value};
}

// Where the construct at `pos` that holds no references ends, or `pos`.
size_t SkipLiteral(std::string_view bytes, size_t pos) {
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"<!--", "-->"}, {"<![CDATA[", "]]>"}}) {
    if (bytes.substr(pos, open.size()) != open) continue;
    size_t end = bytes.find(close, pos + open.size());
    return end == std::string_view::npos ? bytes.size() : end + close.size();
  }
  return pos;
}

class TextChecker : public pugi::xml_tree_walker {
 public:
  TextChecker(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}

  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      Check(node.value(), node, fmt::format("text of <{}>", node.parent().name()));
    } else if (node.type() == pugi::node_element) {
      for (pugi::xml_attribute attribute : node.attributes()) {
        Check(attribute.value(), node,
              fmt::format("attribute {} of <{}>", attribute.name(), node.name()));
      }
    }
    return !error_;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  void Check(std::string_view text, const pugi::xml_node& node, const std::string& what) {
    if (error_) return;
    for (size_t pos = 0; pos < text.size();) {
      Utf8Char c = DecodeUtf8(text, pos);
      if (c.length == 0) {
        return Fail(node, fmt::format("{} is not UTF-8 after decoding (byte 0x{:02X})", what,
                                      static_cast<unsigned char>(text[pos])));
      }
      if (!IsXmlChar(c.code_point)) {
        return Fail(node, fmt::format("{} holds {}, which is not an XML character", what,
                                      WhyNotXmlChar(c.code_point)));
      }
      pos += c.length;
    }
  }

  void Fail(const pugi::xml_node& node, std::string message) {
    ptrdiff_t offset = node.offset_debug();
    int line = offset < 0 ? 0 : PositionOfOffset(bytes_, static_cast<size_t>(offset)).line;
    error_ = MakeError(file_, line, std::move(message));
  }

  std::string_view bytes_;
  const std::string& file_;
  std::optional<Error> error_;
};

}  // namespace

bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

Status CheckCharacterReferences(std::string_view bytes, const std::string& file) {
  for (size_t pos = 0; pos < bytes.size(); ++pos) {
    if (bytes[pos] == '<') {
      size_t end = SkipLiteral(bytes, pos);
      if (end != pos) {
        pos = end - 1;
        continue;
      }
    }
    if (bytes[pos] != '&' || bytes.substr(pos, 2) != "&#") continue;
    auto reference = ReferenceAt(bytes, pos);
    if (!reference || IsXmlChar(reference->second)) continue;
    TextPosition at = PositionOfOffset(bytes, pos);
    return Error{file, at.line, at.column,
                 fmt::format("character reference '{}' is not an XML character ({})",
                             reference->first, WhyNotXmlChar(reference->second))};
  }
  return Status::Ok();
}

Status CheckDecodedText(const pugi::xml_node& document, std::string_view bytes,
                        const std::string& file) {
  TextChecker checker(bytes, file);
  pugi::xml_node node = document;
  node.traverse(checker);
  if (checker.error()) return *checker.error();
  return Status::Ok();
}

Status LoadXmlList(pugi::xml_document& doc, std::string_view bytes, const std::string& file) {
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, file));
  EMBARGO_RETURN_IF_ERROR(CheckCharacterReferences(bytes, file));
  pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
  if (!parsed) {
    return MakeError(file, LineOfOffset(bytes, static_cast<size_t>(parsed.offset)),
                     fmt::format("malformed XML: {}", parsed.description()));
  }
  return CheckDecodedText(doc, bytes, file);
}

std::string ChildText(const pugi::xml_node& node, const char* child) {
  return std::string(Trim(node.child_value(child)));
}

int XmlLine(std::string_view bytes, const pugi::xml_node& node) {
  ptrdiff_t offset = node.offset_debug();
  return offset < 0 ? 0 : LineOfOffset(bytes, static_cast<size_t>(offset));
}

}  // namespace embargo
