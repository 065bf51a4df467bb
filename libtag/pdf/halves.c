/*
 * halves.c: a table wrapped into two halves side by side under one head
 * repeated ("Country Score Rank | Country Score Rank"), split into the
 * parts read one after the other: what stands above the head, the left
 * half, the right half, what follows the table. A head that groups
 * columns to the right of a column of row labels (Top-20 and Top-100 over
 * the same datasets) looks the same but is one table: it is told apart by
 * the cells under it (twin_halves_align()). Lines in smaller type under
 * a half's last row (a legend) are the table's notes, read after both
 * halves.
 */
#include <stdlib.h>

#include "halves.h"
#include "tables.h"

/* A table's two halves start this many points from being copies shifted
 * by the distance between their heads, at most. */
#define TWIN_EDGE 4.0f
/* A line in type smaller than this fraction of the table's cells, under
 * the last row of its half and this many of its own heights below it,
 * is a note on the table (a legend): read after both halves. */
#define SMALLER_TYPE 0.9f
#define NOTE_WHITE 0.5f

static float mid_y(const layout_line *l)
{
    return (l->y0 + l->y1) / 2;
}

/* Under a twin head (top, shift, split as table_twin_head() gives) in the
 * lines it[0..n) (sorted by baseline): *end gets the top of the first line
 * below the head wider than a half (the table has ended). Returns whether
 * the right half's cells start where the left half's do, shifted: a table
 * wrapped into two halves, not one whose head groups its columns to the
 * right of a column of row labels (Top-20 and Top-100 over the same
 * datasets). */
static int twin_halves_align(const layout_line *lines, const sort_item *it, size_t n, float top,
                             float shift, float split, float *end)
{
    float edge[2] = { 1e30f, 1e30f };
    *end = 1e30f;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[it[i].idx];
        if (mid_y(l) < top || l->y0 >= *end)
            continue;
        if (l->x1 - l->x0 > shift) {
            *end = l->y0;
            continue;
        }
        int right = (l->x0 + l->x1) / 2 >= split;
        if (l->x0 < edge[right])
            edge[right] = l->x0;
    }
    float d = edge[1] - edge[0] - shift;
    return d <= TWIN_EDGE && d >= -TWIN_EDGE;
}

/* Which part line l is in, under a twin head at top whose halves meet at
 * split, the table ending at end. */
static int part_of(const layout_line *l, float top, float end, float split)
{
    return mid_y(l) < top ? HALVES_ABOVE
           : l->y0 >= end ? HALVES_AFTER
           : (l->x0 + l->x1) / 2 < split ? HALVES_LEFT : HALVES_RIGHT;
}

/* Lines of a half (in[i] the part of line idx[i]) in smaller type than
 * the table's cells (the median size in the halves) that stand under
 * that half's last row in the table's type, set off by white (a legend,
 * a note on the table): they are the table's, not the half's, and go to
 * HALVES_AFTER, read after both halves. it[] has room for n. */
static void notes_under_halves(const layout_line *lines, const size_t *idx, size_t n, int *in,
                               sort_item *it)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i] == HALVES_LEFT || in[i] == HALVES_RIGHT)
            it[m++] = (sort_item){ lines[idx[i]].size, 0, idx[i] };
    if (m == 0)
        return;
    qsort(it, m, sizeof *it, sort_item_cmp);
    float small = SMALLER_TYPE * it[m / 2].y, last[2] = { -1e30f, -1e30f };
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        int h = in[i] - HALVES_LEFT;
        if ((h == 0 || h == 1) && l->size >= small && l->y1 > last[h])
            last[h] = l->y1;
    }
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        int h = in[i] - HALVES_LEFT;
        if ((h == 0 || h == 1) && l->size < small && last[h] > -1e29f
            && l->y0 - last[h] >= NOTE_WHITE * (l->y1 - l->y0))
            in[i] = HALVES_AFTER;
    }
}

int halves_split(const layout_line *lines, const size_t *idx, size_t n, size_t *out,
                 size_t part[HALVES_PARTS])
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    int *in = malloc((n ? n : 1) * sizeof *in);
    float top = 0, shift = 0, split = 0, end = 1e30f;
    int found = it && in ? 0 : -1;
    for (size_t i = 0; i < n && found == 0; i++)
        it[i] = (sort_item){ lines[idx[i]].base, lines[idx[i]].x0, idx[i] };
    if (found == 0) {
        qsort(it, n, sizeof *it, sort_item_cmp);
        found = table_twin_head(lines, it, n, &top, &shift, &split);
    }
    if (found > 0)
        found = twin_halves_align(lines, it, n, top, shift, split, &end);
    for (size_t i = 0; i < n && found > 0; i++)
        in[i] = part_of(&lines[idx[i]], top, end, split);
    if (found > 0)
        notes_under_halves(lines, idx, n, in, it);
    size_t at = 0;
    for (int p = 0; p < HALVES_PARTS && found > 0; p++) {
        size_t from = at;
        for (size_t i = 0; i < n; i++)
            if (in[i] == p)
                out[at++] = idx[i];
        part[p] = at - from;
    }
    free(it);
    free(in);
    return found;
}
