/* capitals.c: where the capitals starting a word are (see post.h), for
 * the passes that look for names: one scan of a piece, 32 bytes at a time
 * where the processor has AVX2, else 16 (SSE2, every x86-64), a byte at a
 * time elsewhere and at the ends of the text. */
#include <stdint.h>
#include <stdlib.h>

#include "error.h"
#include "post.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define CAPITALS_X86 1
#include <immintrin.h>

/* 0xff in each byte of v that is in [lo, lo + n) (n < 128). */
static __m128i in_range(__m128i v, char lo, char n)
{
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo))),
                          _mm_set1_epi8((char)(-128 + n)));
}

__attribute__((target("avx2"))) static __m256i in_range32(__m256i v, char lo, char n)
{
    return _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(-128 + n)),
                             _mm256_add_epi8(v, _mm256_set1_epi8((char)(0x80 - lo))));
}

/* The 64 bytes from `at` (at >= 1, at + 65 <= len) with AVX2: the capitals
 * starting a word, and in *caps those followed by another capital. */
__attribute__((target("avx2"))) static uint64_t word_avx2(const unsigned char *t, size_t at,
                                                          uint64_t *caps)
{
    uint64_t starts = 0;
    *caps = 0;
    for (unsigned q = 0; q < 64; q += 32) {
        __m256i prev = _mm256_loadu_si256((const __m256i *)(t + at + q - 1));
        __m256i v = _mm256_loadu_si256((const __m256i *)(t + at + q));
        __m256i next = _mm256_loadu_si256((const __m256i *)(t + at + q + 1));
        __m256i word = _mm256_or_si256(
            _mm256_or_si256(in_range32(_mm256_or_si256(prev, _mm256_set1_epi8(0x20)), 'a', 26),
                            in_range32(prev, '0', 10)),
            _mm256_cmpgt_epi8(_mm256_setzero_si256(), prev));   /* UTF-8 bytes */
        __m256i s = _mm256_andnot_si256(word, in_range32(v, 'A', 26));
        __m256i two = _mm256_and_si256(s, in_range32(next, 'A', 26));
        starts |= (uint64_t)(uint32_t)_mm256_movemask_epi8(s) << q;
        *caps |= (uint64_t)(uint32_t)_mm256_movemask_epi8(two) << q;
    }
    return starts;
}

/* post_find_capitals() for the 64-byte words w of [from, to) that
 * word_avx2() can read (one call, so that its constants stay in
 * registers). */
__attribute__((target("avx2"))) static void words_avx2(post_ctx *c, const unsigned char *t,
                                                       size_t from, size_t to)
{
    for (size_t w = from; w < to; w++)
        c->capitals[w] = word_avx2(t, w * 64, &c->caps_words[w]);
}
#endif

/* The same for the sixteen bytes from `at`, with SSE2 where they are not
 * at an end of the text. */
static unsigned capitals_at(const unsigned char *t, size_t at, size_t len, unsigned *caps)
{
#ifdef CAPITALS_X86
    if (at >= 1 && at + 17 <= len) {
        __m128i prev = _mm_loadu_si128((const __m128i *)(t + at - 1));
        __m128i v = _mm_loadu_si128((const __m128i *)(t + at));
        __m128i next = _mm_loadu_si128((const __m128i *)(t + at + 1));
        __m128i word = _mm_or_si128(
            _mm_or_si128(in_range(_mm_or_si128(prev, _mm_set1_epi8(0x20)), 'a', 26),
                         in_range(prev, '0', 10)),
            _mm_cmplt_epi8(prev, _mm_setzero_si128()));   /* UTF-8 bytes */
        __m128i starts = _mm_andnot_si128(word, in_range(v, 'A', 26));
        *caps = (unsigned)_mm_movemask_epi8(_mm_and_si128(starts, in_range(next, 'A', 26)));
        return (unsigned)_mm_movemask_epi8(starts);
    }
#endif
    unsigned mask = 0;
    *caps = 0;
    for (size_t k = 0, i = at; k < 16 && i < len; k++, i++) {
        if (!post_upper_byte(t[i]) || (i > 0 && post_word_byte(t[i - 1])))
            continue;
        mask |= 1u << k;
        if (i + 1 < len && post_upper_byte(t[i + 1]))
            *caps |= 1u << k;
    }
    return mask;
}

int post_find_capitals(post_ctx *c)
{
    size_t n = c->n_capital_words = (c->len + 63) / 64;
    c->capitals = malloc(2 * (n + 1) * sizeof *c->capitals);
    if (!c->capitals)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    c->caps_words = c->capitals + n + 1;
    const unsigned char *t = (const unsigned char *)c->text;
#ifdef CAPITALS_X86
    int avx2 = __builtin_cpu_supports("avx2") != 0;
#endif
    for (size_t w = 0; w < n; w++) {   /* every word written: no zeroing first */
        uint64_t starts = 0, caps_words = 0;
        size_t at = w * 64;
#ifdef CAPITALS_X86
        if (avx2 && at >= 1 && at + 65 <= c->len) {
            size_t to = (c->len - 1) / 64;   /* the words w with w * 64 + 65 <= len */
            words_avx2(c, t, w, to);
            w = to - 1;
            continue;
        }
#endif
        for (size_t q = 0; q < 64 && at < c->len; q += 16, at += 16) {
            unsigned caps;
            starts |= (uint64_t)capitals_at(t, at, c->len, &caps) << q;
            caps_words |= (uint64_t)caps << q;
        }
        c->capitals[w] = starts;
        c->caps_words[w] = caps_words;
    }
    return DOCTAG_OK;
}
