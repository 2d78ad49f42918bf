// Formats every .seg file of the repository (examples, stdlib, tests, bench) and checks, for each
// file that parses: fmt(fmt(x)) == fmt(x); the comments of x appear in fmt(x) in the same order;
// the syntax tree is the same; and, for each directory whose files all parse, the checked project
// gives the same diagnostics and, when it plans, the same logical IR (ir::Print, no positions).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "compiler/api/pipeline.h"
#include "compiler/ast/printer.h"
#include "compiler/format/format.h"
#include "compiler/ir/printer.h"
#include "compiler/syntax/parse.h"

namespace segc::format {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ParsedText {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  std::unique_ptr<ast::File> file;
};

std::unique_ptr<ParsedText> ParseSeg(const std::string& text) {
  auto p = std::make_unique<ParsedText>();
  diag::FileId id = p->sources.Add("x.seg", text);
  p->file = syntax::Parse(p->sources, id, p->ids, p->sink);
  return p;
}

/// What the checker and the IR lowering make of a project: diagnostic codes and messages, then
/// the printed logical IR when the project plans.
std::string Fingerprint(const std::string& dir, const std::vector<api::RuleText>& files,
                        bool& planned) {
  api::ProjectSource source{dir, files, nullptr};
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  api::CheckedRules checked = api::Check(source, sources, sink);
  std::string out;
  for (const diag::Diagnostic& d : sink.diagnostics())
    out += std::string(diag::Info(d.code).id) + " " + d.message + "\n";
  planned = false;
  if (!sink.has_errors()) {
    api::PlanResult plan = api::Plan(*checked.project, {});
    if (plan.rules && plan.rules->logical) {
      out += ir::Print(*plan.rules->logical);
      planned = true;
    }
  }
  return out;
}

/// `text` with the whitespace between tokens shuffled: a run of blanks (no blank line, no comment)
/// becomes 1 to 3 spaces or a newline and some indentation. Runs that are empty, hold a comment
/// or a blank line are kept, so the tokens (score-rule signs depend on spacing), the comments'
/// places and the blank lines stay; only the layout changes.
std::string Scramble(const std::string& text, std::mt19937& rng) {
  std::vector<syntax::Token> tokens = syntax::Tokenize(text);
  std::string out;
  uint32_t prev = 0;
  for (const syntax::Token& t : tokens) {
    std::string_view gap(text.data() + prev, t.begin - prev);
    bool keep = prev == 0 || gap.empty() || gap.find('#') != std::string_view::npos ||
                gap.find('\n') != gap.rfind('\n') || t.kind == syntax::Tok::kEof;
    if (keep) {
      out += gap;
    } else if (rng() % 4 == 0) {
      out += "\n" + std::string(rng() % 7, ' ');
    } else {
      out += std::string(1 + rng() % 3, ' ');
    }
    out += text.substr(t.begin, t.end - t.begin);
    prev = t.end;
  }
  return out;
}

TEST(FormatRoundTrip, EverySegFileOfTheRepository) {
  const fs::path root = SEGC_SOURCE_DIR;
  std::vector<fs::path> paths;
  for (const char* top : {"examples", "stdlib", "tests", "bench"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      if (entry.is_regular_file() && entry.path().extension() == ".seg")
        paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  ASSERT_GT(paths.size(), 200u);

  size_t formatted = 0, skipped = 0, changed = 0, comments = 0, scrambled_files = 0;
  // Directory → its files (original and formatted text); null once a file of it does not parse.
  std::map<fs::path, std::optional<std::vector<std::pair<api::RuleText, api::RuleText>>>> dirs;
  for (const fs::path& path : paths) {
    SCOPED_TRACE(path.string());
    std::string text = ReadAll(path);
    auto& dir = dirs.try_emplace(path.parent_path(), std::in_place).first->second;
    std::unique_ptr<ParsedText> original = ParseSeg(text);
    if (original->sink.has_errors()) {  // syntax errors on purpose (diag goldens, fuzz corpus)
      ++skipped;
      dir.reset();
      continue;
    }
    std::string once = FormatText(text, *original->file);
    std::unique_ptr<ParsedText> reparsed = ParseSeg(once);
    ASSERT_FALSE(reparsed->sink.has_errors()) << once;
    EXPECT_EQ(ast::Print(*reparsed->file), ast::Print(*original->file)) << once;
    EXPECT_EQ(FormatText(once, *reparsed->file), once) << "not idempotent";
    std::vector<std::string> before = Comments(text);
    EXPECT_EQ(Comments(once), before) << once;
    comments += before.size();
    ++formatted;
    if (once != text) ++changed;
    // One canonical layout: the same file laid out differently formats the same.
    std::mt19937 rng(static_cast<uint32_t>(formatted));
    std::string scrambled = Scramble(text, rng);
    std::unique_ptr<ParsedText> messy = ParseSeg(scrambled);
    ASSERT_FALSE(messy->sink.has_errors()) << scrambled;
    EXPECT_EQ(FormatText(scrambled, *messy->file), once) << scrambled;
    if (scrambled != text) ++scrambled_files;
    if (dir) {
      std::string name = path.filename().string();
      dir->push_back({{name, text}, {name, once}});
    }
  }

  size_t projects = 0, planned_projects = 0;
  for (const auto& [dir, files] : dirs) {
    if (!files || files->empty()) continue;
    SCOPED_TRACE(dir.string());
    std::vector<api::RuleText> before, after;
    for (const auto& [original, formatted_text] : *files) {
      before.push_back(original);
      after.push_back(formatted_text);
    }
    bool planned_before = false, planned_after = false;
    EXPECT_EQ(Fingerprint(dir.string(), after, planned_after),
              Fingerprint(dir.string(), before, planned_before));
    EXPECT_EQ(planned_after, planned_before);
    ++projects;
    if (planned_before) ++planned_projects;
  }
  std::printf(
      "formatted %zu .seg files (%zu changed by formatting, %zu comments, %zu laid out "
      "otherwise formatting the same), skipped %zu with syntax errors; %zu directories checked, "
      "%zu compared by logical IR\n",
      formatted, changed, comments, scrambled_files, skipped, projects, planned_projects);
  EXPECT_GT(formatted, 150u);
  EXPECT_GT(planned_projects, 50u);
  EXPECT_GT(scrambled_files, formatted / 2);
}

}  // namespace
}  // namespace segc::format
