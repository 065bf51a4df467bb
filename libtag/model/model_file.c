/*
 * model_file.c: the compiled model format.
 *
 *   "DOCTAGM\n" u32 format-version
 *   u32 n_variants
 *   u32 n_entries   { i32 type, u32 canon, str id }
 *   blob name_keys (16384 bytes, or empty)
 *   blob names      (the literal variants, each ending in a NUL)
 *   blob name_entries (u32 per name: its entry)
 *   u32 n_patterns  { u32 entry, u32 entry_base, u32 anchored, 32 bytes first,
 *                     str source, blob near, blob pcre2 }
 *
 *   u32 checksum (FNV-1a of everything before it)
 *
 * Integers are little-endian; str and blob are a u32 length and the bytes.
 * pcre2 trusts serialised code, so a file whose checksum does not match is
 * refused before any of it is decoded.
 * The pcre2 blob is pcre2_serialize_encode() output: loading decodes it, so
 * nothing is compiled at load but the JIT. A blob made by another pcre2
 * version is refused by the decoder; the pattern is then compiled again
 * from its source, so a model file outlives a pcre2 upgrade.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"
#include "model.h"

#define MAGIC "DOCTAGM\n"
#define FORMAT_VERSION 5

typedef struct writer {
    unsigned char *buf;
    size_t len, cap;
    int failed;
} writer;

static void put(writer *w, const void *p, size_t n)
{
    if (w->failed || n == 0)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->len + n)
            cap *= 2;
        unsigned char *b = realloc(w->buf, cap);
        if (!b) {
            w->failed = 1;
            return;
        }
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_u32(writer *w, uint32_t v)
{
    unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
    put(w, b, 4);
}

static void put_bytes(writer *w, const void *p, size_t n)
{
    put_u32(w, (uint32_t)n);
    put(w, p, n);
}

int model_serialize(const compiled_model *m, unsigned char **out, size_t *len)
{
    writer w = { 0 };
    put(&w, MAGIC, 8);
    put_u32(&w, FORMAT_VERSION);
    put_u32(&w, (uint32_t)m->n_variants);
    put_u32(&w, (uint32_t)m->n_entries);
    for (size_t i = 0; i < m->n_entries; i++) {
        put_u32(&w, (uint32_t)m->entries[i].type);
        put_u32(&w, (uint32_t)m->entries[i].canon);
        put_bytes(&w, m->entries[i].id, strlen(m->entries[i].id));
    }
    put_bytes(&w, m->name_keys, m->name_keys ? MODEL_NAME_KEYS_BYTES : 0);
    put_bytes(&w, m->names.text, m->names.text_len);
    put_u32(&w, (uint32_t)(m->names.n * 4));
    for (size_t i = 0; i < m->names.n; i++)
        put_u32(&w, m->names.entry[i]);
    put_u32(&w, (uint32_t)m->n_patterns);
    for (size_t i = 0; i < m->n_patterns; i++) {
        const model_pattern *p = &m->patterns[i];
        uint8_t *blob = NULL;
        PCRE2_SIZE blob_len = 0;
        const pcre2_code *codes[1] = { p->code };
        if (pcre2_serialize_encode(codes, 1, &blob, &blob_len, NULL) < 0)
            w.failed = 1;
        put_u32(&w, p->entry);
        put_u32(&w, p->entry_base);
        put_u32(&w, (uint32_t)p->anchored);
        put(&w, p->first, sizeof p->first);
        put_bytes(&w, p->source, strlen(p->source));
        put_bytes(&w, p->near, p->near_len);
        put_bytes(&w, blob, blob_len);
        pcre2_serialize_free(blob);
    }
    if (!w.failed)
        put_u32(&w, hash_fnv1a(HASH_FNV_SEED, w.buf, w.len));
    if (w.failed) {
        free(w.buf);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory writing the model");
    }
    *out = w.buf;
    *len = w.len;
    return DOCTAG_OK;
}

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static uint32_t get_u32(reader *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = 1;
        return 0;
    }
    uint32_t v = r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

static const unsigned char *get_bytes(reader *r, uint32_t *n)
{
    *n = get_u32(r);
    if (r->bad || (size_t)(r->end - r->p) < *n) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *s = r->p;
    r->p += *n;
    return s;
}

static char *get_str(reader *r)
{
    uint32_t n;
    const unsigned char *s = get_bytes(r, &n);
    if (!s || memchr(s, '\0', n))
        return r->bad = 1, NULL;
    char *c = malloc(n + 1);
    if (!c)
        return r->bad = 1, NULL;
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* The names blob: non-empty names, each ending in a NUL, and one entry
 * (below n_entries) per name. */
static void get_names(reader *r, model_names *names, uint32_t n_entries)
{
    uint32_t text_len, entries_len;
    const unsigned char *text = get_bytes(r, &text_len);
    const unsigned char *entries = get_bytes(r, &entries_len);
    size_t n = 0;
    for (uint32_t i = 0; !r->bad && i < text_len; i++)
        if (!text[i]) {
            r->bad |= i == 0 || !text[i - 1];   /* an empty name */
            n++;
        }
    if (r->bad || (text_len && text[text_len - 1]) || entries_len != n * 4)
        return (void)(r->bad = 1);
    names->text = malloc(text_len ? text_len : 1);
    names->entry = malloc(n ? n * 4 : 1);
    if (!names->text || !names->entry)
        return (void)(r->bad = 1);
    memcpy(names->text, text, text_len);
    names->text_len = text_len;
    names->n = n;
    reader e = { entries, entries + entries_len, 0 };
    for (size_t i = 0; i < n; i++)
        if ((names->entry[i] = get_u32(&e)) >= n_entries)
            r->bad = 1;
}

