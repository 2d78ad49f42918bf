/* segc.h — the C ABI of segc: compile a rule project once, run it on many tables.
 *
 *   segc_source* source;  segc_program* program;  segc_diagnostics* diagnostics;
 *   segc_source_new(&source);
 *   segc_source_add_path(source, "rules");
 *   if (segc_program_compile(source, NULL, &program, &diagnostics) != SEGC_OK) {
 *     fputs(segc_diagnostics_rendered(diagnostics), stderr);   // why it failed
 *   }
 *   segc_table* table;  segc_result* result;
 *   segc_table_new(&table);
 *   segc_table_add_column(table, "cltv", SEGC_TYPE_FLOAT, cltv, NULL, rows);  // zero-copy
 *   segc_program_run(program, table, NULL, &result);
 *   printf("%s: %lld\n", segc_result_segment_name(result, 0),
 *          (long long)segc_result_segment_count(result, 0));
 *   segc_result_free(result);  segc_table_free(table);  segc_diagnostics_free(diagnostics);
 *   segc_program_free(program);  segc_source_free(source);
 *
 * Plain C (C99), meant for C, C++, Python ctypes, Go cgo and Rust FFI: opaque handles, fixed-size
 * integers, NUL-terminated UTF-8 strings, no struct passed or returned by value, no callback
 * except Arrow's release callbacks. No C++ exception ever crosses it.
 *
 * Errors: a function returning segc_status returns SEGC_OK or an error code. Accessors that
 * return a value instead report misuse (a NULL handle, an index out of range) by returning -1 or
 * NULL. Every failing call records its code and a message in English as the calling thread's
 * last error (as errno: successful calls, *_free included, leave it as it was).
 *
 * Ownership: every handle made by a *_new, *_compile, *_run or segc_table_from_* function is
 * freed by its *_free function (NULL is accepted and ignored). Strings and pointers returned by
 * accessors belong to the handle they come from and live until it is freed. Caller buffers given
 * to segc_table_add_* are read in place, never copied: they must stay valid and unchanged until
 * the table is freed.
 *
 * Threading: a segc_program is immutable; any number of threads may run it at once, on the same
 * or on different tables. A segc_table or segc_result may be read by many threads; a handle
 * being modified (segc_table_add_*, *_set_*, segc_source_add_*) must not be used by another
 * thread at the same time.
 *
 * Lifecycle, memory rules, versioning and the ABI policy: docs/embedding.md.
 */
#ifndef SEGC_SEGC_H_
#define SEGC_SEGC_H_

#include <stddef.h>
#include <stdint.h>

#include "segc/arrow_abi.h"

#if defined(__GNUC__) || defined(__clang__)
#define SEGC_API __attribute__((visibility("default")))
#else
#define SEGC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- versions and errors */

/** The ABI version this header describes. segc_abi_version() returns the library's; a program
 *  should refuse to run when they differ (the library changed incompatibly). */
#define SEGC_ABI_VERSION 1

/** The library's ABI version (SEGC_ABI_VERSION of the headers it was built from). */
SEGC_API int32_t segc_abi_version(void);
/** The library's release version, e.g. "0.1.0". Static storage. */
SEGC_API const char* segc_version(void);

/** The result of a call: SEGC_OK or one of the error codes below. */
typedef int32_t segc_status;

enum segc_status_code {
  SEGC_OK = 0,
  SEGC_ERR_NULL_ARGUMENT = 1,    /**< a required pointer argument is NULL */
  SEGC_ERR_INVALID_ARGUMENT = 2, /**< a bad value: negative length, repeated column name, ... */
  SEGC_ERR_COMPILE = 3,          /**< the rules have errors; the diagnostics say which */
  SEGC_ERR_COLUMN_TYPE = 4,      /**< a column's type is unknown or not the declared one */
  SEGC_ERR_SCHEMA_MISMATCH = 5,  /**< the table lacks a column the rules read, or lengths differ */
  SEGC_ERR_ARROW = 6,            /**< a malformed or unsupported Arrow schema, array or stream */
  SEGC_ERR_ARROW_RELEASED = 7,   /**< an Arrow struct already released (its release is NULL) */
  SEGC_ERR_BAD_DATE = 8,         /**< not a valid "YYYY-MM-DD" date */
  SEGC_ERR_BAD_PARAM = 9,        /**< an unknown param, or a value that does not fit it */
  SEGC_ERR_IO = 10,              /**< a file could not be read, or an Arrow stream failed */
  SEGC_ERR_OUT_OF_RANGE = 11,    /**< an index past the end */
  SEGC_ERR_INTERNAL = 12,        /**< broken machinery (please report): JIT failure, no memory */
  SEGC_ERR_DATA = 13             /**< malformed data: a CSV file that does not fit the table */
};

