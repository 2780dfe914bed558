// An organisation's name in Arabic or Persian script read with its common
// words in English, as the lists' English names translate them: جبهة
// النصرة "front النصرة" (AL-NUSRA FRONT), شبكة أنصار المجاهدين "network أنصار
// المجاهدين" (ANSAR AL-MUJAHIDEEN NETWORK), الجماعة الاسلامية المسلحة "group
// islamic armed" (ARMED ISLAMIC GROUP), مكتب حنيفة للصرافة "office حنيفة
// exchange". The names between them are left to the romaniser. Whole words
// only, with the article (ال), li- + article (لل), and (و) and bi- (ب)
// before them; hamza on alef, Persian ی / ک and teh marbuta / heh read
// alike. Lists also write such names in transliteration (JABHAT AL-NUSRA),
// so this is a second reading, never a replacement (match/index.cc
// ListedReadings, match/derived_names.cc). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

// The readings below that `name` has, in this order (none for a name with
// no letter of the Arabic block): what the query and the index add for an
// organisation's name.
std::vector<std::string> OrganisationReadings(std::string_view name);

// `name` with the organisation words it holds in English; "" when it holds
// none (or is not valid UTF-8).
std::string ArabicOrgWordsReading(std::string_view name);

// `name` with a teh marbuta (ة) that ends a word followed by another read
// as t, as it is spoken in a construct (جبهة النصرة JABHAT AL-NUSRA, حركة
// الشباب HARAKAT AL-SHABAAB, جماعة الاحرار JAMAAT UL-AHRAR; the romaniser
// reads it a, as at the end of a name); "" when there is none.
std::string ConstructStateReading(std::string_view name);

}  // namespace embargo::text
