/*
 * window.c: the window of pages a PDF's text is decided in. Internal to
 * extract.c.
 *
 * The pages read (extract.c: their lines rendered, their glyphs' code
 * points kept) stay in the builder until the window is full; then the
 * running lines (furniture.c) of its pages are decided from its pages, the
 * reading order of each page (layout.c), and the line breaks (linebreak.c)
 * from the words of every page read so far (each page's words added once,
 * when it is first decided: hash tables of the vocabulary, not of the
 * pages). The window's older three quarters are then written, page by
 * page, to the sink, and their lines, code points, text and boxes moved
 * out of the builder's arrays, whose memory the next pages reuse: the
 * memory is the window's, not the document's. The newest quarter stays,
 * so that each page handed out was decided with at least a quarter of a
 * window of pages after it; its decisions are made again with the next
 * pages. The last eighth of the window's pages handed out stay too, as
 * context only (furniture.c looks at the pages before a line), so that
 * each page is decided with pages before it as well. Near the end fewer pages
 * go, so that the last window is full too: every page is decided among
 * `window` pages. At the end (or for a document no longer than the
 * window) every page left is decided at once, as the whole document was
 * before there was a window.
 */
#if DOCTAG_HAVE_PDF

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_builder.h"
#include "layout.h"
#include "vec.h"

void window_free(builder *b)
{
    free(b->win);
    linebreak_evidence_free(b->evidence);
    free(b->seq);
    free(b->seps);
    free(b->page_seq);
    free(b->page_text);
    free(b->pending);
}

/* Whether line li ends in a hyphen (the next line then starts with the
 * rest of a word). */
static int ends_in_hyphen(const builder *b, size_t li)
{
    const layout_line *l = &b->lines[li];
    return l->count > 0 && glyph_is_hyphen(b->cps[l->first + l->count - 1].cp);
}

/* The words of the window's pages read since the last decision join the
 * evidence for the line breaks (each page's once, in reading order). */
static int learn_words(builder *b)
{
    size_t from = b->page_seq[b->pages_learnt], n = b->page_seq[b->n_pages];
    int after = from > 0 ? ends_in_hyphen(b, b->seq[from - 1]) : b->after_hyphen;
    if (!b->evidence && !(b->evidence = linebreak_evidence_new()))
        return -1;
    if (linebreak_evidence_add(b->evidence, b->cps, b->lines, b->seq + from, n - from, after)
        < 0)
        return -1;
    b->pages_learnt = b->n_pages;
    return 0;
}

/* Drops the window's furniture and puts its kept lines in reading order,
 * page by page (page_seq), with what goes after each (seps). */
static int decide_window(builder *b)
{
    for (size_t i = 0; i < b->n_lines; i++) {
        b->lines[i].dropped = 0;   /* decided again with the pages read since */
        b->lines[i].head = 0;
    }
    if (layout_drop_running(b->lines, b->pages, b->n_pages, b->cps) < 0
        || !vec_reserve((void **)&b->seq, &b->cap_seq, b->n_lines + 1, sizeof *b->seq)
        || !vec_reserve((void **)&b->page_seq, &b->cap_page_seq, b->n_pages + 1,
                        sizeof *b->page_seq))
        return -1;
    size_t n = 0;
    for (size_t p = 0; p < b->n_pages; p++) {
        b->page_seq[p] = n;
        long k = layout_reading_order(b->lines, b->cps, &b->pages[p], b->seq + n);
        if (k < 0)
            return -1;
        n += (size_t)k;
    }
    b->page_seq[b->n_pages] = n;
    if (!vec_reserve((void **)&b->seps, &b->cap_seps, n + 1, sizeof *b->seps)
        || learn_words(b) < 0)
        return -1;
    return linebreak_decide_with(b->cps, b->lines, b->seq, n, b->seps, b->evidence);
}

/* Appends n bytes to buf (of length *len and capacity *cap). */
static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (!vec_reserve((void **)buf, cap, *len + n + 1, 1))
        return -1;
    if (n)   /* s may be NULL when n is 0 (an empty line's text) */
        memcpy(*buf + *len, s, n);
    *len += n;
    return 0;
}

static const char *break_text(int sep)
{
    return sep == BREAK_PARAGRAPH ? "\n\n" : sep == BREAK_NEWLINE ? "\n"
           : sep == BREAK_SPACE ? " " : "";
}

/* Writes line seq[k] (its final hyphen dropped when its break says so) to
 * the page's text and lines, after the breaks pending before it; its own
 * break is pending then (the text never ends in one). */
