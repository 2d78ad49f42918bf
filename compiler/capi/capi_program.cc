// The C ABI's programs: compile (with diagnostics as values), describe, run; CSV tables.
#include <fmt/format.h>

#include "compiler/capi/capi_internal.h"
#include "segc/csv.h"

namespace segc::capi {
namespace {

segc::ProjectSource ToProjectSource(const segc_source& s) {
  segc::ProjectSource source = s.texts.empty() ? segc::ProjectSource::FromPaths(s.paths)
                                               : segc::ProjectSource::FromTexts(s.texts);
  for (const std::string& dir : s.library_dirs) source.AddLibraryDir(dir);
  for (const auto& [name, text] : s.modules) source.AddModule(name, text);
  return source;
}

segc_diagnostics* NewDiagnostics(std::vector<segc::Diagnostic> list) {
  auto* d = new segc_diagnostics{std::move(list), 0, ""};
  for (const segc::Diagnostic& diagnostic : d->list) {
    d->errors += diagnostic.severity == segc::Severity::kError;
    d->rendered += diagnostic.rendered;
    if (!diagnostic.rendered.empty() && diagnostic.rendered.back() != '\n') d->rendered += '\n';
  }
  return d;
}

// The status of a failed compile: the rules' errors, a bad constant param, or a bad source.
segc_status CompileFailure(const Status& status, const std::vector<segc::Diagnostic>& found) {
  switch (status.code()) {
    case StatusCode::kInternal:
      return FailStatus(SEGC_ERR_INTERNAL, status);
    case StatusCode::kIoError:
      return FailStatus(SEGC_ERR_IO, status);
    default:
      break;
  }
  for (const segc::Diagnostic& d : found) {
    if (d.severity == segc::Severity::kError) return FailStatus(SEGC_ERR_COMPILE, status);
  }
  const bool param = status.message().find("param") != std::string::npos;
  return FailStatus(param ? SEGC_ERR_BAD_PARAM : SEGC_ERR_INVALID_ARGUMENT, status);
}

segc_status Compile(const segc_source* source, const segc_compile_options* options,
                    segc_program** out, std::vector<segc::Diagnostic>* found) {
  if (source == nullptr) return NullArgument("source");
  if (out == nullptr) return NullArgument("out");
  auto program = segc::Program::Compile(ToProjectSource(*source),
                                        options ? options->options : segc::CompileOptions{}, found);
  if (!program.ok()) return CompileFailure(program.status(), *found);
  *out = new segc_program{std::move(program).value()};
  return Ok();
}

bool StringLike(rt::ColumnType t) {
  return t == rt::ColumnType::kString || t == rt::ColumnType::kEnum;
}

// A column the schema declares, present in the table with another type: SEGC_ERR_COLUMN_TYPE
// (the run failed with kDataError; without such a column, a column is missing).
segc_status RunDataFailure(const Status& status, const segc::Program& program,
                           const rt::Table& table) {
  for (const rt::ColumnSpec& spec : program.schema().columns) {
    const rt::Column* column = table.GetColumn(spec.name);
    if (column == nullptr || column->type() == spec.type ||
        (StringLike(column->type()) && StringLike(spec.type))) {
      continue;
    }
    return FailStatus(SEGC_ERR_COLUMN_TYPE, status);
  }
  return FailStatus(SEGC_ERR_SCHEMA_MISMATCH, status);
}

segc_status RunFailure(const Status& status, const segc::Program& program, const rt::Table& table) {
  switch (status.code()) {
    case StatusCode::kDataError:
      return RunDataFailure(status, program, table);
    case StatusCode::kInvalidArgument:
      return FailStatus(SEGC_ERR_BAD_PARAM, status);
    case StatusCode::kIoError:
      return FailStatus(SEGC_ERR_IO, status);
    default:
      return FailStatus(SEGC_ERR_INTERNAL, status);
  }
}

const std::vector<std::string>* OutputsOf(const segc_program* program, int32_t kind) {
  if (program == nullptr) {
    NullArgument("program");
    return nullptr;
  }
  const segc::OutputNames& names = program->program.outputs();
  switch (kind) {
    case SEGC_OUTPUT_SEGMENT:
      return &names.segments;
    case SEGC_OUTPUT_SCORE:
      return &names.scores;
    case SEGC_OUTPUT_CLASS:
      return &names.classes;
    default:
      Fail(SEGC_ERR_INVALID_ARGUMENT, "unknown output kind");
      return nullptr;
  }
}

const rt::ColumnSpec* ColumnOf(const segc_program* program, int64_t index) {
  if (program == nullptr) {
    NullArgument("program");
    return nullptr;
  }
  const auto& columns = program->program.schema().columns;
  if (CheckIndex(index, columns.size(), "column") != SEGC_OK) return nullptr;
  return &columns[size_t(index)];
}

const segc::Diagnostic* DiagnosticOf(const segc_diagnostics* d, int64_t index) {
  if (d == nullptr) {
    NullArgument("diagnostics");
    return nullptr;
  }
  if (CheckIndex(index, d->list.size(), "diagnostic") != SEGC_OK) return nullptr;
  return &d->list[size_t(index)];
}

}  // namespace
}  // namespace segc::capi

