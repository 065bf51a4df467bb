/*
 * bench_stages.c: where tagging time goes, stage by stage, in one run.
 *
 *   bench_stages [--mb N] [--runs R] [--dict EXTRA.dict]... FILE...
 *
 * The same buffer as bench_tag (the files repeated to N MB, default 50),
 * the default model (plus --dict dictionaries). Medians of R runs (default
 * 5) of: a memchr pass (the floor), normalisation, matching the normalised
 * text (the candidate pass, patterns, names, overlaps), and the whole
 * doctag_tag_text() call; the rest of the call is building the entities.
 * Links the library's stages directly (internal headers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doctag.h"
#include "match.h"
#include "normalize.h"
#include "tag.h"

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

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static char *read_files(char **paths, int n, double mb, size_t *len)
{
    char *one = NULL;
    size_t one_len = 0;
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(paths[i], "rb");
        if (!f) {
            fprintf(stderr, "bench_stages: cannot open %s\n", paths[i]);
            exit(1);
        }
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
            one = realloc(one, one_len + k + 2);
            memcpy(one + one_len, chunk, k);
            one_len += k;
        }
        fclose(f);
        one = realloc(one, one_len + 2);
        one[one_len++] = '\n';
    }
    size_t want = (size_t)(mb * 1e6);
    char *text = malloc(want + one_len + 1);
    *len = 0;
    while (*len < want) {
        memcpy(text + *len, one, one_len);
        *len += one_len;
    }
    free(one);
    return text;
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
        fprintf(stderr, "usage: bench_stages [--mb N] [--runs R] [--dict X.dict]... FILE...\n");
        return 2;
    }
    size_t len;
    char *text = read_files(argv + first, argc - first, mb, &len);
    doctag_model *model;
    doctag_model_options opts = { DOCTAG_MODEL_OPTIONS_VERSION, dicts, n_dicts, 0, NULL };
    if (doctag_model_open(&model, NULL, n_dicts ? &opts : NULL) != DOCTAG_OK) {
        fprintf(stderr, "bench_stages: %s\n", doctag_last_error());
        return 1;
    }
    double t_floor[MAX_RUNS], t_norm[MAX_RUNS], t_match[MAX_RUNS], t_all[MAX_RUNS];
    size_t lines = 0, spans = 0, entities = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        lines = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
            lines++;
        double t1 = now();
        normalized_text norm;
        if (normalize_text(&norm, text, len, NULL) != DOCTAG_OK)
            return 1;
        double t2 = now();
        span_list sl = { 0 };
        if (match_text(&sl, NULL, model->compiled, model->index, norm.text, norm.len) != DOCTAG_OK)
            return 1;
        double t3 = now();
        spans = sl.n;
        span_list_free(&sl);
        normalized_text_free(&norm);
        double t4 = now();
        doctag_result *res;
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK)
            return 1;
        double t5 = now();
        entities = doctag_result_count(res);
        doctag_result_free(res);
        t_floor[r] = t1 - t0;
        t_norm[r] = t2 - t1;
        t_match[r] = t3 - t2;
        t_all[r] = t5 - t4;
    }
    double f = median(t_floor, runs), n = median(t_norm, runs), m = median(t_match, runs),
           a = median(t_all, runs);
    double MB = len / 1e6;
    printf("%.1f MB, %zu lines, %zu spans, %zu entities; medians of %d runs\n", MB, lines, spans,
           entities, runs);
    printf("%-34s %9s %9s %7s\n", "stage", "ms", "MB/s", "share");
    printf("%-34s %9.1f %9.1f\n", "floor: memchr pass", f * 1e3, MB / f);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "normalisation", n * 1e3, MB / n, 100 * n / a);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "matching (pass, patterns, names)", m * 1e3, MB / m,
           100 * m / a);
    printf("%-34s %9.1f %9s %6.0f%%\n", "the rest (entities, freeing)", (a - n - m) * 1e3, "",
           100 * (a - n - m) / a);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "doctag_tag_text, whole call", a * 1e3, MB / a, 100.0);
    doctag_model_free(model);
    free(text);
    return 0;
}
