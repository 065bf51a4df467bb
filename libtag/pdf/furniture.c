/*
 * furniture.c: running headers and footers, page numbers and rule lines,
 * dropped from the text of a PDF. Internal to extract.c.
 *
 * A running line is one whose text comes back on several pages at the same
 * distance from the page edge (from the top for the top band, from the
 * bottom for the bottom band, so that portrait and landscape pages of one
 * report agree). The lines of the top and bottom bands are looked at
 * first, their text with digits masked ("Page 12 of 40" and "Page 9 of 40"
 * are one text), recurring on a good share of the pages; then the
 * outermost rows left, which must recur word for word on a few pages (the
 * running title of one section: such furniture carries no page number,
 * whereas a body line that merely resembles the line at the same place on
 * other pages differs in its numbers); such a row stays where its run
 * starts (the section's title on the section's first page), see
 * run_start_kept. A running text set alone at another height on a few pages (a
 * summary page's footer without its number) goes where it is the
 * outermost line; a row of three or more pieces repeated on as many pages
 * as a running line goes wherever it stands. A table's head row repeated
 * over the table's part on each page is the table's, not furniture (the
 * references and screen readers keep it): the rows of two cells or more
 * that stand close over a row of cells column by column
 * (table_head_rows() in tables.c) are never candidates. Lines are
 * grouped by sorting, so the work is O(n log n) in the lines of the
 * document. A line's key, and the lines that are furniture by their text
 * alone (page numbers, rules drawn with characters), are line_keys.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "layout.h"
#include "line_keys.h"
#include "tables.h"
#include "doctag_limits.h"
#include "vec.h"

enum { BAND_NONE, BAND_TOP, BAND_BOTTOM, BAND_ANY };

typedef struct cand {
    size_t line;
    int band;            /* BAND_TOP, BAND_BOTTOM, or BAND_ANY (a row at any height) */
    float pos;           /* distance of the line from its band's page edge */
    uint32_t hash;       /* of the key */
    size_t key, key_len; /* the key: keys[key, key + key_len) */
    const char *k;       /* the same, once every key is written */
} cand;

typedef struct furn {
    layout_line *lines;
    const layout_page *pages;
    size_t n_pages;
    const layout_glyph *glyphs;
    cand *c;
    size_t n, cap;
    char *keys;
    size_t keys_len, keys_cap;
    size_t *seen;        /* per page (index), members of the window there */
    unsigned char *head; /* per line (from the first page's first), 1: a table's head row */
    size_t n_head;
} furn;

/* ---- Candidates ------------------------------------------------------------- */

/* Adds line li as a candidate of the band; its key is written at the end
 * of the keys by `write` (line_key) unless `key` is given. */
static int add_cand(furn *f, size_t li, int band, int mask, const char *key, size_t key_len)
{
    const layout_line *l = &f->lines[li];
    const layout_page *pg = &f->pages[l->page - f->pages[0].number];
    size_t room = key ? key_len : LIMIT_PDF_KEY_MAX;
    if (f->head[li - f->pages[0].first_line] == 1)
        return 0;   /* a table's head row is the table's */
    if (!vec_reserve((void **)&f->c, &f->cap, f->n + 1, sizeof *f->c)
        || !vec_reserve((void **)&f->keys, &f->keys_cap, f->keys_len + room, 1))
        return -1;
    cand *c = &f->c[f->n];
    c->line = li;
    c->band = band;
    c->pos = band == BAND_ANY ? 0 : band == BAND_TOP ? l->y0 : pg->height - l->y1;
    c->key = f->keys_len;
    if (key)
        memcpy(f->keys + c->key, key, key_len);
    c->key_len = key ? key_len : line_key(l, f->glyphs, mask, f->keys + f->keys_len);
    if (c->key_len == 0)
        return 0;
    c->hash = hash_fnv1a(HASH_FNV_SEED, f->keys + c->key, c->key_len);
    f->keys_len += c->key_len;
    f->n++;
    return 0;
}

/* The page's extreme kept-line edges: the top of its highest line and the
 * bottom of its lowest. Returns 0 when the page keeps no line. */
static int page_extent(const furn *f, const layout_page *pg, float *top, float *bottom)
{
    *top = 1e30f;
    *bottom = -1e30f;
    for (size_t i = 0; i < pg->n_lines; i++) {
        const layout_line *l = &f->lines[pg->first_line + i];
        if (l->dropped)
            continue;
        if (l->y0 < *top) *top = l->y0;
        if (l->y1 > *bottom) *bottom = l->y1;
    }
    return *top < 1e29f;
}

