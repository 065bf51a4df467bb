/* doctag.c: the doctag command-line tool, for batch pipelines.
 *
 *   doctag tag [options] FILE...     entities as JSON Lines, TSV or CSV
 *   doctag text [options] FILE...    the text the tagger sees
 *   doctag highlight [options] PDF   a copy of the PDF, entities highlighted
 *   doctag compile -o OUT SOURCE...  dictionary sources -> model file
 *
 * Only the public API (doctag.h) is used. An input is a PDF when "%PDF-"
 * occurs in its first 1024 bytes, text otherwise, whatever its name. One
 * bad input never stops a batch: it is reported on stderr and the exit
 * status says that something failed (see usage_exit_codes below). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "batch.h"
#include "doctag.h"
#include "input.h"
#include "output.h"
#include "sniff.h"


static const char usage_exit_codes[] =
    "Exit status:\n"
    "  0  every input was processed\n"
    "  1  some input failed (reported on stderr; the others were processed),\n"
    "     or an output could not be written\n"
    "  2  usage error (unknown option, bad value, no input files)\n"
    "  3  the model could not be loaded (--model, --dict)\n";

static const char usage_main[] =
    "Usage: doctag COMMAND [options] FILE...\n"
    "Tag legal instruments, UN document symbols, agencies and money in reports.\n"
    "\n"
    "Commands:\n"
    "  tag        tag text or PDF files; entities as JSON Lines, TSV or CSV\n"
    "  text       print the text the tagger sees (extracted from a PDF)\n"
    "  batch      tag folders and archives of reports: parallel, resumable\n"
    "  highlight  write a copy of a PDF with the entities highlighted\n"
    "  compile    compile dictionary sources into a model file\n"
    "\n"
    "  -h, --help     this help; 'doctag COMMAND --help' for a command\n"
    "  -V, --version  the version of doctag and of libdoctag\n"
    "\n"
    "An input is a PDF if '%PDF-' is in its first 1024 bytes, else UTF-8 text;\n"
    "'-' reads standard input. 'man doctag' has the details and examples.\n"
    "\n";

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
    "      --max-bytes N    refuse an input of more than N bytes (default 256 MiB)\n"
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
    "\n";

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

static const char usage_compile[] =
    "Usage: doctag compile -o OUT.model SOURCE.dict...\n"
    "Compiles dictionary sources (format: doctag(1), DICTIONARIES) into a model file for\n"
    "'doctag tag --model'. The model holds only these sources, not the built-in\n"
    "dictionaries. A malformed source line is reported as FILE:LINE.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE    the model file to write (required)\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status:\n"
    "  0  the model was written\n"
    "  1  a source does not compile, or the model could not be written\n"
    "  2  usage error\n";

/* ---- Error reporting ---------------------------------------------------- */

/* "doctag: WHAT: <strerror>: <detail>". The detail is copied first: it is
 * only valid until the next doctag call, and doctag_strerror() is one. */
void report_doctag_error(const char *what, int code)
{
    const char *last = doctag_last_error();
    char *detail = strdup(last ? last : "");
    const char *name = doctag_strerror(code);

    if (detail && what[0] && strstr(detail, what))
        fprintf(stderr, "doctag: %s\n", detail);   /* the library named the file already */
    else if (detail && detail[0])
        fprintf(stderr, "doctag: %s: %s: %s\n", what, name, detail);
    else
        fprintf(stderr, "doctag: %s: %s\n", what, name);
    free(detail);
}

/* A failure of the CLI's own I/O, in the same shape. */
void report_io_error(const char *what, const char *detail, int err)
{
    fprintf(stderr, "doctag: %s: %s: %s%s%s\n", what, doctag_strerror(DOCTAG_ERR_IO),
            detail ? detail : "", detail ? ": " : "", strerror(err));
}

/* Points to the help; getopt_long has already named a bad option. */
int usage_hint(const char *command)
{
    fprintf(stderr, "Try 'doctag %s%s--help'.\n", command ? command : "",
            command ? " " : "");
    return EXIT_USAGE;
}

int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("doctag: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return usage_hint(command);
}

/* ---- Inputs ------------------------------------------------------------- */

static const char *display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Scanned pages yield no text and so no entities: say so, as a warning.
 * Only the requested pages count; the others were not extracted. */
