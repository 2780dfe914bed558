// Which character separates the fields of a delimited text file, judged
// from its header line: the most frequent of ',', ';', tab and '|' outside
// double quotes (',' on a tie or when there is none: a one-column file).
// Pure; thread-safe.
#pragma once

#include <string_view>

namespace embargo::input {

// `text` is the whole file or its start; only the first line is read.
char DetectDelimiter(std::string_view text);

}  // namespace embargo::input
