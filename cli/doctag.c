/* doctag.c: the doctag command-line tool, for batch pipelines.
 *
 *   doctag tag [options] FILE...     entities as JSON Lines or TSV
 *   doctag text [options] FILE...    the text the tagger sees
 *   doctag compile -o OUT SOURCE...  dictionary sources -> model file
 *
 * Only the public API (doctag.h) is used. An input is a PDF when "%PDF-"
 * occurs in its first 1024 bytes, text otherwise, whatever its name. One
 * bad input never stops a batch: it is reported on stderr and the exit
 * status says that something failed (see usage_exit_codes below). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "doctag.h"
#include "input.h"
#include "output.h"

enum {
    EXIT_ALL_OK = 0,
    EXIT_INPUT_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_MODEL = 3
};


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
    "  tag       tag text or PDF files; entities as JSON Lines (or TSV)\n"
    "  text      print the text the tagger sees (extracted from a PDF)\n"
    "  compile   compile dictionary sources into a model file\n"
    "\n"
    "  -h, --help     this help; 'doctag COMMAND --help' for a command\n"
    "  -V, --version  the version of doctag and of libdoctag\n"
    "\n"
    "An input is a PDF if '%PDF-' is in its first 1024 bytes, else UTF-8 text;\n"
    "'-' reads standard input.\n"
    "\n";

static const char usage_tag[] =
    "Usage: doctag tag [options] FILE...\n"
    "Tags each FILE (UTF-8 text or PDF, detected by content; '-' = stdin) and\n"
    "writes one entity a line to stdout:\n"
    "  {\"doc\": NAME, \"type\": T, \"text\": S, \"start\": N, \"end\": N,\n"
    "   \"canonical\": \"k=v;...\"}  plus \"page\" and \"boxes\" [[page,x0,y0,x1,y1],...]\n"
    "  for a PDF. NAME is the file name without directory and extension\n"
    "  ('stdin' for '-'); start/end are byte offsets in the text 'doctag text'\n"
    "  prints; boxes are in PDF points, origin at the page's top-left corner.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     jsonl (default) or tsv (columns doc, type, text, start,\n"
    "                       end, canonical, page; a header line; tab, newline, CR\n"
    "                       and backslash escaped as \\t \\n \\r \\\\)\n"
    "  -o, --out-dir DIR    write DIR/NAME.jsonl (or .tsv) for each input instead\n"
    "                       of stdout; DIR is created if missing (the layout\n"
    "                       eval/score.py reads)\n"
    "  -m, --model FILE     a compiled model (default: the one built in)\n"
    "  -D, --dict FILE      a dictionary source added to the model at load time\n"
    "                       (repeatable; format: models/README.md)\n"
    "  -t, --types LIST     only these types, comma-separated: money, un_symbol,\n"
    "                       agency, instrument\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (default 256 MiB)\n"
    "      --max-entities N refuse a document with more than N entities\n"
    "                       (default 1000000)\n"
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
    "\n"
    "Options:\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B (1-based; text: ignored)\n"
    "      --password PW    password of encrypted PDFs\n"
    "      --max-bytes N    refuse an input of more than N bytes (default 256 MiB)\n"
    "  -h, --help           this help\n"
    "\n";

static const char usage_compile[] =
    "Usage: doctag compile -o OUT.model SOURCE.dict...\n"
    "Compiles dictionary sources (format: models/README.md) into a model file for\n"
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
static void report_doctag_error(const char *what, int code)
{
    const char *last = doctag_last_error();
    char *detail = strdup(last ? last : "");
    const char *name = doctag_strerror(code);

    size_t n = strlen(what);
    if (detail && strncmp(detail, what, n) == 0 && detail[n] == ':')
        fprintf(stderr, "doctag: %s\n", detail);   /* the library named the file already */
    else if (detail && detail[0])
        fprintf(stderr, "doctag: %s: %s: %s\n", what, name, detail);
    else
        fprintf(stderr, "doctag: %s: %s\n", what, name);
    free(detail);
}

/* A failure of the CLI's own I/O, in the same shape. */
static void report_io_error(const char *what, const char *detail, int err)
{
    fprintf(stderr, "doctag: %s: %s: %s%s%s\n", what, doctag_strerror(DOCTAG_ERR_IO),
            detail ? detail : "", detail ? ": " : "", strerror(err));
}

/* Points to the help; getopt_long has already named a bad option. */
static int usage_hint(const char *command)
{
    fprintf(stderr, "Try 'doctag %s%s--help'.\n", command ? command : "",
            command ? " " : "");
    return EXIT_USAGE;
}

static int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int usage_error(const char *command, const char *fmt, ...)
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

