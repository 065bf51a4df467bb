/*
 * match.h: normalised text -> entity spans, with the overlap rules of the
 * guidelines: the longest span wins (ties: the earlier pattern), nothing is
 * tagged inside a URL or an e-mail address, `block` entries win overlaps
 * and are then dropped.
 */
#ifndef DOCTAG_MATCH_H
#define DOCTAG_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "scan.h"

/* The lookup tables matching uses, derived from a compiled model once when
 * it is opened, so that tagging a short document costs no set-up and the
 * model stays read-only while threads tag with it. The index points into
 * the model, which must outlive it. */
typedef struct match_index match_index;
int match_index_build(match_index **out, const compiled_model *m);
void match_index_free(match_index *ix);

/* Patterns are JIT-compiled the first time a text runs them (jit.h), which
 * writes into the model's pcre2 code; whoever reads that code otherwise
 * while other threads may tag (model_serialize()) holds (1) this lock and
 * then releases (0) it. */
void match_index_hold(const match_index *ix, int hold);

/* Finds the entity spans of `text` (normalised, and like the normaliser's
 * text followed by a NUL, text[len] == 0, which the passes read) in
 * document order. The spans of `block` entries that won their overlaps go
 * to `blocked` (emptied first; NULL: not kept), in document order, so that
 * the second passes tag nothing inside them either.
 * Regions where a pattern hit a match or JIT stack limit are skipped for
 * that pattern and appended to `skipped` (which starts zeroed; the caller
 * frees its items), whatever the return code; `skipped` NULL: not
 * recorded. `out` (zeroed once, then reused from call to call) is emptied
 * first. */
int match_text(span_list *out, span_list *blocked, skip_list *skipped, const compiled_model *m,
               const match_index *ix, const char *text, size_t len);

/* Where match_text()'s time goes, in CPU seconds (bench/bench_stages.c):
 * the candidate pass, the patterns, the names, and the rest (links,
 * sorting, overlaps). */
typedef struct match_times {
    double pass, patterns, names, resolve;
} match_times;

/* match_text() that adds the time of each of its parts to *times. */
int match_text_timed(span_list *out, span_list *blocked, skip_list *skipped,
                     const compiled_model *m, const match_index *ix, const char *text, size_t len,
                     match_times *times);

#endif
