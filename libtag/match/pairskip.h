/*
 * pairskip.h: the fast part of the candidate pass (near.c). The pass stops
 * where a byte pair is in a bitmap of 65,536 pairs (the @near literals'
 * anchor pairs, the places a name may start); this finds those pairs 32
 * bytes at a time with AVX2 where the CPU has it (chosen at run
 * time, when the index is built), else a byte at a time. The vector test
 * is a sieve (each byte of a pair in a set of bytes, by two 16-entry tables
 * of nibbles); the bitmap has the last word, so the positions found are
 * those of the byte loop.
 */
#ifndef DOCTAG_PAIRSKIP_H
#define DOCTAG_PAIRSKIP_H

#include <stddef.h>

#define PAIRSKIP_SETS 2

typedef struct pair_skip {
    /* per bitmap: the first bytes' and the second bytes' nibble tables */
    unsigned char first_lo[PAIRSKIP_SETS][16], first_hi[PAIRSKIP_SETS][16];
    unsigned char second_lo[PAIRSKIP_SETS][16], second_hi[PAIRSKIP_SETS][16];
    int vector;   /* 1: the CPU runs AVX2 */
} pair_skip;

/* Builds the sieve of the pair bitmaps maps[0..PAIRSKIP_SETS) (8 KiB each,
 * bit b << 8 | c for the pair b, c). */
void pair_skip_build(pair_skip *s, const unsigned char *const maps[PAIRSKIP_SETS]);

/* The positions j in [i, end) whose pair t[j], t[j + 1] is in `any` (the
 * union of the maps the sieve was built from), ascending, into out (room
 * for end - i); returns how many. end + 1 <= the text's length. */
size_t pair_skip_collect(const pair_skip *s, const unsigned char *any, const unsigned char *t,
                         size_t i, size_t end, size_t *out);

#endif