/** The name of a status code ("SEGC_ERR_NULL_ARGUMENT"), or "SEGC_ERR_UNKNOWN". Static. */
SEGC_API const char* segc_status_name(segc_status status);
/** The code of the calling thread's last failed call (SEGC_OK if none failed yet). */
SEGC_API segc_status segc_last_error_code(void);
/** The message of the calling thread's last failed call ("" if none failed yet). Valid until
 *  the thread's next failing call. */
SEGC_API const char* segc_last_error_message(void);

/* ---------------------------------------------------------------- rule sources */

/** Where a project's rule files and imported modules come from (segc::ProjectSource). A source
 *  holds paths or texts, not both. */
typedef struct segc_source segc_source;

SEGC_API segc_status segc_source_new(segc_source** out);
SEGC_API void segc_source_free(segc_source* source);
/** Adds a project directory, or one .seg file of a project (the files are read by
 *  segc_program_compile, as `segc run` reads them). */
SEGC_API segc_status segc_source_add_path(segc_source* source, const char* path);
/** Adds a rule file held in memory; `path` is what diagnostics show ("rules/vip.seg") and its
 *  directory names the project. The text is copied. */
SEGC_API segc_status segc_source_add_text(segc_source* source, const char* path, const char* text);
/** Adds a directory searched for `import NAME` (NAME.seg), like `segc run --lib DIR`. */
SEGC_API segc_status segc_source_add_library_dir(segc_source* source, const char* dir);
/** Adds a module held in memory: `import name` reads `text` (copied). */
SEGC_API segc_status segc_source_add_module(segc_source* source, const char* name,
                                            const char* text);

/* ---------------------------------------------------------------- compiling */

/** How to compile (segc::CompileOptions); NULL options mean the defaults. */
typedef struct segc_compile_options segc_compile_options;

enum segc_engine_code {
  SEGC_ENGINE_JIT = 0,        /**< LLVM kernels (the default) */
  SEGC_ENGINE_INTERPRETER = 1 /**< the reference interpreter; bit-identical results */
};

SEGC_API segc_status segc_compile_options_new(segc_compile_options** out);
SEGC_API void segc_compile_options_free(segc_compile_options* options);
/** SEGC_ENGINE_JIT or SEGC_ENGINE_INTERPRETER (else SEGC_ERR_INVALID_ARGUMENT). */
SEGC_API segc_status segc_compile_options_set_engine(segc_compile_options* options, int32_t engine);
/** JIT optimization level 0..3, or -1 for the default (2). */
SEGC_API segc_status segc_compile_options_set_opt_level(segc_compile_options* options,
                                                        int32_t level);
/** Threads compiling JIT units in parallel (>= 1). */
SEGC_API segc_status segc_compile_options_set_compile_threads(segc_compile_options* options,
                                                              int32_t threads);
/** Directory of the JIT object cache; NULL or "" for none. */
SEGC_API segc_status segc_compile_options_set_cache_dir(segc_compile_options* options,
                                                        const char* dir);
/** A param compiled into the program, as a rule-file literal: a duration ("30d"), a string
 *  ("\"^a\""), or a number the compiler needs as a constant (ntile's count "4", percentile's
 *  quantile "0.9"). See segc::CompileOptions::params. */
SEGC_API segc_status segc_compile_options_set_param(segc_compile_options* options, const char* name,
                                                    const char* literal);

/** A compiled rule project; immutable and safe to run from many threads at once. */
typedef struct segc_program segc_program;
/** The problems found in the rules, as values. */
typedef struct segc_diagnostics segc_diagnostics;

