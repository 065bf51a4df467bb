/* normalize.c: text -> normalised text + offset map (see normalize.h). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__x86_64__) && defined(__GNUC__)
#define NORMALIZE_X86 1
#include <immintrin.h>
#endif

#include "error.h"
#include "normalize.h"
#include "vec.h"

/* How a character is treated before matching. CH_BREAK: a control
 * character (NUL, C0 but tab and line ends, DEL, C1): a separator that
 * never sits inside an entity, normalised as a paragraph break. */
enum char_class { CH_KEEP, CH_DROP, CH_SPACE, CH_NEWLINE, CH_MAP, CH_BREAK };

/* The output being written: out->text grows (and is kept from one call to
 * the next), out->map gains a segment per stretch that is not copied as
 * it is. */
typedef struct builder {
    normalized_text *out;
    int failed;
    /* the whitespace run being read: it becomes one " " or "\n" when the
     * next character is written, and nothing at the start or the end */
    int in_ws, at_start;
    size_t ws_start, newlines;
} builder;

/* Room for `need` more bytes and the slack after them. */
static int grow(builder *b, size_t need)
{
    normalized_text *t = b->out;
    if (t->len + need + NORMALIZE_SLACK <= t->cap)
        return !b->failed;
    if (!b->failed && !vec_reserve((void **)&t->text, &t->cap, t->len + need + NORMALIZE_SLACK, 1))
        b->failed = 1;
    return !b->failed;
}

/* Appends `out_len` bytes standing for input [in_start, in_start+in_len).
 * Equal-length stretches that continue the previous one extend it, so plain
 * ASCII text costs a single segment. */
static void emit(builder *b, const char *bytes, size_t out_len, size_t in_start, size_t in_len)
{
    normalized_text *t = b->out;
    offset_map *m = &t->map;
    if (!grow(b, out_len))
        return;
    offset_segment *last = m->n ? &m->seg[m->n - 1] : NULL;
    if (last && out_len == in_len && last->out_len == last->in_len &&
        last->out_start + last->out_len == t->len && last->in_start + last->in_len == in_start) {
        last->out_len += out_len;
        last->in_len += in_len;
    } else {
        if (m->n == m->cap && !vec_reserve((void **)&m->seg, &m->cap, m->n + 1, sizeof *m->seg)) {
            b->failed = 1;
            return;
        }
        m->seg[m->n++] = (offset_segment){ t->len, out_len, in_start, in_len };
    }
    memcpy(t->text + t->len, bytes, out_len);
    t->len += out_len;
}

/* Before a character is written at input position i: the whitespace run
 * before it, if any, as one space or a paragraph break. */
static void end_whitespace(builder *b, size_t i)
{
    if (b->in_ws && !b->at_start)
        emit(b, b->newlines >= 2 ? "\n" : " ", 1, b->ws_start, i - b->ws_start);
    b->in_ws = 0;
    b->at_start = 0;
}

static enum char_class classify(utf8proc_int32_t cp, char *ascii)
{
    switch (cp) {
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return CH_DROP;
    case 0x0085: case 0x2028:
        return CH_NEWLINE;
    case 0x2029:
        return CH_NEWLINE; /* paragraph separator: counted twice by the caller */
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    /* superscript digits: footnote marks, kept apart from the word */
    case 0x00B9: case 0x00B2: case 0x00B3: case 0x2070:
    case 0x2074: case 0x2075: case 0x2076: case 0x2077: case 0x2078: case 0x2079:
        return CH_SPACE;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
        *ascii = '\'';
        return CH_MAP;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
        *ascii = '"';
        return CH_MAP;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        *ascii = '-';
        return CH_MAP;
    default:
        if (cp >= 0x2000 && cp <= 0x200A)
            return CH_SPACE;
        if (cp >= 0x80 && cp <= 0x9F)
            return CH_BREAK;
        return CH_KEEP;
    }
}

/* NFKC of one character, re-encoded; returns bytes written to dst (which
 * holds 64), or 0 when the character is its own NFKC form. */
static size_t nfkc_char(utf8proc_int32_t cp, unsigned char *dst)
{
    utf8proc_int32_t buf[16];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 16, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &boundclass);
    if (n <= 0 || n > 16 || (n == 1 && buf[0] == cp))
        return 0;
    n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (n == 1 && buf[0] == cp)
        return 0;
    size_t k = 0;
    for (utf8proc_ssize_t i = 0; i < n && k + 4 <= 64; i++) {
        char ascii;
        if (classify(buf[i], &ascii) == CH_MAP)
            dst[k++] = (unsigned char)ascii;
        else
            k += (size_t)utf8proc_encode_char(buf[i], dst + k);
    }
    return k;
}

