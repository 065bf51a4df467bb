/*
 * post.h: second passes over a document's own spans, after match_text():
 * what one span tells about others in the same document.
 *   lists.c   a coordinated list after a citation gives one span per item
 *             ("resolutions 7/36 and 25/1", "42 U.S.C. 1981 and 1983")
 *   memory.c  a short name or acronym the document defines, and a case's
 *             short form, tagged wherever used later with the same id
 *   caps.c    headings in capitals ("DEPARTMENT OF HOMELAND SECURITY")
 *   senses.c  the sense an acronym has where it stands: not the body when
 *             the document spells it otherwise ("flight control computer
 *             (FCC)") or it is part of a compound ("TF-IDF"); the treaty
 *             when it is ratified ("ratify the CED")
 *   post.c    the driver; an office title naming its holder is a person
 *             ("Attorney General Jane Doe"); a conventional year after a
 *             name ("Internal Revenue Code of 1986"); a state's prefix the
 *             dictionaries do not write ("U. S. Customs and Border
 *             Protection")
 * A span a pass adds may carry the text its canonical form is computed
 * from (the full name a short form stands for, the head of a list), since
 * its own surface does not hold it.
 */
#ifndef DOCTAG_POST_H
#define DOCTAG_POST_H

#include <stddef.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <string.h>

#include "match.h"

/* Runs the passes over `spans` (match_text()'s result for `text`) and
 * leaves the final spans in document order. *canon_src gets an array of
 * spans->n strings (NULL: the span's own text), or NULL when none is set;
 * free it with post_free_src(). */
int post_pass(span_list *spans, char ***canon_src, const compiled_model *m,
              const match_index *ix, const char *text, size_t len);

void post_free_src(char **canon_src, size_t n);

/* ---- internal to the passes ------------------------------------------- */

typedef struct post_add {
    span s;
    char *src;       /* the text to canonicalise, or NULL */
    int wins;        /* 1: replaces the first pass's spans it overlaps */
} post_add;

typedef struct post_ctx {
    const compiled_model *m;
    const match_index *ix;
    const char *text;
    size_t len;
    span_list *spans;        /* the first pass's spans, in order */
    post_add *adds;
    size_t n_adds, cap_adds;
    unsigned char *add_bits;  /* one bit a byte: covered by an added span */
} post_ctx;

/* Adds a span [start, end) of `entry`; `src` (src_len bytes, may be NULL)
 * is copied. Returns DOCTAG_OK or DOCTAG_ERR_NOMEM. */
int post_add_span(post_ctx *c, size_t start, size_t end, uint32_t entry, const char *src,
                  size_t src_len, int wins);

/* 1 if [start, end) overlaps a first-pass span or an added one. */
int post_taken(const post_ctx *c, size_t start, size_t end);

/* The index of the first first-pass span ending after `pos`. */
size_t post_first_after(const post_ctx *c, size_t pos);

/* 1 if the byte is part of a word (letter, digit, UTF-8 byte). */
static inline int post_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

/* The places a pass looks at, found sixteen bytes at a time (SSE2, every
 * x86-64; a byte at a time elsewhere and at the ends of the text):
 *   POST_WORD_CAPITAL  a capital starting a word: no word byte or '-'
 *                      before it ("FISA", "Bivens", not "McCain")
 *   POST_CAPS_WORD     two capitals starting a word: no word byte before
 *                      ("DEPARTMENT", "UN") */
enum post_scan_kind { POST_WORD_CAPITAL, POST_CAPS_WORD };

typedef struct post_scan {
    const unsigned char *t;
    size_t len;
    size_t base;        /* the sixteen bytes from here ... */
    unsigned mask;      /* ... and which of them are places not yet given */
    enum post_scan_kind kind;
} post_scan;

static inline int post_upper_byte(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* 1 if position i of t is a place of `kind`. */
static inline int post_scan_place(const unsigned char *t, size_t i, size_t len,
                                  enum post_scan_kind kind)
{
    if (!post_upper_byte(t[i]))
        return 0;
    if (kind == POST_CAPS_WORD)
        return i + 1 < len && post_upper_byte(t[i + 1]) && (i == 0 || !post_word_byte(t[i - 1]));
    return i == 0 || (!post_word_byte(t[i - 1]) && t[i - 1] != '-');
}

#ifdef __SSE2__
/* 0xff in each byte of v that is in [lo, lo + n) (n < 128). */
static inline __m128i post_in_range(__m128i v, char lo, char n)
{
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo))),
                          _mm_set1_epi8((char)(-128 + n)));
}
#endif

