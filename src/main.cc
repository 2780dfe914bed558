#include "cli/commands.h"
#include "cli/open_screener.h"

int main(int argc, char** argv) {
  embargo::cli::KeepScreenersUntilExit();
  return embargo::cli::Main(argc, argv);
}
