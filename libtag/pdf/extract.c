/*
 * extract.c: PDF -> text with positions, on top of poppler-glib.
 *
 * Steps: open the PDF from memory; read each page's characters (poppler's
 * text with one rectangle per character, under a time budget: pages.c),
 * turn them into lines of glyphs (text drawn at an angle left out:
 * glyph_lines.c) and write each line's text and word-piece boxes at once, keeping of the
 * page's glyphs only their code points (memory per page stays small);
 * then drop running headers, footers and page numbers, put the lines of
 * each page in reading order (layout.c) and assemble the text, deciding
 * at each line break whether it is a space-less join (a hyphenated word,
 * a URL cut at a slash: the line's final hyphen is cut off), a line break
 * inside a paragraph ("\n") or a paragraph break ("\n\n").
 *
 * The line-break rules (hyphens, URLs, paragraphs) are in linebreak.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"
#include "doctag_limits.h"
#include "vec.h"

void extract_result_free(extract_result *r)
{
    if (!r)
        return;
    free(r->text);
    free(r->boxes);
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

#include "extract_builder.h"
#include "layout.h"
#include "pages.h"

/* How far into the file the %PDF- header may start (as in most readers). */
#define HEADER_WINDOW 1024

static void builder_free(builder *b)
{
    free(b->glyphs);
    free(b->cps);
    free(b->renders);
    free(b->lines);
    free(b->pages);
    free(b->scratch);
    free(b->text);
    free(b->boxes);
    free(b->wg);
    free(b->out_lines);
    window_free(b);
}

/* ---- Characters ---------------------------------------------------------- */

static int is_superscript_char(uint32_t c)
{
    return c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x207F);
}

static int is_alnum(uint32_t c)
{
    if (c < 0x80)   /* most glyphs: no call into glib's tables */
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return g_unichar_isalnum((gunichar)c) != 0;
}

static int finish_page(builder *b, const layout_page *lp);

/* One page of poppler's characters into glyphs and lines, written at once
 * (a page_sink); then only the lines and the code points stay, in the
 * window (window.c). */
static int read_page(void *ctx, const raw_page *rp)
{
    builder *b = ctx;
    b->n_glyphs = 0;
    if (!vec_reserve((void **)&b->glyphs, &b->cap_glyphs, rp->n_boxes + 1, sizeof *b->glyphs))
        return -1;
    b->win[b->n_pages] = (window_page){ b->n_cps, b->len, b->boxes_len };
    layout_page *lp = &b->pages[b->n_pages++];
    lp->number = rp->number;
    lp->first_line = b->n_lines;
    lp->width = rp->width;
    lp->height = rp->height;
    size_t line_first = b->n_glyphs;
    int has_text = 0;
    const char *s = rp->text, *end = s ? s + rp->text_len : NULL;   /* a page without text: NULL */
    for (size_t i = 0; s && s < end && i < rp->n_boxes; i++) {
        uint32_t c = (unsigned char)*s;
        if (c < 0x80) {   /* ASCII, most of the text: no decoding call */
            s++;
        } else {
            c = g_utf8_get_char(s);
            s = g_utf8_next_char(s);
        }
        if (c == '\n') {
            if (glyph_lines_end(b, rp->number, line_first) < 0)
                return -1;
            line_first = b->n_glyphs;
            continue;
        }
        if (c < 0x20 || c == 0xFEFF || c == (uint32_t)-1 || c == (uint32_t)-2)
            continue;
        has_text |= !glyph_is_space(c);
        glyph_lines_push(b, c, &rp->boxes[4 * i]);
    }
    if (glyph_lines_end(b, rp->number, line_first) < 0)
        return -1;
    lp->n_lines = b->n_lines - lp->first_line;
    if (finish_page(b, lp) < 0)
        return -1;
    b->page_has_text[rp->number - 1] = (unsigned char)has_text;
    b->any_text |= has_text;
    b->pages_left = b->last_page - rp->number;
    return window_page_done(b);
}

