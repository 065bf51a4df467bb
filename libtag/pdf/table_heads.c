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

/* The fullest row (by baseline) of the lines it[0..n) sorted by
 * baseline: *start gets where it starts; returns its length. */
static size_t fullest_row(const layout_line *lines, const sort_item *it, size_t n, size_t *start)
{
    size_t best_n = 0;
    *start = 0;
    for (size_t s = 0, e; s < n; s = e) {
        e = row_end(lines, it, n, s);
        if (e - s > best_n) {
            *start = s;
            best_n = e - s;
        }
    }
    return best_n;
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
    size_t best, best_n = fullest_row(lines, it, n, &best);
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

/* ---- The rows under a head ------------------------------------------------------ */

/* A line of the table is in the column of the head cell it overlaps most
 * (else the nearest); it crosses the columns (the table has ended) when
 * it overlaps two cells or more by a third of their width. */
#define CROSS_SHARE 0.33f
/* A row starts at a line of the first column with this much of its height
 * of white above it. */
#define ROW_WHITE 0.5f
/* At most this share of the lines under a head stand under none of its
 * cells, or the head's cells are not the table's columns. */
#define HEAD_ASTRAY 0.1f

/* The head's cells: the x extents of the lines of its fullest row, left to
 * right, in cell[0..k) (.y = x0, .x = x1); returns k, 0 when out of memory. */
static size_t head_cells(const layout_line *lines, const size_t *h, size_t nh, sort_item *cell)
{
    sort_item *it = malloc((nh ? nh : 1) * sizeof *it);
    if (!it)
        return 0;
    for (size_t i = 0; i < nh; i++)
        it[i] = (sort_item){ lines[h[i]].base, lines[h[i]].x0, h[i] };
    qsort(it, nh, sizeof *it, sort_item_cmp);
    size_t best, k = fullest_row(lines, it, nh, &best);
    for (size_t j = 0; j < k; j++)
        cell[j] = (sort_item){ lines[it[best + j].idx].x0, lines[it[best + j].idx].x1, j };
    for (size_t i = 0; i < nh; i++)   /* a cell's other lines ("RATING" under "FH") widen it */
        for (size_t j = 0; j < k; j++) {
            const layout_line *l = &lines[h[i]];
            if (l->x0 < cell[j].x && l->x1 > cell[j].y) {
                if (l->x0 < cell[j].y) cell[j].y = l->x0;
                if (l->x1 > cell[j].x) cell[j].x = l->x1;
            }
        }
    qsort(cell, k, sizeof *cell, sort_item_cmp);
    free(it);
    return k;
}

/* The column of line l among the cells cell[0..k); *crosses set when it
 * overlaps two of them or more by CROSS_SHARE of their width, *under when
 * it overlaps one or stands within its own height of one. */
static size_t column_of(const sort_item *cell, size_t k, const layout_line *l, int *crosses,
                        int *under)
{
    size_t best = 0, nearest = 0;
    float most = 0, near = 1e30f;
    int wide = 0;
    for (size_t j = 0; j < k; j++) {
        float o = (l->x1 < cell[j].x ? l->x1 : cell[j].x) - (l->x0 > cell[j].y ? l->x0 : cell[j].y);
        if (o > most) {
            most = o;
            best = j;
        }
        if (o < 0 && -o < near) {
            near = -o;
            nearest = j;
        }
        wide += o > CROSS_SHARE * (cell[j].x - cell[j].y);
    }
    *crosses = wide >= 2;
    *under = most > 0 || near <= l->y1 - l->y0;
    return most > 0 ? best : nearest;
}

/* The tops of the rows, sorted, in tops[] (room for n): where a block (a
 * line with ROW_WHITE of its height of white above it in its column) of
 * the first column starts, or blocks of two columns or more start level
 * (a row whose first cell spans the rows beside it: a department over its
 * agencies). Returns how many, or -1 when out of memory. */
static long row_tops(const layout_line *lines, const size_t *b, const size_t *col, size_t n,
                     float end, float *tops)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)   /* by column, then by top */
        if (lines[b[i]].y0 < end)
            it[k++] = (sort_item){ (float)col[i], lines[b[i]].y0, b[i] };
    qsort(it, k, sizeof *it, sort_item_cmp);
    size_t m = 0;   /* the blocks' starts: .y top, .x column */
    float bottom = -1e30f, prev = -1;
    for (size_t i = 0; i < k; i++) {
        const layout_line *l = &lines[it[i].idx];
        float c = it[i].y;   /* it[m] is written over as we go: m <= i */
        if (c != prev)
            bottom = -1e30f;
        prev = c;
        if (l->y0 - bottom > ROW_WHITE * (l->y1 - l->y0))
            it[m++] = (sort_item){ l->y0, c, it[i].idx };
        if (l->y1 > bottom)
            bottom = l->y1;
    }
    qsort(it, m, sizeof *it, sort_item_cmp);
    long rows = 0;
    for (size_t s = 0, e; s < m; s = e) {
        const layout_line *l = &lines[it[s].idx];
        int first = it[s].x == 0, cols = 1;
        for (e = s + 1; e < m && it[e].y - it[s].y <= ROW_WHITE * (l->y1 - l->y0); e++) {
            first |= it[e].x == 0;
            cols += it[e].x != it[e - 1].x;
        }
        if (first || cols >= 2)
            tops[rows++] = it[s].y;
    }
    free(it);
    return rows;
}

