/* output.c: the doctag CLI's entity writers (JSON Lines, TSV and CSV). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "output.h"
#include "sniff.h"

int output_format_from_name(const char *name, output_format *out)
{
    if (strcmp(name, "jsonl") == 0 || strcmp(name, "json") == 0) {
        *out = OUTPUT_JSONL;
        return 0;
    }
    if (strcmp(name, "tsv") == 0) {
        *out = OUTPUT_TSV;
        return 0;
    }
    if (strcmp(name, "csv") == 0) {
        *out = OUTPUT_CSV;
        return 0;
    }
    return -1;
}

const char *output_format_extension(output_format format)
{
    switch (format) {
    case OUTPUT_TSV: return ".tsv";
    case OUTPUT_CSV: return ".csv";
    default: return ".jsonl";
    }
}

void output_write_header(FILE *f, output_format format)
{
    if (format == OUTPUT_TSV)
        fputs("doc\ttype\ttext\tstart\tend\tcanonical\tpage\tpath\n", f);
    else if (format == OUTPUT_CSV)
        fputs("doc,type,text,start,end,canonical,page,path\r\n", f);
}

/* ---- JSON rows ------------------------------------------------------------ */

/* Rows are assembled in a buffer and handed to stdio in one fwrite when it
 * is full or done (no putc or printf per character or field). */
typedef struct row_writer {
    FILE *f;       /* NULL: the buffer is a string made big enough */
    size_t n, cap;
    char *buf;
} row_writer;

#define ROW_BUFFER 8192

static void row_flush(row_writer *w)
{
    if (w->n && w->f)
        fwrite(w->buf, 1, w->n, w->f);
    w->n = 0;
}

static void row_put(row_writer *w, const char *s, size_t n)
{
    while (n > 0) {
        if (w->n == w->cap)
            row_flush(w);
        size_t k = w->cap - w->n < n ? w->cap - w->n : n;
        memcpy(w->buf + w->n, s, k);
        w->n += k;
        s += k;
        n -= k;
    }
}

static void row_puts(row_writer *w, const char *s)
{
    row_put(w, s, strlen(s));
}

static void row_size(row_writer *w, size_t v)
{
    char digits[24];
    size_t k = sizeof digits;
    do
        digits[--k] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    row_put(w, digits + k, sizeof digits - k);
}

/* 1 if none of the 8 bytes at p needs escaping in JSON: printable ASCII
 * other than '"' and '\\'. */
static int json_plain8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t v;
    memcpy(&v, p, 8);
    uint64_t quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
    uint64_t low = (v - ones * 0x20) & ~v & highs;            /* bytes < 0x20 */
    uint64_t high = (v | (v + ones)) & highs;                 /* bytes >= 0x7F */
    uint64_t is_quote = (quote - ones) & ~quote & highs;      /* (may over-report) */
    uint64_t is_backslash = (backslash - ones) & ~backslash & highs;
    return !(low | high | is_quote | is_backslash);
}

/* `s` as a JSON string literal into the row (output.h says how): runs of
 * bytes that need no escaping are copied whole, found eight at a time. */
static void row_json_string(row_writer *w, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *end = p + strlen((const char *)p);
    row_put(w, "\"", 1);
    while (*p) {
        const unsigned char *run = p;
        while (end - p >= 8 && json_plain8(p))
            p += 8;
        while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
            p++;
        row_put(w, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        char esc[8];
        const char *e = NULL;
        switch (*p) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        default: break;
        }
        if (!e && (*p < 0x20 || *p == 0x7F)) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            e = esc;
        }
        if (e) {
            row_puts(w, e);
            p++;
            continue;
        }
        int len = utf8_length(p, SIZE_MAX);
        size_t n = len > 0 ? (size_t)len : 0;
        row_put(w, n ? (const char *)p : "\\ufffd", n ? n : 6);
        p += n ? n : 1;
    }
    row_put(w, "\"", 1);
}

