/*
 * boxes.c: the boxes of the pieces of words in extracted PDF text
 * (extract.h): the byte stream they are kept in, and the box of a range of
 * a line's text. Internal to the PDF extractor; built with or without
 * poppler (a library without PDF support has no lines to ask about).
 *
 * A piece's start is not stored: the line's text tells where each piece
 * starts, the extractor writing one space between words and nothing else
 * between pieces (a run of letters and digits, or one other character).
 */
#include <stdint.h>
#include <string.h>

#if DOCTAG_HAVE_PDF
#include <glib.h>
#endif

#include "extract.h"
#include "vec.h"

/* Characters (UTF-8 sequences) in s[0, n). */
static size_t n_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int is_alnum(uint32_t c)
{
    if (c < 0x80)   /* most glyphs: no call into glib's tables */
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
#if DOCTAG_HAVE_PDF
    return g_unichar_isalnum((gunichar)c) != 0;
#else
    return 0;
#endif
}

/* ---- Piece boxes -------------------------------------------------------------- */

/* The box stream: for each piece a flag byte, then x0 unless it equals the
 * previous piece's x1 (FLAG_X0), x1, and y0 and y1 unless they equal the
 * previous piece's (FLAG_Y). Floats are copied bit for bit. */
enum { FLAG_X0 = 1, FLAG_Y = 2 };

static int same_float(float a, float b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

int extract_put_box(unsigned char **buf, size_t *len, size_t *cap, const extract_word *prev,
                    const extract_word *w)
{
    if (!vec_reserve((void **)buf, cap, *len + 1 + 4 * sizeof(float), 1))
        return -1;
    unsigned char *p = *buf + *len, flags = 0;
    if (!prev || !same_float(prev->x1, w->x0))
        flags |= FLAG_X0;
    if (!prev || !same_float(prev->y0, w->y0) || !same_float(prev->y1, w->y1))
        flags |= FLAG_Y;
    *p++ = flags;
    if (flags & FLAG_X0)
        memcpy(p, &w->x0, sizeof(float)), p += sizeof(float);
    memcpy(p, &w->x1, sizeof(float)), p += sizeof(float);
    if (flags & FLAG_Y) {
        memcpy(p, &w->y0, sizeof(float)), p += sizeof(float);
        memcpy(p, &w->y1, sizeof(float)), p += sizeof(float);
    }
    *len = (size_t)(p - *buf);
    return 0;
}

/* Reads the box after *w (the previous piece's, the first time anything)
 * into *w; returns where the next one starts. */
static const unsigned char *get_box(const unsigned char *p, extract_word *w)
{
    unsigned char flags = *p++;
    if (flags & FLAG_X0)
        memcpy(&w->x0, p, sizeof(float)), p += sizeof(float);
    else
        w->x0 = w->x1;
    memcpy(&w->x1, p, sizeof(float)), p += sizeof(float);
    if (flags & FLAG_Y) {
        memcpy(&w->y0, p, sizeof(float)), p += sizeof(float);
        memcpy(&w->y1, p, sizeof(float)), p += sizeof(float);
    }
    return p;
}

/* The code point at t[*i] (UTF-8, not checked: the extractor wrote it),
 * *i moved past it. */
static uint32_t next_cp(const char *t, size_t *i)
{
    const unsigned char *s = (const unsigned char *)t + *i;
    int n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    uint32_t c = n == 1 ? s[0] : n == 2 ? s[0] & 0x1Fu : n == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
    for (int k = 1; k < n; k++)
        c = (c << 6) | (s[k] & 0x3Fu);
    *i += (size_t)n;
    return c;
}

/* Where the piece that starts at t[i] ends (before `end`): after a run of
 * letters and digits, or after one other character. */
static size_t piece_end(const char *t, size_t i, size_t end)
{
    size_t j = i;
    if (!is_alnum(next_cp(t, &j)))
        return j;
    for (size_t k = j; k < end && is_alnum(next_cp(t, &k)); j = k)
        ;
    return j;
}

uint32_t extract_count_pieces(const char *t, size_t n)
{
    uint32_t k = 0;
    for (size_t i = 0; i < n; k++) {
        while (i < n && t[i] == ' ')
            i++;
        if (i == n)
            break;
        i = piece_end(t, i, n);
    }
    return k;
}

/* Adds to *box the part of the piece w, which spans text[ws, we), inside
 * text[from, to). */
static void piece_part(const extract_result *r, const extract_word *w, size_t ws, size_t we,
                       size_t from, size_t to, extract_pos *box)
{
    size_t a = from > ws ? from : ws, z = to < we ? to : we;
    if (a >= z)
        return;
    float x0 = w->x0, x1 = w->x1;
    if (a > ws || z < we) {   /* cut: in proportion to the characters */
        float n = (float)n_chars(r->text + ws, we - ws), wd = (w->x1 - w->x0) / n;
        x0 = w->x0 + wd * (float)n_chars(r->text + ws, a - ws);
        x1 = w->x1 - wd * (float)n_chars(r->text + z, we - z);
    }
    if (!box->page) {
        *box = (extract_pos){ 1, x0, w->y0, x1, w->y1 };
        return;
    }
    if (x0 < box->x0) box->x0 = x0;
    if (w->y0 < box->y0) box->y0 = w->y0;
    if (x1 > box->x1) box->x1 = x1;
    if (w->y1 > box->y1) box->y1 = w->y1;
}

void extract_range_box(const extract_result *r, size_t line, size_t from, size_t to,
                       extract_pos *box)
{
    memset(box, 0, sizeof *box);
    const extract_line *l = &r->lines[line];
    const unsigned char *p = r->boxes + l->box_at;
    extract_word w = { 0, 0, 0, 0 };
    size_t ws = l->start;
    for (uint32_t k = 0; k < l->n_words; k++) {
        while (ws < l->end && r->text[ws] == ' ')
            ws++;
        if (ws >= l->end || ws >= to)
            break;
        size_t we = piece_end(r->text, ws, l->end);
        p = get_box(p, &w);
        piece_part(r, &w, ws, we, from, to, box);
        ws = we;
    }
    if (box->page)
        box->page = l->page;
}

extract_pos extract_byte_box(const extract_result *r, size_t i)
{
    extract_pos box = { 0, 0, 0, 0, 0 };
    size_t lo = 0, hi = r->n_lines;   /* the first line ending after i */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->lines[mid].end <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->n_lines && r->lines[lo].start <= i)
        extract_range_box(r, lo, i, i + 1, &box);
    return box;
}
