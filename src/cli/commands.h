// The embargo command line: `embargo <command> ...`. Each command is library
// code (src/cli/*.cc) so tests can run it; main() only calls Main().
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace embargo::cli {

// Runs the CLI with the given arguments; returns the process exit code.
int Main(int argc, char** argv);

}  // namespace embargo::cli
