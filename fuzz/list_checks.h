// What the list harnesses check of a list that parsed: every name a parser
// returns is UTF-8 (entity.h: names are UTF-8; sources check decoded text
// again), since screening, the index and JSON output rely on it. A
// violation aborts with the entity and the bytes, so libFuzzer reports it.
// Pure function; thread-safe.
#pragma once

#include "sources/parsed_list.h"

namespace embargo::fuzz {

void CheckParsedList(const ParsedList& list);

}  // namespace embargo::fuzz
