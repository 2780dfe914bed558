// Checks on the text of an XML list, before and after pugixml decodes it.
// The raw bytes are checked as UTF-8 (list_text.h) before parsing, but
// character references are decoded by the parser afterwards, and pugixml
// writes whatever they name: &#xD800; becomes a surrogate, &#x110000; a
// sequence above U+10FFFF, &#0; cuts the text short, &#x100000041; wraps
// around to 'A'. A list holding such text is damaged: it is refused with
// its position instead of failing later in screening or in the API.
// Pure functions; thread-safe.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "embargo/status.h"

namespace embargo {

// Whether XML 1.0 allows `code_point` in a document (the Char production:
// tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF).
bool IsXmlChar(char32_t code_point);

// Every numeric character reference in `bytes` (outside comments and CDATA
// sections) must name an XML character. Fails with "file:line:column:
// character reference '&#xD800;' is not an XML character (a surrogate)".
Status CheckCharacterReferences(std::string_view bytes, const std::string& file);

// Every decoded text node and attribute value of `document` (parsed from
// `bytes`, which give the lines) must be UTF-8 holding XML characters only.
// Fails with "file:line: text of <NAME> holds U+0001, which is not an XML
// character".
Status CheckDecodedText(const pugi::xml_node& document, std::string_view bytes,
                        const std::string& file);

// Everything an XML list parser does before reading elements: `bytes`
// checked as UTF-8 and for bad character references, parsed into `doc`
// (malformed XML fails with its line), decoded text checked.
Status LoadXmlList(pugi::xml_document& doc, std::string_view bytes, const std::string& file);

// The trimmed text of `node`'s first child element named `child` ("" when none).
std::string ChildText(const pugi::xml_node& node, const char* child);

// 1-based line of `node` in `bytes` (0 when pugixml does not know).
int XmlLine(std::string_view bytes, const pugi::xml_node& node);

}  // namespace embargo
