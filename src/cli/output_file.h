// Where a command's report goes: a file named by --out, or standard output
// when --out is empty or "-". A file that cannot be opened or written is an
// error message naming it, never a silent partial report.
#pragma once

#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace embargo::cli {

// Calls `write` on the file `path` (or on `out`) and returns 0; returns 1
// with "embargo <command>: <path>: cannot write file" (or "write failed")
// on `err`.
inline int WriteOutput(std::string_view command, const std::string& path, std::ostream& out,
                       std::ostream& err, const std::function<void(std::ostream&)>& write) {
  std::ofstream file;
  const bool to_file = !path.empty() && path != "-";
  if (to_file) {
    file.open(path, std::ios::binary);
    if (!file) {
      err << "embargo " << command << ": " << path << ": cannot write file\n";
      return 1;
    }
  }
  std::ostream& sink = to_file ? file : out;
  write(sink);
  sink.flush();
  if (!sink) {
    err << "embargo " << command << ": " << (to_file ? path : "stdout") << ": write failed\n";
    return 1;
  }
  return 0;
}

}  // namespace embargo::cli
