/*
 * bench_tag.c: tagging throughput of libdoctag, single thread.
 *
 *   bench_tag [--mb N] [--runs R] [--dict EXTRA.dict]... [--cli DOCTAG]
 *             [--rss-mb M] FILE...
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
 *   - with --cli: the whole `DOCTAG tag` process (CPU time of the child,
 *     JSON to /dev/null) on the same text written to a file, its ratio to
 *     the library's core time, and its peak RSS on M MB of the same text
 *     (default 200) over the input's size;
 *   - a floor: one memchr pass over the same buffer;
 *   - the targets beside what this run reached.
 * Each figure is the median of R runs (default 5), with the best beside it,
 * in CPU time (user + system) so that a busy machine does not skew it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "bench_util.h"
#include "doctag.h"

typedef bench_timing timing;

static void die(const char *what)
{
    fprintf(stderr, "bench_tag: %s: %s\n", what, doctag_last_error());
    exit(1);
}

/* Opens the default model (plus `dicts`) `runs` times; keeps the last. */
static doctag_model *open_model(const char *const *dicts, size_t n_dicts, int runs, timing *load)
{
    double t[BENCH_MAX_RUNS];
    doctag_model *model = NULL;
    doctag_model_options opts = { DOCTAG_MODEL_OPTIONS_VERSION, dicts, n_dicts, 0, NULL };
    for (int r = 0; r < runs; r++) {
        doctag_model_free(model);
        double t0 = bench_now();
        if (doctag_model_open(&model, NULL, n_dicts ? &opts : NULL) != DOCTAG_OK)
            die("opening the model");
        t[r] = bench_now() - t0;
    }
    *load = bench_summarise(t, runs);
    return model;
}

static timing time_whole(const doctag_model *model, const char *text, size_t len, int runs,
                         size_t *entities)
{
    double t[BENCH_MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        doctag_result *res;
        double t0 = bench_now();
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK)
            die("tagging");
        t[r] = bench_now() - t0;
        *entities = doctag_result_count(res);
        doctag_result_free(res);
    }
    return bench_summarise(t, runs);
}

static timing time_per_doc(const doctag_model *model, const char *one, const bench_doc *docs,
                           int n_docs, size_t copies, int runs)
{
    double t[BENCH_MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        for (size_t c = 0; c < copies; c++)
            for (int d = 0; d < n_docs; d++) {
                doctag_result *res;
                if (doctag_tag_text(&res, model, one + docs[d].start, docs[d].len) != DOCTAG_OK)
                    die("tagging");
                doctag_result_free(res);
            }
        t[r] = bench_now() - t0;
    }
    return bench_summarise(t, runs);
}

/* The floor: one memchr pass counting the lines. */
static timing time_floor(const char *text, size_t len, int runs, size_t *lines)
{
    double t[BENCH_MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        size_t n = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));
             p++)
            n++;
        t[r] = bench_now() - t0;
        *lines = n;
    }
    return bench_summarise(t, runs);
}

/* The whole CLI on `text` (len bytes) written to a file: `cli tag FILE`
 * with its JSON to /dev/null, `runs` times; the child's CPU time, and its
 * largest peak RSS in *rss (bytes). */
static timing time_cli(const char *cli, const char *text, size_t len, int runs, double *rss)
{
    char path[] = "/tmp/bench_tag_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
        fprintf(stderr, "bench_tag: cannot write %s\n", path);
        exit(1);
    }
    close(fd);
    double t[BENCH_MAX_RUNS];
    *rss = 0;
    for (int r = 0; r < runs; r++) {
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execl(cli, cli, "tag", path, (char *)NULL);
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_tag: %s tag %s failed\n", cli, path);
            unlink(path);
            exit(1);
        }
        t[r] = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
        if (ru.ru_maxrss * 1024.0 > *rss)
            *rss = ru.ru_maxrss * 1024.0;
    }
    unlink(path);
    return bench_summarise(t, runs);
}

static void row(const char *what, timing load, timing tag, double mb, double ratio)
{
    printf("%-28s %9.2f %9.2f %9.1f %9.1f", what, load.median * 1e3, load.best * 1e3,
           mb / tag.median, mb / tag.best);
    if (ratio > 0)
        printf(" %8.2fx", ratio);
    printf("\n");
}

static void target(const char *what, const char *goal, double value, const char *unit, int met)
{
    printf("  %-36s %-10s %9.2f%-5s %s\n", what, goal, value, unit, met ? "met" : "NOT met");
}

/* Runs the CLI rows (--cli): its time on the same text, then its peak RSS
 * on rss_mb MB. */
