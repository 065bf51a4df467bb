/*
 * pairskip.h: the fast part of the candidate pass (near.c). The pass stops
 * where a byte pair is in one of a few bitmaps of 65,536 pairs (the @near
 * literals' anchor pairs, the places a name may start). A table of one
 * byte per pair gives each pair's maps; the positions are found either by
 * a byte loop over the table, without a branch, or 32 bytes at a time with
 * AVX2 (when the CPU has it), by a sieve of each byte of a pair in a set of
 * bytes (two 16-entry tables of nibbles) before the table has the last
 * word. The sieve pays only when it stops most positions: the choice is
 * made when the index is built, from how many pairs of lower-case letters
 * and spaces (running text) it lets through.
 */
#ifndef DOCTAG_PAIRSKIP_H
#define DOCTAG_PAIRSKIP_H

#include <stddef.h>

#define PAIRSKIP_SETS 2

typedef struct pair_skip {
    /* per bitmap: the first bytes' and the second bytes' nibble tables */
    unsigned char first_lo[PAIRSKIP_SETS][16], first_hi[PAIRSKIP_SETS][16];
    unsigned char second_lo[PAIRSKIP_SETS][16], second_hi[PAIRSKIP_SETS][16];
    int vector;   /* 1: the CPU runs AVX2 and the sieve is selective */
    /* per pair b, c at index b | c << 8 (the pair's two bytes as a
     * little-endian word reads them): bit k when in maps[k] */
    unsigned char maps_of[65536];
} pair_skip;

/* Builds the table and the sieve of the pair bitmaps maps[0..PAIRSKIP_SETS)
 * (8 KiB each, bit b << 8 | c for the pair b, c). */
void pair_skip_build(pair_skip *s, const unsigned char *const maps[PAIRSKIP_SETS]);

/* The maps the pair (b << 8 | c) is in: bit k for maps[k]. */
static inline unsigned pair_skip_maps(const pair_skip *s, unsigned pair)
{
    return s->maps_of[(pair >> 8 & 0xff) | (pair & 0xff) << 8];
}

/* The positions j in [i, end) whose pair t[j], t[j + 1] is in some map,
 * ascending, into out (room for end - i); returns how many.
 * end + 1 <= the text's length. */
size_t pair_skip_collect(const pair_skip *s, const unsigned char *t, size_t i, size_t end,
                         size_t *out);

#endif