static void warn_pages_without_text(const char *path, const doctag_doc *doc,
                                    const doctag_pdf_options *opts)
{
    int count = doctag_doc_page_count(doc);
    int first = opts->first_page > 0 ? opts->first_page : 1;
    int last = opts->last_page > 0 && opts->last_page < count ? opts->last_page : count;
    int blank = 0;

    for (int page = first; page <= last; page++)
        if (!doctag_doc_page_has_text(doc, page))
            blank++;
    if (blank > 0)
        fprintf(stderr, "doctag: %s: warning: %d of %d pages have no text layer "
                "(scanned pages need OCR)\n", display_name(path), blank, last - first + 1);
}

/* Reads one input, reporting any failure on stderr: a text's bytes in
 * *data, a PDF's too when it comes from stdin (NULL otherwise: it is
 * opened by path). Returns 0 or -1. */
static int read_input(const char *path, size_t max_bytes, char **data, size_t *size,
                      int *is_pdf)
{
    *data = NULL;
    *size = 0;
    int err = input_read(path, 1, max_bytes, data, size, is_pdf);
    if (err == EFBIG) {
        fprintf(stderr, "doctag: %s: %s: more than %zu bytes (--max-bytes)\n",
                display_name(path), doctag_strerror(DOCTAG_ERR_LIMIT_INPUT), max_bytes);
        return -1;
    }
    if (err) {
        /* as other tools say it: "cannot open report.pdf: No such file or directory" */
        int opening = err == ENOENT || err == EACCES || err == EISDIR || err == ENOTDIR;
        fprintf(stderr, "doctag: cannot %s %s: %s\n", opening ? "open" : "read",
                display_name(path), strerror(err));
        return -1;
    }
    sniff_kind kind = *is_pdf ? SNIFF_PDF : sniff_kind_of(*data, *size);
    if (kind == SNIFF_ARCHIVE || kind == SNIFF_COMPRESSED) {
        fprintf(stderr, "doctag: %s: an archive or compressed file: use 'doctag batch'\n",
                display_name(path));
        free(*data);
        *data = NULL;
        return -1;
    }
    if (*size == 0 && !*is_pdf) {
        /* no text, no entities: as doctag_tag_text() and Model.tag_text("")
         * give; said on stderr, as it is often a mistake upstream */
        fprintf(stderr, "doctag: %s: warning: the file is empty\n", display_name(path));
    }
    return 0;
}

/* The document of what read_input() read. Returns a doctag_error. */
static int doc_from_input(const char *path, const doctag_pdf_options *pdf_opts,
                          const char *data, size_t size, int is_pdf, doctag_doc **doc)
{
    if (!is_pdf)
        return doctag_doc_from_text(doc, data, size);
    if (data)
        return doctag_doc_from_pdf_buffer(doc, data, size, pdf_opts); /* stdin */
    return doctag_doc_from_pdf_file(doc, path, pdf_opts);
}

/* Opens one input as a document, reporting any failure on stderr.
 * Returns 0 or -1. */
static int open_document(const char *path, const doctag_pdf_options *pdf_opts,
                         size_t max_bytes, doctag_doc **doc, int *is_pdf)
{
    char *data;
    size_t size;
    if (read_input(path, max_bytes, &data, &size, is_pdf) != 0)
        return -1;
    int rc = doc_from_input(path, pdf_opts, data, size, *is_pdf, doc);
    if (rc != DOCTAG_OK)
        report_doctag_error(display_name(path), rc);
    free(data);
    if (rc != DOCTAG_OK)
        return -1;
    if (*is_pdf)
        warn_pages_without_text(path, *doc, pdf_opts);
    return 0;
}

/* --types money,agency -> bit mask of doctag_type values. */
int parse_types(const char *list, unsigned *mask)
{
    const char *p = list;
    *mask = 0;
    for (;;) {
        size_t len = strcspn(p, ",");
        int found = 0;
        for (int t = 0; t < DOCTAG_TYPE_COUNT && !found; t++) {
            const char *name = doctag_type_name(t);
            if (name && strlen(name) == len && strncmp(name, p, len) == 0) {
                *mask |= 1u << t;
                found = 1;
            }
        }
        if (!found)
            return -1;
        if (p[len] == '\0')
            return 0;
        p += len + 1;
    }
}

