/*
 * highlight.c: a copy of a PDF with marks highlighted (doctag_pdf_highlight,
 * see doctag.h), with poppler-glib's annotation API: one highlight
 * annotation per mark and page, one quadrilateral per line box, a colour per
 * entity type and the mark's note as the annotation's contents.
 *
 * The PDF is read into memory and opened from there (as extract.c does), so
 * the output may be the input file itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "file.h"
#include "doctag_limits.h"

/* One colour per type (doctag_type order), light enough to read through. */
static const unsigned default_rgb[DOCTAG_TYPE_COUNT] = {
    0x7ddc6f, /* money: green */
    0x6fb8f0, /* un_symbol: blue */
    0xffb74d, /* agency: orange */
    0xc79af0, /* instrument: purple */
};

DOCTAG_API unsigned doctag_type_color(int type)
{
    return type >= 0 && type < DOCTAG_TYPE_COUNT ? default_rgb[type] : 0xffff00;
}

#if !DOCTAG_HAVE_PDF

DOCTAG_API int doctag_pdf_highlight(const char *pdf_path, const char *password,
                                    const doctag_highlight *marks, size_t n,
                                    const char *out_path)
{
    (void)password;
    (void)marks;
    (void)n;
    (void)out_path;
    error_clear();
    return error_set(DOCTAG_ERR_UNSUPPORTED, "%s: this libdoctag was built without PDF support",
                     pdf_path ? pdf_path : "<null>");
}

#else /* DOCTAG_HAVE_PDF */

#include <poppler.h>

/* Opens the PDF held in `data` (which must outlive the document). */
static int open_pdf(PopplerDocument **out, const char *path, const char *data, size_t len,
                    const char *password)
{
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, len);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(bytes);
    *out = poppler_document_new_from_stream(stream, (goffset)len, password, NULL, &err);
    g_object_unref(stream);
    g_bytes_unref(bytes);
    if (*out)
        return DOCTAG_OK;
    int enc = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
    int rc = enc ? error_set(DOCTAG_ERR_PDF_ENCRYPTED, "%s: encrypted PDF: %s", path,
                             password ? "wrong password" : "password needed")
                 : error_set(DOCTAG_ERR_PDF_CORRUPT, "%s: damaged PDF: %s", path,
                             err && err->message ? err->message : "poppler cannot open it");
    if (err)
        g_error_free(err);
    return rc;
}

/* One highlight annotation on `page` over the mark's boxes on that page.
 * Boxes are top-left based; annotations are in PDF space (bottom-left,
 * relative to the crop box: poppler-glib adds its offset). */
static int add_annot(PopplerDocument *doc, const doctag_highlight *m, int page_no)
{
    PopplerPage *page = poppler_document_get_page(doc, page_no - 1);
    if (!page)
        return error_set(DOCTAG_ERR_PAGE_RANGE, "highlight: the PDF has no page %d", page_no);
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    GArray *quads = g_array_new(FALSE, FALSE, sizeof(PopplerQuadrilateral));
    PopplerRectangle rect = { 1e9, 1e9, -1e9, -1e9 };
    for (size_t i = 0; i < m->n_boxes; i++) {
        const doctag_box *b = &m->boxes[i];
        if (b->page != page_no)
            continue;
        double top = h - b->y0, bottom = h - b->y1;
        PopplerQuadrilateral q = { { b->x0, top }, { b->x1, top },
                                   { b->x0, bottom }, { b->x1, bottom } };
        g_array_append_val(quads, q);
        rect.x1 = MIN(rect.x1, b->x0);
        rect.y1 = MIN(rect.y1, bottom);
        rect.x2 = MAX(rect.x2, b->x1);
        rect.y2 = MAX(rect.y2, top);
    }
    unsigned rgb = m->rgb ? m->rgb : doctag_type_color(m->type);
    PopplerColor colour = { (guint16)(((rgb >> 16) & 0xff) * 257),
                            (guint16)(((rgb >> 8) & 0xff) * 257), (guint16)((rgb & 0xff) * 257) };
    PopplerAnnot *annot = poppler_annot_text_markup_new_highlight(doc, &rect, quads);
    poppler_annot_set_color(annot, &colour);
    poppler_annot_set_flags(annot, POPPLER_ANNOT_FLAG_PRINT);
    if (m->note)
        poppler_annot_set_contents(annot, m->note);
    poppler_annot_markup_set_label(POPPLER_ANNOT_MARKUP(annot), "doctag");
    poppler_page_add_annot(page, annot);
    g_object_unref(annot);
    g_array_unref(quads);
    g_object_unref(page);
    return DOCTAG_OK;
}

/* Every page a mark's boxes touch, each once, in the boxes' order. */
static int add_mark(PopplerDocument *doc, const doctag_highlight *m, size_t index)
{
    int n_pages = poppler_document_get_n_pages(doc);
    for (size_t i = 0; i < m->n_boxes; i++) {
        int page = m->boxes[i].page, seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = m->boxes[j].page == page;
        if (seen)
            continue;
        if (page < 1 || page > n_pages)
            return error_set(DOCTAG_ERR_PAGE_RANGE, "highlight %zu: page %d, the PDF has %d",
                             index, page, n_pages);
        int rc = add_annot(doc, m, page);
        if (rc != DOCTAG_OK)
            return rc;
    }
    return DOCTAG_OK;
}

/* Writes the document to `path`: created first with fopen, so that a
 * failure has the system's reason; then poppler writes it whole. */
static int save_pdf(PopplerDocument *doc, const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return error_set_errno(DOCTAG_ERR_IO, errno, "cannot create", path);
    fclose(f);
    GError *err = NULL;
    char *abs = g_canonicalize_filename(path, NULL);
    char *uri = g_filename_to_uri(abs, NULL, &err);
    int ok = uri && poppler_document_save(doc, uri, &err);
    int rc = ok ? DOCTAG_OK
                : error_set(DOCTAG_ERR_IO, "cannot write %s: %s", path,
                            err && err->message ? err->message : "poppler cannot save it");
    if (err)
        g_error_free(err);
    g_free(uri);
    g_free(abs);
    return rc;
}

DOCTAG_API int doctag_pdf_highlight(const char *pdf_path, const char *password,
                                    const doctag_highlight *marks, size_t n,
                                    const char *out_path)
{
    error_clear();
    if (!pdf_path || !out_path || (n && !marks))
        return error_set(DOCTAG_ERR_ARG, "doctag_pdf_highlight: NULL argument");
    char *data = NULL;
    size_t len = 0;
    PopplerDocument *doc = NULL;
    int rc = file_read_all(pdf_path, &data, &len, LIMIT_MAX_INPUT_BYTES);
    if (rc != DOCTAG_OK)
        return rc;
    rc = open_pdf(&doc, pdf_path, data, len, password);
    for (size_t i = 0; rc == DOCTAG_OK && i < n; i++)
        rc = add_mark(doc, &marks[i], i);
    if (rc == DOCTAG_OK)
        rc = save_pdf(doc, out_path);
    if (doc)
        g_object_unref(doc);
    free(data);
    return rc;
}

#endif /* DOCTAG_HAVE_PDF */
