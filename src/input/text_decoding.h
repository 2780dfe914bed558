// Turning an input file's bytes into UTF-8, the only encoding the rest of
// embargo reads: a byte-order mark says UTF-8 or UTF-16 (LE/BE); otherwise
// the bytes are UTF-8 unless the user names their encoding (any ICU
// converter name: CP949, EUC-KR, Shift_JIS, ISO-8859-1, UTF-16LE, ...).
// Bytes the encoding does not allow are an error naming the line, never
// silently replaced. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "embargo/status.h"

namespace embargo::input {

// `bytes` as UTF-8, without a byte-order mark. `encoding` "" means: by the
// byte-order mark, else UTF-8 as is. `file` names the input in errors.
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view encoding,
                                 const std::string& file);

// ICU's guess at the encoding of `bytes` ("EUC-KR", "Shift_JIS",
// "ISO-8859-1", ...), or "" when it has no confident one.
std::string GuessEncoding(std::string_view bytes);

}  // namespace embargo::input
