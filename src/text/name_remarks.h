// A remark written after a name in the same field, by a list or by a
// customer file ("Khirullah Said Wali Khairkhwa, born in Kandahar on 01
// Jan.1967", "Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman
// passport no. ...)", "JOHN SMITH DOB 01/02/1960"): what follows is not
// part of the name and is left out of its analysis (the name as written is
// kept for display). Pure function; thread-safe.
#pragma once

#include <string_view>

namespace embargo::text {

// `name` up to the first remark, trimmed of the separator before it; the
// whole name when it has none or when nothing would be left before it.
// Remarks: "born" after a comma, or followed by "in", "on", "at" or a
// digit; "date of birth", "DOB", "d.o.b."; "passport" after a comma or a
// semicolon. Matched as whole words, ignoring ASCII case.
std::string_view CutRemarkTail(std::string_view name);

}  // namespace embargo::text
