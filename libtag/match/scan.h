/*
 * scan.h: what the matchers share, a leaf below them: the list of spans
 * they append to and the running of one pcre2 pattern at one place. The
 * structural patterns (match.c) and the dictionary names (names.c) both
 * use it; neither calls the other through it.
 */
#ifndef DOCTAG_SCAN_H
#define DOCTAG_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <pcre2.h>

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

/* A region of the text one pattern was not run over: matching there hit
 * a match or JIT stack limit (a pathological run of text). The region is
 * skipped for that pattern only and the rest of the text is tagged. */
typedef struct match_skip {
    size_t start, end;   /* byte offsets in the normalised text */
    uint32_t pattern;    /* index of the pattern in the model */
    int error;           /* pcre2's error code */
} match_skip;

typedef struct skip_list {
    match_skip *items;
    size_t n, cap;
} skip_list;

/* What one tagging call needs to run patterns: pcre2's match data and
 * context, a JIT stack made only if a match outgrows pcre2's default
 * one (making it costs more than tagging a short document), and the
 * regions skipped so far. */
typedef struct match_exec {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    pcre2_jit_stack *js;
    skip_list *skipped;
} match_exec;

/* 1 if pcre2's code `rc` is a resource limit (match, depth, heap or JIT
 * stack): the region is skipped with match_skip_push(), not an error. */
int match_limit_error(int rc);

/* Records a skipped region; 0 when memory runs out. */
int match_skip_push(match_exec *x, match_skip s);

/* match_run() of pattern `index` at pos over the whole text, for a
 * structural pattern. When it hits a limit, it runs again within pos's
 * paragraph alone (*para_end: where that paragraph ends), and if that hits
 * a limit too, the paragraph is recorded as skipped and MATCH_SKIPPED
 * returned: only that paragraph is lost, and reported once. */
#define MATCH_SKIPPED (-1000)
int match_run_local(match_exec *x, const pcre2_code *code, uint32_t index, const char *text,
                    size_t len, size_t pos, size_t *para_end);

/* pcre2_match (pcre2_jit_match when `jit`: it skips checks that cost more
 * than an anchored match or a short window; a pattern without JIT code
 * falls back to pcre2_match) at `pos`; returns pcre2's code. The caller
 * keeps pos <= len. */
int match_run(match_exec *x, const pcre2_code *code, int jit, const char *text, size_t len,
              size_t pos);

/* The entry index a name pattern's (*MARK) names, or UINT32_MAX. */
uint32_t match_mark_entry(const match_exec *x);

void span_list_free(span_list *l);

#endif
