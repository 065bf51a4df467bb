/*
 * extract.c: PDF -> text with positions, on top of poppler-glib.
 *
 * Steps: open the PDF from memory; turn each page's characters (poppler's
 * text with one rectangle per character) into lines of glyphs; drop
 * running headers, footers and page numbers and put the lines of each page
 * in reading order (layout.c); then write the text, deciding at each line
 * break whether it is a space-less join (a hyphenated word, a URL cut at a
 * slash), a line break inside a paragraph ("\n") or a paragraph break
 * ("\n\n").
 *
 * Line-break hyphens ('-', U+2010 HYPHEN, U+00AD SOFT HYPHEN) between two
 * letters are resolved in this order:
 *   1. a soft hyphen is always a break: joined;
 *   2. inside a URL a '-' is kept and U+2010/U+00AD dropped;
 *   3. a digit on either side: kept ("1751-\n9020");
 *   4. evidence from the document: the joined word seen elsewhere -> join,
 *      the hyphenated form seen elsewhere -> keep (both: the commoner wins);
 *   5. no evidence: kept when the second part is capitalised ("non-\n
 *      European") or the first part is a compound prefix (non-, self-, co-,
 *      cross-, well-, ...);
 *   6. a plain '-' in a document whose typesetter breaks words with another
 *      character (U+2010, U+00AD at line ends) is a real hyphen: kept;
 *   7. otherwise joined: most hyphens at a line end are hyphenation points.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"

void extract_result_free(extract_result *r)
{
    if (!r)
        return;
    free(r->text);
    free(r->pos);
    free(r->page_has_text);
    free(r->lines);
    memset(r, 0, sizeof *r);
}

#if !DOCTAG_HAVE_PDF

int extract_pdf(extract_result *out, const void *data, size_t size,
                const char *name, const doctag_pdf_options *opts)
{
    (void)data;
    (void)size;
    (void)opts;
    if (out)
        memset(out, 0, sizeof *out);
    return error_set(DOCTAG_ERR_UNSUPPORTED, "%s: this libdoctag was built without PDF support",
                     name ? name : "<buffer>");
}

#else /* DOCTAG_HAVE_PDF */

#include <poppler.h>

#include "layout.h"

/* How far into the file the %PDF- header may start (as in most readers). */
#define HEADER_WINDOW 1024
/* A gap wider than this many font sizes splits a poppler line in two. */
#define SPLIT_GAP_EMS 3.0f

/* ---- Growable arrays ---------------------------------------------------- */

typedef struct builder {
    layout_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    layout_line *lines;
    size_t n_lines, cap_lines;
    layout_page *pages;
    size_t n_pages;
    /* output */
    char *text;
    extract_pos *pos;
    size_t len, cap;
    extract_line *out_lines;
    size_t n_out_lines, cap_out_lines;
} builder;

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

static void builder_free(builder *b)
{
    free(b->glyphs);
    free(b->lines);
    free(b->pages);
    free(b->text);
    free(b->pos);
    free(b->out_lines);
}

/* ---- Characters ---------------------------------------------------------- */

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B)
           || c == 0x202F || c == 0x3000;
}

static int is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0xAD;
}

static int is_superscript_char(uint32_t c)
{
    return c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x207F);
}

static int is_alnum(uint32_t c)
{
    return g_unichar_isalnum((gunichar)c) != 0;
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* The letters a ligature stands for, or NULL. */
static const char *ligature(uint32_t c)
{
    switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";
    case 0xFB06: return "st";
    default: return NULL;
    }
}

/* ---- Pages into lines ------------------------------------------------------ */

