// A unit's declarations: names, as_of, inputs and imports (E0104, E0109, E0118, E0119, E0122).
#include <string>

#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

class UnitCollector {
 public:
  UnitCollector(Context& ctx, Unit& unit) : ctx_(ctx), unit_(unit) {}

  void Run() {
    for (const ast::File* file : unit_.files) {
      for (const ast::Decl& decl : file->decls) Collect(decl);
    }
    CheckAliases();
  }

 private:
  void Collect(const ast::Decl& decl) {
    std::visit(
        ast::Overloaded{
            [&](const ast::TableDecl& table) { Table(table); },
            [&](const ast::EventsDecl& events) { Events(events); },
            [&](const ast::ImportDecl& import) { AddImport(decl, import); },
            [&](const ast::InputDecl& input) { Input(decl, input); },
            [&](const ast::AsOfDecl& as_of) { AsOf(as_of); },
            [&](const ast::ParamDecl& param) { Add(decl, DeclKind::kParam, param.name); },
            [&](const ast::LetDecl& let) { Add(decl, DeclKind::kLet, let.name); },
            [&](const ast::SegmentDecl& s) { Add(decl, DeclKind::kSegment, s.name, Type::Bool()); },
            [&](const ast::ScoreDecl& score) { Add(decl, DeclKind::kScore, score.name); },
            [&](const ast::ClassifyDecl& c) {
              Add(decl, DeclKind::kClassify, c.name, ClassifyType(ctx_, c));
            },
            [&](const ast::MeasureDecl& m) { Add(decl, DeclKind::kMeasure, m.name); },
            [&](const ast::ConsentDecl& c) { NotInModule(c.channel, "consent"); },
            [&](const ast::AudienceDecl& a) {
              if (NotInModule(a.name, "audience"))
                Add(decl, DeclKind::kSegment, a.name, Type::Bool());
            },
            [&](const ast::SplitDecl& s) {
              if (NotInModule(s.name, "split"))
                Add(decl, DeclKind::kClassify, s.name, SplitType(ctx_, s));
            },
        },
        decl.kind);
  }

  /// Consents, audiences and splits belong to the project (activation.cc); false in a module.
  bool NotInModule(const ast::Ident& name, const char* what) {
    if (!unit_.is_module) return true;
    diag::Diagnostic d = Make(Code::kActivationInModule, name.range,
                              std::string(what) + " " + Quote(name.name) +
                                  " declared inside library module " + Quote(unit_.name));
    d.help = "declare consents, audiences and splits in the project that imports the module";
    ctx_.Report(std::move(d));
    return false;
  }

  void Table(const ast::TableDecl& table) {
    if (!unit_.is_module) return;  // the project's table is read by CollectSchema
    diag::Diagnostic d = Make(Code::kTableInModule, table.name.range,
                              "table " + Quote(table.name.name) + " declared inside library " +
                                  "module " + Quote(unit_.name));
    d.help = "a module reads the importer's table through its `input` declarations";
    ctx_.Report(std::move(d));
  }

  void Events(const ast::EventsDecl& events) {
    if (!unit_.is_module) return;  // the project's event tables are read by CollectEvents
    diag::Diagnostic d = Make(Code::kInvalidEventTable, events.name.range,
                              "events " + Quote(events.name.name) + " declared inside library " +
                                  "module " + Quote(unit_.name));
    d.help = "declare event tables in the project; a module reads values through `input`";
    ctx_.Report(std::move(d));
  }

  void Input(const ast::Decl& decl, const ast::InputDecl& input) {
    if (unit_.is_module) {
      Add(decl, DeclKind::kInput, input.name, TypeOfSpec(input.type, input.name.name));
      return;
    }
    diag::Diagnostic d =
        Make(Code::kInputOutsideModule, input.name.range,
             "input " + Quote(input.name.name) + " declared outside a library module");
    d.help =
        "inputs belong to modules imported with `import`; in a project use a column or a "
        "`let`";
    ctx_.Report(std::move(d));
  }

  void AsOf(const ast::AsOfDecl& as_of) {
    if (unit_.is_module) {
      diag::Diagnostic d = Make(Code::kDuplicateAsOf, as_of.date_range,
                                "as_of declared in library module " + Quote(unit_.name));
      d.help = "remove it: the importing project's as_of (or `segc run --as-of`) applies";
      ctx_.Report(std::move(d));
      return;
    }
    if (!ctx_.project.as_of) {
      ctx_.project.as_of = as_of.days;
      as_of_range_ = as_of.date_range;
      return;
    }
    diag::Diagnostic d =
        Make(Code::kDuplicateAsOf, as_of.date_range, "as_of is declared more than once");
    d.secondary.push_back({as_of_range_, "first declared here"});
    d.help = "keep one as_of for the project; `segc run --as-of` overrides it";
    ctx_.Report(std::move(d));
  }

  void Add(const ast::Decl& decl, DeclKind kind, const ast::Ident& name,
           Type type = Type::Error()) {
    if (!unit_.is_module) {
      uint32_t column = ctx_.project.schema.Find(name.name);
      if (column != kNone) {
        ReportDuplicate(
            ctx_, Code::kDuplicateName, name, ctx_.project.schema.columns[column].range,
            Quote(name.name) + " is already a column of table " + Quote(ctx_.project.schema.table));
        return;
      }
    }
    auto [it, inserted] = unit_.names.emplace(name.name, static_cast<uint32_t>(unit_.decls.size()));
    if (!inserted) {
      ReportDuplicate(ctx_, Code::kDuplicateName, name, unit_.decls[it->second].name_range,
                      Quote(name.name) + " is defined twice");
      return;
    }
    DeclInfo info;
    info.kind = kind;
    info.name = name.name;
    info.name_range = name.range;
    info.ast = &decl;
    info.type = std::move(type);
    unit_.decls.push_back(std::move(info));
  }

  void AddImport(const ast::Decl& decl, const ast::ImportDecl& import) {
    Import entry;
    entry.ast = &import;
    entry.range = decl.range;
    entry.module = import.module.name;
    entry.alias = import.alias ? import.alias->name : import.module.name;
    const ast::Ident& alias_ident = import.alias ? *import.alias : import.module;
    auto [it, inserted] =
        unit_.aliases.emplace(entry.alias, static_cast<uint32_t>(unit_.imports.size()));
    if (!inserted) {
      const Import& first = unit_.imports[it->second];
      diag::Diagnostic d = Make(Code::kDuplicateImport, alias_ident.range,
                                "module " + Quote(entry.module) + " is imported twice under " +
                                    "one name " + Quote(entry.alias));
      d.secondary.push_back({first.range, "first imported here"});
      d.help = "give one of them another name: `import " + entry.module + "(...) as " +
               entry.alias + "2`";
      ctx_.Report(std::move(d));
      return;
    }
    unit_.imports.push_back(std::move(entry));
  }

  /// Members are written `alias.Name`, so an alias must not also name a declaration.
  void CheckAliases() {
    for (const Import& import : unit_.imports) {
      uint32_t decl = unit_.Find(import.alias);
      if (decl == kNone) continue;
      const ast::Ident& ident = import.ast->alias ? *import.ast->alias : import.ast->module;
      ReportDuplicate(ctx_, Code::kDuplicateName, ident, unit_.decls[decl].name_range,
                      Quote(import.alias) + " names both an import and a declaration");
    }
  }

  Context& ctx_;
  Unit& unit_;
  diag::SourceRange as_of_range_;
};

}  // namespace

void CollectUnit(Context& ctx, Unit& unit) { UnitCollector(ctx, unit).Run(); }

}  // namespace segc::sema::detail