static void finish_keys(furn *f)
{
    for (size_t i = 0; i < f->n; i++)
        f->c[i].k = f->keys + f->c[i].key;
}

/* Collects the lines in the top and bottom bands (a fraction of the page,
 * and the outermost row wherever it stands), keys masked or exact. */
static int collect_bands(furn *f, int mask)
{
    f->n = f->keys_len = 0;
    for (size_t p = 0; p < f->n_pages; p++) {
        const layout_page *pg = &f->pages[p];
        float top, bottom;
        if (!page_extent(f, pg, &top, &bottom))
            continue;
        for (size_t i = 0; i < pg->n_lines; i++) {
            size_t li = pg->first_line + i;
            const layout_line *l = &f->lines[li];
            float h = l->y1 - l->y0;
            int band = l->dropped ? BAND_NONE
                       : l->y1 <= pg->height * LIMIT_PDF_BAND || l->y0 <= top + 0.5f * h
                       ? BAND_TOP
                       : l->y0 >= pg->height * (1.0f - LIMIT_PDF_BAND)
                         || l->y1 >= bottom - 0.5f * h ? BAND_BOTTOM : BAND_NONE;
            if (band != BAND_NONE && add_cand(f, li, band, mask, NULL, 0) < 0)
                return -1;
        }
    }
    finish_keys(f);
    return 0;
}

/* The outer edge of a line, as seen from the top or from the bottom
 * (negated, so that smaller is always further out). */
static float outer_edge(const layout_line *l, int bottom)
{
    return bottom ? -l->y1 : l->y0;
}

/* Fills tops[0..k) with the outer edges of the page's k outermost rows of
 * kept lines, from the top or from the bottom, and h[] with the height of
 * the line that opens each; returns the rows found. */
static int outer_rows(const furn *f, const layout_page *pg, int bottom, float *tops, float *h)
{
    float prev = -1e30f, prev_h = 0;
    int r = 0;
    for (; r < LIMIT_PDF_INNER_ROWS; r++) {
        float best = 1e30f, best_h = 0;
        for (size_t i = 0; i < pg->n_lines; i++) {
            const layout_line *l = &f->lines[pg->first_line + i];
            float e = outer_edge(l, bottom);
            if (!l->dropped && e > prev + 0.5f * prev_h && e < best) {
                best = e;
                best_h = l->y1 - l->y0;
            }
        }
        if (best >= 1e29f)
            break;
        tops[r] = prev = best;
        h[r] = prev_h = best_h;
    }
    return r;
}