static int sizes_cmp(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Closes the line made of glyphs[first, n_glyphs): trims its spaces, sets
 * its box and median size; an empty line is forgotten. */
static int finish_line(builder *b, int page, size_t first)
{
    while (b->n_glyphs > first && is_space(b->glyphs[b->n_glyphs - 1].cp))
        b->n_glyphs--;
    size_t s = first;
    while (s < b->n_glyphs && is_space(b->glyphs[s].cp))
        s++;
    if (s == b->n_glyphs) {
        b->n_glyphs = first;
        return 0;
    }
    if (grow((void **)&b->lines, &b->cap_lines, b->n_lines + 1, sizeof *b->lines) < 0)
        return -1;
    layout_line *l = &b->lines[b->n_lines++];
    memset(l, 0, sizeof *l);
    l->page = page;
    l->first = s;
    l->count = b->n_glyphs - s;
    l->x0 = l->y0 = 1e30f;
    l->x1 = l->y1 = -1e30f;
    float *sz = malloc(l->count * sizeof *sz);
    if (!sz)
        return -1;
    size_t k = 0;
    for (size_t i = s; i < b->n_glyphs; i++) {
        const layout_glyph *g = &b->glyphs[i];
        if (is_space(g->cp))
            continue;
        if (g->x0 < l->x0) l->x0 = g->x0;
        if (g->y0 < l->y0) l->y0 = g->y0;
        if (g->x1 > l->x1) l->x1 = g->x1;
        if (g->y1 > l->y1) l->y1 = g->y1;
        sz[k++] = g->size;
    }
    qsort(sz, k, sizeof *sz, sizes_cmp);
    l->size = sz[k / 2];
    free(sz);
    return 0;
}

/* Reads one page's characters into glyphs and lines. Sets *has_text. */
static int read_page(builder *b, PopplerPage *page, int number, int *has_text)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    GList *attrs = NULL;
    int rc = 0;

    *has_text = 0;
    if (!text || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return 0;
    }
    attrs = poppler_page_get_text_attributes(page);
    GList *attr = attrs;
    size_t line_first = b->n_glyphs;
    long last = -1; /* last non-space glyph of the current line */
    const char *s = text;
    for (guint i = 0; *s && i < n_rects && rc == 0; i++, s = g_utf8_next_char(s)) {
        uint32_t c = g_utf8_get_char(s);
        if (c == '\n') {
            rc = finish_line(b, number, line_first);
            line_first = b->n_glyphs;
            last = -1;
            continue;
        }
        if (c < 0x20 || c == 0xFEFF || c == (uint32_t)-1 || c == (uint32_t)-2)
            continue;
        while (attr && ((PopplerTextAttributes *)attr->data)->end_index < (int)i)
            attr = attr->next;
        layout_glyph g;
        g.cp = c;
        g.x0 = (float)rects[i].x1;
        g.y0 = (float)rects[i].y1;
        g.x1 = (float)rects[i].x2;
        g.y1 = (float)rects[i].y2;
        g.size = attr && ((PopplerTextAttributes *)attr->data)->start_index <= (int)i
                     ? (float)((PopplerTextAttributes *)attr->data)->font_size
                     : g.y1 - g.y0;
        if (g.size <= 0)
            g.size = g.y1 - g.y0 > 0 ? g.y1 - g.y0 : 1;
        if (!is_space(c)) {
            *has_text = 1;
            /* Poppler sometimes runs two columns into one line: split at a
             * very wide gap or at a jump back or up/down. */
            if (last >= 0) {
                const layout_glyph *p = &b->glyphs[last];
                float em = p->size > g.size ? p->size : g.size;
                float pc = (p->y0 + p->y1) / 2, gc = (g.y0 + g.y1) / 2;
                if (g.x0 - p->x1 > SPLIT_GAP_EMS * em || g.x1 < p->x0 - em
                    || pc - gc > em || gc - pc > em) {
                    rc = finish_line(b, number, line_first);
                    line_first = b->n_glyphs;
                    if (rc < 0)
                        break;
                }
            }
            last = (long)b->n_glyphs;
        }
        if (grow((void **)&b->glyphs, &b->cap_glyphs, b->n_glyphs + 1, sizeof *b->glyphs) < 0) {
            rc = -1;
            break;
        }
        b->glyphs[b->n_glyphs++] = g;
    }
    if (rc == 0)
        rc = finish_line(b, number, line_first);
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return rc;
}

