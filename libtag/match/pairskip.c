/* pairskip.c: skipping to the next byte pair of a bitmap (see pairskip.h). */
#include <stdint.h>
#include <string.h>

#include "pairskip.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define PAIRSKIP_X86 1
#endif

/* The nibble tables of a set of bytes: c is let through when
 * lo[c & 15] & hi[c >> 4] != 0, that is when c or c ^ 0x80 is in the set
 * (eight bits for sixteen high nibbles: the sieve is coarse, never wrong). */
static void nibble_tables(const unsigned char *set, unsigned char *lo, unsigned char *hi)
{
    memset(lo, 0, 16);
    for (unsigned h = 0; h < 16; h++)
        hi[h] = (unsigned char)(1u << (h & 7));
    for (unsigned c = 0; c < 256; c++)
        if (set[c])
            lo[c & 15] |= (unsigned char)(1u << ((c >> 4) & 7));
}

static int sieve_passes(const unsigned char *lo, const unsigned char *hi, unsigned char c)
{
    return (lo[c & 15] & hi[c >> 4]) != 0;
}

/* 1 if the sieve stops most pairs of running text: of the pairs of
 * lower-case letters and spaces, it lets fewer than one in five through. */
static int sieve_selective(const pair_skip *s)
{
    static const char text_bytes[] = "abcdefghijklmnopqrstuvwxyz ";
    size_t passed = 0, n = sizeof text_bytes - 1;
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++) {
            unsigned char x = (unsigned char)text_bytes[a], y = (unsigned char)text_bytes[b];
            for (int k = 0; k < PAIRSKIP_SETS; k++)
                if (sieve_passes(s->first_lo[k], s->first_hi[k], x) &&
                    sieve_passes(s->second_lo[k], s->second_hi[k], y)) {
                    passed++;
                    break;
                }
        }
    return passed * 5 < n * n;
}

void pair_skip_build(pair_skip *s, const unsigned char *const maps[PAIRSKIP_SETS])
{
    memset(s, 0, sizeof *s);
    for (int k = 0; k < PAIRSKIP_SETS; k++) {
        unsigned char first[256] = { 0 }, second[256] = { 0 };
        for (unsigned p = 0; p < 65536; p++)
            if (maps[k][p >> 3] & (1u << (p & 7))) {
                first[p >> 8] = 1;
                second[p & 0xff] = 1;
                s->maps_of[p >> 8 | (p & 0xff) << 8] |= (unsigned char)(1u << k);
            }
        nibble_tables(first, s->first_lo[k], s->first_hi[k]);
        nibble_tables(second, s->second_lo[k], s->second_hi[k]);
    }
#ifdef PAIRSKIP_X86
    s->vector = __builtin_cpu_supports("avx2") != 0 && sieve_selective(s);
#endif
}

/* Appends j to out when its pair is in some map, without a branch. */
static size_t keep(size_t *out, size_t n, const unsigned char *maps_of, const unsigned char *t,
                   size_t j)
{
    out[n] = j;
    return n + (maps_of[t[j] | (unsigned)t[j + 1] << 8] != 0);
}

/* The byte loop, 8 positions a machine word: where the machine is
 * little-endian, the pair at i + k (k < 7) is the word at i shifted by k
 * bytes, masked to two, which is how maps_of is indexed. */
static size_t byte_collect(const unsigned char *maps_of, const unsigned char *t, size_t i,
                           size_t end, size_t *out, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= end; i += 8) {   /* reads t[i + 8] <= t[end] */
        uint64_t w;
        memcpy(&w, t + i, sizeof w);
        for (unsigned k = 0; k < 7; k++) {
            out[n] = i + k;
            n += maps_of[(w >> (8 * k)) & 0xffff] != 0;
        }
        out[n] = i + 7;
        n += maps_of[(w >> 56) | (unsigned)t[i + 8] << 8] != 0;
    }
#endif
    for (; i < end; i++)
        n = keep(out, n, maps_of, t, i);
    return n;
}

#ifdef PAIRSKIP_X86
__attribute__((target("avx2"))) static inline __m256i table(const unsigned char *tbl)
{
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)tbl));
}

/* 0xff in each byte of x that the sieve (lo, hi) stops. */
__attribute__((target("avx2"))) static inline __m256i stopped(__m256i x, __m256i lo, __m256i hi)
{
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(x, nibble));
    __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
    return _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256());
}

/* 32 positions at a time: a position passes when, for one of the maps,
 * its byte passes the first bytes' sieve and the next byte the second's;
 * the bitmap then decides. */
__attribute__((target("avx2"))) static size_t vector_collect(const pair_skip *s,
                                                             const unsigned char *t, size_t i,
                                                             size_t end, size_t *out)
{
    __m256i fl0 = table(s->first_lo[0]), fh0 = table(s->first_hi[0]);
    __m256i sl0 = table(s->second_lo[0]), sh0 = table(s->second_hi[0]);
    __m256i fl1 = table(s->first_lo[1]), fh1 = table(s->first_hi[1]);
    __m256i sl1 = table(s->second_lo[1]), sh1 = table(s->second_hi[1]);
    size_t n = 0;
    for (; i + 32 <= end; i += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(t + i));
        __m256i y = _mm256_loadu_si256((const __m256i *)(t + i + 1));
        __m256i miss0 = _mm256_or_si256(stopped(x, fl0, fh0), stopped(y, sl0, sh0));
        __m256i miss1 = _mm256_or_si256(stopped(x, fl1, fh1), stopped(y, sl1, sh1));
        unsigned mask = ~(unsigned)_mm256_movemask_epi8(_mm256_and_si256(miss0, miss1));
        for (; mask; mask &= mask - 1)
            n = keep(out, n, s->maps_of, t, i + (size_t)__builtin_ctz(mask));
    }
    return byte_collect(s->maps_of, t, i, end, out, n);
}
#endif

size_t pair_skip_collect(const pair_skip *s, const unsigned char *t, size_t i, size_t end,
                         size_t *out)
{
#ifdef PAIRSKIP_X86
    if (s->vector)
        return vector_collect(s, t, i, end, out);
#endif
    return byte_collect(s->maps_of, t, i, end, out, 0);
}
