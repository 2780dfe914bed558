#include "cli/commands.h"

int main(int argc, char** argv) { return embargo::cli::Main(argc, argv); }
