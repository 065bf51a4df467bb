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
 * The line-break rules (hyphens, URLs, paragraphs) are in linebreak.c.
 */
#include <stdint.h>
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

static int is_superscript_char(uint32_t c)
{
    return c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x207F);
}

static int is_alnum(uint32_t c)
{
    return g_unichar_isalnum((gunichar)c) != 0;
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
    while (b->n_glyphs > first && glyph_is_space(b->glyphs[b->n_glyphs - 1].cp))
        b->n_glyphs--;
    size_t s = first;
    while (s < b->n_glyphs && glyph_is_space(b->glyphs[s].cp))
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
        if (glyph_is_space(g->cp))
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
    int rc = 0;

    *has_text = 0;
    if (!text || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return 0;
    }
    /* A glyph's size is the height of its box, which poppler derives from
     * the font size: it is what tells a raised footnote mark from the text
     * around it. (poppler_page_get_text_attributes() would give the font
     * size itself, at the cost of another walk over the page's words.) */
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
        layout_glyph g;
        g.cp = c;
        g.x0 = (float)rects[i].x1;
        g.y0 = (float)rects[i].y1;
        g.x1 = (float)rects[i].x2;
        g.y1 = (float)rects[i].y2;
        g.size = g.y1 - g.y0;
        if (g.size <= 0)
            g.size = g.y1 - g.y0 > 0 ? g.y1 - g.y0 : 1;
        if (!glyph_is_space(c)) {
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
    g_free(rects);
    g_free(text);
    return rc;
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
    const char *lig = glyph_ligature(g->cp);
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
    if (!glyph_is_digit(g->cp) || !prev)
        return 0;
    float gc = (g->y0 + g->y1) / 2, pc = (prev->y0 + prev->y1) / 2;
    if (prev_mark && glyph_is_digit(prev->cp) && g->size - prev->size < 0.5f
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
        if (glyph_is_space(cg->cp)) {
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
    if (!seq)
        return -1;
    for (size_t p = 0; p < b->n_pages; p++) {
        long n = layout_reading_order(b->lines, &b->pages[p], seq + n_seq);
        if (n < 0)
            goto done;
        n_seq += (size_t)n;
    }

    seps = malloc((n_seq ? n_seq : 1) * sizeof *seps);
    if (!seps || linebreak_decide(b->glyphs, b->lines, seq, n_seq, seps) < 0)
        goto done;

    for (size_t k = 0; k < n_seq; k++) {
        int sep = k + 1 < n_seq ? seps[k] : BREAK_JOIN;
        if (put_line(b, &b->lines[seq[k]], sep == BREAK_DEHYPHENATE) < 0)
            goto done;
        const char *s = sep == BREAK_PARAGRAPH ? "\n\n" : sep == BREAK_NEWLINE ? "\n"
                        : sep == BREAK_SPACE ? " " : "";
        if (*s && put(b, s, strlen(s), 0, NULL) < 0)
            goto done;
    }
    rc = 0;
done:
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
