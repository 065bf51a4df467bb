/*
 * _native.c: the C half of the doctag Python package.
 *
 * A thin layer over the public API of libdoctag.so.1 (doctag.h), built on
 * the CPython limited API so that one binary (_native.abi3.so) loads in
 * every CPython >= 3.9. The Python half (doctag/__init__.py and friends)
 * builds the user-facing objects; this file only:
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

/* ---- ModelHandle: owns one doctag_model ---------------------------------- */

static void ModelHandle_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    doctag_model_free(((ModelHandle *)self)->model);
    ((ModelHandle *)self)->model = NULL;
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self);
    Py_DECREF(tp); /* instances of heap types own a reference to their type */
}

/* A handle is not data: doctag.Model pickles by (path, dictionaries). */
static PyObject *ModelHandle_reduce(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyErr_SetString(PyExc_TypeError,
                    "a ModelHandle cannot be pickled (pickle the doctag.Model instead)");
    return NULL;
}

static PyMethodDef ModelHandle_methods[] = {
    {"__reduce__", (PyCFunction)(void (*)(void))ModelHandle_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot ModelHandle_slots[] = {
    {Py_tp_dealloc, (void *)ModelHandle_dealloc},
    {Py_tp_methods, (void *)ModelHandle_methods},
    {Py_tp_doc, (void *)"An open doctag_model (internal: use doctag.Model)."},
    {0, NULL},
};

static PyType_Spec ModelHandle_spec = {
    .name = "doctag._native.ModelHandle",
    .basicsize = sizeof(ModelHandle),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = ModelHandle_slots,
};

/* Checks that `obj` is an open ModelHandle and returns it. */
const ModelHandle *handle_of(PyObject *module, PyObject *obj)
{
    native_state *st = get_state(module);
    if (!PyObject_TypeCheck(obj, (PyTypeObject *)st->model_type)) {
        PyErr_SetString(PyExc_TypeError, "expected a doctag._native.ModelHandle");
        return NULL;
    }
    const ModelHandle *h = (const ModelHandle *)obj;
    if (h->model == NULL) {
        PyErr_SetString(PyExc_ValueError, "ModelHandle is not open");
        return NULL;
    }
    return h;
}

/* Checks that `obj` is an open ModelHandle and returns its model. */
static const doctag_model *model_of(PyObject *module, PyObject *obj)
{
    const ModelHandle *h = handle_of(module, obj);
    return h != NULL ? h->model : NULL;
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

/* The boxes of an entity as a tuple of (page, x0, y0, x1, y1). */
static PyObject *entity_boxes(const doctag_entity *e)
{
    size_t nbox = doctag_entity_box_count(e);
    PyObject *boxes = PyTuple_New((Py_ssize_t)nbox);
    for (size_t k = 0; boxes != NULL && k < nbox; k++) {
        doctag_box b;
        PyObject *box = doctag_entity_box(e, k, &b) == DOCTAG_OK ? box_tuple(&b) : Py_None;
        if (box == Py_None)
            Py_INCREF(box);
        if (box == NULL) {
            Py_CLEAR(boxes);
            break;
        }
        PyTuple_SetItem(boxes, (Py_ssize_t)k, box);
    }
    return boxes;
}

/* The entities of a result as a list of tuples
 *   (type, text, start, end, canonical, page, boxes)
 * with start/end as code point indices into `text` (the document's UTF-8
 * text, `len` bytes), page 0 for text documents and boxes a tuple of
 * (page, x0, y0, x1, y1). */
static PyObject *entities_of(PyObject *module, const doctag_result *res,
                             const char *text, size_t len, int ascii, const char *context)
{
    native_state *st = get_state(module);
    size_t count = doctag_result_count(res);
    cp_cursor cursor = {(const unsigned char *)text, len, ascii, 0, 0};
    str_cache *cache = PyMem_Calloc(1, sizeof *cache);
    PyObject *list = cache ? PyList_New(0) : PyErr_NoMemory();
    if (list == NULL) {
        PyMem_Free(cache);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        if (e == NULL)
            break;
        size_t b0 = doctag_entity_start(e), b1 = doctag_entity_end(e);
        Py_ssize_t c0, c1;
        if (b0 > b1 || cp_seek(&cursor, b0, &c0) < 0 || cp_seek(&cursor, b1, &c1) < 0) {
            Py_DECREF(list);
            str_cache_clear(cache);
            PyMem_Free(cache);
            char msg[160];
            snprintf(msg, sizeof msg,
                     "entity %zu has byte offsets [%zu, %zu) outside the %zu-byte text "
                     "or inside a character", i, b0, b1, len);
            return raise_local_error(module, DOCTAG_ERR_INTERNAL, context, msg);
        }

        entity_fields f = {doctag_entity_type(e), doctag_entity_page(e), doctag_entity_text(e),
                           doctag_entity_canonical(e), c0, c1};
        PyObject *tuple = entity_row(st, cache, &f, entity_boxes(e));
        if (tuple == NULL || PyList_Append(list, tuple) < 0) {
            Py_XDECREF(tuple);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(tuple);
    }
    str_cache_clear(cache);
    PyMem_Free(cache);
    return list;
}

/* The warnings of a result (doctag_result_warning) as a tuple of str. */
static PyObject *warnings_of(const doctag_result *res)
{
    size_t count = doctag_result_warning_count(res);
    PyObject *t = PyTuple_New((Py_ssize_t)count);
    for (size_t i = 0; t != NULL && i < count; i++) {
        const char *w = doctag_result_warning(res, i);
        PyObject *s = PyUnicode_DecodeUTF8(w ? w : "", w ? (Py_ssize_t)strlen(w) : 0, "replace");
        if (s == NULL)
            Py_CLEAR(t);
        else
            PyTuple_SetItem(t, (Py_ssize_t)i, s); /* steals */
    }
    return t;
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

PyDoc_STRVAR(default_limits_doc,
"default_limits() -> (max_input_bytes, max_entities, max_pages, pdf_page_ms)\n--\n\n"
"The library's default limits (doctag_limits_init): bytes, entities, pages,\n"
"CPU milliseconds per PDF page.");

static PyObject *native_default_limits(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    doctag_limits l;
    doctag_limits_init(&l);
    return Py_BuildValue("(nnii)", (Py_ssize_t)l.max_input_bytes, (Py_ssize_t)l.max_entities,
                         l.max_pages, l.pdf_page_ms);
}

/* The limits tuple (max_input_bytes, max_entities, max_pages, pdf_page_ms)
 * of model_open, each >= 0 (0: the default), over the defaults; None keeps
 * them all. */
static int limits_of(PyObject *obj, doctag_limits *out)
{
    doctag_limits_init(out);
    if (obj == Py_None)
        return 0;
    Py_ssize_t bytes, entities;
    int pages, page_ms;
    if (!PyTuple_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "limits must be a tuple of 4 ints or None");
        return -1;
    }
    if (!PyArg_ParseTuple(obj, "nnii;limits are (max_input_bytes, max_entities, max_pages, "
                          "pdf_page_ms)", &bytes, &entities, &pages, &page_ms))
        return -1;
    if (bytes < 0 || entities < 0 || pages < 0 || page_ms < 0) {
        PyErr_SetString(PyExc_ValueError, "limits must not be negative");
        return -1;
    }
    if (bytes > 0)
        out->max_input_bytes = (size_t)bytes;
    if (entities > 0)
        out->max_entities = (size_t)entities;
    if (pages > 0)
        out->max_pages = pages;
    if (page_ms > 0)
        out->pdf_page_ms = page_ms;
    return 0;
}

PyDoc_STRVAR(model_open_doc,
"model_open(path, dictionaries, limits=None, trusted=False) -> ModelHandle\n--\n\n"
"Opens a compiled model (path: bytes, or None for the built-in default) and\n"
"adds the dictionary source files in `dictionaries` (a tuple of bytes).\n"
"limits: (max_input_bytes, max_entities, max_pages, pdf_page_ms), 0 for a\n"
"default, or None for all defaults; held to by every text tagged and every\n"
"PDF read with the model. trusted: load the model file's compiled patterns\n"
"as they are (DOCTAG_MODEL_TRUSTED) instead of compiling them again.");

static PyObject *native_model_open(PyObject *module, PyObject *args)
{
    PyObject *path_obj, *dicts_obj, *limits_obj = Py_None;
    int trusted = 0;
    doctag_limits limits;
    if (!PyArg_ParseTuple(args, "OO!|Op:model_open", &path_obj, &PyTuple_Type, &dicts_obj,
                          &limits_obj, &trusted))
        return NULL;
    const char *path;
    if (optional_cstring(path_obj, &path, "path") < 0 || limits_of(limits_obj, &limits) < 0)
        return NULL;

    Py_ssize_t n = PyTuple_Size(dicts_obj);
    const char **paths = NULL;
    if (n > 0) {
        paths = PyMem_Malloc(sizeof(char *) * (size_t)n);
        if (paths == NULL)
            return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (optional_cstring(PyTuple_GetItem(dicts_obj, i), &paths[i], "a dictionary path") < 0
            || paths[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "a dictionary path must be bytes");
            PyMem_Free(paths);
            return NULL;
        }
    }

    doctag_model_options opts = DOCTAG_MODEL_OPTIONS_INIT;
    opts.dictionaries = paths;
    opts.n_dictionaries = (size_t)n;
    opts.flags = trusted ? DOCTAG_MODEL_TRUSTED : 0u;
    opts.limits = &limits;
    doctag_model *model = NULL;
    int rc;
    /* the tuple (held by args) keeps every path alive while unlocked */
    Py_BEGIN_ALLOW_THREADS
    rc = doctag_model_open(&model, path, &opts);
    Py_END_ALLOW_THREADS
    PyMem_Free(paths);
    if (rc != DOCTAG_OK) {
        doctag_model_free(model);
        return raise_doctag_error(module, rc, "model");
    }

    native_state *st = get_state(module);
    allocfunc alloc = (allocfunc)PyType_GetSlot((PyTypeObject *)st->model_type, Py_tp_alloc);
    ModelHandle *h = (ModelHandle *)alloc((PyTypeObject *)st->model_type, 0);
    if (h == NULL) {
        doctag_model_free(model);
        return NULL;
    }
    h->model = model;
    h->limits = limits;
    return (PyObject *)h;
}

static PyObject *native_model_entry_count(PyObject *module, PyObject *handle)
{
    const doctag_model *model = model_of(module, handle);
    if (model == NULL)
        return NULL;
    return PyLong_FromSize_t(doctag_model_entry_count(model));
}

static PyObject *native_model_save(PyObject *module, PyObject *args)
{
    PyObject *handle, *path_obj;
    if (!PyArg_ParseTuple(args, "OO!:model_save", &handle, &PyBytes_Type, &path_obj))
        return NULL;
    const doctag_model *model = model_of(module, handle);
    const char *path;
    if (model == NULL || optional_cstring(path_obj, &path, "path") < 0)
        return NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = doctag_model_save(model, path);
    Py_END_ALLOW_THREADS
    if (rc != DOCTAG_OK)
        return raise_doctag_error(module, rc, "model");
    Py_RETURN_NONE;
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

PyDoc_STRVAR(tag_pdf_doc,
"tag_pdf(model, source, is_path, password, first_page, last_page, readers)\n"
"    -> (text, page_count, pages_without_text, entities, page_starts, warnings)\n--\n\n"
"Extracts and tags a PDF: source is a file path (is_path true) or the PDF's\n"
"bytes; password is bytes or None; pages are 1-based, 0 for open ends;\n"
"readers as doctag_pdf_options.readers (1: one process reads the pages). The\n"
"model's limits apply to the reading too. page_starts: the index in text\n"
"where each page read begins, in order; warnings as tag_text's.");

/* The code point index where each page read starts (doctag_doc_page_start). */
static PyObject *page_starts_of(const doctag_doc *doc, const char *text, size_t len,
                                int first, int last)
{
    int count = doctag_doc_page_count(doc);
    first = first > 0 ? first : 1;
    last = last > 0 && last < count ? last : count;
    PyObject *list = PyList_New(0);
    cp_cursor cursor = {(const unsigned char *)text, len, 0, 0, 0};
    for (int p = first; list != NULL && p <= last; p++) {
        size_t at;
        Py_ssize_t index;
        if (doctag_doc_page_start(doc, p, &at) != DOCTAG_OK || cp_seek(&cursor, at, &index) < 0)
            index = -1;
        PyObject *num = PyLong_FromSsize_t(index);
        if (num == NULL || PyList_Append(list, num) < 0)
            Py_CLEAR(list);
        Py_XDECREF(num);
    }
    PyObject *out = list != NULL ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return out;
}

static PyObject *native_tag_pdf(PyObject *module, PyObject *args)
{
    PyObject *handle, *source, *password_obj;
    int is_path, first, last, readers;
    if (!PyArg_ParseTuple(args, "OO!pOiii:tag_pdf", &handle, &PyBytes_Type, &source,
                          &is_path, &password_obj, &first, &last, &readers))
        return NULL;
    const ModelHandle *h = handle_of(module, handle);
    if (h == NULL)
        return NULL;
    const doctag_model *model = h->model;
    doctag_pdf_options opts = DOCTAG_PDF_OPTIONS_INIT;
    if (optional_cstring(password_obj, &opts.password, "password") < 0)
        return NULL;
    opts.first_page = first;
    opts.last_page = last;
    opts.readers = readers;
    opts.limits = &h->limits;

    char *data;
    Py_ssize_t size;
    if (is_path) {
        if (PyBytes_AsStringAndSize(source, &data, &size) < 0)
            return NULL;
    } else {
        data = PyBytes_AsString(source);
        size = PyBytes_Size(source);
        if (data == NULL)
            return NULL;
    }

    doctag_doc *doc = NULL;
    doctag_result *res = NULL;
    int rc;
    /* `source` and `password_obj` are held by args while unlocked */
    Py_BEGIN_ALLOW_THREADS
    if (is_path)
        rc = doctag_doc_from_pdf_file(&doc, data, &opts);
    else
        rc = doctag_doc_from_pdf_buffer(&doc, data, (size_t)size, &opts);
    if (rc == DOCTAG_OK)
        rc = doctag_tag(&res, model, doc);
    Py_END_ALLOW_THREADS

    PyObject *out = NULL;
    if (rc != DOCTAG_OK) {
        raise_doctag_error(module, rc, "pdf");
        goto done;
    }

    size_t tlen = 0;
    const char *text = doctag_doc_text(doc, &tlen);
    if (text == NULL) {
        text = "";
        tlen = 0;
    }
    int npages = doctag_doc_page_count(doc), first_read = 0, last_read = 0;
    doctag_doc_page_range(doc, &first_read, &last_read);
    PyObject *no_text = PyList_New(0);   /* only among the pages read */
    for (int p = first_read; no_text != NULL && p >= 1 && p <= last_read; p++) {
        if (doctag_doc_page_has_text(doc, p))
            continue;
        PyObject *num = PyLong_FromLong(p);
        if (num == NULL || PyList_Append(no_text, num) < 0)
            Py_CLEAR(no_text);
        Py_XDECREF(num);
    }
    PyObject *items[6] = {
        PyUnicode_DecodeUTF8(text, (Py_ssize_t)tlen, "strict"),
        PyLong_FromLong(npages),
        no_text != NULL ? PyList_AsTuple(no_text) : NULL,
        entities_of(module, res, text, tlen, 0, "pdf"),
        page_starts_of(doc, text, tlen, first, last),
        warnings_of(res),
    };
    Py_XDECREF(no_text);
    out = tuple_of(6, items);

done:
    doctag_result_free(res);
    doctag_doc_free(doc);
    return out;
}

PyDoc_STRVAR(pdf_highlight_doc,
"pdf_highlight(path, password, marks, out)\n--\n\n"
"Writes a copy of the PDF file `path` (bytes) to `out` (bytes) with each mark\n"
"highlighted: marks is a sequence of (type, note, rgb, boxes), boxes a\n"
"sequence of (page, x0, y0, x1, y1); note is bytes (UTF-8) or None, rgb\n"
"0xRRGGBB or 0 for the type's colour. password is bytes or None.");

/* The boxes of one mark into a PyMem array (freed by the caller). */
static int boxes_of(PyObject *seq, doctag_box **out, size_t *n)
{
    PyObject *fast = PySequence_Tuple(seq);
    if (fast == NULL)
        return -1;
    Py_ssize_t count = PyTuple_Size(fast);
    *out = PyMem_Calloc(count > 0 ? (size_t)count : 1, sizeof **out);
    *n = (size_t)count;
    int rc = *out != NULL ? 0 : -1;
    for (Py_ssize_t i = 0; rc == 0 && i < count; i++) {
        doctag_box *b = &(*out)[i];
        if (!PyArg_ParseTuple(PyTuple_GetItem(fast, i), "idddd;a box is (page, x0, y0, x1, y1)",
                              &b->page, &b->x0, &b->y0, &b->x1, &b->y1))
            rc = -1;
    }
    if (*out == NULL)
        PyErr_NoMemory();
    Py_DECREF(fast);
    return rc;
}

/* marks (a tuple of (type, note, rgb, boxes)) into doctag_highlight
 * structs; notes point into the bytes objects the tuple holds. */
static int marks_of(PyObject *tuple, doctag_highlight *marks)
{
    for (Py_ssize_t i = 0; i < PyTuple_Size(tuple); i++) {
        PyObject *note, *boxes;
        doctag_highlight *m = &marks[i];
        if (!PyArg_ParseTuple(PyTuple_GetItem(tuple, i), "iOIO;a mark is (type, note, rgb, boxes)",
                              &m->type, &note, &m->rgb, &boxes)
            || optional_cstring(note, &m->note, "a note") < 0
            || boxes_of(boxes, (doctag_box **)&m->boxes, &m->n_boxes) < 0)
            return -1;
    }
    return 0;
}

static PyObject *native_pdf_highlight(PyObject *module, PyObject *args)
{
    PyObject *path_obj, *password_obj, *marks_obj, *out_obj, *tuple;
    if (!PyArg_ParseTuple(args, "O!OOO!:pdf_highlight", &PyBytes_Type, &path_obj, &password_obj,
                          &marks_obj, &PyBytes_Type, &out_obj))
        return NULL;
    const char *path, *password, *out;
    if (optional_cstring(path_obj, &path, "path") < 0
        || optional_cstring(password_obj, &password, "password") < 0
        || optional_cstring(out_obj, &out, "out") < 0
        || (tuple = PySequence_Tuple(marks_obj)) == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_Size(tuple);
    doctag_highlight *marks = PyMem_Calloc(n > 0 ? (size_t)n : 1, sizeof *marks);
    PyObject *result = NULL;
    if (marks == NULL)
        PyErr_NoMemory();
    else if (marks_of(tuple, marks) == 0) {
        int rc;
        Py_BEGIN_ALLOW_THREADS   /* the tuple keeps every note alive */
        rc = doctag_pdf_highlight(path, password, marks, (size_t)n, out);
        Py_END_ALLOW_THREADS
        if (rc != DOCTAG_OK)
            raise_doctag_error(module, rc, "pdf");
        else {
            Py_INCREF(Py_None);
            result = Py_None;
        }
    }
    for (Py_ssize_t i = 0; marks != NULL && i < n; i++)
        PyMem_Free((void *)marks[i].boxes);
    PyMem_Free(marks);
    Py_DECREF(tuple);
    return result;
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
