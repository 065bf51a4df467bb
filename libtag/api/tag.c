/* tag.c: tagging a document and reading the result (doctag.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canonical.h"
#include "columns.h"
#include "entity_checks.h"
#include "error.h"
#include "doctag_limits.h"
#include "match.h"
#include "model.h"
#include "normalize.h"
#include "strbuf.h"
#include "post.h"
#include "tag.h"
#include "vec.h"

#define TAG_FIXED_SLOTS 512

/* One tagging call. The document is tagged a piece at a time (pieces end
 * at paragraph breaks, which no entity crosses), through buffers of one
 * piece's size reused from piece to piece; the entities' texts and
 * canonical forms go into one pool and their boxes into one array. */
typedef struct tagger {
    const compiled_model *m;
    const match_index *ix;
    const doctag_doc *doc;
    const doctag_limits *limits;
    normalized_text norm;
    span_list spans;
    span_list blocked;         /* the piece's spans of `block` entries */
    doctag_result *r;
    size_t cap;                /* of r->items */
    strbuf pool;
    size_t cap_boxes;          /* of r->boxes */
    skip_list skipped;         /* the piece's regions a pattern skipped */
    size_t cap_warnings;       /* of r->warnings */
    size_t more_warnings;      /* regions past LIMIT_MAX_WARNINGS - 1 */
    /* canonical forms the same whatever the text (canonical_fixed()), made
     * once and shared: by entry, modulo TAG_FIXED_SLOTS, the entry and
     * where its form is in the pool (entry + 1; 0: none yet) */
    struct { uint32_t entry_plus_1; size_t at; } fixed[TAG_FIXED_SLOTS];
    size_t base;               /* where doc's text starts in the document's
                                  (a stream's tail; 0 for a whole document) */
    size_t n_before;           /* entities handed out before (a stream) */
} tagger;

/* tag.h */
size_t tag_piece_end(const char *text, size_t len, size_t start)
{
    if (len - start <= LIMIT_TAG_PIECE)
        return len;
    const char *p = text + start + LIMIT_TAG_PIECE, *end = text + len;
    while ((p = memchr(p, '\n', (size_t)(end - p)))) {
        const char *q = p + 1;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q == '\n')
            return (size_t)(p + 1 - text);
        p = q;
    }
    return len;
}

/* Adds to the result's boxes one per extracted line the entity [start,
 * end) touches: its box on that line (extract_range_box; bytes the
 * extractor added itself have none). */
static int entity_boxes(tagger *t, doctag_entity *e, const extract_result *pdf)
{
    size_t lo = 0, hi = pdf->n_lines;   /* the first line ending after start */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pdf->lines[mid].end <= e->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    e->box_at = t->r->n_boxes;
    for (size_t l = lo; l < pdf->n_lines && pdf->lines[l].start < e->end; l++) {
        size_t from = pdf->lines[l].start > e->start ? pdf->lines[l].start : e->start;
        size_t to = pdf->lines[l].end < e->end ? pdf->lines[l].end : e->end;
        extract_pos p;
        extract_range_box(pdf, l, from, to, &p);
        doctag_box box = { p.page, p.x0, p.y0, p.x1, p.y1 };
        if (!box.page)
            continue;
        if (!vec_reserve((void **)&t->r->boxes, &t->cap_boxes, t->r->n_boxes + 1, sizeof box))
            return 0;
        t->r->boxes[t->r->n_boxes++] = box;
        e->n_boxes++;
    }
    return 1;
}

/* "key=value(;key=value)*", keys [a-z_]+, no value empty or holding a ';'
 * (a caller's pattern may match what a canonicaliser finds nothing in, or
 * text with a ';' that would read as a separator). */
static int canonical_ok(const char *c)
{
    for (;;) {
        size_t key = 0;
        while ((c[key] >= 'a' && c[key] <= 'z') || c[key] == '_')
            key++;
        if (!key || c[key] != '=')
            return 0;
        c += key + 1;
        size_t value = 0;
        while (c[value] && c[value] != ';')
            value++;
        if (!value || (c[value] == ';' && !c[value + 1]))
            return 0;
        if (!c[value])
            return 1;
        c += value + 1;
    }
}

/* Sets e's canonical form, of span s (src: what it is made from, NULL:
 * the span's own text): appended to the pool, or where the pool already
 * has it when it is fixed by the entry. 0 when the form is not
 * canonical_ok() (the entity is dropped). */