/* A coordinate in PDF points; JSON has no NaN or infinity. */
void output_json_string(FILE *f, const char *s)
{
    char buf[ROW_BUFFER];
    row_writer w = { f, 0, sizeof buf, buf };
    row_json_string(&w, s);
    row_flush(&w);
}

void output_tsv_field(FILE *f, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '\\': fputs("\\\\", f); break;
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        default: putc(*p, f); break;
        }
    }
}

void output_csv_field(FILE *f, const char *s)
{
    s = s ? s : "";
    if (!s[strcspn(s, ",\"\r\n")]) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

/* A coordinate in PDF points; JSON has no NaN or infinity. */
static void row_coordinate(row_writer *w, double v)
{
    char num[64];
    if (!isfinite(v)) {
        row_puts(w, "null");
        return;
    }
    int n = snprintf(num, sizeof num, "%.2f", v);
    row_put(w, num, n > 0 ? (size_t)n : 0);
}

static void row_boxes(row_writer *w, const doctag_entity *e)
{
    size_t n = doctag_entity_box_count(e);
    int first = 1;
    row_puts(w, ", \"boxes\": [");
    for (size_t i = 0; i < n; i++) {
        doctag_box box;
        if (doctag_entity_box(e, i, &box) != DOCTAG_OK)
            continue;
        char page[32];
        snprintf(page, sizeof page, "%s[%d, ", first ? "" : ", ", box.page);
        row_puts(w, page);
        row_coordinate(w, box.x0);
        row_puts(w, ", ");
        row_coordinate(w, box.y0);
        row_puts(w, ", ");
        row_coordinate(w, box.x1);
        row_puts(w, ", ");
        row_coordinate(w, box.y1);
        row_put(w, "]", 1);
        first = 0;
    }
    row_put(w, "]", 1);
}

/* The start of a JSON row, the same for every entity of a document. */
static void json_head(row_writer *w, const char *doc_name, const char *path)
{
    row_puts(w, "{\"doc\": ");
    row_json_string(w, doc_name);
    if (path) {
        row_puts(w, ", \"path\": ");
        row_json_string(w, path);
    }
}

/* The rest of a JSON row: the entity itself. */
static void json_body(row_writer *w, const doctag_entity *e, int is_pdf)
{
    const char *type = doctag_type_name(doctag_entity_type(e));
    row_puts(w, ", \"type\": ");
    row_json_string(w, type ? type : "unknown");
    row_puts(w, ", \"text\": ");
    row_json_string(w, doctag_entity_text(e));
    row_puts(w, ", \"start\": ");
    row_size(w, doctag_entity_start(e));
    row_puts(w, ", \"end\": ");
    row_size(w, doctag_entity_end(e));
    row_puts(w, ", \"canonical\": ");
    row_json_string(w, doctag_entity_canonical(e));
    if (is_pdf) {
        char page[32];
        snprintf(page, sizeof page, ", \"page\": %d", doctag_entity_page(e));
        row_puts(w, page);
        row_boxes(w, e);
    }
    row_put(w, "}\n", 2);
}

static void write_json_entity(FILE *f, const char *doc_name, const char *path,
                              const doctag_entity *e, int is_pdf)
{
    char buf[ROW_BUFFER];
    row_writer w = { f, 0, sizeof buf, buf };
    json_head(&w, doc_name, path);
    json_body(&w, e, is_pdf);
    row_flush(&w);
}

/* TSV and CSV: the same columns, each format's field writer and line end. */
static void write_table_entity(FILE *f, output_format format, const char *doc_name,
                               const char *path, const doctag_entity *e, int is_pdf)
{
    void (*field)(FILE *, const char *) =
        format == OUTPUT_CSV ? output_csv_field : output_tsv_field;
    int sep = format == OUTPUT_CSV ? ',' : '\t';
    const char *type = doctag_type_name(doctag_entity_type(e));

    field(f, doc_name);
    putc(sep, f);
    field(f, type ? type : "unknown");
    putc(sep, f);
    field(f, doctag_entity_text(e));
    fprintf(f, "%c%zu%c%zu%c", sep, doctag_entity_start(e), sep, doctag_entity_end(e), sep);
    field(f, doctag_entity_canonical(e));
    putc(sep, f);
    if (is_pdf)
        fprintf(f, "%d", doctag_entity_page(e));
    putc(sep, f);
    field(f, path);
    fputs(format == OUTPUT_CSV ? "\r\n" : "\n", f);
}

void output_write_entity_of(FILE *f, output_format format, const char *doc_name,
                            const char *path, const doctag_entity *e, int is_pdf)
{
    if (format == OUTPUT_JSONL)
        write_json_entity(f, doc_name, path, e, is_pdf);
    else
        write_table_entity(f, format, doc_name, path, e, is_pdf);
}

void output_write_entity(FILE *f, output_format format, const char *doc_name,
                         const doctag_entity *e, int is_pdf)
{
    output_write_entity_of(f, format, doc_name, NULL, e, is_pdf);
}

int output_writer_open(output_writer *w, FILE *f, output_format format, const char *doc_name,
                       const char *path, int is_pdf)
{
    *w = (output_writer){ f, format, doc_name, path, is_pdf, NULL, 0, NULL, 0 };
    if (format != OUTPUT_JSONL)
        return 0;
    /* escaping makes a byte at most six ("\ufffd", "\u001f") */
    size_t cap = 6 * ((doc_name ? strlen(doc_name) : 0) + (path ? strlen(path) : 0)) + 32;
    w->head = malloc(cap);
    w->buf = malloc(OUTPUT_WRITER_BUFFER);
    if (!w->head || !w->buf) {
        output_writer_close(w);
        return -1;
    }
    row_writer h = { NULL, 0, cap, w->head };
    json_head(&h, doc_name, path);
    w->head_len = h.n;
    return 0;
}

void output_writer_entity(output_writer *w, const doctag_entity *e)
{
    if (w->format != OUTPUT_JSONL || !w->buf) {
        output_write_entity_of(w->f, w->format, w->doc_name, w->path, e, w->is_pdf);
        return;
    }
    row_writer r = { w->f, w->n, OUTPUT_WRITER_BUFFER, w->buf };
    row_put(&r, w->head, w->head_len);
    json_body(&r, e, w->is_pdf);
    w->n = r.n;
}

void output_writer_close(output_writer *w)
{
    if (w->n && w->f)
        fwrite(w->buf, 1, w->n, w->f);
    free(w->head);
    free(w->buf);
    *w = (output_writer){ NULL, OUTPUT_JSONL, NULL, NULL, 0, NULL, 0, NULL, 0 };
}

/* ---- Output directory --------------------------------------------------- */

/* Each parent in turn: mkdir(2) makes one level only. */
int output_make_directories(const char *dir)
{
    if (dir[0] == '\0')
        return ENOENT;
    char *path = strdup(dir);
    if (!path)
        return ENOMEM;
    int err = 0;
    for (char *p = path + 1; !err; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            err = errno;
        else if (stat(path, &st) != 0)
            err = errno;
        else if (!S_ISDIR(st.st_mode))
            err = ENOTDIR;
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(path);
    return err;
}

/* FNV-1a. */
static size_t hash_name(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* Grows at half full; collisions are resolved by linear probing. */
int name_set_add(name_set *set, const char *name)
{
    if ((set->count + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        char **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slots[i])
                continue;
            size_t j = hash_name(set->slots[i]) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = set->slots[i];
        }
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    size_t j = hash_name(name) & (set->cap - 1);
    for (; set->slots[j]; j = (j + 1) & (set->cap - 1))
        if (strcmp(set->slots[j], name) == 0)
            return 0;
    if (!(set->slots[j] = strdup(name)))
        return -1;
    set->count++;
    return 1;
}

void name_set_free(name_set *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
}