/* ---- Output ------------------------------------------------------------- */

/* Bytes into the text, which render_line() made room for. */
static void put(builder *b, const char *s, size_t n)
{
    if (n)
        memcpy(b->text + b->len, s, n);
    b->len += n;
}

/* Adds the box of the piece made of the current word's glyphs [a, z) to
 * the boxes. */
static int put_piece(builder *b, size_t a, size_t z)
{
    extract_word w = { 1e30f, 1e30f, -1e30f, -1e30f };
    for (size_t i = a; i < z; i++) {
        const pglyph *g = b->wg[i];
        if (g->x0 < w.x0) w.x0 = g->x0;
        if (g->y0 < w.y0) w.y0 = g->y0;
        if (g->x1 > w.x1) w.x1 = g->x1;
        if (g->y1 > w.y1) w.y1 = g->y1;
    }
    if (b->boxes_len > UINT32_MAX - 1 - 4 * sizeof(float)   /* box_at is 32 bits */
        || extract_put_box(&b->boxes, &b->boxes_len, &b->cap_boxes,
                        b->n_line_words ? &b->prev_box : NULL, &w) < 0)
        return -1;
    b->prev_box = w;
    b->n_line_words++;
    return 0;
}

/* Ends the word being written: each run of its letters and digits, and
 * each of its other characters, becomes a piece ("A/HRC/47/23)," is nine),
 * so that an entity's ends fall between pieces. */
static int end_word(builder *b)
{
    size_t n = b->n_wg;
    for (size_t a = 0, z; a < n; a = z) {
        z = a + 1;
        if (is_alnum(b->wg[a]->cp))
            while (z < n && is_alnum(b->wg[z]->cp))
                z++;
        if (put_piece(b, a, z) < 0)
            return -1;
    }
    b->n_wg = 0;
    return 0;
}

/* Writes one glyph (a ligature as its letters) into the current word. */
static void put_glyph(builder *b, const pglyph *g)
{
    b->wg[b->n_wg++] = g;
    const char *lig = glyph_ligature(g->cp);
    if (lig) {
        put(b, lig, strlen(lig));
        return;
    }
    if (g->cp < 0x80) {
        b->text[b->len++] = (char)g->cp;
        return;
    }
    char buf[8];
    int n = g_unichar_to_utf8((gunichar)g->cp, buf);
    put(b, buf, (size_t)n);
}

/* g set smaller than ref and raised above it: a footnote mark. */
static int smaller_and_raised(const pglyph *g, const pglyph *ref)
{
    float gc = (g->y0 + g->y1) / 2, rc = (ref->y0 + ref->y1) / 2;
    return g->size <= 0.85f * ref->size && gc < rc - 0.1f * ref->size;
}

/* A raised, smaller digit after a glyph of the line's text size (a footnote
 * mark typeset as a plain digit), or a Unicode superscript. */
static int is_mark(const pglyph *g, const pglyph *prev, int prev_mark)
{
    if (is_superscript_char(g->cp))
        return 1;
    if (!glyph_is_digit(g->cp) || !prev)
        return 0;
    float gc = (g->y0 + g->y1) / 2, pc = (prev->y0 + prev->y1) / 2;
    if (prev_mark && glyph_is_digit(prev->cp) && g->size - prev->size < 0.5f
        && prev->size - g->size < 0.5f && gc - pc < 1 && pc - gc < 1)
        return 1;
    return smaller_and_raised(g, prev);
}

/* The end of a footnote mark that starts the line (digits set smaller and
 * raised against the letter after them, as a note's own number), or the
 * line's first glyph when there is none. */
static size_t leading_mark_end(const pglyph *g, const layout_line *l)
{
    size_t i = l->first, end = l->first + l->count;
    while (i < end && glyph_is_digit(g[i].cp))
        i++;
    if (i == l->first || i == end || !is_alnum(g[i].cp))
        return l->first;
    for (size_t k = l->first; k < i; k++)
        if (!smaller_and_raised(&g[k], &g[i]))
            return l->first;
    return i;
}

