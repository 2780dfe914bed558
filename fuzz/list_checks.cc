#include "fuzz/list_checks.h"

#include <cstdio>
#include <cstdlib>

#include "common/utf8.h"

namespace embargo::fuzz {
namespace {

void CheckText(const Entity& entity, const std::string& text) {
  if (IsValidUtf8(text)) return;
  std::fprintf(stderr, "entity %s: name is not UTF-8: '%s'\n", entity.id.c_str(), text.c_str());
  std::abort();
}

}  // namespace

void CheckParsedList(const ParsedList& list) {
  for (const Entity& entity : list.entities) {
    for (const Name& name : entity.names) {
      CheckText(entity, name.value);
      for (const NamePart& part : name.parts) CheckText(entity, part.value);
    }
  }
}

}  // namespace embargo::fuzz
