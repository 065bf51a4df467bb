/*
 * layout.c: reading order of the lines of a PDF page.
 *
 * Rules are geometric, not tied to one typesetter: a column gutter is a
 * vertical strip of the page that (almost) no line crosses, with a real
 * column of text on each side, side by side; a region with a gutter is
 * read column by column, lines spanning the gutter (titles, full-width
 * footnotes) where they stand; a region without one is read row by row,
 * rows ordered by their baseline (glyph boxes may be taller than the line
 * pitch, so their tops mislead). A gutter between tables' columns is not
 * read column by column (tables.c finds the rows): short cells whose rows
 * line up are read row by row; cells of text that start level on both
 * sides, and rows labelled by the left columns, row band by row band, each
 * band's cells left to right; a table wrapped into two halves under one
 * head repeated, half by half. Every step is O(n log n) in the lines of
 * the region, and the recursion is bounded. The gutter search is in
 * gutters.c, the split of a table's two halves in halves.c.
 */
#include <stdlib.h>

#include "gutters.h"
#include "halves.h"
#include "layout.h"
#include "tables.h"

/* Recursion limit for nested column splits. */
#define MAX_DEPTH 12
/* A left column whose type is smaller than this fraction of the right's,
 * and narrower than NOTES_WIDTH of it, holds notes in the margin: it is
 * read after the body beside it. */
#define SMALLER_SIDE 0.85f
#define NOTES_WIDTH 0.5f
/* A strip of white across a region this many line heights high splits it
 * before any gutter is looked for. */
#define WIDE_WHITE_LINES 2.5f
/* How many times the row labels are looked for further left, at the
 * gutters inside the left side of a gutter. */
#define LABEL_LEVELS 3
/* A block of lines has this many line heights of white above it. */
#define BLOCK_WHITE 0.5f
/* A line of one glyph this many times the region's mean line height is a
 * drop cap. */
#define DROP_CAP_LINES 2.0f

typedef struct order_ctx {
    const layout_line *lines;
    const layout_glyph *glyphs;
    size_t *out;
    size_t n_out;
} order_ctx;

/* ---- Rows ------------------------------------------------------------------ */

/* Whether the line it[s] opens a block: no line of it[0..s) (sorted by
 * baseline) over the same x ends less than half its height above it (a
 * paragraph's first line, not a line of a column that a pull quote or a
 * figure's label stands beside). */
static int opens_block(const layout_line *lines, const sort_item *it, size_t s)
{
    const layout_line *l = &lines[it[s].idx];
    float h = l->y1 - l->y0;
    for (size_t j = s; j > 0 && it[j - 1].y >= l->y0 - 2 * h; j--) {
        const layout_line *m = &lines[it[j - 1].idx];
        if (m->x0 < l->x1 && l->x0 < m->x1 && m->y1 > l->y0 - BLOCK_WHITE * h)
            return 0;
    }
    return 1;
}

/* Top to bottom by baseline; lines sharing a row (baselines within a
 * fraction of the line height, or a side heading and the line beside it
 * that opens its paragraph: layout_side_heading(), opens_block()) left to
 * right. A drop cap (one letter as tall as several lines) is read at its
 * top, before the line beside it. Sorts idx[] in place. */
static int sort_rows(const layout_line *lines, size_t *idx, size_t n)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return -1;
    float mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += (lines[idx[i]].y1 - lines[idx[i]].y0) / (float)n;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        int cap = l->count == 1 && l->y1 - l->y0 >= DROP_CAP_LINES * mean;
        it[i].y = cap ? l->y0 : l->base;
        it[i].x = l->x0;
        it[i].idx = idx[i];
    }
    qsort(it, n, sizeof *it, sort_item_cmp);
    for (size_t s = 0; s < n;) {
        const layout_line *head = &lines[it[s].idx];
        float hh = head->y1 - head->y0;
        size_t e = s + 1;
        while (e < n) {
            const layout_line *l = &lines[it[e].idx];
            float h = l->y1 - l->y0, tol = ROW_BASE_FRACTION * (h < hh ? h : hh);
            if (l->base - head->base > (tol > 1 ? tol : 1)
                && !(layout_side_heading(l, head) && opens_block(lines, it, s)))
                break;
            e++;
        }
        if (e - s > 1)
            qsort(it + s, e - s, sizeof *it, sort_item_cmp_x);
        s = e;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = it[i].idx;
    free(it);
    return 0;
}

/* ---- Regions ------------------------------------------------------------------- */

