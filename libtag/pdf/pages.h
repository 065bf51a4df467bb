/*
 * pages.h: poppler's characters of each page, read under a time budget.
 * Internal to extract.c.
 *
 * poppler-glib 22.x offers no way to stop a page's text extraction part
 * way (poppler_page_get_text() takes no GCancellable and no abort
 * callback; the core's abortCheckCbk is not reachable through glib), and a
 * page can be built to run for hours (forms drawing forms drawing forms).
 * So with a budget, the pages are read in a forked child that sends each
 * page's text and character boxes through a pipe; the parent waits at most
 * the budget for each page and kills the child when it runs over. A crash
 * inside poppler then also ends in an error instead of taking the caller
 * down. Without a budget (0) the pages are read in the calling process.
 */
#ifndef DOCTAG_PAGES_H
#define DOCTAG_PAGES_H

#include <poppler.h>
#include <stddef.h>

/* One page as poppler gives it: text[] holds the page's characters (UTF-8,
 * '\n' ending poppler's lines) and boxes[] one box per character (x0, y0,
 * x1, y1 in points, top-left origin). */
typedef struct raw_page {
    int number;            /* 1-based */
    int present;           /* 0: poppler could not load the page */
    float width, height;   /* points */
    char *text;
    size_t text_len;
    float *boxes;          /* 4 floats per character */
    size_t n_boxes;
} raw_page;

/* Called once per page in page order; the page is borrowed for the call.
 * A negative return stops the reading and is returned by pages_read(). */
typedef int (*page_sink)(void *ctx, const raw_page *page);

/* Reads pages first..last (1-based) of doc. budget_ms > 0: each page must
 * be read within budget_ms milliseconds (more under valgrind), else
 * DOCTAG_ERR_PDF_LIMIT with the page number in the message. Returns 0, the
 * sink's negative return, or a negative doctag error (message set). */
int pages_read(PopplerDocument *doc, int first, int last, long budget_ms, const char *name,
               page_sink sink, void *ctx);

#endif
