/*
 * tables.c: which lines of a region of a page are a table's rows, for the
 * reading order (layout.c): short cells whose rows line up across a
 * gutter, cells of text that start level on both sides, rows labelled by
 * the left columns, a table wrapped into two halves under a repeated head.
 * Geometry only, as layout.c: nothing here knows a typesetter.
 */
#include <stdlib.h>

#include "tables.h"

/* Table cells: lines at most this many line heights wide (a line of a text
 * column is 15 or more); a side is cells when this share of its lines are.
 * Two sides of cells whose rows line up (this share of the side with fewer
 * lines has a line on the same row across the gutter) are one table. */
#define CELL_HEIGHTS 6.0f
#define CELL_SHARE 0.7f
#define TABLE_ROW_SHARE 0.6f
/* A block of lines starts where the white above a line is more than this
 * fraction of its height. */
#define BLOCK_GAP 0.5f
/* Row labels: blocks of the left side at most this many line heights
 * tall, set apart by at least this many line heights of white. */
#define LABEL_LINES 4.0f
#define LABEL_WHITE 1.0f
/* A table set in two halves side by side (a long list wrapped once): its
 * head row is two copies of the same cells, the second shifted right,
 * widths equal within this many points. */
#define TWIN_WIDTH 1.0f

int sort_item_cmp(const void *a, const void *b)
{
    const sort_item *p = a, *q = b;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

int sort_item_cmp_x(const void *a, const void *b)
{
    const sort_item *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

int table_leader(const layout_line *l, const layout_glyph *glyphs)
{
    const layout_glyph *g = glyphs + l->first;
    size_t e = l->count, dots = 0;
    while (e > 0 && glyph_is_space(g[e - 1].cp))
        e--;
    for (; e > 0 && (g[e - 1].cp == '.' || g[e - 1].cp == 0x2026 || glyph_is_space(g[e - 1].cp));
         e--)
        dots += g[e - 1].cp == '.' ? 1 : g[e - 1].cp == 0x2026 ? 3 : 0;
    /* e now stops after the word before the dots (or the spaces after it) */
    return dots >= 4 || (dots >= 2 && e < l->count && glyph_is_space(g[e].cp));
}

/* Whether most of the lines idx[0..n) are cells: short, or ending in a dot
 * leader (a cell whose text is led to the next one's). */
static int cells(const layout_line *lines, const layout_glyph *glyphs, const size_t *idx,
                 size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        k += l->x1 - l->x0 <= CELL_HEIGHTS * l->size || table_leader(l, glyphs);
    }
    return n > 0 && (float)k >= CELL_SHARE * (float)n;
}

static int cmp_float(const void *a, const void *b)
{
    float p = *(const float *)a, q = *(const float *)b;
    return p < q ? -1 : p > q;
}

/* How many lines of a[] (na) have a line of b[] on their row: both sides'
 * baselines sorted, walked once. Returns -1 when out of memory. */
static long rows_shared(const layout_line *lines, const size_t *a, size_t na, const size_t *b,
                        size_t nb)
{
    float *ya = malloc((na + nb + 1) * sizeof *ya), *yb = ya + na, tol = 1e30f;
    if (!ya)
        return -1;
    for (size_t i = 0; i < na + nb; i++) {
        const layout_line *l = &lines[i < na ? a[i] : b[i - na]];
        ya[i] = l->base;
        if (ROW_BASE_FRACTION * (l->y1 - l->y0) < tol)
            tol = ROW_BASE_FRACTION * (l->y1 - l->y0);
    }
    qsort(ya, na, sizeof *ya, cmp_float);
    qsort(yb, nb, sizeof *yb, cmp_float);
    long shared = 0;
    for (size_t i = 0, j = 0; i < na && nb > 0; i++) {
        while (j + 1 < nb && yb[j + 1] <= ya[i])
            j++;
        float d = ya[i] - yb[j] < 0 ? yb[j] - ya[i] : ya[i] - yb[j];
        if (j + 1 < nb && yb[j + 1] - ya[i] < d)
            d = yb[j + 1] - ya[i];
        shared += d <= (tol > 1 ? tol : 1);
    }
    free(ya);
    return shared;
}

/* Whether the left side leads to the right: lines of it ending in a dot
 * leader, two or more, most of them on a row of the right side (a leader
 * leads the eye to the next cell of its row). Returns 1, 0, or -1 when out
 * of memory. */
static int leads_across(const layout_line *lines, const layout_glyph *glyphs, const size_t *left,
                        size_t nl, const size_t *right, size_t nr)
{
    size_t *led = malloc((nl + 1) * sizeof *led), k = 0;
    if (!led)
        return -1;
    for (size_t i = 0; i < nl; i++)
        if (table_leader(&lines[left[i]], glyphs))
            led[k++] = left[i];
    long shared = k >= 2 ? rows_shared(lines, led, k, right, nr) : 0;
    free(led);
    return shared < 0 ? -1 : k >= 2 && (float)shared >= TABLE_ROW_SHARE * (float)k;
}

/* A table: cells on both sides of the gutter (or, on the left, lines
 * whose leaders lead across to the right), their rows lined up. Returns
 * 1, 0, or -1 when out of memory. */
int table_of_cells(const layout_line *lines, const layout_glyph *glyphs, const size_t *left,
                   size_t nl, const size_t *right, size_t nr)
{
    if (nl < 3 || nr < 3 || !cells(lines, glyphs, right, nr))
        return 0;
    if (!cells(lines, glyphs, left, nl)) {
        int led = leads_across(lines, glyphs, left, nl, right, nr);
        if (led <= 0)
            return led;
    }
    const size_t *few = nl <= nr ? left : right, *many = nl <= nr ? right : left;
    size_t nf = nl <= nr ? nl : nr, nm = nl <= nr ? nr : nl;
    long shared = rows_shared(lines, few, nf, many, nm);
    return shared < 0 ? -1 : (float)shared >= TABLE_ROW_SHARE * (float)nf;
}

/* Writes to tops[] the tops of the blocks of lines idx[0..n) (white above
 * them), sorted; returns how many, or -1 when out of memory. */
static long block_tops(const layout_line *lines, const size_t *idx, size_t n, float *tops)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return -1;
    for (size_t i = 0; i < n; i++)
        it[i] = (sort_item){ lines[idx[i]].y0, lines[idx[i]].y1, idx[i] };
    qsort(it, n, sizeof *it, sort_item_cmp);
    long k = 0;
    float bottom = -1e30f;
    for (size_t i = 0; i < n; i++) {
        if (it[i].y - bottom > BLOCK_GAP * (it[i].x - it[i].y))
            tops[k++] = it[i].y;
        if (it[i].x > bottom)
            bottom = it[i].x;
    }
    free(it);
    return k;
}