/* Writes line li's glyphs, spaces collapsed (and added at gaps poppler
 * wrote none for), ligatures expanded, footnote marks set apart, and
 * notes where the text stops if its final hyphen is dropped. */
static int render_line(builder *b, size_t li)
{
    const layout_line *l = &b->lines[li];
    /* room for the whole line: a glyph writes at most 4 bytes (a ligature
     * 3) and a space before it */
    if (b->len + 5 * l->count + 8 > UINT32_MAX
        || !vec_reserve((void **)&b->renders, &b->cap_renders, li + 1, sizeof *b->renders)
        || !vec_reserve((void **)&b->text, &b->cap, b->len + 5 * l->count + 1, 1)
        || !vec_reserve((void **)&b->wg, &b->cap_wg, l->count, sizeof *b->wg))
        return -1;
    line_render *r = &b->renders[li];
    const pglyph *g = b->glyphs;
    size_t end = l->first + l->count;
    size_t lead = leading_mark_end(g, l);
    const pglyph *prev = NULL;
    int prev_mark = 0, space = 0;
    size_t start = b->len;
    r->start = start;
    r->box_at = (uint32_t)b->boxes_len;
    b->n_line_words = 0;
    for (size_t i = l->first; i < end; i++) {
        const pglyph *cg = &g[i];
        if (i + 1 == end)
            r->cut = (uint32_t)(b->len - start);  /* what is left without the final glyph */
        if (glyph_is_space(cg->cp)) {
            space = 1;
            continue;
        }
        if (cg->cp == 0xAD)
            continue; /* a soft hyphen inside a line is invisible */
        int mark = i < lead || is_mark(cg, prev, prev_mark);
        if (prev && !space && ((mark && !prev_mark) || (!mark && prev_mark && is_alnum(cg->cp))))
            space = 1;
        if (prev && cg->x0 - prev->x1 > LIMIT_PDF_SPACE_GAP * (cg->size < prev->size ? cg->size
                                                                                  : prev->size))
            space = 1;
        if (space && b->len > start) {
            if (end_word(b) < 0)
                return -1;
            put(b, " ", 1);
        }
        space = 0;
        put_glyph(b, cg);
        prev = cg;
        prev_mark = mark;
    }
    if (end_word(b) < 0)
        return -1;
    r->len = (uint32_t)(b->len - start);
    r->n_words = b->n_line_words;
    return 0;
}

/* Writes the page's lines, then keeps only its glyphs' code points, the
 * lines' glyph ranges moved onto them. */
static int finish_page(builder *b, const layout_page *lp)
{
    for (size_t li = lp->first_line; li < lp->first_line + lp->n_lines; li++)
        if (render_line(b, li) < 0)
            return -1;
    if (!vec_reserve((void **)&b->cps, &b->cap_cps, b->n_cps + b->n_glyphs, sizeof *b->cps))
        return -1;
    for (size_t i = 0; i < b->n_glyphs; i++) {
        uint32_t c = b->glyphs[i].cp;
        b->cps[b->n_cps + i].cp = (uint16_t)(c > 0xFFFF ? LAYOUT_ASTRAL : c);
    }
    for (size_t li = lp->first_line; li < lp->first_line + lp->n_lines; li++)
        b->lines[li].first += b->n_cps;
    b->n_cps += b->n_glyphs;
    b->n_glyphs = 0;
    return 0;
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

/* Opens the PDF through a memory stream, not poppler_document_new_from_bytes():
 * in poppler 22.x (Debian 12) new_from_bytes and new_from_data crash on a
 * wrong password. No copy: the document dies before extract_pdf returns. */
static int open_doc(PopplerDocument **doc, const void *data, size_t size, const char *name,
                    const doctag_pdf_options *opts)
{
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, size);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(bytes);
    *doc = poppler_document_new_from_stream(stream, (goffset)size,
                                            opts ? opts->password : NULL, NULL, &err);
    g_object_unref(stream);
    g_bytes_unref(bytes);
    if (*doc)
        return DOCTAG_OK;
    int enc = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
    int rc = enc ? error_set(DOCTAG_ERR_PDF_ENCRYPTED, "%s: encrypted PDF: %s", name,
                             opts && opts->password ? "wrong password" : "password needed")
                 : error_set(DOCTAG_ERR_PDF_CORRUPT, "%s: damaged PDF: %s", name,
                             err && err->message ? err->message : "poppler cannot open it");
    if (err)
        g_error_free(err);
    return rc;
}

