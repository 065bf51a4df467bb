/*
 * glyph_lines.c: one page's glyphs, as poppler gives them line by line,
 * into layout lines: text drawn at an angle left out, a poppler line split
 * where a gap is wider than a few ems (table cells, side headings), each
 * line with its box, median glyph size and baseline (the median of the
 * glyphs' bottoms).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "doctag_limits.h"
#include "extract_builder.h"
#include "vec.h"

/* The k-th smallest of a[0..n) (reordering a): Hoare's selection, linear
 * on average, where a sort per line cost more than the rest of our work. */
static float select_kth(float *a, size_t n, size_t k)
{
    size_t same = 1;   /* a line's sizes and bottoms are mostly all one value */
    while (same < n && a[same] == a[0])
        same++;
    if (same == n)
        return a[0];
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        float pivot = a[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                float t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return a[k];
    }
    return a[k];
}

/* The median of the line's glyph sizes (or box bottoms, `bottoms`). */
static float line_median(builder *b, const layout_line *l, int bottoms)
{
    size_t k = 0;
    for (size_t i = l->first; i < l->first + l->count; i++)
        if (!glyph_is_space(b->glyphs[i].cp))
            b->scratch[k++] = bottoms ? b->glyphs[i].y1 : b->glyphs[i].size;
    return select_kth(b->scratch, k, k / 2);
}

/* Adds the line made of glyphs[s, e), spaces at either end left out, with
 * its box, median size (`size` when known, else < 0) and baseline; a line
 * of spaces is no line. */
static int finish_line(builder *b, int page, size_t s, size_t e, float size)
{
    while (e > s && glyph_is_space(b->glyphs[e - 1].cp))
        e--;
    while (s < e && glyph_is_space(b->glyphs[s].cp))
        s++;
    if (s == e)
        return 0;
    if (!vec_reserve((void **)&b->lines, &b->cap_lines, b->n_lines + 1, sizeof *b->lines)
        || !vec_reserve((void **)&b->scratch, &b->cap_scratch, e - s, sizeof *b->scratch))
        return -1;
    layout_line *l = &b->lines[b->n_lines++];
    memset(l, 0, sizeof *l);
    l->page = page;
    l->first = s;
    l->count = e - s;
    l->x0 = l->y0 = 1e30f;
    l->x1 = l->y1 = -1e30f;
    for (size_t i = s; i < e; i++) {
        const pglyph *g = &b->glyphs[i];
        if (glyph_is_space(g->cp))
            continue;
        if (g->x0 < l->x0) l->x0 = g->x0;
        if (g->y0 < l->y0) l->y0 = g->y0;
        if (g->x1 > l->x1) l->x1 = g->x1;
        if (g->y1 > l->y1) l->y1 = g->y1;
    }
    l->size = size >= 0 ? size : line_median(b, l, 0);
    l->base = line_median(b, l, 1);
    return 0;
}

/* Whether the step from glyph a to glyph z goes more down (or up) the
 * page than across it, by more than the smaller glyph's height. */
static int vertical_step(const pglyph *a, const pglyph *z)
{
    float dx = (z->x0 + z->x1) / 2 - (a->x0 + a->x1) / 2;
    float dy = (z->y0 + z->y1) / 2 - (a->y0 + a->y1) / 2;
    if (dx < 0) dx = -dx;
    if (dy < 0) dy = -dy;
    float h = a->size < z->size ? a->size : z->size;
    return dy > dx && dy > h;
}

/* Text drawn at an angle: the line's first and last glyphs further apart
 * vertically than horizontally (poppler keeps a rotated run on one line),
 * and most steps from glyph to glyph going that way too. Poppler also
 * runs two level lines from different places into one (a heading at a
 * column's foot, then the next column's top line): their glyphs step
 * across, with one jump between them, and are no rotated text. */
static int line_is_rotated(const pglyph *g, size_t s, size_t e)
{
    while (e > s && glyph_is_space(g[e - 1].cp))
        e--;
    while (s < e && glyph_is_space(g[s].cp))
        s++;
    if (e - s < 2 || !vertical_step(&g[s], &g[e - 1]))
        return 0;
    size_t steps = 0, across = 0;
    for (size_t i = s, prev = s; ++i < e;) {
        if (glyph_is_space(g[i].cp))
            continue;
        float dx = (g[i].x0 + g[i].x1) / 2 - (g[prev].x0 + g[prev].x1) / 2;
        float dy = (g[i].y0 + g[i].y1) / 2 - (g[prev].y0 + g[prev].y1) / 2;
        steps++;
        across += (dx < 0 ? -dx : dx) > (dy < 0 ? -dy : dy);
        prev = i;
    }
    return 2 * across <= steps;
}

/* Whether glyph g starts a new piece after glyph p on one of poppler's
 * lines: a gap wider than a few ems (`em`: the line's), or a jump back, up
 * or down. */
