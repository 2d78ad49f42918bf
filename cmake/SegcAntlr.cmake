# Generation of the C++ parser from grammar/*.g4 at build time (filled in with the grammar).