/* ---- doctag tag --------------------------------------------------------- */

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

/* Writes DIR/NAME.EXT; on failure reports it and removes the partial file. */
static int write_result_file(tag_settings *s, const char *path, const char *name,
                             const doctag_result *result, int is_pdf)
{
    const char *ext = output_format_extension(s->format);
    size_t len = strlen(s->out_dir) + 1 + strlen(name) + strlen(ext) + 1;
    char *out = malloc(len);
    if (!out) {
        report_io_error(display_name(path), NULL, ENOMEM);
        return -1;
    }
    snprintf(out, len, "%s/%s%s", s->out_dir, name, ext);

    int added = name_set_add(&s->written, name);
    if (added <= 0) {
        if (added == 0)
            fprintf(stderr, "doctag: %s: %s was already written for an earlier input "
                    "with the same name; not overwritten\n", display_name(path), out);
        else
            report_io_error(display_name(path), NULL, ENOMEM);
        free(out);
        return -1;
    }

    int rc = 0;
    FILE *f = fopen(out, "wb");
    if (!f) {
        report_io_error(display_name(path), out, errno);
        free(out);
        return -1;
    }
    errno = 0;
    if (s->header)
        output_write_header(f, s->format);
    write_result(f, s, name, path, result, is_pdf);
    int werr = ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !werr)
        werr = errno;
    if (werr) {
        report_io_error(display_name(path), out, werr);
        remove(out);
        rc = -1;
    }
    free(out);
    return rc;
}