/* 1 if byte c is copied as it is inside a run: printable ASCII, not a
 * space. */
static int word_byte(unsigned char c)
{
    return c > 0x20 && c < 0x7F;
}

/* Where the run from i stops: the first byte that is not printable ASCII,
 * or a space not followed by another printable byte that is not a space
 * (so that no two spaces ever meet and the run ends in a printable byte).
 * In the vector loops, a byte plus one is above 0x21 (signed) when it is
 * printable and not a space: 0x7F becomes negative. */
static size_t run_stop_bytes(const unsigned char *s, size_t i, size_t len)
{
    for (; i < len; i++)
        if (!word_byte(s[i]) && !(s[i] == ' ' && i + 1 < len && word_byte(s[i + 1])))
            return i;
    return len;
}

#ifdef NORMALIZE_X86
/* Sixteen bytes at a time (SSE2, every x86-64). */
static size_t run_stop_sse2(const unsigned char *s, size_t i, size_t len)
{
    const __m128i one = _mm_set1_epi8(1), word_min = _mm_set1_epi8(0x21), sp = _mm_set1_epi8(' ');
    for (; i + 17 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i word = _mm_cmpgt_epi8(_mm_add_epi8(v, one), word_min);
        __m128i next_word = _mm_cmpgt_epi8(_mm_add_epi8(next, one), word_min);
        __m128i keep = _mm_or_si128(word, _mm_and_si128(_mm_cmpeq_epi8(v, sp), next_word));
        unsigned mask = (unsigned)_mm_movemask_epi8(keep);
        if (mask != 0xFFFF)
            return i + (size_t)__builtin_ctz(~mask);
    }
    return run_stop_bytes(s, i, len);
}

/* Thirty-two bytes at a time where the processor has AVX2. */
__attribute__((target("avx2"))) static size_t run_stop_avx2(const unsigned char *s, size_t i,
                                                            size_t len)
{
    const __m256i one = _mm256_set1_epi8(1), word_min = _mm256_set1_epi8(0x21),
                  sp = _mm256_set1_epi8(' ');
    for (; i + 33 <= len; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
        __m256i next = _mm256_loadu_si256((const __m256i *)(s + i + 1));
        __m256i word = _mm256_cmpgt_epi8(_mm256_add_epi8(v, one), word_min);
        __m256i next_word = _mm256_cmpgt_epi8(_mm256_add_epi8(next, one), word_min);
        __m256i keep = _mm256_or_si256(word, _mm256_and_si256(_mm256_cmpeq_epi8(v, sp), next_word));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(keep);
        if (mask != 0xFFFFFFFFu)
            return i + (size_t)__builtin_ctz(~mask);
    }
    return run_stop_sse2(s, i, len);
}
#endif

static size_t run_stop(const unsigned char *s, size_t i, size_t len, int avx2)
{
#ifdef NORMALIZE_X86
    return avx2 ? run_stop_avx2(s, i, len) : run_stop_sse2(s, i, len);
#else
    (void)avx2;
    return run_stop_bytes(s, i, len);
#endif
}

/* The end of the run at i that needs no change: printable ASCII with
 * single spaces between, starting and ending with a byte that is not a
 * space (i itself if there is none). */
static size_t plain_run(const unsigned char *s, size_t i, size_t len, int avx2)
{
    return i < len && word_byte(s[i]) ? run_stop(s, i + 1, len, avx2) : i;
}

/* How the character cp is treated (ASCII without a table lookup). */
static enum char_class class_of(utf8proc_int32_t cp, char *ascii)
{
    if (cp >= 0x80)
        return classify(cp, ascii);
    if (cp == '\n' || cp == '\f' || cp == '\v')
        return CH_NEWLINE;
    if (cp == ' ' || cp == '\t' || cp == '\r')
        return CH_SPACE;
    return cp < 0x20 || cp == 0x7F ? CH_BREAK : CH_KEEP;
}

/* Writes the character cp (clen bytes at input i) as its class says. */
static void put_char(builder *b, const char *in, size_t i, utf8proc_int32_t cp, size_t clen)
{
    char ascii = 0;
    enum char_class cls = class_of(cp, &ascii);
    if (cls == CH_DROP)
        return;
    if (cls == CH_SPACE || cls == CH_NEWLINE || cls == CH_BREAK) {
        if (!b->in_ws) {
            b->in_ws = 1;
            b->ws_start = i;
            b->newlines = 0;
        }
        if (cls != CH_SPACE)
            b->newlines += cp == 0x2029 || cls == CH_BREAK ? 2 : 1;
        return;
    }
    end_whitespace(b, i);
    unsigned char buf[64];
    size_t n = cls == CH_MAP || cp < 0x80 ? 0 : nfkc_char(cp, buf);
    if (cls == CH_MAP)
        emit(b, &ascii, 1, i, clen);
    else if (n)
        emit(b, (const char *)buf, n, i, clen);
    else
        emit(b, in + i, clen, i, clen);
}

