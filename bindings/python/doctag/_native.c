/*
 * _native.c: the C half of the doctag Python package.
 *
 * A thin layer over the public API of libdoctag.so.1 (doctag.h), built on
 * the CPython limited API so that one binary (_native.abi3.so) loads in
 * every CPython >= 3.9. The Python half (doctag/__init__.py and friends)
 * builds the user-facing objects. This file is the module (its state, its
 * method table, errors, text tagging); _modelhandle.c the model handle,
 * _pdf.c whole PDFs and highlighted copies, _stream.c and _pieces.c PDFs a
 * piece at a time, _convert.c the values they make. Together they only:
 *
 *   - owns native objects: a ModelHandle wraps a doctag_model (and the
 *     doctag_limits it was opened with, which its PDF reads use too) and
 *     frees it in tp_dealloc; documents and results never leave a call, and
 *     are freed on every path before it returns;
 *   - returns a result's warnings (regions skipped because a pattern hit a
 *     match limit) with its entities, for the Python side to report;
 *   - releases the GIL around every call that opens, extracts or tags, so a
 *     shared model tags in many threads at once (the C model is immutable);
 *   - turns the C API's byte offsets into Python string (code point)
 *     indices, walking the UTF-8 text once per document;
 *   - hands a PDF over a piece at a time from a thread of its own
 *     (_stream.c, StreamHandle);
 *   - reports failures through an error factory installed by the Python
 *     side (init()), which maps a doctag_error code (and, for a file, the
 *     errno of doctag_last_errno()) to the package's own exception classes
 *     and carries doctag_last_error()'s message.
 *
 * Only the limited API is used: no macros that reach into object layouts
 * (PyTuple_SET_ITEM, PyUnicode_AS_DATA...), no private _Py* calls.
 */
#include "_native.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* ---- Module state -------------------------------------------------------- */

native_state *get_state(PyObject *module)
{
    return (native_state *)PyModule_GetState(module);
}

/* ---- Errors -------------------------------------------------------------- */

/* Raises the package's exception for a failed doctag call: the factory
 * installed by init() gets the code, the detailed message of this thread's
 * last error, a context ("model", "text", "pdf") and the errno behind a
 * file error (doctag_last_errno(), 0 for others) and returns the exception
 * to raise. Call right after the failing call, with the GIL held:
 * doctag_last_error() is per thread and valid until the next doctag call. */
