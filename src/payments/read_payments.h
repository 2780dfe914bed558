// Reading payment files whatever their syntax: a file holding XML (ISO
// 20022) or FIN blocks (SWIFT MT) is told by its first non-blank byte, so
// `.xml`, `.fin`, `.rje`, `.txt` or no extension all work; a folder is
// read with its subfolders, file by file in path order (hidden files and
// folders, and XML schemas (.xsd), skipped). Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "payments/message.h"

namespace embargo::payments {

// Payment files above this are refused (a batch file of ~1 KB messages).
inline constexpr uint64_t kMaxPaymentFileBytes = uint64_t{256} << 20;

// The messages of one text; `file` names it in messages and errors. Text
// that is neither XML nor FIN, or holds nothing but white space, is one
// error entry.
std::vector<ParsedMessage> ParsePayments(std::string_view bytes, const std::string& file);

// The messages of a file, or of every regular file in a folder; a file
// that cannot be read is one error entry and the others are still read.
std::vector<ParsedMessage> ReadPayments(const std::string& path,
                                        uint64_t max_file_bytes = kMaxPaymentFileBytes);

}  // namespace embargo::payments