static int piece_break(const pglyph *p, const pglyph *g, float em)
{
    float h = p->size > g->size ? p->size : g->size;
    float pc = (p->y0 + p->y1) / 2, gc = (g->y0 + g->y1) / 2;
    return g->x0 - p->x1 > LIMIT_PDF_SPLIT_GAP_EMS * em || g->x1 < p->x0 - h
           || pc - gc > h || gc - pc > h;
}

/* The widest gap between two glyphs of glyphs[s, e) that follow each
 * other (spaces left out), as piece_break() measures it; -1e30 for none. */
static float widest_gap(const pglyph *g, size_t s, size_t e)
{
    float gap = -1e30f;
    const pglyph *p = NULL;
    for (size_t i = s; i < e; i++) {
        if (glyph_is_space(g[i].cp))
            continue;
        if (p && g[i].x0 - p->x1 > gap)
            gap = g[i].x0 - p->x1;
        p = &g[i];
    }
    return gap;
}

/* Whether the median glyph width of glyphs[s, e) (k of them not spaces)
 * can make an em that some gap of the line, at most `gap` wide, exceeds
 * LIMIT_PDF_SPLIT_GAP_EMS times: more than half of the widths are small
 * enough (then the median is too). */
static int width_may_split(const pglyph *g, size_t s, size_t e, size_t k, float gap)
{
    size_t small = 0;
    for (size_t i = s; i < e; i++)
        if (!glyph_is_space(g[i].cp)
            && LIMIT_PDF_SPLIT_GAP_EMS * (2 * (g[i].x1 - g[i].x0)) < gap)
            small++;
    return small > k / 2;
}

/* The em of glyphs[s, e): the median glyph height (*h), or twice the
 * median glyph width when that is less (some fonts give boxes twice as
 * tall as the type: QuarkXPress, InDesign). The em only decides where a
 * line splits (piece_break): when no gap of the line could exceed it, the
 * height is returned without the widths' median, which cost a selection
 * per line. */
static float line_em(builder *b, size_t s, size_t e, float *h)
{
    *h = 1;
    if (!vec_reserve((void **)&b->scratch, &b->cap_scratch, e - s + 1, sizeof *b->scratch))
        return -1;
    size_t k = 0;
    for (size_t i = s; i < e; i++)
        if (!glyph_is_space(b->glyphs[i].cp))
            b->scratch[k++] = b->glyphs[i].size;
    if (k == 0)
        return 1;
    *h = select_kth(b->scratch, k, k / 2);
    float gap = widest_gap(b->glyphs, s, e);
    if (!(gap > LIMIT_PDF_SPLIT_GAP_EMS * *h) && !width_may_split(b->glyphs, s, e, k, gap))
        return *h;
    k = 0;
    for (size_t i = s; i < e; i++)
        if (!glyph_is_space(b->glyphs[i].cp))
            b->scratch[k++] = b->glyphs[i].x1 - b->glyphs[i].x0;
    float w2 = 2 * select_kth(b->scratch, k, k / 2);
    return w2 > 0 && w2 < *h ? w2 : *h;
}

/* extract_builder.h */
int glyph_lines_end(builder *b, int page, size_t first)
{
    size_t end = b->n_glyphs;
    if (line_is_rotated(b->glyphs, first, end)) {
        b->n_glyphs = first;
        return 0;
    }
    size_t s = first;
    long last = -1;  /* last non-space glyph */
    float size, em = line_em(b, first, end, &size);
    if (em < 0)
        return -1;
    for (size_t i = first; i < end; i++) {
        if (glyph_is_space(b->glyphs[i].cp))
            continue;
        if (last >= 0 && piece_break(&b->glyphs[last], &b->glyphs[i], em)) {
            if (finish_line(b, page, s, i, -1) < 0)
                return -1;
            s = i;
        }
        last = (long)i;
    }
    /* one piece: the same glyphs (but spaces) as the em's, so its size */
    return finish_line(b, page, s, end, s == first ? size : -1);
}

/* A coordinate as layout can use it: a damaged or hostile PDF can place a
 * glyph at NaN or infinity (found by fuzz_pdf); real pages are at most
 * 14,400 units wide. */
static float coordinate(float v)
{
    if (!isfinite(v))
        return 0;
    return v < -LIMIT_PDF_COORD ? -LIMIT_PDF_COORD : v > LIMIT_PDF_COORD ? LIMIT_PDF_COORD : v;
}

/* extract_builder.h */
void glyph_lines_push(builder *b, uint32_t c, const float *box)
{
    pglyph *g = &b->glyphs[b->n_glyphs++];
    g->cp = c;
    g->x0 = coordinate(box[0]);
    g->y0 = coordinate(box[1]);
    g->x1 = coordinate(box[2]);
    g->y1 = coordinate(box[3]);
    /* A glyph's size is the height of its box, which poppler derives from
     * the font size: it tells a raised footnote mark from the text. */
    g->size = g->y1 - g->y0 > 0 ? g->y1 - g->y0 : 1;
}

