/*
 * test_pdf_hostile.c: hostile PDFs written byte by byte: a form bomb (alone,
 * in a threaded batch, and in a threaded caller without the helper
 * program), and 100 pages sharing one content stream.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "doctag.h"
#include "pdftest.h"
#include "testutil.h"

static char *stream_obj(const char *dict, const char *data)
{
    return path_of("<< %s /Length %zu >>\nstream\n%s\nendstream", dict, strlen(data), data);
}


/* 28 forms, each drawing the next twice: 2^27 draws of one word. */
static void write_form_bomb(const char *path)
{
    enum { DEPTH = 28 };
    char *objs[5 + DEPTH], xo[DEPTH * 16] = "", res[DEPTH * 16 + 64];
    size_t xl = 0;
    for (int i = 0; i < DEPTH; i++)
        xl += (size_t)snprintf(xo + xl, sizeof xo - xl, "/X%d %d 0 R ", i, 6 + i);
    snprintf(res, sizeof res, "<< /Font << /F1 4 0 R >> /XObject << %s>> >>", xo);
    objs[0] = path_of("<< /Type /Catalog /Pages 2 0 R >>");
    objs[1] = path_of("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objs[2] = path_of("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s "
                      "/Contents 5 0 R >>", res);
    objs[3] = path_of("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs[4] = stream_obj("", "BT /F1 12 Tf 72 720 Td (A page of forms) Tj ET /X0 Do");
    for (int i = 0; i < DEPTH; i++) {
        char data[64], dict[DEPTH * 16 + 160];
        if (i + 1 < DEPTH)
            snprintf(data, sizeof data, "/X%d Do /X%d Do", i + 1, i + 1);
        else
            snprintf(data, sizeof data, "BT /F1 12 Tf 72 700 Td (Hello) Tj ET");
        snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                 "/Resources %s", res);
        objs[5 + i] = stream_obj(dict, data);
    }
    test_write_pdf(path, objs, 5 + DEPTH);
    for (int i = 0; i < 5 + DEPTH; i++)
        free(objs[i]);
}

