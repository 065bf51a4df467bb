/*
 * extract.h: PDF -> text with positions (poppler-glib). Internal module.
 *
 * The extracted text is UTF-8 in reading order: columns read one after the
 * other, running headers, footers and page numbers dropped, line-break
 * hyphens re-joined, ligatures expanded, superscript footnote marks kept
 * apart from the word before them. Paragraphs are separated by "\n\n",
 * lines inside a paragraph by "\n".
 *
 * Every byte of the text carries the position of the glyph it came from
 * (page and box in PDF points, top-left origin); bytes the extractor adds
 * itself (spaces, newlines) have page 0.
 */
#ifndef DOCTAG_EXTRACT_H
#define DOCTAG_EXTRACT_H

#include <stddef.h>
#include "doctag.h"

typedef struct extract_pos {
    int page;              /* 1-based; 0 for a byte added by the extractor */
    float x0, y0, x1, y1;  /* glyph box in PDF points */
} extract_pos;

/* One line of the page as it went into the text: text[start, end) came
 * from it (a line-break hyphen that was dropped is outside), box is the
 * union of its glyph boxes. An entity's box on each line it spans is the
 * union of pos[] over the part of the entity inside [start, end). */
typedef struct extract_line {
    size_t start, end;     /* byte offsets into text */
    int page;              /* 1-based */
    float x0, y0, x1, y1;  /* PDF points, top-left origin */
} extract_line;

typedef struct extract_result {
    char *text;            /* NUL-terminated UTF-8, malloc'd */
    size_t len;            /* bytes, without the NUL */
    extract_pos *pos;      /* len entries, malloc'd */
    int n_pages;           /* pages in the PDF */
    unsigned char *page_has_text; /* n_pages entries (1-based page p at [p-1]);
                                     pages outside [first_page, last_page]
                                     were not read and are 0 */
    int first_page, last_page; /* the pages extracted (1-based, inclusive) */
    extract_line *lines;   /* n_lines entries in text order, malloc'd */
    size_t n_lines;
} extract_result;

/* Extracts the text of a PDF held in memory. `name` (a file name, or
 * "<buffer>") is used in error messages. On failure returns a negative
 * doctag_error, sets the thread's error message and leaves *out empty. */
int extract_pdf(extract_result *out, const void *data, size_t size,
                const char *name, const doctag_pdf_options *opts);

void extract_result_free(extract_result *r);

#endif