/* ---- Words seen in the document (evidence for hyphens) ------------------- */

typedef struct wordset {
    char **keys;
    unsigned *counts;
    size_t cap, n;
} wordset;

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static size_t wordset_slot(const wordset *w, const char *s, size_t n)
{
    size_t i = (size_t)hash_str(s, n) & (w->cap - 1);
    while (w->keys[i] && (strlen(w->keys[i]) != n || memcmp(w->keys[i], s, n) != 0))
        i = (i + 1) & (w->cap - 1);
    return i;
}

static int wordset_add(wordset *w, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (2 * (w->n + 1) > w->cap) {
        wordset nw = { NULL, NULL, w->cap ? w->cap * 2 : 1024, 0 };
        nw.keys = calloc(nw.cap, sizeof *nw.keys);
        nw.counts = calloc(nw.cap, sizeof *nw.counts);
        if (!nw.keys || !nw.counts) {
            free(nw.keys);
            free(nw.counts);
            return -1;
        }
        for (size_t i = 0; i < w->cap; i++)
            if (w->keys[i]) {
                size_t j = wordset_slot(&nw, w->keys[i], strlen(w->keys[i]));
                nw.keys[j] = w->keys[i];
                nw.counts[j] = w->counts[i];
            }
        nw.n = w->n;
        free(w->keys);
        free(w->counts);
        *w = nw;
    }
    size_t i = wordset_slot(w, s, n);
    if (!w->keys[i]) {
        w->keys[i] = malloc(n + 1);
        if (!w->keys[i])
            return -1;
        memcpy(w->keys[i], s, n);
        w->keys[i][n] = '\0';
        w->n++;
    }
    w->counts[i]++;
    return 0;
}

static unsigned wordset_count(const wordset *w, const char *s)
{
    if (!w->cap)
        return 0;
    size_t i = wordset_slot(w, s, strlen(s));
    return w->keys[i] ? w->counts[i] : 0;
}

static void wordset_free(wordset *w)
{
    for (size_t i = 0; i < w->cap; i++)
        free(w->keys[i]);
    free(w->keys);
    free(w->counts);
}

/* Lower-cased UTF-8 of glyphs [a, b) into buf (hyphens as '-'), NUL-ended.
 * Returns the length, or 0 when it does not fit. */
static size_t lower_utf8(const layout_glyph *g, size_t a, size_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t c = is_hyphen(g[i].cp) ? '-' : (uint32_t)g_unichar_tolower((gunichar)g[i].cp);
        const char *lig = ligature(c);
        char tmp[8];
        size_t k = lig ? strlen(lig) : (size_t)g_unichar_to_utf8((gunichar)c, tmp);
        if (n + k + 1 > cap)
            return 0;
        memcpy(buf + n, lig ? lig : tmp, k);
        n += k;
    }
    buf[n] = '\0';
    return n;
}

static int is_word_glyph(uint32_t c)
{
    return is_alnum(c) || ligature(c) != NULL;
}

static int token_is_url(const layout_glyph *g, size_t a, size_t b);

/* Adds the words of a line to `words` (runs of letters and digits) and its
 * hyphenated compounds to `compounds`, leaving out a hyphenated fragment at
 * the end (skip_last) and a continuation at the start (skip_first). */
