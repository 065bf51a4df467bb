/*
 * test_pdf_readers.c: a PDF's pages read by several processes at once
 * (doctag_pdf_options.readers, pages.h) give the text, pages, offsets and
 * boxes of one reader byte for byte; a page range is read the same; a page
 * over its budget in one reader ends the document with DOCTAG_ERR_PDF_LIMIT
 * naming that page, leaves no process or descriptor behind, and the next
 * file is read; a version 2 options struct is still accepted.
 *
 * A Criterion worker runs threads, so the library calls here read through
 * the helper program (DOCTAG_PDF_READER, one per reader); the CLI, one
 * thread, forks its readers: both are checked. The PDFs are written here
 * byte by byte (no generator needed).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sched.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <valgrind/valgrind.h>

#include "doctag.h"
#include "pages.h"
#include "testutil.h"

#define N_PAGES 40
#define BOMB_PAGE 6

/* ---- Writing PDFs -------------------------------------------------------- */

static char *stream_of(const char *dict, const char *data)
{
    test_buf b = { 0 };
    test_buf_printf(&b, "<< %s /Length %zu >>\nstream\n%s\nendstream", dict, strlen(data), data);
    return test_buf_take(&b);
}

/* Page p's content: a running header, a paragraph of six lines naming
 * agencies and sums (entities with boxes), set lower on some pages and
 * worded differently on each, a "Page N" footer. */
static char *page_content(int p)
{
    static const char *const words[] = { "regional", "national", "annual", "internal",
                                         "special", "joint", "interim" };
    const char *w = words[p % 7], *v = words[(p + 3) % 7];
    test_buf b = { 0 };
    test_buf_printf(&b, "BT /F1 9 Tf 72 760 Td (Annual Review of Programme Budgets) Tj ET ");
    test_buf_printf(&b, "BT /F1 11 Tf 72 %d Td 14 TL ", 700 - (p % 4) * 30);
    test_buf_printf(&b, "(Section %d: the UNICEF office reviewed %d %s reports) Tj T* ", p, p, w);
    test_buf_printf(&b, "(and the World Health Organization paid $%d.5 million to %s) Tj T* ", p + 1, v);
    test_buf_printf(&b, "(auditors of %s procurement record %d in the year 20%02d.) Tj T* ", w, 7 * p, p);
    test_buf_printf(&b, "(Independent %s examiners of page %d found %d missing files) Tj T* ", v, p,
              3 * p);
    test_buf_printf(&b, "(while the %s Office of the High Commissioner for Human) Tj T* ", w);
    test_buf_printf(&b, "(Rights noted case A/HRC/%d/%d among the %s reports.) Tj ET ", 40 + p % 9, p,
              v);
    test_buf_printf(&b, "BT /F1 9 Tf 290 40 Td (Page %d) Tj ET", p);
    return test_buf_take(&b);
}

/* Forms drawing forms: 2^(DEPTH-1) draws of one word, far over any budget. */
#define DEPTH 28

/* The resources of every page: the font, and with `forms` the forms. */
static char *resources(int forms, int first_form)
{
    test_buf b = { 0 };
    test_buf_printf(&b, "<< /Font << /F1 3 0 R >>");
    if (forms) {
        test_buf_printf(&b, " /XObject << ");
        for (int i = 0; i < DEPTH; i++)
            test_buf_printf(&b, "/X%d %d 0 R ", i, first_form + i);
        test_buf_printf(&b, ">>");
    }
    test_buf_printf(&b, " >>");
    return test_buf_take(&b);
}

/* N_PAGES pages of text (page image_page, if > 0, holds no text); with
 * `bomb`, page BOMB_PAGE also draws the forms. */