/* The rows of a table of text: blocks (cells) on both sides of the gutter
 * that start at the same height, again and again (most blocks of each
 * side; columns of prose only now and then have paragraphs level). Writes their tops (the
 * first one, where every column starts, left out) to cuts[] and returns
 * how many (0 when the sides are not cells of common rows), -1 when out of
 * memory. cuts[] has room for nl + nr entries. */
long table_text_rows(const layout_line *lines, const size_t *left, size_t nl,
                     const size_t *right, size_t nr, float *cuts)
{
    float *ta = malloc((nl + nr + 1) * sizeof *ta), *tb = ta + nl;
    if (!ta)
        return -1;
    long na = block_tops(lines, left, nl, ta), nb = na < 0 ? -1 : block_tops(lines, right, nr, tb);
    long k = 0;
    if (nb < 0) {
        free(ta);
        return -1;
    }
    float tol = 0.5f * (lines[left[0]].y1 - lines[left[0]].y0);
    for (long i = 1, j = 1; i < na && j < nb;) {
        if (ta[i] < tb[j] - tol) { i++; continue; }
        if (tb[j] < ta[i] - tol) { j++; continue; }
        cuts[k++] = (ta[i] < tb[j] ? ta[i] : tb[j]) - 0.5f;
        i++;
        j++;
    }
    long many = (na > nb ? na : nb) - 1; /* most of the blocks of each side */
    free(ta);
    return k >= 2 && (float)k >= TABLE_ROW_SHARE * (float)many ? k : 0;
}

