/*
 * gutters.h: the column gutters of a region of a PDF page (gutters.c), for
 * the reading order (layout.c). Internal. A gutter is a vertical strip of
 * the region that (almost) no line crosses, with a real column of text on
 * each side, side by side.
 */
#ifndef DOCTAG_GUTTERS_H
#define DOCTAG_GUTTERS_H

#include <stddef.h>

#include "layout.h"

typedef struct gutter {
    float x0, x1;
} gutter;

/* Finds the widest vertical gutter among the lines idx[0..n) (n >= 1) with
 * a column of text on each side. Returns 1 and fills *g when there is one,
 * 0 when there is none, -1 when out of memory. O(n + region width). */
int gutter_find(const layout_line *lines, const size_t *idx, size_t n, gutter *g);

enum { SIDE_LEFT, SIDE_RIGHT, SIDE_SPAN };

/* Which side of the gutter a line belongs to (SIDE_*). A line that pokes
 * into the gutter a little (an overlong URL) stays with its column. */
int gutter_line_side(const layout_line *l, const gutter *g);

#endif
