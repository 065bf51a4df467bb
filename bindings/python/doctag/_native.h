/*
 * _native.h: what the C files of doctag._native share (internal): the
 * module state, raising the package's exceptions, the model handle, and
 * the helpers that turn the library's results into Python values
 * (_convert.c), and the calls the other C files define for the module's
 * method table. Limited API only (see _native.c).
 */
#ifndef DOCTAG_PY_NATIVE_H
#define DOCTAG_PY_NATIVE_H

#ifndef Py_LIMITED_API
#error "doctag._native must be built with Py_LIMITED_API (see meson.build)"
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stddef.h>

#include "doctag.h"

/* ---- Module state (_native.c) ------------------------------------------- */

typedef struct {
    PyObject *model_type;    /* the ModelHandle heap type */
    PyObject *stream_type;   /* the StreamHandle heap type (_stream.c) */
    PyObject *error_factory; /* callable(code, message, context, errno) -> exception */
    PyObject *type_names;    /* tuple of str: index = doctag_type */
} native_state;

native_state *get_state(PyObject *module);

/* Raises the package's exception for this thread's last doctag error
 * (doctag_last_error(), doctag_last_errno()); returns NULL. */
PyObject *raise_doctag_error(PyObject *module, int code, const char *context);

/* The same for an error whose message and errno were kept (from another
 * thread): `detail` UTF-8, NULL or "" for the code's name. */
PyObject *raise_error_detail(PyObject *module, int code, const char *context,
                             const char *detail, int err);

/* An open doctag_model and the limits it was opened with (its PDF reads
 * use them too). */
typedef struct {
    PyObject_HEAD
    doctag_model *model;
    doctag_limits limits;
} ModelHandle;

/* The rest of the C files: _modelhandle.c (the ModelHandle type and the
 * model calls), _pdf.c (tag_pdf, pdf_highlight), _stream.c (stream_pdf),
 * each call and its docstring for the module's method table. */
extern PyType_Spec ModelHandle_spec;

/* `obj` if it is an open ModelHandle; else NULL with TypeError/ValueError. */
const ModelHandle *handle_of(PyObject *module, PyObject *obj);

/* handle_of()'s model. */
const doctag_model *model_of(PyObject *module, PyObject *obj);

extern const char default_limits_doc[], model_open_doc[];
PyObject *native_default_limits(PyObject *module, PyObject *unused);
PyObject *native_model_open(PyObject *module, PyObject *args);
PyObject *native_model_entry_count(PyObject *module, PyObject *handle);
PyObject *native_model_save(PyObject *module, PyObject *args);

/* A PDF's path (is_path: bytes without a NUL, NUL-terminated) or its
 * bytes, as the C API's data and size (borrowed from `source`): 0 or -1. */
int pdf_source_of(PyObject *source, int is_path, const char **data, size_t *size);

extern const char tag_pdf_doc[], pdf_highlight_doc[];
PyObject *native_tag_pdf(PyObject *module, PyObject *args);
PyObject *native_pdf_highlight(PyObject *module, PyObject *args);

/* An optional bytes argument as a C string (NULL for None); 0 or -1. */
int optional_cstring(PyObject *obj, const char **out, const char *what);

/* ---- Values (_convert.c) ------------------------------------------------- */

/* A tuple of n new references (stolen); NULL, all released, if one is NULL. */
PyObject *tuple_of(Py_ssize_t n, PyObject **items);

/* Byte offset -> code point index, moving forward through a UTF-8 text
 * (a step backwards restarts from the beginning); an all-ASCII text needs
 * no walk. */
typedef struct {
    const unsigned char *text;
    size_t len;
    int ascii;          /* byte offsets are code point indices */
    size_t byte_pos;
    Py_ssize_t cp_pos;
} cp_cursor;

/* *out = the code point index of byte offset `byte`; -1 if it is past the
 * text or inside a character. */
int cp_seek(cp_cursor *c, size_t byte, Py_ssize_t *out);

/* str objects for the strings a result repeats ("id=ICE", "ICE"): one
 * object each per call, found again by hashing the C string (which must
 * outlive the cache's use). */
#define STR_CACHE_SIZE 1024
typedef struct {
    const char *key[STR_CACHE_SIZE];
    PyObject *value[STR_CACHE_SIZE];
} str_cache;

PyObject *cached_str(str_cache *cache, const char *s);
void str_cache_clear(str_cache *cache);

/* One entity as the row the Python side reads:
 *   (type, text, start, end, canonical, page, boxes)
 * start/end code point indices, boxes a tuple of (page, x0, y0, x1, y1)
 * (stolen; NULL fails). */
typedef struct {
    int type, page;
    const char *text, *canonical;
    Py_ssize_t start, end;
} entity_fields;

PyObject *entity_row(native_state *st, str_cache *cache, const entity_fields *f,
                     PyObject *boxes);

/* A box as (page, x0, y0, x1, y1). */
PyObject *box_tuple(const doctag_box *b);

/* A result's entities as a list of rows, start/end code point indices
 * into `text` (len bytes of UTF-8; ascii: byte offsets are indices). */
PyObject *entities_of(PyObject *module, const doctag_result *res, const char *text,
                      size_t len, int ascii, const char *context);

/* A result's warnings (doctag_result_warning) as a tuple of str. */
PyObject *warnings_of(const doctag_result *res);

/* ---- Streaming a PDF (_stream.c) ----------------------------------------- */

extern PyType_Spec StreamHandle_spec;
extern const char stream_pdf_doc[];
PyObject *native_stream_pdf(PyObject *module, PyObject *args);

#endif
