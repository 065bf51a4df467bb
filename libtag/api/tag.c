/* tag.c: tagging a document and reading the result (doctag.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "canonical.h"
#include "error.h"
#include "limits.h"
#include "match.h"
#include "model.h"
#include "normalize.h"
#include "strbuf.h"
#include "tag.h"

/* One box per extracted line the entity [start, end) touches: the union
 * of its glyphs' boxes on that line (bytes the extractor added itself,
 * page 0, have none). */
static int entity_boxes(doctag_entity *e, const extract_result *pdf, size_t start, size_t end)
{
    size_t lo = 0, hi = pdf->n_lines;   /* the first line ending after start */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pdf->lines[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t l = lo; l < pdf->n_lines && pdf->lines[l].start < end; l++) {
        size_t from = pdf->lines[l].start > start ? pdf->lines[l].start : start;
        size_t to = pdf->lines[l].end < end ? pdf->lines[l].end : end;
        doctag_box box = { 0, 0, 0, 0, 0 };
        for (size_t i = from; i < to; i++) {
            const extract_pos *p = &pdf->pos[i];
            if (p->page <= 0)
                continue;
            if (!box.page) {
                box = (doctag_box){ p->page, p->x0, p->y0, p->x1, p->y1 };
                continue;
            }
            box.x0 = fmin(box.x0, p->x0);
            box.y0 = fmin(box.y0, p->y0);
            box.x1 = fmax(box.x1, p->x1);
            box.y1 = fmax(box.y1, p->y1);
        }
        if (!box.page)
            continue;
        doctag_box *grown = realloc(e->boxes, (e->n_boxes + 1) * sizeof *grown);
        if (!grown)
            return 0;
        e->boxes = grown;
        e->boxes[e->n_boxes++] = box;
    }
    return 1;
}

static void result_free_items(doctag_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].text);
        free(r->items[i].canonical);
        free(r->items[i].boxes);
    }
    free(r->items);
    for (size_t i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
}

/* 1 if the bytes hold a control character (normalize.h: a separator no
 * entity holds; a dictionary pattern of the caller's might still cross). */
static int has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') ||
            c == 0x7f || (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                          (unsigned char)s[i + 1] <= 0x9f && (unsigned char)s[i + 1] != 0x85))
            return 1;
    }
    return 0;
}

/* What no entity holds, whatever the dictionary's patterns: a paragraph
 * break, or nothing but spaces. */
static int span_ok(const normalized_text *norm, const span *s)
{
    const char *t = norm->text + s->start;
    size_t n = s->end - s->start;
    return !memchr(t, '\n', n) && strspn(t, " ") < n;
}

/* 1 if offset i is inside a UTF-8 character of the document: a caller's
 * pattern may match half of one (matching is on bytes). */
static int splits_char(const doctag_doc *doc, size_t i)
{
    return i < doc->len && ((unsigned char)doc->text[i] & 0xc0) == 0x80;
}

/* "key=value(;key=value)*", keys [a-z_]+, no value empty or holding a ';'
 * (a caller's pattern may match what a canonicaliser finds nothing in, or
 * text with a ';' that would read as a separator). */
static int canonical_ok(const char *c)
{
    for (;;) {
        size_t key = strspn(c, "abcdefghijklmnopqrstuvwxyz_");
        if (!key || c[key] != '=')
            return 0;
        c += key + 1;
        size_t value = strcspn(c, ";");
        if (!value || (c[value] == ';' && !c[value + 1]))
            return 0;
        if (!c[value])
            return 1;
        c += value + 1;
    }
}

static int make_entities(doctag_result *r, const compiled_model *m, const doctag_doc *doc,
                         const normalized_text *norm, const span_list *spans)
{
    r->items = calloc(spans->n ? spans->n : 1, sizeof *r->items);
    if (!r->items)
        return 0;
    offset_cursor cursor = { &norm->map, 0 };
    for (size_t i = 0; i < spans->n; i++) {
        const span *s = &spans->items[i];
        const dict_entry *entry = &m->entries[s->entry];
        size_t start = offset_cursor_start(&cursor, s->start);
        size_t end = offset_cursor_end(&cursor, s->end);
        if (!span_ok(norm, s) || has_control(doc->text + start, end - start) ||
            splits_char(doc, start) || splits_char(doc, end))
            continue;
        char *canonical = canonical_form(entry, norm->text + s->start, s->end - s->start);
        if (canonical && !canonical_ok(canonical)) {
            free(canonical);
            continue;
        }
        doctag_entity *e = &r->items[r->n++];
        e->type = entry->type;
        e->start = start;
        e->end = end;
        e->text = malloc(e->end - e->start + 1);
        e->canonical = canonical;
        if (!e->text || !e->canonical)
            return 0;
        memcpy(e->text, doc->text + e->start, e->end - e->start);
        e->text[e->end - e->start] = '\0';
        if (doc->pdf && !entity_boxes(e, doc->pdf, e->start, e->end))
            return 0;
    }
    return 1;
}