static int tag_one(tag_settings *s, const char *path)
{
    doctag_doc *doc = NULL;
    doctag_result *result = NULL;
    int is_pdf = 0, rc;
    char *data;
    size_t size;

    /* A text is tagged where it was read: no copy into a document, and the
     * tagger's is the one UTF-8 check. */
    if (read_input(path, s->limits.max_input_bytes, &data, &size, &is_pdf) != 0)
        return -1;
    if (!is_pdf) {
        rc = doctag_tag_text(&result, s->model, data, size);
        free(data);
    } else {
        rc = doc_from_input(path, &s->pdf, data, size, is_pdf, &doc);
        free(data);
        if (rc == DOCTAG_OK) {
            warn_pages_without_text(path, doc, &s->pdf);
            rc = doctag_tag(&result, s->model, doc);
        }
        doctag_doc_free(doc);
    }
    if (rc != DOCTAG_OK) {
        report_doctag_error(display_name(path), rc);
        return -1;
    }
    /* regions a pattern could not be run over: the rest was tagged */
    for (size_t i = 0; i < doctag_result_warning_count(result); i++)
        fprintf(stderr, "doctag: %s: warning: %s\n", display_name(path),
                doctag_result_warning(result, i));

    char *name = input_doc_name(path);
    if (!name) {
        doctag_result_free(result);
        report_io_error(display_name(path), NULL, ENOMEM);
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

enum { OPT_PASSWORD = 256, OPT_NO_HEADER, OPT_MAX_BYTES, OPT_MAX_ENTITIES, OPT_MAX_PAGES,
       OPT_PAGE_MS, OPT_TRUSTED_MODEL, OPT_PDF_READERS };

/* A positive count for --max-bytes / --max-entities. Returns 0 or -1. */
static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v == 0 || v > SIZE_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* A positive int for --max-pages / --page-ms. Returns 0 or -1. */
static int parse_int(const char *s, int *out)
{
    size_t v;
    if (parse_size(s, &v) != 0 || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

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

static int command_tag(int argc, char **argv)
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
        { "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
        { "max-entities", required_argument, NULL, OPT_MAX_ENTITIES },
        { "max-pages", required_argument, NULL, OPT_MAX_PAGES },
        { "page-ms", required_argument, NULL, OPT_PAGE_MS },
        { "pdf-readers", required_argument, NULL, OPT_PDF_READERS },
        { "trusted-model", no_argument, NULL, OPT_TRUSTED_MODEL },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    tag_settings s = { .format = OUTPUT_JSONL, .header = 1, .type_mask = ~0u };
    unsigned model_flags = 0;
    doctag_limits_init(&s.limits);
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
    pdf.readers = DOCTAG_PDF_READERS_AUTO;   /* one file at a time, one thread */
    const char *model_path = NULL;
    /* --dict values point into argv; at most one per argument. */
    const char **dicts = calloc((size_t)argc, sizeof *dicts);
    size_t n_dicts = 0;
    int c, status = EXIT_ALL_OK;

    if (!dicts) {
        fputs("doctag: out of memory\n", stderr);
        return EXIT_INPUT_FAILED;
    }
    s.pdf = pdf;
    optind = 0;
    while ((c = getopt_long(argc, argv, "f:o:m:D:t:p:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (output_format_from_name(optarg, &s.format) != 0)
                status = usage_error("tag", "unknown format '%s' (jsonl, tsv or csv)", optarg);
            break;
        case 'o': s.out_dir = optarg; break;
        case 'm': model_path = optarg; break;
        case 'D': dicts[n_dicts++] = optarg; break;
        case 't':
            if (parse_types(optarg, &s.type_mask) != 0)
                status = usage_error("tag", "bad --types '%s' (money, un_symbol, agency, "
                                     "instrument, comma-separated)", optarg);
            break;
        case 'p':
            if (input_parse_pages(optarg, &s.pdf) != 0)
                status = usage_error("tag", "bad page range '%s' (A-B, N, A- or -B)", optarg);
            break;
        case OPT_PASSWORD: s.pdf.password = optarg; break;
        case OPT_NO_HEADER: s.header = 0; break;
        case OPT_MAX_BYTES:
            if (parse_size(optarg, &s.limits.max_input_bytes) != 0)
                status = usage_error("tag", "bad --max-bytes '%s' (a positive number)", optarg);
            break;
        case OPT_MAX_ENTITIES:
            if (parse_size(optarg, &s.limits.max_entities) != 0)
                status = usage_error("tag", "bad --max-entities '%s' (a positive number)",
                                     optarg);
            break;
        case OPT_MAX_PAGES:
            if (parse_int(optarg, &s.limits.max_pages) != 0)
                status = usage_error("tag", "bad --max-pages '%s' (a positive number)", optarg);
            break;
        case OPT_PAGE_MS:
            if (parse_int(optarg, &s.limits.pdf_page_ms) != 0)
                status = usage_error("tag", "bad --page-ms '%s' (a positive number)", optarg);
            break;
        case OPT_TRUSTED_MODEL: model_flags |= DOCTAG_MODEL_TRUSTED; break;
        case OPT_PDF_READERS:
            if (input_parse_readers(optarg, &s.pdf) != 0)
                status = usage_error("tag", "bad --pdf-readers '%s' (auto or N >= 1)", optarg);
            break;
        case 'h':
            fputs(usage_tag, stdout);
            fputs(usage_exit_codes, stdout);
            free(dicts);
            return EXIT_ALL_OK;
        default:
            status = usage_hint("tag");
            break;
        }
        if (status != EXIT_ALL_OK)
            break;
    }
    if (status == EXIT_ALL_OK && optind >= argc)
        status = usage_error("tag", "no input files");
    if (status != EXIT_ALL_OK) {
        free(dicts);
        return status;
    }

    doctag_model *model = NULL;
    doctag_model_options mopts = DOCTAG_MODEL_OPTIONS_INIT;
    mopts.dictionaries = dicts;
    mopts.n_dictionaries = n_dicts;
    mopts.flags = model_flags;
    mopts.limits = &s.limits;
    s.pdf.limits = &s.limits;
    /* JIT-compiling the name patterns costs ~8 ms at load and pays off
     * after a few megabytes: a small batch is tagged faster without it. */
    if (inputs_are_small(argv + optind, argc - optind))
        mopts.flags |= DOCTAG_MODEL_FAST_LOAD;
    int rc = doctag_model_open(&model, model_path, &mopts);
    free(dicts);
    if (rc != DOCTAG_OK) {
        /* The detail names the model or dictionary file (and line). */
        report_doctag_error(n_dicts ? "model" : model_path ? model_path : "built-in model", rc);
        return EXIT_MODEL;
    }
    s.model = model;

    if (s.out_dir) {
        int err = output_make_directories(s.out_dir);
        if (err) {
            report_io_error(s.out_dir, NULL, err);
            doctag_model_free(model);
            return EXIT_INPUT_FAILED;
        }
    } else if (s.header) {
        output_write_header(stdout, s.format);
    }

    for (int i = optind; i < argc; i++)
        if (tag_one(&s, argv[i]) != 0)
            status = EXIT_INPUT_FAILED;

    name_set_free(&s.written);
    doctag_model_free(model);
    return status;
}

/* ---- doctag text -------------------------------------------------------- */

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

static int command_text(int argc, char **argv)
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
            if (parse_size(optarg, &limits.max_input_bytes) != 0)
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
        if (open_document(argv[i], &pdf, limits.max_input_bytes, &doc, &is_pdf) != 0) {
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

/* ---- doctag compile ----------------------------------------------------- */

static int command_compile(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    int c;

    optind = 0;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'h': fputs(usage_compile, stdout); return EXIT_ALL_OK;
        default: return usage_hint("compile");
        }
    }
    if (!out)
        return usage_error("compile", "no output file (-o OUT.model)");
    if (optind >= argc)
        return usage_error("compile", "no dictionary sources");

    doctag_model *model = NULL;
    int rc = doctag_model_compile(&model, (const char *const *)(argv + optind),
                                  (size_t)(argc - optind));
    if (rc != DOCTAG_OK) {
        /* The message names the failing source and line. */
        report_doctag_error("compile", rc);
        return EXIT_INPUT_FAILED;
    }
    rc = doctag_model_save(model, out);
    if (rc != DOCTAG_OK)
        report_doctag_error(out, rc);
    doctag_model_free(model);
    return rc == DOCTAG_OK ? EXIT_ALL_OK : EXIT_INPUT_FAILED;
}

/* ---- main --------------------------------------------------------------- */

static void print_version(void)
{
    printf("doctag %s (libdoctag %s)\n", DOCTAG_VERSION_STRING, doctag_version());
    if (doctag_version_number() != DOCTAG_VERSION_NUMBER)
        fprintf(stderr, "doctag: warning: built with libdoctag %s but running with %s\n",
                DOCTAG_VERSION_STRING, doctag_version());
}

/* Flushes stdout: a full disk or a closed pipe must not pass for success. */
static int finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        report_io_error("standard output", NULL, errno ? errno : EIO);
        return status == EXIT_ALL_OK ? EXIT_INPUT_FAILED : status;
    }
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    /* getopt_long names the program argv[0] in its messages: "doctag" at
     * the top, "doctag tag" etc. for a command (set below). */
    static char program_name[] = "doctag";
    argv[0] = program_name;
    /* '+': stop at the command; its options are parsed by the command. */
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage_main, stdout);
            fputs(usage_exit_codes, stdout);
            return finish_stdout(EXIT_ALL_OK);
        case 'V':
            print_version();
            return finish_stdout(EXIT_ALL_OK);
        default:
            return usage_hint(NULL);
        }
    }
    if (optind >= argc)
        return usage_error(NULL, "no command (tag, text, highlight or compile)");

    const char *command = argv[optind];
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    static char tag_name[] = "doctag tag", text_name[] = "doctag text",
                compile_name[] = "doctag compile", highlight_name[] = "doctag highlight";
    int status;
    if (strcmp(command, "tag") == 0) {
        sub_argv[0] = tag_name;
        status = command_tag(sub_argc, sub_argv);
    } else if (strcmp(command, "text") == 0) {
        sub_argv[0] = text_name;
        status = command_text(sub_argc, sub_argv);
    } else if (strcmp(command, "compile") == 0) {
        sub_argv[0] = compile_name;
        status = command_compile(sub_argc, sub_argv);
    } else if (strcmp(command, "highlight") == 0) {
        sub_argv[0] = highlight_name;
        status = command_highlight(sub_argc, sub_argv);
    } else if (strcmp(command, "batch") == 0) {
        static char batch_name[] = "doctag batch";
        sub_argv[0] = batch_name;
        status = command_batch(sub_argc, sub_argv);
    } else if (strcmp(command, "help") == 0) {
        fputs(usage_main, stdout);
        fputs(usage_exit_codes, stdout);
        status = EXIT_ALL_OK;
    } else
        return usage_error(NULL, "unknown command '%s'", command);
    return finish_stdout(status);
}
