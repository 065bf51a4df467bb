/*
 * near.h: the pass over the text that finds where to look closer. Costly
 * patterns carry literals that every match holds ("esolution", " v. ",
 * "$"); one pass finds all of them at once, together with the places where
 * a dictionary name may start, and each pattern then runs only in the
 * windows before its literals' occurrences (match.c), each name pattern
 * only at those places (names.c).
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
 * (NULL-terminated; may be NULL); `name_starts` (8 KiB, may be NULL) is
 * the bitmap of where names may start (names.h), checked in the same pass.
 * alpha[k] (256 bytes, alphabet.h; NULL: any byte) holds the bytes pattern
 * k can match: a literal of k with another byte is left out (no match of
 * k holds it; "U.N." for /UN/ when an entry's variants share a list). */
int near_index_build(near_index **out, const compiled_model *m, const char *const *extra,
                     const unsigned char *name_starts, const unsigned char *const *alpha);
void near_index_free(near_index *ix);

/* The one pass over the text before any pattern runs. Fills hits[k]
 * (k < m->n_patterns; zeroed by the caller) with the occurrences of pattern
 * k's @near literals, hits[n_patterns] with those of the extra literals,
 * and name_starts with the positions where a name may start. */
int near_find(near_hits *hits, near_hits *name_starts, const near_index *ix, const char *text,
              size_t len);

void near_hits_free(near_hits *hits, size_t n);

#endif