/* Reads the job's pages through the window into the sink, and hands out
 * the pages left at the end. */
static int read_pages(builder *b, const pages_job *job)
{
    const char *name = job->name;
    int first = job->first, last = job->last;
    size_t n = (size_t)(last - first + 1) < b->window ? (size_t)(last - first + 1) : b->window;
    b->last_page = last;
    b->pages = calloc(n, sizeof *b->pages);
    b->win = calloc(n, sizeof *b->win);
    if (!b->pages || !b->win)
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory while extracting text", name);
    int rc = pages_read(job, read_page, b);
    if (rc == 0 && b->any_text && window_flush(b) < 0)
        rc = -1;
    if (b->sink_rc)
        return b->sink_rc;
    if (rc == -1)
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory while extracting text", name);
    if (rc < 0)
        return rc;
    if (!b->any_text)
        return error_set(DOCTAG_ERR_PDF_NO_TEXT, "%s: no text layer on %s (scanned? OCR needed)",
                         name, first == 1 && last == poppler_document_get_n_pages(job->doc)
                                   ? "any page" : "the pages requested");
    if (b->out_len == 0)
        return error_set(DOCTAG_ERR_PDF_NO_TEXT, "%s: no text besides headers and page numbers",
                         name);
    return DOCTAG_OK;
}

/* The options' limits (the API fills them in; NULL from an older caller). */
static const doctag_limits *pdf_limits(const doctag_pdf_options *opts)
{
    return opts && opts->version >= 2 ? opts->limits : NULL;
}

/* The pages asked for, checked against the document and the page limit. */
static int page_range(PopplerDocument *doc, const doctag_pdf_options *opts, const char *name,
                      int *n_pages, int *first, int *last)
{
    *n_pages = poppler_document_get_n_pages(doc);
    *first = opts && opts->first_page ? opts->first_page : 1;
    *last = opts && opts->last_page ? opts->last_page : *n_pages;
    if (*n_pages <= 0)
        return error_set(DOCTAG_ERR_PDF_NO_PAGES, "%s: the PDF has no pages", name);
    if (*first < 1 || *last > *n_pages || *first > *last)
        return error_set(DOCTAG_ERR_PAGE_RANGE, "%s: pages %d-%d requested, the PDF has %d",
                         name, *first, *last, *n_pages);
    const doctag_limits *l = pdf_limits(opts);
    int max_pages = l && l->max_pages > 0 ? l->max_pages : LIMIT_MAX_PAGES;
    if (*last - *first + 1 > max_pages)
        return error_set(DOCTAG_ERR_PDF_LIMIT, "%s: %d pages to read, more than the limit of %d",
                         name, *last - *first + 1, max_pages);
    return DOCTAG_OK;
}

/* The checks before poppler opens the PDF. */
static int check_input(const void *data, size_t size, const char *name)
{
    if (!data && size)
        return error_set(DOCTAG_ERR_ARG, "%s: extract_pdf: NULL argument", name);
    if (size == 0)
        return error_set(DOCTAG_ERR_EMPTY, "%s: empty file", name);
    if (!find_header(data, size))
        return error_set(DOCTAG_ERR_NOT_PDF, "%s: not a PDF (no %%PDF- header)", name);
    return DOCTAG_OK;
}