static void write_report(const char *path, int image_page, int bomb)
{
    int n_objs = 3 + 2 * N_PAGES + (bomb ? DEPTH : 0), first_form = 4 + 2 * N_PAGES;
    char **objs = calloc((size_t)n_objs, sizeof *objs);
    char *res = resources(bomb, first_form);
    test_buf kids = { 0 };
    for (int p = 1; p <= N_PAGES; p++)
        test_buf_printf(&kids, "%d 0 R ", 2 + 2 * p);
    objs[0] = strdup("<< /Type /Catalog /Pages 2 0 R >>");
    objs[1] = NULL;
    test_buf pages = { 0 };
    test_buf_printf(&pages, "<< /Type /Pages /Kids [%s] /Count %d >>", kids.s, N_PAGES);
    objs[1] = test_buf_take(&pages);
    objs[2] = strdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int p = 1; p <= N_PAGES; p++) {
        test_buf page = { 0 };
        test_buf_printf(&page, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s "
                  "/Contents %d 0 R >>", res, 3 + 2 * p);
        objs[1 + 2 * p] = test_buf_take(&page);
        char *content = p == image_page ? strdup("q 1 0 0 1 0 0 cm Q") : page_content(p);
        if (bomb && p == BOMB_PAGE) {
            test_buf c = { 0 };
            test_buf_printf(&c, "%s /X0 Do", content);
            free(content);
            content = test_buf_take(&c);
        }
        objs[2 + 2 * p] = stream_of("", content);
        free(content);
    }
    for (int i = 0; bomb && i < DEPTH; i++) {
        char data[64];
        if (i + 1 < DEPTH)
            snprintf(data, sizeof data, "/X%d Do /X%d Do", i + 1, i + 1);
        else
            snprintf(data, sizeof data, "BT /F1 12 Tf 72 300 Td (Hello) Tj ET");
        test_buf dict = { 0 };
        test_buf_printf(&dict, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s", res);
        objs[first_form - 1 + i] = stream_of(dict.s, data);
        free(dict.s);
    }
    test_write_pdf(path, objs, (size_t)n_objs);
    for (int i = 0; i < n_objs; i++)
        free(objs[i]);
    free(objs);
    free(kids.s);
    free(res);
}

static char *path_in(const char *dir, const char *name)
{
    test_buf b = { 0 };
    test_buf_printf(&b, "%s/%s", dir, name);
    return test_buf_take(&b);
}

/* ---- What a reading gives ------------------------------------------------ */

/* Everything the API tells of a PDF read with `readers` (the text, the
 * pages read, where each starts, which have text, each entity with its
 * boxes as exact hex floats), or "error N: message". malloc'd. */
static char *reading(const char *path, int first, int last, int readers)
{
    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    o.first_page = first;
    o.last_page = last;
    o.readers = readers;
    doctag_doc *doc = NULL;
    test_buf b = { 0 };
    int rc = doctag_doc_from_pdf_file(&doc, path, &o);
    if (rc != DOCTAG_OK) {
        test_buf_printf(&b, "error %d: %s", rc, doctag_last_error());
        return test_buf_take(&b);
    }
    int from = 0, to = 0;
    cr_assert_eq(doctag_doc_page_range(doc, &from, &to), DOCTAG_OK);
    test_buf_printf(&b, "%s\npages %d of %d: %d-%d\n", doctag_doc_text(doc, NULL),
              doctag_doc_page_count(doc), doctag_doc_pages_without_text(doc), from, to);
    for (int p = from; p <= to; p++) {
        size_t at = 0;
        int rc_at = doctag_doc_page_start(doc, p, &at);
        test_buf_printf(&b, "page %d: %d %zu %d\n", p, rc_at, at, doctag_doc_page_has_text(doc, p));
    }
    doctag_result *res = NULL;
    cr_assert_eq(doctag_tag(&res, test_model(), doc), DOCTAG_OK, "%s", doctag_last_error());
    for (size_t i = 0; i < doctag_result_count(res); i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        test_buf_printf(&b, "%s %zu %zu", doctag_entity_text(e), doctag_entity_start(e),
                  doctag_entity_end(e));
        for (size_t k = 0; k < doctag_entity_box_count(e); k++) {
            doctag_box x;
            cr_assert_eq(doctag_entity_box(e, k, &x), DOCTAG_OK);
            test_buf_printf(&b, " [%d %a %a %a %a]", x.page, x.x0, x.y0, x.x1, x.y1);
        }
        test_buf_printf(&b, "\n");
    }
    doctag_result_free(res);
    doctag_doc_free(doc);
    return test_buf_take(&b);
}

