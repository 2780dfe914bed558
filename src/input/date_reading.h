// Lenient reading of a birth date as people write it: ISO and its loose
// forms ("1964-7-17", "1964.07.17", "19921103"), day or month first with the
// year last ("17/07/1964", "03/04/1987": both readings unless an order is
// given), month names in several languages through ICU ("17 July 1964",
// "17 juillet 1964", "17. Juli 1964"), Korean, Japanese and Chinese
// ("1964년 7월 17일", "1964年7月17日"), two-digit years. A date with an
// impossible day keeps its year and month ("1974-01-32" -> 1974-01).
// Pure; thread-safe (the month-name table is built once, on first use).
#pragma once

#include <optional>
#include <string_view>

#include "embargo/batch.h"
#include "embargo/entity.h"
#include "embargo/screener.h"
#include "input/field_reading.h"

namespace embargo::input {

// The readings of `text` (the field is named "birth_date" in warnings).
// Several readings are sorted and distinct.
FieldReading<PartialDate> ReadBirthDate(std::string_view text, DateOrder order);

// "dmy", "mdy", "ymd" (any case) or "" (unknown); nullopt for anything else.
using embargo::ParseDateOrder;  // public: embargo/batch.h
// "dmy", "mdy", "ymd" or "".
std::string_view DateOrderName(DateOrder order);

}  // namespace embargo::input
