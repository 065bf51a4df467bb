/*
 * pages_serve.c: the page reader's side of pages.h: one page loaded from
 * poppler, and the pages of a reader written in the page protocol (by a
 * fork child of pages.c or by the helper program, pdf_reader.c).
 */
#if DOCTAG_HAVE_PDF

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pages.h"

void pages_free(raw_page *rp)
{
    free(rp->text);
    free(rp->boxes);
    memset(rp, 0, sizeof *rp);
}

/* Copies poppler's text and character rectangles into rp. Returns 0, or -1
 * when out of memory (rp then freed). */
static int copy_layout(raw_page *rp, const char *text, const PopplerRectangle *rects, guint n)
{
    rp->text_len = strlen(text);
    rp->text = malloc(rp->text_len + 1);
    rp->boxes = malloc((n ? n : 1) * 4 * sizeof *rp->boxes);
    if (!rp->text || !rp->boxes) {
        pages_free(rp);
        return -1;
    }
    memcpy(rp->text, text, rp->text_len + 1);
    for (guint i = 0; i < n; i++) {
        rp->boxes[4 * i] = (float)rects[i].x1;
        rp->boxes[4 * i + 1] = (float)rects[i].y1;
        rp->boxes[4 * i + 2] = (float)rects[i].x2;
        rp->boxes[4 * i + 3] = (float)rects[i].y2;
    }
    rp->n_boxes = n;
    return 0;
}

int pages_load(PopplerDocument *doc, int number, raw_page *rp)
{
    memset(rp, 0, sizeof *rp);
    rp->number = number;
    PopplerPage *page = poppler_document_get_page(doc, number - 1);
    if (!page)
        return 0;
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    rp->present = 1;
    rp->width = (float)w;
    rp->height = (float)h;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n = 0;
    int rc = 0;
    if (text && poppler_page_get_text_layout(page, &rects, &n))
        rc = copy_layout(rp, text, rects, n);
    g_free(rects);
    g_free(text);
    g_object_unref(page);
    return rc;
}

int pages_write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* This process's CPU time in nanoseconds (the clock the caller reads
 * through clock_getcpuclockid()). */
static int64_t cpu_ns_now(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) < 0)
        return 0;
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int pages_serve(int fd, PopplerDocument *doc, int first, int last, int stride)
{
    if (stride < 1)
        stride = 1;
    for (long p = first; p <= last; p += stride) {
        raw_page rp;
        int ok = pages_load(doc, (int)p, &rp) == 0;
        page_head h = { ok ? (int32_t)p : -1, rp.present, rp.width, rp.height,
                        rp.text_len, rp.n_boxes, cpu_ns_now() };
        int sent = pages_write_all(fd, &h, sizeof h) == 0 && ok
                   && pages_write_all(fd, rp.text, rp.text_len) == 0
                   && pages_write_all(fd, rp.boxes, rp.n_boxes * 4 * sizeof *rp.boxes) == 0;
        pages_free(&rp);
        if (!sent)
            return -1;
    }
    return 0;
}

#else
typedef int pages_serve_needs_pdf; /* ISO C wants a declaration in every file */
#endif /* DOCTAG_HAVE_PDF */
