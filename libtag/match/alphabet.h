/*
 * alphabet.h: the bytes a pattern's match can be made of, read from its
 * pcre2 source. A pattern with @near literals runs only in the window
 * before each literal's occurrence (match.c); every match holds a literal
 * (models/README.md), so the text from a match's start up to the literal
 * is made of the pattern's bytes, and the window begins after the last
 * byte before the literal that the pattern cannot match: a comma, a digit
 * or a line break ends the window of a pattern of capitalised words.
 */
#ifndef DOCTAG_ALPHABET_H
#define DOCTAG_ALPHABET_H

#include <stddef.h>

/* Sets `bits` (256 bits) to the bytes that the atoms of the pcre2 pattern
 * `src` can match, outside negative lookarounds (whose content matches
 * nothing when they succeed). An over-estimate: a construct it does not
 * read (a back-reference, \p, a named group, (?x) ...) gives every byte.
 * Returns 1 when some byte is left out, 0 when every byte is in. */
int alphabet_of_pattern(unsigned char bits[32], const char *src);

static inline int alphabet_has(const unsigned char bits[32], unsigned char c)
{
    return bits[c >> 3] & (1u << (c & 7));
}

/* The same set as a table of 256 bytes, 1 for a byte in it: one load a
 * byte where the windows are narrowed. */
void alphabet_bytes(const unsigned char bits[32], unsigned char bytes[256]);

/* Where a window [from, hit] narrows to: after the last byte before `hit`
 * that is not in `bytes` (alphabet_bytes(); `from` when there is none). */
size_t alphabet_window(const unsigned char bytes[256], const char *text, size_t from, size_t hit);

#endif
