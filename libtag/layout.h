/*
 * layout.h: page geometry for the PDF extractor. Internal to extract.c.
 *
 * extract.c turns poppler's glyphs into layout_lines (one row of glyphs on
 * one page); layout.c decides which lines are running headers, footers and
 * page numbers, and in which order the remaining lines are read. Nothing
 * here depends on poppler, so the rules can be tested on synthetic lines.
 */
#ifndef DOCTAG_LAYOUT_H
#define DOCTAG_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct layout_glyph {
    uint32_t cp;              /* Unicode code point as poppler reports it */
    float x0, y0, x1, y1;     /* box in PDF points, top-left origin */
    float size;               /* font size in points */
} layout_glyph;

typedef struct layout_line {
    int page;                 /* 1-based */
    float x0, y0, x1, y1;     /* union of the glyph boxes (spaces excluded) */
    float size;               /* median font size of the line's glyphs */
    size_t first, count;      /* glyphs[first .. first + count) */
    int dropped;              /* 1: running header, footer or page number */
} layout_line;

typedef struct layout_page {
    int number;               /* 1-based */
    float width, height;      /* points */
    size_t first_line, n_lines; /* lines[first_line .. first_line + n_lines) */
} layout_page;

/* Sets `dropped` on running headers and footers (lines in the top or bottom
 * band of the page whose text, digits masked, recurs at about the same
 * height on several pages) and on page numbers ("12", "Page 12", "12 of 40",
 * "- 12 -", ...) that are the outermost line of their band. */
void layout_drop_running(layout_line *lines, const layout_page *pages, size_t n_pages,
                         const layout_glyph *glyphs);

/* Writes to order[] the indexes (into lines[]) of the page's kept lines in
 * reading order: columns read one after the other, lines that span the
 * columns (titles, full-width footnotes) where they stand vertically.
 * order[] has room for page->n_lines entries. Returns the number written,
 * or -1 when out of memory. */
long layout_reading_order(const layout_line *lines, const layout_page *page, size_t *order);

#endif
