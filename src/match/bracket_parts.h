// A name split at its brackets: what stands outside them and each part
// inside ("Korea Mining Development Trading Corporation (KOMID)", "Jin
// Tiesan (金铁三)", "(Sheikh) Musa Hilal"). A bracket left open runs to the
// end of the name. Both sides read names this way: a query's parts are
// searched on their own (derived_names.h), a listed name's become readings
// (index.h, ListedReadings). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::match {

struct BracketParts {
  std::string outside;                   // the name without its bracketed parts
  std::vector<std::string_view> inside;  // each bracketed part, into the name, as written
};

// `separator` stands where each bracketed part was ("" keeps a Han name's
// characters together, " " keeps Latin words apart). Nothing inside when the
// name has no brackets.
BracketParts SplitBrackets(std::string_view name, std::string_view separator);

}  // namespace embargo::match
