/* entity_checks.c: what a span must be to become an entity, whatever the
 * dictionary's patterns matched (entity_checks.h). */
#include <stdint.h>
#include <string.h>

#include "entity_checks.h"

/* 1 if the byte at s[i] (of n) is a control character (normalize.h: a
 * separator no entity holds; a dictionary pattern of the caller's might
 * still cross): C0 but the blanks, DEL, C1 (U+0080-U+009F) but NEL. */
static int control_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') ||
           c == 0x7f || (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                         (unsigned char)s[i + 1] <= 0x9f && (unsigned char)s[i + 1] != 0x85);
}

#define BYTES_OF(b) (0x0101010101010101ull * (b))

/* Nonzero if a byte of the 8 at s is below 0x20, 0x7f or 0xc2: where
 * control_at() may hold (exact as a whole: a borrow only follows a byte
 * that is one). */
static uint64_t maybe_control(const char *s)
{
    uint64_t x, del, c2;
    memcpy(&x, s, sizeof x);
    del = x ^ BYTES_OF(0x7f);
    c2 = x ^ BYTES_OF(0xc2);
    return (((x - BYTES_OF(0x20)) & ~x) | ((del - BYTES_OF(1)) & ~del) |
            ((c2 - BYTES_OF(1)) & ~c2)) & BYTES_OF(0x80);
}

/* 1 if the bytes hold a control character (control_at()): eight bytes at
 * a time, a byte at a time only where one of them may be. */
static int has_control(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        if (!maybe_control(s + i))
            continue;
        for (size_t k = i; k < i + 8; k++)
            if (control_at(s, n, k))
                return 1;
    }
    for (; i < n; i++)
        if (control_at(s, n, i))
            return 1;
    return 0;
}

/* 1 if offset i is inside a UTF-8 character of the document: a caller's
 * pattern may match half of one (matching is on bytes). */
static int splits_char(const doctag_doc *doc, size_t i)
{
    return i < doc->len && ((unsigned char)doc->text[i] & 0xc0) == 0x80;
}

/* 1 if the n bytes at s hold a byte that is not a space. */
static int not_all_spaces(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return 1;
    return 0;
}

int entity_text_ok(const doctag_doc *doc, const char *norm, size_t norm_len, size_t start,
                   size_t end)
{
    return !memchr(norm, '\n', norm_len) && not_all_spaces(norm, norm_len) &&
           !has_control(doc->text + start, end - start) && !splits_char(doc, start) &&
           !splits_char(doc, end);
}
