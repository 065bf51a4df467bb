/*
 * extract.h: PDF -> text with positions (poppler-glib). Internal module.
 *
 * The extracted text is UTF-8 in reading order: columns read one after the
 * other, running headers, footers and page numbers dropped, line-break
 * hyphens re-joined, ligatures expanded, superscript footnote marks kept
 * apart from the word before them. Paragraphs are separated by "\n\n",
 * lines inside a paragraph by "\n".
 *
 * Positions are kept compactly: one box per piece of a word (each run of
 * its letters and digits, and each of its other characters: "(A/HRC/
 * 47/23)," is ten pieces), the union of its glyphs' boxes (page and PDF
 * points, top-left origin); bytes the extractor adds itself (spaces,
 * newlines) are in no piece. A range that cuts a piece gets the piece's
 * box cut in proportion to its characters. Where a piece starts is not
 * stored: the line's text tells (the extractor writes one space between
 * words and nothing else between pieces). The boxes are a byte stream,
 * each one written against the one before it on its line (about 8 bytes a
 * piece instead of 20; the floats themselves are kept, bit for bit).
 */
#ifndef DOCTAG_EXTRACT_H
#define DOCTAG_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include "doctag.h"

typedef struct extract_pos {
    int page;              /* 1-based; 0 for a byte added by the extractor */
    float x0, y0, x1, y1;  /* box in PDF points */
} extract_pos;

/* The box of one piece of a word. */
typedef struct extract_word {
    float x0, y0, x1, y1;
} extract_word;

/* The boxes of a line's pieces, written one after the other: *buf (of
 * capacity *cap) grows by the box w written after prev (NULL for the
 * line's first piece). Returns 0, or -1 when out of memory. */
int extract_put_box(unsigned char **buf, size_t *len, size_t *cap, const extract_word *prev,
                    const extract_word *w);

/* One line of the page as it went into the text: text[start, end) came
 * from it (a line-break hyphen that was dropped is outside), box is the
 * union of its glyph boxes; the boxes of its n_words pieces, in text
 * order, start at boxes[box_at] (extract_put_box). */
typedef struct extract_line {
    uint32_t start, end;   /* byte offsets into text (which stays under 4 GiB) */
    int page;              /* 1-based */
    float x0, y0, x1, y1;  /* PDF points, top-left origin */
    uint32_t box_at, n_words;
} extract_line;

typedef struct extract_result {
    char *text;            /* NUL-terminated UTF-8, malloc'd */
    size_t len;            /* bytes, without the NUL */
    unsigned char *boxes;  /* the pieces' boxes, line by line, malloc'd */
    size_t boxes_len;
    int n_pages;           /* pages in the PDF */
    unsigned char *page_has_text; /* n_pages entries (1-based page p at [p-1]);
                                     pages outside [first_page, last_page]
                                     were not read and are 0 */
    int first_page, last_page; /* the pages extracted (1-based, inclusive) */
    extract_line *lines;   /* n_lines entries in text order, malloc'd */
    size_t n_lines;
} extract_result;

/* One page of the text as extract_pdf_stream() hands it out: its share of
 * the document's text (the breaks before its first line, its lines and the
 * breaks between them; the breaks after its last line go with the next
 * page that has a line, and those after the document's last line are
 * dropped), so that the pages' texts one after the other are the text
 * extract_pdf() gives. Everything is borrowed for the sink's call. */
typedef struct extract_page {
    int page;                  /* 1-based */
    int page_count;            /* pages in the PDF */
    int has_text;              /* the page has a text layer (page_has_text) */
    const char *text;          /* not NUL-terminated */
    size_t len;
    size_t offset;             /* where text starts in the document's text */
    const extract_line *lines; /* its lines in text order: offsets in the
                                  document's text, box_at into boxes */
    size_t n_lines;
    const unsigned char *boxes;   /* the page's pieces' boxes */
    size_t boxes_len;
} extract_page;

/* Called once per page, in page order. A negative return (a doctag_error,
 * the message set) stops the extraction, which returns it. */
typedef int (*extract_sink)(void *ctx, const extract_page *page);

/* The pages a stream keeps at most before handing out the oldest: every
 * document of the corpora (124 pages at most) fits, so for them the
 * furniture and line-break decisions are those made over the whole
 * document. The window costs about 28 KB a page on the corpus (code
 * points, lines, rendered text and boxes, with their arrays' slack: the
 * whole-document figure before there was a window), 3.5 MB in all. A page
 * is decided among 128 pages, at least 32 of them after it. */
#define EXTRACT_WINDOW_PAGES 128

/* extract_pdf() a window of pages at a time: the pages are read in order
 * into a window of `window` pages (0: EXTRACT_WINDOW_PAGES; at least 2);
 * when it is full, the running lines and line breaks of its pages are
 * decided from its pages (and the words of every page read before), and
 * its older three quarters go to sink, their memory reused. A document of at
 * most `window` pages is decided as a whole: its text is extract_pdf()'s.
 * Sets info's n_pages, first_page, last_page and page_has_text (free with
 * extract_result_free; set on failure too, where known). Returns 0 or a
 * negative doctag_error as extract_pdf(). */
int extract_pdf_stream(const void *data, size_t size, const char *name,
                       const doctag_pdf_options *opts, size_t window, extract_sink sink,
                       void *ctx, extract_result *info);

/* Extracts the text of a PDF held in memory. `name` (a file name, or
 * "<buffer>") is used in error messages. On failure returns a negative
 * doctag_error, sets the thread's error message and leaves *out empty. */
int extract_pdf(extract_result *out, const void *data, size_t size,
                const char *name, const doctag_pdf_options *opts);

void extract_result_free(extract_result *r);

/* The box of text[from, to) on line `line` (from and to inside the line):
 * the union of its pieces' boxes, a piece cut at either end in proportion
 * to its characters. Sets *box (page 0 when no glyph is in the range). */
void extract_range_box(const extract_result *r, size_t line, size_t from, size_t to,
                       extract_pos *box);

/* The pieces of t[0, n), one line's text as the extractor wrote it. */
uint32_t extract_count_pieces(const char *t, size_t n);

/* The box of byte i: its piece's, or page 0 for a byte added by the
 * extractor (for tests and checks: a binary search). */
extract_pos extract_byte_box(const extract_result *r, size_t i);

#endif