static int collect_words(const layout_glyph *g, const layout_line *l, int skip_first,
                         int skip_last, wordset *words, wordset *compounds)
{
    char buf[256];
    size_t end = l->first + l->count;
    for (size_t i = l->first; i < end;) {
        if (i == l->first || is_space(g[i - 1].cp)) {
            /* words inside URLs are not evidence for prose */
            size_t te = i;
            while (te < end && !is_space(g[te].cp))
                te++;
            if (token_is_url(g, i, te)) {
                i = te;
                continue;
            }
        }
        if (!is_word_glyph(g[i].cp)) { i++; continue; }
        /* compound: word (hyphen word)* */
        size_t s = i, e = i, n_parts = 0;
        while (e < end) {
            size_t w = e;
            while (w < end && is_word_glyph(g[w].cp))
                w++;
            if (w == e)
                break;
            size_t n;
            int first_word = s == e, last_word = !(w + 1 < end && is_hyphen(g[w].cp)
                                                   && is_word_glyph(g[w + 1].cp));
            int fragment = (skip_first && first_word && s == l->first)
                           || (skip_last && last_word && w + 1 == end && is_hyphen(g[w].cp));
            if (!fragment && (n = lower_utf8(g, e, w, buf, sizeof buf)) > 0
                && wordset_add(words, buf, n) < 0)
                return -1;
            n_parts++;
            e = w;
            if (last_word)
                break;
            e++; /* the hyphen */
        }
        int fragment = (skip_first && s == l->first) || (skip_last && e + 1 == end);
        size_t n;
        if (n_parts > 1 && !fragment && (n = lower_utf8(g, s, e, buf, sizeof buf)) > 0
            && wordset_add(compounds, buf, n) < 0)
            return -1;
        i = e > i ? e : i + 1;
    }
    return 0;
}

/* ---- Line breaks ----------------------------------------------------------- */

enum {
    SEP_PARAGRAPH,    /* "\n\n" */
    SEP_NEWLINE,      /* "\n" */
    SEP_SPACE,        /* " ": two pieces of one row */
    SEP_JOIN,         /* nothing: URL cut, kept hyphen */
    SEP_DEHYPHENATE   /* nothing, and the line's final hyphen dropped */
};

typedef struct break_ctx {
    const layout_glyph *g;
    const wordset *words, *compounds;
    int typesetter_hyphen;  /* U+2010/U+00AD seen at line ends */
    int hyphen_inside;      /* U+2010 seen inside a line */
} break_ctx;

/* Start of the last whitespace-separated token of the line. */
static size_t last_token(const layout_glyph *g, const layout_line *l)
{
    size_t i = l->first + l->count;
    while (i > l->first && !is_space(g[i - 1].cp))
        i--;
    return i;
}

/* A URL or a path: "https://...", "www.x.org/...", "a/b/c" (two slashes). */
static int token_is_url(const layout_glyph *g, size_t a, size_t b)
{
    char buf[512];
    size_t n = lower_utf8(g, a, b, buf, sizeof buf), slashes = 0;
    for (size_t i = 0; i < n; i++)
        slashes += buf[i] == '/';
    return n > 0 && (strstr(buf, "://") || strncmp(buf, "www.", 4) == 0
                     || strncmp(buf, "http", 4) == 0 || slashes >= 2);
}

/* The first token of a line goes on a URL or a path cut at the line end:
 * it holds URL punctuation or a digit, or is the whole line. */
static int token_continues_url(const layout_glyph *g, const layout_line *l)
{
    size_t e = l->first, end = l->first + l->count;
    int urlish = 0;
    for (; e < end && !is_space(g[e].cp); e++)
        if (g[e].cp < 128 && strchr("/._-=?&#%~0123456789", (int)g[e].cp))
            urlish = 1;
    return urlish || e == end;
}

static int compound_prefix(const char *w)
{
    static const char *const prefixes[] = {
        "non", "self", "co", "cross", "well", "semi", "multi", "half", "quasi", NULL
    };
    for (size_t i = 0; prefixes[i]; i++)
        if (strcmp(w, prefixes[i]) == 0)
            return 1;
    return 0;
}

