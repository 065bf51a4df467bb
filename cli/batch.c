/* batch.c: `doctag batch`: options, the walk over the inputs, worker
 * threads, the ordered commit (stream, manifest, stderr, progress). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "batch_job.h"
#include "input.h"
#include "manifest.h"
#include "pipeline.h"
#include "progress.h"
#include "options.h"
#include "sources.h"

enum { EXIT_ALL_OK = 0, EXIT_INPUT_FAILED = 1, EXIT_USAGE = 2, EXIT_MODEL = 3,
       EXIT_INTERRUPTED = 130 /* as a shell reports a SIGINT */ };

/* The default --max-bytes: a report larger than this is almost surely not
 * one; it also bounds the memory a batch holds: window x max-bytes. */
#define DEFAULT_MAX_BYTES (256LL << 20)

static const char usage_batch[] =
    "Usage: doctag batch [options] INPUT... (--out-dir DIR | -o FILE)\n"
    "Tags every document in the INPUTs: files, folders (recursive) and archives\n"
    "read in place (zip, tar, tar.gz/tgz, tar.xz, tar.bz2, 7z, a single .gz...),\n"
    "with worker threads sharing one model; '-' reads one from standard input.\n"
    "What a file is comes from its content:\n"
    "PDF, UTF-8 text, an archive; anything else is reported as unsupported.\n"
    "Each document's id is the input's name and the path below it, with '!' into\n"
    "an archive: corpus/2019/a.pdf, reports.zip!2019/a.pdf.\n"
    "\n"
    "Output (one of):\n"
    "  -d, --out-dir DIR    DIR/<id>.jsonl per document ('!' as '/'), written under\n"
    "                       a temporary name and renamed when complete, and\n"
    "                       DIR/manifest.jsonl: one record per document (doc,\n"
    "                       status, kind, bytes, pages, entity counts, output,\n"
    "                       error, seconds). A rerun passes by the documents done\n"
    "                       with the same input (bytes, mtime) and settings.\n"
    "  -o, --output FILE    one stream of entities, in input order whatever -j,\n"
    "                       with a 'doc' field ('-': stdout, the default)\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     jsonl (default), tsv or csv (one header line)\n"
    "  -j, --jobs N         worker threads (default: the number of cores)\n"
    "  -g, --glob PATTERN   in folders and archives, only documents whose name\n"
    "                       (or id) matches (repeatable; e.g. '*.pdf')\n"
    "  -x, --exclude PATTERN  leave out files, folders and members whose name\n"
    "                       (or id) matches (repeatable)\n"
    "      --force          redo every document, done or not\n"
    "      --manifest FILE  the manifest (default DIR/manifest.jsonl; with -o,\n"
    "                       none unless given)\n"
    "      --max-bytes N    documents larger than N bytes (K, M, G suffixes) fail\n"
    "                       unread (default 256M)\n"
    "      --max-pages N    PDFs of more than N pages fail (default: no limit)\n"
    "      --sync           fsync each output and record (survives a power cut)\n"
    "  -q, --quiet          no progress and no summary on stderr\n"
    "  -m, --model FILE     a compiled model (default: the one built in)\n"
    "  -D, --dict FILE      a dictionary source added to the model (repeatable)\n"
    "  -p, --pages RANGE    PDF pages A-B, N, A- or -B\n"
    "      --password PW    password of encrypted PDFs\n"
    "  -h, --help           this help\n"
    "\n"
    "Progress goes to stderr: a bar on a terminal, a line every 10 s otherwise,\n"
    "then a summary. A document that fails is reported on stderr and in the\n"
    "manifest, and the batch goes on.\n"
    "\n"
    "Exit status:\n"
    "  0  every document was tagged (now or in an earlier run)\n"
    "  1  some document failed, or an output could not be written\n"
    "  2  usage error\n"
    "  3  the model could not be loaded (--model, --dict)\n"
    "  130  interrupted (Ctrl-C, SIGTERM): what was under way was finished and\n"
    "     recorded; the same command goes on from there\n";

typedef struct batch_options {
    const char *out_dir, *output, *manifest, *model_path;
    const char **dicts, **globs, **excludes;
    size_t n_dicts, n_globs, n_excludes;
    int jobs, force, quiet, sync;
    doctag_limits limits;       /* max_input_bytes, max_pages (0: no limit) */
    output_format format;
    doctag_pdf_options pdf;
} batch_options;

