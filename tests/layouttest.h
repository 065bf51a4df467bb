/* layouttest.h: synthetic pages for the PDF layout tests (test_layout_*.c):
 * lines of glyphs laid out by hand, without a PDF or poppler, for the layout
 * rules of libtag/pdf (layout.h, tables.h). */
#ifndef DOCTAG_LAYOUTTEST_H
#define DOCTAG_LAYOUTTEST_H

#include <stddef.h>

#include "layout.h"
#include "tables.h"

/* The glyphs, lines and pages of a synthetic document; { 0 } is empty. */
typedef struct synth {
    layout_glyph *g;
    size_t ng, cap_g;
    layout_line *l;
    size_t nl, cap_l;
    layout_page *p;
    size_t np, cap_p;
} synth;

/* Starts a new page w by h points; the lines added next are its own. */
void new_page(synth *s, float w, float h);

/* A line of `text` on the current page: glyphs half a size wide, boxes
 * `box` points tall standing on the baseline `base`. Returns its index. */
size_t add_line(synth *s, float x, float base, float size, float box, const char *text);

void synth_free(synth *s);

/* The text of line i (static buffer). */
const char *line_text(const synth *s, size_t i);

/* The reading order of page `page` into order (*n lines); asserts success. */
void order_of(synth *s, size_t page, size_t *order, long *n);

#endif
