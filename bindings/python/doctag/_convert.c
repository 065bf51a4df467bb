/*
 * _convert.c: the library's results as Python values, for _native.c and
 * _pdf.c and _stream.c: tuples, byte offsets as string indices, repeated
 * strings made once, an entity's row, a result's entities and warnings.
 */
#include "_native.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A tuple built item by item; on failure everything is released. */
PyObject *tuple_of(Py_ssize_t n, PyObject **items)
{
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (t == NULL || items[i] == NULL) {
            for (Py_ssize_t j = i; j < n; j++)
                Py_XDECREF(items[j]);
            Py_XDECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, i, items[i]); /* steals */
    }
    return t;
}

/* Code points in s[0, n): the bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), counted eight at a time. */
static Py_ssize_t count_code_points(const unsigned char *s, size_t n)
{
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t mask = w & ~(w << 1) & 0x8080808080808080ull;
        cont += (size_t)__builtin_popcountll(mask);
    }
    for (; i < n; i++)
        cont += (s[i] & 0xC0) == 0x80;
    return (Py_ssize_t)(n - cont);
}

int cp_seek(cp_cursor *c, size_t byte, Py_ssize_t *out)
{
    if (byte > c->len)
        return -1;
    /* an offset inside a multi-byte sequence is no string index */
    if (byte < c->len && (c->text[byte] & 0xC0) == 0x80)
        return -1;
    if (c->ascii) {
        *out = (Py_ssize_t)byte;
        return 0;
    }
    if (byte < c->byte_pos) {
        c->byte_pos = 0;
        c->cp_pos = 0;
    }
    c->cp_pos += count_code_points(c->text + c->byte_pos, byte - c->byte_pos);
    c->byte_pos = byte;
    *out = c->cp_pos;
    return 0;
}

PyObject *cached_str(str_cache *cache, const char *s)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    size_t slot = h % STR_CACHE_SIZE;
    if (cache->key[slot] && strcmp(cache->key[slot], s) == 0) {
        Py_INCREF(cache->value[slot]);
        return cache->value[slot];
    }
    PyObject *str = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
    if (str == NULL)
        return NULL;
    Py_XDECREF(cache->value[slot]);   /* a collision: the newer string wins */
    cache->key[slot] = s;
    cache->value[slot] = str;
    Py_INCREF(str);
    return str;
}

void str_cache_clear(str_cache *cache)
{
    for (size_t i = 0; i < STR_CACHE_SIZE; i++)
        Py_XDECREF(cache->value[i]);
}

PyObject *box_tuple(const doctag_box *b)
{
    PyObject *f[5] = {PyLong_FromLong(b->page), PyFloat_FromDouble(b->x0),
                      PyFloat_FromDouble(b->y0), PyFloat_FromDouble(b->x1),
                      PyFloat_FromDouble(b->y1)};
    return tuple_of(5, f);
}

static PyObject *type_name(native_state *st, int type)
{
    if (type >= 0 && type < PyTuple_Size(st->type_names)) {
        PyObject *name = PyTuple_GetItem(st->type_names, type);
        Py_XINCREF(name);
        return name;
    }
    return PyUnicode_FromFormat("type%d", type);
}

PyObject *entity_row(native_state *st, str_cache *cache, const entity_fields *f,
                     PyObject *boxes)
{
    PyObject *items[7] = {
        type_name(st, f->type),
        cached_str(cache, f->text ? f->text : ""),
        PyLong_FromSsize_t(f->start),
        PyLong_FromSsize_t(f->end),
        cached_str(cache, f->canonical ? f->canonical : ""),
        PyLong_FromLong(f->page),
        boxes,
    };
    return tuple_of(7, items);
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
PyObject *entities_of(PyObject *module, const doctag_result *res,
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
            return raise_error_detail(module, DOCTAG_ERR_INTERNAL, context, msg, 0);
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
PyObject *warnings_of(const doctag_result *res)
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