/* Expects readings with 2, 3, 5 and AUTO readers equal to one reader's. */
static void expect_same_readings(const char *path, int first, int last)
{
    char *one = reading(path, first, last, 1);
    cr_assert(strncmp(one, "error", 5) != 0, "%s", one);
    cr_assert(strstr(one, "UNICEF") && strstr(one, "[") != NULL, "entities with boxes: %s",
              one);
    const int readers[] = { 2, 3, 5, DOCTAG_PDF_READERS_AUTO };
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        char *got = reading(path, first, last, readers[i]);
        cr_expect_str_eq(got, one, "readers %d, pages %d-%d", readers[i], first, last);
        free(got);
    }
    free(one);
}

/* The open descriptors of this process. */
static int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    cr_assert_not_null(d);
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* ---- How many readers --------------------------------------------------- */

Test(pdf_readers, how_many_readers)
{
    cr_expect_eq(pages_reader_count(0, 1000), 1, "0: one");
    cr_expect_eq(pages_reader_count(1, 1000), 1);
    cr_expect_eq(pages_reader_count(3, 1000), 3);
    cr_expect_eq(pages_reader_count(3, 17), 2, "one per PAGES_PER_READER (8) pages");
    cr_expect_eq(pages_reader_count(3, 7), 1, "at least one");
    cr_expect_eq(pages_reader_count(1000, 100000), PAGES_MAX_READERS);
    cpu_set_t set;
    cr_assert_eq(sched_getaffinity(0, sizeof set, &set), 0);
    int cpus = CPU_COUNT(&set) < PAGES_AUTO_READERS ? CPU_COUNT(&set) : PAGES_AUTO_READERS;
    cr_expect_eq(pages_reader_count(DOCTAG_PDF_READERS_AUTO, 1000), cpus);
    cr_expect_eq(pages_reader_count(-7, 1000), cpus, "any negative: auto");
}

/* ---- Through the library (the helper program, or in process) ------------ */

Test(pdf_readers, several_readers_read_what_one_reads)
{
    char *dir = test_tmpdir(), *pdf = path_in(dir, "report.pdf");
    write_report(pdf, 9, 0);
    expect_same_readings(pdf, 0, 0);
    free(pdf);
    free(dir);
}

Test(pdf_readers, a_page_range_with_three_readers)
{
    char *dir = test_tmpdir(), *pdf = path_in(dir, "report.pdf");
    write_report(pdf, 0, 0);
    char *one = reading(pdf, 5, 36, 1), *three = reading(pdf, 5, 36, 3);
    cr_expect(strstr(one, "pages 40 of 0: 5-36\n") != NULL, "%s", one);
    cr_expect_str_eq(three, one);
    free(three);
    free(one);
    expect_same_readings(pdf, 2, 39);
    free(pdf);
    free(dir);
}

Test(pdf_readers, several_readers_in_process_without_the_helper)
{
    cr_assert_eq(setenv("DOCTAG_PDF_READER", "", 1), 0);
    char *dir = test_tmpdir(), *pdf = path_in(dir, "report.pdf");
    write_report(pdf, 9, 0);
    expect_same_readings(pdf, 0, 0);
    free(pdf);
    free(dir);
}

/* The options of 0.3 (version 2, without `readers`): still read, as one
 * reader. A smaller struct: reading `readers` from it would be caught by
 * ASan and valgrind. */
Test(pdf_readers, version_2_options_are_accepted)
{
    struct pdf_options_v2 {
        unsigned version;
        const char *password;
        int first_page, last_page;
        const doctag_limits *limits;
    } *v2 = calloc(1, sizeof *v2);
    v2->version = 2;
    v2->first_page = 2;
    v2->last_page = 3;
    char *dir = test_tmpdir(), *pdf = path_in(dir, "report.pdf");
    write_report(pdf, 0, 0);
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, pdf, (const doctag_pdf_options *)v2), DOCTAG_OK,
                 "%s", doctag_last_error());
    int first = 0, last = 0;
    cr_expect_eq(doctag_doc_page_range(doc, &first, &last), DOCTAG_OK);
    cr_expect(first == 2 && last == 3);
    cr_expect(strstr(doctag_doc_text(doc, NULL), "Section 3:") != NULL);
    doctag_doc_free(doc);
    free(v2);
    free(pdf);
    free(dir);
}