static int add_canonical(tagger *t, doctag_entity *e, const span *s, const char *src)
{
    const dict_entry *entry = &t->m->entries[s->entry];
    int fixed = canonical_fixed(entry);
    size_t slot = s->entry % TAG_FIXED_SLOTS;
    if (fixed && t->fixed[slot].entry_plus_1 == s->entry + 1) {
        e->canonical_at = t->fixed[slot].at;
        return 1;
    }
    e->canonical_at = t->pool.len;
    if (!src)
        canonical_append(&t->pool, entry, t->norm.text + s->start, s->end - s->start);
    else
        canonical_append(&t->pool, entry, src, strlen(src));
    sb_putc(&t->pool, '\0');
    if (t->pool.failed)
        return 1;   /* reported by the caller */
    if (!canonical_ok(t->pool.s + e->canonical_at))
        return 0;
    if (fixed) {
        t->fixed[slot].entry_plus_1 = s->entry + 1;
        t->fixed[slot].at = e->canonical_at;
    }
    return 1;
}

/* Appends the entities of the piece's spans to the result; canon_src (may
 * be NULL) holds what a span's canonical form is made from where that is
 * not its own text (post.h: a short form takes its full name's id). */
static int add_entities(tagger *t, char **canon_src)
{
    doctag_result *r = t->r;
    if (!vec_reserve((void **)&r->items, &t->cap, r->n + t->spans.n, sizeof *r->items))
        return 0;
    offset_cursor cursor = { &t->norm.map, 0 };
    for (size_t i = 0; i < t->spans.n; i++) {
        const span *s = &t->spans.items[i];
        const dict_entry *entry = &t->m->entries[s->entry];
        size_t start = offset_cursor_start(&cursor, s->start);
        size_t end = offset_cursor_end(&cursor, s->end);
        if (!entity_text_ok(t->doc, t->norm.text + s->start, s->end - s->start, start, end))
            continue;
        doctag_entity *e = &r->items[r->n++];
        memset(e, 0, sizeof *e);
        e->type = entry->type;
        e->start = start;
        e->end = end;
        e->text_at = t->pool.len;
        sb_putn(&t->pool, t->doc->text + e->start, e->end - e->start);
        sb_putc(&t->pool, '\0');
        if (!add_canonical(t, e, s, canon_src ? canon_src[i] : NULL)) {
            t->pool.len = e->text_at;   /* dropped, as if never added */
            r->n--;
            continue;
        }
        if (t->doc->pdf && !entity_boxes(t, e, t->doc->pdf))
            return 0;
    }
    return !t->pool.failed;
}

/* The end of the region of skipped[*i] and of those after it that continue
 * it (a pattern skipped at several places in a row); *i moves to the last
 * of them. */
static size_t region_end(const skip_list *skipped, size_t *i)
{
    const match_skip *k = &skipped->items[*i];
    size_t end = k->end;
    while (*i + 1 < skipped->n && skipped->items[*i + 1].pattern == k->pattern &&
           skipped->items[*i + 1].start <= end)
        end = skipped->items[++*i].end;
    return end;
}

/* Appends one warning string to the result; 0 when memory runs out. */
static int push_warning(tagger *t, strbuf *b)
{
    doctag_result *r = t->r;
    char *w = sb_take(b);
    if (!w || !vec_reserve((void **)&r->warnings, &t->cap_warnings, r->n_warnings + 1,
                           sizeof *r->warnings)) {
        free(w);
        return 0;
    }
    r->warnings[r->n_warnings++] = w;
    return 1;
}

/* One warning per region of the piece a pattern skipped, in document
 * offsets; past LIMIT_MAX_WARNINGS - 1 they are only counted. */
static int add_warnings(tagger *t)
{
    const skip_list *sk = &t->skipped;
    for (size_t i = 0; i < sk->n; i++) {
        const match_skip *k = &sk->items[i];
        size_t end = region_end(sk, &i);
        if (t->r->n_warnings >= LIMIT_MAX_WARNINGS - 1) {
            t->more_warnings++;
            continue;
        }
        const model_pattern *p = &t->m->patterns[k->pattern];
        const char *type = p->entry == MODEL_ENTRY_FROM_MARK
                               ? "name"
                               : doctag_type_name(t->m->entries[p->entry + p->entry_base].type);
        PCRE2_UCHAR msg[128];
        pcre2_get_error_message(k->error, msg, sizeof msg);
        strbuf b = { 0 };
        sb_printf(&b, "%s pattern %u: %s at bytes %zu-%zu; region skipped",
                  type ? type : "block", k->pattern, (const char *)msg,
                  t->base + offset_map_start(&t->norm.map, k->start),
                  t->base + offset_map_end(&t->norm.map, end));
        if (!push_warning(t, &b))
            return 0;
    }
    t->skipped.n = 0;
    return 1;
}

