/* highlight.c: doctag highlight, a copy of a PDF with each entity
 * highlighted (one colour per type) and a note with its type and canonical
 * form, through doctag_pdf_highlight() (poppler-glib annotations).
 *
 * The PDF is tagged as a stream (doctag_stream_pdf_file): a window of
 * pages at a time, only each entity's mark (its note and boxes) kept, so
 * the extraction's memory is the window's and not the document's. The
 * writing needs the whole file (poppler opens it, adds an annotation on
 * each page a mark touches and writes the file again, the input kept
 * whole so that it may be the output too), and the marks of every page:
 * it runs once, after the stream. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doctag.h"
#include "input.h"
#include "vec.h"

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
    "      --max-bytes N    refuse a PDF of more than N bytes (K, M, G suffixes;\n"
    "                       default 256M)\n"
    "      --max-entities N, --max-pages N, --page-ms N\n"
    "                       as for 'doctag tag'\n"
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
    doctag_limits limits;
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

/* The marks gathered from the stream: one per entity of the selected
 * types, its note and boxes malloc'd. */
typedef struct mark_list {
    doctag_highlight *items;
    size_t n, cap;
    unsigned type_mask;
} mark_list;

enum { MARKS_NOMEM = 1 };   /* a callback's return: out of memory */

static void marks_free(mark_list *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free((char *)m->items[i].note);
        free((doctag_box *)m->items[i].boxes);
    }
    free(m->items);
}

/* The stream's entity callback: the entity's mark, if its type is wanted. */
static int take_entity(void *ctx, const doctag_entity *e)
{
    mark_list *m = ctx;
    int type = doctag_entity_type(e);
    if (type < 0 || type >= DOCTAG_TYPE_COUNT || !(m->type_mask & (1u << type)))
        return 0;
    if (!vec_reserve((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items))
        return MARKS_NOMEM;
    const char *name = doctag_type_name(type), *canon = doctag_entity_canonical(e);
    size_t nb = doctag_entity_box_count(e), len = strlen(name) + strlen(canon) + 3;
    char *note = malloc(len);
    doctag_box *boxes = malloc((nb ? nb : 1) * sizeof *boxes);
    if (!note || !boxes) {
        free(note);
        free(boxes);
        return MARKS_NOMEM;
    }
    snprintf(note, len, "%s: %s", name, canon);
    for (size_t b = 0; b < nb; b++)
        doctag_entity_box(e, b, &boxes[b]);
    m->items[m->n++] = (doctag_highlight){ type, note, 0, boxes, nb };
    return 0;
}

/* Tags the PDF as a stream into marks. Returns 0, or -1 when reported. */
static int gather_marks(const highlight_settings *s, const doctag_model *model,
                        const char *path, mark_list *marks)
{
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = &s->pdf;
    o.model = model;
    o.on_entity = take_entity;
    o.ctx = marks;
    int rc = doctag_stream_pdf_file(path, &o);
    if (rc == MARKS_NOMEM)
        report_io_error(path, NULL, ENOMEM);
    else if (rc != DOCTAG_OK)
        report_doctag_error(path, rc);
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
    mopts.limits = &s->limits;
    int rc = doctag_model_open(&model, s->model_path, &mopts);
    if (rc != DOCTAG_OK) {
        report_doctag_error(s->n_dicts ? "model" : s->model_path ? s->model_path
                                                                 : "built-in model", rc);
        return EXIT_MODEL;
    }
    mark_list marks = { NULL, 0, 0, s->type_mask };
    int status = EXIT_INPUT_FAILED;
    if (gather_marks(s, model, path, &marks) == 0) {
        rc = doctag_pdf_highlight(path, s->pdf.password, marks.items, marks.n, out);
        if (rc != DOCTAG_OK)
            report_doctag_error(out, rc);
        else
            status = EXIT_ALL_OK;
    }
    marks_free(&marks);
    doctag_model_free(model);
    return status;
}

enum { OPT_PASSWORD = 256 };

/* One option (not --help) into s: EXIT_ALL_OK or EXIT_USAGE (reported). */
static int highlight_option(highlight_settings *s, int c, const char *arg)
{
    switch (c) {
    case 'o': s->out = arg; break;
    case 'm': s->model_path = arg; break;
    case 'D': s->dicts[s->n_dicts++] = arg; break;
    case 't':
        if (parse_types(arg, &s->type_mask) != 0)
            return usage_error("highlight", "bad --types '%s' (money, un_symbol, agency, "
                               "instrument, comma-separated)", arg);
        break;
    case 'p':
        if (input_parse_pages(arg, &s->pdf) != 0)
            return usage_error("highlight", "bad page range '%s' (A-B, N, A- or -B)", arg);
        break;
    case OPT_PASSWORD: s->pdf.password = arg; break;
    default: return command_limit_option("highlight", c, arg, &s->limits);
    }
    return EXIT_ALL_OK;
}

int command_highlight(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "model", required_argument, NULL, 'm' },
        { "dict", required_argument, NULL, 'D' },
        { "types", required_argument, NULL, 't' },
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        LIMIT_OPTIONS,
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    highlight_settings s = { .type_mask = ~0u, .pdf = DOCTAG_PDF_OPTIONS_INIT };
    int c, status = EXIT_ALL_OK;

    s.pdf.readers = DOCTAG_PDF_READERS_AUTO;   /* one PDF, one thread */
    doctag_limits_init(&s.limits);
    s.pdf.limits = &s.limits;
    s.dicts = calloc((size_t)argc, sizeof *s.dicts);
    if (!s.dicts) {
        fputs("doctag: out of memory\n", stderr);
        return EXIT_INPUT_FAILED;
    }
    optind = 0;
    while (status == EXIT_ALL_OK &&
           (c = getopt_long(argc, argv, "o:m:D:t:p:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(usage_highlight, stdout);
            free(s.dicts);
            return EXIT_ALL_OK;
        }
        status = highlight_option(&s, c, optarg);
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
