/* pairskip.c: skipping to the next byte pair of a bitmap (see pairskip.h). */
#include <stdint.h>
#include <string.h>

#include "pairskip.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define PAIRSKIP_X86 1
#endif

/* A map with more pairs than this (first bytes of full rows aside) goes
 * through the sets of its bytes, not the buckets. */
#define PAIRSKIP_BUCKET_MAX 1024
#define PAIRSKIP_BUCKETS 16

static void byte_set_add(byte_set *s, unsigned c)
{
    s->half[c >> 7][c & 15] |= (unsigned char)(1u << ((c >> 4) & 7));
}

int pair_skip_byte_frequency(unsigned char c)
{
    static const short lower[26] = { 680, 124, 232, 354, 1060, 186, 168, 508, 580, 13, 64,
                                     335, 201, 563, 626, 161, 8,   499, 527, 754, 230, 82,
                                     197, 13,  164, 6 };
    if (c >= 'a' && c <= 'z')
        return lower[c - 'a'];
    if (c >= 'A' && c <= 'Z')
        return lower[c - 'A'] / 20 + 1;
    if (c == ' ')
        return 1700;
    if ((c >= '0' && c <= '9') || c == '.' || c == ',')
        return 40;
    return 5;
}

/* One bucket's nibbles, as 16-bit sets: low and high of first and second
 * bytes. */
typedef struct bucket {
    unsigned lo1, hi1, lo2, hi2;
} bucket;

/* The weight of the bytes whose low nibble is in lo and high one in hi
 * (freq: pair_skip_byte_frequency() of each byte), over the set bits only:
 * the buckets are filled when a model is opened. */
static uint64_t nibbles_weight(unsigned lo, unsigned hi, const uint16_t *freq)
{
    uint64_t w = 0;
    for (unsigned h = hi; h; h &= h - 1)
        for (unsigned l = lo; l; l &= l - 1)
            w += freq[(unsigned)__builtin_ctz(h) << 4 | (unsigned)__builtin_ctz(l)];
    return w;
}

static uint64_t bucket_cost(bucket b, const uint16_t *freq)
{
    return nibbles_weight(b.lo1, b.hi1, freq) * nibbles_weight(b.lo2, b.hi2, freq);
}

static bucket bucket_with(bucket b, unsigned pair)
{
    unsigned first = pair >> 8, second = pair & 0xff;
    b.lo1 |= 1u << (first & 15);
    b.hi1 |= 1u << (first >> 4);
    b.lo2 |= 1u << (second & 15);
    b.hi2 |= 1u << (second >> 4);
    return b;
}

/* Puts each pair (heaviest first) in the bucket it makes the least
 * heavier, then writes the buckets' nibble tables. */
static void fill_buckets(pair_skip *s, const uint16_t *pairs, size_t n)
{
    bucket b[PAIRSKIP_BUCKETS] = { { 0, 0, 0, 0 } };
    uint64_t cost[PAIRSKIP_BUCKETS] = { 0 };
    uint16_t freq[256];
    for (unsigned c = 0; c < 256; c++)
        freq[c] = (uint16_t)pair_skip_byte_frequency((unsigned char)c);
    for (int heavy = 1; heavy >= 0; heavy--)   /* pairs of running text first */
        for (size_t k = 0; k < n; k++) {
            unsigned p = pairs[k];
            if (((uint64_t)freq[p >> 8] * freq[p & 0xff] >= 10000) != heavy)
                continue;
            int best = 0;
            uint64_t best_add = UINT64_MAX, best_cost = 0;
            for (int j = 0; j < PAIRSKIP_BUCKETS; j++) {
                uint64_t c = bucket_cost(bucket_with(b[j], p), freq);
                if (c - cost[j] < best_add) {
                    best = j;
                    best_add = c - cost[j];
                    best_cost = c;
                }
            }
            b[best] = bucket_with(b[best], p);
            cost[best] = best_cost;
        }
    for (int j = 0; j < PAIRSKIP_BUCKETS; j++)
        for (unsigned x = 0; x < 16; x++) {
            unsigned char bit = (unsigned char)(1u << (j & 7));
            s->lo1[j >> 3][x] |= (b[j].lo1 >> x & 1) ? bit : 0;
            s->hi1[j >> 3][x] |= (b[j].hi1 >> x & 1) ? bit : 0;
            s->lo2[j >> 3][x] |= (b[j].lo2 >> x & 1) ? bit : 0;
            s->hi2[j >> 3][x] |= (b[j].hi2 >> x & 1) ? bit : 0;
        }
}

/* Counts map's pairs outside full rows (full[b]: every pair b, c is in). */
static size_t row_pairs(const unsigned char *map, unsigned char *full)
{
    size_t n = 0;
    for (unsigned b = 0; b < 256; b++) {   /* row b: the 32 bytes at map + 32 b */
        unsigned in = 0;
        for (unsigned k = 0; k < 32; k++)
            in += (unsigned)__builtin_popcount(map[32 * b + k]);
        full[b] = in == 256;
        n += full[b] ? 0 : in;
    }
    return n;
}