static int order_region(order_ctx *c, size_t *idx, size_t n, int depth);

static float mid_y(const layout_line *l)
{
    return (l->y0 + l->y1) / 2;
}

static int emit_sorted(order_ctx *c, size_t *idx, size_t n)
{
    if (sort_rows(c->lines, idx, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        c->out[c->n_out++] = idx[i];
    return 0;
}

/* Reads the bands between the spanning lines span[0..ns) (in row order)
 * one after the other, each spanning line where it stands; rest[0..nr)
 * are the other lines. */
static int order_bands(order_ctx *c, size_t *span, size_t ns, size_t *rest, size_t nr,
                       int depth)
{
    /* the other lines by vertical centre, then cut into bands in one walk */
    if (sort_rows(c->lines, rest, nr) < 0)
        return -1;
    sort_item *it = malloc((nr ? nr : 1) * sizeof *it);
    if (!it)
        return -1;
    for (size_t i = 0; i < nr; i++)
        it[i] = (sort_item){ mid_y(&c->lines[rest[i]]), (float)i, rest[i] };
    qsort(it, nr, sizeof *it, sort_item_cmp);
    for (size_t i = 0; i < nr; i++)
        rest[i] = it[i].idx;
    free(it);
    size_t from = 0;
    for (size_t k = 0; k <= ns; k++) {
        float bot = k == ns ? 1e30f : c->lines[span[k]].y0;
        size_t to = from;
        while (to < nr && mid_y(&c->lines[rest[to]]) < bot)
            to++;
        if (order_region(c, rest + from, to - from, depth + 1) < 0)
            return -1;
        if (k < ns)
            c->out[c->n_out++] = span[k];
        from = to;
    }
    return 0;
}

/* The mean line height of lines idx[0..n), and the width they span. */
static float mean_size(const layout_line *lines, const size_t *idx, size_t n, float *width)
{
    float sum = 0, x0 = 1e30f, x1 = -1e30f;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        sum += l->size;
        if (l->x0 < x0) x0 = l->x0;
        if (l->x1 > x1) x1 = l->x1;
    }
    *width = n ? x1 - x0 : 0;
    return n ? sum / (float)n : 0;
}

/* Margin notes: the left side set in smaller type than the right, and
 * much narrower. */
static int left_is_notes(const layout_line *lines, const size_t *left, size_t nl,
                         const size_t *right, size_t nr)
{
    float wl, wr;
    float sl = mean_size(lines, left, nl, &wl), sr = mean_size(lines, right, nr, &wr);
    return sl < SMALLER_SIDE * sr && wl < NOTES_WIDTH * wr;
}

/* Reads the region as the bands between the cuts (sorted), top to bottom. */
static int order_row_bands(order_ctx *c, size_t *idx, size_t n, const float *cuts, long nc,
                           int depth)
{
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    int rc = 0;
    for (long b = 0; b <= nc && rc == 0; b++) {
        float lo = b ? cuts[b - 1] : -1e30f, hi = b < nc ? cuts[b] : 1e30f;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            float y = c->lines[idx[i]].y0;
            if (y >= lo && y < hi)
                tmp[m++] = idx[i];
        }
        rc = order_region(c, tmp, m, depth + 1);
    }
    free(tmp);
    return rc;
}

static int find_hcut_above(const layout_line *lines, const size_t *idx, size_t n, float limit,
                           float *cut);
static int order_hcut(order_ctx *c, size_t *idx, size_t n, float cut, int depth);

/* A region with lines across its gutter (span[0..ns), in row order): cut
 * at the strip of white just above the first of them, when there is one
 * (a full-width table under three columns whose cells cross their gutters:
 * the columns, then the table with its title and head), else band by
 * band between them. */
static int order_spanned(order_ctx *c, size_t *idx, size_t n, size_t *span, size_t ns, int depth)
{
    float top = c->lines[span[0]].y0, cut = 0;
    for (size_t i = 1; i < ns; i++)
        if (c->lines[span[i]].y0 < top)
            top = c->lines[span[i]].y0;
    int found = find_hcut_above(c->lines, idx, n, top, &cut);
    if (found)
        return found < 0 ? -1 : order_hcut(c, idx, n, cut, depth);
    /* the other lines of idx[] are span[ns..n) (order_split's tmp) */
    return order_bands(c, span, ns, span + ns, n - ns, depth);
}