Test(extract_hostile, form_bomb_ends_with_a_limit_error_and_the_next_file_is_read,
     .timeout = 120)
{
    if (RUNNING_ON_VALGRIND)
        cr_skip_test("the page budget is 50 times wider under valgrind");
    char *dir = test_tmpdir(), *bomb = path_of("%s/bomb.pdf", dir);
    write_form_bomb(bomb);
    /* The page budget needs a single-threaded process (pages.c: a fork
     * copies other threads' locks), which a Criterion worker is not: the
     * CLI, as a batch of two files, is what is checked. */
    const char *cli = getenv("DOCTAG_CLI");
    if (!cli)
        cr_skip_test("DOCTAG_CLI is not set");
    /* a normal PDF after it, in the same run of the CLI */
    char *objs[5];
    objs[0] = path_of("<< /Type /Catalog /Pages 2 0 R >>");
    objs[1] = path_of("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objs[2] = path_of("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                      "<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
    objs[3] = path_of("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs[4] = stream_obj("", "BT /F1 12 Tf 72 720 Td (The report of UNICEF.) Tj ET");
    char *ok = path_of("%s/ok.pdf", dir);
    test_write_pdf(ok, objs, 5);
    for (int i = 0; i < 5; i++)
        free(objs[i]);
    test_run("'%s' tag '%s' '%s' >'%s/out' 2>'%s/err'", cli, bomb, ok, dir, dir);
    char *out = path_of("%s/out", dir), *err = path_of("%s/err", dir);
    char *o = test_read_file(out, NULL), *e = test_read_file(err, NULL);
    cr_assert(o && e);
    cr_expect(strstr(e, "bomb.pdf") && strstr(e, "page 1"), "stderr: %s", e);
    cr_expect(strstr(o, "\"UNICEF\"") != NULL, "the next file is tagged: %s", o);
    free(o);
    free(e);
    free(out);
    free(err);
    free(ok);
    free(bomb);
    free(dir);
}

/* A one-page PDF saying "The report of UNICEF." at path. */
static void write_small_pdf(const char *path)
{
    char *objs[5];
    objs[0] = path_of("<< /Type /Catalog /Pages 2 0 R >>");
    objs[1] = path_of("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objs[2] = path_of("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                      "<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
    objs[3] = path_of("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs[4] = stream_obj("", "BT /F1 12 Tf 72 720 Td (The report of UNICEF.) Tj ET");
    test_write_pdf(path, objs, 5);
    for (int i = 0; i < 5; i++)
        free(objs[i]);
}

/* doctag batch runs worker threads: there the pages are read by the helper
 * program (pages.h), under the same budget: 4 s of CPU time for the bomb's
 * page (no timing asserted here: tests are not timed, and a loaded machine
 * stretches the wall time). */
Test(extract_hostile, form_bomb_in_a_threaded_batch_ends_with_a_limit_error, .timeout = 120)
{
    if (RUNNING_ON_VALGRIND)
        cr_skip_test("the page budget is 50 times wider under valgrind");
    const char *cli = getenv("DOCTAG_CLI");
    if (!cli || !getenv("DOCTAG_PDF_READER"))
        cr_skip_test("DOCTAG_CLI or DOCTAG_PDF_READER is not set");
    char *dir = test_tmpdir(), *bomb = path_of("%s/a-bomb.pdf", dir);
    char *ok = path_of("%s/b-ok.pdf", dir);
    write_form_bomb(bomb);
    write_small_pdf(ok);
    test_run("'%s' batch -q -j 2 -o '%s/out' '%s' '%s' 2>'%s/err'", cli, dir, bomb, ok, dir);
    char *out = path_of("%s/out", dir), *err = path_of("%s/err", dir);
    char *o = test_read_file(out, NULL), *e = test_read_file(err, NULL);
    cr_assert(o && e);
    cr_expect(strstr(e, "a-bomb.pdf") && strstr(e, "page 1") && strstr(e, "limit"),
              "stderr: %s", e);
    cr_expect(strstr(o, "\"UNICEF\"") != NULL, "the next file is tagged: %s", o);
    free(o);
    free(e);
    free(out);
    free(err);
    free(ok);
    free(bomb);
    free(dir);
}

/* A Criterion worker runs threads too: the library call itself stops the
 * bomb through the helper; without the helper ($DOCTAG_PDF_READER empty)
 * a normal PDF is still read, in process. */
Test(extract_hostile, threaded_caller_gets_the_budget_and_reads_without_the_helper,
     .timeout = 120)
{
    if (RUNNING_ON_VALGRIND)
        cr_skip_test("the page budget is 50 times wider under valgrind");
    if (!getenv("DOCTAG_PDF_READER"))
        cr_skip_test("DOCTAG_PDF_READER is not set");
    char *dir = test_tmpdir(), *bomb = path_of("%s/bomb.pdf", dir);
    char *ok = path_of("%s/ok.pdf", dir);
    write_form_bomb(bomb);
    write_small_pdf(ok);
    doctag_doc *d = NULL;
    cr_expect_eq(doctag_doc_from_pdf_file(&d, bomb, NULL), DOCTAG_ERR_PDF_LIMIT, "%s",
                 doctag_last_error());
    cr_expect_null(d);
    cr_assert_eq(setenv("DOCTAG_PDF_READER", "", 1), 0);
    cr_assert_eq(doctag_doc_from_pdf_file(&d, ok, NULL), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect(strstr(doctag_doc_text(d, NULL), "UNICEF") != NULL);
    doctag_doc_free(d);
    free(ok);
    free(bomb);
    free(dir);
}

/* 100 pages sharing one content stream of 3,900 short lines: every line
 * recurs on every page, the case that made the running-line step
 * quadratic. All of it is furniture by the rules (the same text at the
 * same place on every page) except what differs; the call must finish. */
Test(extract_hostile, hundred_pages_sharing_one_stream, .timeout = 240)
{
    char *dir = test_tmpdir(), *pdf = path_of("%s/many.pdf", dir);
    size_t cap = 3900 * 40, len = 0;
    char *data = malloc(cap);
    len += (size_t)snprintf(data + len, cap - len, "BT /F1 4 Tf");
    for (int k = 0; k < 3900; k++)
        len += (size_t)snprintf(data + len, cap - len, " 1 0 0 1 %d %d Tm (w%d) Tj",
                                20 + (k % 26) * 22, 780 - (k / 26) * 5, k % 97);
    snprintf(data + len, cap - len, " ET");
    char kids[100 * 12] = "", *objs[104];
    size_t kl = 0;
    for (int p = 0; p < 100; p++)
        kl += (size_t)snprintf(kids + kl, sizeof kids - kl, "%d 0 R ", 5 + p);
    objs[0] = path_of("<< /Type /Catalog /Pages 2 0 R >>");
    objs[1] = path_of("<< /Type /Pages /Kids [%s] /Count 100 >>", kids);
    objs[2] = path_of("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs[3] = stream_obj("", data);
    for (int p = 0; p < 100; p++)
        objs[4 + p] = path_of("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                              "<< /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
    test_write_pdf(pdf, objs, 104);
    for (int i = 0; i < 104; i++)
        free(objs[i]);
    free(data);
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_file(&doc, pdf, NULL);
    cr_expect(rc == DOCTAG_OK || rc == DOCTAG_ERR_PDF_NO_TEXT, "%s (%s)", doctag_strerror(rc),
              doctag_last_error());
    doctag_doc_free(doc);
    free(pdf);
    free(dir);
}
