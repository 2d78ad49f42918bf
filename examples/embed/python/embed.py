#!/usr/bin/python3
"""The C ABI (segc/segc.h) from Python with ctypes and numpy: compile examples/embed/rules once,
hand numpy arrays to segc without a copy, run it at two dates, print the counts.

    python3 embed.py RULES_DIR [LIBSEGC]

LIBSEGC is the path of libsegc.so (default: found by the dynamic loader as libsegc.so.1).
Needs only Debian's python3 and python3-numpy.
"""
import ctypes
import sys

import numpy as np

ROWS = 1000
AS_OF_DAYS = 20758  # 2026-11-01
COUNTRIES = ["FR", "DE", "IT", "ES"]
ABI_VERSION = 1  # SEGC_ABI_VERSION of the segc.h these declarations follow

SEGC_OK = 0
SEGC_TYPE_INT, SEGC_TYPE_FLOAT, SEGC_TYPE_BOOL, SEGC_TYPE_DATE = 0, 1, 2, 4

c_int64, c_int32, c_char_p, c_void_p = ctypes.c_int64, ctypes.c_int32, ctypes.c_char_p, ctypes.c_void_p
Handle = ctypes.POINTER(c_void_p)  # an out-parameter for an opaque handle


def declare(lib):
    """Argument and result types of the functions used here (ctypes assumes int otherwise)."""
    signatures = {
        "segc_abi_version": (c_int32, []),
        "segc_status_name": (c_char_p, [c_int32]),
        "segc_last_error_message": (c_char_p, []),
        "segc_source_new": (c_int32, [Handle]),
        "segc_source_add_path": (c_int32, [c_void_p, c_char_p]),
        "segc_source_free": (None, [c_void_p]),
        "segc_program_compile": (c_int32, [c_void_p, c_void_p, Handle, Handle]),
        "segc_program_free": (None, [c_void_p]),
        "segc_diagnostics_rendered": (c_char_p, [c_void_p]),
        "segc_diagnostics_free": (None, [c_void_p]),
        "segc_table_new": (c_int32, [Handle]),
        "segc_table_add_column": (c_int32, [c_void_p, c_char_p, c_int32, c_void_p, c_void_p, c_int64]),
        "segc_table_add_string_column": (
            c_int32, [c_void_p, c_char_p, c_void_p, c_void_p, c_int64, c_void_p, c_char_p, c_int64]),
        "segc_table_free": (None, [c_void_p]),
        "segc_run_options_new": (c_int32, [Handle]),
        "segc_run_options_set_as_of_date": (c_int32, [c_void_p, c_char_p]),
        "segc_run_options_set_threads": (c_int32, [c_void_p, c_int32]),
        "segc_run_options_free": (None, [c_void_p]),
        "segc_program_run": (c_int32, [c_void_p, c_void_p, c_void_p, Handle]),
        "segc_result_free": (None, [c_void_p]),
        "segc_result_num_rows": (c_int64, [c_void_p]),
        "segc_result_num_segments": (c_int64, [c_void_p]),
        "segc_result_segment_name": (c_char_p, [c_void_p, c_int64]),
        "segc_result_segment_count": (c_int64, [c_void_p, c_int64]),
        "segc_result_num_scores": (c_int64, [c_void_p]),
        "segc_result_score_name": (c_char_p, [c_void_p, c_int64]),
        "segc_result_score_count": (c_int64, [c_void_p, c_int64]),
        "segc_result_score_summary": (c_int32, [c_void_p, c_int64] + [ctypes.POINTER(ctypes.c_double)] * 4),
        "segc_result_num_classes": (c_int64, [c_void_p]),
        "segc_result_class_name": (c_char_p, [c_void_p, c_int64]),
        "segc_result_class_num_labels": (c_int64, [c_void_p, c_int64]),
        "segc_result_class_label": (c_char_p, [c_void_p, c_int64, c_int64]),
        "segc_result_class_label_count": (c_int64, [c_void_p, c_int64, c_int64]),
        "segc_result_class_null_count": (c_int64, [c_void_p, c_int64]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes


class SegcError(Exception):
    pass


def check(lib, status, what):
    if status != SEGC_OK:
        raise SegcError(f"{what}: {lib.segc_status_name(status).decode()}: "
                        f"{lib.segc_last_error_message().decode()}")


def make_columns():
    """The formulas every embed example uses (examples/embed/README.md), as numpy arrays."""
    i = np.arange(ROWS, dtype=np.int64)
    bits = lambda mask: np.packbits(mask, bitorder="little")  # Arrow bitmaps: LSB first
    return {
        "customer_id": (SEGC_TYPE_INT, i + 1, None),
        "cltv": (SEGC_TYPE_FLOAT, (i * 7919 % 1000) / 10.0, bits(i % 17 != 0)),
        "last_purchase": (SEGC_TYPE_DATE, (AS_OF_DAYS - i * 37 % 500).astype(np.int32), bits(i % 23 != 0)),
        "orders": (SEGC_TYPE_INT, i % 9, None),
        "consent_email": (SEGC_TYPE_BOOL, bits(i % 3 != 0), bits(i % 29 != 0)),
        "country": (None, (i % 4).astype(np.int32), bits(i % 31 != 0)),
    }


def pointer(array):
    return None if array is None else array.ctypes.data_as(c_void_p)


def make_table(lib, columns, dictionary):
    """A table viewing the numpy arrays: they must outlive it (the caller keeps `columns`)."""
    table = c_void_p()
    check(lib, lib.segc_table_new(ctypes.byref(table)), "table")
    for name, (kind, values, validity) in columns.items():
        if kind is None:  # strings: int32 codes into an Arrow-style dictionary
            offsets, data = dictionary
            status = lib.segc_table_add_string_column(
                table, name.encode(), pointer(values), pointer(validity), ROWS, pointer(offsets),
                data, len(COUNTRIES))
        else:
            status = lib.segc_table_add_column(table, name.encode(), kind, pointer(values),
                                               pointer(validity), ROWS)
        check(lib, status, name)
    return table


def print_result(lib, title, r):
    print(f"run {title}\nrows {lib.segc_result_num_rows(r)}")
    for i in range(lib.segc_result_num_segments(r)):
        print(f"segment {lib.segc_result_segment_name(r, i).decode()} {lib.segc_result_segment_count(r, i)}")
    for i in range(lib.segc_result_num_scores(r)):
        mean = ctypes.c_double()
        check(lib, lib.segc_result_score_summary(r, i, None, None, None, ctypes.byref(mean)), "score")
        print(f"score {lib.segc_result_score_name(r, i).decode()} "
              f"{lib.segc_result_score_count(r, i)} {mean.value:.6f}")
    for i in range(lib.segc_result_num_classes(r)):
        name = lib.segc_result_class_name(r, i).decode()
        for k in range(lib.segc_result_class_num_labels(r, i)):
            print(f"class {name} {lib.segc_result_class_label(r, i, k).decode()} "
                  f"{lib.segc_result_class_label_count(r, i, k)}")
        print(f"class {name} null {lib.segc_result_class_null_count(r, i)}")


def compile_rules(lib, rules):
    source, program, diagnostics = c_void_p(), c_void_p(), c_void_p()
    check(lib, lib.segc_source_new(ctypes.byref(source)), "source")
    check(lib, lib.segc_source_add_path(source, rules.encode()), "rules path")
    status = lib.segc_program_compile(source, None, ctypes.byref(program), ctypes.byref(diagnostics))
    sys.stderr.write(lib.segc_diagnostics_rendered(diagnostics).decode())
    lib.segc_diagnostics_free(diagnostics)
    lib.segc_source_free(source)
    check(lib, status, "compile")
    return program


def run(lib, program, table, title, options=None):
    result = c_void_p()
    check(lib, lib.segc_program_run(program, table, options, ctypes.byref(result)), "run")
    try:
        print_result(lib, title, result)
    finally:
        lib.segc_result_free(result)


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: embed.py RULES_DIR [LIBSEGC]\n")
        return 2
    lib = ctypes.CDLL(argv[2] if len(argv) == 3 else "libsegc.so.1")
    declare(lib)
    if lib.segc_abi_version() != ABI_VERSION:
        sys.stderr.write(f"embed.py: written for segc ABI {ABI_VERSION}, "
                         f"the library has {lib.segc_abi_version()}\n")
        return 1
    columns = make_columns()
    dictionary = (np.array([0, 2, 4, 6, 8], dtype=np.int32), "".join(COUNTRIES).encode())
    program = compile_rules(lib, argv[1])
    table = make_table(lib, columns, dictionary)
    options = c_void_p()
    try:
        run(lib, program, table, "default")
        check(lib, lib.segc_run_options_new(ctypes.byref(options)), "options")
        check(lib, lib.segc_run_options_set_as_of_date(options, b"2026-12-01"), "as_of")
        check(lib, lib.segc_run_options_set_threads(options, 2), "threads")
        run(lib, program, table, "2026-12-01", options)
    finally:
        lib.segc_run_options_free(options)
        lib.segc_table_free(table)  # before the arrays it views go away
        lib.segc_program_free(program)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SegcError as error:
        sys.stderr.write(f"embed.py: {error}\n")
        sys.exit(1)
