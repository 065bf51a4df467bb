/* text.c: doctag text, the text of each input as the tagger sees it
 * (entity offsets index it), a PDF's pages ended by form feeds. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doctag.h"
#include "document.h"
#include "input.h"
#include "vec.h"

enum { OPT_PASSWORD = 256, OPT_PDF_READERS };

static const char usage_text[] =
    "Usage: doctag text [options] FILE...\n"
    "Prints the text of each FILE as the tagger sees it: the text extracted from a\n"
    "PDF (reading order, running headers and page numbers dropped, hyphens\n"
    "re-joined), or a text file as read. Entity offsets index this text.\n"
    "As pdftotext does, each page of a PDF ends with a form feed (\\f): it takes\n"
    "the place of the line break between two pages, so offsets do not move (a\n"
    "word re-joined across two pages stays whole on the first: the feed takes\n"
    "the place of the break after it; a page without text takes one more byte\n"
    "of the break, where it has one), and one is added after the last page\n"
    "(past the text entities index).\n"
    "A PDF is read a window of 128 pages at a time and its text written as it\n"
    "comes; when it fails part way, the text written before stays.\n"
    "\n"
    "Options:\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (K, M, G suffixes;\n"
    "                       default 256M)\n"
    "      --pdf-readers N  processes reading a PDF's pages at once: 1, N or auto\n"
    "                       (default: auto, one per CPU up to 8; same output)\n"
    "  -h, --help           this help\n"
    "\n";

static int is_break(char c)
{
    return c == '\n' || c == ' ';
}

/* Where the feeds before the k pages starting at `at` go (k > 1: pages
 * left without text, such as scanned ones): *feed gets the index of the
 * first byte they replace and the return value how many of them fit
 * (at most k; 0: none). The feeds take the place of the break between the
 * pages, its last bytes ("\n\n" becomes "\n\f", or "\f\f" before an
 * empty page); when a word was re-joined across the pages, of the first
 * break after it, before `next` (the following page's start), so that the
 * word stays whole on the earlier page. Never a byte before `done`. The
 * text from `done` on is at buf (buf[0] is text[done]). */
static int feeds_at(const char *buf, size_t done, size_t at, size_t next, int k, size_t *feed)
{
    size_t from = at, to = at;
    if (is_break(buf[at - 1 - done])) {
        while (from > done && at - from < (size_t)k && is_break(buf[from - 1 - done]))
            from--;
    } else {
        while (from < next && !is_break(buf[from - done]))
            from++;
        to = from;
        while (to < next && to < from + (size_t)k && is_break(buf[to - done]))
            to++;
    }
    *feed = from;
    return (int)(to - from);
}

/* A PDF's text written with a form feed ending each page, as pdftotext
 * writes it, without moving any offset: the feeds take the place of break
 * bytes (feeds_at()), and "\n\f" follows the last page. The pages come
 * from the stream (doctag_stream_pdf_*); only the text not yet written is
 * kept, from `done` on: a page's feeds are placed once the start of the
 * next page with text is known. */
#define START_UNKNOWN SIZE_MAX
typedef struct feed_writer {
    FILE *f;
    const char *path;
    int first, last;           /* the pages handed out so far */
    size_t *starts;            /* page - first: where it starts in the text
                                  (doctag_doc_page_start), or START_UNKNOWN */
    size_t cap_starts;
    char *buf;                 /* the text from done on */
    size_t buf_len, buf_cap;
    size_t done, len;          /* text written; text handed out */
    int page;                  /* the next page whose feeds are to place */
    int final, blank;          /* the last page is in; pages without text */
} feed_writer;

/* The start of page p, or START_UNKNOWN while the stream goes on. */
static size_t start_of(const feed_writer *w, int p)
{
    return w->starts[p - w->first];
}

/* Where the k pages from w->page start (*at) and the next start (*next):
 * 0, or -1 while one is unknown. */
static int page_starts(const feed_writer *w, size_t *at, size_t *next, int *k)
{
    *next = w->len;
    *k = 1;
    if ((*at = start_of(w, w->page)) == START_UNKNOWN)
        return -1;
    for (size_t later; ; ++*k) {
        if (w->page + *k > w->last)
            return w->final ? 0 : -1;
        if ((later = start_of(w, w->page + *k)) == START_UNKNOWN)
            return -1;
        if (later < *at)
            return 0;
        if (later > *at) {
            *next = later;
            return 0;
        }
    }
}

