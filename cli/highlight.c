/* highlight.c: doctag highlight, a copy of a PDF with each entity
 * highlighted (one colour per type) and a note with its type and canonical
 * form, through doctag_pdf_highlight() (poppler-glib annotations). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doctag.h"
#include "input.h"

static const char usage_highlight[] =
    "Usage: doctag highlight [options] FILE.pdf\n"
    "Tags a PDF and writes a copy of it with each entity highlighted, in one\n"
    "colour per type (money green, un_symbol blue, agency orange, instrument\n"
    "purple), with a note holding its type and canonical form (\"agency: id=ICE\")\n"
    "that PDF viewers show on the highlight.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE    the PDF to write (default: FILE.tagged.pdf beside the\n"
    "                       input); it may be the input itself\n"
    "  -m, --model FILE     a compiled model (default: the one built in)\n"
    "  -D, --dict FILE      a dictionary source added to the model (repeatable)\n"
    "  -t, --types LIST     only these types, comma-separated: money, un_symbol,\n"
    "                       agency, instrument\n"
    "  -p, --pages RANGE    only the entities of PDF pages A-B, N, A- or -B\n"
    "      --password PW    password of an encrypted PDF\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status:\n"
    "  0  the highlighted PDF was written\n"
    "  1  the PDF could not be read, tagged or written (reported on stderr)\n"
    "  2  usage error\n"
    "  3  the model could not be loaded (--model, --dict)\n";

typedef struct highlight_settings {
    const char *model_path, *out, *password;
    const char **dicts;
    size_t n_dicts;
    unsigned type_mask;
    doctag_pdf_options pdf;
} highlight_settings;

/* "report.pdf" -> "report.tagged.pdf"; anything else gets ".tagged.pdf". */
static char *default_output(const char *path)
{
    size_t len = strlen(path);
    if (len >= 4 && strcmp(path + len - 4, ".pdf") == 0)
        len -= 4;
    char *out = malloc(len + sizeof ".tagged.pdf");
    if (out) {
        memcpy(out, path, len);
        strcpy(out + len, ".tagged.pdf");
    }
    return out;
}

/* One mark per entity of the selected types; the notes and boxes are
 * malloc'd into *notes and *boxes. Returns the number of marks, or -1. */
static long make_marks(const doctag_result *res, unsigned type_mask, doctag_highlight *marks,
                       char **notes, doctag_box **boxes)
{
    size_t n = doctag_result_count(res), k = 0;
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        int type = doctag_entity_type(e);
        if (type < 0 || type >= DOCTAG_TYPE_COUNT || !(type_mask & (1u << type)))
            continue;
        const char *name = doctag_type_name(type), *canon = doctag_entity_canonical(e);
        size_t nb = doctag_entity_box_count(e);
        size_t len = strlen(name) + strlen(canon) + 3;
        notes[k] = malloc(len);
        boxes[k] = malloc((nb ? nb : 1) * sizeof **boxes);
        if (!notes[k] || !boxes[k]) {
            free(notes[k]);
            free(boxes[k]);
            return -1;
        }
        snprintf(notes[k], len, "%s: %s", name, canon);
        for (size_t b = 0; b < nb; b++)
            doctag_entity_box(e, b, &boxes[k][b]);
        marks[k] = (doctag_highlight){ type, notes[k], 0, boxes[k], nb };
        k++;
    }
    return (long)k;
}

/* Highlights the entities of `res` in a copy of `path`. Returns 0 or -1. */
static int write_highlighted(const highlight_settings *s, const char *path,
                             const doctag_result *res, const char *out)
{
    size_t n = doctag_result_count(res);
    doctag_highlight *marks = calloc(n ? n : 1, sizeof *marks);
    char **notes = calloc(n ? n : 1, sizeof *notes);
    doctag_box **boxes = calloc(n ? n : 1, sizeof *boxes);
    long k = marks && notes && boxes ? make_marks(res, s->type_mask, marks, notes, boxes) : -1;
    int rc = -1;
    if (k < 0)
        report_io_error(path, NULL, ENOMEM);
    else if ((rc = doctag_pdf_highlight(path, s->pdf.password, marks, (size_t)k, out)) != 0)
        report_doctag_error(out, rc);
    for (long i = 0; i < k; i++) {
        free(notes[i]);
        free(boxes[i]);
    }
    free(marks);
    free(notes);
    free(boxes);
    return rc == DOCTAG_OK ? 0 : -1;
}

