/*
 * test_pdf_stream.c: a PDF streamed a window of pages at a time
 * (doctag_stream_pdf_file / _buffer) gives the text, page starts and
 * entities (with their boxes) of the whole document read at once
 * (doctag_doc_from_pdf_file + doctag_tag), byte for byte: with the default
 * window, and with windows of 2, 3 and 5 pages on a 10-page report whose
 * running header and page numbers must go and whose word hyphenated across
 * a page break must be re-joined (the decisions made a window at a time);
 * each piece tagged is announced (on_tagged) after its entities, the last
 * at the text's end; a callback's nonzero return stops the stream at once
 * and is returned,
 * with every page reader ended (valgrind: no leak); bad options are
 * refused. The PDFs are written here byte by byte.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctag.h"
#include "testutil.h"

#define N_PAGES 10
#define HYPHEN_PAGE 3   /* its last line ends in "pro-", the next page's starts "gramme" */

/* ---- Writing the PDF -------------------------------------------------------- */

/* Page p: a running header, a paragraph naming agencies, sums and a UN
 * symbol (each line worded for its page), the page number at the foot. */
static char *page_content(int p)
{
    test_buf b = { 0 };
    test_buf_printf(&b, "BT /F1 9 Tf 72 760 Td (Annual Review of Programme Budgets) Tj ET ");
    test_buf_printf(&b, "BT /F1 11 Tf 72 600 Td 14 TL ");
    if (p == HYPHEN_PAGE + 1)
        test_buf_printf(&b, "(gramme office of page %d kept %d files for the auditors.) Tj T* ", p, p);
    test_buf_printf(&b, "(Section %d: the UNICEF programme office reviewed %d reports) Tj T* ", p, 2 * p);
    test_buf_printf(&b, "(and the World Health Organization paid $%d.5 million to it) Tj T* ", p + 1);
    test_buf_printf(&b, "(under case A/HRC/%d/%d, examined in the year 20%02d by) Tj T* ", 40 + p, p, p);
    test_buf_printf(&b, "(%d independent examiners of the programme, who found %d) Tj T* ", p + 2, 3 * p);
    if (p == HYPHEN_PAGE)
        test_buf_printf(&b, "(files missing from the records kept for the budget of the pro-) Tj ET ");
    else
        test_buf_printf(&b, "(files missing from the %d records of the office.) Tj ET ", 5 * p);
    test_buf_printf(&b, "BT /F1 9 Tf 290 40 Td (Page %d) Tj ET", p);
    return test_buf_take(&b);
}

static char *stream_of(const char *data)
{
    test_buf b = { 0 };
    test_buf_printf(&b, "<< /Length %zu >>\nstream\n%s\nendstream", strlen(data), data);
    return test_buf_take(&b);
}

static void write_report(const char *path)
{
    size_t n = 3 + 2 * N_PAGES;
    char **objs = calloc(n, sizeof *objs);
    test_buf kids = { 0 }, pages = { 0 };
    for (int p = 1; p <= N_PAGES; p++)
        test_buf_printf(&kids, "%d 0 R ", 2 + 2 * p);
    objs[0] = strdup("<< /Type /Catalog /Pages 2 0 R >>");
    test_buf_printf(&pages, "<< /Type /Pages /Kids [%s] /Count %d >>", kids.s, N_PAGES);
    objs[1] = test_buf_take(&pages);
    objs[2] = strdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int p = 1; p <= N_PAGES; p++) {
        test_buf page = { 0 };
        test_buf_printf(&page, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            "<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 3 + 2 * p);
        objs[1 + 2 * p] = test_buf_take(&page);
        char *content = page_content(p);
        objs[2 + 2 * p] = stream_of(content);
        free(content);
    }
    test_write_pdf(path, objs, n);
    for (size_t i = 0; i < n; i++)
        free(objs[i]);
    free(objs);
    free(kids.s);
}

static char report[] = "/tmp/doctag-test-stream-XXXXXX.pdf";
static int written;

static const char *report_path(void)
{
    char *path = report;
    if (!written) {
        int fd = mkstemps(path, 4);
        cr_assert(fd >= 0);
        close(fd);
        write_report(path);
        written = 1;
    }
    return path;
}

static void remove_report(void)
{
    if (written)
        unlink(report);
}

TestSuite(pdf_stream, .fini = remove_report);

/* ---- What a reading gives ------------------------------------------------------ */

