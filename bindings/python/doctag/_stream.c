/*
 * _stream.c: StreamHandle, a PDF tagged a piece at a time
 * (stream_pdf(): doctag.Model.stream_pdf() on the Python side).
 *
 * The library's stream pushes (callbacks); Python pulls (an iterator).
 * So the stream runs on a thread of its own (_pieces.c), which touches no
 * Python object, and hands over pieces through a queue of at most
 * MAX_QUEUED: the memory is the library's window of pages plus a few
 * pieces, whatever the document's length. next() waits with the GIL
 * released, a tenth of a second at a time so that Ctrl-C is seen; close(),
 * and dropping the handle (a `break` out of the loop), stops the thread at
 * its next callback and waits for it: no thread and no page reader is left
 * behind. The library's error, with the message and errno the thread had,
 * is raised once the pieces before it have been read.
 */
#include "_native.h"
#include "_pieces.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define MAX_QUEUED 2      /* pieces gathered ahead of the reader */
#define WAIT_MS 100       /* between two looks for Ctrl-C */

typedef struct {
    PyObject_HEAD
    piece_stream *ps;     /* NULL once ended or closed */
    int busy;             /* next() is waiting, the GIL released */
    PyObject *module;     /* for the module state and the error factory */
    PyObject *model;      /* the ModelHandle, the source (path or data) */
    PyObject *source;     /* and the password: read by the thread */
    PyObject *password;
    PyObject *warnings;   /* a tuple of str once ended, else NULL */
    Py_ssize_t cp_base;   /* code points in the pieces handed out */
    pid_t pid;            /* the process whose thread reads the PDF */
} StreamHandle;

/* A new reference to obj (Py_NewRef is not in the 3.9 limited API). */
static PyObject *new_ref(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

/* ---- A piece as Python values --------------------------------------------- */

/* The piece's entities as rows (_native.h, entity_row), their offsets as
 * indices into the whole document's text; `base`: the piece's first
 * character there. */
static PyObject *piece_rows(StreamHandle *h, const piece *p, Py_ssize_t base)
{
    native_state *st = get_state(h->module);
    cp_cursor cursor = {(const unsigned char *)p->text, p->len, 0, 0, 0};
    str_cache *cache = PyMem_Calloc(1, sizeof *cache);
    PyObject *list = cache ? PyList_New(0) : PyErr_NoMemory();
    for (size_t i = 0; list != NULL && i < p->n_entities; i++) {
        const piece_entity *e = &p->entities[i];
        Py_ssize_t c0, c1;
        if (e->start < p->offset || e->end < e->start
            || cp_seek(&cursor, e->start - p->offset, &c0) < 0
            || cp_seek(&cursor, e->end - p->offset, &c1) < 0) {
            Py_CLEAR(list);
            raise_error_detail(h->module, DOCTAG_ERR_INTERNAL, "pdf", "an entity outside "
                               "the piece of text it came with", 0);
            break;
        }
        PyObject *boxes = PyTuple_New((Py_ssize_t)e->n_boxes);
        for (size_t k = 0; boxes != NULL && k < e->n_boxes; k++) {
            PyObject *box = box_tuple(&p->boxes[e->box_at + k]);
            if (box == NULL)
                Py_CLEAR(boxes);
            else
                PyTuple_SetItem(boxes, (Py_ssize_t)k, box);
        }
        entity_fields f = {e->type, e->page, p->pool + e->text_at, p->pool + e->canonical_at,
                           base + c0, base + c1};
        PyObject *row = entity_row(st, cache, &f, boxes);
        if (row == NULL || PyList_Append(list, row) < 0)
            Py_CLEAR(list);
        Py_XDECREF(row);
    }
    if (cache != NULL)
        str_cache_clear(cache);
    PyMem_Free(cache);
    return list;
}

/* The pages of the piece without a text layer, a tuple of int. */
static PyObject *pages_without_text(const piece *p)
{
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && i < p->n_pages; i++) {
        if (p->pages[i].has_text)
            continue;
        PyObject *num = PyLong_FromLong(p->pages[i].page);
        if (num == NULL || PyList_Append(list, num) < 0)
            Py_CLEAR(list);
        Py_XDECREF(num);
    }
    PyObject *t = list != NULL ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return t;
}

