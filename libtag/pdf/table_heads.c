/*
 * table_heads.c: a table's head row (see tables.h): two cells or more
 * side by side close over a row of cells column by column, found on a
 * page for the running-line step (furniture.c: a head repeated over a long
 * table's part on each page is the table's, not furniture) and read as
 * one row, cell by cell, over the table (layout.c). Geometry only: rows
 * by baseline, cells by their x extents. O(n log n) in the lines.
 */
#include <stdlib.h>
#include <string.h>

#include "tables.h"

/* A table's head row stands at most this many of its line heights above
 * the row under it: two cells (two pieces of a running header over two
 * columns of text stand further off), three cells or more. */
#define HEAD_GAP_TWO 1.0f
#define HEAD_GAP_MORE 2.0f

/* How many cells of the row r[0..nr) (sorted by x) stand each over a line
 * of the row below, b[0..nb), that stands under no other of them. */
static size_t cells_over(const layout_line *lines, const sort_item *r, size_t nr,
                         const sort_item *b, size_t nb)
{
    size_t aligned = 0;
    for (size_t i = 0; i < nr; i++) {
        const layout_line *c = &lines[r[i].idx];
        int own = 0;
        for (size_t j = 0; j < nb && !own; j++) {
            const layout_line *l = &lines[b[j].idx];
            if (l->x1 <= c->x0 || l->x0 >= c->x1)
                continue;
            own = (i == 0 || l->x0 >= lines[r[i - 1].idx].x1)
                  && (i + 1 == nr || l->x1 <= lines[r[i + 1].idx].x0);
        }
        aligned += own;
    }
    return aligned;
}

/* The white between the bottom of row a[0..na) and the top of row b[0..nb)
 * below it; *h gets the tallest line height of row a. */
static float white_between(const layout_line *lines, const sort_item *a, size_t na,
                           const sort_item *b, size_t nb, float *h)
{
    float bottom = -1e30f, top = 1e30f;
    *h = 0;
    for (size_t i = 0; i < na; i++) {
        const layout_line *c = &lines[a[i].idx];
        if (c->y1 > bottom) bottom = c->y1;
        if (c->y1 - c->y0 > *h) *h = c->y1 - c->y0;
    }
    for (size_t j = 0; j < nb; j++)
        if (lines[b[j].idx].y0 < top)
            top = lines[b[j].idx].y0;
    return top - bottom;
}

/* Whether the row r[0..nr) (sorted by x) is a head over the row b[0..nb):
 * close above it (`gap` the white between them), column by column. */
static int head_over(const layout_line *lines, const sort_item *r, size_t nr, const sort_item *b,
                     size_t nb, float gap, float h)
{
    if (nr < 2 || nb < 2 || gap > (nr >= 3 ? HEAD_GAP_MORE : HEAD_GAP_TWO) * h)
        return 0;
    size_t aligned = cells_over(lines, r, nr, b, nb);
    return aligned >= 2 && 2 * aligned >= nr;
}

/* Whether row b[0..nb), close under or over the head row r[0..nr), is more
 * of the head: fewer lines than it, each inside one of its cells (a head
 * cell of two lines, "FH" over "RATING"). */
static int head_line_more(const layout_line *lines, const sort_item *r, size_t nr,
                          const sort_item *b, size_t nb, float gap, float h)
{
    if (nb >= nr || gap > HEAD_GAP_TWO * h || gap < -0.5f * h)
        return 0;
    return cells_over(lines, b, nb, r, nr) == nb;
}

/* The end of the row starting at it[s] (sorted by baseline). */
static size_t row_end(const layout_line *lines, const sort_item *it, size_t n, size_t s)
{
    const layout_line *first = &lines[it[s].idx];
    size_t e = s + 1;
    for (; e < n; e++) {
        const layout_line *l = &lines[it[e].idx];
        float h = l->y1 - l->y0, hh = first->y1 - first->y0;
        float tol = ROW_BASE_FRACTION * (h < hh ? h : hh);
        if (l->base - first->base > (tol > 1 ? tol : 1))
            break;
    }
    return e;
}

/* Marks row k of the rows (it + at[k] .. it + at[k + 1]) as head. */
static void mark_row(const sort_item *it, const size_t *at, size_t k, size_t first,
                     unsigned char *head)
{
    for (size_t i = at[k]; i < at[k + 1]; i++)
        head[it[i].idx - first] = 1;
}

#define ROW(k) it + at[k], at[(k) + 1] - at[k]

/* How many rows from row r on (it + at[k] .. it + at[k + 1], each sorted
 * by x; k < nrows) are a table's head over the row of cells that follows:
 * row r, or row r and a row of its lines under it; 0 when none. */
