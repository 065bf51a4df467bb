/* normalize.c: text -> normalised text + offset map (see normalize.h). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"
#include "normalize.h"

/* How a character is treated before matching. CH_BREAK: a control
 * character (NUL, C0 but tab and line ends, DEL, C1): a separator that
 * never sits inside an entity, normalised as a paragraph break. */
enum char_class { CH_KEEP, CH_DROP, CH_SPACE, CH_NEWLINE, CH_MAP, CH_BREAK };

typedef struct builder {
    char *out;
    size_t len, cap;
    offset_map *map;
    int failed;
} builder;

static int grow(builder *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *p = realloc(b->out, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->out = p;
    b->cap = cap;
    return 1;
}

/* Appends `out_len` bytes standing for input [in_start, in_start+in_len).
 * Equal-length stretches that continue the previous one extend it, so plain
 * ASCII text costs a single segment. */
static void emit(builder *b, const char *bytes, size_t out_len, size_t in_start, size_t in_len)
{
    offset_map *m = b->map;
    if (!grow(b, out_len))
        return;
    offset_segment *last = m->n ? &m->seg[m->n - 1] : NULL;
    if (last && out_len == in_len && last->out_len == last->in_len &&
        last->out_start + last->out_len == b->len &&
        last->in_start + last->in_len == in_start) {
        last->out_len += out_len;
        last->in_len += in_len;
    } else {
        if (m->n == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 16;
            offset_segment *s = realloc(m->seg, cap * sizeof *s);
            if (!s) {
                b->failed = 1;
                return;
            }
            m->seg = s;
            m->cap = cap;
        }
        m->seg[m->n++] = (offset_segment){ b->len, out_len, in_start, in_len };
    }
    memcpy(b->out + b->len, bytes, out_len);
    b->len += out_len;
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

/* 1 if the 8 bytes at p need no change: printable ASCII, with any space
 * single and between two other bytes of the word (so that, put after a
 * run that ends in a printable byte, no two spaces ever meet). */
static int plain_word(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t below_space = (w - 0x20 * ones) & ~w & highs;     /* bytes < 0x20 */
    uint64_t above_tilde = ((w + 0x01 * ones) | w) & highs;    /* bytes >= 0x7F */
    if (below_space | above_tilde)
        return 0;
    uint64_t x = w ^ (0x20 * ones);                            /* spaces -> 0 */
    uint64_t spaces = (x - ones) & ~x & highs;                 /* (may over-report) */
    return !(spaces & (spaces << 8)) && !(spaces & 0x80u) && !(spaces >> 63);
}

int normalize_text(normalized_text *out, const char *in, size_t len, size_t *bad_offset)
{
    memset(out, 0, sizeof *out);
    builder b = { NULL, 0, 0, &out->map, 0 };
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    size_t ws_start = 0, newlines = 0;
    int in_ws = 0, at_start = 1;

    grow(&b, len);
    while (i < len && !b.failed) {
        /* Fast path: printable ASCII, single spaces between, is copied as it is. */
        size_t run = i;
        for (;;) {
            while (run + 8 <= len && plain_word(s + run))
                run += 8;
            while (run < len && s[run] > 0x20 && s[run] < 0x7F)
                run++;
            if (run > i && run + 1 < len && s[run] == ' ' && s[run + 1] > 0x20 && s[run + 1] < 0x7F)
                run += 2;
            else
                break;
        }
        if (run > i) {
            if (in_ws && !at_start)
                emit(&b, newlines >= 2 ? "\n" : " ", 1, ws_start, i - ws_start);
            in_ws = 0;
            at_start = 0;
            emit(&b, in + i, run - i, i, run - i);
            i = run;
            continue;
        }
        utf8proc_int32_t cp;
        size_t clen;
        if (s[i] < 0x80) {
            cp = s[i];
            clen = 1;
        } else {
            utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
            if (r < 0) {
                normalized_text_free(out);
                free(b.out);
                if (bad_offset)
                    *bad_offset = i;
                return error_set(DOCTAG_ERR_UTF8, "invalid UTF-8 at byte %zu", i);
            }
            clen = (size_t)r;
        }
        char ascii = 0;
        enum char_class cls;
        if (cp < 0x80)
            cls = (cp == '\n' || cp == '\f' || cp == '\v') ? CH_NEWLINE
                : (cp == ' ' || cp == '\t' || cp == '\r') ? CH_SPACE
                : (cp < 0x20 || cp == 0x7F) ? CH_BREAK : CH_KEEP;
        else
            cls = classify(cp, &ascii);
        if (cls == CH_DROP) {
            i += clen;
            continue;
        }
        if (cls == CH_SPACE || cls == CH_NEWLINE || cls == CH_BREAK) {
            if (!in_ws) {
                in_ws = 1;
                ws_start = i;
                newlines = 0;
            }
            if (cls != CH_SPACE)
                newlines += cp == 0x2029 || cls == CH_BREAK ? 2 : 1;
            i += clen;
            continue;
        }
        if (in_ws && !at_start)
            emit(&b, newlines >= 2 ? "\n" : " ", 1, ws_start, i - ws_start);
        in_ws = 0;
        at_start = 0;
        if (cls == CH_MAP) {
            emit(&b, &ascii, 1, i, clen);
        } else {
            unsigned char buf[64];
            size_t n = cp < 0x80 ? 0 : nfkc_char(cp, buf);
            if (n)
                emit(&b, (const char *)buf, n, i, clen);
            else
                emit(&b, in + i, clen, i, clen);
        }
        i += clen;
    }
    if (b.failed || !grow(&b, 0)) {
        free(b.out);
        normalized_text_free(out);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory normalising %zu bytes", len);
    }
    /* pcre2's JIT reads whole words past the end of the subject; keep the
     * slack defined so that valgrind stays quiet and results stay fixed */
    memset(b.out + b.len, 0, b.cap - b.len);
    out->text = b.out;
    out->len = b.len;
    return DOCTAG_OK;
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
