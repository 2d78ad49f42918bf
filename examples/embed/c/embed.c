/* embed.c — the C ABI (segc/segc.h) end to end: compile examples/embed/rules once, build a
 * table over this program's own arrays (no copy), run it at two dates and print the counts.
 *
 *   embed_c RULES_DIR
 *
 * Build against an installed segc:  cc embed.c $(pkg-config --cflags --libs segc)
 */
#include <segc/segc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS 1000
#define AS_OF_DAYS 20758 /* 2026-11-01 */

/* The columns, from the formulas every embed example uses (examples/embed/README.md). */
static int64_t customer_id[ROWS], orders[ROWS];
static double cltv[ROWS];
static int32_t last_purchase[ROWS], country[ROWS];
static uint8_t cltv_valid[ROWS / 8 + 1], last_purchase_valid[ROWS / 8 + 1];
static uint8_t consent[ROWS / 8 + 1], consent_valid[ROWS / 8 + 1], country_valid[ROWS / 8 + 1];
static const int32_t country_offsets[5] = {0, 2, 4, 6, 8};
static const char country_bytes[] = "FRDEITES";

static void set_bit(uint8_t* bits, int i) { bits[i / 8] |= (uint8_t)(1u << (i % 8)); }

static void make_columns(void) {
  for (int i = 0; i < ROWS; ++i) {
    customer_id[i] = i + 1;
    cltv[i] = (double)(i * 7919 % 1000) / 10.0;
    if (i % 17 != 0) set_bit(cltv_valid, i);
    last_purchase[i] = AS_OF_DAYS - i * 37 % 500;
    if (i % 23 != 0) set_bit(last_purchase_valid, i);
    orders[i] = i % 9;
    if (i % 3 != 0) set_bit(consent, i);
    if (i % 29 != 0) set_bit(consent_valid, i);
    country[i] = i % 4;
    if (i % 31 != 0) set_bit(country_valid, i);
  }
}

/* Exits with the library's message when a call failed. */
static void check(segc_status status, const char* what) {
  if (status == SEGC_OK) return;
  fprintf(stderr, "embed_c: %s: %s: %s\n", what, segc_status_name(status),
          segc_last_error_message());
  exit(1);
}

static segc_table* make_table(void) {
  segc_table* table;
  check(segc_table_new(&table), "table");
  check(segc_table_add_column(table, "customer_id", SEGC_TYPE_INT, customer_id, NULL, ROWS),
        "customer_id");
  check(segc_table_add_column(table, "cltv", SEGC_TYPE_FLOAT, cltv, cltv_valid, ROWS), "cltv");
  check(segc_table_add_column(table, "last_purchase", SEGC_TYPE_DATE, last_purchase,
                              last_purchase_valid, ROWS),
        "last_purchase");
  check(segc_table_add_column(table, "orders", SEGC_TYPE_INT, orders, NULL, ROWS), "orders");
  check(segc_table_add_column(table, "consent_email", SEGC_TYPE_BOOL, consent, consent_valid, ROWS),
        "consent_email");
  check(segc_table_add_string_column(table, "country", country, country_valid, ROWS,
                                     country_offsets, country_bytes, 4),
        "country");
  return table;
}

static void print_result(const char* title, const segc_result* r) {
  printf("run %s\nrows %lld\n", title, (long long)segc_result_num_rows(r));
  for (int64_t i = 0; i < segc_result_num_segments(r); ++i) {
    printf("segment %s %lld\n", segc_result_segment_name(r, i),
           (long long)segc_result_segment_count(r, i));
  }
  for (int64_t i = 0; i < segc_result_num_scores(r); ++i) {
    double mean = 0;
    check(segc_result_score_summary(r, i, NULL, NULL, NULL, &mean), "score summary");
    printf("score %s %lld %.6f\n", segc_result_score_name(r, i),
           (long long)segc_result_score_count(r, i), mean);
  }
  for (int64_t i = 0; i < segc_result_num_classes(r); ++i) {
    for (int64_t k = 0; k < segc_result_class_num_labels(r, i); ++k) {
      printf("class %s %s %lld\n", segc_result_class_name(r, i), segc_result_class_label(r, i, k),
             (long long)segc_result_class_label_count(r, i, k));
    }
    printf("class %s null %lld\n", segc_result_class_name(r, i),
           (long long)segc_result_class_null_count(r, i));
  }
}

static segc_program* compile(const char* rules) {
  segc_source* source;
  segc_program* program;
  segc_diagnostics* diagnostics;
  check(segc_source_new(&source), "source");
  check(segc_source_add_path(source, rules), "rules path");
  segc_status status = segc_program_compile(source, NULL, &program, &diagnostics);
  fputs(segc_diagnostics_rendered(diagnostics), stderr); /* warnings, or why it failed */
  segc_diagnostics_free(diagnostics);
  segc_source_free(source);
  check(status, "compile");
  return program;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: embed_c RULES_DIR\n");
    return 2;
  }
  if (segc_abi_version() != SEGC_ABI_VERSION) {
    fprintf(stderr, "embed_c: built for segc ABI %d, the library has %d\n", SEGC_ABI_VERSION,
            (int)segc_abi_version());
    return 1;
  }
  make_columns();
  segc_program* program = compile(argv[1]);
  segc_table* table = make_table();

  segc_result* result;
  check(segc_program_run(program, table, NULL, &result), "run");
  print_result("default", result);
  segc_result_free(result);

  segc_run_options* options; /* the same program at another date: nothing is recompiled */
  check(segc_run_options_new(&options), "options");
  check(segc_run_options_set_as_of_date(options, "2026-12-01"), "as_of");
  check(segc_run_options_set_threads(options, 2), "threads");
  check(segc_program_run(program, table, options, &result), "run");
  print_result("2026-12-01", result);
  segc_result_free(result);
  segc_run_options_free(options);

  segc_table_free(table);
  segc_program_free(program);
  return 0;
}
