/*
 * tables.h: which lines of a region are a table's rows (tables.c), for the
 * reading order (layout.c). Internal. Lines are layout_lines; a side is
 * the lines (indexes into lines[]) on one side of a column gutter.
 */
#ifndef DOCTAG_TABLES_H
#define DOCTAG_TABLES_H

#include <stddef.h>

#include "layout.h"

/* Two lines share a row when their baselines are closer than this fraction
 * of the smaller line height. */
#define ROW_BASE_FRACTION 0.3f

/* A line (idx) under a sort key: y first, then x, then idx. */
typedef struct sort_item {
    float y, x;
    size_t idx;
} sort_item;

/* qsort comparators: by y, x, idx; by x, idx. */
int sort_item_cmp(const void *a, const void *b);
int sort_item_cmp_x(const void *a, const void *b);

/* A table: cells on both sides of the gutter (short lines, or lines
 * ending in a dot leader), their rows lined up. Returns 1, 0, or -1 when
 * out of memory. */
int table_of_cells(const layout_line *lines, const layout_glyph *glyphs, const size_t *left,
                   size_t nl, const size_t *right, size_t nr);

/* Whether line l ends in a dot leader ("Parts cost ........", "Action .."):
 * four dots or more, or two or more set apart from the word before them
 * (an ellipsis, "terrorism...", is no leader). */
int table_leader(const layout_line *l, const layout_glyph *glyphs);

/* The rows of a table of text: blocks (cells) on both sides that start at
 * the same height again and again. Writes their tops (the first left out)
 * to cuts[] (room for nl + nr) and returns how many (0 when none), -1 when
 * out of memory. */
long table_text_rows(const layout_line *lines, const size_t *left, size_t nl,
                     const size_t *right, size_t nr, float *cuts);

/* The rows of a table labelled by its left columns (short blocks set apart
 * by white, each level with a cell's first line on the right). Writes the
 * rows' tops (the first left out) to cuts[] (room for nl) and returns how
 * many (0 when the left side is no labels), -1 when out of memory. */
long table_label_rows(const layout_line *lines, const size_t *left, size_t nl,
                      const size_t *right, size_t nr, float *cuts);

/* The first row of it[0..n) (lines sorted by baseline, .y the baseline)
 * that is one table head twice side by side (a table wrapped into two
 * halves): *top gets the row's top, *shift the distance between the
 * halves, *split the middle of the white between them. Returns 1 when
 * there is one, 0 when not, -1 when out of memory. */
int table_twin_head(const layout_line *lines, const sort_item *it, size_t n, float *top,
                    float *shift, float *split);

#endif
