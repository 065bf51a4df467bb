/*
 * layout.h: page geometry and line breaks for the PDF extractor. Internal.
 *
 * glyph_lines.c turns poppler's glyphs into layout_lines (one row of glyphs on
 * one page); furniture.c decides which lines are running headers, footers
 * and page numbers, layout.c in which order the remaining lines are read.
 * Nothing here depends on poppler, so the rules can be tested on synthetic lines.
 */
#ifndef DOCTAG_LAYOUT_H
#define DOCTAG_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* A glyph as the steps over the whole document see it: its code point
 * only, in 16 bits (boxes stay with the page being read in extract.c, so
 * the memory kept per page is small: these are 2 bytes a glyph of every
 * page until the line breaks are decided). */
typedef struct layout_glyph {
    uint16_t cp;              /* code point as poppler reports it; one past
                                 U+FFFF is LAYOUT_ASTRAL */
} layout_glyph;

/* What a code point past U+FFFF (rare in reports: emoji, mathematical
 * letters) is kept as: the replacement character, neither letter, digit,
 * space nor hyphen, to furniture keys and hyphen evidence. */
#define LAYOUT_ASTRAL 0xFFFDu

typedef struct layout_line {
    int page;                 /* 1-based */
    float x0, y0, x1, y1;     /* union of the glyph boxes (spaces excluded) */
    float size;               /* median font size of the line's glyphs */
    float base;               /* median glyph box bottom: the baseline's stand-in */
    size_t first, count;      /* glyphs[first .. first + count) */
    int dropped;              /* 1: running header, footer or page number */
    int head;                 /* 1: a table's head row, repeated on other pages:
                                 read as one row over the table (furniture.c) */
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
/* Also drops rule lines drawn with characters ("______"), and inside the
 * running lines, rows that recur word for word (a table head repeated on
 * each page, a running section title). O(n log n) in the lines. Returns 0,
 * or -1 when out of memory (lines then partly marked). */
int layout_drop_running(layout_line *lines, const layout_page *pages, size_t n_pages,
                        const layout_glyph *glyphs);

/* Writes to order[] the indexes (into lines[]) of the page's kept lines in
 * reading order: columns read one after the other, lines that span the
 * columns (titles, full-width footnotes) where they stand vertically,
 * tables row by row (the glyphs tell a cell ending in a dot leader).
 * order[] has room for page->n_lines entries. Returns the number written,
 * or -1 when out of memory. */
long layout_reading_order(const layout_line *lines, const layout_glyph *glyphs,
                          const layout_page *page, size_t *order);

/* ---- Side headings (layout.c reads them first, linebreak.c sets them
 * apart) --------------------------------------------------------------- */

/* A side heading is in type larger than this many times its body's. */
#define SIDE_HEAD_SIZE 0.88f
/* The body line beside it is this many ems of its own type wide, at least. */
#define SIDE_BODY_EMS 10.0f

/* Whether line `head` is a heading in the left margin and `body` the first
 * line of its paragraph beside it ("Results in Brief" | "Agencies can use
 * ..."): head in larger type, an em of it or more of white between them,
 * their tops level (the heading's baseline is lower, as its type is
 * larger), body a line of text longer than the heading. */
static inline int layout_side_heading(const layout_line *head, const layout_line *body)
{
    float tol = 0.3f * (body->y1 - body->y0), w = body->x1 - body->x0;
    float dy = head->y0 > body->y0 ? head->y0 - body->y0 : body->y0 - head->y0;
    return body->size < SIDE_HEAD_SIZE * head->size && body->x0 - head->x1 >= head->size
           && dy <= (tol > 1 ? tol : 1) && w > head->x1 - head->x0
           && w >= SIDE_BODY_EMS * body->size;
}

/* ---- Characters (shared by extract.c and linebreak.c) ------------------- */

static inline int glyph_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B)
           || c == 0x202F || c == 0x3000;
}

/* '-', U+2010 HYPHEN, U+00AD SOFT HYPHEN */
static inline int glyph_is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0xAD;
}

static inline int glyph_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* The letters a ligature stands for, or NULL. */
static inline const char *glyph_ligature(uint32_t c)
{
    switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";
    case 0xFB06: return "st";
    default: return NULL;
    }
}

/* ---- Line breaks (linebreak.c) ------------------------------------------ */

enum {
    BREAK_PARAGRAPH,    /* "\n\n" */
    BREAK_NEWLINE,      /* "\n" */
    BREAK_SPACE,        /* " ": two pieces of one row */
    BREAK_JOIN,         /* nothing: a URL cut, a kept hyphen */
    BREAK_DEHYPHENATE   /* nothing, and the line's final hyphen dropped */
};

/* For the lines lines[seq[0..n)] in reading order, sets breaks[k] to what
 * goes between line k and line k + 1 (breaks[n - 1] = BREAK_JOIN). Words
 * seen anywhere in these lines are the evidence for hyphens. Returns 0, or
 * -1 when out of memory. */
int linebreak_decide(const layout_glyph *glyphs, const layout_line *lines, const size_t *seq,
                     size_t n, int *breaks);

/* The evidence for hyphens gathered from the lines of a document read so
 * far (through a window of pages): their words and compounds (hash
 * tables, growing with the vocabulary, not the pages) and the hyphen
 * characters seen. new returns NULL when out of memory. */
typedef struct linebreak_evidence linebreak_evidence;
linebreak_evidence *linebreak_evidence_new(void);
void linebreak_evidence_free(linebreak_evidence *e);

/* Adds the words of lines[seq[0..n)] (in reading order; after_hyphen: the
 * line read before seq[0] ended in a hyphen, so seq[0] starts with the
 * rest of a word). Returns 0, or -1 when out of memory. */
int linebreak_evidence_add(linebreak_evidence *e, const layout_glyph *glyphs,
                           const layout_line *lines, const size_t *seq, size_t n,
                           int after_hyphen);

/* linebreak_decide() with the evidence gathered in e (which must hold the
 * words of lines[seq[0..n)] themselves: linebreak_evidence_add). Returns
 * 0. */
int linebreak_decide_with(const layout_glyph *glyphs, const layout_line *lines,
                          const size_t *seq, size_t n, int *breaks,
                          const linebreak_evidence *e);

#endif