int normalize_range(normalized_text *out, const char *in, size_t start, size_t end,
                    size_t *bad_offset)
{
    builder b = { out, 0, 0, 1, 0, 0 };
    const unsigned char *s = (const unsigned char *)in;
    out->len = 0;
    out->map.n = 0;
    grow(&b, end - start);   /* mostly the output is no longer than the input */
    size_t i = start;
#ifdef NORMALIZE_X86
    int avx2 = __builtin_cpu_supports("avx2") != 0;
#else
    int avx2 = 0;
#endif
    while (i < end && !b.failed) {
        size_t run = plain_run(s, i, end, avx2);
        if (run > i) {   /* the fast path: copied as it is */
            end_whitespace(&b, i);
            emit(&b, in + i, run - i, i, run - i);
            i = run;
            continue;
        }
        utf8proc_int32_t cp = s[i];
        utf8proc_ssize_t clen = 1;
        if (s[i] >= 0x80 && (clen = utf8proc_iterate(s + i, (utf8proc_ssize_t)(end - i), &cp)) < 0) {
            if (bad_offset)
                *bad_offset = i;
            return error_set(DOCTAG_ERR_UTF8, "invalid UTF-8 at byte %zu", i);
        }
        put_char(&b, in, i, cp, (size_t)clen);
        i += (size_t)clen;
    }
    if (b.failed || !grow(&b, 0))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory normalising %zu bytes", end - start);
    /* pcre2's JIT reads whole words past the end of the subject; keep the
     * slack defined so that valgrind stays quiet and results stay fixed */
    memset(out->text + out->len, 0, NORMALIZE_SLACK);
    return DOCTAG_OK;
}

int normalize_text(normalized_text *out, const char *in, size_t len, size_t *bad_offset)
{
    memset(out, 0, sizeof *out);
    int rc = normalize_range(out, in, 0, len, bad_offset);
    if (rc != DOCTAG_OK)
        normalized_text_free(out);
    return rc;
}

void normalized_text_free(normalized_text *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->map.seg);
    memset(t, 0, sizeof *t);
}

/* The segment holding output byte `pos` (segments are sorted, contiguous). */
static const offset_segment *find_segment(const offset_map *m, size_t pos)
{
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->seg[mid].out_start <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return m->n ? &m->seg[lo] : NULL;
}

size_t offset_map_start(const offset_map *m, size_t out_start)
{
    const offset_segment *s = find_segment(m, out_start);
    if (!s)
        return out_start;
    if (s->out_len == s->in_len)
        return s->in_start + (out_start - s->out_start);
    return s->in_start;
}

size_t offset_map_end(const offset_map *m, size_t out_end)
{
    if (out_end == 0)
        return offset_map_start(m, 0);
    const offset_segment *s = find_segment(m, out_end - 1);
    if (!s)
        return out_end;
    if (s->out_len == s->in_len)
        return s->in_start + (out_end - s->out_start);
    return s->in_start + s->in_len;
}

/* Moves the cursor to the segment holding output byte pos. */
static const offset_segment *cursor_segment(offset_cursor *c, size_t pos)
{
    const offset_map *m = c->map;
    if (!m->n)
        return NULL;
    if (c->seg >= m->n || m->seg[c->seg].out_start > pos)
        c->seg = 0;   /* not in increasing order after all: start over */
    while (c->seg + 1 < m->n && m->seg[c->seg + 1].out_start <= pos)
        c->seg++;
    return &m->seg[c->seg];
}

size_t offset_cursor_start(offset_cursor *c, size_t out_start)
{
    const offset_segment *s = cursor_segment(c, out_start);
    if (!s)
        return out_start;
    if (s->out_len == s->in_len)
        return s->in_start + (out_start - s->out_start);
    return s->in_start;
}

size_t offset_cursor_end(offset_cursor *c, size_t out_end)
{
    if (out_end == 0)
        return offset_cursor_start(c, 0);
    const offset_segment *s = cursor_segment(c, out_end - 1);
    if (!s)
        return out_end;
    if (s->out_len == s->in_len)
        return s->in_start + (out_end - s->out_start);
    return s->in_start + s->in_len;
}

size_t utf8_first_invalid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* ASCII eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (r < 0)
            return i;
        i += (size_t)r;
    }
    return (size_t)-1;
}