/* Runs body for each pair p of map (bit p), skipping empty bytes. */
#define FOR_EACH_PAIR(map, p, body)                                          \
    for (unsigned byte_ = 0; byte_ < 8192; byte_++)                          \
        for (unsigned bits_ = (map)[byte_]; bits_; bits_ &= bits_ - 1) {     \
            unsigned p = byte_ << 3 | (unsigned)__builtin_ctz(bits_);         \
            body;                                                            \
        }

/* Files one map's pairs with the filters: full rows in the singles, the
 * rest in the buckets' list (pairs, *n) or, when many, in the byte sets.
 * Returns 1 when in the sets. */
static int file_map(pair_skip *s, const unsigned char *map, uint16_t *pairs, size_t *n)
{
    unsigned char full[256];
    int few = row_pairs(map, full) + *n <= PAIRSKIP_BUCKET_MAX;
    FOR_EACH_PAIR(map, p, {
        if (full[p >> 8])
            byte_set_add(&s->singles, p >> 8);
        else if (few)
            pairs[(*n)++] = (uint16_t)p;
        else {
            byte_set_add(&s->first, p >> 8);
            byte_set_add(&s->second, p & 0xff);
        }
    })
    return !few;
}

static int in_set(const byte_set *s, unsigned c)
{
    return s->half[c >> 7][c & 15] >> ((c >> 4) & 7) & 1;
}

/* 1 if map holds exactly the pairs of the byte sets first times second:
 * each row is the second set's bits where its byte is in the first, else
 * empty. */
static int is_product(const pair_skip *s, const unsigned char *map)
{
    unsigned char row[32] = { 0 }, none[32] = { 0 };
    for (unsigned c = 0; c < 256; c++)
        row[c >> 3] |= (unsigned char)(in_set(&s->second, c) << (c & 7));
    for (unsigned b = 0; b < 256; b++)
        if (memcmp(map + 32 * b, in_set(&s->first, b) ? row : none, 32) != 0)
            return 0;
    return 1;
}

void pair_skip_build(pair_skip *s, const unsigned char *const maps[PAIRSKIP_SETS])
{
    memset(s, 0, sizeof *s);
    uint16_t pairs[PAIRSKIP_BUCKET_MAX];
    size_t n = 0;
    int in_sets[PAIRSKIP_SETS];
    for (int k = 0; k < PAIRSKIP_SETS; k++) {
        FOR_EACH_PAIR(maps[k], p, s->maps_of[p >> 8 | (p & 0xff) << 8] |= (unsigned char)(1u << k))
        in_sets[k] = file_map(s, maps[k], pairs, &n);
    }
    fill_buckets(s, pairs, n);
    s->names_exact = !in_sets[0] && in_sets[1] && is_product(s, maps[1]);
#ifdef PAIRSKIP_X86
    s->vector = __builtin_cpu_supports("avx2") != 0;
#endif
}

/* Files position j by its maps, without a branch: into out0 when in map
 * 0, as j + 1 into out1 when in map 1. */
static inline void file_pos(const unsigned char *maps_of, const unsigned char *t, size_t j,
                            size_t *out0, size_t *n0, size_t *out1, size_t *n1)
{
    unsigned maps = maps_of[t[j] | (unsigned)t[j + 1] << 8];
    out0[*n0] = j;
    *n0 += maps & 1;
    out1[*n1] = j + 1;
    *n1 += maps >> 1;
}

/* The byte loop, 8 positions a machine word: where the machine is
 * little-endian, the pair at i + k (k < 7) is the word at i shifted by k
 * bytes, masked to two, which is how maps_of is indexed. Collects into
 * out every position in some map. */
static size_t byte_collect(const unsigned char *maps_of, const unsigned char *t, size_t i,
                           size_t end, size_t *out)
{
    size_t n = 0;
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
    for (; i < end; i++) {
        out[n] = i;
        n += maps_of[t[i] | (unsigned)t[i + 1] << 8] != 0;
    }
    return n;
}

/* byte_collect(), then its positions split by map (in place in out0). */
static size_t scalar_collect(const unsigned char *maps_of, const unsigned char *t, size_t i,
                             size_t end, size_t *out0, size_t *out1, size_t *n1)
{
    size_t n = byte_collect(maps_of, t, i, end, out0), n0 = 0;
    *n1 = 0;
    for (size_t k = 0; k < n; k++)
        file_pos(maps_of, t, out0[k], out0, &n0, out1, n1);
    return n0;
}

#ifdef PAIRSKIP_X86
__attribute__((target("avx2"))) static inline __m256i table(const unsigned char *tbl)
{
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)tbl));
}

/* 0xff in each byte of x (high nibbles xh, x ^ 0x80 in xf, bits the bit
 * of each high nibble) that is not in the set. */
__attribute__((target("avx2"))) static inline __m256i not_in(const byte_set *s, __m256i x,
                                                             __m256i xf, __m256i bits)
{
    __m256i l = _mm256_or_si256(_mm256_shuffle_epi8(table(s->half[0]), x),
                                _mm256_shuffle_epi8(table(s->half[1]), xf));
    return _mm256_cmpeq_epi8(_mm256_and_si256(l, bits), _mm256_setzero_si256());
}

