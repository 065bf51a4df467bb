/*
 * trie.h: literal dictionary variants -> trie-shaped pcre2 pattern pieces.
 *
 * "Department of State" and "Department of Justice" share one path: the
 * pattern reads Department of (?:State(*MARK:3)|Justice(*MARK:4)), so the
 * engine walks each name once instead of trying every name at every
 * position. At each node, longer continuations are tried before the name
 * that ends there: the match found at a position is the longest.
 */
#ifndef DOCTAG_TRIE_H
#define DOCTAG_TRIE_H

#include <stddef.h>
#include "dict.h"

/* The boundary checks a literal gets: no letter or digit on either side,
 * except a footnote number glued to a word that ends in a small letter
 * ("Status of Refugees9 and", as plain text from a PDF writes it). */
#define TRIE_BEFORE "(?<![A-Za-z0-9])"
#define TRIE_AFTER "(?![A-Za-z]|(?<![a-z])[0-9]|[0-9]+[A-Za-z])"

/* Builds pieces (alternatives to join with '|') for all literal variants of
 * `d`, none longer than `limit` bytes unless a single name is. Returns
 * DOCTAG_OK, a malloc'd array of malloc'd strings, and in (*first)[i] the
 * first byte piece i can match (bit 8 set: its capital too). */
int trie_pieces(const dict *d, size_t limit, char ***pieces, unsigned short **first,
                size_t *n_pieces);

/* Sets the name_key() bit (model.h) of every literal variant, in every
 * case the literal matches in. */
void trie_name_keys(const dict *d, unsigned char *keys);

#endif
