/*
 * bench_tag.c: tagging throughput of libdoctag, single thread.
 *
 *   bench_tag [--mb N] [--runs R] [--dict EXTRA.dict]... FILE...
 *
 * Concatenates the files (e.g. the corpus text files) and repeats them to
 * at least N MB (default 50), then prints, in one run so that the figures
 * can be compared:
 *   - the default model's load time and the throughput of
 *     doctag_tag_text() over the whole buffer in one call and per document
 *     (each file tagged by itself, as many times as the buffer repeats
 *     them: what a pipeline of reports does);
 *   - with --dict: the same for the default model plus those dictionaries
 *     (e.g. bench/gen_names' 50,000 names), and its ratio to the default;
 *   - a floor: one memchr pass over the same buffer.
 * Each figure is the median of R runs (default 5), with the best beside it,
 * in CPU time (user + system) so that a busy machine does not skew it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doctag.h"

#define MAX_DOCS 256
#define MAX_DICTS 16
#define MAX_RUNS 31

/* CPU time of the process (user + system): on a shared machine, the time
 * the work itself took, whatever else ran beside it. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    fprintf(stderr, "bench_tag: %s: %s\n", what, doctag_last_error());
    exit(1);
}

typedef struct doc_span {
    size_t start, len;
} doc_span;

typedef struct timing {
    double best, median;
} timing;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static timing summarise(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    return (timing){ t[0], n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2 };
}

static char *append_file(char *buf, size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_tag: cannot open %s\n", path);
        exit(1);
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf = realloc(buf, *len + n + 2);
        memcpy(buf + *len, chunk, n);
        *len += n;
    }
    fclose(f);
    buf = realloc(buf, *len + 2);
    buf[(*len)++] = '\n';
    return buf;
}

/* Opens the default model (plus `dicts`) `runs` times; keeps the last. */
static doctag_model *open_model(const char *const *dicts, size_t n_dicts, int runs, timing *load)
{
    double t[MAX_RUNS];
    doctag_model *model = NULL;
    doctag_model_options opts = { DOCTAG_MODEL_OPTIONS_VERSION, dicts, n_dicts, 0, NULL };
    for (int r = 0; r < runs; r++) {
        doctag_model_free(model);
        double t0 = now();
        if (doctag_model_open(&model, NULL, n_dicts ? &opts : NULL) != DOCTAG_OK)
            die("opening the model");
        t[r] = now() - t0;
    }
    *load = summarise(t, runs);
    return model;
}

static timing time_whole(const doctag_model *model, const char *text, size_t len, int runs,
                         size_t *entities)
{
    double t[MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        doctag_result *res;
        double t0 = now();
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK)
            die("tagging");
        t[r] = now() - t0;
        *entities = doctag_result_count(res);
        doctag_result_free(res);
    }
    return summarise(t, runs);
}

static timing time_per_doc(const doctag_model *model, const char *one, const doc_span *docs,
                           int n_docs, size_t copies, int runs)
{
    double t[MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (size_t c = 0; c < copies; c++)
            for (int d = 0; d < n_docs; d++) {
                doctag_result *res;
                if (doctag_tag_text(&res, model, one + docs[d].start, docs[d].len) != DOCTAG_OK)
                    die("tagging");
                doctag_result_free(res);
            }
        t[r] = now() - t0;
    }
    return summarise(t, runs);
}

/* The floor: one memchr pass counting the lines. */
static timing time_floor(const char *text, size_t len, int runs, size_t *lines)
{
    double t[MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        size_t n = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));
             p++)
            n++;
        t[r] = now() - t0;
        *lines = n;
    }
    return summarise(t, runs);
}

static void row(const char *what, timing load, timing tag, double mb, double ratio)
{
    printf("%-28s %9.2f %9.2f %9.1f %9.1f", what, load.median * 1e3, load.best * 1e3,
           mb / tag.median, mb / tag.best);
    if (ratio > 0)
        printf(" %8.2fx", ratio);
    printf("\n");
}

int main(int argc, char **argv)
{
    double mb = 50;
    int runs = 5, first = 1;
    const char *dicts[MAX_DICTS];
    size_t n_dicts = 0;
    for (; first + 1 < argc && argv[first][0] == '-'; first += 2) {
        if (strcmp(argv[first], "--mb") == 0)
            mb = atof(argv[first + 1]);
        else if (strcmp(argv[first], "--runs") == 0)
            runs = atoi(argv[first + 1]);
        else if (strcmp(argv[first], "--dict") == 0 && n_dicts < MAX_DICTS)
            dicts[n_dicts++] = argv[first + 1];
        else
            break;
    }
    if (first >= argc || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: bench_tag [--mb N] [--runs R] [--dict EXTRA.dict]... FILE...\n");
        return 2;
    }
    char *one = NULL;
    size_t one_len = 0;
    doc_span docs[MAX_DOCS];
    int n_docs = 0;
    for (int i = first; i < argc && n_docs < MAX_DOCS; i++) {
        size_t before = one_len;
        one = append_file(one, &one_len, argv[i]);
        docs[n_docs++] = (doc_span){ before, one_len - before };
    }
    size_t want = (size_t)(mb * 1e6), len = 0;
    char *text = malloc(want + one_len + 1);
    while (len < want) {
        memcpy(text + len, one, one_len);
        len += one_len;
    }
    size_t copies = len / one_len, entities = 0, extra_entities = 0, lines = 0;

    timing load = { 0, 0 }, extra_load = { 0, 0 };
    doctag_model *model = open_model(NULL, 0, runs, &load);
    timing whole = time_whole(model, text, len, runs, &entities);
    timing per_doc = time_per_doc(model, one, docs, n_docs, copies, runs);
    timing extra_whole = { 0, 0 };
    doctag_model *extra = NULL;
    if (n_dicts) {
        extra = open_model(dicts, n_dicts, runs, &extra_load);
        extra_whole = time_whole(extra, text, len, runs, &extra_entities);
    }
    timing floor = time_floor(text, len, runs, &lines);

    printf("libdoctag %s, default model: %zu dictionary variants\n", doctag_version(),
           doctag_model_entry_count(model));
    printf("model load:  %.2f ms\n", load.median * 1e3);
    printf("input:       %.1f MB (%zu bytes, %d file(s) repeated)\n", len / 1e6, len, n_docs);
    printf("entities:    %zu\n", entities);
    printf("tagging:     %.3f s median of %d, %.1f MB/s single thread\n", whole.median, runs,
           len / 1e6 / whole.median);
    printf("per doc:     %.3f s median of %d, %.1f MB/s single thread (%d documents x %zu)\n",
           per_doc.median, runs, (double)(copies * one_len) / 1e6 / per_doc.median, n_docs, copies);
    printf("\n%-28s %9s %9s %9s %9s %9s\n", "side by side (one run)", "load ms", "(best)",
           "MB/s", "(best)", "ratio");
    row("default model", load, whole, len / 1e6, 0);
    if (extra) {
        char what[64];
        snprintf(what, sizeof what, "+ %zu variants (--dict)",
                 doctag_model_entry_count(extra) - doctag_model_entry_count(model));
        row(what, extra_load, extra_whole, len / 1e6, whole.median / extra_whole.median);
        printf("%-28s %zu entities\n", "", extra_entities);
    }
    row("floor: memchr pass", (timing){ 0, 0 }, floor, len / 1e6, whole.median / floor.median);
    printf("(ratio: --dict row, its throughput over the default's; floor row, the default's\n"
           " tagging time over the floor's; all medians of this run)\n");
    doctag_model_free(extra);
    doctag_model_free(model);
    free(text);
    free(one);
    return 0;
}
