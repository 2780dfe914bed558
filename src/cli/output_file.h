// Where a command's output goes: a file named by --out/--output, or standard
// output when the name is empty or "-". Every command writes its reports and
// results through WriteOutput, which flushes and closes what it wrote and
// checks: a file that cannot be opened, or a write that fails (a full disk,
// /dev/full), is an error message naming the file and a failing exit code,
// never a silent partial report. Thread-compatible.
#pragma once

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace embargo::cli {

// Calls `write` on the file `path` (or on `out`), then flushes and closes it.
// Returns 0, or 1 after writing to `err`
//   "embargo <command>: <path>: cannot write file (<reason>)" or
//   "embargo <command>: <path or stdout>: write failed (disk full?); the
//    output is incomplete".
// `write` may stop early when the stream goes bad (a long batch need not go
// on screening into a full disk).
inline int WriteOutput(std::string_view command, const std::string& path, std::ostream& out,
                       std::ostream& err, const std::function<void(std::ostream&)>& write) {
  std::ofstream file;
  const bool to_file = !path.empty() && path != "-";
  if (to_file) {
    errno = 0;
    file.open(path, std::ios::binary);
    if (!file) {
      err << "embargo " << command << ": " << path << ": cannot write file ("
          << std::strerror(errno) << ")\n";
      return 1;
    }
  }
  std::ostream& sink = to_file ? file : out;
  write(sink);
  sink.flush();
  if (to_file && sink) file.close();  // the last buffer is written here
  if (!sink) {
    // No reason given: errno may have changed since the write that failed.
    err << "embargo " << command << ": " << (to_file ? path : "stdout")
        << ": write failed (disk full?); the output is incomplete\n";
    return 1;
  }
  return 0;
}

}  // namespace embargo::cli