/* The last warning counts the regions past the limit, if any. */
static int count_more_warnings(tagger *t)
{
    if (!t->more_warnings)
        return 1;
    strbuf b = { 0 };
    sb_printf(&b, "%zu more regions skipped", t->more_warnings);
    return push_warning(t, &b);
}

/* The pool and the box array are complete: the entities point into them. */
static void finish(tagger *t)
{
    doctag_result *r = t->r;
    r->pool = t->pool.s;
    memset(&t->pool, 0, sizeof t->pool);
    for (size_t i = 0; i < r->n; i++) {
        doctag_entity *e = &r->items[i];
        e->text = r->pool + e->text_at;
        e->canonical = r->pool + e->canonical_at;
        e->boxes = e->n_boxes ? r->boxes + e->box_at : NULL;
    }
}

static int tag_piece(tagger *t, size_t start, size_t end)
{
    int rc = normalize_range(&t->norm, t->doc->text, start, end, NULL);
    if (rc == DOCTAG_OK)
        rc = match_text(&t->spans, &t->blocked, &t->skipped, t->m, t->ix, t->norm.text,
                        t->norm.len);
    if (rc == DOCTAG_OK && !add_warnings(t))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    if (rc == DOCTAG_OK)
        rc = columns_split(&t->spans, t->m, t->ix, &t->norm, t->doc->text);
    char **canon_src = NULL;   /* the second passes over the piece: lists, memory */
    if (rc == DOCTAG_OK)
        rc = post_pass(&t->spans, &canon_src, t->m, t->ix, &t->blocked, t->norm.text, t->norm.len);
    if (rc == DOCTAG_OK && !add_entities(t, canon_src))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory building %zu entities",
                       t->r->n + t->spans.n);
    post_free_src(canon_src, t->spans.n);
    if (rc == DOCTAG_OK && t->n_before + t->r->n > t->limits->max_entities)
        rc = error_set(DOCTAG_ERR_LIMIT_ENTITIES, "%zu entities, more than the limit of %zu",
                       t->n_before + t->r->n, t->limits->max_entities);
    return rc;
}

static void result_free(doctag_result *r)
{
    if (!r)
        return;
    free(r->items);
    free(r->pool);
    free(r->boxes);
    for (size_t i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r);
}

DOCTAG_API int doctag_tag(doctag_result **out, const doctag_model *model, const doctag_doc *doc)
{
    error_clear();
    if (!out || !model || !doc)
        return error_set(DOCTAG_ERR_ARG, "doctag_tag: NULL argument");
    *out = NULL;
    if (doc->len > model->limits.max_input_bytes)
        return error_set(DOCTAG_ERR_LIMIT_INPUT, "%zu bytes of text, more than the limit of %zu",
                         doc->len, model->limits.max_input_bytes);
    tagger t = { .m = model->compiled, .ix = model->index, .doc = doc, .limits = &model->limits };
    int rc = (t.r = calloc(1, sizeof *t.r)) ? DOCTAG_OK
                                            : error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    for (size_t start = 0, end; rc == DOCTAG_OK && start < doc->len; start = end) {
        end = tag_piece_end(doc->text, doc->len, start);
        rc = tag_piece(&t, start, end);
    }
    if (rc == DOCTAG_OK && !count_more_warnings(&t))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    if (rc == DOCTAG_OK) {
        finish(&t);
        *out = t.r;
    } else {
        result_free(t.r);
    }
    sb_free(&t.pool);
    normalized_text_free(&t.norm);
    span_list_free(&t.spans);
    span_list_free(&t.blocked);
    free(t.skipped.items);
    return rc;
}

/* ---- A stream: the text tagged as it comes ---------------------------------- */

/* The tail of a document's text not yet tagged (from the start of the
 * piece being gathered), with its lines and boxes: a document of its own
 * (view) whose offsets start at t.base in the whole text. */
struct tag_stream {
    tagger t;
    doctag_doc view;
    extract_result pdf;
    size_t cap_text, cap_lines, cap_boxes;
    tag_stream_sink sink;
};

