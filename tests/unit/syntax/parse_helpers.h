// Test helper: parse a string as one file and keep everything needed to inspect the result.
#pragma once

#include <memory>
#include <string>

#include "compiler/ast/printer.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/syntax/parse.h"

namespace segc::syntax::testing {

/// A parsed source with its diagnostics.
struct Parsed {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  diag::FileId id = 0;
  std::unique_ptr<ast::File> file;

  std::string Printed() const { return ast::Print(*file); }
  /// "E0010 3:7 message" for the i-th diagnostic.
  std::string Describe(size_t i) const {
    const diag::Diagnostic& d = sink.diagnostics().at(i);
    diag::LineCol at = sources.Locate(d.range.file, d.range.begin);
    return std::string(diag::Info(d.code).id) + " " + std::to_string(at.line) + ":" +
           std::to_string(at.column) + " " + d.message;
  }
  std::string AllDiagnostics() const {
    std::string out;
    for (size_t i = 0; i < sink.diagnostics().size(); ++i) out += Describe(i) + "\n";
    return out;
  }
};

inline std::unique_ptr<Parsed> ParseText(std::string text, const ParseOptions& options = {}) {
  auto p = std::make_unique<Parsed>();
  p->id = p->sources.Add("test.seg", std::move(text));
  p->file = Parse(p->sources, p->id, p->ids, p->sink, options);
  return p;
}

}  // namespace segc::syntax::testing
