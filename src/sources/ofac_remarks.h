// The OFAC Remarks micro-language (DOMAIN.md 1.1): "; "-separated items such
// as "DOB 03 Mar 1971", "nationality Korea, North", "Passport 927100001
// (Korea, North) issued 02 Feb 2015", "a.k.a. 'THE TALL ONE'", "Linked To:
// X". ApplyOfacRemarks turns the items it understands into Entity fields and
// keeps every other item, verbatim, in Entity::remarks. Garbage never makes it
// fail or crash. Stateless pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo {

// Parses the whole Remarks text (main column plus any sdn_comments overflow)
// into `entity`: birth dates, birth places, nationalities, gender,
// identifiers, weak aliases, links, flag countries; the rest into remarks.
void ApplyOfacRemarks(std::string_view remarks, Entity& entity);

// Applies one item (already split, trimmed). Returns false, leaving `entity`
// untouched, when the item is not understood.
bool ApplyOfacRemarkItem(std::string_view item, Entity& entity);

// Applies `item` (as ApplyOfacRemarkItem) or, when not understood, keeps
// it in Entity::remarks: how the XML formats pass their typed fields
// ("DOB 1962", "Passport X1 (Iran)") through the same grammar. Empty: nothing.
void ApplyOfacRemarkItemOrKeep(const std::string& item, Entity& entity);

// The item an XML format's typed feature stands for, in the words the
// grammar reads: ("Birthdate", "1962") -> "DOB 1962", ("Place of Birth", X)
// -> "POB X", ("Citizenship Country", X) -> "citizen X", ("Nationality
// Country", X) -> "nationality X"; any other "<type> <value>" with a final
// ':' dropped from the type ("Vessel Flag Panama").
std::string OfacFeatureItem(std::string_view type, std::string_view value);

// The item for an identity document: "Passport X1 (Iran) issued 01 Jan 2010
// expires 01 Jan 2020", each part left out when empty.
std::string OfacDocumentItem(std::string_view type, std::string_view number,
                             std::string_view country, std::string_view issued = {},
                             std::string_view expires = {});

// A period as OFAC writes a date: one day "03 Mar 1971", a whole month "Mar
// 1971", whole years "1971" or "1969 to 1971", else "01 Mar 1971 to 15 Apr
// 1971"; "circa " first when approximate. The inverse of
// ParseOfacBirthDate for the dates it reads. Empty when `from` is unknown.
std::string OfacPeriodText(const PartialDate& from, const PartialDate& to, bool approximate);

// Splits Remarks into trimmed items on ';'. A quoted weak alias is one item
// even when its name holds ';' or '\'' ("a.k.a. 'SHA'BAN'"): its quote closes
// only at a '\'' followed by ';', '.' or the end. The final '.' ending the
// remarks is dropped unless it ends an abbreviation ("CO., LTD.", "S.A.").
std::vector<std::string_view> SplitOfacRemarks(std::string_view remarks);

// "03 Mar 1971", "Apr 1969", "1958" (also full month names). nullopt when the
// text is not such a date or names an impossible day/month.
std::optional<PartialDate> ParseOfacDate(std::string_view text);

// What follows "DOB ": a date, "circa <date>", "<date> to <date>" or
// "circa YYYY-YYYY".
std::optional<DateSpec> ParseOfacBirthDate(std::string_view text);

// The country a free-text place ends with: "Nampo, Korea, North" -> "kp",
// "Tehran, Iran" -> "ir"; "" when none.
std::string CountryOfPlace(std::string_view place);

}  // namespace embargo