/* The end of the region of skipped[*i] and of those after it that continue
 * it (a name pattern skipped at several positions in a row); *i moves to
 * the last of them. */
static size_t region_end(const skip_list *skipped, size_t *i)
{
    const match_skip *k = &skipped->items[*i];
    size_t end = k->end;
    while (*i + 1 < skipped->n && skipped->items[*i + 1].pattern == k->pattern &&
           skipped->items[*i + 1].start <= end)
        end = skipped->items[++*i].end;
    return end;
}

/* One warning per skipped region, in document offsets; past
 * LIMIT_MAX_WARNINGS - 1 the last one counts the rest. */
static int make_warnings(doctag_result *r, const compiled_model *m, const normalized_text *norm,
                         const skip_list *skipped)
{
    if (!skipped->n)
        return 1;
    if (!(r->warnings = calloc(LIMIT_MAX_WARNINGS, sizeof *r->warnings)))
        return 0;
    for (size_t i = 0; i < skipped->n; i++) {
        strbuf b = { 0 };
        if (r->n_warnings == LIMIT_MAX_WARNINGS - 1) {
            sb_printf(&b, "%zu more skipped positions", skipped->n - i);
            i = skipped->n;
        } else {
            const match_skip *k = &skipped->items[i];
            const model_pattern *p = &m->patterns[k->pattern];
            const char *type = p->entry == MODEL_ENTRY_FROM_MARK
                                   ? "name"
                                   : doctag_type_name(m->entries[p->entry + p->entry_base].type);
            size_t end = region_end(skipped, &i);
            PCRE2_UCHAR msg[128];
            pcre2_get_error_message(k->error, msg, sizeof msg);
            sb_printf(&b, "%s pattern %u: %s at bytes %zu-%zu; region skipped",
                      type ? type : "block", k->pattern, (const char *)msg,
                      offset_map_start(&norm->map, k->start), offset_map_end(&norm->map, end));
        }
        if (!(r->warnings[r->n_warnings] = sb_take(&b)))
            return 0;
        r->n_warnings++;
    }
    return 1;
}

/* The limits on the document itself, before any work. */
static int check_input(const doctag_model *model, const doctag_doc *doc)
{
    if (doc->len > model->limits.max_input_bytes)
        return error_set(DOCTAG_ERR_LIMIT_INPUT, "%zu bytes of text, more than the limit of %zu",
                         doc->len, model->limits.max_input_bytes);
    return DOCTAG_OK;
}

/* Entities and warnings from the spans and skipped regions. */
static int make_result(doctag_result **out, const doctag_model *model, const doctag_doc *doc,
                       const normalized_text *norm, const span_list *spans,
                       const skip_list *skipped)
{
    if (spans->n > model->limits.max_entities)
        return error_set(DOCTAG_ERR_LIMIT_ENTITIES, "%zu entities, more than the limit of %zu",
                         spans->n, model->limits.max_entities);
    doctag_result *r = calloc(1, sizeof *r);
    if (!r || !make_entities(r, model->compiled, doc, norm, spans) ||
        !make_warnings(r, model->compiled, norm, skipped)) {
        if (r)
            result_free_items(r);
        free(r);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory building %zu entities", spans->n);
    }
    *out = r;
    return DOCTAG_OK;
}

DOCTAG_API int doctag_tag(doctag_result **out, const doctag_model *model, const doctag_doc *doc)
{
    error_clear();
    if (!out || !model || !doc)
        return error_set(DOCTAG_ERR_ARG, "doctag_tag: NULL argument");
    *out = NULL;
    int rc = check_input(model, doc);
    if (rc != DOCTAG_OK)
        return rc;
    normalized_text norm;
    rc = normalize_text(&norm, doc->text, doc->len, NULL);
    if (rc != DOCTAG_OK)
        return rc;
    span_list spans;
    skip_list skipped = { 0 };
    rc = match_text(&spans, &skipped, model->compiled, model->index, norm.text, norm.len);
    if (rc == DOCTAG_OK) {
        rc = make_result(out, model, doc, &norm, &spans, &skipped);
        span_list_free(&spans);
    }
    free(skipped.items);
    normalized_text_free(&norm);
    return rc;
}

DOCTAG_API int doctag_tag_text(doctag_result **out, const doctag_model *model,
                               const char *text, size_t len)
{
    error_clear();
    if (!out || !model || (!text && len))
        return error_set(DOCTAG_ERR_ARG, "doctag_tag_text: NULL argument");
    *out = NULL;
    /* The caller's text is tagged where it lies, with no copy into a
     * document; normalize_text() rejects invalid UTF-8 with its offset. */
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
    if (!result)
        return;
    result_free_items(result);
    free(result);
}

DOCTAG_API size_t doctag_result_warning_count(const doctag_result *result)
{
    return result ? result->n_warnings : 0;
}

DOCTAG_API const char *doctag_result_warning(const doctag_result *result, size_t index)
{
    return result && index < result->n_warnings ? result->warnings[index] : NULL;
}

DOCTAG_API int doctag_entity_type(const doctag_entity *e)
{
    return e ? e->type : -1;
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
