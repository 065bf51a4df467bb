/*
 * _pdf.c: a PDF tagged whole (tag_pdf(): its text, pages and entities)
 * and a highlighted copy written (pdf_highlight()).
 */
#include "_native.h"

const char tag_pdf_doc[] =
"tag_pdf(model, source, is_path, password, first_page, last_page, readers)\n"
"    -> (text, page_count, pages_without_text, entities, page_starts, warnings)\n--\n\n"
"Extracts and tags a PDF: source is a file path (is_path true) or the PDF's\n"
"bytes; password is bytes or None; pages are 1-based, 0 for open ends;\n"
"readers as doctag_pdf_options.readers (1: one process reads the pages). The\n"
"model's limits apply to the reading too. page_starts: the index in text\n"
"where each page read begins, in order; warnings as tag_text's.";

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

int pdf_source_of(PyObject *source, int is_path, const char **data, size_t *size)
{
    char *bytes;
    Py_ssize_t len;
    if (is_path ? PyBytes_AsStringAndSize(source, &bytes, &len) < 0   /* no NUL inside */
                : (bytes = PyBytes_AsString(source)) == NULL)
        return -1;
    *data = bytes;
    *size = (size_t)PyBytes_Size(source);
    return 0;
}

/* The pages read that have no text layer, a tuple of int. */
static PyObject *pages_without_text_of(const doctag_doc *doc)
{
    int first = 0, last = 0;
    doctag_doc_page_range(doc, &first, &last);
    PyObject *list = PyList_New(0);
    for (int p = first; list != NULL && p >= 1 && p <= last; p++) {
        if (doctag_doc_page_has_text(doc, p))
            continue;
        PyObject *num = PyLong_FromLong(p);
        if (num == NULL || PyList_Append(list, num) < 0)
            Py_CLEAR(list);
        Py_XDECREF(num);
    }
    PyObject *t = list != NULL ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return t;
}

/* tag_pdf()'s value: (text, page_count, pages_without_text, entities,
 * page_starts, warnings). */
static PyObject *pdf_value(PyObject *module, const doctag_doc *doc, const doctag_result *res,
                           int first, int last)
{
    size_t tlen = 0;
    const char *text = doctag_doc_text(doc, &tlen);
    if (text == NULL) {
        text = "";
        tlen = 0;
    }
    PyObject *items[6] = {
        PyUnicode_DecodeUTF8(text, (Py_ssize_t)tlen, "strict"),
        PyLong_FromLong(doctag_doc_page_count(doc)),
        pages_without_text_of(doc),
        entities_of(module, res, text, tlen, 0, "pdf"),
        page_starts_of(doc, text, tlen, first, last),
        warnings_of(res),
    };
    return tuple_of(6, items);
}

PyObject *native_tag_pdf(PyObject *module, PyObject *args)
{
    PyObject *handle, *source, *password_obj;
    int is_path, first, last, readers;
    if (!PyArg_ParseTuple(args, "OO!pOiii:tag_pdf", &handle, &PyBytes_Type, &source,
                          &is_path, &password_obj, &first, &last, &readers))
        return NULL;
    const ModelHandle *h = handle_of(module, handle);
    doctag_pdf_options opts = DOCTAG_PDF_OPTIONS_INIT;
    const char *data;
    size_t size;
    if (h == NULL || optional_cstring(password_obj, &opts.password, "password") < 0
        || pdf_source_of(source, is_path, &data, &size) < 0)
        return NULL;
    opts.first_page = first;
    opts.last_page = last;
    opts.readers = readers;
    opts.limits = &h->limits;

    doctag_doc *doc = NULL;
    doctag_result *res = NULL;
    int rc;
    /* `source` and `password_obj` are held by args while unlocked */
    Py_BEGIN_ALLOW_THREADS
    if (is_path)
        rc = doctag_doc_from_pdf_file(&doc, data, &opts);
    else
        rc = doctag_doc_from_pdf_buffer(&doc, data, size, &opts);
    if (rc == DOCTAG_OK)
        rc = doctag_tag(&res, h->model, doc);
    Py_END_ALLOW_THREADS

    PyObject *out = rc == DOCTAG_OK ? pdf_value(module, doc, res, first, last)
                                    : raise_doctag_error(module, rc, "pdf");
    doctag_result_free(res);
    doctag_doc_free(doc);
    return out;
}

const char pdf_highlight_doc[] =
"pdf_highlight(path, password, marks, out)\n--\n\n"
"Writes a copy of the PDF file `path` (bytes) to `out` (bytes) with each mark\n"
"highlighted: marks is a sequence of (type, note, rgb, boxes), boxes a\n"
"sequence of (page, x0, y0, x1, y1); note is bytes (UTF-8) or None, rgb\n"
"0xRRGGBB or 0 for the type's colour. password is bytes or None.";

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

PyObject *native_pdf_highlight(PyObject *module, PyObject *args)
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