/* Rows labelled by the left side of the gutter (table_label_rows()), or
 * by the leftmost columns of that side, split off at its own gutters (a
 * table's labels beside a statement column, with an assessment column
 * across a wider gutter): LABEL_LEVELS tries at most. Returns what
 * table_label_rows() returns. */
static long nested_label_rows(const layout_line *lines, const size_t *left, size_t nl,
                              const size_t *right, size_t nr, float *cuts)
{
    long nc = table_label_rows(lines, left, nl, right, nr, cuts);
    size_t n = nl + nr, *buf = nc == 0 ? malloc(2 * (n + 1) * sizeof *buf) : NULL;
    if (nc == 0 && !buf)
        return -1;
    for (int level = 0; nc == 0 && level < LABEL_LEVELS && nl >= 4; level++) {
        gutter g;
        int found = gutter_find(lines, left, nl, &g);
        if (found <= 0) {
            nc = found;
            break;
        }
        /* labels: the lines left of the inner gutter; the rest after them */
        size_t *next = buf + (level % 2) * (n + 1), nlab = 0, k = 0;
        for (size_t i = 0; i < nl; i++)
            nlab += gutter_line_side(&lines[left[i]], &g) == SIDE_LEFT;
        for (size_t i = 0, a = 0, b = nlab; i < nl; i++)
            next[gutter_line_side(&lines[left[i]], &g) == SIDE_LEFT ? a++ : b++] = left[i];
        k = nl;
        for (size_t i = 0; i < nr; i++)
            next[k++] = right[i];
        left = next;
        right = next + nlab;
        nr = k - nlab;
        nl = nlab;
        nc = nl ? table_label_rows(lines, left, nl, right, nr, cuts) : 0;
    }
    free(buf);
    return nc;
}

/* Reads a region that has a gutter: a table row by row; without spanning
 * lines, the left part then the right part (the right part first when the left holds notes);
 * with spanning lines, band by band. */
static int order_split(order_ctx *c, size_t *idx, size_t n, const gutter *g, int depth)
{
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    size_t nl = 0, ns = 0;
    for (size_t i = 0; i < n; i++) {
        int side = gutter_line_side(&c->lines[idx[i]], g);
        nl += side == SIDE_LEFT;
        ns += side == SIDE_SPAN;
    }
    /* tmp: spanning lines, then left, then right */
    size_t s = 0, a = ns, b = ns + nl;
    for (size_t i = 0; i < n; i++) {
        int side = gutter_line_side(&c->lines[idx[i]], g);
        tmp[side == SIDE_SPAN ? s++ : side == SIDE_LEFT ? a++ : b++] = idx[i];
    }
    int rc = table_of_cells(c->lines, c->glyphs, tmp + ns, nl, tmp + ns + nl, n - ns - nl);
    if (rc != 0) {
        /* a table is read row by row, each row's cells left to right */
        free(tmp);
        return rc < 0 ? -1 : emit_sorted(c, idx, n);
    }
    if (ns == 0) {
        /* body before notes: notes in the left margin are read after it */
        size_t *left = tmp, *right = tmp + nl, nr = n - nl;
        float *cuts = nl && nr ? malloc(n * sizeof *cuts) : NULL;
        long nc = cuts ? table_text_rows(c->lines, left, nl, right, nr, cuts) : 0;
        if (nc == 0 && cuts && !left_is_notes(c->lines, left, nl, right, nr))
            nc = nested_label_rows(c->lines, left, nl, right, nr, cuts);
        if (nc != 0)
            rc = nc < 0 ? -1 : order_row_bands(c, idx, n, cuts, nc, depth);
        free(cuts);
        if (nc != 0) {
            free(tmp);
            return rc;
        }
        if (left_is_notes(c->lines, left, nl, right, nr))
            rc = order_region(c, right, nr, depth + 1) || order_region(c, left, nl, depth + 1)
                 ? -1 : 0;
        else
            rc = order_region(c, left, nl, depth + 1) || order_region(c, right, nr, depth + 1)
                 ? -1 : 0;
    } else {
        rc = sort_rows(c->lines, tmp, ns);
        if (rc == 0)
            rc = order_spanned(c, idx, n, tmp, ns, depth);
    }
    free(tmp);
    return rc;
}

/* The region's lines by top, each as (y0, y1 in .x, index), and their mean
 * height in *mean: a malloc'd array the caller frees, NULL when out of
 * memory. For the searches of horizontal strips of white below. */
