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
 *
 * Trust model. A model file is data from outside: the checksum catches
 * accidents, not hostile files. Every count, length and offset is read
 * through one bounds-checked reader (rd_*) and checked against the bytes
 * left and against what it indexes before it is used, so no file can make
 * the loader read or write out of bounds. The pcre2 blob is
 * pcre2_serialize_encode() output, and pcre2 runs serialised code
 * unchecked: its header is checked against its length always (a mismatch
 * is a damaged file), but the code in it is decoded only for a trusted
 * model (the built-in one, or DOCTAG_MODEL_TRUSTED). Otherwise, and when
 * the blob was made by another pcre2 version, the pattern is compiled
 * again from the source the file holds beside it: a hostile source can
 * make a slow pattern (bounded by the match limits, see match.c), never
 * corrupt memory.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"
#include "doctag_limits.h"
#include "model.h"
#include "pattern.h"
#include "vec.h"

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
    if (!vec_reserve((void **)&w->buf, &w->cap, w->len + n, 1)) {
        w->failed = 1;
        return;
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

/* ---- reading: every byte through the bounds-checked reader ------------ */

/* The unread bytes [p, end). Once `bad` is set every read fails and
 * returns zeros / NULL, so a caller may check once after several reads. */
typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static size_t rd_left(const reader *r)
{
    return r->bad ? 0 : (size_t)(r->end - r->p);
}

/* The next n bytes, or NULL (and bad) when fewer are left. */
static const unsigned char *rd_take(reader *r, size_t n)
{
    if (rd_left(r) < n) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

static uint32_t rd_u32(reader *r)
{
    const unsigned char *b = rd_take(r, 4);
    return b ? b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24 : 0;
}

/* A blob: its u32 length, then that many bytes. NULL with *n = 0 when it
 * runs past the end. */
static const unsigned char *rd_blob(reader *r, uint32_t *n)
{
    uint32_t len = rd_u32(r);
    const unsigned char *s = rd_take(r, len);
    *n = s ? len : 0;
    return s;
}

/* A str: a blob without NUL, copied with a NUL after it (malloc'd). */
static char *rd_str(reader *r)
{
    uint32_t n;
    const unsigned char *s = rd_blob(r, &n);
    char *c = s && !memchr(s, '\0', n) ? malloc((size_t)n + 1) : NULL;
    if (!c) {
        r->bad = 1;
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* A count of records of at least `min_size` bytes each: bad when that many
 * cannot fit in what is left, or when there are more than `max`. */
static uint32_t rd_count(reader *r, size_t min_size, uint32_t max)
{
    uint32_t n = rd_u32(r);
    if (n > max || (uint64_t)n * min_size > rd_left(r)) {
        r->bad = 1;
        return 0;
    }
    return n;
}

/* ---- pcre2 blobs ---------------------------------------------------------- */

/* pcre2_serialize_encode() output for one pattern (pcre2_serialize.c,
 * pcre2_intmodedep.h; the layout of every 10.x release): a 16-byte header
 * { u32 magic, u32 version, u32 config, i32 number_of_codes }, the
 * character tables, then the pcre2_real_code, whose `blocksize` (a size_t
 * after three memctl pointers, the tables and JIT pointers and the 32-byte
 * start bitmap) is the length of the code and is followed by its own
 * magic number. */
#define BLOB_MAGIC 0x50523253u          /* SERIALIZED_DATA_MAGIC */
#define BLOB_HEADER 16
#define BLOB_TABLES 1088                /* TABLES_LENGTH */
#define BLOB_BLOCKSIZE_AT (5 * sizeof(void *) + 32)
#define CODE_MAGIC 0x50435245u          /* MAGIC_NUMBER: "PCRE" */

enum blob_state { BLOB_BAD, BLOB_FOREIGN, BLOB_DECODABLE };

/* Checks a blob's header against its length. BLOB_FOREIGN: another pcre2
 * version or build made it (compile from the source instead). */
static enum blob_state blob_check(const unsigned char *blob, uint32_t len)
{
    uint32_t head[4];
    if (len < BLOB_HEADER)
        return BLOB_BAD;
    memcpy(head, blob, sizeof head);
    if (head[0] != BLOB_MAGIC || head[3] != 1)
        return BLOB_BAD;
    if (head[1] != (PCRE2_MAJOR | PCRE2_MINOR << 16) ||
        head[2] != (sizeof(PCRE2_UCHAR) | sizeof(void *) << 8 | sizeof(PCRE2_SIZE) << 16))
        return BLOB_FOREIGN;
    size_t code_len = len - BLOB_HEADER;
    size_t blocksize;
    uint32_t magic;
    if (code_len < BLOB_TABLES + BLOB_BLOCKSIZE_AT + sizeof blocksize + sizeof magic)
        return BLOB_BAD;
    code_len -= BLOB_TABLES;
    const unsigned char *code = blob + BLOB_HEADER + BLOB_TABLES;
    memcpy(&blocksize, code + BLOB_BLOCKSIZE_AT, sizeof blocksize);
    memcpy(&magic, code + BLOB_BLOCKSIZE_AT + sizeof blocksize, sizeof magic);
    return blocksize == code_len && magic == CODE_MAGIC ? BLOB_DECODABLE : BLOB_BAD;
}

/* The pattern's code: decoded from its blob when trusted and decodable,
 * else compiled from its source. NULL with *bad set when the blob is
 * malformed (a damaged file); NULL alone when the source does not compile.
 * Not JIT-compiled here: the matcher does that on first use (match/jit.h). */
static pcre2_code *load_code(const unsigned char *blob, uint32_t blob_len, const char *source,
                             uint32_t options, int trusted, int *bad)
{
    pcre2_code *code = NULL;
    enum blob_state state = blob_len ? blob_check(blob, blob_len) : BLOB_FOREIGN;
    if (state == BLOB_BAD) {
        *bad = 1;
        return NULL;
    }
    if (trusted && state == BLOB_DECODABLE && pcre2_serialize_decode(&code, 1, blob, NULL) != 1)
        code = NULL;
    int errcode;
    size_t off;
    if (!code)
        code = pattern_compile(source, options, &errcode, &off);
    return code;
}

/* ---- the sections of the file ---------------------------------------------- */

/* "DOCTAGM\n", the format version, the checksum over everything else. */
static int check_header(const unsigned char *data, size_t len, const char *name)
{
    if (len < 16 || memcmp(data, MAGIC, 8) != 0)
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: not a doctag model file", name);
    reader r = { data + 8, data + len, 0 };
    uint32_t version = rd_u32(&r);
    if (version != FORMAT_VERSION)
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: model format %u, this library reads %u",
                         name, version, FORMAT_VERSION);
    reader sum = { data + len - 4, data + len, 0 };
    if (rd_u32(&sum) != hash_fnv1a(HASH_FNV_SEED, data, len - 4))
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: damaged model file (checksum)", name);
    return DOCTAG_OK;
}

/* The entries: each a known type and canonicaliser and an ID. */
static void read_entries(reader *r, compiled_model *m)
{
    uint32_t n = rd_count(r, 12, UINT32_MAX);
    m->entries = r->bad ? NULL : calloc(n ? n : 1, sizeof *m->entries);
    if (!m->entries)
        r->bad = 1;
    for (uint32_t i = 0; !r->bad && i < n; i++) {
        int32_t type = (int32_t)rd_u32(r);
        uint32_t canon = rd_u32(r);
        char *id = rd_str(r);
        if (!id)
            return;
        m->entries[i] = (dict_entry){ type, (canon_kind)canon, id };
        m->n_entries = i + 1;
        if (type < DICT_TYPE_BLOCK || type >= DOCTAG_TYPE_COUNT || canon > CANON_GENERAL_COMMENT)
            r->bad = 1;
    }
}

/* The name keys: a blob of exactly MODEL_NAME_KEYS_BYTES, or none. */
static void read_name_keys(reader *r, compiled_model *m)
{
    uint32_t n;
    const unsigned char *keys = rd_blob(r, &n);
    if (!keys || !n)
        return;
    if (n != MODEL_NAME_KEYS_BYTES || !(m->name_keys = malloc(n))) {
        r->bad = 1;
        return;
    }
    memcpy(m->name_keys, keys, n);
}

/* The names blob: non-empty names, each ending in a NUL, and one entry
 * (one of the file's) per name. */
static void read_names(reader *r, compiled_model *m)
{
    uint32_t text_len, entries_len;
    const unsigned char *text = rd_blob(r, &text_len);
    const unsigned char *entries = rd_blob(r, &entries_len);
    size_t n = 0;
    for (uint32_t i = 0; !r->bad && i < text_len; i++)
        if (!text[i]) {
            r->bad |= i == 0 || !text[i - 1];   /* an empty name */
            n++;
        }
    if (r->bad || (text_len && text[text_len - 1]) || entries_len != n * 4)
        return (void)(r->bad = 1);
    model_names *names = &m->names;
    names->text = malloc(text_len ? text_len : 1);
    names->entry = malloc(n ? n * 4 : 1);
    if (!names->text || !names->entry)
        return (void)(r->bad = 1);
    memcpy(names->text, text, text_len);
    names->text_len = text_len;
    names->n = n;
    reader e = { entries, entries + entries_len, 0 };
    for (size_t i = 0; i < n; i++)
        if ((names->entry[i] = rd_u32(&e)) >= m->n_entries)
            r->bad = 1;
}

/* @near literals: "lit\0lit\0\0", or none. */
static void read_near(reader *r, model_pattern *p)
{
    uint32_t n;
    const unsigned char *near = rd_blob(r, &n);
    if (!near || !n)
        return;
    if (n < 2 || near[n - 1] || near[n - 2] || !(p->near = malloc(n))) {
        r->bad = 1;
        return;
    }
    memcpy(p->near, near, n);
    p->near_len = n;
}

/* One pattern; its entry must be one of the file's. */
static void read_pattern(reader *r, compiled_model *m, model_pattern *p, int trusted)
{
    p->entry = rd_u32(r);
    p->entry_base = rd_u32(r);
    p->anchored = rd_u32(r) != 0;
    const unsigned char *first = rd_take(r, sizeof p->first);
    if (first)
        memcpy(p->first, first, sizeof p->first);
    p->source = rd_str(r);
    read_near(r, p);
    uint32_t blob_len;
    const unsigned char *blob = rd_blob(r, &blob_len);
    if (r->bad || (p->entry != MODEL_ENTRY_FROM_MARK &&
                   (uint64_t)p->entry + p->entry_base >= m->n_entries)) {
        r->bad = 1;
        return;
    }
    uint32_t options = (p->near_len ? PCRE2_USE_OFFSET_LIMIT : 0) |
                       (p->anchored ? PCRE2_ANCHORED : 0);
    p->code = load_code(blob, blob_len, p->source, options, trusted, &r->bad);
    if (!p->code)
        r->bad = 1;
}

static void read_patterns(reader *r, compiled_model *m, int trusted)
{
    uint32_t n = rd_count(r, 56, LIMIT_MODEL_PATTERNS);
    m->patterns = r->bad ? NULL : calloc(n ? n : 1, sizeof *m->patterns);
    if (!m->patterns)
        r->bad = 1;
    for (uint32_t i = 0; !r->bad && i < n; i++) {
        m->n_patterns = i + 1;
        read_pattern(r, m, &m->patterns[i], trusted);
    }
}

int model_deserialize(compiled_model **out, const unsigned char *data, size_t len,
                      const char *name, int trusted)
{
    *out = NULL;
    int rc = check_header(data, len, name);
    if (rc != DOCTAG_OK)
        return rc;
    compiled_model *m = calloc(1, sizeof *m);
    if (!m)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory loading %s", name);
    reader r = { data + 12, data + len - 4, 0 };
    m->n_variants = rd_u32(&r);
    read_entries(&r, m);
    read_name_keys(&r, m);
    read_names(&r, m);
    read_patterns(&r, m, trusted);
    if (r.bad || r.p != r.end) {
        model_free(m);
        return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: damaged model file", name);
    }
    *out = m;
    return DOCTAG_OK;
}