static pcre2_code *load_code(const unsigned char *blob, uint32_t blob_len, const char *source,
                             uint32_t options, int jit)
{
    pcre2_code *code = NULL;
    if (blob_len > 0 && pcre2_serialize_get_number_of_codes(blob) == 1 &&
        pcre2_serialize_decode(&code, 1, blob, NULL) != 1)
        code = NULL;
    int errcode;
    PCRE2_SIZE off;
    if (!code)
        code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED, options, &errcode, &off,
                             NULL);
    if (code && jit)
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
}

/* The entry table: type, canonicaliser and id of each of `ne` entries. */
static void read_entries(reader *rp, compiled_model *m, uint32_t ne, size_t len)
{
    reader r = *rp;
    if (ne > len / 12)
        r.bad = 1;
    m->entries = r.bad ? NULL : calloc(ne ? ne : 1, sizeof *m->entries);
    for (uint32_t i = 0; m->entries && !r.bad && i < ne; i++) {
        int32_t type = (int32_t)get_u32(&r);
        uint32_t canon = get_u32(&r);
        char *id = get_str(&r);
        if (!id)
            break;
        m->entries[i] = (dict_entry){ type, (canon_kind)canon, id };
        m->n_entries = i + 1;
        if (type < DICT_TYPE_BLOCK || type >= DOCTAG_TYPE_COUNT || canon > CANON_GENERAL_COMMENT)
            r.bad = 1;
    }
    *rp = r;
}

/* The patterns, each with its entry, @near literals and pcre2 code
 * (decoded, or compiled again from its source). */
static void read_patterns(reader *rp, compiled_model *m, uint32_t ne, size_t len, int jit_names)
{
    reader r = *rp;
    uint32_t np = r.bad || !m->entries ? 0 : get_u32(&r);
    if (np > len / 16)
        r.bad = 1;
    m->patterns = r.bad ? NULL : calloc(np ? np : 1, sizeof *m->patterns);
    for (uint32_t i = 0; m->patterns && !r.bad && i < np; i++) {
        model_pattern *p = &m->patterns[i];
        p->entry = get_u32(&r);
        p->entry_base = get_u32(&r);
        p->anchored = get_u32(&r) != 0;
        if (!r.bad && (size_t)(r.end - r.p) >= sizeof p->first) {
            memcpy(p->first, r.p, sizeof p->first);
            r.p += sizeof p->first;
        } else {
            r.bad = 1;
        }
        p->source = get_str(&r);
        uint32_t near_len;
        const unsigned char *near = get_bytes(&r, &near_len);
        if (near_len && (near_len < 2 || near[near_len - 1] || near[near_len - 2] ||
                         !(p->near = malloc(near_len))))
            r.bad = 1;
        if (p->near) {
            memcpy(p->near, near, near_len);
            p->near_len = near_len;
        }
        uint32_t blob_len;
        const unsigned char *blob = get_bytes(&r, &blob_len);
        m->n_patterns = i + 1;
        if (r.bad || !p->source)
            break;
        if ((p->entry != MODEL_ENTRY_FROM_MARK && (uint64_t)p->entry + p->entry_base >= ne) ||
            !(p->code = load_code(blob, blob_len, p->source,
                                  (p->near_len ? PCRE2_USE_OFFSET_LIMIT : 0) |
                                      (p->anchored ? PCRE2_ANCHORED : 0),
                                  jit_names || !p->anchored)))
            r.bad = 1;
    }
    *rp = r;
}

int model_deserialize(compiled_model **out, const unsigned char *data, size_t len, const char *name,
                      int jit_names)
{
    *out = NULL;
    if (len < 12 || memcmp(data, MAGIC, 8) != 0)
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: not a doctag model file", name);
    reader r = { data + 8, data + len - 4, 0 };
    uint32_t version = get_u32(&r);
    if (version != FORMAT_VERSION)
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: model format %u, this library reads %u",
                         name, version, FORMAT_VERSION);
    reader sum = { data + len - 4, data + len, 0 };
    if (len < 16 || get_u32(&sum) != hash_fnv1a(HASH_FNV_SEED, data, len - 4))
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: damaged model file (checksum)", name);
    compiled_model *m = calloc(1, sizeof *m);
    if (!m)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory loading %s", name);
    m->n_variants = get_u32(&r);
    uint32_t ne = get_u32(&r);
    read_entries(&r, m, ne, len);
    uint32_t pairs_len;
    const unsigned char *pairs = get_bytes(&r, &pairs_len);
    if (pairs_len && (pairs_len != MODEL_NAME_KEYS_BYTES || !(m->name_keys = malloc(pairs_len))))
        r.bad = 1;
    if (m->name_keys)
        memcpy(m->name_keys, pairs, pairs_len);
    if (!r.bad && m->entries)
        get_names(&r, &m->names, ne);
    read_patterns(&r, m, ne, len, jit_names);
    if (r.bad || !m->entries || !m->patterns || r.p != r.end) {
        model_free(m);
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: damaged model file", name);
    }
    *out = m;
    return DOCTAG_OK;
}
