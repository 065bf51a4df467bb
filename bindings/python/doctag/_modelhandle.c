/*
 * _modelhandle.c: ModelHandle, the Python object that owns a doctag_model
 * and the limits it was opened with, and the calls that open, count and
 * save a model (model_open(), model_entry_count(), model_save(),
 * default_limits()).
 */
#include "_native.h"

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

PyType_Spec ModelHandle_spec = {
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
const doctag_model *model_of(PyObject *module, PyObject *obj)
{
    const ModelHandle *h = handle_of(module, obj);
    return h != NULL ? h->model : NULL;
}

const char default_limits_doc[] =
"default_limits() -> (max_input_bytes, max_entities, max_pages, pdf_page_ms)\n--\n\n"
"The library's default limits (doctag_limits_init): bytes, entities, pages,\n"
"CPU milliseconds per PDF page.";

PyObject *native_default_limits(PyObject *module, PyObject *unused)
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

const char model_open_doc[] =
"model_open(path, dictionaries, limits=None, trusted=False) -> ModelHandle\n--\n\n"
"Opens a compiled model (path: bytes, or None for the built-in default) and\n"
"adds the dictionary source files in `dictionaries` (a tuple of bytes).\n"
"limits: (max_input_bytes, max_entities, max_pages, pdf_page_ms), 0 for a\n"
"default, or None for all defaults; held to by every text tagged and every\n"
"PDF read with the model. trusted: load the model file's compiled patterns\n"
"as they are (DOCTAG_MODEL_TRUSTED) instead of compiling them again.";

PyObject *native_model_open(PyObject *module, PyObject *args)
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

PyObject *native_model_entry_count(PyObject *module, PyObject *handle)
{
    const doctag_model *model = model_of(module, handle);
    if (model == NULL)
        return NULL;
    return PyLong_FromSize_t(doctag_model_entry_count(model));
}

PyObject *native_model_save(PyObject *module, PyObject *args)
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
