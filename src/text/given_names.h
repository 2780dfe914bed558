// Given names as people use them: hypocorisms and short forms (Ted for
// Theodore or Edward, Bill for William, Sasha for Aleksandr, Pepe for José)
// and patronymics (Viktorovich, Ivanovna, Aliyev oglu), which lists carry
// and customers leave out. Immutable tables built on first use; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

// A given name related to another by the hypocorism table.
struct RelatedGivenName {
  std::string name;  // lowercase ASCII
  // Whether `name` is the formal name of its line (Theodore, Aleksandr): its
  // spellings (the variant group: Alexander, Oleksandr) are the same name. A
  // short form's spellings are not (Jon and Joe share a group with the
  // Korean syllables Chon and Choe, which are no short form of John or
  // Joseph).
  bool formal;
};

// The formal names `name` is a short form of, and the short forms of
// `name` when it is formal ("ted" -> theodore, edward; "william" -> bill,
// will, ...); empty when none is known.
const std::vector<RelatedGivenName>& RelatedGivenNames(std::string_view name);

// Whether `token` reads as a patronymic by its ending (-ovich, -evna,
// -ogly, ...).
bool IsPatronymic(std::string_view token);

// An East Slavic patronymic's candidate key: the variant group of the given
// name it is formed from and its gender, so that the Russian, Ukrainian and
// Belarusian forms of one patronymic meet as spellings of each other
// (Nikolaevich, Mykolayovych, Mikalaevich -> "=nikolay~m"; Sergeevna,
// Serhiivna -> "=sergey~f"). Empty when `token` is not one or its name is
// in no variant group.
std::string PatronymicKey(std::string_view token);

}  // namespace embargo::text
