/*
 * gutters.c: the column gutters of a region of a PDF page (see gutters.h).
 *
 * The region's width is cut into bins of about a point. One walk over the
 * lines fills, per bin, how many lines cross it (coverage, a difference
 * array) and statistics of the lines ending left of it and starting right
 * of it; a gutter is a strip of bins of low coverage with a column of
 * text of real width on each side, the two side by side. O(n + bins).
 */
#include <stdlib.h>
#include <string.h>

#include "gutters.h"
#include "doctag_limits.h"

/* A gutter's coverage (lines crossing it) is at most this fraction of the
 * densest coverage of the region. */
#define GUTTER_COVERAGE 0.12
/* Each column beside a gutter spans at least this fraction of the region. */
#define COLUMN_MIN_FRACTION 0.12f

/* Per bin of x: the lines ending (left side) or starting (right side) in
 * it, accumulated from the left (prefix) or from the right (suffix). */
typedef struct side_stats {
    int *count;
    float *edge;         /* leftmost x0 (left side) / rightmost x1 (right side) */
    float *top, *bottom;
} side_stats;

typedef struct region {
    const layout_line *lines;
    const size_t *idx;
    size_t n;
    float minx, width, scale, mean_size;
    size_t nb;           /* bins */
    int *cov;            /* lines crossing each bin */
    side_stats left, right;
} region;

static size_t bin_of(const region *r, float x)
{
    float b = (x - r->minx) * r->scale;
    if (b < 0)
        return 0;
    return (size_t)b < r->nb - 1 ? (size_t)b : r->nb - 1;
}

static int region_alloc(region *r)
{
    size_t nb = r->nb;
    r->cov = calloc(nb + 1, sizeof *r->cov);
    r->left.count = calloc(nb, sizeof(int));
    r->right.count = calloc(nb, sizeof(int));
    float *f = malloc(6 * nb * sizeof *f);
    if (!r->cov || !r->left.count || !r->right.count || !f) {
        free(f);
        return -1;
    }
    r->left.edge = f;
    r->left.top = f + nb;
    r->left.bottom = f + 2 * nb;
    r->right.edge = f + 3 * nb;
    r->right.top = f + 4 * nb;
    r->right.bottom = f + 5 * nb;
    for (size_t k = 0; k < nb; k++) {
        r->left.edge[k] = r->left.top[k] = r->right.top[k] = 1e30f;
        r->right.edge[k] = r->left.bottom[k] = r->right.bottom[k] = -1e30f;
    }
    return 0;
}

static void region_free(region *r)
{
    free(r->cov);
    free(r->left.count);
    free(r->right.count);
    free(r->left.edge);
}

static void stats_add(side_stats *s, size_t k, float edge, const layout_line *l, int left)
{
    s->count[k]++;
    if (left ? edge < s->edge[k] : edge > s->edge[k]) s->edge[k] = edge;
    if (l->y0 < s->top[k]) s->top[k] = l->y0;
    if (l->y1 > s->bottom[k]) s->bottom[k] = l->y1;
}

/* Accumulates bin k from bin `from` (the previous one in the walk). */
static void stats_carry(side_stats *s, size_t k, size_t from, int left)
{
    s->count[k] += s->count[from];
    if (left ? s->edge[from] < s->edge[k] : s->edge[from] > s->edge[k]) s->edge[k] = s->edge[from];
    if (s->top[from] < s->top[k]) s->top[k] = s->top[from];
    if (s->bottom[from] > s->bottom[k]) s->bottom[k] = s->bottom[from];
}

/* Coverage per bin (a difference array), and the line-side statistics:
 * left.*[k] over the lines ending at or before bin k, right.*[k] over the
 * lines starting at or after bin k. */
static void region_fill(region *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const layout_line *l = &r->lines[r->idx[i]];
        size_t a = bin_of(r, l->x0), b = bin_of(r, l->x1);
        r->cov[a]++;
        r->cov[b + 1]--;
        stats_add(&r->left, bin_of(r, l->x1 - 1), l->x0, l, 1);
        size_t rb = bin_of(r, l->x0 + 1) + (l->x0 + 1 > r->minx ? 1 : 0);
        stats_add(&r->right, rb < r->nb ? rb : r->nb - 1, l->x1, l, 0); /* a line at the edge */
    }
    for (size_t k = 1; k < r->nb; k++) {
        r->cov[k] += r->cov[k - 1];
        stats_carry(&r->left, k, k - 1, 1);
    }
    for (size_t k = r->nb - 1; k-- > 0;)
        stats_carry(&r->right, k, k + 1, 0);
}

