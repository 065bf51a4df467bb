/*
 * near.h: the @near pre-filter. Costly patterns carry literals that every
 * match holds ("esolution", " v. ", "$"); one pass over the text finds all
 * of them at once, and each pattern then runs only in the windows before
 * its literals' occurrences (see match.c).
 */
#ifndef DOCTAG_NEAR_H
#define DOCTAG_NEAR_H

#include <stddef.h>
#include "model.h"

typedef struct near_hits {
    size_t *pos;       /* where a literal starts, ascending */
    size_t n, cap;
} near_hits;

/* The literals of a model, ready for the pass: built once per model. The
 * literals point into the model's patterns, which must outlive the index. */
typedef struct near_index near_index;

/* Indexes the @near literals of m's patterns and the `extra` literals
 * (NULL-terminated; may be NULL). */
int near_index_build(near_index **out, const doctag_model *m, const char *const *extra);
void near_index_free(near_index *ix);

/* Fills hits[k] (k < m->n_patterns; zeroed by the caller) with the
 * occurrences of pattern k's @near literals in text, and hits[n_patterns]
 * with those of the extra literals. */
int near_find(near_hits *hits, const near_index *ix, const char *text, size_t len);

void near_hits_free(near_hits *hits, size_t n);

#endif