/** Loads, checks and compiles the project of `source` (NULL options: defaults). On success
 *  *out is a new program; otherwise *out is NULL and the status says why: SEGC_ERR_COMPILE when
 *  the rules have errors (a file that cannot be read is one, E0901), SEGC_ERR_INVALID_ARGUMENT
 *  for a source naming no project or several or a bad option, SEGC_ERR_BAD_PARAM for a bad
 *  constant param, SEGC_ERR_INTERNAL when the JIT fails. When `diagnostics` is not NULL,
 *  *diagnostics receives every error and warning (also on success; free it). */
SEGC_API segc_status segc_program_compile(const segc_source* source,
                                          const segc_compile_options* options, segc_program** out,
                                          segc_diagnostics** diagnostics);
SEGC_API void segc_program_free(segc_program* program);

/** Column types (the runtime's): values layouts as in Arrow. */
enum segc_type_code {
  SEGC_TYPE_INT = 0,    /**< int64_t */
  SEGC_TYPE_FLOAT = 1,  /**< double; NaN and infinities are read as null */
  SEGC_TYPE_BOOL = 2,   /**< bit-packed, least significant bit first (Arrow) */
  SEGC_TYPE_STRING = 3, /**< int32_t codes into a dictionary of distinct UTF-8 strings */
  SEGC_TYPE_DATE = 4,   /**< int32_t days since 1970-01-01 */
  SEGC_TYPE_ENUM = 5    /**< declared enums; given as SEGC_TYPE_STRING columns */
};

/** The table the rules declare: its columns, their names and segc_type_code types. */
SEGC_API int64_t segc_program_num_columns(const segc_program* program);
SEGC_API const char* segc_program_column_name(const segc_program* program, int64_t column);
SEGC_API int32_t segc_program_column_type(const segc_program* program, int64_t column);

enum segc_output_kind { SEGC_OUTPUT_SEGMENT = 0, SEGC_OUTPUT_SCORE = 1, SEGC_OUTPUT_CLASS = 2 };

/** The outputs of one kind, in the order results list them. */
SEGC_API int64_t segc_program_num_outputs(const segc_program* program, int32_t kind);
SEGC_API const char* segc_program_output_name(const segc_program* program, int32_t kind,
                                              int64_t index);

/* ---------------------------------------------------------------- diagnostics */

enum segc_severity_code {
  SEGC_SEVERITY_ERROR = 0,
  SEGC_SEVERITY_WARNING = 1,
  SEGC_SEVERITY_NOTE = 2
};

SEGC_API void segc_diagnostics_free(segc_diagnostics* diagnostics);
/** Number of diagnostics, and of those that are errors. */
SEGC_API int64_t segc_diagnostics_count(const segc_diagnostics* diagnostics);
SEGC_API int64_t segc_diagnostics_error_count(const segc_diagnostics* diagnostics);
/** Every diagnostic in the text form `segc check` prints, one after another ("" if none). */
SEGC_API const char* segc_diagnostics_rendered(const segc_diagnostics* diagnostics);
/** Diagnostic `index`: its stable code ("E0203"), segc_severity_code, file, 1-based line and
 *  column (0 when it has no place in a file), message, help ("" if none) and text form. */