static int hyphen_break(const break_ctx *c, const layout_line *p, const layout_line *l)
{
    const layout_glyph *g = c->g;
    size_t pe = p->first + p->count, ls = l->first, le = l->first + l->count;
    uint32_t h = g[pe - 1].cp;
    size_t tok = last_token(g, p);

    if (h == 0xAD)
        return SEP_DEHYPHENATE;
    if (token_is_url(g, tok, pe))
        return h == '-' ? SEP_JOIN : SEP_DEHYPHENATE;
    if (is_digit(g[pe - 2].cp) || is_digit(g[ls].cp))
        return SEP_JOIN;

    /* f: the letters just before the hyphen; F: the whole token; s: the
     * letters at the start of the next line. */
    size_t fs = pe - 1;
    while (fs > tok && is_word_glyph(g[fs - 1].cp))
        fs--;
    size_t se = ls;
    while (se < le && is_word_glyph(g[se].cp))
        se++;
    char f[128], F[256], s[128], joined[512], hyph[512], fjoined[512];
    if (!lower_utf8(g, fs, pe - 1, f, sizeof f) || !lower_utf8(g, ls, se, s, sizeof s))
        return SEP_DEHYPHENATE;
    size_t Fs = tok;
    while (Fs < pe && !is_word_glyph(g[Fs].cp))
        Fs++;
    if (!lower_utf8(g, Fs, pe - 1, F, sizeof F))
        F[0] = '\0';
    snprintf(joined, sizeof joined, "%s%s", f, s);
    snprintf(hyph, sizeof hyph, "%s-%s", F[0] ? F : f, s);
    snprintf(fjoined, sizeof fjoined, "%s%s", F, s);

    unsigned join_ev = wordset_count(c->words, joined)
                       + (strcmp(F, f) != 0 ? wordset_count(c->compounds, fjoined) : 0);
    unsigned keep_ev = wordset_count(c->compounds, hyph);
    if (join_ev || keep_ev)
        return keep_ev > join_ev ? SEP_JOIN : SEP_DEHYPHENATE;

    /* The typesetter's own break character, never seen inside a line. */
    if (h != '-' && c->typesetter_hyphen && !c->hyphen_inside)
        return SEP_DEHYPHENATE;

    int f_has_lower = 0;
    for (size_t i = fs; i < pe - 1; i++)
        if (g_unichar_islower((gunichar)g[i].cp))
            f_has_lower = 1;
    if (f_has_lower && g_unichar_isupper((gunichar)g[ls].cp))
        return SEP_JOIN;
    if (strcmp(F, f) == 0 && compound_prefix(f))
        return SEP_JOIN;
    if (h == '-' && c->typesetter_hyphen)
        return SEP_JOIN;
    return SEP_DEHYPHENATE;
}

static int ends_sentence(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x201D
           || c == '"' || c == ')' || c == 0x2019;
}

/* How line l follows line p in the text. */
static int line_break(const break_ctx *c, const layout_line *p, const layout_line *l)
{
    const layout_glyph *g = c->g;
    size_t pe = p->first + p->count;
    uint32_t last = g[pe - 1].cp, first = g[l->first].cp;
    float pc = (p->y0 + p->y1) / 2, lc = (l->y0 + l->y1) / 2;

    if (l->page == p->page && lc >= p->y0 && lc <= p->y1 && l->x0 >= p->x1 - 1)
        return SEP_SPACE;
    if (p->count >= 2 && is_hyphen(last) && is_word_glyph(g[pe - 2].cp) && is_word_glyph(first))
        return hyphen_break(c, p, l);
    /* a URL or a path cut at the line end ("https://x.org/" + "a/b.pdf",
     * "E/C." + "12/GC/20") */
    size_t tok = last_token(g, p);
    float ratio = p->size > l->size ? l->size / p->size : p->size / l->size;
    if (pe - tok > 1 && ratio >= 0.88f && token_continues_url(g, l)) {
        int slash = 0;
        for (size_t i = tok; i < pe; i++)
            slash |= g[i].cp == '/';
        if (last == '/' || (last == '.' && slash && (is_digit(first) || g_unichar_islower(first)))
            || (last < 128 && strchr("_=&?#%~", (int)last) && token_is_url(g, tok, pe)))
            return SEP_JOIN;
    }
    /* a dash glued to a word on one side of the break: "alike—" + "are",
     * "agencies" + "—domestic" */
    if ((last == 0x2014 || last == 0x2013) && p->count >= 2 && !is_space(g[pe - 2].cp))
        return SEP_JOIN;
    if ((first == 0x2014 || first == 0x2013) && l->count >= 2 && !is_space(g[l->first + 1].cp))
        return SEP_JOIN;
    int below = l->page == p->page && lc > pc && l->x0 < p->x1 && l->x1 > p->x0;
    if (below) {
        float gap = l->y0 - p->y1, big = p->size > l->size ? p->size : l->size;
        return gap > 0.5f * big || ratio < 0.88f ? SEP_PARAGRAPH : SEP_NEWLINE;
    }
    /* to the next column or page: the sentence may go on */
    if (!ends_sentence(last) && g_unichar_islower(first))
        return SEP_NEWLINE;
    return SEP_PARAGRAPH;
}