typedef struct batch {
    batch_settings settings;
    manifest manifest;
    char config[17];            /* the settings' fingerprint, hex */
    int resume;                 /* pass by documents done earlier */
    FILE *stream;               /* stream mode: where entities go */
    progress progress;
    pipeline *pipe;
    int status;
    int io_failed;              /* the stream or the manifest failed */
    atomic_llong total;         /* counted alongside; -1 until known */
    atomic_int stop_count;
} batch;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("doctag batch: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'doctag batch --help'.\n", stderr);
    return EXIT_USAGE;
}

static long parse_count(const char *s, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return errno || end == s || *end || v < 1 || v > max ? -1 : v;
}

enum { OPT_PASSWORD = 256, OPT_FORCE, OPT_MANIFEST, OPT_SYNC };

/* --max-bytes, --max-pages (options.h), or an unknown option (getopt_long
 * has said so): 0 or EXIT_USAGE. */
static int batch_limit_option(batch_options *o, int c, const char *arg)
{
    char why[200];
    int rc = limit_option(c, arg, &o->limits, why, sizeof why);
    return rc == 0 ? 0 : rc < 0 ? usage_error("%s", why) : EXIT_USAGE;
}

/* One option into `o`; returns 0, EXIT_USAGE, or -1 for --help. */
static int parse_option(batch_options *o, int c, const char *arg)
{
    long n;
    switch (c) {
    case 'd': o->out_dir = arg; break;
    case 'o': o->output = arg; break;
    case 'f':
        if (output_format_from_name(arg, &o->format) != 0)
            return usage_error("unknown format '%s' (jsonl, tsv or csv)", arg);
        break;
    case 'j':
        if ((n = parse_count(arg, 1024)) < 0)
            return usage_error("bad --jobs '%s' (1 to 1024)", arg);
        o->jobs = (int)n;
        break;
    case 'g': o->globs[o->n_globs++] = arg; break;
    case 'x': o->excludes[o->n_excludes++] = arg; break;
    case 'm': o->model_path = arg; break;
    case 'D': o->dicts[o->n_dicts++] = arg; break;
    case 'p':
        if (input_parse_pages(arg, &o->pdf) != 0)
            return usage_error("bad page range '%s' (A-B, N, A- or -B)", arg);
        break;
    case 'q': o->quiet = 1; break;
    case OPT_PASSWORD: o->pdf.password = arg; break;
    case OPT_FORCE: o->force = 1; break;
    case OPT_MANIFEST: o->manifest = arg; break;
    case OPT_SYNC: o->sync = 1; break;
    case 'h': return -1;
    default: return batch_limit_option(o, c, arg);
    }
    return 0;
}

static int parse_options(batch_options *o, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "out-dir", required_argument, NULL, 'd' },
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "jobs", required_argument, NULL, 'j' },
        { "glob", required_argument, NULL, 'g' },
        { "exclude", required_argument, NULL, 'x' },
        { "model", required_argument, NULL, 'm' },
        { "dict", required_argument, NULL, 'D' },
        { "pages", required_argument, NULL, 'p' },
        { "quiet", no_argument, NULL, 'q' },
        { "password", required_argument, NULL, OPT_PASSWORD },
        { "force", no_argument, NULL, OPT_FORCE },
        { "manifest", required_argument, NULL, OPT_MANIFEST },
        LIMIT_OPTION_MAX_BYTES,
        LIMIT_OPTION_MAX_PAGES,
        { "sync", no_argument, NULL, OPT_SYNC },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, rc = 0;
    optind = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, "d:o:f:j:g:x:m:D:p:qh", longopts, NULL)) != -1)
        if ((rc = parse_option(o, c, optarg)) == EXIT_USAGE && c == '?')
            fputs("Try 'doctag batch --help'.\n", stderr);
    if (rc == -1) {
        fputs(usage_batch, stdout);
        return -1;
    }
    if (rc == 0 && optind >= argc)
        rc = usage_error("%s", "no inputs");
    if (rc == 0 && o->out_dir && o->output)
        rc = usage_error("%s", "--out-dir and --output exclude each other");
    return rc;
}

/* The settings that change what a document's output is, as a hash: a
 * record made under other settings is not reused. */