/* (text, start, first_page, last_page, page_count, pages_without_text,
 * rows) of a piece; start: where text begins in the document's text. */
static PyObject *piece_value(StreamHandle *h, const piece *p)
{
    PyObject *text = PyUnicode_DecodeUTF8(p->text ? p->text : "", (Py_ssize_t)p->len, "strict");
    if (text == NULL)
        return NULL;
    Py_ssize_t base = h->cp_base;
    h->cp_base += PyUnicode_GetLength(text);
    int first = p->n_pages ? p->pages[0].page : 0;
    int last = p->n_pages ? p->pages[p->n_pages - 1].page : 0;
    PyObject *items[7] = {text, PyLong_FromSsize_t(base), PyLong_FromLong(first),
                          PyLong_FromLong(last), PyLong_FromLong(p->page_count),
                          pages_without_text(p), piece_rows(h, p, base)};
    return tuple_of(7, items);
}

/* ---- The handle -------------------------------------------------------------- */

/* 1 in a child forked while the stream ran: its thread is not here (and
 * its lock may be held): the stream is left as it is, never freed. */
static int forked(StreamHandle *h)
{
    if (h->ps == NULL || h->pid == getpid())
        return 0;
    h->ps = NULL;
    return 1;
}

static void stream_stop(StreamHandle *h)
{
    piece_stream *ps = forked(h) ? NULL : h->ps;
    h->ps = NULL;
    if (ps != NULL) {
        Py_BEGIN_ALLOW_THREADS
        piece_stream_free(ps);
        Py_END_ALLOW_THREADS
    }
}

/* The end: the warnings kept, the thread joined; None, or the library's
 * error raised. */
static PyObject *stream_end(StreamHandle *h)
{
    const char *message;
    int err, rc = piece_stream_result(h->ps, &message, &err);
    size_t n = piece_stream_warning_count(h->ps);
    PyObject *warnings = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; warnings != NULL && i < n; i++) {
        const char *w = piece_stream_warning(h->ps, i);
        PyObject *s = PyUnicode_DecodeUTF8(w, (Py_ssize_t)strlen(w), "replace");
        if (s == NULL)
            Py_CLEAR(warnings);
        else
            PyTuple_SetItem(warnings, (Py_ssize_t)i, s);
    }
    Py_XDECREF(h->warnings);
    h->warnings = warnings;
    PyObject *out = NULL;
    if (rc < 0)
        raise_error_detail(h->module, rc, "pdf", message, err);
    else if (warnings != NULL)
        out = new_ref(Py_None);
    stream_stop(h);
    return out;
}

static PyObject *StreamHandle_next(PyObject *self, PyObject *unused)
{
    (void)unused;
    StreamHandle *h = (StreamHandle *)self;
    if (h->busy) {
        PyErr_SetString(PyExc_ValueError, "the stream is being read by another thread");
        return NULL;
    }
    if (forked(h))
        return raise_error_detail(h->module, DOCTAG_ERR_INTERNAL, "pdf", "a PDF stream does "
                                  "not survive a fork: start it again in this process", 0);
    if (h->ps == NULL)
        Py_RETURN_NONE;
    piece *p = NULL;
    int state = PIECE_WAIT;
    h->busy = 1;
    while (state == PIECE_WAIT) {
        Py_BEGIN_ALLOW_THREADS
        state = piece_stream_next(h->ps, WAIT_MS, &p);
        Py_END_ALLOW_THREADS
        if (state == PIECE_WAIT && PyErr_CheckSignals() < 0)
            break;
    }
    h->busy = 0;
    if (state == PIECE_WAIT)
        return NULL;   /* a signal handler raised (KeyboardInterrupt) */
    if (state == PIECE_END)
        return stream_end(h);
    PyObject *value = piece_value(h, p);
    piece_free(p);
    return value;
}

static PyObject *StreamHandle_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    StreamHandle *h = (StreamHandle *)self;
    if (h->busy) {
        PyErr_SetString(PyExc_ValueError, "the stream is being read by another thread");
        return NULL;
    }
    stream_stop(h);
    Py_RETURN_NONE;
}

static PyObject *StreamHandle_warnings(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *w = ((StreamHandle *)self)->warnings;
    return w != NULL ? new_ref(w) : PyTuple_New(0);
}

