/*
 * layout.c: running headers/footers and reading order of PDF lines.
 *
 * Rules are geometric, not tied to one typesetter: a column gutter is a
 * vertical strip that (almost) no line crosses with a real column of text
 * on both sides; a running header is a line in the top or bottom band whose
 * text, with digits masked, comes back at about the same height on several
 * pages.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* Fraction of the page height, at the top and at the bottom, where running
 * headers, footers and page numbers are looked for. */
#define BAND_FRACTION 0.12f
/* A line recurring on at least this fraction of the pages (and on two pages
 * at least) is a running header or footer. */
#define REPEAT_FRACTION 0.3
/* A gutter's coverage (lines crossing it) is at most this fraction of the
 * densest coverage of the region. */
#define GUTTER_COVERAGE 0.12
/* Each column beside a gutter spans at least this fraction of the region. */
#define COLUMN_MIN_FRACTION 0.2f
/* Recursion limit for nested column splits. */
#define MAX_DEPTH 12
/* Longest masked line text compared for repetition (bytes). */
#define KEY_MAX 200

/* ---- Running headers, footers and page numbers ------------------------ */

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

/* The line's text lower-cased, each run of digits replaced by one '#',
 * runs of spaces collapsed: "Page 12 of 40" -> "page # of #". */
static void line_key(const layout_line *l, const layout_glyph *g, char key[KEY_MAX + 1])
{
    size_t n = 0;
    int space = 0, digit = 0;
    for (size_t i = 0; i < l->count && n + 5 < KEY_MAX; i++) {
        uint32_t c = g[l->first + i].cp;
        if (c == ' ' || c == '\t' || c == 0xA0) { space = 1; digit = 0; continue; }
        if (space && n > 0)
            key[n++] = ' ';
        space = 0;
        if (c >= '0' && c <= '9') {
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
    key[n] = '\0';
}

static int is_roman(const char *k)
{
    size_t n = strlen(k);
    if (n == 0 || n > 6)
        return 0;
    return strspn(k, "ivxlc") == n;
}

/* Masked texts that are a page number and nothing else. */
static int is_page_number(const char *k)
{
    static const char *const forms[] = {
        "#", "page #", "page # of #", "# of #", "#/#", "# / #", "- # -", "-#-",
        "\xE2\x80\x93 # \xE2\x80\x93", "\xE2\x80\x94 # \xE2\x80\x94", "p. #", "[#]", "(#)",
        "page #/#", "pg. #", "page", NULL
    };
    for (size_t i = 0; forms[i]; i++)
        if (strcmp(k, forms[i]) == 0)
            return strcmp(k, "page") != 0;
    return is_roman(k);
}

enum { BAND_NONE, BAND_TOP, BAND_BOTTOM };

/* The top band: the top BAND_FRACTION of the page, and the topmost row of
 * text wherever it stands (small pages with wide margins); the bottom band
 * likewise. `top`/`bottom`: the page's extreme line edges. */
static int line_band(const layout_line *l, const layout_page *p, float top, float bottom)
{
    float h = l->y1 - l->y0;
    if (l->y1 <= p->height * BAND_FRACTION || l->y0 <= top + 0.5f * h)
        return BAND_TOP;
    if (l->y0 >= p->height * (1.0f - BAND_FRACTION) || l->y1 >= bottom - 0.5f * h)
        return BAND_BOTTOM;
    return BAND_NONE;
}

typedef struct band_line {
    size_t line;
    int band;
    char key[KEY_MAX + 1];
} band_line;

void layout_drop_running(layout_line *lines, const layout_page *pages, size_t n_pages,
                         const layout_glyph *glyphs)
{
    size_t n_cand = 0, cap = 0;
    band_line *cand = NULL;

    for (size_t p = 0; p < n_pages; p++) {
        float top = 1e30f, bottom = -1e30f;
        for (size_t i = 0; i < pages[p].n_lines; i++) {
            const layout_line *l = &lines[pages[p].first_line + i];
            if (l->y0 < top) top = l->y0;
            if (l->y1 > bottom) bottom = l->y1;
        }
        for (size_t i = 0; i < pages[p].n_lines; i++) {
            size_t li = pages[p].first_line + i;
            int band = line_band(&lines[li], &pages[p], top, bottom);
            if (band == BAND_NONE)
                continue;
            if (n_cand == cap) {
                size_t nc = cap ? cap * 2 : 64;
                band_line *nb = realloc(cand, nc * sizeof *nb);
                if (!nb) { free(cand); return; } /* no memory: keep every line */
                cand = nb;
                cap = nc;
            }
            cand[n_cand].line = li;
            cand[n_cand].band = band;
            line_key(&lines[li], glyphs, cand[n_cand].key);
            if (cand[n_cand].key[0])
                n_cand++;
        }
    }

    /* 1. Lines that recur on several pages at about the same height. */
    double need = REPEAT_FRACTION * (double)n_pages;
    if (need < 2)
        need = 2;
    for (size_t a = 0; a < n_cand && n_pages >= 2; a++) {
        const layout_line *la = &lines[cand[a].line];
        float tol = la->size > 8 ? la->size * 0.6f : 4.0f;
        int pages_seen = 1, last_page = la->page;
        for (size_t b = 0; b < n_cand; b++) {
            const layout_line *lb = &lines[cand[b].line];
            if (lb->page == la->page || lb->page == last_page || cand[b].band != cand[a].band)
                continue;
            if (lb->y0 - la->y0 > tol || la->y0 - lb->y0 > tol)
                continue;
            if (strcmp(cand[a].key, cand[b].key) == 0) {
                pages_seen++;
                last_page = lb->page;
            }
        }
        if (pages_seen >= need)
            lines[cand[a].line].dropped = 1;
    }

    /* 2. Page numbers: the outermost line of their band. */
    for (size_t a = 0; a < n_cand; a++) {
        layout_line *la = &lines[cand[a].line];
        if (la->dropped || !is_page_number(cand[a].key))
            continue;
        const layout_page *pg = &pages[la->page - pages[0].number];
        int outer = 1;
        for (size_t i = 0; i < pg->n_lines && outer; i++) {
            const layout_line *m = &lines[pg->first_line + i];
            if (m == la || m->dropped)
                continue;
            if (cand[a].band == BAND_BOTTOM && m->y0 > la->y1 - 1)
                outer = 0;
            if (cand[a].band == BAND_TOP && m->y1 < la->y0 + 1)
                outer = 0;
        }
        if (outer)
            la->dropped = 1;
    }
    free(cand);
}

/* ---- Reading order ------------------------------------------------------ */

typedef struct order_ctx {
    const layout_line *lines;
    size_t *out;
    size_t n_out;
} order_ctx;

typedef struct sort_item {
    float y, x;
    size_t idx;
} sort_item;

static int cmp_item(const void *a, const void *b)
{
    const sort_item *p = a, *q = b;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

/* Top to bottom; lines sharing a row (their vertical centres within half a
 * line height) left to right. Sorts idx[] in place. */
static int sort_rows(const layout_line *lines, size_t *idx, size_t n)
{
    sort_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        return -1;
    for (size_t i = 0; i < n; i++) {
        it[i].y = lines[idx[i]].y0;
        it[i].x = lines[idx[i]].x0;
        it[i].idx = idx[i];
    }
    qsort(it, n, sizeof *it, cmp_item);
    for (size_t s = 0; s < n;) {
        const layout_line *head = &lines[it[s].idx];
        float hc = (head->y0 + head->y1) / 2, hh = head->y1 - head->y0;
        size_t e = s + 1;
        while (e < n) {
            const layout_line *l = &lines[it[e].idx];
            float c = (l->y0 + l->y1) / 2, h = l->y1 - l->y0;
            if (c - hc > 0.5f * (h < hh ? h : hh))
                break;
            e++;
        }
        /* insertion sort of the row by x */
        for (size_t i = s + 1; i < e; i++) {
            sort_item t = it[i];
            size_t j = i;
            while (j > s && it[j - 1].x > t.x) {
                it[j] = it[j - 1];
                j--;
            }
            it[j] = t;
        }
        s = e;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = it[i].idx;
    free(it);
    return 0;
}

typedef struct gutter {
    float x0, x1;
} gutter;

/* Finds the widest vertical gutter in the region with a column of text on
 * each side. Returns 1 and fills *g when there is one. */
static int find_gutter(const layout_line *lines, const size_t *idx, size_t n, gutter *g)
{
    float minx = lines[idx[0]].x0, maxx = lines[idx[0]].x1;
    float sizes = 0;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        if (l->x0 < minx) minx = l->x0;
        if (l->x1 > maxx) maxx = l->x1;
        sizes += l->size;
    }
    float width = maxx - minx, mean_size = sizes / (float)n;
    if (width < 20)
        return 0;
    /* 1-point bins (coarser on huge pages). */
    float scale = width > 4000 ? 4000 / width : 1;
    size_t nb = (size_t)(width * scale) + 2;
    int *cov = calloc(nb, sizeof *cov);
    if (!cov)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const layout_line *l = &lines[idx[i]];
        size_t a = (size_t)((l->x0 - minx) * scale), b = (size_t)((l->x1 - minx) * scale);
        for (size_t k = a; k <= b && k < nb; k++)
            cov[k]++;
    }
    int maxcov = 0;
    for (size_t k = 0; k < nb; k++)
        if (cov[k] > maxcov)
            maxcov = cov[k];
    int thr = (int)(GUTTER_COVERAGE * maxcov);
    float min_gap = mean_size * 0.5f > 4 ? mean_size * 0.5f : 4;
    int found = 0;
    float best = 0;
    size_t k = 0;
    while (k < nb) {
        if (cov[k] > thr) { k++; continue; }
        size_t s = k;
        while (k < nb && cov[k] <= thr)
            k++;
        if (s == 0 || k >= nb - 1)
            continue; /* a margin, not a gutter */
        float gx0 = minx + (float)s / scale, gx1 = minx + (float)k / scale;
        if (gx1 - gx0 < min_gap || gx1 - gx0 <= best)
            continue;
        /* a column on each side: several lines, and real width */
        size_t nl = 0, nr = 0;
        float lx0 = gx0, rx1 = gx1, ly0 = 1e9f, ly1 = -1e9f, ry0 = 1e9f, ry1 = -1e9f;
        for (size_t i = 0; i < n; i++) {
            const layout_line *l = &lines[idx[i]];
            if (l->x1 <= gx0 + 1) {
                nl++;
                if (l->x0 < lx0) lx0 = l->x0;
                if (l->y0 < ly0) ly0 = l->y0;
                if (l->y1 > ly1) ly1 = l->y1;
            } else if (l->x0 >= gx1 - 1) {
                nr++;
                if (l->x1 > rx1) rx1 = l->x1;
                if (l->y0 < ry0) ry0 = l->y0;
                if (l->y1 > ry1) ry1 = l->y1;
            }
        }
        if (nl < 2 || nr < 2)
            continue;
        if (gx0 - lx0 < COLUMN_MIN_FRACTION * width || rx1 - gx1 < COLUMN_MIN_FRACTION * width)
            continue;
        if (ly1 < ry0 || ry1 < ly0)
            continue; /* one above the other: not side by side */
        g->x0 = gx0;
        g->x1 = gx1;
        best = gx1 - gx0;
        found = 1;
    }
    free(cov);
    return found;
}

enum { SIDE_LEFT, SIDE_RIGHT, SIDE_SPAN };

/* Which side of the gutter a line belongs to. A line that pokes into the
 * gutter a little (an overlong URL) stays with its column. */
static int line_side(const layout_line *l, const gutter *g)
{
    float mid = (g->x0 + g->x1) / 2, w = l->x1 - l->x0;
    float left = (l->x1 < mid ? l->x1 : mid) - l->x0;
    float right = l->x1 - (l->x0 > mid ? l->x0 : mid);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (right <= 0.15f * w)
        return SIDE_LEFT;
    if (left <= 0.15f * w)
        return SIDE_RIGHT;
    return SIDE_SPAN;
}

static int order_region(order_ctx *c, size_t *idx, size_t n, int depth);

static int emit_sorted(order_ctx *c, size_t *idx, size_t n)
{
    if (sort_rows(c->lines, idx, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        c->out[c->n_out++] = idx[i];
    return 0;
}

/* Reads a region that has a gutter: without spanning lines, the left part
 * then the right part; with spanning lines, the bands between them one
 * after the other, each spanning line where it stands. */
static int order_split(order_ctx *c, size_t *idx, size_t n, const gutter *g, int depth)
{
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    size_t nl = 0, nr = 0, ns = 0;
    for (size_t i = 0; i < n; i++)
        switch (line_side(&c->lines[idx[i]], g)) {
        case SIDE_LEFT: nl++; break;
        case SIDE_RIGHT: nr++; break;
        default: ns++; break;
        }
    int rc = 0;
    if (ns == 0) {
        size_t a = 0, b = nl;
        for (size_t i = 0; i < n; i++)
            tmp[line_side(&c->lines[idx[i]], g) == SIDE_LEFT ? a++ : b++] = idx[i];
        rc = order_region(c, tmp, nl, depth + 1);
        if (rc == 0)
            rc = order_region(c, tmp + nl, nr, depth + 1);
    } else {
        /* spanning lines top to bottom, in tmp[0..ns) */
        size_t s = 0, r = ns;
        for (size_t i = 0; i < n; i++)
            if (line_side(&c->lines[idx[i]], g) == SIDE_SPAN)
                tmp[s++] = idx[i];
            else
                tmp[r++] = idx[i];
        rc = sort_rows(c->lines, tmp, ns);
        size_t *band = malloc(n * sizeof *band);
        if (!band)
            rc = -1;
        for (size_t k = 0; k <= ns && rc == 0; k++) {
            float top = k == 0 ? -1e30f : (c->lines[tmp[k - 1]].y0 + c->lines[tmp[k - 1]].y1) / 2;
            float bot = k == ns ? 1e30f : (c->lines[tmp[k]].y0 + c->lines[tmp[k]].y1) / 2;
            size_t nb = 0;
            for (size_t i = ns; i < n; i++) {
                const layout_line *l = &c->lines[tmp[i]];
                float yc = (l->y0 + l->y1) / 2;
                if (yc >= top && yc < bot)
                    band[nb++] = tmp[i];
            }
            rc = order_region(c, band, nb, depth + 1);
            if (rc == 0 && k < ns)
                c->out[c->n_out++] = tmp[k];
        }
        free(band);
    }
    free(tmp);
    return rc;
}

static int order_region(order_ctx *c, size_t *idx, size_t n, int depth)
{
    gutter g;
    if (n == 0)
        return 0;
    if (n < 4 || depth > MAX_DEPTH || !find_gutter(c->lines, idx, n, &g))
        return emit_sorted(c, idx, n);
    return order_split(c, idx, n, &g, depth);
}

long layout_reading_order(const layout_line *lines, const layout_page *page, size_t *order)
{
    order_ctx c = { lines, order, 0 };
    size_t n = 0;
    size_t *idx = malloc((page->n_lines ? page->n_lines : 1) * sizeof *idx);
    if (!idx)
        return -1;
    for (size_t i = 0; i < page->n_lines; i++)
        if (!lines[page->first_line + i].dropped)
            idx[n++] = page->first_line + i;
    int rc = order_region(&c, idx, n, 0);
    free(idx);
    return rc < 0 ? -1 : (long)c.n_out;
}