/* Whether the strip of bins [s, e) is a gutter: a column of text on each
 * side, of real width, the two side by side. */
static int gutter_ok(const region *r, size_t s, size_t e)
{
    size_t ls = s - 1, rs = e < r->nb ? e : r->nb - 1;
    float gx0 = r->minx + (float)s / r->scale, gx1 = r->minx + (float)e / r->scale;
    if (r->left.count[ls] < 2 || r->right.count[rs] < 2)
        return 0;
    if (gx0 - r->left.edge[ls] < COLUMN_MIN_FRACTION * r->width
        || r->right.edge[rs] - gx1 < COLUMN_MIN_FRACTION * r->width)
        return 0;
    return !(r->left.bottom[ls] < r->right.top[rs] || r->right.bottom[rs] < r->left.top[ls]);
}

/* Keeps the strip [s, e) as *g when it is a gutter wider than *best. */
static int try_strip(const region *r, size_t s, size_t e, float *best, gutter *g)
{
    float min_gap = r->mean_size * 0.5f > 4 ? r->mean_size * 0.5f : 4;
    float w = (float)(e - s) / r->scale;
    if (s == 0 || e >= r->nb - 1 || w < min_gap || w <= *best || !gutter_ok(r, s, e))
        return 0; /* a margin, too narrow, or no column on a side */
    g->x0 = r->minx + (float)s / r->scale;
    g->x1 = r->minx + (float)e / r->scale;
    *best = w;
    return 1;
}

/* The widest gutter among the strips whose coverage is at most `thr`. A
 * strip that fails (it swallowed a sparse column: notes in a margin, a
 * column of short table cells) is tried again by its emptiest parts. */
static int widest_gutter(const region *r, int thr, gutter *g)
{
    float best = 0;
    int found = 0;
    for (size_t k = 0; k < r->nb;) {
        if (r->cov[k] > thr) { k++; continue; }
        size_t s = k;
        int low = r->cov[k];
        while (k < r->nb && r->cov[k] <= thr) {
            if (r->cov[k] < low)
                low = r->cov[k];
            k++;
        }
        if (try_strip(r, s, k, &best, g)) {
            found = 1;
            continue;
        }
        for (size_t a = s; a < k;) {
            if (r->cov[a] > low) { a++; continue; }
            size_t e = a;
            while (e < k && r->cov[e] <= low)
                e++;
            found |= try_strip(r, a, e, &best, g);
            a = e;
        }
    }
    return found;
}

/* see gutters.h */
int gutter_find(const layout_line *lines, const size_t *idx, size_t n, gutter *g)
{
    region r;
    memset(&r, 0, sizeof r);
    r.lines = lines;
    r.idx = idx;
    r.n = n;
    float maxx = lines[idx[0]].x1, sizes = 0;
    r.minx = lines[idx[0]].x0;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        if (l->x0 < r.minx) r.minx = l->x0;
        if (l->x1 > maxx) maxx = l->x1;
        sizes += l->size;
    }
    r.width = maxx - r.minx;
    r.mean_size = sizes / (float)n;
    if (!(r.width >= 20 && r.width <= 2 * LIMIT_PDF_COORD))   /* NaN too */
        return 0;
    r.scale = r.width > 4000 ? 4000 / r.width : 1; /* 1-point bins, coarser on huge pages */
    r.nb = (size_t)(r.width * r.scale) + 2;
    if (region_alloc(&r) < 0) {
        region_free(&r);
        return -1;
    }
    region_fill(&r);
    int maxcov = 0;
    for (size_t k = 0; k < r.nb; k++)
        if (r.cov[k] > maxcov)
            maxcov = r.cov[k];
    int found = widest_gutter(&r, (int)(GUTTER_COVERAGE * maxcov), g);
    region_free(&r);
    return found;
}

/* see gutters.h */
int gutter_line_side(const layout_line *l, const gutter *g)
{
    float mid = (g->x0 + g->x1) / 2, w = l->x1 - l->x0;
    float left = (l->x1 < mid ? l->x1 : mid) - l->x0;
    float right = l->x1 - (l->x0 > mid ? l->x0 : mid);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (right <= 0.15f * w)
        return SIDE_LEFT;
    if (left <= 0.15f * w)
        return SIDE_RIGHT;
    return SIDE_SPAN;
}
