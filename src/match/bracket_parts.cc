#include "match/bracket_parts.h"

namespace embargo::match {

BracketParts SplitBrackets(std::string_view name, std::string_view separator) {
  BracketParts parts;
  size_t i = 0;
  while (i < name.size()) {
    size_t open = name.find('(', i);
    if (open == std::string_view::npos) {
      parts.outside.append(name.substr(i));
      break;
    }
    parts.outside.append(name.substr(i, open - i));
    parts.outside.append(separator);
    size_t close = name.find(')', open);
    if (close == std::string_view::npos) close = name.size();
    parts.inside.push_back(name.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  return parts;
}

}  // namespace embargo::match