/* The places among the sixteen positions from `at`, one bit each. */
static inline unsigned post_scan_mask(const unsigned char *t, size_t at, size_t len,
                                      enum post_scan_kind kind)
{
#ifdef __SSE2__
    if (at >= 1 && at + 17 <= len) {
        __m128i prev = _mm_loadu_si128((const __m128i *)(t + at - 1));
        __m128i v = _mm_loadu_si128((const __m128i *)(t + at));
        __m128i word = _mm_or_si128(
            _mm_or_si128(post_in_range(_mm_or_si128(prev, _mm_set1_epi8(0x20)), 'a', 26),
                         post_in_range(prev, '0', 10)),
            _mm_cmplt_epi8(prev, _mm_setzero_si128()));   /* UTF-8 bytes */
        __m128i place = post_in_range(v, 'A', 26);
        if (kind == POST_CAPS_WORD) {
            __m128i next = _mm_loadu_si128((const __m128i *)(t + at + 1));
            place = _mm_and_si128(place, post_in_range(next, 'A', 26));
        } else {
            word = _mm_or_si128(word, _mm_cmpeq_epi8(prev, _mm_set1_epi8('-')));
        }
        return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(word, place));
    }
#endif
    unsigned mask = 0;
    for (size_t k = 0; k < 16 && at + k < len; k++)
        mask |= (unsigned)post_scan_place(t, at + k, len, kind) << k;
    return mask;
}

/* Starts a scan of t[0, len) for places of `kind` at position i. */
static inline void post_scan_from(post_scan *s, size_t i)
{
    s->base = i;
    s->mask = i < s->len ? post_scan_mask(s->t, i, s->len, s->kind) : 0;
}

/* The next place, or len when there is none. */
static inline size_t post_scan_next(post_scan *s)
{
    while (!s->mask) {
        if (s->base + 16 >= s->len)
            return s->len;
        post_scan_from(s, s->base + 16);
    }
    size_t i = s->base + (size_t)__builtin_ctz(s->mask);
    s->mask &= s->mask - 1;
    return i;
}

/* Gives no place before `pos` any more. */
static inline void post_scan_skip(post_scan *s, size_t pos)
{
    if (pos >= s->base + 16)
        post_scan_from(s, pos);
    else if (pos > s->base)
        s->mask &= ~0u << (pos - s->base);
}

/* A word of a fixed list with its length, so that a list is searched
 * without a strlen() per entry and a memcmp() only where the first byte
 * and the length agree. */
typedef struct post_str {
    const char *s;
    size_t n;
} post_str;

#define POST_STR(lit) { lit, sizeof lit - 1 }
#define POST_COUNT(list) (sizeof list / sizeof *list)

/* 1 if w (n bytes) is one of the list's words. */
static inline int post_str_is(const post_str *list, size_t count, const char *w, size_t n)
{
    for (size_t k = 0; k < count; k++)
        if (list[k].n == n && n && list[k].s[0] == w[0] && memcmp(w, list[k].s, n) == 0)
            return 1;
    return 0;
}

/* The length of the list's first word that s (n bytes) starts with, or 0. */
static inline size_t post_str_prefix(const post_str *list, size_t count, const char *s, size_t n)
{
    for (size_t k = 0; k < count; k++)
        if (n >= list[k].n && n && list[k].s[0] == s[0] && memcmp(s, list[k].s, list[k].n) == 0)
            return list[k].n;
    return 0;
}

/* 1 if the word w (n bytes) is a small joining word ("of", "and", "the"). */
int post_joiner(const char *w, size_t n);

/* Where the words before `end` whose initials spell the acronym's capitals
 * start (joiners skipped), or SIZE_MAX: "Independent National Security
 * Legislation Monitor" before "(INSLM)"; `fold` 1: the words may be in
 * lower case ("flight control computer (FCC)"). */
size_t post_initials_start(const char *t, size_t end, const char *acr, size_t acr_len, int fold);

/* The first entry of `type` whose canonical form is the matched text
 * (%name), or UINT32_MAX: what a name found by its shape is tagged as. */
uint32_t post_name_entry(const compiled_model *m, int type);

int lists_pass(post_ctx *c);
int memory_pass(post_ctx *c);
int caps_pass(post_ctx *c);
int senses_pass(post_ctx *c);

#endif
