/*
 * tables.h: which lines of a region are a table's rows (tables.c) and its
 * head row (table_heads.c), for the reading order (layout.c) and the
 * running lines (furniture.c). Internal. Lines are layout_lines; a side is
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

/* Marks in head[0..page->n_lines) the page's lines that are a table's head
 * row: two cells or more side by side (lines on one baseline) close above
 * a row whose cells stand under them, column by column (two of them at
 * least, and half the head's cells, each over a line of the row below that
 * stands under no other head cell). A running header is no such row: it
 * stands apart from the body, and the lines below it are not its columns.
 * Dropped lines are left out. Returns 0, or -1 when out of memory. */
int table_head_rows(const layout_line *lines, const layout_page *page, unsigned char *head);

/* The same over the lines idx[0..n) (a region of a page): head[k] is 1
 * when lines[idx[k]] is of a head row. */
int table_head_lines(const layout_line *lines, const size_t *idx, size_t n, unsigned char *head);

/* Puts the head's lines h[0..n) (a head row and the lines of its cells
 * under or over it) in reading order: cell by cell left to right, each
 * cell's lines top to bottom ("FH" then "RATING"); a line's cell is the
 * line of the head's fullest row it overlaps most. Returns 0, or -1 when
 * out of memory. */
int table_head_order(const layout_line *lines, size_t *h, size_t n);

/* Under a table's head (its lines h[0..nh)), the table's rows among the
 * lines b[0..nb) below it: its columns are the cells of the head's
 * fullest row (a line is in the column whose cell it overlaps most), a
 * row starts where a block of the first column starts, and the table ends
 * at the first line across two columns. Puts the table's lines first in
 * b[], row by row, each row column by column, each cell top to bottom,
 * and returns how many (0, b[] untouched, when the first column has no
 * line), or -1 when out of memory. */
long table_rows_under_head(const layout_line *lines, const size_t *h, size_t nh, size_t *b,
                           size_t nb);

#endif
