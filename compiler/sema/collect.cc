// Project structure: the table, each unit's declarations and names (E0104, E0113-E0123).
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"
#include "segc/schema.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

}  // namespace

Type TypeOfSpec(const ast::TypeSpec& spec, const std::string& owner) {
  switch (spec.kind) {
    case ast::TypeSpec::Kind::kInt:
      return Type::Int();
    case ast::TypeSpec::Kind::kFloat:
      return Type::Float();
    case ast::TypeSpec::Kind::kBool:
      return Type::Bool();
    case ast::TypeSpec::Kind::kString:
      return Type::String();
    case ast::TypeSpec::Kind::kDate:
      return Type::Date();
    case ast::TypeSpec::Kind::kEnum:
      break;
  }
  std::vector<std::string> values;
  for (const ast::Ident& value : spec.enum_values) values.push_back(value.name);
  return Type::Enum(owner, std::move(values));
}

void CheckColumnFormat(Context& ctx, const ast::ColumnDecl& column) {
  using Kind = ast::TypeSpec::Kind;
  const std::string& format = column.type.format;
  Kind kind = column.type.kind;
  // Each type that takes a format: its validator, its code and what the label says.
  struct Rule {
    Kind kind;
    Status (*validate)(std::string_view);
    Code code;
    const char* label;
  };
  static const Rule kRules[] = {
      {Kind::kBool, rt::ValidateBoolTokens, Code::kUnreadableBoolTokens,
       "expected the true and the false text, separated by '/'"},
      {Kind::kFloat, rt::ValidateNumberFormat, Code::kUnreadableNumberFormat,
       "segc cannot read numbers written this way"},
      {Kind::kDate, rt::ValidateDateFormat, Code::kUnreadableDateFormat,
       "segc cannot read dates written this way"},
  };
  for (const Rule& rule : kRules) {
    if (rule.kind != kind || (kind != Kind::kDate && format.empty())) continue;
    Status status = rule.validate(format);
    if (status.ok()) return;
    diag::Diagnostic d = Make(rule.code, column.type.range,
                              "column " + Quote(column.name.name) + ": " + status.message());
    d.label = rule.label;
    if (kind == Kind::kDate) {
      d.help =
          "a time of day (%H:%M:%S, 24-hour) is read and dropped; 12-hour clocks, time zones "
          "and epoch seconds are not supported";
    }
    ctx.Report(std::move(d));
    return;
  }
}

void ReportDuplicate(Context& ctx, Code code, const ast::Ident& name, diag::SourceRange first,
                     std::string message) {
  diag::Diagnostic d = Make(code, name.range, std::move(message));
  d.label = "defined again here";
  d.secondary.push_back({first, "first defined here"});
  ctx.Report(std::move(d));
}

namespace {

void AddColumns(Context& ctx, const ast::TableDecl& table) {
  Schema& schema = ctx.project.schema;
  for (const ast::ColumnDecl& column : table.columns) {
    auto [it, inserted] =
        schema.by_name.emplace(column.name.name, static_cast<uint32_t>(schema.columns.size()));
    if (!inserted) {
      ReportDuplicate(ctx, Code::kDuplicateColumn, column.name, schema.columns[it->second].range,
                      "column " + Quote(column.name.name) + " is declared twice in table " +
                          Quote(table.name.name));
      continue;
    }
    CheckColumnFormat(ctx, column);
    schema.columns.push_back(Column{column.name.name, TypeOfSpec(column.type, column.name.name),
                                    column.type.format, column.name.range});
  }
}

void CheckKey(Context& ctx, const ast::TableDecl& table) {
  Schema& schema = ctx.project.schema;
  schema.key = table.key.name;
  schema.key_column = schema.Find(table.key.name);
  if (schema.key_column != kNone) return;
  diag::Diagnostic d = Make(Code::kUnknownKeyColumn, table.key.range,
                            "key column " + Quote(table.key.name) + " is not a column of table " +
                                Quote(table.name.name));
  d.label = "not declared in the table";
  std::vector<std::string> names;
  for (const Column& column : schema.columns) names.push_back(column.name);
  d.help = diag::DidYouMean(table.key.name, names);
  if (d.help.empty()) d.help = "declare it: `" + table.key.name + ": int`";
  ctx.Report(std::move(d));
}

}  // namespace

/// Labels must be unique and `otherwise` must come last (LANGUAGE.md §4).
Type ClassifyType(Context& ctx, const ast::ClassifyDecl& classify) {
  std::vector<std::string> labels;
  std::vector<diag::SourceRange> first;
  for (size_t i = 0; i < classify.arms.size(); ++i) {
    const ast::ClassifyArm& arm = classify.arms[i];
    if (arm.when == nullptr && i + 1 != classify.arms.size()) {
      diag::Diagnostic d =
          Make(Code::kMisplacedOtherwise, arm.range,
               "'otherwise' arm " + Quote(arm.label.name) + " is not the last arm of classify " +
                   Quote(classify.name.name));
      d.label = "later arms can never match";
      d.help = "move the 'otherwise' arm to the end";
      ctx.Report(std::move(d));
    }
    size_t j = 0;
    while (j < labels.size() && labels[j] != arm.label.name) ++j;
    if (j < labels.size()) {
      ReportDuplicate(ctx, Code::kDuplicateLabel, arm.label, first[j],
                      "label \"" + arm.label.name + "\"" + " is used twice in classify " +
                          Quote(classify.name.name));
      continue;
    }
    labels.push_back(arm.label.name);
    first.push_back(arm.label.range);
  }
  return Type::Label(classify.name.name, std::move(labels));
}

void CollectSchema(Context& ctx, const std::vector<const ast::File*>& files) {
  const ast::Decl* first = nullptr;
  for (const ast::File* file : files) {
    for (const ast::Decl& decl : file->decls) {
      const auto* table = std::get_if<ast::TableDecl>(&decl.kind);
      if (table == nullptr) continue;
      if (first != nullptr) {
        const auto& kept = std::get<ast::TableDecl>(first->kind);
        bool same = table->name.name == kept.name.name;
        diag::Diagnostic d = Make(
            Code::kMultipleTables, table->name.range,
            same ? "table " + Quote(table->name.name) + " is declared a second time"
                 : "table " + Quote(table->name.name) + " is a second table; v1 projects have " +
                       "exactly one (" + Quote(kept.name.name) + ")");
        if (same) d.label = "a project has exactly one table declaration";
        d.secondary.push_back({kept.name.range, "first table declared here"});
        d.help = "keep a single `table` declaration for the project";
        ctx.Report(std::move(d));
        continue;
      }
      first = &decl;
      ctx.project.schema.table = table->name.name;
      ctx.project.schema.range = table->name.range;
      AddColumns(ctx, *table);
      CheckKey(ctx, *table);
    }
  }
  if (first != nullptr || files.empty()) return;
  diag::Diagnostic d = Make(Code::kNoTable, diag::SourceRange{files[0]->file, 0, 0},
                            "the project has no table declaration");
  d.help =
      "declare the columns in schema.seg, e.g. `table customers key id { id: int }` (`segc "
      "schema infer DATA` writes one)";
  ctx.Report(std::move(d));
}

}  // namespace segc::sema::detail
