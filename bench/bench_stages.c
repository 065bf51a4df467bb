/*
 * bench_stages.c: where tagging time goes, stage by stage, in one run.
 *
 *   bench_stages [--mb N] [--runs R] [--dict EXTRA.dict]... FILE...
 *
 * The same buffer as bench_tag (the files repeated to N MB, default 50),
 * the default model (plus --dict dictionaries). Medians of R runs (default
 * 5) of: a memchr pass (the floor), normalisation (in the tagger's pieces,
 * through one reused buffer), matching the normalised text (the candidate
 * pass, patterns, names, overlaps), the second passes over its spans
 * (post.h, a piece at a time as the tagger runs them), and the whole
 * doctag_tag_text() call; the rest of the call is building the entities
 * (and what matching the pieces costs more or less than the whole).
 * Links the library's stages directly (internal headers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "doctag.h"
#include "doctag_limits.h"
#include "match.h"
#include "normalize.h"
#include "post.h"
#include "tag.h"

/* Normalises the text a piece at a time as doctag_tag() does (pieces of
 * LIMIT_TAG_PIECE bytes and on to a line break, one buffer reused). */
static int normalize_pieces(const char *text, size_t len)
{
    normalized_text piece = { 0 };
    int rc = DOCTAG_OK;
    for (size_t start = 0, end; rc == DOCTAG_OK && start < len; start = end) {
        const char *nl = len - start > LIMIT_TAG_PIECE
                             ? memchr(text + start + LIMIT_TAG_PIECE, '\n',
                                      len - start - LIMIT_TAG_PIECE)
                             : NULL;
        end = nl ? (size_t)(nl + 1 - text) : len;
        rc = normalize_range(&piece, text, start, end, NULL);
    }
    normalized_text_free(&piece);
    return rc;
}

/* The second passes as doctag_tag() runs them, a piece at a time: the
 * normalised text cut at the first paragraph break LIMIT_TAG_PIECE bytes
 * on, each piece with its own spans. Returns their CPU time, or -1. */
static double post_pieces(const doctag_model *model, const char *text, size_t len,
                          const span_list *all)
{
    double t = 0;
    size_t k = 0;
    span_list piece = { 0 };
    for (size_t start = 0, end; start < len; start = end) {
        const char *nl = len - start > LIMIT_TAG_PIECE
                             ? memchr(text + start + LIMIT_TAG_PIECE, '\n',
                                      len - start - LIMIT_TAG_PIECE)
                             : NULL;
        end = nl ? (size_t)(nl + 1 - text) : len;
        piece.n = 0;
        for (; k < all->n && all->items[k].start < end; k++) {
            span s = all->items[k];
            s.start -= start;
            s.end = s.end < end ? s.end - start : end - start;
            if (!span_list_push(&piece, s))
                return -1;
        }
        char **canon_src;
        double t0 = bench_now();
        if (post_pass(&piece, &canon_src, model->compiled, model->index, text + start,
                      end - start) != DOCTAG_OK)
            return -1;
        t += bench_now() - t0;
        post_free_src(canon_src, piece.n);
    }
    span_list_free(&piece);
    return t;
}

int main(int argc, char **argv)
{
    bench_args a = { .extra = NULL };
    int first = bench_parse_args(&a, argc, argv);
    if (first < 0) {
        fprintf(stderr, "usage: bench_stages [--mb N] [--runs R] [--dict X.dict]... FILE...\n");
        return 2;
    }
    int runs = a.runs;
    bench_input in;
    bench_read_input(&in, argv + first, argc - first, a.mb);
    const char *text = in.text;
    size_t len = in.len;
    doctag_model *model;
    doctag_model_options opts = { DOCTAG_MODEL_OPTIONS_VERSION, a.dicts, a.n_dicts, 0, NULL };
    if (doctag_model_open(&model, NULL, a.n_dicts ? &opts : NULL) != DOCTAG_OK) {
        fprintf(stderr, "bench_stages: %s\n", doctag_last_error());
        return 1;
    }
    double t_floor[BENCH_MAX_RUNS], t_norm[BENCH_MAX_RUNS], t_match[BENCH_MAX_RUNS],
        t_post[BENCH_MAX_RUNS], t_all[BENCH_MAX_RUNS];
    size_t lines = 0, spans = 0, entities = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        lines = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
            lines++;
        double t1 = bench_now();
        if (normalize_pieces(text, len) != DOCTAG_OK)
            return 1;
        t_norm[r] = bench_now() - t1;
        normalized_text norm;   /* the whole text at once, for the stages after */
        if (normalize_text(&norm, text, len, NULL) != DOCTAG_OK)
            return 1;
        double t2 = bench_now();
        span_list sl = { 0 };
        if (match_text(&sl, NULL, model->compiled, model->index, norm.text, norm.len) != DOCTAG_OK)
            return 1;
        double t3 = bench_now();
        spans = sl.n;
        if ((t_post[r] = post_pieces(model, norm.text, norm.len, &sl)) < 0)
            return 1;
        span_list_free(&sl);
        normalized_text_free(&norm);
        double t4 = bench_now();
        doctag_result *res;
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK)
            return 1;
        double t5 = bench_now();
        entities = doctag_result_count(res);
        doctag_result_free(res);
        t_floor[r] = t1 - t0;
        t_match[r] = t3 - t2;
        t_all[r] = t5 - t4;
    }
    double f = bench_summarise(t_floor, runs).median, n = bench_summarise(t_norm, runs).median,
           m = bench_summarise(t_match, runs).median, p = bench_summarise(t_post, runs).median,
           w = bench_summarise(t_all, runs).median;
    double MB = len / 1e6;
    printf("%.1f MB, %zu lines, %zu spans, %zu entities; medians of %d runs\n", MB, lines, spans,
           entities, runs);
    printf("%-34s %9s %9s %7s\n", "stage", "ms", "MB/s", "share");
    printf("%-34s %9.1f %9.1f\n", "floor: memchr pass", f * 1e3, MB / f);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "normalisation", n * 1e3, MB / n, 100 * n / w);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "matching (pass, patterns, names)", m * 1e3, MB / m,
           100 * m / w);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "second passes (post.h)", p * 1e3, MB / p,
           100 * p / w);
    printf("%-34s %9.1f %9s %6.0f%%\n", "the rest (entities)", (w - n - m - p) * 1e3, "",
           100 * (w - n - m - p) / w);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "doctag_tag_text, whole call", w * 1e3, MB / w, 100.0);
    doctag_model_free(model);
    bench_input_free(&in);
    return 0;
}
