// A name as another transliteration convention writes it, where the one
// the name shows is known to spell some letters differently:
//
// - Arabic script. Four letters are read one way in Arabic and another in
//   Persian, Urdu and Pashto, and the lists' Latin spellings follow the
//   reader: ث (th in Arabic: THABIT; s in Persian: SAQIB), ذ (dh: DHAHAB;
//   z: ZAKIR), ض (d or dh: FADL, FADHL; z: FAZL, ZIA) and ظ (z: ZAHIR; dh:
//   DHAHIR). The romaniser reads them the Arabic way (ظ as z); a name with
//   ث, ذ or ض is also read with them as س and ز (FAZL MOHAMMAD MAZLOOM for
//   فضل محمد مظلوم), and a name with ظ with it as ذ.
// - Ukrainian and Belarusian romanisation. Kyiv's and Minsk's official
//   romanisations write Г as h and Є as ie, and Belarusian ends names in -au
//   where Russian has -ov; a name written that way (a Ukrainian or Belarusian
//   patronymic, or a given name only those conventions spell so: Oleksandr,
//   Heorhiy, Uladzimir) is also read as Russian romanisation writes it
//   (HUSIEV as GUSEV, AHEIEVA as AGEEVA, MAROZAU as MAROZOV), which is how
//   another list writes the same person.
// - Somali orthography. Somalia's official Latin alphabet writes the Arabic
//   ḥ as x and ain as c, and long vowels doubled; a name with a given name
//   only that orthography spells so (MAXAMED, CABDI, XASAN, CUMAR) is also
//   read as English spellings write it (XASSAAN XUSEEN as HASAN HUSEN,
//   CABDULLAAHI as ABDULLAHI), which is how another list writes the same
//   person.
//
// - Korean names written in Han (Hanja: 金正恩) or in Cyrillic the Russian
//   way (Ким Чен Ын), read in Korean (김정은), not as the romaniser's
//   Mandarin or Russian (text/hanja.h, text/korean_cyrillic.h).
//
// Both sides of a match are read so: the index holds the readings of listed
// names, the query's are searched with it. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

// The other readings of `name` (UTF-8, as written), none when it shows no
// letter spelled by convention. Never `name` itself.
std::vector<std::string> ConventionReadings(std::string_view name);

}  // namespace embargo::text
