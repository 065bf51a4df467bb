/*
 * _convert.c: the library's results as Python values, for _native.c and
 * _stream.c: tuples, byte offsets as string indices, repeated strings made
 * once, an entity's row.
 */
#include "_native.h"

#include <stdint.h>
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
