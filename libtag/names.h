/*
 * names.h: finding dictionary names. The names are compiled into anchored
 * trie patterns (trie.c); rather than scanning the text once per pattern,
 * one pass stops only where a word starts with a byte some name starts
 * with, checks the word against the model's name keys, and only then runs
 * the patterns for that first byte.
 */
#ifndef DOCTAG_NAMES_H
#define DOCTAG_NAMES_H

#include <stddef.h>
#include <pcre2.h>

#include "match.h"
#include "model.h"

/* Read-only tables derived from a model, built once when it is opened. */
typedef struct name_index name_index;

int name_index_build(name_index **out, const doctag_model *m);
void name_index_free(name_index *ix);

/* Appends the names found in text to out (in document order). */
int names_scan(span_list *out, const doctag_model *m, const name_index *ix,
               const char *text, size_t len, match_exec *x);

#endif
