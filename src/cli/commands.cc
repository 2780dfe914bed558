#include "cli/commands.h"

#include <cstdio>

namespace embargo::cli {

int Main(int, char**) {
  std::fputs("embargo: not built yet\n", stderr);
  return 2;
}

}  // namespace embargo::cli
