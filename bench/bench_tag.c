/*
 * bench_tag.c: tagging throughput of libdoctag, single thread, default model.
 *
 *   bench_tag [--mb N] FILE...
 *
 * Concatenates the files (e.g. the corpus text files) and repeats
 * them to at least N MB (default 50), then prints the model load time and
 * the throughput of doctag_tag_text(), best of 3: over the whole buffer in
 * one call, and per document (each file tagged by itself, as many times as
 * the buffer repeats them: what a pipeline of reports does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doctag.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct doc_span {
    size_t start, len;
} doc_span;

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
    buf[(*len)++] = '\n';
    return buf;
}

int main(int argc, char **argv)
{
    double mb = 50;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--mb") == 0) {
        mb = atof(argv[2]);
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: bench_tag [--mb N] FILE...\n");
        return 2;
    }
    char *one = NULL;
    size_t one_len = 0;
    doc_span docs[256];
    int n_docs = 0;
    for (int i = first; i < argc && n_docs < 256; i++) {
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

    double t0 = now();
    doctag_model *model;
    if (doctag_model_open(&model, NULL, NULL) != DOCTAG_OK) {
        fprintf(stderr, "bench_tag: %s\n", doctag_last_error());
        return 1;
    }
    double load_ms = (now() - t0) * 1e3;
    double best = 1e30;
    size_t entities = 0;
    for (int run = 0; run < 3; run++) {
        doctag_result *res;
        t0 = now();
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK) {
            fprintf(stderr, "bench_tag: %s\n", doctag_last_error());
            return 1;
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
        entities = doctag_result_count(res);
        doctag_result_free(res);
    }
    /* per document: every file by itself, as often as the buffer holds it */
    size_t copies = len / one_len;
    double best_doc = 1e30;
    for (int run = 0; run < 3; run++) {
        t0 = now();
        for (size_t c = 0; c < copies; c++)
            for (int d = 0; d < n_docs; d++) {
                doctag_result *res;
                if (doctag_tag_text(&res, model, one + docs[d].start, docs[d].len) != DOCTAG_OK) {
                    fprintf(stderr, "bench_tag: %s\n", doctag_last_error());
                    return 1;
                }
                doctag_result_free(res);
            }
        double dt = now() - t0;
        if (dt < best_doc)
            best_doc = dt;
    }
    printf("libdoctag %s, default model: %zu dictionary variants\n", doctag_version(),
           doctag_model_entry_count(model));
    printf("model load:  %.2f ms\n", load_ms);
    printf("input:       %.1f MB (%zu bytes, %d file(s) repeated)\n", len / 1e6, len, argc - first);
    printf("entities:    %zu\n", entities);
    printf("tagging:     %.3f s best of 3, %.1f MB/s single thread\n", best, len / 1e6 / best);
    printf("per doc:     %.3f s best of 3, %.1f MB/s single thread (%d documents x %zu)\n",
           best_doc, (double)(copies * one_len) / 1e6 / best_doc, n_docs, copies);
    doctag_model_free(model);
    free(text);
    free(one);
    return 0;
}