/* The lines of one side sorted by top (.y = y0) and by bottom (.y = y1). */
typedef struct side_rows {
    const layout_line *lines;
    sort_item *by_top, *by_bottom;
    size_t n;
} side_rows;

/* The first of items[0..n) (sorted by .y) with .y >= y. */
static size_t first_at(const sort_item *items, size_t n, float y)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (items[mid].y < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether line l of the side has white above it in its own column: no
 * line over the same x ends just above it. */
static int white_above(const side_rows *r, const layout_line *l)
{
    float h = l->y1 - l->y0;
    for (size_t j = first_at(r->by_bottom, r->n, l->y0 - BLOCK_GAP * h);
         j < r->n && r->by_bottom[j].y <= l->y1; j++) {
        const layout_line *m = &r->lines[r->by_bottom[j].idx];
        if (m != l && m->y0 < l->y0 && m->x0 < l->x1 && l->x0 < m->x1)
            return 0;
    }
    return 1;
}

/* How many cells of the side start a row within tol of y: lines starting
 * there with white above them in their column. *first gets the highest
 * top among the lines starting there. */
static int row_starts_at(const side_rows *r, float y, float tol, float *first)
{
    int found = 0;
    size_t j = first_at(r->by_top, r->n, y - tol);
    if (j < r->n)
        *first = r->by_top[j].y;
    for (; j < r->n && r->by_top[j].y <= y + tol; j++)
        found += white_above(r, &r->lines[r->by_top[j].idx]);
    return found;
}

/* The left side's blocks (white above them) in it[0..n) sorted by top:
 * each block after the first at most LABEL_LINES tall, LABEL_WHITE below
 * the one before, and level with the start of a row on the right; their
 * tops to cuts[]. Returns how many, 0 when a block is not such a label.
 * *cells gets the fewest cells on the right starting level with a block. */
static long label_cuts(const layout_line *lines, const sort_item *it, size_t n,
                       const side_rows *right, float *cuts, int *cells)
{
    float bottom = it[0].x, top = it[0].y;
    long k = 0;
    *cells = 1 << 30;
    for (size_t i = 1; i <= n; i++) {
        float h = i < n ? it[i].x - it[i].y : 0;
        if (i < n && it[i].y - bottom <= BLOCK_GAP * h) {   /* the block goes on */
            if (it[i].x > bottom)
                bottom = it[i].x;
            continue;
        }
        const layout_line *last = &lines[it[i - 1].idx];
        if (k > 0 && bottom - top > LABEL_LINES * (last->y1 - last->y0))
            return 0;   /* a block after the first too tall for a label */
        if (i == n)
            break;
        float level = 0;
        int starts = it[i].y - bottom < LABEL_WHITE * h ? 0
                     : row_starts_at(right, it[i].y, 0.5f * h, &level);
        if (starts == 0)
            return 0;
        if (starts < *cells)
            *cells = starts;
        cuts[k++] = (level < it[i].y ? level : it[i].y) - 0.5f;
        top = it[i].y;
        bottom = it[i].x;
    }
    return k;
}

/* The rows of a table whose left columns label them (a country, its
 * rating and groups beside a quoted statement and its assessment; an
 * action beside its costs): the left side is short blocks of lines set
 * apart by a line or more of white, and each block after the first starts
 * level with a cell's first line on the right (white above it in its
 * column), though a column on the right may run on without white between
 * the rows. Two rows are taken for labelled ones only when more than one
 * cell on the right starts the second (a column of prose has one line
 * there). Writes the blocks' tops (the first left out) to cuts[] and
 * returns how many (0 when the left side is not such labels), -1 when out
 * of memory. cuts[] has room for nl entries. */
long table_label_rows(const layout_line *lines, const size_t *left, size_t nl,
                      const size_t *right, size_t nr, float *cuts)
{
    sort_item *it = malloc((nl + 2 * nr + 1) * sizeof *it);
    if (!it)
        return -1;
    side_rows r = { lines, it + nl, it + nl + nr, nr };
    for (size_t i = 0; i < nl; i++)
        it[i] = (sort_item){ lines[left[i]].y0, lines[left[i]].y1, left[i] };
    for (size_t i = 0; i < nr; i++) {
        r.by_top[i] = (sort_item){ lines[right[i]].y0, 0, right[i] };
        r.by_bottom[i] = (sort_item){ lines[right[i]].y1, 0, right[i] };
    }
    qsort(it, nl, sizeof *it, sort_item_cmp);
    qsort(r.by_top, nr, sizeof *it, sort_item_cmp);
    qsort(r.by_bottom, nr, sizeof *it, sort_item_cmp);
    int starts = 0;
    long k = nl ? label_cuts(lines, it, nl, &r, cuts, &starts) : 0;
    free(it);
    /* two rows only when more than one cell on the right starts the second */
    return k >= 2 || (k == 1 && starts >= 2) ? k : 0;
}

/* Whether row[0..m) (one row, sorted by x) is a head repeated: cells
 * 0..k and k..2k of equal widths, the second set shifted by one distance
 * (*shift), the first set's cells not all of one width (a head of years,
 * "2019 2020 2019 2020", is one table's), the first set ending before the
 * second starts (*split: the middle of the white between them). */
static int twin_head(const layout_line *lines, const sort_item *row, size_t m, float *shift,
                     float *split)
{
    if (m < 4 || m % 2)
        return 0;
    size_t k = m / 2;
    const layout_line *a0 = &lines[row[0].idx], *b0 = &lines[row[k].idx];
    float d = b0->x0 - a0->x0, wmin = 1e30f, wmax = 0;
    if (lines[row[k - 1].idx].x1 >= b0->x0)
        return 0;
    for (size_t i = 0; i < k; i++) {
        const layout_line *a = &lines[row[i].idx], *b = &lines[row[i + k].idx];
        float wa = a->x1 - a->x0, wb = b->x1 - b->x0, dd = b->x0 - a->x0 - d;
        if (wa - wb > TWIN_WIDTH || wb - wa > TWIN_WIDTH || dd > 2 * TWIN_WIDTH
            || dd < -2 * TWIN_WIDTH)
            return 0;
        if (wa < wmin) wmin = wa;
        if (wa > wmax) wmax = wa;
    }
    *shift = d;
    *split = (lines[row[k - 1].idx].x1 + b0->x0) / 2;
    return wmax - wmin > 2 * TWIN_WIDTH;
}

/* The first row of it[0..n) (sorted by baseline) that is a twin head
 * (twin_head()): *top gets its top, *shift and *split what twin_head()
 * gives. Returns 1 when there is one, 0 when not, -1 when out of memory. */
int table_twin_head(const layout_line *lines, const sort_item *it, size_t n, float *top,
                    float *shift, float *split)
{
    sort_item *row = malloc((n ? n : 1) * sizeof *row);
    if (!row)
        return -1;
    int found = 0;
    for (size_t s = 0, e; s < n && !found; s = e) {
        const layout_line *head = &lines[it[s].idx];
        float tol = ROW_BASE_FRACTION * (head->y1 - head->y0);
        for (e = s + 1; e < n && lines[it[e].idx].base - head->base <= (tol > 1 ? tol : 1); e++)
            ;
        for (size_t i = s; i < e; i++)
            row[i - s] = (sort_item){ 0, lines[it[i].idx].x0, it[i].idx };
        qsort(row, e - s, sizeof *row, sort_item_cmp_x);
        found = twin_head(lines, row, e - s, shift, split);
        *top = head->y0;
        for (size_t i = s; found && i < e; i++)
            if (lines[it[i].idx].y0 < *top)
                *top = lines[it[i].idx].y0;
    }
    free(row);
    return found;
}