static size_t head_at(const layout_line *lines, const sort_item *it, const size_t *at,
                      size_t nrows, size_t r)
{
    float h, gap = white_between(lines, ROW(r), ROW(r + 1), &h);
    if (head_over(lines, ROW(r), ROW(r + 1), gap, h))
        return 1;
    if (r + 2 >= nrows || !head_line_more(lines, ROW(r), ROW(r + 1), gap, h))
        return 0;
    gap = white_between(lines, ROW(r + 1), ROW(r + 2), &h);
    return head_over(lines, ROW(r), ROW(r + 2), gap, h) ? 2 : 0;
}

/* Marks the rows of the page's heads: head_at(), with a row of the
 * head's lines over it. */
static void mark_heads(const layout_line *lines, const sort_item *it, const size_t *at,
                       size_t nrows, size_t first, unsigned char *head)
{
    float h, gap;
    for (size_t r = 0; r + 1 < nrows; r++) {
        size_t k = head_at(lines, it, at, nrows, r);
        for (size_t j = r; j < r + k; j++)
            mark_row(it, at, j, first, head);
        if (k && r > 0) {
            gap = white_between(lines, ROW(r - 1), ROW(r), &h);
            if (head_line_more(lines, ROW(r), ROW(r - 1), gap, h))
                mark_row(it, at, r - 1, first, head);
        }
    }
}

#undef ROW

/* see tables.h */
int table_head_lines(const layout_line *lines, const size_t *idx, size_t n, unsigned char *head)
{
    size_t nrows = 0;
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    size_t *at = malloc((n + 1) * sizeof *at);
    layout_line *view = malloc((n ? n : 1) * sizeof *view);   /* lines[idx[k]] at k */
    if (!it || !at || !view) {
        free(it);
        free(at);
        free(view);
        return -1;
    }
    memset(head, 0, n);
    for (size_t k = 0; k < n; k++) {
        view[k] = lines[idx[k]];
        it[k] = (sort_item){ view[k].base, view[k].x0, k };
    }
    qsort(it, n, sizeof *it, sort_item_cmp);
    for (size_t s = 0, e; s < n; s = e) {
        e = row_end(view, it, n, s);
        qsort(it + s, e - s, sizeof *it, sort_item_cmp_x);
        at[nrows++] = s;
    }
    at[nrows] = n;
    mark_heads(view, it, at, nrows, 0, head);
    free(it);
    free(at);
    free(view);
    return 0;
}

/* see tables.h */
int table_head_rows(const layout_line *lines, const layout_page *page, unsigned char *head)
{
    size_t n = 0, *idx = calloc(page->n_lines ? page->n_lines : 1, sizeof *idx);
    unsigned char *mark = malloc(page->n_lines ? page->n_lines : 1);
    if (!idx || !mark) {
        free(idx);
        free(mark);
        return -1;
    }
    memset(head, 0, page->n_lines);
    for (size_t i = 0; i < page->n_lines; i++)
        if (!lines[page->first_line + i].dropped)
            idx[n++] = page->first_line + i;
    int rc = table_head_lines(lines, idx, n, mark);
    for (size_t k = 0; rc == 0 && k < n; k++)
        head[idx[k] - page->first_line] = mark[k];
    free(idx);
    free(mark);
    return rc;
}

/* see tables.h */
int table_head_order(const layout_line *lines, size_t *h, size_t n)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return -1;
    for (size_t i = 0; i < n; i++)
        it[i] = (sort_item){ lines[h[i]].base, lines[h[i]].x0, h[i] };
    qsort(it, n, sizeof *it, sort_item_cmp);
    size_t best = 0, best_n = 0;   /* the fullest row: start, length */
    for (size_t s = 0, e; s < n; s = e) {
        e = row_end(lines, it, n, s);
        if (e - s > best_n) {
            best = s;
            best_n = e - s;
        }
    }
    sort_item *cell = malloc((n ? n : 1) * sizeof *cell);
    if (!cell) {
        free(it);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[it[i].idx];
        float x = l->x0, most = 0;
        for (size_t j = best; j < best + best_n; j++) {
            const layout_line *m = &lines[it[j].idx];
            float o = (l->x1 < m->x1 ? l->x1 : m->x1) - (l->x0 > m->x0 ? l->x0 : m->x0);
            if (o > most) {
                most = o;
                x = m->x0;
            }
        }
        cell[i] = (sort_item){ x, (float)i, it[i].idx };   /* by cell, then by baseline */
    }
    qsort(cell, n, sizeof *cell, sort_item_cmp);
    for (size_t i = 0; i < n; i++)
        h[i] = cell[i].idx;
    free(it);
    free(cell);
    return 0;
}
