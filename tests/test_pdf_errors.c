/*
 * test_pdf_errors.c: every way a PDF input can fail, each bad input made
 * here: truncated, encrypted (qpdf), image-only (hand-made, and scanned
 * with ghostscript + img2pdf when present), not a PDF, empty, no pages,
 * pages out of range. Each failure names the file in doctag_last_error().
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctag.h"
#include "testutil.h"

/* ---- Making PDFs by hand ------------------------------------------------- */

/* A PDF from its objects (numbered from 1; object 1 is the catalog), with a
 * correct cross-reference table. Returns a malloc'd buffer. */
static char *pdf_build(const char *const *objs, size_t n, size_t *len)
{
    size_t cap = 4096;
    for (size_t i = 0; i < n; i++)
        cap += strlen(objs[i]) + 64;
    char *b = malloc(cap);
    size_t *off = malloc((n + 1) * sizeof *off);
    size_t l = (size_t)snprintf(b, cap, "%%PDF-1.4\n%%\xE2\xE3\xCF\xD3\n");
    for (size_t i = 0; i < n; i++) {
        off[i] = l;
        l += (size_t)snprintf(b + l, cap - l, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xref = l;
    l += (size_t)snprintf(b + l, cap - l, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
    for (size_t i = 0; i < n; i++)
        l += (size_t)snprintf(b + l, cap - l, "%010zu 00000 n \n", off[i]);
    l += (size_t)snprintf(b + l, cap - l,
                          "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
                          xref);
    free(off);
    *len = l;
    return b;
}

static char *stream_obj(const char *content)
{
    char *o = malloc(strlen(content) + 64);
    sprintf(o, "<< /Length %zu >>\nstream\n%s\nendstream", strlen(content), content);
    return o;
}

#define TEXT_CONTENT                                                                  \
    "BT /F1 12 Tf 72 700 Td (The Department of Homeland Security signed a contract) Tj " \
    "0 -16 Td (worth $91.9 million with a data broker in 2019.) Tj ET"
#define IMAGE_CONTENT                                                                 \
    "q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\xF0\xF0\x10 EI Q"

/* Page one: text; with `image_page`, a second page holding only an image. */
static char *text_pdf(int image_page, size_t *len)
{
    char *text = stream_obj(TEXT_CONTENT), *image = stream_obj(IMAGE_CONTENT);
    const char *objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        image_page ? "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
                   : "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        text,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>",
        image,
    };
    char *b = pdf_build(objs, image_page ? 7 : 5, len);
    free(text);
    free(image);
    return b;
}

static char *image_only_pdf(size_t *len)
{
    char *image = stream_obj(IMAGE_CONTENT);
    const char *objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        image,
    };
    char *b = pdf_build(objs, 4, len);
    free(image);
    return b;
}

static char *no_pages_pdf(size_t *len)
{
    const char *objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
    };
    return pdf_build(objs, 2, len);
}

/* ---- Helpers ------------------------------------------------------------- */

static char *write_file(const char *dir, const char *name, const void *data, size_t len)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    if (len)
        cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

/* Opens `path` and expects error `want`, with the path in the message. */
static void expect_file_error(const char *path, const doctag_pdf_options *opts, int want)
{
    doctag_doc *doc = (doctag_doc *)1;
    int rc = doctag_doc_from_pdf_file(&doc, path, opts);
    cr_expect_eq(rc, want, "%s: got %d (%s), want %d (%s); message: %s", path, rc,
                 doctag_strerror(rc), want, doctag_strerror(want), doctag_last_error());
    cr_expect_null(doc, "*out is NULL after a failure");
    cr_expect(strstr(doctag_last_error(), path) != NULL, "message \"%s\" does not name %s",
              doctag_last_error(), path);
    if (rc == DOCTAG_OK)
        doctag_doc_free(doc);
}

static void expect_buffer_error(const void *data, size_t len, const doctag_pdf_options *opts,
                                int want)
{
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_buffer(&doc, data, len, opts);
    cr_expect_eq(rc, want, "got %d (%s), want %d (%s); message: %s", rc, doctag_strerror(rc),
                 want, doctag_strerror(want), doctag_last_error());
    cr_expect(strstr(doctag_last_error(), "<buffer>") != NULL, "message \"%s\" names no input",
              doctag_last_error());
    if (rc == DOCTAG_OK)
        doctag_doc_free(doc);
}

/* ---- The tests ------------------------------------------------------------- */

Test(pdf_errors, hand_made_pdf_is_fine)
{
    size_t len;
    char *pdf = text_pdf(0, &len);
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_buffer(&doc, pdf, len, NULL);
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    const char *t = doctag_doc_text(doc, NULL);
    cr_expect(strstr(t, "Homeland Security signed a contract") != NULL, "text: %s", t);
    cr_expect_eq(doctag_doc_page_count(doc), 1);
    cr_expect_eq(doctag_doc_pages_without_text(doc), 0);
    doctag_doc_free(doc);
    free(pdf);
}

Test(pdf_errors, truncated)
{
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = text_pdf(0, &len);
    char *path = write_file(dir, "truncated.pdf", pdf, len / 2);
    expect_file_error(path, NULL, DOCTAG_ERR_PDF_CORRUPT);
    expect_buffer_error(pdf, len / 2, NULL, DOCTAG_ERR_PDF_CORRUPT);
    free(path);

    const char *shared = test_shared_dir();
    if (shared) {
        char corpus[4096];
        snprintf(corpus, sizeof corpus, "%s/corpus/pdf/idp-ccr-ohchr-submission.pdf", shared);
        size_t clen;
        char *c = test_read_file(corpus, &clen);
        cr_assert_not_null(c);
        path = write_file(dir, "corpus-half.pdf", c, clen / 2);
        expect_file_error(path, NULL, DOCTAG_ERR_PDF_CORRUPT);
        free(path);
        free(c);
    }
    free(pdf);
    free(dir);
}