static void fingerprint(const batch_options *o, char out[17])
{
    uint64_t h = 14695981039346656037u;
    char buf[128];
    snprintf(buf, sizeof buf, "%s|%d|%d-%d|%d|%d|", doctag_version(), (int)o->format,
             o->pdf.first_page, o->pdf.last_page, o->limits.max_pages, o->pdf.password != NULL);
    /* not the password itself: the manifest is no place for its hash */
    const char *parts[] = { buf, o->model_path ? o->model_path : "-" };
    for (size_t i = 0; i < 2 + o->n_dicts; i++) {
        const char *s = i < 2 ? parts[i] : o->dicts[i - 2];
        for (; s && *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211u;
        h = (h ^ '|') * 1099511628211u;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- the walk: jobs in input order --------------------------------------- */

static batch_job *new_job(const source_doc *doc)
{
    batch_job *job = calloc(1, sizeof *job);
    if (!job || !(job->id = strdup(doc->id)) || (doc->path && !(job->path = strdup(doc->path)))) {
        batch_job_free(job);
        return NULL;
    }
    job->bytes = doc->size;
    job->mtime = doc->mtime;
    job->kind = doc->kind;
    return job;
}

/* 1 if an earlier run's record says `doc` is done: same input, same
 * settings, and its output (if it has one) complete on disk. */
static int done_earlier(batch *b, const manifest_entry *e, const source_doc *doc)
{
    if (!e->has_record || e->seen || !e->config || strcmp(e->config, b->config) != 0 ||
        doc->size < 0 || e->bytes != doc->size || e->mtime != doc->mtime)
        return 0;
    if (e->status == MANIFEST_FAILED)
        return 1;
    if (e->status != MANIFEST_OK || !e->output)
        return 0;
    char *path;
    struct stat st;
    if (asprintf(&path, "%s/%s", b->settings.out_dir, e->output) < 0)
        return 0;
    int complete = stat(path, &st) == 0 && (long long)st.st_size == e->output_bytes;
    free(path);
    return complete;
}

static int on_skip(void *ctx, const source_doc *doc)
{
    batch *b = ctx;
    if (!b->resume)
        return 0;
    manifest_entry *e = manifest_entry_of(&b->manifest, doc->id);
    if (!e || !done_earlier(b, e, doc))
        return 0;
    batch_job *job = new_job(doc);
    if (!job)
        return 0;
    e->seen = 1;
    job->skipped = 1;
    job->status = e->status;
    if (e->error)
        job->error = strdup(e->error);
    pipeline_submit(b->pipe, job);
    return 1;
}

/* Ctrl-C or SIGTERM: the walk stops, the documents in flight finish and
 * are recorded. The handler is then reset: a second signal kills. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int on_take(void *ctx, source_doc *doc)
{
    batch *b = ctx;
    if (interrupted)
        return EINTR;
    batch_job *job = new_job(doc);
    if (!job)
        return ENOMEM;
    manifest_entry *e = manifest_entry_of(&b->manifest, doc->id);
    if (!e)
        return ENOMEM;
    if (e->seen)
        batch_job_fail(job, MANIFEST_FAILED, "another input has the same id: rename one, "
                       "or pass their parent folders");
    else if (doc->error)
        batch_job_fail(job, doc->io_error ? MANIFEST_ERROR : MANIFEST_FAILED, "%s", doc->error);
    else if (b->settings.out_dir && strcmp(doc->id, "manifest") == 0)
        batch_job_fail(job, MANIFEST_FAILED, "its output would be the manifest: rename it");
    e->seen = 1;
    job->data = doc->data;   /* the job keeps the member's bytes */
    job->len = doc->len;
    doc->data = NULL;
    pipeline_submit(b->pipe, job);
    return 0;
}

/* ---- the commit: in input order, in the batch's thread -------------------- */

static void record(batch *b, const batch_job *job)
{
    manifest_record r = {
        .doc = job->id, .status = job->status, .bytes = job->bytes, .mtime = job->mtime,
        .kind = sniff_kind_name(job->kind),
        .pages = job->pages, .pages_without_text = job->pages_without_text,
        .output = job->error ? NULL : job->output, .output_bytes = job->output_bytes,
        .seconds = job->seconds, .error = job->error, .config = b->config,
    };
    memcpy(r.entities, job->entities, sizeof r.entities);
    int err = manifest_append(&b->manifest, &r);
    if (err && !b->io_failed) {
        progress_clear(&b->progress);
        fprintf(stderr, "doctag: %s: cannot write: %s\n", b->manifest.path, strerror(err));
        b->io_failed = 1;
    }
}

static void on_commit(void *ctx, void *arg)
{
    batch *b = ctx;
    batch_job *job = arg;
    if (job->stream && b->stream)
        fwrite(job->stream, 1, job->stream_len, b->stream);
    if (job->error || job->warning) {
        progress_clear(&b->progress);
        fprintf(stderr, "doctag: %s: %s%s\n", job->id, job->skipped ? "(earlier run) " : "",
                job->error ? job->error : job->warning);
    }
    if (job->error)
        b->status = EXIT_INPUT_FAILED;
    if (!job->skipped)
        record(b, job);
    progress_add(&b->progress, job->error != NULL, job->skipped, job->pages, job->entities);
    progress_tick(&b->progress);
    batch_job_free(job);
}

static void on_work(void *ctx, void *arg)
{
    batch *b = ctx;
    batch_job_run(&b->settings, arg);
}

static void on_tick(void *ctx)
{
    batch *b = ctx;
    long long total = atomic_load(&b->total);
    if (total >= 0 && b->progress.total < 0)
        progress_set_total(&b->progress, total);
    progress_tick(&b->progress);
}

/* ---- counting the documents, for the progress bar ------------------------ */

/* A second walk, in its own thread, that only lists (no member is read):
 * the total is known long before the batch ends. Nested archives count
 * as one document, so the total can be a little short. */
typedef struct counter {
    batch *b;
    char *const *inputs;
    int n;
    sources_options opts;
    long long seen;
    pthread_t thread;
    int started;
} counter;

static int count_one(void *ctx, source_doc *doc)
{
    counter *c = ctx;
    (void)doc;
    if (atomic_load(&c->b->stop_count))
        return 1;
    c->seen++;
    return 0;
}

static void *count_main(void *arg)
{
    counter *c = arg;
    if (sources_walk(c->inputs, c->n, &c->opts, NULL, count_one, c) == 0)
        atomic_store(&c->b->total, c->seen);
    return NULL;
}

static void count_start(counter *c, batch *b, char *const *inputs, int n,
                        const sources_options *opts)
{
    memset(c, 0, sizeof *c);
    c->b = b;
    c->inputs = inputs;
    c->n = n;
    c->opts = *opts;
    c->opts.count_only = 1;
    int streamed = 0;   /* standard input can be read once only: no count */
    for (int i = 0; i < n; i++)
        streamed |= strcmp(inputs[i], "-") == 0;
    c->started = b->progress.mode != PROGRESS_QUIET && !streamed &&
                 pthread_create(&c->thread, NULL, count_main, c) == 0;
}

static void count_stop(counter *c)
{
    atomic_store(&c->b->stop_count, 1);
    if (c->started)
        pthread_join(c->thread, NULL);
}

/* ---- the command --------------------------------------------------------- */

static int open_model(const batch_options *o, doctag_model **model)
{
    doctag_model_options mopts = DOCTAG_MODEL_OPTIONS_INIT;
    mopts.dictionaries = o->dicts;
    mopts.n_dictionaries = o->n_dicts;
    int rc = doctag_model_open(model, o->model_path, &mopts);
    if (rc != DOCTAG_OK) {
        const char *detail = doctag_last_error();
        char *copy = strdup(detail ? detail : "");
        fprintf(stderr, "doctag: %s: %s: %s\n", o->model_path ? o->model_path : "model",
                doctag_strerror(rc), copy ? copy : "");
        free(copy);
        return EXIT_MODEL;
    }
    return 0;
}

/* The output folder or stream, and the manifest. 0 or EXIT_INPUT_FAILED. */
static int open_outputs(batch *b, const batch_options *o)
{
    char *path = NULL;
    int err = 0;
    const char *what = o->out_dir;
    if (o->out_dir) {
        err = output_make_directories(o->out_dir);
        if (!err && !o->manifest && asprintf(&path, "%s/manifest.jsonl", o->out_dir) < 0)
            err = ENOMEM;
    } else if (o->output && strcmp(o->output, "-") != 0) {
        what = o->output;
        if (!(b->stream = fopen(o->output, "wb")))
            err = errno;
    } else {
        b->stream = stdout;
    }
    if (!err) {
        what = o->manifest ? o->manifest : path;
        err = manifest_open(&b->manifest, what, o->sync);
        if (err == EWOULDBLOCK)
            fprintf(stderr, "doctag: %s: in use by another doctag batch\n", what);
    }
    if (err && err != EWOULDBLOCK)
        fprintf(stderr, "doctag: %s: %s\n", what ? what : "output", strerror(err));
    free(path);
    if (err)
        return EXIT_INPUT_FAILED;
    b->resume = o->out_dir && !o->force;
    if (b->stream)
        output_write_header(b->stream, o->format);
    return 0;
}

/* Flushes and closes the stream; compacts the manifest. */
static void close_outputs(batch *b)
{
    int err = manifest_compact(&b->manifest);
    if (err)
        fprintf(stderr, "doctag: %s: cannot compact: %s\n", b->manifest.path, strerror(err));
    manifest_close(&b->manifest);
    if (b->stream && (fflush(b->stream) != 0 || ferror(b->stream))) {
        fprintf(stderr, "doctag: output: %s\n", strerror(errno ? errno : EIO));
        b->status = EXIT_INPUT_FAILED;
    }
    if (b->stream && b->stream != stdout)
        fclose(b->stream);
}

/* Walks the inputs through the worker threads. */
static void run(batch *b, const batch_options *o, char *const *inputs, int n)
{
    sources_options so = { .globs = o->globs, .n_globs = o->n_globs,
                           .excludes = o->excludes, .n_excludes = o->n_excludes,
                           .max_bytes = (long long)o->limits.max_input_bytes,
                           .skip_dir = o->out_dir };   /* not its own outputs as inputs */
    pipeline_calls calls = { on_work, on_commit, on_tick, b };
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = o->jobs ? o->jobs : cores > 0 ? (int)cores : 1;
    int err = pipeline_start(&b->pipe, jobs, 2 * (size_t)jobs + 2, &calls);
    if (err) {
        fprintf(stderr, "doctag: cannot start the workers: %s\n", strerror(err));
        b->status = EXIT_INPUT_FAILED;
        return;
    }
    counter count;
    count_start(&count, b, inputs, n, &so);
    catch_signals();
    err = sources_walk(inputs, n, &so, b->resume ? on_skip : NULL, on_take, b);
    pipeline_finish(b->pipe);
    count_stop(&count);
    if (err == EINTR) {
        progress_clear(&b->progress);
        fprintf(stderr, "doctag: interrupted: the documents under way were finished and "
                "recorded; run the same command again to go on\n");
        b->status = EXIT_INTERRUPTED;
    } else if (err) {
        fprintf(stderr, "doctag: batch stopped: %s\n", strerror(err));
        b->status = EXIT_INPUT_FAILED;
    }
}

int command_batch(int argc, char **argv)
{
    batch_options o = { .format = OUTPUT_JSONL, .limits.max_input_bytes = DEFAULT_MAX_BYTES };
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
    o.pdf = pdf;
    /* the repeatable options point into argv: at most one per argument */
    o.dicts = calloc((size_t)argc, sizeof *o.dicts);
    o.globs = calloc((size_t)argc, sizeof *o.globs);
    o.excludes = calloc((size_t)argc, sizeof *o.excludes);
    int status = o.dicts && o.globs && o.excludes ? parse_options(&o, argc, argv) : ENOMEM;
    doctag_model *model = NULL;
    if (status == 0)
        status = open_model(&o, &model);
    if (status == 0) {
        batch b = { .settings = { .model = model, .pdf = o.pdf, .format = o.format,
                                  .out_dir = o.out_dir, .max_pages = o.limits.max_pages,
                                  .sync = o.sync } };
        atomic_init(&b.total, -1);
        atomic_init(&b.stop_count, 0);
        fingerprint(&o, b.config);
        progress_init(&b.progress, stderr, o.quiet);
        status = open_outputs(&b, &o);
        if (status == 0) {
            run(&b, &o, argv + optind, argc - optind);
            close_outputs(&b);
            progress_finish(&b.progress);
            status = b.status != 0 ? b.status : b.io_failed ? EXIT_INPUT_FAILED : 0;
        }
    }
    doctag_model_free(model);
    free(o.dicts);
    free(o.globs);
    free(o.excludes);
    return status == -1 ? EXIT_ALL_OK : status == ENOMEM ? EXIT_INPUT_FAILED : status;
}