/* ---- Output ------------------------------------------------------------- */

static int put(builder *b, const char *s, size_t n, int page, const layout_glyph *g)
{
    size_t cap = b->cap;
    if (grow((void **)&b->text, &cap, b->len + n + 1, 1) < 0)
        return -1;
    if (cap != b->cap) {
        extract_pos *np = realloc(b->pos, cap * sizeof *np);
        if (!np)
            return -1; /* text keeps its larger block: b->cap stays, we retry */
        b->pos = np;
        b->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        b->text[b->len] = s[i];
        extract_pos *p = &b->pos[b->len++];
        p->page = page;
        if (page && g) {
            p->x0 = g->x0;
            p->y0 = g->y0;
            p->x1 = g->x1;
            p->y1 = g->y1;
        } else {
            p->x0 = p->y0 = p->x1 = p->y1 = 0;
        }
    }
    return 0;
}

static int put_glyph(builder *b, const layout_glyph *g, int page)
{
    const char *lig = ligature(g->cp);
    if (lig) {
        /* one box per letter: the ligature's box cut in equal parts */
        size_t n = strlen(lig);
        float w = (g->x1 - g->x0) / (float)n;
        for (size_t i = 0; i < n; i++) {
            layout_glyph part = *g;
            part.x0 = g->x0 + w * (float)i;
            part.x1 = part.x0 + w;
            if (put(b, lig + i, 1, page, &part) < 0)
                return -1;
        }
        return 0;
    }
    char buf[8];
    int n = g_unichar_to_utf8((gunichar)g->cp, buf);
    return put(b, buf, (size_t)n, page, g);
}

/* A raised, smaller digit after a glyph of the line's text size (a footnote
 * mark typeset as a plain digit), or a Unicode superscript. */
static int is_mark(const layout_glyph *g, const layout_glyph *prev, int prev_mark)
{
    if (is_superscript_char(g->cp))
        return 1;
    if (!is_digit(g->cp) || !prev)
        return 0;
    float gc = (g->y0 + g->y1) / 2, pc = (prev->y0 + prev->y1) / 2;
    if (prev_mark && is_digit(prev->cp) && g->size - prev->size < 0.5f
        && prev->size - g->size < 0.5f && gc - pc < 1 && pc - gc < 1)
        return 1;
    return g->size <= 0.85f * prev->size && gc < pc - 0.1f * prev->size;
}

/* Writes the line's glyphs, spaces collapsed, ligatures expanded, footnote
 * marks set apart; drops the final hyphen if `dehyphenate`. */
static int put_line(builder *b, const layout_line *l, int dehyphenate)
{
    const layout_glyph *g = b->glyphs;
    size_t end = l->first + l->count - (dehyphenate ? 1 : 0);
    const layout_glyph *prev = NULL;
    int prev_mark = 0, space = 0;
    size_t start = b->len;
    for (size_t i = l->first; i < end; i++) {
        const layout_glyph *cg = &g[i];
        if (is_space(cg->cp)) {
            space = 1;
            continue;
        }
        if (cg->cp == 0xAD)
            continue; /* a soft hyphen inside a line is invisible */
        int mark = is_mark(cg, prev, prev_mark);
        if (prev && !space && ((mark && !prev_mark) || (!mark && prev_mark && is_alnum(cg->cp))))
            space = 1;
        if (space && b->len > start && put(b, " ", 1, 0, NULL) < 0)
            return -1;
        space = 0;
        if (put_glyph(b, cg, l->page) < 0)
            return -1;
        prev = cg;
        prev_mark = mark;
    }
    if (grow((void **)&b->out_lines, &b->cap_out_lines, b->n_out_lines + 1,
             sizeof *b->out_lines) < 0)
        return -1;
    extract_line *ol = &b->out_lines[b->n_out_lines++];
    ol->start = start;
    ol->end = b->len;
    ol->page = l->page;
    ol->x0 = l->x0;
    ol->y0 = l->y0;
    ol->x1 = l->x1;
    ol->y1 = l->y1;
    return 0;
}

