/* text.c: doctag text, the text of each input as the tagger sees it
 * (entity offsets index it), a PDF's pages ended by form feeds. */
#include <getopt.h>
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
    "the place of the line break between two pages, so offsets do not move, and\n"
    "one is added after the last page (past the text entities index).\n"
    "\n"
    "Options:\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (default 256 MiB)\n"
    "      --pdf-readers N  processes reading a PDF's pages at once: 1, N or auto\n"
    "                       (default: auto, one per CPU up to 8; same output)\n"
    "  -h, --help           this help\n"
    "\n";

/* A PDF's text with a form feed ending each page, as pdftotext writes it,
 * without moving any offset: the feed takes the place of the break between
 * two pages ("\n\n" becomes "\n\f", "\n" or " " becomes "\f"; a word
 * re-joined across the pages gets none), and "\n\f" follows the last page. */
static void write_pdf_text(FILE *f, const doctag_doc *doc, const doctag_pdf_options *opts)
{
    size_t len = 0, done = 0;
    const char *text = doctag_doc_text(doc, &len);
    int count = doctag_doc_page_count(doc);
    int first = opts->first_page > 0 ? opts->first_page : 1;
    int last = opts->last_page > 0 && opts->last_page < count ? opts->last_page : count;

    for (int page = first + 1; text && page <= last; page++) {
        size_t at;   /* the feed replaces text[at - 1], the break's last byte */
        if (doctag_doc_page_start(doc, page, &at) != DOCTAG_OK || at <= done || at > len ||
            (text[at - 1] != '\n' && text[at - 1] != ' '))
            continue;
        fwrite(text + done, 1, at - 1 - done, f);
        putc('\f', f);
        done = at;
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
