// The Arrow C Data Interface structs, verbatim from the Arrow specification (ABI-stable).
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// The guard is the one the specification prescribes, so that any other copy of these
// definitions (Arrow C++, nanoarrow, DuckDB, Polars bindings, ...) and ours never clash.
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

/// Type description of an array: format string, name, children, dictionary.
struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

/// Data of an array: length, nulls, offset, buffers, children, dictionary.
struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};

#endif  // ARROW_C_DATA_INTERFACE

#ifdef __cplusplus
}
#endif