/* Writes the text up to the feeds of each page whose place is known. */
static void place_feeds(feed_writer *w)
{
    size_t at, next, feed;
    for (int k; w->page <= w->last; w->page += k) {
        if (page_starts(w, &at, &next, &k) < 0)
            break;
        if (at <= w->done || at > w->len)
            continue;
        int n = feeds_at(w->buf, w->done, at, next, k, &feed);
        if (n == 0)
            continue;
        fwrite(w->buf, 1, feed - w->done, w->f);
        for (int i = 0; i < n; i++)
            putc('\f', w->f);
        size_t used = feed + (size_t)n - w->done;
        memmove(w->buf, w->buf + used, w->buf_len - used);
        w->buf_len -= used;
        w->done += used;
    }
}

/* Keeps `page`'s text and start; the pages before it without a line
 * start where it does. */
static int take_page_text(void *ctx, const doctag_page_text *pg)
{
    feed_writer *w = ctx;
    if (!w->starts)
        w->first = w->page = pg->page;
    w->last = pg->page;
    w->blank += !pg->has_text;
    size_t need = (size_t)(pg->page - w->first) + 1;
    if (!vec_reserve((void **)&w->starts, &w->cap_starts, need, sizeof *w->starts))
        return DOCTAG_ERR_NOMEM;
    w->starts[need - 1] = START_UNKNOWN;
    for (size_t i = need; pg->n_lines && i-- > 0 && w->starts[i] == START_UNKNOWN;)
        w->starts[i] = pg->start;
    if (!vec_reserve((void **)&w->buf, &w->buf_cap, w->buf_len + pg->len, 1))
        return DOCTAG_ERR_NOMEM;
    memcpy(w->buf + w->buf_len, pg->text, pg->len);
    w->buf_len += pg->len;
    w->len += pg->len;
    place_feeds(w);
    return 0;
}

/* The end of the text: the pages left without a start start at its end. */
static void finish_text(feed_writer *w)
{
    for (int p = w->first; w->starts && p <= w->last; p++)
        if (w->starts[p - w->first] == START_UNKNOWN)
            w->starts[p - w->first] = w->len;
    w->final = 1;
    place_feeds(w);
    fwrite(w->buf, 1, w->buf_len, w->f);
    fputs("\n\f", w->f);
}

/* Streams one PDF input to stdout. Returns 0, or -1 when reported. */
static int write_pdf_text(const char *path, const char *data, size_t size,
                          const doctag_pdf_options *opts)
{
    feed_writer w = { .f = stdout, .path = path };
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = opts;
    o.on_page = take_page_text;
    o.ctx = &w;
    int rc = document_stream_pdf(path, data, size, &o);
    if (rc == DOCTAG_OK) {
        finish_text(&w);
        document_warn_blank_pages(path, w.blank, w.last - w.first + 1);
    } else {
        report_doctag_error(document_display_name(path), rc);
    }
    free(w.starts);
    free(w.buf);
    return rc == DOCTAG_OK ? 0 : -1;
}

/* A text input as read, once it is found to be valid UTF-8. Returns 0,
 * or -1 when reported. */
static int write_plain_text(const char *path, const char *data, size_t size)
{
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_text(&doc, data, size);
    if (rc != DOCTAG_OK) {
        report_doctag_error(document_display_name(path), rc);
        return -1;
    }
    if (size)
        fwrite(data, 1, size, stdout);
    doctag_doc_free(doc);
    return 0;
}

int command_text(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        LIMIT_OPTION_MAX_BYTES,
        { "pdf-readers", required_argument, NULL, OPT_PDF_READERS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
    pdf.readers = DOCTAG_PDF_READERS_AUTO;   /* one file at a time, one thread */
    doctag_limits limits;
    int c, status = EXIT_ALL_OK;

    doctag_limits_init(&limits);
    optind = 0;
    while ((c = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p':
            if (input_parse_pages(optarg, &pdf) != 0)
                return usage_error("text", "bad page range '%s' (A-B, N, A- or -B)", optarg);
            break;
        case OPT_PASSWORD: pdf.password = optarg; break;
        case OPT_PDF_READERS:
            if (input_parse_readers(optarg, &pdf) != 0)
                return usage_error("text", "bad --pdf-readers '%s' (auto or N >= 1)", optarg);
            break;
        case 'h':
            fputs(usage_text, stdout);
            fputs(usage_exit_codes, stdout);
            return EXIT_ALL_OK;
        default:
            status = command_limit_option("text", c, optarg, &limits);
            if (status != EXIT_ALL_OK)
                return status;
            break;
        }
    }
    if (optind >= argc)
        return usage_error("text", "no input files");
    pdf.limits = &limits;

    for (int i = optind; i < argc; i++) {
        char *data;
        size_t size;
        int is_pdf = 0;
        if (document_read(argv[i], limits.max_input_bytes, &data, &size, &is_pdf) != 0
            || (is_pdf ? write_pdf_text(argv[i], data, size, &pdf) : write_plain_text(argv[i],
                                                                                       data, size))
                   != 0)
            status = EXIT_INPUT_FAILED;
        free(data);
    }
    return status;
}