static int x_cmp(const void *a, const void *b)
{
    const layout_line *p = *(const layout_line *const *)a, *q = *(const layout_line *const *)b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* Adds the lines of one row (members[0..n), left to right) as candidates
 * sharing the row's whole text as key: a row is furniture as a whole. */
static int add_row(furn *f, const layout_line **members, size_t n, int band, char *buf)
{
    qsort(members, n, sizeof *members, x_cmp);
    size_t len = 0;
    for (size_t i = 0; i < n && len + LIMIT_PDF_KEY_MAX + 3 < 4 * LIMIT_PDF_KEY_MAX; i++) {
        if (i)
            memcpy(buf + len, " | ", 3), len += 3;
        len += line_key(members[i], f->glyphs, 0, buf + len);
    }
    for (size_t i = 0; i < n; i++)
        if (add_cand(f, (size_t)(members[i] - f->lines), band, 0, buf, len) < 0)
            return -1;
    return 0;
}

/* Collects the kept lines of the outermost LIMIT_PDF_INNER_ROWS rows at
 * the top and the bottom of each page, each keyed by its whole row. */
static int collect_rows(furn *f)
{
    const layout_line **members = NULL;
    size_t cap = 0;
    char *buf = malloc(4 * LIMIT_PDF_KEY_MAX);
    int rc = buf ? 0 : -1;
    f->n = f->keys_len = 0;
    for (size_t p = 0; p < f->n_pages && rc == 0; p++) {
        const layout_page *pg = &f->pages[p];
        for (int side = 0; side < 2 && rc == 0; side++) {
            float tops[LIMIT_PDF_INNER_ROWS], h[LIMIT_PDF_INNER_ROWS];
            int rows = outer_rows(f, pg, side, tops, h);
            for (int r = 0; r < rows && rc == 0; r++) {
                size_t n = 0;
                for (size_t i = 0; i < pg->n_lines && rc == 0; i++) {
                    const layout_line *l = &f->lines[pg->first_line + i];
                    float e = outer_edge(l, side);
                    if (l->dropped || e < tops[r] || e > tops[r] + 0.5f * h[r])
                        continue;
                    if (!vec_reserve((void **)&members, &cap, n + 1, sizeof *members))
                        rc = -1;
                    else
                        members[n++] = l;
                }
                if (rc == 0 && n)
                    rc = add_row(f, members, n, side ? BAND_BOTTOM : BAND_TOP, buf);
            }
        }
    }
    finish_keys(f);
    free(members);
    free(buf);
    return rc;
}

/* ---- Table heads ------------------------------------------------------------ */

static int base_cmp(const void *a, const void *b)
{
    const layout_line *p = *(const layout_line *const *)a, *q = *(const layout_line *const *)b;
    return p->base < q->base ? -1 : p->base > q->base;
}

/* Collects, anywhere on each page, the rows of LIMIT_PDF_HEAD_CELLS or
 * more lines side by side (baselines within a third of a line), each
 * keyed by its whole row, at no set height. Rows already dropped at the
 * page's top count too. With `heads`, the rows of the lines marked 2 in
 * f->head instead, of any number of lines. */
static int collect_heads(furn *f, int heads)
{
    const layout_line **row = NULL;
    size_t cap = 0;
    char *buf = malloc(4 * LIMIT_PDF_KEY_MAX);
    int rc = buf ? 0 : -1;
    f->n = f->keys_len = 0;
    for (size_t p = 0; p < f->n_pages && rc == 0; p++) {
        const layout_page *pg = &f->pages[p];
        size_t n = 0;
        for (size_t i = 0; i < pg->n_lines && rc == 0; i++) {
            const layout_line *l = &f->lines[pg->first_line + i];
            if (heads && f->head[pg->first_line + i - f->pages[0].first_line] != 2)
                continue;
            if (!vec_reserve((void **)&row, &cap, n + 1, sizeof *row))
                rc = -1;
            else
                row[n++] = l;
        }
        if (rc == 0 && n > 1)
            qsort(row, n, sizeof *row, base_cmp);
        for (size_t s = 0, e; rc == 0 && s < n; s = e) {
            float tol = 0.3f * (row[s]->y1 - row[s]->y0);
            for (e = s + 1; e < n && row[e]->base - row[s]->base <= tol; e++)
                ;
            if (e - s >= (heads ? 1 : LIMIT_PDF_HEAD_CELLS))
                rc = add_row(f, row + s, e - s, BAND_ANY, buf);
        }
    }
    finish_keys(f);
    free(row);
    free(buf);
    return rc;
}

/* ---- Repeats ---------------------------------------------------------------- */

static int cand_cmp(const void *a, const void *b)
{
    const cand *p = a, *q = b;
    if (p->band != q->band)
        return p->band - q->band;
    if (p->hash != q->hash)
        return p->hash < q->hash ? -1 : 1;
    if (p->key_len != q->key_len)
        return p->key_len < q->key_len ? -1 : 1;
    int c = memcmp(p->k, q->k, p->key_len);
    if (c)
        return c;
    if (p->pos != q->pos)
        return p->pos < q->pos ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

static int same_key(const cand *p, const cand *q)
{
    return p->band == q->band && p->hash == q->hash && p->key_len == q->key_len
           && memcmp(p->k, q->k, p->key_len) == 0;
}

/* A line that drop_group is dropping, until the group is done. */
#define DROPPING 2

/* Whether candidate i of the group [gs, ge) opens a run of its key: the
 * key is on neither of the two pages before (a running head every other
 * page is one run). f->seen holds the group's pages. */
static int opens_run(const furn *f, size_t i)
{
    size_t p = (size_t)(f->lines[f->c[i].line].page - f->pages[0].number);
    return (p < 1 || !f->seen[p - 1]) && (p < 2 || !f->seen[p - 2]);
}

/* Whether the dropped repeat candidate i is text where its run starts: a
 * row above the page's foot of two words or more (a section's title where
 * the section starts, a table's head over its first rows; their repeats
 * on the pages after are the furniture; a lone word, a logo's or a
 * "(continued)", and a running foot are furniture wherever they stand). */
static int run_start_kept(const furn *f, size_t i)
{
    const cand *c = &f->c[i];
    return c->band != BAND_BOTTOM && memchr(c->k, ' ', c->key_len) && opens_run(f, i);
}

/* In one group of equal keys sorted by position, drops each line whose
 * key recurs within the tolerance of its position on `need` pages; with
 * `keep_first`, not where a run of the key starts (run_start_kept). */
static size_t drop_group(furn *f, size_t gs, size_t ge, double need, int keep_first)
{
    float tol = 4.0f;
    for (size_t i = gs; i < ge; i++) {
        float s = f->lines[f->c[i].line].size * LIMIT_PDF_REPEAT_TOL;
        if (s > tol)
            tol = s;
    }
    size_t lo = gs, hi = gs, distinct = 0, dropped = 0;
    size_t base = (size_t)f->pages[0].number;
    for (size_t i = gs; i < ge; i++) {
        for (; hi < ge && f->c[hi].pos <= f->c[i].pos + tol; hi++)
            if (f->seen[(size_t)f->lines[f->c[hi].line].page - base]++ == 0)
                distinct++;
        for (; f->c[lo].pos < f->c[i].pos - tol; lo++)
            if (--f->seen[(size_t)f->lines[f->c[lo].line].page - base] == 0)
                distinct--;
        layout_line *l = &f->lines[f->c[i].line];
        if ((double)distinct >= need) {
            l->dropped = l->dropped ? l->dropped : DROPPING;
            dropped++;
        }
    }
    for (; lo < hi; lo++)
        f->seen[(size_t)f->lines[f->c[lo].line].page - base]--;
    for (size_t i = gs; i < ge && keep_first; i++)
        f->seen[(size_t)f->lines[f->c[i].line].page - base] = 1;
    for (size_t i = gs; i < ge; i++) {
        layout_line *l = &f->lines[f->c[i].line];
        if (l->dropped == DROPPING)
            l->dropped = !(keep_first && run_start_kept(f, i));
    }
    for (size_t i = gs; i < ge && keep_first; i++)
        f->seen[(size_t)f->lines[f->c[i].line].page - base] = 0;
    return dropped;
}

static size_t drop_repeats(furn *f, double need, int keep_first)
{
    qsort(f->c, f->n, sizeof *f->c, cand_cmp);
    size_t dropped = 0;
    for (size_t gs = 0; gs < f->n;) {
        size_t ge = gs + 1;
        while (ge < f->n && same_key(&f->c[gs], &f->c[ge]))
            ge++;
        dropped += drop_group(f, gs, ge, need, keep_first);
        gs = ge;
    }
    return dropped;
}

/* A page number is set no larger than this many times the page's mean
 * type size. */
#define PAGE_NUMBER_SIZE 1.8f

/* ---- Outermost lines ---------------------------------------------------------- */

/* Per page, the two highest line bottoms and the two lowest line tops of
 * the kept lines: [0], [1] the two smallest y1, [2], [3] the two largest
 * y0; [4] their mean type size. */
static float (*page_edges(const furn *f))[5]
{
    float (*ext)[5] = malloc(f->n_pages * sizeof *ext);
    if (!ext)
        return NULL;
    for (size_t p = 0; p < f->n_pages; p++) {
        float *e = ext[p], kept = 0;
        e[0] = e[1] = 1e30f;
        e[2] = e[3] = -1e30f;
        e[4] = 0;
        const layout_page *pg = &f->pages[p];
        for (size_t i = 0; i < pg->n_lines; i++) {
            const layout_line *l = &f->lines[pg->first_line + i];
            if (l->dropped)
                continue;
            if (l->y1 < e[0]) { e[1] = e[0]; e[0] = l->y1; } else if (l->y1 < e[1]) e[1] = l->y1;
            if (l->y0 > e[2]) { e[3] = e[2]; e[2] = l->y0; } else if (l->y0 > e[3]) e[3] = l->y0;
            e[4] += l->size;
            kept++;
        }
        e[4] = kept > 0 ? e[4] / kept : 0;
    }
    return ext;
}

/* Whether candidate c is the outermost kept line of its band: no other
 * kept line stands above it (top band) or below it (bottom band). */
static int outermost(const furn *f, float (*ext)[5], const cand *c)
{
    const layout_line *l = &f->lines[c->line];
    const float *e = ext[l->page - f->pages[0].number];
    if (c->band == BAND_TOP)
        return (e[0] == l->y1 ? e[1] : e[0]) >= l->y0 + 1;
    return (e[2] == l->y0 ? e[3] : e[2]) <= l->y1 - 1;
}

/* Drops page numbers that are the outermost kept line of their band and
 * not set large (a drop cap "I" or "V" opening the page is no number). */
static int drop_page_numbers(furn *f)
{
    float (*ext)[5] = page_edges(f);
    if (!ext)
        return -1;
    for (size_t i = 0; i < f->n; i++) {
        layout_line *l = &f->lines[f->c[i].line];
        const float *e = ext[l->page - f->pages[0].number];
        if (!l->dropped && l->size <= PAGE_NUMBER_SIZE * e[4]
            && line_is_page_number(f->c[i].k, f->c[i].key_len) && outermost(f, ext, &f->c[i]))
            l->dropped = 1;
    }
    free(ext);
    return 0;
}

/* A running line set at another height on a few pages (a cover, a summary
 * page, a page whose footer has no number): dropped where it is the
 * outermost kept line of its band, its text having been dropped as running
 * elsewhere, in type no larger. The candidates are grouped by key
 * (drop_repeats sorted them). */
/* A heading set larger than the running lines that repeat it (a chapter
 * title on the chapter's first page) is not one of them. */
#define STRAY_SIZE 1.1f

static int drop_strays(furn *f)
{
    float (*ext)[5] = page_edges(f);
    if (!ext)
        return -1;
    for (size_t gs = 0; gs < f->n;) {
        size_t ge = gs;
        float size = 0; /* the largest type of the group's running lines */
        for (; ge < f->n && same_key(&f->c[gs], &f->c[ge]); ge++) {
            const layout_line *l = &f->lines[f->c[ge].line];
            if (l->dropped && l->size > size)
                size = l->size;
        }
        for (size_t i = gs; i < ge; i++) {
            layout_line *l = &f->lines[f->c[i].line];
            if (l->size <= STRAY_SIZE * size && outermost(f, ext, &f->c[i]))
                l->dropped = 1;
        }
        gs = ge;
    }
    free(ext);
    return 0;
}

/* Marks the table heads' lines in f->head, page by page; a head row
 * whose text recurs word for word on another page (a long table's head
 * over its part on each page) gets `head` set, for the reading order. */
static int mark_table_heads(furn *f)
{
    size_t line0 = f->pages[0].first_line;
    for (size_t p = 0; p < f->n_pages; p++)
        if (table_head_rows(f->lines, &f->pages[p], f->head + (f->pages[p].first_line - line0)) < 0)
            return -1;
    /* the head rows as candidates (head 2: let in), each keyed by its row */
    for (size_t i = 0; i < f->n_head; i++)
        f->head[i] *= 2;
    int rc = collect_heads(f, 1);
    for (size_t i = 0; i < f->n_head; i++)
        f->head[i] /= 2;
    if (rc < 0)
        return -1;
    if (f->n)   /* f->c is NULL when there is no candidate */
        qsort(f->c, f->n, sizeof *f->c, cand_cmp);
    for (size_t gs = 0, ge; gs < f->n; gs = ge) {
        for (ge = gs + 1; ge < f->n && same_key(&f->c[gs], &f->c[ge]); ge++)
            ;
        if (f->lines[f->c[gs].line].page != f->lines[f->c[ge - 1].line].page)
            for (size_t i = gs; i < ge; i++)
                f->lines[f->c[i].line].head = 1;
    }
    return 0;
}

/* ---- Entry point --------------------------------------------------------------- */

int layout_drop_running(layout_line *lines, const layout_page *pages, size_t n_pages,
                        const layout_glyph *glyphs)
{
    if (n_pages == 0)
        return 0;
    furn f = { lines, pages, n_pages, glyphs, NULL, 0, 0, NULL, 0, 0, NULL, NULL, 0 };
    int rc = -1;
    size_t n_lines = pages[n_pages - 1].first_line + pages[n_pages - 1].n_lines;
    for (size_t i = pages[0].first_line; i < n_lines; i++)
        if (line_is_rule(&lines[i], glyphs))
            lines[i].dropped = 1;
    double need = LIMIT_PDF_REPEAT_PAGES * (double)n_pages;
    if (need < 2)
        need = 2;
    double need_exact = need < LIMIT_PDF_EXACT_PAGES ? need : LIMIT_PDF_EXACT_PAGES;
    f.seen = calloc(n_pages, sizeof *f.seen);
    f.n_head = n_lines - pages[0].first_line;
    f.head = malloc(f.n_head + 1);
    if (!f.seen || !f.head || mark_table_heads(&f) < 0 || collect_bands(&f, 1) < 0)
        goto done;
    if (n_pages >= 2 && drop_repeats(&f, need, 0) > 0 && drop_strays(&f) < 0)
        goto done;
    if (drop_page_numbers(&f) < 0 || (n_pages >= 2 && collect_rows(&f) < 0))
        goto done;
    if (n_pages >= 2)
        drop_repeats(&f, need_exact, 1);
    /* a table head repeated at any height, on as many pages as a running line */
    if (n_pages >= 2 && collect_heads(&f, 0) < 0)
        goto done;
    if (n_pages >= 2)
        drop_repeats(&f, need > LIMIT_PDF_EXACT_PAGES ? need : LIMIT_PDF_EXACT_PAGES, 1);
    rc = 0;
done:
    free(f.c);
    free(f.keys);
    free(f.seen);
    free(f.head);
    return rc;
}
