/* tag.c: doctag tag, the entities of text and PDF files as JSON Lines,
 * TSV or CSV, on stdout or one file per input in --out-dir. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "doctag.h"
#include "document.h"
#include "input.h"
#include "output.h"

static const char usage_tag[] =
    "Usage: doctag tag [options] FILE...\n"
    "Tags each FILE (UTF-8 text or PDF, detected by content; '-' = stdin) and\n"
    "writes one entity a line to stdout:\n"
    "  {\"doc\": NAME, \"path\": FILE, \"type\": T, \"text\": S, \"start\": N,\n"
    "   \"end\": N, \"canonical\": \"k=v;...\"}  plus \"page\" and \"boxes\"\n"
    "  [[page,x0,y0,x1,y1],...] for a PDF. NAME is the file name without\n"
    "  directory and extension ('stdin' for '-'), FILE the path as given;\n"
    "  start/end are byte offsets in the text 'doctag text' prints; boxes are\n"
    "  in PDF points, origin at the page's top-left corner.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     jsonl (default), tsv or csv: a table with the columns\n"
    "                       doc, type, text, start, end, canonical, page, path and\n"
    "                       a header line. TSV escapes tab, newline, CR and\n"
    "                       backslash as \\t \\n \\r \\\\; CSV quotes as RFC 4180\n"
    "                       does (CRLF line ends), so a text that spans a line\n"
    "                       break stays one row\n"
    "      --no-header      no header line (tsv, csv)\n"
    "  -o, --out-dir DIR    write DIR/NAME.jsonl (or .tsv, .csv) for each input\n"
    "                       instead of stdout; DIR is created if missing\n"
    "  -m, --model FILE     a compiled model (default: the one built in)\n"
    "  -D, --dict FILE      a dictionary source added to the model at load time\n"
    "                       (repeatable; format: doctag(1), DICTIONARIES)\n"
    "  -t, --types LIST     only these types, comma-separated: money, un_symbol,\n"
    "                       agency, instrument\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (K, M, G suffixes;\n"
    "                       default 256M)\n"
    "      --max-entities N refuse a document with more than N entities\n"
    "                       (default 1000000)\n"
    "      --max-pages N    refuse a PDF with more than N pages to read\n"
    "                       (default 100000)\n"
    "      --page-ms N      CPU milliseconds poppler may spend on one PDF page\n"
    "                       (default 4000); a page over it fails the document\n"
    "      --pdf-readers N  processes reading a PDF's pages at once: 1, N or auto\n"
    "                       (default: auto, one per CPU up to 8; same output)\n"
    "      --trusted-model  load --model's compiled code as it is (a file you made\n"
    "                       yourself); by default its patterns are compiled again\n"
    "  -h, --help           this help\n"
    "\n"
    "A region of pathological text where a pattern hits a match limit is skipped,\n"
    "with a warning on stderr; the rest of the document is tagged.\n"
    "A PDF is read and tagged a window of 128 pages at a time, its entities\n"
    "written as they come (memory does not grow with its length): when it fails\n"
    "part way (a page over --page-ms), the entities written before stay on stdout\n"
    "(a file in --out-dir is removed).\n"
    "\n";

typedef struct tag_settings {
    output_format format;
    int header;                /* a header line for tsv and csv */
    const char *out_dir;
    unsigned type_mask;
    doctag_pdf_options pdf;
    const doctag_model *model;
    doctag_limits limits;
    name_set written;
} tag_settings;

static void write_result(FILE *f, const tag_settings *s, const char *name,
                         const char *path, const doctag_result *result, int is_pdf)
{
    size_t n = doctag_result_count(result);
    output_writer w;
    int whole = output_writer_open(&w, f, s->format, name, path, is_pdf) == 0;
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(result, i);
        int type = doctag_entity_type(e);
        if (type >= 0 && type < DOCTAG_TYPE_COUNT && !(s->type_mask & (1u << type)))
            continue;
        if (whole)
            output_writer_entity(&w, e);
        else   /* no memory for the writer's buffers: a row at a time */
            output_write_entity_of(f, s->format, name, path, e, is_pdf);
    }
    if (whole)
        output_writer_close(&w);
}

/* Opens DIR/NAME.EXT for writing (*out its path, malloc'd), its header
 * written. Returns 0, or -1 when reported. */
