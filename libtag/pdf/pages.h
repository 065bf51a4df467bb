/*
 * pages.h: poppler's characters of each page, read under a time budget.
 * Internal to extract.c.
 *
 * poppler-glib 22.x offers no way to stop a page's text extraction part
 * way (poppler_page_get_text() takes no GCancellable and no abort
 * callback; the core's abortCheckCbk is not reachable through glib), and a
 * page can be built to run for hours (forms drawing forms drawing forms).
 * So with a budget, the pages are read in another process that sends each
 * page's text and character boxes through a pipe; the caller gives each
 * page the budget of the reader's CPU time (counted from when the reader
 * had sent its previous page, which the page's head tells) and kills the
 * reader when it runs over. A crash
 * inside poppler then also ends in an error instead of taking the caller
 * down. That process is a fork of the caller when the caller runs one
 * thread; in a process with threads (doctag batch -j, Python pools), where
 * a fork would copy locks other threads hold, it is the helper program
 * doctag-pdf-reader (pdf_reader.c), started with posix_spawn and given the
 * PDF in a memfd. Where the helper is missing (a Python wheel ships none),
 * a threaded caller reads in process, without the budget. Without a budget
 * (0) the pages are read in the calling process.
 *
 * Several readers (pages_job.readers): reader k of R reads the pages
 * first+k, first+k+R, ... (interleaved, so that they go at the same pace)
 * through its own pipe, and the caller takes page p from reader
 * (p - first) % R, so the sink still gets the pages in order and the text
 * is the one a single reader gives. Each is a fork (a single-threaded
 * caller) or a helper program (a threaded one: all R helpers map the same
 * memfd and are told their k in argv[1]). Read in process (no budget, or a
 * threaded caller without the helper), there is one reader. Any error
 * (a page over its budget, a reader that died: the page it owed is named)
 * kills and reaps every reader. Each extra reader costs about one page's
 * CPU time (a fork, and poppler's fonts and colour transforms built again:
 * 33-43 M instructions on the real-pdf corpus) and a process's memory.
 *
 * The helper is found at DOCTAG_PDF_READER_PATH (compiled in: the
 * installed libexecdir), or at $DOCTAG_PDF_READER when that is set (the
 * build tree's tests and `meson devenv`; empty: no helper).
 */
#ifndef DOCTAG_PAGES_H
#define DOCTAG_PAGES_H

#include <poppler.h>
#include <stddef.h>
#include <stdint.h>

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

/* What to read: pages first..last (1-based) of doc, which was opened from
 * data[0, size) with password (may be NULL; the helper opens it again). */
typedef struct pages_job {
    PopplerDocument *doc;
    const void *data;
    size_t size;
    const char *password;
    int first, last;
    long budget_ms;        /* per page; 0: no budget, read in process */
    const char *name;      /* for messages */
    int readers;           /* doctag_pdf_options.readers: 0 or 1 one, N > 1 up
                              to N, negative: the CPUs (pages_reader_count) */
} pages_job;

/* The readers pages_read() starts for `asked` (as pages_job.readers) and
 * `pages` pages: for a negative `asked`, the CPUs this process may run on
 * (at most PAGES_AUTO_READERS); never more than PAGES_MAX_READERS, nor than
 * one per PAGES_PER_READER pages (an extra reader costs about one or two
 * pages' CPU time: a fork, and poppler's fonts and colour transforms built
 * again; 8 pages a reader keep that under about a fifth); at least 1. */
#define PAGES_AUTO_READERS 8
#define PAGES_MAX_READERS 64
#define PAGES_PER_READER 8
int pages_reader_count(int asked, int pages);

/* Reads the job's pages, giving each to sink. With a budget, each page must
 * be read within budget_ms milliseconds of CPU time (more under valgrind),
 * else DOCTAG_ERR_PDF_LIMIT with the page number in the message. Returns
 * 0, the sink's negative return, or a negative doctag error (message set). */
int pages_read(const pages_job *job, page_sink sink, void *ctx);

/* ---- The reader's side (the fork child, the helper program) -------------- */

/* What the helper reads on its standard input (a memfd): this header, the
 * password (pw_len bytes, no NUL) and the PDF; argv[1], when given, is its
 * k (0 <= k < stride): it reads pages first+k, first+k+stride, ... up to
 * last. It answers on its standard output with PAGES_MAGIC and
 * PAGES_VERSION (two uint32) and then, page by page, what pages_serve()
 * writes. Version 2 added the stride (version 1's padding) and
 * page_head.cpu_ns; a request of another version is refused (exit 2),
 * and the caller then reads the pages itself. */
#define PAGES_MAGIC 0x52505444u   /* "DTPR" */
#define PAGES_VERSION 2u
typedef struct pages_request {
    uint32_t magic, version;
    int32_t first, last;
    uint32_t pw_len, stride;
} pages_request;

/* The page protocol: for each page, this head, the page's text_len bytes
 * of text and its n_boxes * 4 floats. */
typedef struct page_head {
    int32_t number;        /* the page, or -1: the reader ran out of memory */
    int32_t present;
    float width, height;
    uint64_t text_len, n_boxes;
    int64_t cpu_ns;        /* the reader's CPU time when it had read the page:
                              the next page's budget counts from there */
} page_head;

/* Writes pages first, first+stride, ... (up to last) of doc to fd in the
 * page protocol. Returns 0, or -1 when the pipe closed. (pages_serve.c) */
int pages_serve(int fd, PopplerDocument *doc, int first, int last, int stride);

/* Loads page `number` of doc into rp (malloc'd copies; present 0 when
 * poppler cannot load it). Returns 0, or -1 when out of memory. */
int pages_load(PopplerDocument *doc, int number, raw_page *rp);
void pages_free(raw_page *rp);

/* Writes n bytes to fd. Returns 0, or -1. */
int pages_write_all(int fd, const void *buf, size_t n);

#endif
