/* text.c: doctag text, the text of each input as the tagger sees it
 * (entity offsets index it), a PDF's pages ended by form feeds. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "doctag.h"
#include "document.h"
#include "input.h"

enum { OPT_PASSWORD = 256, OPT_MAX_BYTES, OPT_PDF_READERS };

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
    "\n"
    "Options:\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (default 256 MiB)\n"
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
 * word stays whole on the earlier page. Never a byte before `done`. */
static int feeds_at(const char *text, size_t done, size_t at, size_t next, int k, size_t *feed)
{
    size_t from = at, to = at;
    if (is_break(text[at - 1])) {
        while (from > done && at - from < (size_t)k && is_break(text[from - 1]))
            from--;
    } else {
        while (from < next && !is_break(text[from]))
            from++;
        to = from;
        while (to < next && to < from + (size_t)k && is_break(text[to]))
            to++;
    }
    *feed = from;
    return (int)(to - from);
}

/* A PDF's text with a form feed ending each page, as pdftotext writes it,
 * without moving any offset: the feeds take the place of break bytes
 * (feeds_at()), and "\n\f" follows the last page. */
static void write_pdf_text(FILE *f, const doctag_doc *doc, const doctag_pdf_options *opts)
{
    size_t len = 0, done = 0;
    const char *text = doctag_doc_text(doc, &len);
    int count = doctag_doc_page_count(doc);
    int first = opts->first_page > 0 ? opts->first_page : 1;
    int last = opts->last_page > 0 && opts->last_page < count ? opts->last_page : count;

    for (int page = first + 1, k; text && page <= last; page += k) {
        size_t at, next = len, feed;
        k = 1;
        if (doctag_doc_page_start(doc, page, &at) != DOCTAG_OK || at <= done || at > len)
            continue;
        /* the pages starting where this one does, and where the next starts */
        for (size_t later; page + k <= last; k++) {
            if (doctag_doc_page_start(doc, page + k, &later) != DOCTAG_OK || later < at)
                break;
            if (later > at) {
                next = later;
                break;
            }
        }
        int n = feeds_at(text, done, at, next, k, &feed);
        if (n == 0)
            continue;
        fwrite(text + done, 1, feed - done, f);
        for (int i = 0; i < n; i++)
            putc('\f', f);
        done = feed + (size_t)n;
    }
    if (text)
        fwrite(text + done, 1, len - done, f);
    fputs("\n\f", f);
}

int command_text(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        { "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
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
        case OPT_MAX_BYTES:
            if (parse_positive_size(optarg, &limits.max_input_bytes) != 0)
                return usage_error("text", "bad --max-bytes '%s' (a positive number)", optarg);
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
            return usage_hint("text");
        }
    }
    if (optind >= argc)
        return usage_error("text", "no input files");
    pdf.limits = &limits;

    for (int i = optind; i < argc; i++) {
        doctag_doc *doc = NULL;
        int is_pdf = 0;
        if (document_open(argv[i], &pdf, limits.max_input_bytes, &doc, &is_pdf) != 0) {
            status = EXIT_INPUT_FAILED;
            continue;
        }
        if (is_pdf)
            write_pdf_text(stdout, doc, &pdf);
        else {
            size_t len = 0;
            const char *text = doctag_doc_text(doc, &len);
            if (text)
                fwrite(text, 1, len, stdout);
        }
        doctag_doc_free(doc);
    }
    return status;
}