static int open_result_file(tag_settings *s, const char *path, const char *name, FILE **f,
                            char **out)
{
    const char *ext = output_format_extension(s->format);
    size_t len = strlen(s->out_dir) + 1 + strlen(name) + strlen(ext) + 1;
    if (!(*out = malloc(len))) {
        report_io_error(document_display_name(path), NULL, ENOMEM);
        return -1;
    }
    snprintf(*out, len, "%s/%s%s", s->out_dir, name, ext);

    int added = name_set_add(&s->written, name);
    if (added <= 0) {
        if (added == 0)
            fprintf(stderr, "doctag: %s: %s was already written for an earlier input "
                    "with the same name; not overwritten\n", document_display_name(path),
                    *out);
        else
            report_io_error(document_display_name(path), NULL, ENOMEM);
        free(*out);
        return -1;
    }
    if (!(*f = fopen(*out, "wb"))) {
        report_io_error(document_display_name(path), *out, errno);
        free(*out);
        return -1;
    }
    errno = 0;
    if (s->header)
        output_write_header(*f, s->format);
    return 0;
}

/* Closes what open_result_file() opened; on a write error reports it. The
 * file is removed then, or when `failed`. Frees out. Returns 0 or -1. */
static int close_result_file(FILE *f, char *out, const char *path, int failed)
{
    int werr = ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !werr)
        werr = errno;
    if (werr)
        report_io_error(document_display_name(path), out, werr);
    if (werr || failed)
        remove(out);
    free(out);
    return werr || failed ? -1 : 0;
}

/* Writes DIR/NAME.EXT; on failure reports it and removes the partial file. */
static int write_result_file(tag_settings *s, const char *path, const char *name,
                             const doctag_result *result, int is_pdf)
{
    FILE *f;
    char *out;
    if (open_result_file(s, path, name, &f, &out) != 0)
        return -1;
    write_result(f, s, name, path, result, is_pdf);
    return close_result_file(f, out, path, 0);
}

/* A PDF tagged as it is read (doctag_stream_pdf_*): its entities written
 * as they come, the memory that of a window of pages. */
typedef struct pdf_tagging {
    const tag_settings *s;
    const char *path, *name;
    FILE *f;
    output_writer w;
    int whole;                 /* w is open */
    int pages, blank, warned;  /* pages read, without text; warned of them */
} pdf_tagging;

static int take_entity(void *ctx, const doctag_entity *e)
{
    pdf_tagging *p = ctx;
    int type = doctag_entity_type(e);
    if (type >= 0 && type < DOCTAG_TYPE_COUNT && !(p->s->type_mask & (1u << type)))
        return 0;
    if (p->whole)
        output_writer_entity(&p->w, e);
    else   /* no memory for the writer's buffers: a row at a time */
        output_write_entity_of(p->f, p->s->format, p->name, p->path, e, 1);
    return 0;
}

static int count_page(void *ctx, const doctag_page_text *page)
{
    pdf_tagging *p = ctx;
    p->pages++;
    p->blank += !page->has_text;
    return 0;
}

/* The pages without text first (every page is read by then). */
static void warn_blank(pdf_tagging *p)
{
    if (!p->warned)
        document_warn_blank_pages(p->path, p->blank, p->pages);
    p->warned = 1;
}

/* A region a pattern could not be run over: the rest was tagged. */
static int take_warning(void *ctx, const char *warning)
{
    pdf_tagging *p = ctx;
    warn_blank(p);
    fprintf(stderr, "doctag: %s: warning: %s\n", document_display_name(p->path), warning);
    return 0;
}

/* Tags a PDF (data from stdin, else read by path) into stdout or
 * DIR/NAME.EXT. On an error the entities of the pages before it may be
 * on stdout already (a file in DIR is removed). Returns 0, or -1 when
 * reported. */