static sort_item *lines_by_top(const layout_line *lines, const size_t *idx, size_t n,
                               float *mean)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return NULL;
    float heights = 0;
    for (size_t i = 0; i < n; i++) {
        it[i] = (sort_item){ lines[idx[i]].y0, lines[idx[i]].y1, idx[i] };
        heights += lines[idx[i]].y1 - lines[idx[i]].y0;
    }
    qsort(it, n, sizeof *it, sort_item_cmp);
    *mean = n ? heights / (float)n : 0;
    return it;
}

/* The widest horizontal strip of white across the whole region, at least
 * `lines_high` mean line heights: *cut gets its middle. Returns 1 when
 * there is one, 0 when there is none, -1 when out of memory. */
static int find_hcut(const layout_line *lines, const size_t *idx, size_t n, float lines_high,
                     float *cut)
{
    float mean;
    sort_item *it = lines_by_top(lines, idx, n, &mean);
    if (!it)
        return -1;
    float best = lines_high * mean, bottom = it[0].x; /* .x holds y1 here */
    int found = 0;
    for (size_t i = 1; i < n; i++) {
        if (it[i].y - bottom > best) {
            best = it[i].y - bottom;
            *cut = (it[i].y + bottom) / 2;
            found = 1;
        }
        if (it[i].x > bottom)
            bottom = it[i].x;
    }
    free(it);
    return found;
}

/* The lowest strip of white across the region, a mean line height high or
 * more, whose lower edge is at or above `limit`: *cut gets its middle;
 * when one row stands alone above it (a table's title), set off by half a
 * line of white, the cut goes above that row. Returns 1 when there is one,
 * 0 when there is none, -1 when out of memory. */
static int find_hcut_above(const layout_line *lines, const size_t *idx, size_t n, float limit,
                           float *cut)
{
    float mean;
    sort_item *it = lines_by_top(lines, idx, n, &mean);
    if (!it)
        return -1;
    float least = mean, bottom = it[0].x; /* .x holds y1 here */
    float half_cut = 0, row_base = 0;
    int found = 0, half = 0, one_row = 0;
    for (size_t i = 1; i < n && it[i].y <= limit + 0.5f; i++) {
        float gap = it[i].y - bottom, base = lines[it[i].idx].base;
        if (gap >= least) {
            *cut = one_row && half ? half_cut : (it[i].y + bottom) / 2;
            found = 1;
        }
        if (gap >= 0.5f * least) {
            half = one_row = 1;
            half_cut = (it[i].y + bottom) / 2;
            row_base = base;
        } else if (base - row_base > ROW_BASE_FRACTION * least || row_base - base > ROW_BASE_FRACTION * least) {
            one_row = 0;
        }
        if (it[i].x > bottom)
            bottom = it[i].x;
    }
    free(it);
    return found;
}

/* Reads the part of the region above the cut, then the part below. */
static int order_hcut(order_ctx *c, size_t *idx, size_t n, float cut, int depth)
{
    size_t *tmp = malloc(n * sizeof *tmp), a = 0;
    if (!tmp)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (mid_y(&c->lines[idx[i]]) < cut)
            tmp[a++] = idx[i];
    for (size_t i = 0, b = a; i < n; i++)
        if (mid_y(&c->lines[idx[i]]) >= cut)
            tmp[b++] = idx[i];
    int rc = order_region(c, tmp, a, depth + 1);
    if (rc == 0)
        rc = order_region(c, tmp + a, n - a, depth + 1);
    free(tmp);
    return rc;
}

/* A table in two halves side by side under a twin head (halves_split()):
 * each part read as a region of its own. Returns 1 when the region was
 * read so, 0 when it has no twin head, -1 when out of memory. */
static int order_twin_halves(order_ctx *c, size_t *idx, size_t n, int depth)
{
    size_t *tmp = malloc((n ? n : 1) * sizeof *tmp), part[HALVES_PARTS];
    int found = tmp ? halves_split(c->lines, idx, n, tmp, part) : -1;
    for (int p = 0, from = 0; p < HALVES_PARTS && found > 0; from += (int)part[p++])
        if (order_region(c, tmp + from, part[p], depth + 1) < 0)
            found = -1;
    free(tmp);
    return found;
}

/* ---- A table's head ---------------------------------------------------------- */

/* A region holding a table's head row repeated on other pages (`head`,
 * furniture.c) with no other line beside it: the lines above the head,
 * the head (table_head_order()), the table's rows under it in the head's
 * columns (table_rows_under_head()), then the lines after the table (a
 * head's cells and a row's are not cut apart at the gutters between the
 * columns). Returns 1
 * when the region was read so, 0 when it has no such head, -1 when out of
 * memory. */