/* Opens the model, tags the PDF and writes the copy. Returns an exit code. */
static int highlight_file(const highlight_settings *s, const char *path, const char *out)
{
    doctag_model *model = NULL;
    doctag_model_options mopts = DOCTAG_MODEL_OPTIONS_INIT;
    mopts.dictionaries = s->dicts;
    mopts.n_dictionaries = s->n_dicts;
    mopts.flags = DOCTAG_MODEL_FAST_LOAD;   /* one PDF: a few megabytes at most */
    int rc = doctag_model_open(&model, s->model_path, &mopts);
    if (rc != DOCTAG_OK) {
        report_doctag_error(s->n_dicts ? "model" : s->model_path ? s->model_path
                                                                 : "built-in model", rc);
        return EXIT_MODEL;
    }
    doctag_doc *doc = NULL;
    doctag_result *res = NULL;
    rc = doctag_doc_from_pdf_file(&doc, path, &s->pdf);
    if (rc == DOCTAG_OK)
        rc = doctag_tag(&res, model, doc);
    if (rc != DOCTAG_OK)
        report_doctag_error(path, rc);
    int status = rc == DOCTAG_OK && write_highlighted(s, path, res, out) == 0
                     ? EXIT_ALL_OK : EXIT_INPUT_FAILED;
    doctag_result_free(res);
    doctag_doc_free(doc);
    doctag_model_free(model);
    return status;
}

enum { OPT_PASSWORD = 256 };

int command_highlight(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "model", required_argument, NULL, 'm' },
        { "dict", required_argument, NULL, 'D' },
        { "types", required_argument, NULL, 't' },
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    highlight_settings s = { .type_mask = ~0u, .pdf = DOCTAG_PDF_OPTIONS_INIT };
    int c, status = EXIT_ALL_OK;

    s.pdf.readers = DOCTAG_PDF_READERS_AUTO;   /* one PDF, one thread */
    s.dicts = calloc((size_t)argc, sizeof *s.dicts);
    if (!s.dicts) {
        fputs("doctag: out of memory\n", stderr);
        return EXIT_INPUT_FAILED;
    }
    optind = 0;
    while (status == EXIT_ALL_OK &&
           (c = getopt_long(argc, argv, "o:m:D:t:p:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': s.out = optarg; break;
        case 'm': s.model_path = optarg; break;
        case 'D': s.dicts[s.n_dicts++] = optarg; break;
        case 't':
            if (parse_types(optarg, &s.type_mask) != 0)
                status = usage_error("highlight", "bad --types '%s' (money, un_symbol, "
                                     "agency, instrument, comma-separated)", optarg);
            break;
        case 'p':
            if (input_parse_pages(optarg, &s.pdf) != 0)
                status = usage_error("highlight", "bad page range '%s' (A-B, N, A- or -B)",
                                     optarg);
            break;
        case OPT_PASSWORD: s.pdf.password = optarg; break;
        case 'h':
            fputs(usage_highlight, stdout);
            free(s.dicts);
            return EXIT_ALL_OK;
        default: status = usage_hint("highlight"); break;
        }
    }
    if (status == EXIT_ALL_OK && optind != argc - 1)
        status = usage_error("highlight", optind >= argc ? "no input PDF"
                                                         : "one input PDF at a time");
    else if (status == EXIT_ALL_OK && strcmp(argv[optind], "-") == 0)
        status = usage_error("highlight", "the input must be a PDF file, not stdin");
    if (status == EXIT_ALL_OK) {
        char *out = s.out ? NULL : default_output(argv[optind]);
        if (!s.out && !out) {
            fputs("doctag: out of memory\n", stderr);
            status = EXIT_INPUT_FAILED;
        } else {
            status = highlight_file(&s, argv[optind], s.out ? s.out : out);
        }
        free(out);
    }
    free(s.dicts);
    return status;
}