int tag_stream_new(tag_stream **out, const doctag_model *model, const tag_stream_sink *sink)
{
    tag_stream *s = calloc(1, sizeof *s);
    if (!s || !(s->t.r = calloc(1, sizeof *s->t.r))) {
        free(s);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    }
    s->t.m = model->compiled;
    s->t.ix = model->index;
    s->t.limits = &model->limits;
    s->t.doc = &s->view;
    s->view.pdf = &s->pdf;
    s->sink = *sink;
    *out = s;
    return DOCTAG_OK;
}

/* Appends a page's text, lines and boxes to the tail. */
static int tail_add(tag_stream *s, const extract_page *pg)
{
    extract_result *p = &s->pdf;
    if (!vec_reserve((void **)&p->text, &s->cap_text, p->len + pg->len + 1, 1)
        || !vec_reserve((void **)&p->lines, &s->cap_lines, p->n_lines + pg->n_lines,
                        sizeof *p->lines)
        || !vec_reserve((void **)&p->boxes, &s->cap_boxes, p->boxes_len + pg->boxes_len, 1))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    if (pg->len)
        memcpy(p->text + p->len, pg->text, pg->len);
    p->len += pg->len;
    p->text[p->len] = '\0';
    for (size_t i = 0; i < pg->n_lines; i++) {
        extract_line *l = &p->lines[p->n_lines++];
        *l = pg->lines[i];
        l->start -= (uint32_t)s->t.base;
        l->end -= (uint32_t)s->t.base;
        l->box_at += (uint32_t)p->boxes_len;
    }
    if (pg->boxes_len)
        memcpy(p->boxes + p->boxes_len, pg->boxes, pg->boxes_len);
    p->boxes_len += pg->boxes_len;
    s->view.text = p->text;
    s->view.len = p->len;
    return DOCTAG_OK;
}

/* Drops the tail's first n bytes (tagged), and the lines and boxes of
 * them. */
static void tail_drop(tag_stream *s, size_t n)
{
    extract_result *p = &s->pdf;
    size_t keep = 0;
    while (keep < p->n_lines && p->lines[keep].end <= n)
        keep++;
    p->n_lines -= keep;
    if (p->n_lines)
        memmove(p->lines, p->lines + keep, p->n_lines * sizeof *p->lines);
    uint32_t box_min = (uint32_t)p->boxes_len;
    for (size_t i = 0; i < p->n_lines; i++)
        if (p->lines[i].box_at < box_min)
            box_min = p->lines[i].box_at;
    for (size_t i = 0; i < p->n_lines; i++) {
        p->lines[i].start -= (uint32_t)n;
        p->lines[i].end -= (uint32_t)n;
        p->lines[i].box_at -= box_min;
    }
    p->boxes_len -= box_min;
    if (p->boxes_len)
        memmove(p->boxes, p->boxes + box_min, p->boxes_len);
    p->len -= n;
    memmove(p->text, p->text + n, p->len + 1);
    s->view.len = p->len;
    s->t.base += n;
}

/* A callback's return: 0 goes on; anything else is kept in *stop. */
static int sink_stopped(tag_stream *s, int stop)
{
    if (!stop)
        return DOCTAG_OK;
    *s->sink.stop = stop;
    return DOCTAG_ERR_INTERNAL;   /* the caller returns *stop */
}

/* Tags the tail's first n bytes (a whole piece) and hands out its
 * entities, their offsets in the whole text, then the piece's end. */
static int tail_tag(tag_stream *s, size_t n)
{
    tagger *t = &s->t;
    const tag_stream_sink *k = &s->sink;
    int rc = tag_piece(t, 0, n);
    for (size_t i = 0; rc == DOCTAG_OK && i < t->r->n; i++) {
        doctag_entity e = t->r->items[i];
        e.text = t->pool.s + e.text_at;
        e.canonical = t->pool.s + e.canonical_at;
        e.boxes = e.n_boxes ? t->r->boxes + e.box_at : NULL;
        e.start += t->base;
        e.end += t->base;
        rc = sink_stopped(s, k->on_entity ? k->on_entity(k->ctx, &e) : 0);
    }
    if (rc == DOCTAG_OK && k->on_tagged)
        rc = sink_stopped(s, k->on_tagged(k->ctx, t->base + n));
    t->n_before += t->r->n;
    t->r->n = 0;
    t->r->n_boxes = 0;
    t->pool.len = 0;
    memset(t->fixed, 0, sizeof t->fixed);   /* the shared forms were in the pool */
    if (rc == DOCTAG_OK)
        tail_drop(s, n);
    return rc;
}

