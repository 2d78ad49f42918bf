// The built-in function registry and the embedded stdlib modules.
#include <gtest/gtest.h>

#include <set>

#include "compiler/syntax/parse.h"
#include "stdlib/builtins.h"
#include "stdlib/stdlib.h"
#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

TEST(Builtins, LanguageFunctionsAreRegistered) {
  for (const char* name :
       {"days_since", "age",         "years_since", "months_since", "year",       "month",
        "weekday",    "abs",         "round",       "floor",        "ceil",       "min",
        "max",        "clamp",       "lower",       "upper",        "length",     "starts_with",
        "ends_with",  "contains",    "matches",     "coalesce",     "percentile", "median",
        "mean",       "stddev",      "min_of",      "max_of",       "zscore",     "ntile",
        "cumshare",   "percent_rank"}) {
    EXPECT_NE(stdlib::FindBuiltin(name), nullptr) << name;
  }
  EXPECT_EQ(stdlib::FindBuiltin("p90"), nullptr) << "pNN(x) is resolved by sema, not listed";
}

TEST(Builtins, TableIsConsistent) {
  std::set<std::string_view> names;
  ASSERT_EQ(stdlib::AllBuiltins().size(), stdlib::kBuiltinCount);
  for (size_t i = 0; i < stdlib::AllBuiltins().size(); ++i) {
    const stdlib::BuiltinInfo& info = stdlib::AllBuiltins()[i];
    EXPECT_EQ(static_cast<size_t>(info.id), i);
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_TRUE(info.max_args < 0 || info.max_args >= info.min_args) << info.name;
    EXPECT_EQ(&stdlib::Builtin(info.id), &info);
  }
  EXPECT_EQ(stdlib::Builtin(stdlib::BuiltinId::kMedian).kind, stdlib::BuiltinKind::kAggregate);
  EXPECT_EQ(stdlib::Builtin(stdlib::BuiltinId::kNtile).kind, stdlib::BuiltinKind::kWindow);
  EXPECT_EQ(stdlib::Builtin(stdlib::BuiltinId::kCoalesce).null_policy,
            stdlib::NullPolicy::kInternal);
}

// Kind (when a function is evaluated) and Lowering (what the IR holds) tell one story: per-row
// functions are calls or IR ops, aggregates are kStat nodes, window functions kStat or kDerived.
TEST(Builtins, KindAndLoweringAgree) {
  using stdlib::Lowering;
  for (const stdlib::BuiltinInfo& info : stdlib::AllBuiltins()) {
    switch (info.kind) {
      case stdlib::BuiltinKind::kScalar:
        EXPECT_TRUE(info.lowering == Lowering::kCall || info.lowering == Lowering::kPerEntry ||
                    info.lowering == Lowering::kIrOp)
            << info.name;
        break;
      case stdlib::BuiltinKind::kAggregate:
        EXPECT_EQ(info.lowering, Lowering::kStat) << info.name;
        break;
      case stdlib::BuiltinKind::kWindow:
        EXPECT_TRUE(info.lowering == Lowering::kStat || info.lowering == Lowering::kDerived)
            << info.name;
        break;
    }
  }
}

// The backends' call dispatch implements exactly these null policies, and only calls take
// implicit arguments (the evaluation date).
TEST(Builtins, CallsAreNullIfAnyNullAndOnlyCallsTakeTheDate) {
  for (const stdlib::BuiltinInfo& info : stdlib::AllBuiltins()) {
    if (stdlib::IsIrCall(info)) {
      EXPECT_TRUE(info.null_policy == stdlib::NullPolicy::kNullIfAnyNull ||
                  info.null_policy == stdlib::NullPolicy::kNullIfAnyNullOrOverflow)
          << info.name;
    } else {
      EXPECT_EQ(info.implicit, stdlib::Implicit::kNone) << info.name;
    }
  }
  for (auto id : {stdlib::BuiltinId::kDaysSince, stdlib::BuiltinId::kAge,
                  stdlib::BuiltinId::kYearsSince, stdlib::BuiltinId::kMonthsSince}) {
    EXPECT_EQ(stdlib::Builtin(id).implicit, stdlib::Implicit::kAsOf) << stdlib::Builtin(id).name;
    EXPECT_EQ(stdlib::ImplicitArgs(stdlib::Builtin(id)), 1u);
  }
}

TEST(Stdlib, EveryModuleIsEmbedded) {
  std::vector<std::string_view> names = stdlib::StdlibModuleNames();
  EXPECT_EQ(names, (std::vector<std::string_view>{"rfm", "abc", "lifecycle", "lead_scoring",
                                                  "rfm_fr", "lifecycle_fr"}));
  for (std::string_view name : names) {
    std::optional<std::string_view> text = stdlib::FindStdlibModule(name);
    ASSERT_TRUE(text.has_value()) << name;
    EXPECT_FALSE(text->empty()) << name;
  }
  EXPECT_FALSE(stdlib::FindStdlibModule("nope").has_value());
}

/// A table with one column per input of `module`, an import binding each input to it, and the
/// number of modules the module imports itself.
struct ModuleProject {
  std::string schema;
  std::string import;
  size_t nested_imports = 0;
};

ModuleProject ProjectFor(std::string_view name, std::string_view text) {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  auto file = syntax::Parse(sources, sources.Add("m.seg", std::string(text)), ids, sink);
  std::string schema = "table t key row_id {\n  row_id: int\n";
  std::string import = "import " + std::string(name) + "(";
  bool first = true;
  size_t nested = 0;
  for (const ast::Decl& decl : file->decls) {
    nested += std::holds_alternative<ast::ImportDecl>(decl.kind);
    const auto* input = std::get_if<ast::InputDecl>(&decl.kind);
    if (input == nullptr) continue;
    std::string type = std::string(sources.Text(input->type.range));
    schema += "  col_" + input->name.name + ": " + type + "\n";
    import += (first ? "" : ", ") + input->name.name + " = col_" + input->name.name;
    first = false;
  }
  return {schema + "}\n", first ? "import " + std::string(name) : import + ")", nested};
}

TEST(Stdlib, EveryModuleChecksCleanly) {
  for (std::string_view name : stdlib::StdlibModuleNames()) {
    ModuleProject project = ProjectFor(name, *stdlib::FindStdlibModule(name));
    auto checked = CheckFiles({{"schema.seg", project.schema}, {"rules.seg", project.import}});
    EXPECT_FALSE(checked->sink.has_errors()) << name << ":\n"
                                             << project.import << "\n"
                                             << checked->Dump();
    // The root, the module, and what the module imports (rfm_fr imports rfm).
    EXPECT_EQ(checked->project->instances.size(), 2u + project.nested_imports) << name;
  }
}

}  // namespace
}  // namespace segc::sema::testing
