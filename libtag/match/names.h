/*
 * names.h: finding dictionary names. The names are compiled into anchored
 * trie patterns (trie.c); rather than scanning the text once per pattern,
 * the pass of near.c collects the places where a word starts with a byte
 * some name starts with; here each such word is checked against the
 * model's name keys, and only then are the patterns for its first byte run.
 */
#ifndef DOCTAG_NAMES_H
#define DOCTAG_NAMES_H

#include <stddef.h>
#include <pcre2.h>

#include "model.h"
#include "scan.h"

/* Read-only tables derived from a model, built once when it is opened. */
typedef struct name_index name_index;

int name_index_build(name_index **out, const compiled_model *m);
void name_index_free(name_index *ix);

/* The 8 KiB bitmap, bit (b << 8 | c), of a byte c after a byte b where a
 * name may start: near_find() collects such places in its pass. */
const unsigned char *name_index_starts(const name_index *ix);

/* Appends to out (in document order) the names found at the candidate
 * places near_find() collected. */
int names_scan(span_list *out, const compiled_model *m, const name_index *ix,
               const size_t *candidates, size_t n_candidates, const char *text, size_t len,
               match_exec *x);

#endif
