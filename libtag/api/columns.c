/* columns.c: names found by their shape down a column of names (see
 * columns.h). */
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "error.h"
#include "vec.h"

/* Line breaks of the document a name may run over in running text: more
 * is a column of names, one a line. */
#define COLUMN_BREAKS 4

/* 1 if the normalised span [start, end) runs over COLUMN_BREAKS line
 * breaks or more of the document. */
static int down_a_column(const normalized_text *norm, const char *doc, size_t start, size_t end)
{
    size_t from = offset_map_start(&norm->map, start), to = offset_map_end(&norm->map, end);
    int breaks = 0;
    for (const char *p = doc + from, *e = doc + to;
         breaks < COLUMN_BREAKS && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        breaks++;
    return breaks >= COLUMN_BREAKS;
}

/* The lines of the columns, one after another in one buffer (a paragraph
 * break between two), so that one match_text() call reads them all. */
typedef struct column_lines {
    char *buf;
    size_t len, cap;
    size_t *text_at, *buf_at;   /* each line: where in the text, in the buffer */
    size_t count, cap_t, cap_b;
} column_lines;

static int add_line(column_lines *l, const char *t, size_t start, size_t end)
{
    if (end <= start)
        return DOCTAG_OK;
    if (!vec_reserve((void **)&l->buf, &l->cap, l->len + (end - start) + 2 + NORMALIZE_SLACK, 1) ||
        !vec_reserve((void **)&l->text_at, &l->cap_t, l->count + 1, sizeof *l->text_at) ||
        !vec_reserve((void **)&l->buf_at, &l->cap_b, l->count + 1, sizeof *l->buf_at))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    l->text_at[l->count] = start;
    l->buf_at[l->count++] = l->len;
    memcpy(l->buf + l->len, t + start, end - start);
    l->len += end - start;
    l->buf[l->len++] = '\n';
    return DOCTAG_OK;
}

/* Cuts the span [start, end) at the document's line breaks: a space of the
 * normalised text that stands for one. */
static int add_lines(column_lines *l, const normalized_text *norm, const char *doc, size_t start,
                     size_t end)
{
    size_t line = start;
    int rc = DOCTAG_OK;
    for (size_t p = start; rc == DOCTAG_OK && p < end; p++) {
        if (norm->text[p] != ' ')
            continue;
        size_t from = offset_map_start(&norm->map, p), to = offset_map_end(&norm->map, p + 1);
        if (!memchr(doc + from, '\n', to - from))
            continue;
        rc = add_line(l, norm->text, line, p);
        line = p + 1;
    }
    return rc == DOCTAG_OK ? add_line(l, norm->text, line, end) : rc;
}

/* Appends to out the spans found in the lines that lie inside one line. */
static int take_found(span_list *out, const column_lines *l, const span_list *found)
{
    size_t line = 0;
    for (size_t k = 0; k < found->n; k++) {
        span s = found->items[k];
        while (line + 1 < l->count && l->buf_at[line + 1] <= s.start)
            line++;
        size_t line_end = line + 1 < l->count ? l->buf_at[line + 1] - 1 : l->len - 1;
        if (s.end > line_end)
            continue;
        s.start = l->text_at[line] + (s.start - l->buf_at[line]);
        s.end = l->text_at[line] + (s.end - l->buf_at[line]);
        if (!span_list_push(out, s))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    }
    return DOCTAG_OK;
}

/* Rebuilds spans: the column spans replaced, in place, by what their lines hold. */
static int merge(span_list *spans, const unsigned char *column, const span_list *found)
{
    span_list out = { 0 };
    size_t k = 0;
    for (size_t i = 0; i < spans->n; i++) {
        const span *s = &spans->items[i];
        while (k < found->n && found->items[k].start < s->start)
            if (!span_list_push(&out, found->items[k++]))
                goto nomem;
        if (!column[i] && !span_list_push(&out, *s))
            goto nomem;
    }
    while (k < found->n)
        if (!span_list_push(&out, found->items[k++]))
            goto nomem;
    span_list_free(spans);
    *spans = out;
    return DOCTAG_OK;
nomem:
    span_list_free(&out);
    return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
}

int columns_split(span_list *spans, const compiled_model *m, const match_index *ix,
                  const normalized_text *norm, const char *doc)
{
    unsigned char *column = NULL;
    column_lines l = { 0 };
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < spans->n; i++) {
        const span *s = &spans->items[i];
        if (m->entries[s->entry].canon != CANON_NAME || !down_a_column(norm, doc, s->start, s->end))
            continue;
        if (!column && !(column = calloc(spans->n, 1)))
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
        else
            column[i] = 1;
        if (rc == DOCTAG_OK)
            rc = add_lines(&l, norm, doc, s->start, s->end);
    }
    span_list found = { 0 }, lines = { 0 };
    if (rc == DOCTAG_OK && l.count) {
        memset(l.buf + l.len, 0, NORMALIZE_SLACK);   /* as the normaliser's buffers */
        rc = match_text(&found, NULL, NULL, m, ix, l.buf, l.len);
        if (rc == DOCTAG_OK)
            rc = take_found(&lines, &l, &found);
    }
    if (rc == DOCTAG_OK && column)
        rc = merge(spans, column, &lines);
    span_list_free(&found);
    span_list_free(&lines);
    free(l.buf);
    free(l.text_at);
    free(l.buf_at);
    free(column);
    return rc;
}