Test(pdf_readers, a_page_over_budget_in_one_of_two_readers, .timeout = 120)
{
    if (RUNNING_ON_VALGRIND)
        cr_skip_test("the page budget is 50 times wider under valgrind");
    if (!getenv("DOCTAG_PDF_READER"))
        cr_skip_test("DOCTAG_PDF_READER is not set");
    char *dir = test_tmpdir(), *bomb = path_in(dir, "bomb.pdf"), *ok = path_in(dir, "ok.pdf");
    write_report(bomb, 0, 1);
    write_report(ok, 0, 0);
    int fds = open_fds();
    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    o.readers = 2;
    doctag_doc *doc = NULL;
    cr_expect_eq(doctag_doc_from_pdf_file(&doc, bomb, &o), DOCTAG_ERR_PDF_LIMIT, "%s",
                 doctag_last_error());
    cr_expect(strstr(doctag_last_error(), "page 6:") != NULL, "%s", doctag_last_error());
    cr_expect_null(doc);
    cr_expect_eq(open_fds(), fds, "no descriptor left open");
    errno = 0;
    cr_expect(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD, "no child left");
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, ok, &o), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect(strstr(doctag_doc_text(doc, NULL), "Section 40:") != NULL);
    doctag_doc_free(doc);
    free(ok);
    free(bomb);
    free(dir);
}

/* ---- Through the CLI (one thread: forked readers) ------------------------ */

static char *cli_output(const char *cli, const char *dir, const char *args, const char *name)
{
    char *out = path_in(dir, name);
    test_run("'%s' %s >'%s' 2>&1", cli, args, out);
    char *got = test_read_file(out, NULL);
    cr_assert_not_null(got);
    free(out);
    return got;
}

Test(pdf_readers, the_cli_forks_readers_that_read_what_one_reads)
{
    const char *cli = getenv("DOCTAG_CLI");
    if (!cli)
        cr_skip_test("DOCTAG_CLI is not set");
    char *dir = test_tmpdir(), *pdf = path_in(dir, "report.pdf");
    write_report(pdf, 9, 0);
    static const char *const commands[] = { "text", "tag", "tag --pages 4-37" };
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        char args[8192];
        snprintf(args, sizeof args, "%s --pdf-readers 1 '%s'", commands[c], pdf);
        char *one = cli_output(cli, dir, args, "one");
        cr_expect(strstr(one, "UNICEF") != NULL, "%s", one);
        static const char *const readers[] = { "2", "3", "auto" };
        for (size_t r = 0; r < 3; r++) {
            snprintf(args, sizeof args, "%s --pdf-readers %s '%s'", commands[c], readers[r], pdf);
            char *got = cli_output(cli, dir, args, "got");
            cr_expect_str_eq(got, one, "%s", args);
            free(got);
        }
        free(one);
    }
    free(pdf);
    free(dir);
}

Test(pdf_readers, the_cli_stops_a_page_over_budget_in_one_of_two_readers, .timeout = 120)
{
    if (RUNNING_ON_VALGRIND)
        cr_skip_test("the page budget is 50 times wider under valgrind");
    const char *cli = getenv("DOCTAG_CLI");
    if (!cli)
        cr_skip_test("DOCTAG_CLI is not set");
    char *dir = test_tmpdir(), *bomb = path_in(dir, "bomb.pdf"), *ok = path_in(dir, "ok.pdf");
    write_report(bomb, 0, 1);
    write_report(ok, 0, 0);
    char args[8192];
    snprintf(args, sizeof args, "tag --pdf-readers 2 '%s' '%s'", bomb, ok);
    char *got = cli_output(cli, dir, args, "out");
    cr_expect(strstr(got, "bomb.pdf: ") && strstr(got, "page 6:") && strstr(got, "limit"),
              "%s", got);
    cr_expect(strstr(got, "\"path\": \"") && strstr(got, "ok.pdf\"") != NULL,
              "the next file is tagged: %s", got);
    free(got);
    free(ok);
    free(bomb);
    free(dir);
}