/* Puts the kept lines in reading order (seq) and writes the text. */
static int write_text(builder *b)
{
    int rc = -1;
    size_t n_seq = 0;
    size_t *seq = malloc((b->n_lines ? b->n_lines : 1) * sizeof *seq);
    int *seps = NULL;
    wordset words = { 0 }, compounds = { 0 };
    if (!seq)
        return -1;
    for (size_t p = 0; p < b->n_pages; p++) {
        long n = layout_reading_order(b->lines, &b->pages[p], seq + n_seq);
        if (n < 0)
            goto done;
        n_seq += (size_t)n;
    }

    break_ctx c = { b->glyphs, &words, &compounds, 0, 0 };
    for (size_t k = 0; k < n_seq; k++) {
        const layout_line *l = &b->lines[seq[k]];
        const layout_glyph *lastg = &b->glyphs[l->first + l->count - 1];
        int ends_hyph = is_hyphen(lastg->cp);
        if (lastg->cp == 0x2010 || lastg->cp == 0xAD)
            c.typesetter_hyphen = 1;
        for (size_t i = l->first; i + 1 < l->first + l->count; i++)
            if (b->glyphs[i].cp == 0x2010)
                c.hyphen_inside = 1;
        int starts_cont = k > 0 && is_hyphen(b->glyphs[b->lines[seq[k - 1]].first
                                                       + b->lines[seq[k - 1]].count - 1].cp);
        if (collect_words(b->glyphs, l, starts_cont, ends_hyph, &words, &compounds) < 0)
            goto done;
    }

    seps = malloc((n_seq ? n_seq : 1) * sizeof *seps);
    if (!seps)
        goto done;
    for (size_t k = 0; k + 1 < n_seq; k++)
        seps[k] = line_break(&c, &b->lines[seq[k]], &b->lines[seq[k + 1]]);

    for (size_t k = 0; k < n_seq; k++) {
        int sep = k + 1 < n_seq ? seps[k] : SEP_JOIN;
        if (put_line(b, &b->lines[seq[k]], sep == SEP_DEHYPHENATE) < 0)
            goto done;
        const char *s = sep == SEP_PARAGRAPH ? "\n\n" : sep == SEP_NEWLINE ? "\n"
                        : sep == SEP_SPACE ? " " : "";
        if (*s && put(b, s, strlen(s), 0, NULL) < 0)
            goto done;
    }
    rc = 0;
done:
    wordset_free(&words);
    wordset_free(&compounds);
    free(seps);
    free(seq);
    return rc;
}

/* ---- Entry point ------------------------------------------------------------ */

static int find_header(const unsigned char *d, size_t size)
{
    size_t n = size < HEADER_WINDOW ? size : HEADER_WINDOW;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp(d + i, "%PDF-", 5) == 0)
            return 1;
    return 0;
}