using namespace segc::capi;  // NOLINT: the C entry points below are thin wrappers

extern "C" {

segc_status segc_program_compile(const segc_source* source, const segc_compile_options* options,
                                 segc_program** out, segc_diagnostics** diagnostics) {
  return Guard([&] {
    if (out != nullptr) *out = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    std::vector<segc::Diagnostic> found;
    segc_status status = Compile(source, options, out, &found);
    if (diagnostics != nullptr) *diagnostics = NewDiagnostics(std::move(found));
    return status;
  });
}

void segc_program_free(segc_program* program) { delete program; }

int64_t segc_program_num_columns(const segc_program* program) {
  if (program == nullptr) {
    NullArgument("program");
    return -1;
  }
  return int64_t(program->program.schema().columns.size());
}

const char* segc_program_column_name(const segc_program* program, int64_t column) {
  const auto* spec = ColumnOf(program, column);
  return spec ? spec->name.c_str() : nullptr;
}

int32_t segc_program_column_type(const segc_program* program, int64_t column) {
  const auto* spec = ColumnOf(program, column);
  return spec ? TypeCodeOf(spec->type) : -1;
}

int64_t segc_program_num_outputs(const segc_program* program, int32_t kind) {
  const auto* names = OutputsOf(program, kind);
  if (names == nullptr) return -1;
  return int64_t(names->size());
}

const char* segc_program_output_name(const segc_program* program, int32_t kind, int64_t index) {
  const auto* names = OutputsOf(program, kind);
  if (names == nullptr || CheckIndex(index, names->size(), "output") != SEGC_OK) return nullptr;
  return (*names)[size_t(index)].c_str();
}

segc_status segc_program_run(const segc_program* program, const segc_table* table,
                             const segc_run_options* options, segc_result** out) {
  return Guard([&] {
    if (out != nullptr) *out = nullptr;
    if (program == nullptr) return NullArgument("program");
    if (table == nullptr) return NullArgument("table");
    if (out == nullptr) return NullArgument("out");
    auto run = program->program.Run(table->table, options ? options->inputs : segc::RunInputs{});
    if (!run.ok()) return RunFailure(run.status(), program->program, table->table);
    *out = NewResult(std::move(run).value());
    return Ok();
  });
}

segc_status segc_table_from_csv(const segc_program* program, const char* path, segc_table** out) {
  return Guard([&] {
    if (out != nullptr) *out = nullptr;
    if (program == nullptr) return NullArgument("program");
    if (path == nullptr) return NullArgument("path");
    if (out == nullptr) return NullArgument("out");
    auto table = segc::rt::ReadCsv(path, program->program.schema());
    if (!table.ok()) {
      const bool io = table.status().code() == segc::StatusCode::kIoError;
      return FailStatus(io ? SEGC_ERR_IO : SEGC_ERR_DATA, table.status());
    }
    *out = new segc_table{std::move(table).value()};
    return Ok();
  });
}

void segc_diagnostics_free(segc_diagnostics* diagnostics) { delete diagnostics; }

int64_t segc_diagnostics_count(const segc_diagnostics* diagnostics) {
  if (diagnostics == nullptr) {
    NullArgument("diagnostics");
    return -1;
  }
  return int64_t(diagnostics->list.size());
}

int64_t segc_diagnostics_error_count(const segc_diagnostics* diagnostics) {
  if (diagnostics == nullptr) {
    NullArgument("diagnostics");
    return -1;
  }
  return diagnostics->errors;
}

const char* segc_diagnostics_rendered(const segc_diagnostics* diagnostics) {
  if (diagnostics == nullptr) {
    NullArgument("diagnostics");
    return nullptr;
  }
  return diagnostics->rendered.c_str();
}

const char* segc_diagnostic_code(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->code.c_str() : nullptr;
}

int32_t segc_diagnostic_severity(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  if (d == nullptr) return -1;
  switch (d->severity) {
    case segc::Severity::kError:
      return SEGC_SEVERITY_ERROR;
    case segc::Severity::kWarning:
      return SEGC_SEVERITY_WARNING;
    case segc::Severity::kNote:
      return SEGC_SEVERITY_NOTE;
  }
  return -1;
}

const char* segc_diagnostic_file(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->file.c_str() : nullptr;
}

int32_t segc_diagnostic_line(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->line : -1;
}

int32_t segc_diagnostic_column(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->column : -1;
}

const char* segc_diagnostic_message(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->message.c_str() : nullptr;
}

const char* segc_diagnostic_help(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->help.c_str() : nullptr;
}

const char* segc_diagnostic_rendered(const segc_diagnostics* diagnostics, int64_t index) {
  const auto* d = DiagnosticOf(diagnostics, index);
  return d ? d->rendered.c_str() : nullptr;
}

}  // extern "C"
