// libFuzzer target: any byte string must parse (or be refused) without crashing, and the
// resulting tree must print. Build with clang and -DSEGC_FUZZ=ON; run:
//   build/tests/fuzz/segc_parse_fuzzer tests/fuzz/corpus/parse -max_len=4096
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/ast/printer.h"
#include "compiler/syntax/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  segc::diag::SourceManager sources;
  segc::diag::DiagnosticSink sink;
  segc::ast::NodeIdAllocator ids;
  segc::diag::FileId file =
      sources.Add("fuzz.seg", std::string(reinterpret_cast<const char*>(data), size));
  std::unique_ptr<segc::ast::File> parsed = segc::syntax::Parse(sources, file, ids, sink);
  std::string printed = segc::ast::Print(*parsed);
  for (const segc::diag::Diagnostic& d : sink.diagnostics()) {
    // Every reported range must lie inside the file (renderers slice the text with it).
    if (d.range.begin > d.range.end || d.range.end > size) __builtin_trap();
  }
  if (printed.size() > size * 64 + 4096) __builtin_trap();  // the tree cannot outgrow its text
  return 0;
}
