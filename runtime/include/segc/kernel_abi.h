/* Kernel ABI: the plain-C contract between the executor and a compiled (JIT) or interpreted stage
 * kernel. No C++ and no LLVM types, so JIT-emitted code can read it directly.
 *
 * A kernel computes one ir::Stage for rows [begin, end) of the whole table:
 *   - `begin` is a multiple of 64 and `end` is a multiple of 64 or args->num_rows, so two calls
 *     never write the same 64-bit word of a bitmap;
 *   - it reads `inputs`, `stats`, `derived` and `dicts` and writes the stage's stores into
 *     `outputs[slot]`;
 *   - it adds the number of integer overflows / non-finite float results it turned into nulls to
 *     `*overflow` (only for nodes whose Stage::count_overflow is 1);
 *   - results depend only on the row, never on begin/end, so any morsel split gives the same bits.
 *
 * Physical layouts (row i of the table is element i; no offsets):
 *   bool   bit-packed, LSB first (Arrow)        int    int64_t
 *   float  double                               date   int32_t days since 1970-01-01
 *   string int32_t dictionary code              label  int32_t label code
 *   validity: Arrow bitmap, bit set = valid; NULL means every row is valid.
 */
#ifndef SEGC_KERNEL_ABI_H_
#define SEGC_KERNEL_ABI_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A column the kernel reads (inputs, derived columns) or writes (outputs). */
typedef struct segc_column {
  /** Values of row 0.. (layout by type, see above). Outputs: zero-filled by the executor with at
   *  least round_up(num_rows, 64) rows of space; bits at rows >= num_rows must stay 0. */
  void* values;
  /** Validity bitmap. Inputs/derived: NULL = all valid. Outputs: non-NULL exactly when the
   *  slot is nullable (ir::Slot::nullable); zero-filled, the kernel sets the bits of valid rows. */
  uint8_t* validity;
} segc_column;

/** One scalar statistic (ir::Stat). Float stats use `f64`; int and date stats use `i64`. */
typedef struct segc_stat_value {
  double f64;
  int64_t i64;
  uint8_t valid; /**< 0 = the statistic is null (no non-null input values) */
  uint8_t pad[7];
} segc_stat_value;

/** Revision of the meaning of these structs, beyond their sizes (object cache key).
 *  2: bool dictionary entries carry their validity in bit 1 of the value byte. */
#define SEGC_KERNEL_ABI_REVISION 2

/** A per-dictionary-entry table (ir::DictLookup): entry c for dictionary code c, entry size-1 for
 *  rows where the string column is null. Values: int int64_t, float double, date/label int32_t;
 *  bool one byte with the value in bit 0 and bit 1 set when the entry is valid (0 = null), so a
 *  kernel reads a bool lookup with one load per row. `valid` holds one byte per entry (0 = null),
 *  for every type. */
typedef struct segc_dict_table {
  const void* values;
  const uint8_t* valid;
  int64_t size; /**< dictionary size + 1 */
} segc_dict_table;

/** Everything a kernel call sees. Arrays are indexed by the IR's slot numbers. */
typedef struct segc_kernel_args {
  int64_t num_rows;             /**< rows of the whole table */
  const segc_column* inputs;    /**< by ir::Program::inputs index (kColumn payload.index) */
  const segc_stat_value* stats; /**< by ir::Program::stats index (kStat payload.index) */
  const segc_column* derived;   /**< by ir::Program::derived index (kDerived payload.index) */
  const segc_dict_table* dicts; /**< by ir::Program::dicts index (kDictLookup payload.index) */
  const segc_column* outputs;   /**< by ir::Program::slots index (ir::Store::slot) */
  int64_t* overflow;            /**< this call's private counter; the kernel adds to it */
  const void*
      state; /**< opaque state given with the kernel (interpreter trampolines); JIT: unused */
} segc_kernel_args;

/** A stage kernel: processes rows [begin, end). Must be thread-safe for disjoint ranges. */
typedef void (*segc_kernel_fn)(const segc_kernel_args* args, int64_t begin, int64_t end);

#ifdef __cplusplus
}
#endif

#endif /* SEGC_KERNEL_ABI_H_ */