int extract_pdf(extract_result *out, const void *data, size_t size,
                const char *name, const doctag_pdf_options *opts)
{
    if (!name)
        name = "<buffer>";
    if (!out || (!data && size))
        return error_set(DOCTAG_ERR_ARG, "%s: extract_pdf: NULL argument", name);
    memset(out, 0, sizeof *out);
    if (size == 0)
        return error_set(DOCTAG_ERR_EMPTY, "%s: empty file", name);
    if (!find_header(data, size))
        return error_set(DOCTAG_ERR_NOT_PDF, "%s: not a PDF (no %%PDF- header)", name);

    /* Through a memory stream, not poppler_document_new_from_bytes(): in
     * poppler 22.x (Debian 12) new_from_bytes and new_from_data crash on a
     * wrong password. No copy: the document dies before we return. */
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, size);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(bytes);
    PopplerDocument *doc = poppler_document_new_from_stream(stream, (goffset)size,
                                                            opts ? opts->password : NULL,
                                                            NULL, &err);
    g_object_unref(stream);
    g_bytes_unref(bytes);
    if (!doc) {
        int enc = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
        int rc = enc ? error_set(DOCTAG_ERR_PDF_ENCRYPTED, "%s: encrypted PDF: %s", name,
                                 opts && opts->password ? "wrong password" : "password needed")
                     : error_set(DOCTAG_ERR_PDF_CORRUPT, "%s: damaged PDF: %s", name,
                                 err && err->message ? err->message : "poppler cannot open it");
        if (err)
            g_error_free(err);
        return rc;
    }

    int rc = DOCTAG_OK;
    builder b;
    memset(&b, 0, sizeof b);
    int n_pages = poppler_document_get_n_pages(doc);
    int first = opts && opts->first_page ? opts->first_page : 1;
    int last = opts && opts->last_page ? opts->last_page : n_pages;
    if (n_pages <= 0) {
        rc = error_set(DOCTAG_ERR_PDF_NO_PAGES, "%s: the PDF has no pages", name);
        goto done;
    }
    if (first < 1 || last > n_pages || first > last) {
        rc = error_set(DOCTAG_ERR_PAGE_RANGE, "%s: pages %d-%d requested, the PDF has %d",
                       name, first, last, n_pages);
        goto done;
    }
    out->page_has_text = calloc((size_t)n_pages, 1);
    b.pages = calloc((size_t)(last - first + 1), sizeof *b.pages);
    if (!out->page_has_text || !b.pages)
        goto nomem;
    int any_text = 0;
    for (int p = first; p <= last; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p - 1);
        layout_page *lp = &b.pages[b.n_pages++];
        lp->number = p;
        lp->first_line = b.n_lines;
        if (!page)
            continue;
        double w = 0, h = 0;
        poppler_page_get_size(page, &w, &h);
        lp->width = (float)w;
        lp->height = (float)h;
        int has_text = 0;
        int r = read_page(&b, page, p, &has_text);
        g_object_unref(page);
        if (r < 0)
            goto nomem;
        lp->n_lines = b.n_lines - lp->first_line;
        out->page_has_text[p - 1] = (unsigned char)has_text;
        any_text |= has_text;
    }
    if (!any_text) {
        rc = error_set(DOCTAG_ERR_PDF_NO_TEXT, "%s: no text layer on %s (scanned? OCR needed)",
                       name, first == 1 && last == n_pages ? "any page" : "the pages requested");
        goto done;
    }
    layout_drop_running(b.lines, b.pages, b.n_pages, b.glyphs);
    if (write_text(&b) < 0)
        goto nomem;
    while (b.len > 0 && (b.text[b.len - 1] == '\n' || b.text[b.len - 1] == ' '))
        b.len--;
    if (b.len == 0) {
        rc = error_set(DOCTAG_ERR_PDF_NO_TEXT, "%s: no text besides headers and page numbers",
                       name);
        goto done;
    }
    b.text[b.len] = '\0';
    out->text = b.text;
    out->len = b.len;
    out->pos = b.pos;
    out->lines = b.out_lines;
    out->n_lines = b.n_out_lines;
    out->n_pages = n_pages;
    out->first_page = first;
    out->last_page = last;
    b.text = NULL;
    b.pos = NULL;
    b.out_lines = NULL;
    goto done;
nomem:
    rc = error_set(DOCTAG_ERR_NOMEM, "%s: out of memory while extracting text", name);
done:
    builder_free(&b);
    g_object_unref(doc);
    if (rc != DOCTAG_OK)
        extract_result_free(out);
    return rc;
}

#endif /* DOCTAG_HAVE_PDF */
