/* bench_util.c: the input, clocks and medians of the bench programs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

double bench_now(void)
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

bench_timing bench_summarise(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    return (bench_timing){ t[0], n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2 };
}

int bench_parse_args(bench_args *a, int argc, char **argv)
{
    a->mb = 50;
    a->runs = 5;
    a->n_dicts = 0;
    int first = 1;
    for (; first + 1 < argc && argv[first][0] == '-'; first += 2) {
        const char *opt = argv[first], *val = argv[first + 1];
        size_t k = 0;
        while (a->extra && a->extra[k] && strcmp(a->extra[k], opt) != 0)
            k++;
        if (strcmp(opt, "--mb") == 0)
            a->mb = atof(val);
        else if (strcmp(opt, "--runs") == 0)
            a->runs = atoi(val);
        else if (strcmp(opt, "--dict") == 0 && a->n_dicts < BENCH_MAX_DICTS)
            a->dicts[a->n_dicts++] = val;
        else if (a->extra && a->extra[k] && k < 8)
            a->extra_values[k] = val;
        else
            return -1;
    }
    if (first >= argc || a->runs < 1 || a->runs > BENCH_MAX_RUNS || a->mb <= 0)
        return -1;
    return first;
}

static char *append_file(char *buf, size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench: cannot open %s\n", path);
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

void bench_read_input(bench_input *in, char **paths, int n, double mb)
{
    memset(in, 0, sizeof *in);
    for (int i = 0; i < n && in->n_docs < BENCH_MAX_DOCS; i++) {
        size_t before = in->one_len;
        in->one = append_file(in->one, &in->one_len, paths[i]);
        in->docs[in->n_docs++] = (bench_doc){ before, in->one_len - before };
    }
    size_t want = (size_t)(mb * 1e6);
    in->text = malloc(want + in->one_len + 1);
    if (!in->text) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    while (in->len < want) {
        memcpy(in->text + in->len, in->one, in->one_len);
        in->len += in->one_len;
    }
    in->copies = in->len / in->one_len;
}

void bench_input_free(bench_input *in)
{
    free(in->one);
    free(in->text);
    memset(in, 0, sizeof *in);
}
