/*
 * pairskip.h: the fast part of the candidate pass (near.c). The pass stops
 * where a byte pair is in one of two bitmaps of 65,536 pairs (map 0: the
 * @near literals' anchor pairs; map 1: the places a name may start). A
 * table of one byte per pair gives each pair's maps; the positions are
 * found either by a byte loop over the table, without a branch, or 32
 * bytes at a time with AVX2 (when the CPU has it) by filters that let
 * through a few more positions than the maps hold, before the table has
 * the last word:
 *   - a map of few pairs (the literals' anchors) through sixteen buckets of
 *     pairs, each a set of first and of second bytes by their nibbles
 *     (Hyperscan's "Teddy"), its pairs spread over the buckets so that
 *     pairs of running text ("es", "e ") pass rarely;
 *   - the first bytes whose every pair is in a map (one-byte literals:
 *     "$") as an exact set of bytes;
 *   - a map of many pairs (every byte that is not a letter or digit
 *     before every byte a name starts with) as its first bytes times its
 *     second bytes, each an exact set.
 */
#ifndef DOCTAG_PAIRSKIP_H
#define DOCTAG_PAIRSKIP_H

#include <stddef.h>

#define PAIRSKIP_SETS 2

/* A set of bytes as the vector test reads it: bit (c >> 4) & 7 of
 * half[c >> 7][c & 15]. */
typedef struct byte_set {
    unsigned char half[2][16];
} byte_set;

typedef struct pair_skip {
    /* the buckets, two sets of eight: bit k of lo1[h][c & 15] &
     * hi1[h][c >> 4] when a pair of bucket 8h + k may start with c, of
     * lo2, hi2 when it may end with c */
    unsigned char lo1[2][16], hi1[2][16], lo2[2][16], hi2[2][16];
    byte_set singles;          /* first bytes whose every pair is in a map */
    byte_set first, second;    /* the maps of many pairs: their bytes */
    int vector;                /* 1: the CPU runs AVX2 */
    /* 1: map 1 is exactly first times second, and none of map 0 is in
     * them: the sets give map 1's positions without the table */
    int names_exact;
    /* per pair b, c at index b | c << 8 (the pair's two bytes as a
     * little-endian word reads them): bit k when in maps[k] */
    unsigned char maps_of[65536];
} pair_skip;

/* How often byte c comes in running English text, per 10,000 bytes
 * (letters by their frequency, one byte in six a space, a capital a
 * twentieth of its letter): what the buckets and near.c's choice of the
 * pair to key a literal on weigh. */
int pair_skip_byte_frequency(unsigned char c);

/* Builds the table and the filters of the pair bitmaps
 * maps[0..PAIRSKIP_SETS) (8 KiB each, bit b << 8 | c for the pair b, c). */
void pair_skip_build(pair_skip *s, const unsigned char *const maps[PAIRSKIP_SETS]);

/* The maps the pair (b << 8 | c) is in: bit k for maps[k]. */
static inline unsigned pair_skip_maps(const pair_skip *s, unsigned pair)
{
    return s->maps_of[(pair >> 8 & 0xff) | (pair & 0xff) << 8];
}

/* The positions j in [i, end) whose pair t[j], t[j + 1] is in map 0,
 * ascending, into out0 (room for end - i), their count returned; those
 * whose pair is in map 1, as j + 1 (the pair's second byte), into out1
 * (room for end - i), their count in *n1. end + 1 <= the text's length. */
size_t pair_skip_collect(const pair_skip *s, const unsigned char *t, size_t i, size_t end,
                         size_t *out0, size_t *out1, size_t *n1);

#endif