static int tag_pdf(tag_settings *s, const char *path, const char *data, size_t size)
{
    char *name = input_doc_name(path), *out = NULL;
    pdf_tagging p = { s, path, name, stdout, { 0 }, 0, 0, 0, 0 };
    if (!name) {
        report_io_error(document_display_name(path), NULL, ENOMEM);
        return -1;
    }
    if (s->out_dir && open_result_file(s, path, name, &p.f, &out) != 0) {
        free(name);
        return -1;
    }
    p.whole = output_writer_open(&p.w, p.f, s->format, name, path, 1) == 0;
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = &s->pdf;
    o.model = s->model;
    o.on_page = count_page;
    o.on_entity = take_entity;
    o.on_warning = take_warning;
    o.ctx = &p;
    int rc = document_stream_pdf(path, data, size, &o);
    if (p.whole)
        output_writer_close(&p.w);
    if (rc == DOCTAG_OK)
        warn_blank(&p);
    else
        report_doctag_error(document_display_name(path), rc);
    int status = rc == DOCTAG_OK ? 0 : -1;
    if (s->out_dir && close_result_file(p.f, out, path, rc != DOCTAG_OK) != 0)
        status = -1;
    free(name);
    return status;
}

static int tag_one(tag_settings *s, const char *path)
{
    doctag_result *result = NULL;
    int is_pdf = 0, rc;
    char *data;
    size_t size;

    /* A text is tagged where it was read: no copy into a document, and the
     * tagger's is the one UTF-8 check. */
    if (document_read(path, s->limits.max_input_bytes, &data, &size, &is_pdf) != 0)
        return -1;
    if (is_pdf) {
        rc = tag_pdf(s, path, data, size);
        free(data);
        return rc;
    }
    rc = doctag_tag_text(&result, s->model, data, size);
    free(data);
    if (rc != DOCTAG_OK) {
        report_doctag_error(document_display_name(path), rc);
        return -1;
    }
    /* regions a pattern could not be run over: the rest was tagged */
    for (size_t i = 0; i < doctag_result_warning_count(result); i++)
        fprintf(stderr, "doctag: %s: warning: %s\n", document_display_name(path),
                doctag_result_warning(result, i));

    char *name = input_doc_name(path);
    if (!name) {
        doctag_result_free(result);
        report_io_error(document_display_name(path), NULL, ENOMEM);
        return -1;
    }
    if (s->out_dir)
        rc = write_result_file(s, path, name, result, is_pdf);
    else
        write_result(stdout, s, name, path, result, is_pdf);
    free(name);
    doctag_result_free(result);
    return rc;
}

enum { OPT_PASSWORD = 256, OPT_NO_HEADER, OPT_TRUSTED_MODEL, OPT_PDF_READERS };

/* 1 if the named inputs add up to less than FAST_LOAD_BYTES (stdin and
 * files that cannot be measured count as large). */
#define FAST_LOAD_BYTES (4u << 20)
static int inputs_are_small(char *const *files, int n)
{
    unsigned long long total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (unsigned long long)st.st_size;
    }
    return total < FAST_LOAD_BYTES;
}

/* What the command line says beyond the settings: the model to open. */
typedef struct tag_command {
    tag_settings s;
    const char *model_path;
    const char **dicts;        /* --dict values, pointing into argv */
    size_t n_dicts;
    unsigned model_flags;
} tag_command;

/* One option (not --help) into t: EXIT_ALL_OK or EXIT_USAGE (reported). */
static int tag_option(tag_command *t, int c, const char *arg)
{
    tag_settings *s = &t->s;
    switch (c) {
    case 'f':
        if (output_format_from_name(arg, &s->format) != 0)
            return usage_error("tag", "unknown format '%s' (jsonl, tsv or csv)", arg);
        break;
    case 'o': s->out_dir = arg; break;
    case 'm': t->model_path = arg; break;
    case 'D': t->dicts[t->n_dicts++] = arg; break;
    case 't':
        if (parse_types(arg, &s->type_mask) != 0)
            return usage_error("tag", "bad --types '%s' (money, un_symbol, agency, "
                               "instrument, comma-separated)", arg);
        break;
    case 'p':
        if (input_parse_pages(arg, &s->pdf) != 0)
            return usage_error("tag", "bad page range '%s' (A-B, N, A- or -B)", arg);
        break;
    case OPT_PASSWORD: s->pdf.password = arg; break;
    case OPT_NO_HEADER: s->header = 0; break;
    case OPT_TRUSTED_MODEL: t->model_flags |= DOCTAG_MODEL_TRUSTED; break;
    case OPT_PDF_READERS:
        if (input_parse_readers(arg, &s->pdf) != 0)
            return usage_error("tag", "bad --pdf-readers '%s' (auto or N >= 1)", arg);
        break;
    default: return command_limit_option("tag", c, arg, &s->limits);
    }
    return EXIT_ALL_OK;
}

