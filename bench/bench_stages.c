/*
 * bench_stages.c: where tagging time goes, stage by stage, in one run.
 *
 *   bench_stages [--mb N] [--runs R] [--dict EXTRA.dict]... FILE...
 *
 * The same buffer as bench_tag (the files repeated to N MB, default 50),
 * the default model (plus --dict dictionaries). Medians of R runs (default
 * 5) of: a memchr pass (the floor), normalisation, matching the normalised
 * text (the candidate pass, patterns, names, overlaps), the second passes
 * over a piece's spans (post.h) and the whole doctag_tag_text() call;
 * matching is also shown by its parts (match_text_timed()). The stages run
 * as in the call: a piece at a time, ended where tag_piece_end() (tag.h)
 * ends it, through buffers reused from piece to piece; the rest
 * of the call is building the entities.
 * Links the library's stages directly (internal headers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "doctag.h"
#include "match.h"
#include "normalize.h"
#include "post.h"
#include "tag.h"

/* Normalises, matches and runs the second passes over the text piece by
 * piece, through buffers reused from piece to piece as the call does: the
 * time of each in *norm_s, *mt and *post_s (CPU seconds, added to), the
 * spans found in *spans. */
static int norm_match_post(const doctag_model *model, const char *text, size_t len,
                           double *norm_s, match_times *mt, double *post_s, size_t *spans)
{
    normalized_text norm = { 0 };
    span_list sl = { 0 };
    int rc = DOCTAG_OK;
    *spans = 0;
    for (size_t start = 0, end; rc == DOCTAG_OK && start < len; start = end) {
        end = tag_piece_end(text, len, start);
        double t0 = bench_now();
        rc = normalize_range(&norm, text, start, end, NULL);
        *norm_s += bench_now() - t0;
        if (rc == DOCTAG_OK)
            rc = match_text_timed(&sl, NULL, NULL, model->compiled, model->index, norm.text, norm.len,
                                  mt);
        if (rc != DOCTAG_OK)
            break;
        *spans += sl.n;
        char **canon_src;
        t0 = bench_now();
        rc = post_pass(&sl, &canon_src, model->compiled, model->index, NULL, norm.text, norm.len);
        *post_s += bench_now() - t0;
        if (rc == DOCTAG_OK)
            post_free_src(canon_src, sl.n);
    }
    span_list_free(&sl);
    normalized_text_free(&norm);
    return rc;
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
    double t_part[4][BENCH_MAX_RUNS];
    size_t lines = 0, spans = 0, entities = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        lines = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
            lines++;
        double t1 = bench_now();
        double n_s = 0, p_s = 0;
        match_times mt = { 0 };
        if (norm_match_post(model, text, len, &n_s, &mt, &p_s, &spans) != DOCTAG_OK)
            return 1;
        double t3 = bench_now();
        t_part[0][r] = mt.pass;
        t_part[1][r] = mt.patterns;
        t_part[2][r] = mt.names;
        t_part[3][r] = mt.resolve;
        double t4 = bench_now();
        doctag_result *res;
        if (doctag_tag_text(&res, model, text, len) != DOCTAG_OK)
            return 1;
        double t5 = bench_now();
        entities = doctag_result_count(res);
        doctag_result_free(res);
        t_floor[r] = t1 - t0;
        t_norm[r] = n_s;
        t_post[r] = p_s;
        t_match[r] = t3 - t1 - n_s - p_s;
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
    static const char *const parts[4] = { "  candidate pass", "  patterns (pcre2)",
                                          "  names (trie)", "  links, sort, overlaps" };
    for (int k = 0; k < 4; k++) {
        double q = bench_summarise(t_part[k], runs).median;
        printf("%-34s %9.1f %9.1f %6.0f%%\n", parts[k], q * 1e3, MB / q, 100 * q / w);
    }
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "second passes (post.h)", p * 1e3, MB / p,
           100 * p / w);
    printf("%-34s %9.1f %9s %6.0f%%\n", "the rest (entities)", (w - n - m - p) * 1e3, "",
           100 * (w - n - m - p) / w);
    printf("%-34s %9.1f %9.1f %6.0f%%\n", "doctag_tag_text, whole call", w * 1e3, MB / w, 100.0);
    doctag_model_free(model);
    bench_input_free(&in);
    return 0;
}