/* The row of a line whose top is y: how many row tops are at or above it
 * (within ROW_BASE_FRACTION of its height h: a cell set a hair higher is
 * its row's). */
static float row_of(const float *tops, long m, float y, float h)
{
    long lo = 0, hi = m;
    while (lo < hi) {
        long mid = (lo + hi) / 2;
        if (tops[mid] <= y + ROW_BASE_FRACTION * h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (float)lo;
}

/* How many of the lines b[0..n) above `end` stand beside another of their
 * column on one baseline (sub-columns under one head cell: the head's
 * cells are not the table's columns), it[] scratch room for n. */
static size_t beside_in_column(const layout_line *lines, const size_t *b, const size_t *col,
                               size_t n, float end, sort_item *it)
{
    size_t k = 0, beside = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[b[i]].y0 < end)
            it[k++] = (sort_item){ (float)col[i], lines[b[i]].base, b[i] };
    qsort(it, k, sizeof *it, sort_item_cmp);
    for (size_t i = 1; i < k; i++) {
        const layout_line *l = &lines[it[i].idx];
        beside += it[i].y == it[i - 1].y
                  && it[i].x - it[i - 1].x <= ROW_BASE_FRACTION * (l->y1 - l->y0);
    }
    return beside;
}

/* see tables.h */
long table_rows_under_head(const layout_line *lines, const size_t *h, size_t nh, size_t *b,
                           size_t nb)
{
    sort_item *cell = malloc((nh + nb + 1) * sizeof *cell), *it = cell + nh;
    size_t *col = malloc((nb ? nb : 1) * sizeof *col), k = cell ? head_cells(lines, h, nh, cell) : 0;
    float *tops = malloc((nb ? nb : 1) * sizeof *tops), end = 1e30f;
    long m = cell && col && tops && k ? 0 : -1;
    size_t astray = 0, in = 0;
    for (size_t i = 0; m == 0 && i < nb; i++) {
        int crosses, under;
        col[i] = column_of(cell, k, &lines[b[i]], &crosses, &under);
        if (crosses && lines[b[i]].y0 < end)
            end = lines[b[i]].y0;
        astray += !under;
    }
    for (size_t i = 0; m == 0 && i < nb; i++)
        in += lines[b[i]].y0 < end;
    if (m == 0)
        astray += beside_in_column(lines, b, col, nb, end, it);
    /* the head's cells must be the table's columns (not a head over
     * sub-columns it does not name) */
    int columns = m == 0 && k >= 2 && (float)astray <= HEAD_ASTRAY * (float)in;
    long rows = columns ? row_tops(lines, b, col, nb, end, tops) : m;
    for (size_t i = 0; rows > 0 && i < nb; i++) {
        const layout_line *l = &lines[b[i]];
        if (l->y0 < end)   /* by row, by column, then by baseline */
            it[m++] = (sort_item){ row_of(tops, rows, l->y0, l->y1 - l->y0) * (float)k
                                   + (float)col[i], l->base, b[i] };
    }
    if (rows > 0) {
        qsort(it, (size_t)m, sizeof *it, sort_item_cmp);
        size_t rest = (size_t)m;
        for (size_t i = 0; i < nb; i++)   /* the lines after the table, in their order */
            if (lines[b[i]].y0 >= end)
                it[rest++] = (sort_item){ 0, 0, b[i] };
        for (size_t i = 0; i < nb; i++)
            b[i] = it[i].idx;
    }
    free(cell);
    free(col);
    free(tops);
    return rows < 0 ? -1 : m;
}