Test(pdf_errors, encrypted)
{
    if (!test_have_program("qpdf"))
        cr_skip_test("qpdf missing: apt-get install qpdf");
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = text_pdf(0, &len);
    char *plain = write_file(dir, "plain.pdf", pdf, len);
    cr_assert_eq(test_run("cd '%s' && qpdf --encrypt user owner 256 -- plain.pdf locked.pdf", dir), 0);
    char locked[4096];
    snprintf(locked, sizeof locked, "%s/locked.pdf", dir);

    expect_file_error(locked, NULL, DOCTAG_ERR_PDF_ENCRYPTED);
    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    o.password = "not-the-password";
    expect_file_error(locked, &o, DOCTAG_ERR_PDF_ENCRYPTED);

    o.password = "user";
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_file(&doc, locked, &o);
    cr_assert_eq(rc, DOCTAG_OK, "right password: %s", doctag_last_error());
    cr_expect(strstr(doctag_doc_text(doc, NULL), "$91.9 million") != NULL);
    doctag_doc_free(doc);
    free(plain);
    free(pdf);
    free(dir);
}

Test(pdf_errors, image_only_has_no_text)
{
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = image_only_pdf(&len);
    char *path = write_file(dir, "image.pdf", pdf, len);
    expect_file_error(path, NULL, DOCTAG_ERR_PDF_NO_TEXT);
    free(path);
    free(pdf);
    free(dir);
}

Test(pdf_errors, scanned_page_has_no_text)
{
    if (!test_have_program("gs") || !test_have_program("img2pdf"))
        cr_skip_test("gs or img2pdf missing: apt-get install ghostscript img2pdf");
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = text_pdf(0, &len);
    char *path = write_file(dir, "page.pdf", pdf, len);
    cr_assert_eq(test_run("cd '%s' && gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pnggray -r100 "
                     "-o scan.png page.pdf && img2pdf scan.png -o scan.pdf", dir), 0,
                 "gs | img2pdf failed");
    char scan[4096];
    snprintf(scan, sizeof scan, "%s/scan.pdf", dir);
    expect_file_error(scan, NULL, DOCTAG_ERR_PDF_NO_TEXT);
    free(path);
    free(pdf);
    free(dir);
}

Test(pdf_errors, partly_scanned_succeeds)
{
    size_t len;
    char *pdf = text_pdf(1, &len);
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_buffer(&doc, pdf, len, NULL);
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(doctag_doc_page_count(doc), 2);
    cr_expect_eq(doctag_doc_pages_without_text(doc), 1);
    cr_expect(doctag_doc_page_has_text(doc, 1));
    cr_expect(!doctag_doc_page_has_text(doc, 2));
    doctag_doc_free(doc);
    free(pdf);
}

Test(pdf_errors, not_a_pdf)
{
    char *dir = test_tmpdir();
    const char *text = "The Department of Homeland Security is not a PDF.\n";
    char *path = write_file(dir, "report.txt", text, strlen(text));
    expect_file_error(path, NULL, DOCTAG_ERR_NOT_PDF);
    expect_buffer_error(text, strlen(text), NULL, DOCTAG_ERR_NOT_PDF);
    free(path);
    free(dir);
}

Test(pdf_errors, empty)
{
    char *dir = test_tmpdir();
    char *path = write_file(dir, "empty.pdf", "", 0);
    expect_file_error(path, NULL, DOCTAG_ERR_EMPTY);
    free(path);
    free(dir);
}

Test(pdf_errors, no_pages)
{
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = no_pages_pdf(&len);
    char *path = write_file(dir, "nopages.pdf", pdf, len);
    expect_file_error(path, NULL, DOCTAG_ERR_PDF_NO_PAGES);
    free(path);
    free(pdf);
    free(dir);
}

Test(pdf_errors, page_range)
{
    char *dir = test_tmpdir();
    size_t len;
    char *pdf = text_pdf(1, &len); /* two pages */
    char *path = write_file(dir, "two.pdf", pdf, len);
    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    o.first_page = 3;
    expect_file_error(path, &o, DOCTAG_ERR_PAGE_RANGE);
    o.first_page = 1;
    o.last_page = 5;
    expect_file_error(path, &o, DOCTAG_ERR_PAGE_RANGE);
    o.first_page = 2;
    o.last_page = 1;
    expect_file_error(path, &o, DOCTAG_ERR_PAGE_RANGE);
    /* page 2 alone is the image: no text there */
    o.first_page = 2;
    o.last_page = 2;
    expect_file_error(path, &o, DOCTAG_ERR_PDF_NO_TEXT);
    /* page 1 alone is fine */
    o.first_page = o.last_page = 1;
    doctag_doc *doc = NULL;
    cr_expect_eq(doctag_doc_from_pdf_file(&doc, path, &o), DOCTAG_OK, "%s", doctag_last_error());
    int first = 0, last = 0;
    cr_expect_eq(doctag_doc_page_range(doc, &first, &last), DOCTAG_OK);
    cr_expect_eq(first, 1);
    cr_expect_eq(last, 1, "only page 1 was read");
    cr_expect_eq(doctag_doc_page_count(doc), 2, "the file has two");
    cr_expect_eq(doctag_doc_pages_without_text(doc), 0, "the image page was not read");
    doctag_doc_free(doc);
    free(path);
    free(pdf);
    free(dir);
}
