// The Arrow C Data Interface and C Stream Interface structs, as the Arrow specification declares
// them (ABI-stable; https://arrow.apache.org/docs/format/CStreamInterface.html).
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

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

/// A stream of record batches (struct arrays) of one schema, pulled by the consumer.
/// get_schema and get_next return 0 on success or an errno-compatible code; after a failure,
/// get_last_error may return a NUL-terminated message (or NULL), valid until the next call on
/// the stream or its release. get_next signals the end of the stream with an array whose
/// release is NULL. Arrays obtained from the stream stay valid after the stream is released.
struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
  const char* (*get_last_error)(struct ArrowArrayStream*);
  void (*release)(struct ArrowArrayStream*);
  void* private_data;
};

#endif  // ARROW_C_STREAM_INTERFACE

#ifdef __cplusplus
}
#endif