static PyObject *call_factory(PyObject *module, int code, PyObject *message,
                              const char *context, int err)
{
    native_state *st = get_state(module);
    PyObject *exc = PyObject_CallFunction(st->error_factory, "iOsi", code, message, context,
                                          err);
    if (exc == NULL)
        return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

PyObject *raise_doctag_error(PyObject *module, int code, const char *context)
{
    return raise_error_detail(module, code, context, doctag_last_error(), doctag_last_errno());
}

PyObject *raise_error_detail(PyObject *module, int code, const char *context,
                             const char *detail, int err)
{
    native_state *st = get_state(module);
    if (detail == NULL || detail[0] == '\0')
        detail = doctag_strerror(code);
    if (st->error_factory == NULL) {
        PyErr_Format(PyExc_RuntimeError, "doctag error %d: %s", code, detail);
        return NULL;
    }
    PyObject *message = PyUnicode_DecodeUTF8(detail, (Py_ssize_t)strlen(detail), "replace");
    if (message == NULL)
        return NULL;
    call_factory(module, code, message, context, err);
    Py_DECREF(message);
    return NULL;
}

/* The same for an error found on the Python side of the boundary (a str
 * that cannot be encoded, offsets out of range...). */
static PyObject *raise_local_error(PyObject *module, int code, const char *context,
                                   const char *message)
{
    native_state *st = get_state(module);
    if (st->error_factory == NULL) {
        PyErr_Format(PyExc_RuntimeError, "doctag error %d: %s", code, message);
        return NULL;
    }
    PyObject *msg = PyUnicode_FromString(message);
    if (msg == NULL)
        return NULL;
    call_factory(module, code, msg, context, 0);
    Py_DECREF(msg);
    return NULL;
}

/* ---- Helpers ------------------------------------------------------------- */

/* Encodes a str as UTF-8 bytes; a str that cannot be (lone surrogates)
 * becomes the package's text error with the position in the message. */
static PyObject *utf8_bytes_of(PyObject *module, PyObject *str)
{
    PyObject *bytes = PyUnicode_AsUTF8String(str);
    if (bytes != NULL || !PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
        return bytes;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *msg = value != NULL ? PyObject_Str(value) : NULL;
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    if (msg == NULL)
        return raise_local_error(module, DOCTAG_ERR_UTF8, "text",
                                 "text cannot be encoded as UTF-8");
    PyObject *bmsg = PyUnicode_AsUTF8String(msg);
    Py_DECREF(msg);
    if (bmsg == NULL)
        return NULL;
    raise_local_error(module, DOCTAG_ERR_UTF8, "text", PyBytes_AsString(bmsg));
    Py_DECREF(bmsg);
    return NULL;
}

/* ---- Module functions ---------------------------------------------------- */

PyDoc_STRVAR(init_doc,
"init(error_factory)\n--\n\n"
"Installs error_factory(code, message, context, errno) -> exception, used for\n"
"every failure. Called once by doctag/_errors.py.");

static PyObject *native_init(PyObject *module, PyObject *factory)
{
    if (!PyCallable_Check(factory)) {
        PyErr_SetString(PyExc_TypeError, "error_factory must be callable");
        return NULL;
    }
    native_state *st = get_state(module);
    PyObject *old = st->error_factory;
    Py_INCREF(factory);
    st->error_factory = factory;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *native_version(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyUnicode_FromString(doctag_version());
}

static PyObject *native_version_number(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLong(doctag_version_number());
}

static PyObject *native_strerror(PyObject *module, PyObject *arg)
{
    (void)module;
    int code = (int)PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(doctag_strerror(code));
}

/* Converts an optional bytes argument to a C string (NULL for None). */
int optional_cstring(PyObject *obj, const char **out, const char *what)
{
    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be bytes or None", what);
        return -1;
    }
    char *s;
    Py_ssize_t n;
    if (PyBytes_AsStringAndSize(obj, &s, &n) < 0) /* rejects embedded NULs */
        return -1;
    *out = s;
    return 0;
}

PyDoc_STRVAR(tag_text_doc,
"tag_text(model, text) -> (rows, warnings)\n--\n\n"
"Tags a str. rows: a list of (type, text, start, end, canonical, page, boxes),\n"
"start and end indices into that str; warnings: a tuple of str, one per\n"
"region skipped because a pattern hit a match limit there.");

/* Tags `len` bytes of UTF-8 (the GIL released) and returns (rows,
 * warnings), or raises. `ascii`: byte offsets are string indices. */
static PyObject *tag_buffer(PyObject *module, const doctag_model *model, const char *buf,
                            Py_ssize_t len, int ascii)
{
    doctag_result *res = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = doctag_tag_text(&res, model, buf, (size_t)len);   /* checks the UTF-8 */
    Py_END_ALLOW_THREADS
    PyObject *out = NULL;
    if (rc != DOCTAG_OK)
        raise_doctag_error(module, rc, "text");
    else {
        PyObject *items[2] = {entities_of(module, res, buf, (size_t)len, ascii, "text"),
                              warnings_of(res)};
        out = tuple_of(2, items);
    }
    doctag_result_free(res);
    return out;
}

static PyObject *native_tag_text(PyObject *module, PyObject *args)
{
    PyObject *handle, *text;
    if (!PyArg_ParseTuple(args, "OU:tag_text", &handle, &text))
        return NULL;
    const doctag_model *model = model_of(module, handle);
    if (model == NULL)
        return NULL;
    PyObject *bytes = utf8_bytes_of(module, text);
    if (bytes == NULL)
        return NULL;
    char *buf;
    Py_ssize_t len;
    PyObject *out = NULL;
    if (PyBytes_AsStringAndSize(bytes, &buf, &len) == 0)
        out = tag_buffer(module, model, buf, len, PyUnicode_GetLength(text) == len);
    Py_DECREF(bytes);
    return out;
}

PyDoc_STRVAR(tag_utf8_doc,
"tag_utf8(model, data) -> (rows, warnings)\n--\n\n"
"Tags UTF-8 bytes as they are (no str to encode), as tag_text; start and end\n"
"are indices into data.decode('utf-8').");

static PyObject *native_tag_utf8(PyObject *module, PyObject *args)
{
    PyObject *handle, *data;
    if (!PyArg_ParseTuple(args, "OO!:tag_utf8", &handle, &PyBytes_Type, &data))
        return NULL;
    const doctag_model *model = model_of(module, handle);
    if (model == NULL)
        return NULL;
    char *buf;
    Py_ssize_t len;
    if (PyBytes_AsStringAndSize(data, &buf, &len) < 0)
        return NULL;
    return tag_buffer(module, model, buf, len, 0);
}

static PyObject *native_type_color(PyObject *module, PyObject *arg)
{
    (void)module;
    int type = (int)PyLong_AsLong(arg);
    if (type == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromUnsignedLong(doctag_type_color(type));
}

#define FUNC(f) ((PyCFunction)(void (*)(void))(f))

static PyMethodDef native_methods[] = {
    {"init", FUNC(native_init), METH_O, init_doc},
    {"version", FUNC(native_version), METH_NOARGS,
     "version() -> str\n--\n\nThe version of the libdoctag actually loaded."},
    {"version_number", FUNC(native_version_number), METH_NOARGS,
     "version_number() -> int\n--\n\nThe loaded library's version as a number (0.1.0 -> 100)."},
    {"strerror", FUNC(native_strerror), METH_O,
     "strerror(code) -> str\n--\n\nThe library's name for an error code."},
    {"default_limits", FUNC(native_default_limits), METH_NOARGS, default_limits_doc},
    {"model_open", FUNC(native_model_open), METH_VARARGS, model_open_doc},
    {"model_entry_count", FUNC(native_model_entry_count), METH_O,
     "model_entry_count(model) -> int\n--\n\nDictionary entries in the model."},
    {"model_save", FUNC(native_model_save), METH_VARARGS,
     "model_save(model, path)\n--\n\nWrites the model in the compiled format."},
    {"tag_text", FUNC(native_tag_text), METH_VARARGS, tag_text_doc},
    {"tag_utf8", FUNC(native_tag_utf8), METH_VARARGS, tag_utf8_doc},
    {"tag_pdf", FUNC(native_tag_pdf), METH_VARARGS, tag_pdf_doc},
    {"pdf_highlight", FUNC(native_pdf_highlight), METH_VARARGS, pdf_highlight_doc},
    {"stream_pdf", FUNC(native_stream_pdf), METH_VARARGS, stream_pdf_doc},
    {"type_color", FUNC(native_type_color), METH_O,
     "type_color(type) -> int\n--\n\nThe library's highlight colour of a type, 0xRRGGBB."},
    {NULL, NULL, 0, NULL},
};

/* ---- Module definition (multi-phase init) -------------------------------- */

static int add_object(PyObject *module, const char *name, PyObject *obj)
{
    if (obj == NULL)
        return -1;
    if (PyModule_AddObject(module, name, obj) < 0) { /* steals only on success */
        Py_DECREF(obj);
        return -1;
    }
    return 0;
}

/* A heap type made from `spec`, kept in *slot and added as `name`. */
static int add_type(PyObject *module, PyType_Spec *spec, const char *name, PyObject **slot)
{
    *slot = PyType_FromSpec(spec);
    if (*slot == NULL)
        return -1;
    Py_INCREF(*slot);
    return add_object(module, name, *slot);
}

static int native_exec(PyObject *module)
{
    native_state *st = get_state(module);

    if (add_type(module, &ModelHandle_spec, "ModelHandle", &st->model_type) < 0
        || add_type(module, &StreamHandle_spec, "StreamHandle", &st->stream_type) < 0)
        return -1;

    st->type_names = PyTuple_New(DOCTAG_TYPE_COUNT);
    if (st->type_names == NULL)
        return -1;
    for (int t = 0; t < DOCTAG_TYPE_COUNT; t++) {
        const char *name = doctag_type_name(t);
        PyObject *s = PyUnicode_FromString(name != NULL ? name : "unknown");
        if (s == NULL)
            return -1;
        PyUnicode_InternInPlace(&s);
        PyTuple_SetItem(st->type_names, t, s);
    }
    Py_INCREF(st->type_names);
    if (add_object(module, "TYPE_NAMES", st->type_names) < 0)
        return -1;

    /* The Py_LIMITED_API this binary was compiled for, and the header it was
     * compiled against (compare with version() to spot a mismatch). */
    if (PyModule_AddIntConstant(module, "LIMITED_API", (long)Py_LIMITED_API) < 0
        || PyModule_AddStringConstant(module, "HEADER_VERSION", DOCTAG_VERSION_STRING) < 0
        || PyModule_AddIntConstant(module, "HEADER_VERSION_NUMBER", DOCTAG_VERSION_NUMBER) < 0)
        return -1;

    static const struct { const char *name; int code; } codes[] = {
        {"OK", DOCTAG_OK},
        {"ERR_NOMEM", DOCTAG_ERR_NOMEM},
        {"ERR_ARG", DOCTAG_ERR_ARG},
        {"ERR_IO", DOCTAG_ERR_IO},
        {"ERR_UTF8", DOCTAG_ERR_UTF8},
        {"ERR_EMPTY", DOCTAG_ERR_EMPTY},
        {"ERR_DICT_SYNTAX", DOCTAG_ERR_DICT_SYNTAX},
        {"ERR_PATTERN", DOCTAG_ERR_PATTERN},
        {"ERR_MODEL_FORMAT", DOCTAG_ERR_MODEL_FORMAT},
        {"ERR_NOT_PDF", DOCTAG_ERR_NOT_PDF},
        {"ERR_PDF_CORRUPT", DOCTAG_ERR_PDF_CORRUPT},
        {"ERR_PDF_ENCRYPTED", DOCTAG_ERR_PDF_ENCRYPTED},
        {"ERR_PDF_NO_PAGES", DOCTAG_ERR_PDF_NO_PAGES},
        {"ERR_PDF_NO_TEXT", DOCTAG_ERR_PDF_NO_TEXT},
        {"ERR_PAGE_RANGE", DOCTAG_ERR_PAGE_RANGE},
        {"ERR_UNSUPPORTED", DOCTAG_ERR_UNSUPPORTED},
        {"ERR_INTERNAL", DOCTAG_ERR_INTERNAL},
        {"ERR_PDF_LIMIT", DOCTAG_ERR_PDF_LIMIT},
        {"ERR_LIMIT_INPUT", DOCTAG_ERR_LIMIT_INPUT},
        {"ERR_LIMIT_ENTITIES", DOCTAG_ERR_LIMIT_ENTITIES},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (PyModule_AddIntConstant(module, codes[i].name, codes[i].code) < 0)
            return -1;
    return 0;
}

static int native_traverse(PyObject *module, visitproc visit, void *arg)
{
    native_state *st = get_state(module);
    if (st == NULL)
        return 0;
    Py_VISIT(st->model_type);
    Py_VISIT(st->stream_type);
    Py_VISIT(st->error_factory);
    Py_VISIT(st->type_names);
    return 0;
}

static int native_clear(PyObject *module)
{
    native_state *st = get_state(module);
    if (st == NULL)
        return 0;
    Py_CLEAR(st->model_type);
    Py_CLEAR(st->stream_type);
    Py_CLEAR(st->error_factory);
    Py_CLEAR(st->type_names);
    return 0;
}

static void native_free(void *module)
{
    native_clear((PyObject *)module);
}

static PyModuleDef_Slot native_slots[] = {
    {Py_mod_exec, (void *)native_exec},
    {0, NULL},
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "doctag._native",
    .m_doc = "Native half of doctag: libdoctag.so.1 over the CPython limited API.",
    .m_size = sizeof(native_state),
    .m_methods = native_methods,
    .m_slots = native_slots,
    .m_traverse = native_traverse,
    .m_clear = native_clear,
    .m_free = native_free,
};

PyMODINIT_FUNC PyInit__native(void)
{
    return PyModuleDef_Init(&native_module);
}
