// The embargo command line: `embargo <command> ...`. Each command is library
// code (src/cli/*.cc) so tests can run it; main() only calls Main().
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace embargo::cli {

// Runs the CLI with the given arguments; returns the process exit code.
// Output that could not be written to stdout (a full disk, /dev/full) fails
// the command (CheckStdout), whichever command wrote it.
int Main(int argc, char** argv);

// Flushes `out` (the command's stdout); returns `code`, or 1 after
// "embargo: stdout: write failed (disk full?); the output is incomplete" on
// `err` when a write to it failed.
int CheckStdout(int code, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
