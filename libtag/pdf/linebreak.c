/*
 * linebreak.c: what goes between two lines of the text. Internal to
 * extract.c.
 *
 * Lines next to each other on one row are joined by a space; a URL or a
 * path cut at the line end ("https://x.org/" + "a/b.pdf") and a dash glued
 * to a word ("alike—" + "are") join with nothing; a line right below the
 * previous one, with no extra space and the same font size, goes on the
 * paragraph ("\n"), otherwise a new paragraph starts ("\n\n"); across a
 * column or page the paragraph goes on when the sentence does (no final
 * punctuation, and a lower-case start or a line that fills its column).
 *
 * Line-break hyphens ('-', U+2010 HYPHEN, U+00AD SOFT HYPHEN) between two
 * letters are resolved in this order:
 *   1. a soft hyphen is always a break: joined;
 *   2. inside a URL a '-' is kept and U+2010/U+00AD dropped;
 *   3. a digit on either side: kept ("1751-\n9020");
 *   4. evidence from the document: the joined word seen elsewhere -> join,
 *      the hyphenated form seen elsewhere -> keep (both: the commoner wins);
 *   5. no evidence, and the hyphen is a character the typesetter uses only
 *      to break words (U+2010 or U+00AD at line ends, never inside a line,
 *      as WeasyPrint does): joined;
 *   6. no evidence: kept when the second part is capitalised ("non-\n
 *      European") or the first part is a compound prefix (non-, self-, co-,
 *      cross-, well-, ...);
 *   7. a plain '-' in a document whose typesetter breaks words with another
 *      character is a real hyphen: kept;
 *   8. otherwise joined: most hyphens at a line end are hyphenation points.
 */
#if DOCTAG_HAVE_PDF

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "layout.h"

static int is_alnum(uint32_t c)
{
    if (c < 0x80)   /* most glyphs: no call into glib's tables */
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return g_unichar_isalnum((gunichar)c) != 0;
}

/* The lower case of c (glib's, with ASCII done here: most glyphs). */
static uint32_t to_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    return (uint32_t)g_unichar_tolower((gunichar)c);
}

/* ---- Words seen in the document (evidence for hyphens) ------------------- */

typedef struct wordset {
    char **keys;
    unsigned *counts;
    size_t cap, n;
} wordset;

