#include "embargo/status.h"

#include <fmt/format.h>

namespace embargo {

std::string Error::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(":{}", line);
    if (line > 0 && column > 0) out += fmt::format(":{}", column);
    out += ": ";
  }
  out += message;
  return out;
}

Error MakeError(std::string message) { return Error{"", 0, 0, std::move(message)}; }

Error MakeError(std::string file, int line, std::string message) {
  return Error{std::move(file), line, 0, std::move(message)};
}

}  // namespace embargo
