/* tag.c: tagging a document and reading the result (doctag.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "canonical.h"
#include "error.h"
#include "match.h"
#include "model.h"
#include "normalize.h"
#include "post.h"
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
}

static int make_entities(doctag_result *r, const compiled_model *m, const doctag_doc *doc,
                         const normalized_text *norm, const span_list *spans, char **canon_src)
{
    r->items = calloc(spans->n ? spans->n : 1, sizeof *r->items);
    if (!r->items)
        return 0;
    offset_cursor cursor = { &norm->map, 0 };
    for (size_t i = 0; i < spans->n; i++) {
        const span *s = &spans->items[i];
        const dict_entry *entry = &m->entries[s->entry];
        doctag_entity *e = &r->items[i];
        r->n = i + 1;
        e->type = entry->type;
        e->start = offset_cursor_start(&cursor, s->start);
        e->end = offset_cursor_end(&cursor, s->end);
        e->text = malloc(e->end - e->start + 1);
        const char *src = canon_src && canon_src[i] ? canon_src[i] : norm->text + s->start;
        e->canonical = canonical_form(entry, src, src == norm->text + s->start ? s->end - s->start
                                                                               : strlen(src));
        if (!e->text || !e->canonical)
            return 0;
        memcpy(e->text, doc->text + e->start, e->end - e->start);
        e->text[e->end - e->start] = '\0';
        if (doc->pdf && !entity_boxes(e, doc->pdf, e->start, e->end))
            return 0;
    }
    return 1;
}

DOCTAG_API int doctag_tag(doctag_result **out, const doctag_model *model, const doctag_doc *doc)
{
    error_clear();
    if (!out || !model || !doc)
        return error_set(DOCTAG_ERR_ARG, "doctag_tag: NULL argument");
    *out = NULL;
    normalized_text norm;
    int rc = normalize_text(&norm, doc->text, doc->len, NULL);
    if (rc != DOCTAG_OK)
        return rc;
    span_list spans;
    rc = match_text(&spans, model->compiled, model->index, norm.text, norm.len);
    char **canon_src = NULL;   /* post.h: what a short form's id comes from */
    if (rc == DOCTAG_OK &&
        (rc = post_pass(&spans, &canon_src, model->compiled, model->index, norm.text, norm.len)))
        span_list_free(&spans);
    if (rc == DOCTAG_OK) {
        doctag_result *r = calloc(1, sizeof *r);
        if (!r || !make_entities(r, model->compiled, doc, &norm, &spans, canon_src)) {
            if (r)
                result_free_items(r);
            free(r);
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory building %zu entities", spans.n);
        } else {
            *out = r;
        }
        post_free_src(canon_src, spans.n);
        span_list_free(&spans);
    }
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
