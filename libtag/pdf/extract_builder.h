/*
 * extract_builder.h: the state of one PDF's extraction while its pages
 * are read (extract.c), and the step that turns a page's glyphs into lines
 * (glyph_lines.c). Internal to pdf/.
 */
#ifndef DOCTAG_EXTRACT_BUILDER_H
#define DOCTAG_EXTRACT_BUILDER_H

#include <stddef.h>
#include <stdint.h>

#include "extract.h"
#include "layout.h"

/* A glyph of the page being read: its code point, box and size. Only the
 * code points stay for the whole document (layout_glyph, 16 bits, for the
 * steps that look at every page: furniture, line breaks). */
typedef struct pglyph {
    uint32_t cp;
    float x0, y0, x1, y1;     /* box in PDF points, top-left origin */
    float size;               /* font size in points */
} pglyph;

/* A line as written when its page was read (render_line): bytes
 * text[start, start + len) of the builder's text, cut at `cut` when its
 * final hyphen is dropped; its n_words pieces' boxes from boxes[box_at].
 * The text and the boxes stay under 4 GiB (render_line, put_piece). */
typedef struct line_render {
    size_t start;
    uint32_t len, cut, box_at, n_words;
} line_render;

/* Where a page of the window starts in the builder's code points, text
 * and boxes. */
typedef struct window_page {
    size_t cps_at, text_at, box_at;
} window_page;

typedef struct builder {
    pglyph *glyphs;           /* the page being read's */
    size_t n_glyphs, cap_glyphs;
    layout_glyph *cps;        /* every page's code points; lines index them */
    size_t n_cps, cap_cps;
    line_render *renders;     /* one per line */
    size_t cap_renders;
    layout_line *lines;
    size_t n_lines, cap_lines;
    layout_page *pages;
    size_t n_pages;
    float *scratch;         /* sizes of one line, for its median */
    size_t cap_scratch;
    unsigned char *page_has_text;  /* indexed by page - 1 */
    int any_text;
    /* output */
    char *text;
    size_t len, cap;
    unsigned char *boxes;     /* the pieces' boxes (extract_put_box) */
    size_t boxes_len, cap_boxes;
    extract_word prev_box;    /* the line's last piece's, when n_line_words > 0 */
    uint32_t n_line_words;
    const pglyph **wg;  /* the glyphs of the word being written */
    size_t n_wg, cap_wg;
    extract_line *out_lines;  /* the lines of the page being handed out */
    size_t n_out_lines, cap_out_lines;
    /* the window (window.c): pages[0, n_pages) are its pages */
    window_page *win;         /* one per page of the window */
    size_t window;            /* its size in pages */
    int last_page;            /* the last page to read */
    int page_count;           /* pages in the PDF */
    int pages_left;           /* pages still to read after the window's last */
    extract_sink sink;
    void *sink_ctx;
    int sink_rc;              /* the sink's negative return, once it stopped */
    linebreak_evidence *evidence;   /* the words of the pages read */
    size_t pages_learnt;      /* the window's first pages in the evidence */
    size_t n_done;            /* the window's first pages, handed out already
                                 (context for the pages after them) */
    int after_hyphen;         /* the last line handed out ended in a hyphen */
    size_t *seq;              /* the window's kept lines in reading order */
    int *seps;                /* what follows each of them (linebreak.h) */
    size_t cap_seq, cap_seps;
    size_t *page_seq;         /* per window page: its lines' start in seq */
    size_t cap_page_seq;
    char *page_text;          /* the page being handed out's text */
    size_t page_len, cap_page_text;
    char *pending;            /* the breaks after the last line handed out */
    size_t n_pending, cap_pending;
    size_t out_len;           /* bytes of text handed out */
} builder;

/* ---- window.c: the window of pages ------------------------------------------ */

/* Called once page pages[n_pages - 1] is read and rendered: when the
 * window is full and pages are left to read, decides the furniture and
 * line breaks of the window's pages and hands its older three quarters to
 * the sink, making room. Returns 0, or -1 (out of memory, or the sink stopped:
 * b->sink_rc). */
int window_page_done(builder *b);

/* Decides and hands out every page left in the window (at the end).
 * Returns 0 or -1 as window_page_done. */
int window_flush(builder *b);

void window_free(builder *b);

/* ---- glyph_lines.c: a page's glyphs into lines ---------------------------- */

/* Adds a glyph (its box clamped to finite coordinates); the caller made
 * room in b->glyphs. */
void glyph_lines_push(builder *b, uint32_t c, const float *box);

/* Ends one of poppler's lines, b->glyphs[first, n_glyphs): drops it when
 * it is text drawn at an angle, else adds it to b->lines as one line or as
 * pieces split at wide gaps. Returns 0, or -1 when out of memory. */
int glyph_lines_end(builder *b, int page, size_t first);

#endif