static void put_entity(test_buf *b, const doctag_entity *e)
{
    test_buf_printf(b, "%d %s %zu %zu %s", doctag_entity_type(e), doctag_entity_text(e),
        doctag_entity_start(e), doctag_entity_end(e), doctag_entity_canonical(e));
    for (size_t k = 0; k < doctag_entity_box_count(e); k++) {
        doctag_box x;
        cr_assert_eq(doctag_entity_box(e, k, &x), DOCTAG_OK);
        test_buf_printf(b, " [%d %a %a %a %a]", x.page, x.x0, x.y0, x.x1, x.y1);
    }
    test_buf_printf(b, "\n");
}

/* The whole document at once: its text, each page's start and text
 * layer, its entities. */
static char *whole_reading(const char *path)
{
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, path, NULL), DOCTAG_OK, "%s",
                 doctag_last_error());
    test_buf b = { 0 };
    test_buf_printf(&b, "%s\n", doctag_doc_text(doc, NULL));
    for (int p = 1; p <= doctag_doc_page_count(doc); p++) {
        size_t at = 0;
        cr_assert_eq(doctag_doc_page_start(doc, p, &at), DOCTAG_OK);
        test_buf_printf(&b, "page %d: %zu %d\n", p, at, doctag_doc_page_has_text(doc, p));
    }
    doctag_result *res = NULL;
    cr_assert_eq(doctag_tag(&res, test_model(), doc), DOCTAG_OK, "%s", doctag_last_error());
    for (size_t i = 0; i < doctag_result_count(res); i++)
        put_entity(&b, doctag_result_entity(res, i));
    doctag_result_free(res);
    doctag_doc_free(doc);
    return test_buf_take(&b);
}

/* The same gathered from a stream's callbacks. */
typedef struct gathered {
    test_buf text, pages, entities;
    size_t len;              /* text so far: each page's offset must be it */
    size_t tagged;           /* the last on_tagged end */
    size_t last_start;       /* the last entity's start */
    int n_pages, n_entities, n_tagged;
    int stop_page, stop_entity, stop_tagged, stop_value;   /* stop there with that value */
} gathered;

static int on_page(void *ctx, const doctag_page_text *pg)
{
    gathered *g = ctx;
    cr_assert_eq(pg->offset, g->len, "page %d follows the text before", pg->page);
    cr_assert(pg->start >= pg->offset && pg->start <= pg->offset + pg->len);
    cr_assert_eq(pg->page, g->n_pages + 1, "pages in order");
    cr_assert(pg->n_lines > 0 && pg->has_text, "every page of the report has lines");
    test_buf_printf(&g->text, "%.*s", (int)pg->len, pg->text);
    g->len += pg->len;
    test_buf_printf(&g->pages, "page %d: %zu %d\n", pg->page, pg->start, pg->has_text);
    g->n_pages++;
    return g->stop_page == g->n_pages ? g->stop_value : 0;
}

static int on_entity(void *ctx, const doctag_entity *e)
{
    gathered *g = ctx;
    cr_assert(doctag_entity_end(e) <= g->len, "an entity comes after its page");
    cr_assert(doctag_entity_start(e) >= g->tagged, "an entity comes after the text tagged");
    g->last_start = doctag_entity_start(e);
    put_entity(&g->entities, e);
    g->n_entities++;
    return g->stop_entity == g->n_entities ? g->stop_value : 0;
}

static int on_tagged(void *ctx, size_t end)
{
    gathered *g = ctx;
    cr_assert(end > g->tagged && end <= g->len, "pieces of the text read, in order");
    cr_assert(g->n_entities == 0 || g->last_start < end, "after the piece's entities");
    g->tagged = end;
    g->n_tagged++;
    return g->stop_tagged == g->n_tagged ? g->stop_value : 0;
}

static int stream(const char *path, int window, int readers, gathered *g)
{
    doctag_pdf_options pdf = DOCTAG_PDF_OPTIONS_INIT;
    pdf.readers = readers;
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = &pdf;
    o.model = test_model();
    o.window_pages = window;
    o.on_page = on_page;
    o.on_entity = on_entity;
    o.on_tagged = on_tagged;
    o.ctx = g;
    return doctag_stream_pdf_file(path, &o);
}

static char *stream_reading(const char *path, int window, int readers)
{
    gathered g;
    memset(&g, 0, sizeof g);
    int rc = stream(path, window, readers, &g);
    cr_assert_eq(rc, DOCTAG_OK, "window %d: %s", window, doctag_last_error());
    cr_assert_eq(g.n_pages, N_PAGES);
    cr_assert_eq(g.tagged, g.len, "the last piece tagged ends the text");
    test_buf b = { 0 };
    test_buf_printf(&b, "%s\n%s%s", g.text.s, g.pages.s, g.entities.s ? g.entities.s : "");
    free(g.text.s);
    free(g.pages.s);
    free(g.entities.s);
    return test_buf_take(&b);
}

/* ---- Tests ------------------------------------------------------------------ */