static int put_line(builder *b, size_t k, const window_page *wp)
{
    const layout_line *l = &b->lines[b->seq[k]];
    const line_render *r = &b->renders[b->seq[k]];
    size_t n = b->seps[k] == BREAK_DEHYPHENATE ? r->cut : r->len;
    if (n > 0) {   /* an empty line leaves the breaks pending */
        if (append(&b->page_text, &b->page_len, &b->cap_page_text, b->pending, b->n_pending) < 0)
            return -1;
        b->n_pending = 0;
    }
    if (b->out_len + b->page_len + n + 2 > UINT32_MAX   /* the lines' offsets are 32 bits */
        || !vec_reserve((void **)&b->out_lines, &b->cap_out_lines, b->n_out_lines + 1,
                        sizeof *b->out_lines))
        return -1;
    extract_line *ol = &b->out_lines[b->n_out_lines++];
    ol->start = (uint32_t)(b->out_len + b->page_len);
    if (append(&b->page_text, &b->page_len, &b->cap_page_text, b->text + r->start, n) < 0)
        return -1;
    ol->end = (uint32_t)(b->out_len + b->page_len);
    ol->page = l->page;
    ol->x0 = l->x0;
    ol->y0 = l->y0;
    ol->x1 = l->x1;
    ol->y1 = l->y1;
    ol->box_at = r->box_at - (uint32_t)wp->box_at;
    ol->n_words = n < r->len ? extract_count_pieces(b->text + r->start, n) : r->n_words;
    const char *sep = break_text(b->seps[k]);
    return append(&b->pending, &b->n_pending, &b->cap_pending, sep, strlen(sep));
}

/* Writes window page p and gives it to the sink. */
static int hand_out_page(builder *b, size_t p)
{
    const window_page *wp = &b->win[p];
    b->page_len = 0;
    b->n_out_lines = 0;
    for (size_t k = b->page_seq[p]; k < b->page_seq[p + 1]; k++)
        if (put_line(b, k, wp) < 0)
            return -1;
    size_t box_end = p + 1 < b->n_pages ? b->win[p + 1].box_at : b->boxes_len;
    int number = b->pages[p].number;
    extract_page pg = { number, b->page_count, b->page_has_text[number - 1], b->page_text,
                        b->page_len, b->out_len, b->out_lines, b->n_out_lines,
                        b->boxes + wp->box_at, box_end - wp->box_at };
    int rc = b->sink(b->sink_ctx, &pg);
    if (rc < 0) {
        b->sink_rc = rc;
        return -1;
    }
    b->out_len += b->page_len;
    return 0;
}

/* Moves the window's first e pages (handed out) out of the builder's
 * arrays, the indexes into them moved along. */
static void drop_pages(builder *b, size_t e)
{
    const window_page at = b->win[e];
    size_t first_line = b->pages[e].first_line;
    b->n_lines -= first_line;
    if (b->n_lines)
        memmove(b->lines, b->lines + first_line, b->n_lines * sizeof *b->lines);
    if (b->n_lines)
        memmove(b->renders, b->renders + first_line, b->n_lines * sizeof *b->renders);
    for (size_t i = 0; i < b->n_lines; i++) {
        b->lines[i].first -= at.cps_at;
        b->renders[i].start -= at.text_at;
        b->renders[i].box_at -= (uint32_t)at.box_at;
    }
    b->n_cps -= at.cps_at;
    if (b->n_cps)
        memmove(b->cps, b->cps + at.cps_at, b->n_cps * sizeof *b->cps);
    b->len -= at.text_at;
    if (b->len)
        memmove(b->text, b->text + at.text_at, b->len);
    b->boxes_len -= at.box_at;
    if (b->boxes_len)
        memmove(b->boxes, b->boxes + at.box_at, b->boxes_len);
    b->n_pages -= e;
    if (b->n_pages)
        memmove(b->pages, b->pages + e, b->n_pages * sizeof *b->pages);
    if (b->n_pages)
        memmove(b->win, b->win + e, b->n_pages * sizeof *b->win);
    for (size_t p = 0; p < b->n_pages; p++) {
        b->pages[p].first_line -= first_line;
        b->win[p].cps_at -= at.cps_at;
        b->win[p].text_at -= at.text_at;
        b->win[p].box_at -= at.box_at;
    }
}

/* The pages handed out that stay in the window as the context of the
 * pages after them (a running line's run starts where it is on neither
 * of the two pages before: furniture.c): an eighth of the window. */
static size_t context_pages(const builder *b)
{
    return b->window / 8;
}

int window_page_done(builder *b)
{
    if (b->n_pages < b->window || b->pages_left <= 0)
        return 0;
    /* up to the older three quarters; fewer when fewer pages are left to
     * read, so that the last pages too are decided in a full window */
    size_t keep = b->n_pages / 4 ? b->n_pages / 4 : 1, e = b->n_pages - keep;
    if (b->n_done + (size_t)b->pages_left < e)
        e = b->n_done + (size_t)b->pages_left;
    if (decide_window(b) < 0)
        return -1;
    for (size_t p = b->n_done; p < e; p++)
        if (hand_out_page(b, p) < 0)
            return -1;
    if (b->page_seq[e] > 0)   /* the last line handed out */
        b->after_hyphen = ends_in_hyphen(b, b->seq[b->page_seq[e] - 1]);
    size_t context = context_pages(b) < e ? context_pages(b) : e - 1;   /* room for one */
    drop_pages(b, e - context);
    b->pages_learnt -= e - context;
    b->n_done = context;
    return 0;
}

int window_flush(builder *b)
{
    if (decide_window(b) < 0)
        return -1;
    for (size_t p = b->n_done; p < b->n_pages; p++)
        if (hand_out_page(b, p) < 0)
            return -1;
    return 0;
}

#else
typedef int window_needs_pdf; /* ISO C wants a declaration in every file */
#endif /* DOCTAG_HAVE_PDF */