/* Opens one input as a document, reporting any failure on stderr.
 * Returns 0 or -1. */
static int open_document(const char *path, const doctag_pdf_options *pdf_opts,
                         size_t max_bytes, doctag_doc **doc, int *is_pdf)
{
    char *data = NULL;
    size_t size = 0;
    int err = input_read(path, 1, max_bytes, &data, &size, is_pdf);
    if (err == EFBIG) {
        fprintf(stderr, "doctag: %s: %s: more than %zu bytes (--max-bytes)\n",
                display_name(path), doctag_strerror(DOCTAG_ERR_LIMIT_INPUT), max_bytes);
        return -1;
    }
    if (err) {
        report_io_error(display_name(path), NULL, err);
        return -1;
    }
    if (size == 0 && !*is_pdf) {
        /* an empty file in a batch is almost always a mistake upstream */
        fprintf(stderr, "doctag: %s: %s: the file has no text\n", display_name(path),
                doctag_strerror(DOCTAG_ERR_EMPTY));
        free(data);
        return -1;
    }
    int rc;
    if (!*is_pdf)
        rc = doctag_doc_from_text(doc, data, size);
    else if (data)
        rc = doctag_doc_from_pdf_buffer(doc, data, size, pdf_opts); /* stdin */
    else
        rc = doctag_doc_from_pdf_file(doc, path, pdf_opts);
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
static int parse_types(const char *list, unsigned *mask)
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
    const char *out_dir;
    unsigned type_mask;
    doctag_pdf_options pdf;
    const doctag_model *model;
    doctag_limits limits;
    name_set written;
} tag_settings;

static void write_result(FILE *f, const tag_settings *s, const char *name,
                         const doctag_result *result, int is_pdf)
{
    size_t n = doctag_result_count(result);
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(result, i);
        int type = doctag_entity_type(e);
        if (type >= 0 && type < DOCTAG_TYPE_COUNT && !(s->type_mask & (1u << type)))
            continue;
        output_write_entity(f, s->format, name, e, is_pdf);
    }
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
    output_write_header(f, s->format);
    write_result(f, s, name, result, is_pdf);
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
    int is_pdf = 0;

    if (open_document(path, &s->pdf, s->limits.max_input_bytes, &doc, &is_pdf) != 0)
        return -1;
    int rc = doctag_tag(&result, s->model, doc);
    doctag_doc_free(doc);
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
        write_result(stdout, s, name, result, is_pdf);
    free(name);
    doctag_result_free(result);
    return rc;
}

enum { OPT_PASSWORD = 256, OPT_MAX_BYTES, OPT_MAX_ENTITIES, OPT_TRUSTED_MODEL };

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
        { "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
        { "max-entities", required_argument, NULL, OPT_MAX_ENTITIES },
        { "trusted-model", no_argument, NULL, OPT_TRUSTED_MODEL },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    tag_settings s = { .format = OUTPUT_JSONL, .type_mask = ~0u };
    unsigned model_flags = 0;
    doctag_limits_init(&s.limits);
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
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
                status = usage_error("tag", "unknown format '%s' (jsonl or tsv)", optarg);
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
        case OPT_MAX_BYTES:
            if (parse_size(optarg, &s.limits.max_input_bytes) != 0)
                status = usage_error("tag", "bad --max-bytes '%s' (a positive number)", optarg);
            break;
        case OPT_MAX_ENTITIES:
            if (parse_size(optarg, &s.limits.max_entities) != 0)
                status = usage_error("tag", "bad --max-entities '%s' (a positive number)",
                                     optarg);
            break;
        case OPT_TRUSTED_MODEL: model_flags |= DOCTAG_MODEL_TRUSTED; break;
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
    } else {
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

static int command_text(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "pages", required_argument, NULL, 'p' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        { "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
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

    for (int i = optind; i < argc; i++) {
        doctag_doc *doc = NULL;
        int is_pdf = 0;
        if (open_document(argv[i], &pdf, limits.max_input_bytes, &doc, &is_pdf) != 0) {
            status = EXIT_INPUT_FAILED;
            continue;
        }
        size_t len = 0;
        const char *text = doctag_doc_text(doc, &len);
        if (text)
            fwrite(text, 1, len, stdout);
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
        return usage_error(NULL, "no command (tag, text or compile)");

    const char *command = argv[optind];
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    static char tag_name[] = "doctag tag", text_name[] = "doctag text",
                compile_name[] = "doctag compile";
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
    } else if (strcmp(command, "help") == 0) {
        fputs(usage_main, stdout);
        fputs(usage_exit_codes, stdout);
        status = EXIT_ALL_OK;
    } else
        return usage_error(NULL, "unknown command '%s'", command);
    return finish_stdout(status);
}