Test(pdf_stream, whole_document_decisions)
{
    char *whole = whole_reading(report_path());
    cr_assert(strstr(whole, "Annual Review") == NULL, "the running header is dropped: %s",
              whole);
    cr_assert(strstr(whole, "Page 2") == NULL, "the page numbers are dropped");
    cr_assert(strstr(whole, "budget of the programme office of page 4"),
              "the word hyphenated across pages 3 and 4 is re-joined: %s", whole);
    cr_assert(strstr(whole, "World Health Organization") && strstr(whole, " ["),
              "entities with boxes");
    free(whole);
}

Test(pdf_stream, same_as_whole_document_in_any_window)
{
    char *whole = whole_reading(report_path());
    const int windows[] = { 0, 2, 3, 5, 8, 9, N_PAGES, N_PAGES + 1 };
    for (size_t i = 0; i < sizeof windows / sizeof windows[0]; i++) {
        char *got = stream_reading(report_path(), windows[i], 1);
        cr_expect_str_eq(got, whole, "window %d", windows[i]);
        free(got);
    }
    char *got = stream_reading(report_path(), 2, 3);
    cr_expect_str_eq(got, whole, "window 2, three readers");
    free(got);
    free(whole);
}

Test(pdf_stream, text_only_without_a_model)
{
    gathered g;
    memset(&g, 0, sizeof g);
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.window_pages = 2;
    o.on_page = on_page;
    o.on_entity = on_entity;
    o.ctx = &g;
    cr_assert_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_OK);
    cr_expect_eq(g.n_pages, N_PAGES);
    cr_expect_eq(g.n_entities, 0, "no model, no entities");
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, report_path(), NULL), DOCTAG_OK);
    cr_expect_str_eq(g.text.s, doctag_doc_text(doc, NULL));
    doctag_doc_free(doc);
    free(g.text.s);
    free(g.pages.s);
}

Test(pdf_stream, a_callback_stops_the_stream)
{
    const int readers[] = { 1, 3 };
    for (size_t r = 0; r < 2; r++) {
        gathered g;
        memset(&g, 0, sizeof g);
        g.stop_page = 3;
        g.stop_value = 7;
        cr_expect_eq(stream(report_path(), 2, readers[r], &g), 7, "the page callback's value");
        cr_expect_eq(g.n_pages, 3, "nothing after the stop");
        free(g.text.s);
        free(g.pages.s);
        free(g.entities.s);

        memset(&g, 0, sizeof g);
        g.stop_entity = 2;
        g.stop_value = -42;
        cr_expect_eq(stream(report_path(), 2, readers[r], &g), -42, "the entity's value");
        cr_expect_eq(g.n_entities, 2, "nothing after the stop");
        free(g.text.s);
        free(g.pages.s);
        free(g.entities.s);

        memset(&g, 0, sizeof g);
        g.stop_tagged = 1;
        g.stop_value = 5;
        cr_expect_eq(stream(report_path(), 2, readers[r], &g), 5, "on_tagged's value");
        free(g.text.s);
        free(g.pages.s);
        free(g.entities.s);
    }
}

/* A version 1 struct has no on_tagged: whatever follows it is not read. */
Test(pdf_stream, version_1_options_without_on_tagged)
{
    gathered g;
    memset(&g, 0, sizeof g);
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.version = 1;
    o.model = test_model();
    o.on_page = on_page;
    o.on_entity = on_entity;
    o.on_tagged = on_tagged;
    o.ctx = &g;
    cr_assert_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_OK);
    cr_expect(g.n_entities > 0);
    cr_expect_eq(g.n_tagged, 0, "on_tagged is not read from a version 1 struct");
    free(g.text.s);
    free(g.pages.s);
    free(g.entities.s);
}

Test(pdf_stream, bad_arguments)
{
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    cr_expect_eq(doctag_stream_pdf_file(NULL, &o), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_stream_pdf_file(report_path(), NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_stream_pdf_buffer(NULL, 5, &o), DOCTAG_ERR_ARG);
    o.window_pages = 1;
    cr_expect_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_ERR_ARG);
    o.window_pages = -3;
    cr_expect_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_ERR_ARG);
    o.window_pages = 0;
    o.version = 99;
    cr_expect_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_ERR_ARG);
    o.version = DOCTAG_STREAM_OPTIONS_VERSION;
    cr_expect_eq(doctag_stream_pdf_buffer("not a pdf", 9, &o), DOCTAG_ERR_NOT_PDF);
    cr_expect_eq(doctag_stream_pdf_file("/nonexistent/x.pdf", &o), DOCTAG_ERR_IO);
    cr_expect_eq(doctag_stream_pdf_file(report_path(), &o), DOCTAG_OK, "no callback: fine");
}