/* The buckets of set h that may hold the pairs x, y (low and high
 * nibbles xl, xh, yl, yh): a bit each. */
__attribute__((target("avx2"))) static inline __m256i buckets(const pair_skip *s, int h,
                                                              __m256i xl, __m256i xh,
                                                              __m256i yl, __m256i yh)
{
    return _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(table(s->lo1[h]), xl),
                                             _mm256_shuffle_epi8(table(s->hi1[h]), xh)),
                            _mm256_and_si256(_mm256_shuffle_epi8(table(s->lo2[h]), yl),
                                             _mm256_shuffle_epi8(table(s->hi2[h]), yh)));
}

/* 0xff in each byte of the 32 positions at t that the byte sets stop
 * (*product) and that the buckets and the singles stop (*rest). */
__attribute__((target("avx2"))) static inline void stopped(const pair_skip *s,
                                                           const unsigned char *t,
                                                           __m256i *product, __m256i *rest)
{
    const __m256i nibble = _mm256_set1_epi8(0x0f), top = _mm256_set1_epi8((char)0x80);
    const __m256i bit_of = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32,
                                            64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8,
                                            16, 32, 64, -128);
    __m256i x = _mm256_loadu_si256((const __m256i *)t);
    __m256i y = _mm256_loadu_si256((const __m256i *)(t + 1));
    __m256i xl = _mm256_and_si256(x, nibble), yl = _mm256_and_si256(y, nibble);
    __m256i xh = _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble);
    __m256i yh = _mm256_and_si256(_mm256_srli_epi16(y, 4), nibble);
    __m256i b = _mm256_or_si256(buckets(s, 0, xl, xh, yl, yh), buckets(s, 1, xl, xh, yl, yh));
    __m256i xbits = _mm256_shuffle_epi8(bit_of, xh), xf = _mm256_xor_si256(x, top);
    *product = _mm256_or_si256(
        not_in(&s->first, x, xf, xbits),
        not_in(&s->second, y, _mm256_xor_si256(y, top), _mm256_shuffle_epi8(bit_of, yh)));
    *rest = _mm256_and_si256(_mm256_cmpeq_epi8(b, _mm256_setzero_si256()),
                             not_in(&s->singles, x, xf, xbits));
}

/* Positions j in [i, end) of map 0 into out0 (count returned), j + 1 of
 * map 1 into out1 (count in *n1), 32 at a time through the filters and
 * the table. */
__attribute__((target("avx2"))) static size_t vector_collect(const pair_skip *s,
                                                             const unsigned char *t, size_t i,
                                                             size_t end, size_t *out0,
                                                             size_t *out1, size_t *n1)
{
    size_t n0 = 0, n = 0;
    for (; i + 32 <= end; i += 32) {
        __m256i product, rest;
        stopped(s, t + i, &product, &rest);
        unsigned mask = ~(unsigned)_mm256_movemask_epi8(_mm256_and_si256(product, rest));
        for (; mask; mask &= mask - 1)
            file_pos(s->maps_of, t, i + (size_t)__builtin_ctz(mask), out0, &n0, out1, &n);
    }
    for (; i < end; i++)
        file_pos(s->maps_of, t, i, out0, &n0, out1, &n);
    *n1 = n;
    return n0;
}

/* vector_collect() where s->names_exact: map 1's positions straight from
 * the byte sets, the table read only where the buckets or singles pass. */
__attribute__((target("avx2"))) static size_t vector_collect_exact(const pair_skip *s,
                                                                   const unsigned char *t,
                                                                   size_t i, size_t end,
                                                                   size_t *out0, size_t *out1,
                                                                   size_t *n1)
{
    size_t n0 = 0, n = 0;
    for (; i + 32 <= end; i += 32) {
        __m256i product, rest;
        stopped(s, t + i, &product, &rest);
        unsigned names = ~(unsigned)_mm256_movemask_epi8(product);
        unsigned lits = ~(unsigned)_mm256_movemask_epi8(rest);
        for (; names; names &= names - 1)
            out1[n++] = i + 1 + (size_t)__builtin_ctz(names);
        for (; lits; lits &= lits - 1) {
            size_t j = i + (size_t)__builtin_ctz(lits);
            out0[n0] = j;
            n0 += s->maps_of[t[j] | (unsigned)t[j + 1] << 8] & 1;
        }
    }
    for (; i < end; i++)
        file_pos(s->maps_of, t, i, out0, &n0, out1, &n);
    *n1 = n;
    return n0;
}
#endif

size_t pair_skip_collect(const pair_skip *s, const unsigned char *t, size_t i, size_t end,
                         size_t *out0, size_t *out1, size_t *n1)
{
#ifdef PAIRSKIP_X86
    if (s->vector && s->names_exact)
        return vector_collect_exact(s, t, i, end, out0, out1, n1);
    if (s->vector)
        return vector_collect(s, t, i, end, out0, out1, n1);
#endif
    return scalar_collect(s->maps_of, t, i, end, out0, out1, n1);
}
