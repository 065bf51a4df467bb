/*
 * line_keys.c: a line's text as the running-line step (furniture.c) sees
 * it: its key (lower-cased, runs of spaces as one, digits masked or not),
 * and the lines that are furniture by their text alone: page numbers and
 * rules drawn with characters. Internal; see line_keys.h.
 */
#include <stdint.h>
#include <string.h>

#include "doctag_limits.h"
#include "line_keys.h"

static size_t put_utf8(char *b, uint32_t c)
{
    if (c < 0x80) { b[0] = (char)c; return 1; }
    if (c < 0x800) { b[0] = (char)(0xC0 | (c >> 6)); b[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12)); b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F)); return 3;
    }
    b[0] = (char)(0xF0 | (c >> 18)); b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t line_key(const layout_line *l, const layout_glyph *g, int mask, char *key)
{
    size_t n = 0;
    int space = 0, digit = 0;
    for (size_t i = 0; i < l->count && n + 5 < LIMIT_PDF_KEY_MAX; i++) {
        uint32_t c = g[l->first + i].cp;
        if (glyph_is_space(c)) { space = 1; digit = 0; continue; }
        if (space && n > 0)
            key[n++] = ' ';
        space = 0;
        if (mask && glyph_is_digit(c)) {
            if (!digit)
                key[n++] = '#';
            digit = 1;
            continue;
        }
        digit = 0;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        n += put_utf8(key + n, c);
    }
    return n;
}

static int is_roman(const char *k, size_t n)
{
    return n > 0 && n <= 6 && strspn(k, "ivxlc") >= n;
}

int line_is_page_number(const char *k, size_t n)
{
    static const char *const forms[] = {
        "#", "page #", "page # of #", "# of #", "#/#", "# / #", "- # -", "-#-",
        "\xE2\x80\x93 # \xE2\x80\x93", "\xE2\x80\x94 # \xE2\x80\x94", "p. #", "[#]", "(#)",
        "page #/#", "pg. #", NULL
    };
    for (size_t i = 0; forms[i]; i++)
        if (strlen(forms[i]) == n && memcmp(k, forms[i], n) == 0)
            return 1;
    return is_roman(k, n);
}

int line_is_rule(const layout_line *l, const layout_glyph *g)
{
    size_t n = 0;
    for (size_t i = l->first; i < l->first + l->count; i++) {
        uint32_t c = g[i].cp;
        if (glyph_is_space(c))
            continue;
        if (c != '_' && c != '-' && c != 0x2013 && c != 0x2014 && c != 0x2015
            && c != 0x2500 && c != 0x2501 && c != 0x2550 && c != 0xAF)
            return 0;
        n++;
    }
    return n >= 3;
}
