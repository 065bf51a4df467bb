/*
 * bench_util.h: what bench_tag and bench_stages share: the command line
 * (--mb N, --runs R, --dict X.dict ..., then FILE...), the input (the files
 * concatenated, then repeated to N MB), CPU-time clocks and medians.
 */
#ifndef DOCTAG_BENCH_UTIL_H
#define DOCTAG_BENCH_UTIL_H

#include <stddef.h>

#define BENCH_MAX_DOCS 256
#define BENCH_MAX_DICTS 16
#define BENCH_MAX_RUNS 31

typedef struct bench_timing {
    double best, median;
} bench_timing;

typedef struct bench_doc {
    size_t start, len;   /* one file inside bench_input.one */
} bench_doc;

typedef struct bench_input {
    char *one;           /* the files, each followed by a line break */
    size_t one_len;
    bench_doc docs[BENCH_MAX_DOCS];
    int n_docs;
    char *text;          /* `one` repeated to at least the size asked for */
    size_t len;
    size_t copies;       /* how many times `one` is in `text` */
} bench_input;

/* The options both programs take; `extra` (may be NULL) names the ones a
 * program adds, each taking a value: a matching option's value goes into
 * extra_values[k]. Returns the index of the first FILE, or -1 (usage). */
typedef struct bench_args {
    double mb;
    int runs;
    const char *dicts[BENCH_MAX_DICTS];
    size_t n_dicts;
    const char *const *extra;
    const char *extra_values[8];
} bench_args;
int bench_parse_args(bench_args *a, int argc, char **argv);

/* Reads the files into `in` (exits with a message if one cannot be read). */
void bench_read_input(bench_input *in, char **paths, int n, double mb);
void bench_input_free(bench_input *in);

/* CPU time of the process (user + system): on a shared machine, the time
 * the work itself took, whatever else ran beside it. */
double bench_now(void);

/* Sorts t[0..n) and gives its best and median. */
bench_timing bench_summarise(double *t, int n);

#endif