SEGC_API const char* segc_diagnostic_code(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API int32_t segc_diagnostic_severity(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API const char* segc_diagnostic_file(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API int32_t segc_diagnostic_line(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API int32_t segc_diagnostic_column(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API const char* segc_diagnostic_message(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API const char* segc_diagnostic_help(const segc_diagnostics* diagnostics, int64_t index);
SEGC_API const char* segc_diagnostic_rendered(const segc_diagnostics* diagnostics, int64_t index);

/* ---------------------------------------------------------------- tables */

/** Named columns of one length, viewing caller or Arrow memory. */
typedef struct segc_table segc_table;

/** A new table without columns. */
SEGC_API segc_status segc_table_new(segc_table** out);
SEGC_API void segc_table_free(segc_table* table);

/** Adds a column over caller memory, without a copy: `values` holds `length` values of `type`
 *  (SEGC_TYPE_INT, _FLOAT, _BOOL or _DATE; strings go through segc_table_add_string_column),
 *  `validity` is an Arrow bitmap (bit i set = row i valid; NULL = no nulls). Both must stay
 *  valid and unchanged until the table is freed. Errors: SEGC_ERR_NULL_ARGUMENT (table, name,
 *  or values with length > 0), SEGC_ERR_COLUMN_TYPE (another type code),
 *  SEGC_ERR_INVALID_ARGUMENT (negative length, a length other than the table's columns', a
 *  repeated name). */
SEGC_API segc_status segc_table_add_column(segc_table* table, const char* name, int32_t type,
                                           const void* values, const uint8_t* validity,
                                           int64_t length);

/** Adds a string column over caller memory, without a copy: `codes[i]` indexes a dictionary of
 *  `dict_size` distinct UTF-8 strings given as Arrow utf8 buffers (`dict_offsets` has
 *  dict_size + 1 int32 offsets into `dict_bytes`). Codes of valid rows must be in
 *  [0, dict_size). Errors as segc_table_add_column, and SEGC_ERR_INVALID_ARGUMENT for a code
 *  out of range, offsets out of order or invalid UTF-8. A dictionary that repeats a string is
 *  accepted: the codes are then remapped into a copy. */
SEGC_API segc_status segc_table_add_string_column(segc_table* table, const char* name,
                                                  const int32_t* codes, const uint8_t* validity,
                                                  int64_t length, const int32_t* dict_offsets,
                                                  const char* dict_bytes, int64_t dict_size);

/** A table from an Arrow struct array (Arrow C Data Interface): its children are the columns
 *  (int64 "l", float64 "g", bool "b", date32 "tdD", dictionary int32 over utf8 zero-copy; utf8
 *  "u"/"U" converted to a dictionary). Takes ownership of both structs, also on failure: the
 *  schema is released before returning, the array when the table is freed (at once when
 *  every column had to be converted). Errors: SEGC_ERR_NULL_ARGUMENT, SEGC_ERR_ARROW_RELEASED (a
 * release callback is already NULL), SEGC_ERR_ARROW (unsupported or malformed). */
SEGC_API segc_status segc_table_from_arrow(struct ArrowSchema* schema, struct ArrowArray* array,
                                           segc_table** out);

/** A table from an Arrow C Stream of struct arrays: one batch is viewed without a copy,
 *  several are concatenated into one copy. The stream is released before returning, also on
 *  failure. Errors: as segc_table_from_arrow, and SEGC_ERR_IO when the producer reports an
 *  error (the message carries its get_last_error text). */
SEGC_API segc_status segc_table_from_arrow_stream(struct ArrowArrayStream* stream,
                                                  segc_table** out);

/** A table read from a CSV file (plain or gzip) with the columns the program declares, as
 *  `segc run --data` reads it (docs/data-loading.md). Errors: SEGC_ERR_IO (unreadable file),
 *  SEGC_ERR_DATA (the data does not fit the declared columns; the message lists the errors). */
SEGC_API segc_status segc_table_from_csv(const segc_program* program, const char* path,
                                         segc_table** out);

SEGC_API int64_t segc_table_num_rows(const segc_table* table);
SEGC_API int64_t segc_table_num_columns(const segc_table* table);

/* ---------------------------------------------------------------- running */

/** The inputs of one run (segc::RunInputs); NULL options mean the defaults: the rules' as_of
 *  (or today, UTC), their param values, one thread. */
typedef struct segc_run_options segc_run_options;

SEGC_API segc_status segc_run_options_new(segc_run_options** out);
SEGC_API void segc_run_options_free(segc_run_options* options);
/** The evaluation date in days since 1970-01-01. */
SEGC_API segc_status segc_run_options_set_as_of_days(segc_run_options* options, int32_t days);
/** The evaluation date as "YYYY-MM-DD" (SEGC_ERR_BAD_DATE otherwise). */
SEGC_API segc_status segc_run_options_set_as_of_date(segc_run_options* options, const char* date);
/** A param value as a rule-file literal ("40", "0.3", "30%", "2026-01-01", "true"), as
 *  `segc run --param` takes it; qualified names for module params ("rfm.window"). Checked by
 *  segc_program_run. Number, boolean and date params change per run without recompiling;
 *  compiled params (durations, strings, constants: see segc_compile_options_set_param) may
 *  only repeat their compiled value (SEGC_ERR_BAD_PARAM otherwise). */
SEGC_API segc_status segc_run_options_set_param(segc_run_options* options, const char* name,
                                                const char* literal);
/** Executor threads; <= 0 means all cores. Results do not depend on it. */
SEGC_API segc_status segc_run_options_set_threads(segc_run_options* options, int32_t threads);

/** What one run produced: segment bitmaps, score and class columns. */
typedef struct segc_result segc_result;

/** Runs `program` over `table` (NULL options: defaults). Columns are matched by name; extra
 *  columns are ignored. Errors: SEGC_ERR_NULL_ARGUMENT, SEGC_ERR_COLUMN_TYPE (a column the
 *  schema declares has another type in the table), SEGC_ERR_SCHEMA_MISMATCH (a column the
 *  rules read is missing), SEGC_ERR_BAD_PARAM (unknown param or a value of the wrong type). The
 *  result does not refer to the table: either may be freed first. */
SEGC_API segc_status segc_program_run(const segc_program* program, const segc_table* table,
                                      const segc_run_options* options, segc_result** out);

/* ---------------------------------------------------------------- results */

SEGC_API void segc_result_free(segc_result* result);
SEGC_API int64_t segc_result_num_rows(const segc_result* result);
/** Integer overflows and non-finite results the run turned into nulls. */
SEGC_API int64_t segc_result_overflow_count(const segc_result* result);

SEGC_API int64_t segc_result_num_segments(const segc_result* result);
SEGC_API const char* segc_result_segment_name(const segc_result* result, int64_t segment);
/** Members of the segment (rows whose bit is set). */
SEGC_API int64_t segc_result_segment_count(const segc_result* result, int64_t segment);
/** The membership bitmap: bit i (LSB first) set iff row i is a member; (rows + 7) / 8 bytes. */
SEGC_API const uint8_t* segc_result_segment_bitmap(const segc_result* result, int64_t segment);

SEGC_API int64_t segc_result_num_scores(const segc_result* result);
SEGC_API const char* segc_result_score_name(const segc_result* result, int64_t score);
/** One double per row; meaningful where the validity bit is set. */
SEGC_API const double* segc_result_score_values(const segc_result* result, int64_t score);
/** The score's validity bitmap, or NULL when no row is null (and for a NULL result or an
 *  index out of range). */
SEGC_API const uint8_t* segc_result_score_validity(const segc_result* result, int64_t score);
/** Rows with a (non-null) score. */
SEGC_API int64_t segc_result_score_count(const segc_result* result, int64_t score);
/** Sum, minimum, maximum and mean of the non-null scores (0 when there are none); any out
 *  pointer may be NULL. */
SEGC_API segc_status segc_result_score_summary(const segc_result* result, int64_t score,
                                               double* sum, double* min, double* max, double* mean);

SEGC_API int64_t segc_result_num_classes(const segc_result* result);
SEGC_API const char* segc_result_class_name(const segc_result* result, int64_t cls);
SEGC_API int64_t segc_result_class_num_labels(const segc_result* result, int64_t cls);
SEGC_API const char* segc_result_class_label(const segc_result* result, int64_t cls, int64_t label);
/** Rows classified as `label`. */
SEGC_API int64_t segc_result_class_label_count(const segc_result* result, int64_t cls,
                                               int64_t label);
/** Rows no arm of the classification matched (null). */
SEGC_API int64_t segc_result_class_null_count(const segc_result* result, int64_t cls);
/** One int32 label code per row (an index into the labels); meaningful where valid. */
SEGC_API const int32_t* segc_result_class_codes(const segc_result* result, int64_t cls);
/** The class's validity bitmap, or NULL when no row is null. */
SEGC_API const uint8_t* segc_result_class_validity(const segc_result* result, int64_t cls);

/** Exports the result as an Arrow struct array, one child per output (segments as bool,
 *  scores as float64 with nulls, classes as int32 dictionary indices over utf8 labels), in the
 *  order above, without a copy. `schema` and `array` are filled (their previous contents are
 *  ignored); the caller releases them through their release callbacks. They keep the buffers
 *  alive on their own, so the result may be freed first. */
SEGC_API segc_status segc_result_export_arrow(const segc_result* result, struct ArrowSchema* schema,
                                              struct ArrowArray* array);

#ifdef __cplusplus
}
#endif

#endif /* SEGC_SEGC_H_ */