static void cli_rows(const char *cli, const bench_input *in, double rss_mb, int runs,
                     timing whole, double *ratio, double *rss_ratio)
{
    double rss;
    timing t = time_cli(cli, in->text, in->len, runs, &rss);
    *ratio = t.median / whole.median;
    row("CLI whole process", (timing){ 0, 0 }, t, in->len / 1e6, *ratio);
    size_t want = (size_t)(rss_mb * 1e6), len = 0;
    char *big = malloc(want + in->one_len);
    if (!big) {
        fprintf(stderr, "bench_tag: out of memory\n");
        exit(1);
    }
    for (; len < want; len += in->one_len)
        memcpy(big + len, in->one, in->one_len);
    time_cli(cli, big, len, 1, &rss);
    *rss_ratio = rss / (double)len;
    printf("%-28s %.1f MiB peak RSS on %.1f MB of text: %.2fx the input\n", "CLI memory",
           rss / 1048576.0, len / 1e6, *rss_ratio);
    free(big);
}

int main(int argc, char **argv)
{
    static const char *const extra_opts[] = { "--cli", "--rss-mb", NULL };
    bench_args a = { .extra = extra_opts };
    int first = bench_parse_args(&a, argc, argv);
    if (first < 0) {
        fprintf(stderr, "usage: bench_tag [--mb N] [--runs R] [--dict EXTRA.dict]... "
                        "[--cli DOCTAG] [--rss-mb M] FILE...\n");
        return 2;
    }
    const char *cli = a.extra_values[0];
    double rss_mb = a.extra_values[1] ? atof(a.extra_values[1]) : 200;
    bench_input in;
    bench_read_input(&in, argv + first, argc - first, a.mb);
    int runs = a.runs;
    size_t entities = 0, extra_entities = 0, lines = 0;

    timing load = { 0, 0 }, extra_load = { 0, 0 };
    doctag_model *model = open_model(NULL, 0, runs, &load);
    timing whole = time_whole(model, in.text, in.len, runs, &entities);
    timing per_doc = time_per_doc(model, in.one, in.docs, in.n_docs, in.copies, runs);
    timing extra_whole = { 0, 0 };
    doctag_model *extra = NULL;
    if (a.n_dicts) {
        extra = open_model(a.dicts, a.n_dicts, runs, &extra_load);
        extra_whole = time_whole(extra, in.text, in.len, runs, &extra_entities);
    }
    timing floor = time_floor(in.text, in.len, runs, &lines);
    double MB = in.len / 1e6;

    printf("libdoctag %s, default model: %zu dictionary variants\n", doctag_version(),
           doctag_model_entry_count(model));
    printf("model load:  %.2f ms\n", load.median * 1e3);
    printf("input:       %.1f MB (%zu bytes, %d file(s) repeated)\n", MB, in.len, in.n_docs);
    printf("entities:    %zu\n", entities);
    printf("tagging:     %.3f s median of %d, %.1f MB/s single thread\n", whole.median, runs,
           MB / whole.median);
    printf("per doc:     %.3f s median of %d, %.1f MB/s single thread (%d documents x %zu)\n",
           per_doc.median, runs, (double)(in.copies * in.one_len) / 1e6 / per_doc.median,
           in.n_docs, in.copies);
    printf("\n%-28s %9s %9s %9s %9s %9s\n", "side by side (one run)", "load ms", "(best)",
           "MB/s", "(best)", "ratio");
    row("default model", load, whole, MB, 0);
    double dict_ratio = 0, cli_ratio = 0, rss_ratio = 0;
    if (extra) {
        char what[64];
        snprintf(what, sizeof what, "+ %zu variants (--dict)",
                 doctag_model_entry_count(extra) - doctag_model_entry_count(model));
        dict_ratio = whole.median / extra_whole.median;
        row(what, extra_load, extra_whole, MB, dict_ratio);
        printf("%-28s %zu entities\n", "", extra_entities);
    }
    row("floor: memchr pass", (timing){ 0, 0 }, floor, MB, whole.median / floor.median);
    if (cli)
        cli_rows(cli, &in, rss_mb, runs, whole, &cli_ratio, &rss_ratio);
    printf("(ratio: --dict row, its throughput over the default's; floor row, the default's\n"
           " tagging time over the floor's; CLI row, its CPU time over the default's;\n"
           " all medians of this run)\n");
    printf("\ntargets (issue 9), this run:\n");
    double rate = MB / whole.median;
    target("tagging, default model", ">= 500", rate, " MB/s", rate >= 500);
    if (extra) {
        target("throughput with --dict", ">= 0.80", dict_ratio, "x", dict_ratio >= 0.8);
        target("model load with --dict", "<= 100", extra_load.median * 1e3, " ms",
               extra_load.median * 1e3 <= 100);
    }
    if (cli) {
        target("CLI whole process / core time", "<= 1.30", cli_ratio, "x", cli_ratio <= 1.3);
        target("CLI peak RSS / input", "<= 2.00", rss_ratio, "x", rss_ratio <= 2);
    }
    doctag_model_free(extra);
    doctag_model_free(model);
    bench_input_free(&in);
    return 0;
}
