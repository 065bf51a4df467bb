/*
 * pattern.h: compiling one dictionary pattern with pcre2.
 *
 * Before compiling, a list of plain words in a lookahead,
 * "(?!(?:The|This|That|...)", is rewritten as the same set of words
 * factored by their prefixes, "(?!(?:T(?:h(?:e|is|at)...)". pcre2 tries
 * the alternatives of a group one after the other; the factored group
 * rejects a word after its first letters. Inside a lookahead only whether
 * some alternative matches counts, not which one first, so the rewrite
 * matches exactly what the source does: a dictionary keeps its readable
 * lists and tagging does not pay for their length (the generic name
 * shapes hold lists of 230 words, tried at every capitalised word).
 */
#ifndef DOCTAG_PATTERN_H
#define DOCTAG_PATTERN_H

#include <stddef.h>
#include <stdint.h>
#include <pcre2.h>

/* pcre2_compile() of `src` (NUL-terminated) with its word lists factored.
 * On error NULL, and *errcode and *erroffset say why, as pcre2 does for
 * `src` itself. Not JIT-compiled. */
pcre2_code *pattern_compile(const char *src, uint32_t options, int *errcode, size_t *erroffset);

/* `src` with its lookahead word lists factored (malloc'd), or NULL when
 * out of memory. Exposed for the tests. */
char *pattern_factor_words(const char *src);

#endif
