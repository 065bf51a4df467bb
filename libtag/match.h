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

/* Finds the entity spans of `text` (normalised) in document order. */
int match_text(span_list *out, const doctag_model *m, const char *text, size_t len);

void span_list_free(span_list *l);

#endif