int extract_pdf_stream(const void *data, size_t size, const char *name,
                       const doctag_pdf_options *opts, size_t window, extract_sink sink,
                       void *ctx, extract_result *info)
{
    if (!name)
        name = "<buffer>";
    memset(info, 0, sizeof *info);
    int rc = check_input(data, size, name);
    PopplerDocument *doc = NULL;
    if (rc != DOCTAG_OK || (rc = open_doc(&doc, data, size, name, opts)) != DOCTAG_OK)
        return rc;
    builder b;
    memset(&b, 0, sizeof b);
    b.window = window ? (window < 2 ? 2 : window) : EXTRACT_WINDOW_PAGES;
    b.sink = sink;
    b.sink_ctx = ctx;
    rc = page_range(doc, opts, name, &info->n_pages, &info->first_page, &info->last_page);
    b.page_count = info->n_pages;
    if (rc == DOCTAG_OK
        && !(info->page_has_text = b.page_has_text = calloc((size_t)info->n_pages, 1)))
        rc = error_set(DOCTAG_ERR_NOMEM, "%s: out of memory while extracting text", name);
    if (rc == DOCTAG_OK) {
        const doctag_limits *l = pdf_limits(opts);
        pages_job job = { doc, data, size, opts ? opts->password : NULL, info->first_page,
                          info->last_page, l && l->pdf_page_ms > 0 ? l->pdf_page_ms
                                                                   : LIMIT_PDF_PAGE_MS,
                          name, opts && opts->version >= 3 ? opts->readers : 0 };
        rc = read_pages(&b, &job);
    }
    builder_free(&b);
    g_object_unref(doc);
    return rc;
}

/* extract_pdf()'s sink: the pages one after the other in one result. */
typedef struct whole_doc {
    extract_result *r;
    size_t cap_text, cap_lines, cap_boxes;
} whole_doc;

static int add_page(void *ctx, const extract_page *pg)
{
    whole_doc *w = ctx;
    extract_result *r = w->r;
    if (!vec_reserve((void **)&r->text, &w->cap_text, r->len + pg->len + 1, 1)
        || !vec_reserve((void **)&r->lines, &w->cap_lines, r->n_lines + pg->n_lines,
                        sizeof *r->lines)
        || !vec_reserve((void **)&r->boxes, &w->cap_boxes, r->boxes_len + pg->boxes_len, 1)
        || r->boxes_len + pg->boxes_len > UINT32_MAX)   /* box_at is 32 bits */
        return error_set(DOCTAG_ERR_NOMEM, "out of memory while extracting text");
    if (pg->len)
        memcpy(r->text + r->len, pg->text, pg->len);
    r->len += pg->len;
    r->text[r->len] = '\0';
    for (size_t i = 0; i < pg->n_lines; i++) {
        r->lines[r->n_lines] = pg->lines[i];
        r->lines[r->n_lines++].box_at += (uint32_t)r->boxes_len;
    }
    if (pg->boxes_len)
        memcpy(r->boxes + r->boxes_len, pg->boxes, pg->boxes_len);
    r->boxes_len += pg->boxes_len;
    return 0;
}

int extract_pdf(extract_result *out, const void *data, size_t size,
                const char *name, const doctag_pdf_options *opts)
{
    if (!out)
        return error_set(DOCTAG_ERR_ARG, "%s: extract_pdf: NULL argument",
                         name ? name : "<buffer>");
    extract_result whole;
    memset(&whole, 0, sizeof whole);
    whole_doc w = { &whole, 0, 0, 0 };
    int rc = extract_pdf_stream(data, size, name, opts, 0, add_page, &w, out);
    out->text = whole.text;
    out->len = whole.len;
    out->lines = whole.lines;
    out->n_lines = whole.n_lines;
    out->boxes = whole.boxes;
    out->boxes_len = whole.boxes_len;
    if (rc != DOCTAG_OK)
        extract_result_free(out);
    return rc;
}

#endif /* DOCTAG_HAVE_PDF */
