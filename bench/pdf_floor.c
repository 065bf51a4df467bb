/*
 * pdf_floor.c: the floor for doctag's PDF extraction: what poppler-glib
 * alone costs. For each page it asks poppler for the text and the
 * character boxes (as doctag does, through the same calls) and writes the
 * text out; nothing else. bench/bench_pdf.sh runs it beside `doctag text`
 * and pdftotext.
 *
 *   pdf_floor FILE.pdf > text
 *
 * Why the floor is above pdftotext on some files: poppler-glib gives the
 * text of one PopplerPage at a time, and each page's text is made by a new
 * TextOutputDev (poppler_page_get_text, _get_text_layout and the other
 * text calls all go through it; poppler-glib 22.12 has no document-wide
 * text call and no option to share one). poppler keeps its cache of ICC
 * colour spaces in the OutputDev, so an ICC profile is parsed and its lcms2
 * transform built again on every page; pdftotext keeps one TextOutputDev
 * for the document. On upr-info-beyond-promises.pdf (84 pages, Quartz,
 * ICC colour spaces on every page), callgrind: this program makes 84
 * TextOutputDevs and 316 cmsCreateTransform calls, 58% of its 2.89 G
 * instructions; pdftotext makes 1 and 4 (2% of 1.09 G). CPU time 381 ms
 * against 152 ms.
 *
 * What it is not, and what was tried (poppler 22.12, callgrind call counts):
 * the file has no /OutputIntents (its catalog is /Pages /Type /Version), and
 * the display profile is set once per Gfx, that is per page, in pdftotext
 * too (84 GfxState::setDisplayProfile in both; Gfx::Gfx 179 M against 199 M
 * instructions). The difference is GfxICCBasedColorSpace::buildTransforms,
 * reached on a miss of the OutputDev's ICC cache: 158 calls against 2 (its
 * two ICCBased spaces, sRGB and Generic Gray, on 79 pages), 1680 M against
 * 21 M instructions. A copy with those two spaces made DeviceRGB and
 * DeviceGray gives the same text, and this program 913 M instructions
 * against pdftotext's 865 M (1.05x; `doctag text` 1062 M, 1.23x).
 * The one glib call that reuses an OutputDev across pages is
 * poppler_page_render(): the document's CairoOutputDev fills the page's
 * text as it draws, and poppler_page_get_text() then reads it (same text
 * and boxes on the ten real-world PDFs); but drawing converts every image
 * through the ICC transforms, 3.0 s of CPU against 0.94 s on this file.
 */
#include <poppler.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: pdf_floor FILE.pdf\n");
        return 2;
    }
    GError *err = NULL;
    GFile *file = g_file_new_for_commandline_arg(argv[1]);
    PopplerDocument *doc = poppler_document_new_from_gfile(file, NULL, NULL, &err);
    g_object_unref(file);
    if (!doc) {
        fprintf(stderr, "pdf_floor: %s: %s\n", argv[1], err ? err->message : "cannot open");
        if (err)
            g_error_free(err);
        return 1;
    }
    int n = poppler_document_get_n_pages(doc);
    for (int p = 0; p < n; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        if (!page)
            continue;
        char *text = poppler_page_get_text(page);
        PopplerRectangle *rects = NULL;
        guint n_rects = 0;
        if (text && poppler_page_get_text_layout(page, &rects, &n_rects))
            fwrite(text, 1, strlen(text), stdout);
        g_free(rects);
        g_free(text);
        g_object_unref(page);
    }
    g_object_unref(doc);
    return 0;
}
