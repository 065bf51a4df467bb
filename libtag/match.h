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

typedef struct span {
    size_t start, end;     /* byte offsets in the normalised text */
    uint32_t entry;        /* index into model->entries */
    uint32_t priority;     /* index of the pattern that found it */
} span;

typedef struct span_list {
    span *items;
    size_t n, cap;
} span_list;

int span_list_push(span_list *l, span s);

/* What one tagging call needs to run patterns: pcre2's match data and
 * context, and a JIT stack made only if a match outgrows pcre2's default
 * one (making it costs more than tagging a short document). */
typedef struct match_exec {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    pcre2_jit_stack *js;
} match_exec;

/* pcre2_match (pcre2_jit_match when `jit`: it skips checks that cost more
 * than an anchored match) at `pos`; returns pcre2's code. */
int match_run(match_exec *x, const pcre2_code *code, int jit, const char *text, size_t len,
              size_t pos);

/* The entry index a name pattern's (*MARK) names, or UINT32_MAX. */
uint32_t match_mark_entry(const match_exec *x);

/* The lookup tables matching uses, derived from a model once when it is
 * opened (match_index_build() sets m->index; model_free() frees it), so
 * that tagging a short document costs no set-up and a model stays
 * read-only while threads tag with it. */
struct match_index {
    struct near_index *near;
    struct name_index *names;
};
int match_index_build(doctag_model *m);
void match_index_free(match_index *ix);

/* Finds the entity spans of `text` (normalised) in document order. */
int match_text(span_list *out, const doctag_model *m, const char *text, size_t len);

void span_list_free(span_list *l);

#endif
