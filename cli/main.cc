// segc entry point; everything else lives in cli/app.cc and one file per subcommand.
#include "cli/app.h"

int main(int argc, char** argv) { return segc::cli::Main(argc, argv); }