static int order_table_head(order_ctx *c, size_t *idx, size_t n, int depth)
{
    float top = 1e30f, bottom = -1e30f, next = 1e30f;
    for (size_t i = 0; i < n; i++)
        if (c->lines[idx[i]].head && c->lines[idx[i]].y0 < top)
            top = c->lines[idx[i]].y0;
    if (top >= 1e29f)
        return 0;
    for (size_t i = 0; i < n; i++) {   /* the first other line under its top */
        const layout_line *l = &c->lines[idx[i]];
        if (!l->head && l->y0 >= top && l->y0 < next)
            next = l->y0;
    }
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &c->lines[idx[i]];
        if (l->head && l->y0 < next && l->y1 > bottom)
            bottom = l->y1;
    }
    for (size_t i = 0; i < n; i++) {   /* a line beside the head: not ours */
        const layout_line *l = &c->lines[idx[i]];
        if (!(l->head && l->y0 < next) && mid_y(l) > top && mid_y(l) < bottom)
            return 0;
    }
    size_t *tmp = malloc(n * sizeof *tmp), a = 0, k = 0;
    if (!tmp)
        return -1;
    for (int part = 0; part < 3; part++)
        for (size_t i = 0; i < n; i++) {
            const layout_line *l = &c->lines[idx[i]];
            int in = l->head && l->y0 < next ? 1 : mid_y(l) <= top ? 0 : 2;
            if (in == part)
                tmp[k++] = idx[i];
            a += part == 0 && in == 0;
        }
    size_t nh = 0;
    while (a + nh < n && c->lines[tmp[a + nh]].head && c->lines[tmp[a + nh]].y0 < next)
        nh++;
    int rc = order_region(c, tmp, a, depth + 1) < 0 || table_head_order(c->lines, tmp + a, nh) < 0
             ? -1 : 1;
    for (size_t i = 0; rc > 0 && i < nh; i++)
        c->out[c->n_out++] = tmp[a + i];
    long rows = rc > 0 ? table_rows_under_head(c->lines, tmp + a, nh, tmp + a + nh, n - a - nh) : 0;
    for (long i = 0; i < rows; i++)
        c->out[c->n_out++] = tmp[a + nh + (size_t)i];
    if (rows < 0 || (rc > 0 && order_region(c, tmp + a + nh + rows, n - a - nh - (size_t)rows,
                                            depth + 1) < 0))
        rc = -1;
    free(tmp);
    return rc;
}

/* A region that a wide strip of white crosses (a figure above a side
 * heading and its paragraph, a title block over two columns) is read as
 * the parts above and below it, each a region of its own (an X-Y cut);
 * else column by column when it has a gutter; else, when a narrower strip
 * of white crosses it, again as two parts; else row by row. */
static int order_region(order_ctx *c, size_t *idx, size_t n, int depth)
{
    gutter g;
    float cut = 0;
    if (n == 0)
        return 0;
    if (n < 4 || depth > MAX_DEPTH)
        return emit_sorted(c, idx, n);
    int found = order_table_head(c, idx, n, depth);
    if (found)
        return found < 0 ? -1 : 0;
    found = order_twin_halves(c, idx, n, depth);
    if (found)
        return found < 0 ? -1 : 0;
    found = find_hcut(c->lines, idx, n, WIDE_WHITE_LINES, &cut);
    if (found)
        return found < 0 ? -1 : order_hcut(c, idx, n, cut, depth);
    found = gutter_find(c->lines, idx, n, &g);
    if (found)
        return found < 0 ? -1 : order_split(c, idx, n, &g, depth);
    found = find_hcut(c->lines, idx, n, 1.0f, &cut);
    if (found)
        return found < 0 ? -1 : order_hcut(c, idx, n, cut, depth);
    return emit_sorted(c, idx, n);
}

long layout_reading_order(const layout_line *lines, const layout_glyph *glyphs,
                          const layout_page *page, size_t *order)
{
    order_ctx c = { lines, glyphs, order, 0 };
    size_t n = 0;
    size_t *idx = malloc((page->n_lines ? page->n_lines : 1) * sizeof *idx);
    if (!idx)
        return -1;
    for (size_t i = 0; i < page->n_lines; i++)
        if (!lines[page->first_line + i].dropped)
            idx[n++] = page->first_line + i;
    int rc = order_region(&c, idx, n, 0);
    free(idx);
    return rc < 0 ? -1 : (long)c.n_out;
}