static void StreamHandle_dealloc(PyObject *self)
{
    StreamHandle *h = (StreamHandle *)self;
    PyTypeObject *tp = Py_TYPE(self);
    stream_stop(h);
    Py_CLEAR(h->module);
    Py_CLEAR(h->model);
    Py_CLEAR(h->source);
    Py_CLEAR(h->password);
    Py_CLEAR(h->warnings);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self);
    Py_DECREF(tp);
}

#define METHOD(f) ((PyCFunction)(void (*)(void))(f))

static PyMethodDef StreamHandle_methods[] = {
    {"next", METHOD(StreamHandle_next), METH_NOARGS,
     "next() -> piece or None\n--\n\nThe next piece (text, start, first_page, last_page, "
     "page_count,\npages_without_text, rows), None at the end; raises the library's error\n"
     "after the pieces before it."},
    {"close", METHOD(StreamHandle_close), METH_NOARGS,
     "close()\n--\n\nStops the stream and waits for its thread (idempotent)."},
    {"warnings", METHOD(StreamHandle_warnings), METH_NOARGS,
     "warnings() -> tuple of str\n--\n\nThe regions skipped, once the stream has ended."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot StreamHandle_slots[] = {
    {Py_tp_dealloc, (void *)StreamHandle_dealloc},
    {Py_tp_methods, (void *)StreamHandle_methods},
    {Py_tp_doc, (void *)"A PDF being tagged a piece at a time (internal: use "
                        "doctag.Model.stream_pdf)."},
    {0, NULL},
};

PyType_Spec StreamHandle_spec = {
    .name = "doctag._native.StreamHandle",
    .basicsize = sizeof(StreamHandle),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = StreamHandle_slots,
};

/* ---- stream_pdf() --------------------------------------------------------------- */

const char stream_pdf_doc[] =
    "stream_pdf(model, source, is_path, password, first_page, last_page, readers,\n"
    "           window_pages) -> StreamHandle\n--\n\n"
    "Starts tagging a PDF a piece at a time, as tag_pdf's arguments; window_pages\n"
    "as doctag_stream_options (0: the library's default).";

/* A new handle holding the objects the thread reads. */
static StreamHandle *handle_new(PyObject *module, PyObject *model, PyObject *source,
                                PyObject *password)
{
    native_state *st = get_state(module);
    PyTypeObject *tp = (PyTypeObject *)st->stream_type;
    allocfunc alloc = (allocfunc)PyType_GetSlot(tp, Py_tp_alloc);
    StreamHandle *h = (StreamHandle *)alloc(tp, 0);
    if (h == NULL)
        return NULL;
    h->module = new_ref(module);
    h->model = new_ref(model);
    h->source = new_ref(source);
    h->password = new_ref(password);
    return h;
}

PyObject *native_stream_pdf(PyObject *module, PyObject *args)
{
    PyObject *model, *source, *password;
    int is_path, first, last, readers, window;
    if (!PyArg_ParseTuple(args, "OO!pOiiii:stream_pdf", &model, &PyBytes_Type, &source,
                          &is_path, &password, &first, &last, &readers, &window))
        return NULL;
    const ModelHandle *mh = handle_of(module, model);
    piece_source src;
    memset(&src, 0, sizeof src);
    src.pdf = (doctag_pdf_options)DOCTAG_PDF_OPTIONS_INIT;
    const char *data;
    if (mh == NULL || optional_cstring(password, &src.pdf.password, "password") < 0
        || pdf_source_of(source, is_path, &data, &src.size) < 0)
        return NULL;
    if (is_path)
        src.path = data;
    else
        src.data = data;
    src.pdf.first_page = first;
    src.pdf.last_page = last;
    src.pdf.readers = readers;
    src.limits = mh->limits;
    src.model = mh->model;
    src.window_pages = window;
    StreamHandle *h = handle_new(module, model, source, password);
    if (h == NULL)
        return NULL;
    h->pid = getpid();
    int err = piece_stream_start(&h->ps, &src, MAX_QUEUED);
    if (err != 0) {
        Py_DECREF(h);
        errno = err;
        return PyErr_SetFromErrno(err == ENOMEM ? PyExc_MemoryError : PyExc_OSError);
    }
    return (PyObject *)h;
}