static size_t wordset_slot(const wordset *w, const char *s, size_t n)
{
    size_t i = (size_t)hash_fnv1a(HASH_FNV_SEED, s, n) & (w->cap - 1);
    /* s holds no NUL: strncmp stops at the end of a shorter key */
    while (w->keys[i] && (strncmp(w->keys[i], s, n) != 0 || w->keys[i][n] != '\0'))
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
        uint32_t c = glyph_is_hyphen(g[i].cp) ? '-' : to_lower(g[i].cp);
        if (c < 0x80) {
            if (n + 2 > cap)
                return 0;
            buf[n++] = (char)c;
            continue;
        }
        const char *lig = glyph_ligature(c);
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
    return is_alnum(c) || glyph_ligature(c) != NULL;
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
        if (i == l->first || glyph_is_space(g[i - 1].cp)) {
            /* words inside URLs are not evidence for prose */
            size_t te = i;
            while (te < end && !glyph_is_space(g[te].cp))
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
            int first_word = s == e, last_word = !(w + 1 < end && glyph_is_hyphen(g[w].cp)
                                                   && is_word_glyph(g[w + 1].cp));
            int fragment = (skip_first && first_word && s == l->first)
                           || (skip_last && last_word && w + 1 == end && glyph_is_hyphen(g[w].cp));
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


/* The evidence for hyphens from a run of lines: their words, compounds
 * and which hyphen characters the typesetter used. */
struct linebreak_evidence {
    wordset words, compounds;
    int typesetter_hyphen;  /* U+2010/U+00AD seen at line ends */
    int hyphen_inside;      /* U+2010 seen inside a line */
};

typedef struct break_ctx {
    const layout_glyph *g;
    const linebreak_evidence *e;
    int typesetter_hyphen, hyphen_inside;
} break_ctx;

/* How often the word (a compound, or not) was seen. */
static unsigned seen(const break_ctx *c, int compound, const char *word)
{
    return wordset_count(compound ? &c->e->compounds : &c->e->words, word);
}

/* Start of the last whitespace-separated token of the line. */
static size_t last_token(const layout_glyph *g, const layout_line *l)
{
    size_t i = l->first + l->count;
    while (i > l->first && !glyph_is_space(g[i - 1].cp))
        i--;
    return i;
}

/* A URL or a path: "https://...", "www.x.org/...", "a/b/c" (two slashes). */
static int token_is_url(const layout_glyph *g, size_t a, size_t b)
{
    /* most tokens, at no cost: no slash, and no 'h' or 'w' first (nothing
     * else lower-cases to either) */
    uint32_t first = a < b ? g[a].cp : 0;
    if (first != 'h' && first != 'H' && first != 'w' && first != 'W') {
        size_t i = a;
        while (i < b && g[i].cp != '/')
            i++;
        if (i == b)
            return 0;
    }
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
    for (; e < end && !glyph_is_space(g[e].cp); e++)
        if (g[e].cp < 128 && strchr("/._-=?&#%~0123456789", (int)g[e].cp))
            urlish = 1;
    return urlish || e == end;
}

/* The line opens with an item's number, "2." or "2)" and a space: the next
 * note or reference of a list, not the rest of a URL or a symbol cut at
 * the end of the line before ("A/HRC/8/22." + "15. A/HRC/12/10."). */
static int opens_with_item_number(const layout_glyph *g, const layout_line *l)
{
    size_t e = l->first, end = l->first + l->count;
    while (e < end && glyph_is_digit(g[e].cp))
        e++;
    return e > l->first && e + 1 < end && (g[e].cp == '.' || g[e].cp == ')')
           && glyph_is_space(g[e + 1].cp);
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
        return BREAK_DEHYPHENATE;
    if (token_is_url(g, tok, pe))
        return h == '-' ? BREAK_JOIN : BREAK_DEHYPHENATE;
    if (glyph_is_digit(g[pe - 2].cp) || glyph_is_digit(g[ls].cp))
        return BREAK_JOIN;

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
        return BREAK_DEHYPHENATE;
    size_t Fs = tok;
    while (Fs < pe && !is_word_glyph(g[Fs].cp))
        Fs++;
    if (!lower_utf8(g, Fs, pe - 1, F, sizeof F))
        F[0] = '\0';
    snprintf(joined, sizeof joined, "%s%s", f, s);
    snprintf(hyph, sizeof hyph, "%s-%s", F[0] ? F : f, s);
    snprintf(fjoined, sizeof fjoined, "%s%s", F, s);

    unsigned join_ev = seen(c, 0, joined) + (strcmp(F, f) != 0 ? seen(c, 1, fjoined) : 0);
    unsigned keep_ev = seen(c, 1, hyph);
    if (join_ev || keep_ev)
        return keep_ev > join_ev ? BREAK_JOIN : BREAK_DEHYPHENATE;

    /* The typesetter's own break character, never seen inside a line. */
    if (h != '-' && c->typesetter_hyphen && !c->hyphen_inside)
        return BREAK_DEHYPHENATE;

    int f_has_lower = 0;
    for (size_t i = fs; i < pe - 1; i++)
        if (g_unichar_islower((gunichar)g[i].cp))
            f_has_lower = 1;
    if (f_has_lower && g_unichar_isupper((gunichar)g[ls].cp))
        return BREAK_JOIN;
    if (strcmp(F, f) == 0 && compound_prefix(f))
        return BREAK_JOIN;
    if (h == '-' && c->typesetter_hyphen)
        return BREAK_JOIN;
    return BREAK_DEHYPHENATE;
}

/* A line in type this much smaller than the line before is no continuation
 * of that line's words (a note, a caption, a mark). */
#define NOTE_SIZE 0.88f

static int ends_sentence(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x201D
           || c == '"' || c == ')' || c == 0x2019;
}

/* p a drop cap (one capital several lines tall) and l the line beside it
 * that goes on with the word: "U" + "nder". */
static int is_drop_cap(const layout_line *p, const layout_line *l, uint32_t last, uint32_t first)
{
    return p->count == 1 && g_unichar_isupper(last) && g_unichar_islower(first)
           && p->size >= 2 * l->size && l->page == p->page && l->y1 > p->y0 && l->y0 < p->y1
           && l->x0 >= p->x1 - 1 && l->x0 - p->x1 < 0.5f * p->size;
}

/* Line l opens with a number in smaller type than line p: a footnote (its
 * mark, or the note itself) read after p, not the rest of p's word
 * ("mul-" + "8", the note under the column's last line). */
static int is_note_start(const layout_line *p, const layout_line *l, uint32_t first)
{
    return glyph_is_digit(first) && l->size < NOTE_SIZE * p->size;
}

/* Line p a note's number alone (up to three digits, in smaller type,
 * raised) and line l the note beside it: "8" + "SQuAD is limited ...". */
static int is_note_mark(const layout_glyph *g, const layout_line *p, const layout_line *l)
{
    if (p->count > 3 || l->page != p->page || p->size >= NOTE_SIZE * l->size)
        return 0;
    for (size_t i = p->first; i < p->first + p->count; i++)
        if (!glyph_is_digit(g[i].cp))
            return 0;
    return l->x0 >= p->x1 - 1 && l->x0 - p->x1 < l->size && l->y0 < p->y1 && p->y0 < l->y1
           && p->y0 + p->y1 < l->y0 + l->y1;
}

/* 1 if line seq[k] reaches the right edge of its column of text: at least
 * two lines before it on its page start where it starts, none of them ends
 * more than two characters further right, and the column is 15 ems wide or
 * more (not a table's). A full line is cut by the column's edge, not ended
 * by its writer. */
static int fills_column(const layout_line *lines, const size_t *seq, size_t k)
{
    const layout_line *p = &lines[seq[k]];
    float edge = p->x1;
    int seen = 0;
    for (size_t j = k; j > 0 && k - j < 40; j--) {
        const layout_line *o = &lines[seq[j - 1]];
        if (o->page != p->page)
            break;
        if (o->x0 < p->x0 - p->size || o->x0 > p->x0 + p->size)
            continue;
        seen++;
        if (o->x1 > edge)
            edge = o->x1;
    }
    return seen >= 2 && p->x1 >= edge - 2 * p->size && edge - p->x0 >= 15 * p->size;
}

/* 1 if line p ends with a word no sentence ends with ("the", "of", "and"). */
static int ends_with_joining_word(const layout_glyph *g, const layout_line *p)
{
    static const char *const words[] = { "the", "of", "and", "or", "a", "an", "to", "for",
                                         "with", "in", "on", "by", "at", "from", "as", "that" };
    size_t e = p->first + p->count, w = e;
    while (w > p->first && g[w - 1].cp < 128 && g_ascii_isalpha((int)g[w - 1].cp))
        w--;
    if (e - w > 4 || (w > p->first && !glyph_is_space(g[w - 1].cp)))
        return 0;
    char word[5] = { 0 };
    for (size_t i = w; i < e; i++)
        word[i - w] = (char)g[i].cp;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(word, words[k]) == 0)
            return 1;
    return 0;
}

/* How line l follows line p in the text; `p_full`: p fills its column. */
static int line_break(const break_ctx *c, const layout_line *p, const layout_line *l, int p_full)
{
    const layout_glyph *g = c->g;
    size_t pe = p->first + p->count;
    uint32_t last = g[pe - 1].cp, first = g[l->first].cp;
    float pc = (p->y0 + p->y1) / 2, lc = (l->y0 + l->y1) / 2;

    if (is_drop_cap(p, l, last, first))
        return BREAK_JOIN;
    if ((l->page == p->page && lc >= p->y0 && lc <= p->y1 && l->x0 >= p->x1 - 1)
        || is_note_mark(g, p, l))
        return layout_side_heading(p, l) ? BREAK_PARAGRAPH : BREAK_SPACE;
    if (p->count >= 2 && glyph_is_hyphen(last) && is_word_glyph(g[pe - 2].cp) && is_word_glyph(first)
        && !is_note_start(p, l, first))
        return hyphen_break(c, p, l);
    /* a URL or a path cut at the line end ("https://x.org/" + "a/b.pdf",
     * "E/C." + "12/GC/20") */
    size_t tok = last_token(g, p);
    float ratio = p->size > l->size ? l->size / p->size : p->size / l->size;
    if (pe - tok > 1 && ratio >= 0.88f && token_continues_url(g, l)) {
        int slash = 0;
        for (size_t i = tok; i < pe; i++)
            slash |= g[i].cp == '/';
        if ((last == '/' || (last == '.' && slash && (glyph_is_digit(first) || g_unichar_islower(first)))
             || (last < 128 && strchr("_=&?#%~", (int)last) && token_is_url(g, tok, pe)))
            && !opens_with_item_number(g, l))
            return BREAK_JOIN;
    }
    /* a dash glued to a word on one side of the break: "alike—" + "are",
     * "agencies" + "—domestic" */
    if ((last == 0x2014 || last == 0x2013) && p->count >= 2 && !glyph_is_space(g[pe - 2].cp))
        return BREAK_JOIN;
    if ((first == 0x2014 || first == 0x2013) && l->count >= 2 && !glyph_is_space(g[l->first + 1].cp))
        return BREAK_JOIN;
    int below = l->page == p->page && lc > pc && l->x0 < p->x1 && l->x1 > p->x0;
    if (below) {
        float gap = l->y0 - p->y1, big = p->size > l->size ? p->size : l->size;
        return gap > 0.5f * big || ratio < 0.88f ? BREAK_PARAGRAPH : BREAK_NEWLINE;
    }
    /* to the next column or page: the sentence goes on where it has no
     * final punctuation and the next line starts in lower case, or the line
     * ends with a word no sentence ends with ("of the" + "UNHCR"), or it was
     * cut by its column's edge between two words ("... the Administrator of
     * the Small" + "Business Administration"), in the same type; not a row
     * of figures or a contents line ("status 17" + "2.2.") */
    int cut = p_full && ratio >= 0.88f && g_unichar_isalpha(last) && g_unichar_isalpha(first);
    if (!ends_sentence(last) && (g_unichar_islower(first) || cut || ends_with_joining_word(g, p)))
        return BREAK_NEWLINE;
    return BREAK_PARAGRAPH;
}

linebreak_evidence *linebreak_evidence_new(void)
{
    return calloc(1, sizeof(linebreak_evidence));
}

void linebreak_evidence_free(linebreak_evidence *e)
{
    if (!e)
        return;
    wordset_free(&e->words);
    wordset_free(&e->compounds);
    free(e);
}

int linebreak_evidence_add(linebreak_evidence *e, const layout_glyph *glyphs,
                           const layout_line *lines, const size_t *seq, size_t n, int after_hyphen)
{
    for (size_t k = 0; k < n; k++) {
        const layout_line *l = &lines[seq[k]];
        const layout_glyph *lastg = &glyphs[l->first + l->count - 1];
        int ends_hyph = glyph_is_hyphen(lastg->cp);
        if (lastg->cp == 0x2010 || lastg->cp == 0xAD)
            e->typesetter_hyphen = 1;
        for (size_t i = l->first; i + 1 < l->first + l->count; i++)
            if (glyphs[i].cp == 0x2010)
                e->hyphen_inside = 1;
        int starts_cont = k > 0 ? glyph_is_hyphen(glyphs[lines[seq[k - 1]].first
                                                         + lines[seq[k - 1]].count - 1].cp)
                                : after_hyphen;
        if (collect_words(glyphs, l, starts_cont, ends_hyph, &e->words, &e->compounds) < 0)
            return -1;
    }
    return 0;
}

int linebreak_decide_with(const layout_glyph *glyphs, const layout_line *lines,
                          const size_t *seq, size_t n, int *breaks, const linebreak_evidence *e)
{
    break_ctx c = { glyphs, e, e->typesetter_hyphen, e->hyphen_inside };
    for (size_t k = 0; k + 1 < n; k++)
        breaks[k] = line_break(&c, &lines[seq[k]], &lines[seq[k + 1]], fills_column(lines, seq, k));
    if (n)
        breaks[n - 1] = BREAK_JOIN;
    return 0;
}

int linebreak_decide(const layout_glyph *glyphs, const layout_line *lines, const size_t *seq,
                     size_t n, int *breaks)
{
    linebreak_evidence e = { 0 };
    int rc = linebreak_evidence_add(&e, glyphs, lines, seq, n, 0);
    if (rc == 0)
        rc = linebreak_decide_with(glyphs, lines, seq, n, breaks, &e);
    wordset_free(&e.words);
    wordset_free(&e.compounds);
    return rc;
}

#else
typedef int linebreak_needs_pdf; /* ISO C wants a declaration in every file */
#endif /* DOCTAG_HAVE_PDF */