/* Reads the options into t; -1 for --help (printed), else an exit status. */
static int tag_options(tag_command *t, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { "out-dir", required_argument, NULL, 'o' },
        { "model", required_argument, NULL, 'm' },
        { "dict", required_argument, NULL, 'D' },
        { "types", required_argument, NULL, 't' },
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        { "no-header", no_argument, NULL, OPT_NO_HEADER },
        LIMIT_OPTIONS,
        { "pdf-readers", required_argument, NULL, OPT_PDF_READERS },
        { "trusted-model", no_argument, NULL, OPT_TRUSTED_MODEL },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, status = EXIT_ALL_OK;
    optind = 0;
    while (status == EXIT_ALL_OK
           && (c = getopt_long(argc, argv, "f:o:m:D:t:p:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(usage_tag, stdout);
            fputs(usage_exit_codes, stdout);
            return -1;
        }
        status = tag_option(t, c, optarg);
    }
    if (status == EXIT_ALL_OK && optind >= argc)
        status = usage_error("tag", "no input files");
    return status;
}

/* Opens the model for the inputs: 0, or -1 when reported. */
static int open_tag_model(tag_command *t, doctag_model **model, char *const *inputs, int n)
{
    doctag_model_options mopts = DOCTAG_MODEL_OPTIONS_INIT;
    mopts.dictionaries = t->dicts;
    mopts.n_dictionaries = t->n_dicts;
    mopts.flags = t->model_flags;
    mopts.limits = &t->s.limits;
    /* JIT-compiling the name patterns costs ~8 ms at load and pays off
     * after a few megabytes: a small batch is tagged faster without it. */
    if (inputs_are_small(inputs, n))
        mopts.flags |= DOCTAG_MODEL_FAST_LOAD;
    int rc = doctag_model_open(model, t->model_path, &mopts);
    if (rc != DOCTAG_OK)   /* the detail names the model or dictionary file (and line) */
        report_doctag_error(t->n_dicts ? "model" : t->model_path ? t->model_path
                                                                 : "built-in model", rc);
    return rc == DOCTAG_OK ? 0 : -1;
}

/* The output directory made, or the header written: 0, or -1 when reported. */
static int start_output(const tag_settings *s)
{
    if (s->out_dir) {
        int err = output_make_directories(s->out_dir);
        if (err)
            report_io_error(s->out_dir, NULL, err);
        return err ? -1 : 0;
    }
    if (s->header)
        output_write_header(stdout, s->format);
    return 0;
}

int command_tag(int argc, char **argv)
{
    tag_command t = { .s = { .format = OUTPUT_JSONL, .header = 1, .type_mask = ~0u,
                             .pdf = DOCTAG_PDF_OPTIONS_INIT } };
    t.s.pdf.readers = DOCTAG_PDF_READERS_AUTO;   /* one file at a time, one thread */
    t.s.pdf.limits = &t.s.limits;
    doctag_limits_init(&t.s.limits);
    t.dicts = calloc((size_t)argc, sizeof *t.dicts);   /* at most one per argument */
    if (!t.dicts) {
        fputs("doctag: out of memory\n", stderr);
        return EXIT_INPUT_FAILED;
    }
    int status = tag_options(&t, argc, argv);
    doctag_model *model = NULL;
    if (status == EXIT_ALL_OK && open_tag_model(&t, &model, argv + optind, argc - optind) != 0)
        status = EXIT_MODEL;
    free(t.dicts);
    if (status != EXIT_ALL_OK)
        return status < 0 ? EXIT_ALL_OK : status;
    t.s.model = model;
    status = start_output(&t.s) == 0 ? EXIT_ALL_OK : EXIT_INPUT_FAILED;
    if (status == EXIT_ALL_OK)
        for (int i = optind; i < argc; i++)
            if (tag_one(&t.s, argv[i]) != 0)
                status = EXIT_INPUT_FAILED;
    name_set_free(&t.s.written);
    doctag_model_free(model);
    return status;
}
