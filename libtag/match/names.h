/*
 * names.h: finding dictionary names. The pass of near.c collects the places
 * where a word starts with a byte some name starts with; here each such
 * word is checked against the model's name keys, and only then is the
 * text walked down the name trie (model/trie.h) for the longest name
 * there. No regular expression runs, and a step costs the same whatever
 * the number of names.
 */
#ifndef DOCTAG_NAMES_H
#define DOCTAG_NAMES_H

#include <stddef.h>

#include "model.h"
#include "scan.h"

/* Read-only tables derived from a model, built once when it is opened. */
typedef struct name_index name_index;

int name_index_build(name_index **out, const compiled_model *m);
void name_index_free(name_index *ix);

/* The 8 KiB bitmap, bit (b << 8 | c), of a byte c after a byte b where a
 * name may start: near_find() collects such places in its pass. */
const unsigned char *name_index_starts(const name_index *ix);

/* Appends to out (in document order) the longest name at each of the
 * candidate places near_find() collected (ties: the entry written first),
 * skipping places inside the name found before. text[len] must be 0 (the
 * normaliser's NUL): a word is read up to it. */
int names_scan(span_list *out, const compiled_model *m, const name_index *ix,
               const size_t *candidates, size_t n_candidates, const char *text, size_t len);

#endif