int tag_stream_add(tag_stream *s, const extract_page *pg)
{
    int rc = tail_add(s, pg);
    if (rc == DOCTAG_OK && s->t.base + s->pdf.len > s->t.limits->max_input_bytes)
        rc = error_set(DOCTAG_ERR_LIMIT_INPUT, "%zu bytes of text, more than the limit of %zu",
                       s->t.base + s->pdf.len, s->t.limits->max_input_bytes);
    for (size_t end; rc == DOCTAG_OK && (end = tag_piece_end(s->pdf.text, s->pdf.len, 0))
                                            < s->pdf.len;)
        rc = tail_tag(s, end);
    return rc;
}

int tag_stream_finish(tag_stream *s, doctag_warning_callback on_warning)
{
    int rc = s->pdf.len ? tail_tag(s, s->pdf.len) : DOCTAG_OK;
    if (rc == DOCTAG_OK && !count_more_warnings(&s->t))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    for (size_t i = 0; rc == DOCTAG_OK && on_warning && i < s->t.r->n_warnings; i++)
        rc = sink_stopped(s, on_warning(s->sink.ctx, s->t.r->warnings[i]));
    return rc;
}

void tag_stream_free(tag_stream *s)
{
    if (!s)
        return;
    result_free(s->t.r);
    sb_free(&s->t.pool);
    normalized_text_free(&s->t.norm);
    span_list_free(&s->t.spans);
    span_list_free(&s->t.blocked);
    free(s->t.skipped.items);
    s->pdf.page_has_text = NULL;
    extract_result_free(&s->pdf);
    free(s);
}

DOCTAG_API int doctag_tag_text(doctag_result **out, const doctag_model *model,
                               const char *text, size_t len)
{
    error_clear();
    if (!out || !model || (!text && len))
        return error_set(DOCTAG_ERR_ARG, "doctag_tag_text: NULL argument");
    *out = NULL;
    /* The caller's text is tagged where it lies, with no copy into a
     * document; normalize_range() rejects invalid UTF-8 with its offset. */
    doctag_doc borrowed = { (char *)(text ? text : ""), len, NULL };
    return doctag_tag(out, model, &borrowed);
}

DOCTAG_API size_t doctag_result_count(const doctag_result *result)
{
    return result ? result->n : 0;
}

DOCTAG_API const doctag_entity *doctag_result_entity(const doctag_result *result, size_t index)
{
    return result && index < result->n ? &result->items[index] : NULL;
}

DOCTAG_API void doctag_result_free(doctag_result *result)
{
    result_free(result);
}

DOCTAG_API size_t doctag_result_warning_count(const doctag_result *result)
{
    return result ? result->n_warnings : 0;
}

DOCTAG_API const char *doctag_result_warning(const doctag_result *result, size_t index)
{
    return result && index < result->n_warnings ? result->warnings[index] : NULL;
}

DOCTAG_API doctag_type doctag_entity_type(const doctag_entity *e)
{
    return e ? (doctag_type)e->type : (doctag_type)-1;
}

DOCTAG_API const char *doctag_entity_text(const doctag_entity *e)
{
    return e ? e->text : NULL;
}

DOCTAG_API size_t doctag_entity_start(const doctag_entity *e)
{
    return e ? e->start : 0;
}

DOCTAG_API size_t doctag_entity_end(const doctag_entity *e)
{
    return e ? e->end : 0;
}

DOCTAG_API const char *doctag_entity_canonical(const doctag_entity *e)
{
    return e ? e->canonical : NULL;
}

DOCTAG_API int doctag_entity_page(const doctag_entity *e)
{
    return e && e->n_boxes ? e->boxes[0].page : 0;
}

DOCTAG_API size_t doctag_entity_box_count(const doctag_entity *e)
{
    return e ? e->n_boxes : 0;
}

DOCTAG_API int doctag_entity_box(const doctag_entity *e, size_t index, doctag_box *out)
{
    if (!e || !out || index >= e->n_boxes)
        return error_set(DOCTAG_ERR_ARG, "doctag_entity_box: no box %zu", index);
    *out = e->boxes[index];
    return DOCTAG_OK;
}
