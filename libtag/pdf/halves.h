/*
 * halves.h: a table wrapped into two halves side by side under one head
 * repeated (halves.c), for the reading order (layout.c). Internal.
 */
#ifndef DOCTAG_HALVES_H
#define DOCTAG_HALVES_H

#include <stddef.h>

#include "layout.h"

/* The parts of a region holding such a table, in reading order. */
enum { HALVES_ABOVE, HALVES_LEFT, HALVES_RIGHT, HALVES_AFTER, HALVES_PARTS };

/* When the lines idx[0..n) hold a table in two halves under a twin head
 * (table_twin_head()) whose right half's cells start where the left
 * half's do, shifted by the heads' distance: writes them to out[] (room
 * for n) part after part, HALVES_ABOVE the head, the left half (lines
 * centred left of the white between the head's halves: its head and
 * cells, and what stands under it), the right half, then HALVES_AFTER
 * (from the first line under the head wider than a half, and the lines
 * in smaller type under a half's last row: a legend), and each part's
 * count to part[]. Returns 1 when so, 0 when not (out[] and part[] then
 * unset), -1 when out of memory. O(n log n). */
int halves_split(const layout_line *lines, const size_t *idx, size_t n, size_t *out,
                 size_t part[HALVES_PARTS]);

#endif
