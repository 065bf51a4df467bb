/*
 * test_files.c: files through the C API. A file that cannot be opened,
 * read or written says why (doctag_last_error() with the system's reason,
 * doctag_last_errno() with its errno); an empty text is no error; where
 * each page starts in a PDF's text; and doctag_pdf_highlight(), read back
 * with poppler: one highlight annotation per entity and page, with its
 * type and canonical form as the note.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doctag.h"
#include "testutil.h"

static char *path_in(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    snprintf(p, len, "%s/%s", dir, name);
    return p;
}

static char *sample_pdf(void)
{
    const char *src = getenv("DOCTAG_SOURCE_DIR");
    cr_assert(src, "DOCTAG_SOURCE_DIR is not set");
    return path_in(src, "samples/sample-report.pdf");
}

/* ---- Errors that say why ------------------------------------------------- */

Test(files, missing_pdf_says_no_such_file)
{
    char *dir = test_tmpdir();
    char *path = path_in(dir, "report.pdf");
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, path, NULL), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), ENOENT);
    char want[512];
    snprintf(want, sizeof want, "cannot open %s: No such file or directory", path);
    cr_assert_str_eq(doctag_last_error(), want);
    cr_assert_null(doc);
    free(path);
    free(dir);
}

Test(files, directory_says_is_a_directory)
{
    char *dir = test_tmpdir();
    doctag_doc *doc = NULL;
    doctag_model *model = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, dir, NULL), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), EISDIR);
    cr_assert(strstr(doctag_last_error(), ": Is a directory"), "%s", doctag_last_error());
    cr_assert_eq(doctag_model_open(&model, dir, NULL), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), EISDIR);
    const char *dicts[] = { dir };
    cr_assert_eq(doctag_model_compile(&model, dicts, 1), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), EISDIR);
    free(dir);
}

Test(files, unreadable_says_permission_denied)
{
    char *dir = test_tmpdir();
    char *path = path_in(dir, "locked.dict");
    FILE *f = fopen(path, "w");
    fputs("@type agency\nZLO = Zorblax Licensing Office\n", f);
    fclose(f);
    chmod(path, 0);
    if (access(path, R_OK) == 0)   /* root reads anything: the CLI and Python suites ask as nobody */
        cr_skip_test("running as root: a mode-000 file is still readable");
    doctag_model *model = NULL;
    const char *dicts[] = { path };
    cr_assert_eq(doctag_model_compile(&model, dicts, 1), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), EACCES);
    cr_assert(strstr(doctag_last_error(), "Permission denied"), "%s", doctag_last_error());
    free(path);
    free(dir);
}

Test(files, model_save_says_why)
{
    char *dir = test_tmpdir();
    char *path = path_in(dir, "no/such/dir/x.model");
    cr_assert_eq(doctag_model_save(test_model(), path), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), ENOENT);
    cr_assert(strncmp(doctag_last_error(), "cannot create ", 14) == 0, "%s", doctag_last_error());
    cr_assert_eq(doctag_model_save(test_model(), dir), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), EISDIR);
    free(path);
    free(dir);
}

Test(files, errno_is_zero_for_other_failures_and_after_success)
{
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, "/nonexistent/doctag/report.pdf", NULL),
                 DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), ENOENT);
    cr_assert_eq(doctag_doc_from_text(&doc, "bad \xff byte", 10), DOCTAG_ERR_UTF8);
    cr_assert_eq(doctag_last_errno(), 0);
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, "/nonexistent/doctag/report.pdf", NULL),
                 DOCTAG_ERR_IO);
    cr_assert_eq(doctag_doc_from_text(&doc, "ICE", 3), DOCTAG_OK);
    cr_assert_eq(doctag_last_errno(), 0);
    doctag_doc_free(doc);
}

/* The CLI and Python give the same: no entities, no error. */
Test(files, empty_text_is_no_entities)
{
    doctag_result *res = NULL;
    cr_assert_eq(doctag_tag_text(&res, test_model(), "", 0), DOCTAG_OK);
    cr_assert_eq(doctag_result_count(res), 0);
    doctag_result_free(res);
}

/* ---- Where pages start ------------------------------------------------------ */

Test(files, page_start)
{
    if (!test_have_program("groff"))
        cr_skip_test("groff not installed: cannot make a two-page PDF");
    char *dir = test_tmpdir();
    char *path = path_in(dir, "two.pdf");
    cr_assert_eq(test_run("printf '.LP\\nICE paid $5 million.\\n.bp\\n.LP\\nThe ICCPR "
                          "applies.\\n' | groff -ms -Tpdf >%s 2>/dev/null", path), 0);
    doctag_doc *doc = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, path, NULL), DOCTAG_OK);
    size_t len, at1, at2;
    const char *text = doctag_doc_text(doc, &len);
    cr_assert_eq(doctag_doc_page_start(doc, 1, &at1), DOCTAG_OK);
    cr_assert_eq(doctag_doc_page_start(doc, 2, &at2), DOCTAG_OK);
    cr_assert_eq(at1, 0);
    cr_assert(strncmp(text + at2, "The ICCPR applies.", 18) == 0, "page 2 at %zu: %s", at2, text);
    cr_assert(text[at2 - 1] == '\n', "a line break before page 2");
    cr_assert_eq(doctag_doc_page_start(doc, 3, &at2), DOCTAG_ERR_PAGE_RANGE);
    cr_assert_eq(doctag_doc_page_start(doc, 0, &at2), DOCTAG_ERR_PAGE_RANGE);
    doctag_doc_free(doc);
    cr_assert_eq(doctag_doc_from_text(&doc, "ICE", 3), DOCTAG_OK);
    cr_assert_eq(doctag_doc_page_start(doc, 1, &at1), DOCTAG_ERR_PAGE_RANGE);
    doctag_doc_free(doc);
    free(path);
    free(dir);
}

/* ---- Highlighted PDFs ---------------------------------------------------- */

/* Highlights every entity of `res` into `out` as the CLI does. */
static int highlight_all(const char *in, const doctag_result *res, const char *out)
{
    size_t n = doctag_result_count(res);
    doctag_highlight *marks = calloc(n, sizeof *marks);
    char (*notes)[256] = calloc(n, sizeof *notes);
    doctag_box (*boxes)[8] = calloc(n, sizeof *boxes);
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        snprintf(notes[i], sizeof notes[i], "%s: %s", doctag_type_name(doctag_entity_type(e)),
                 doctag_entity_canonical(e));
        size_t nb = doctag_entity_box_count(e);
        cr_assert(nb >= 1 && nb <= 8);
        for (size_t b = 0; b < nb; b++)
            doctag_entity_box(e, b, &boxes[i][b]);
        marks[i] = (doctag_highlight){ doctag_entity_type(e), notes[i], 0, boxes[i], nb };
    }
    int rc = doctag_pdf_highlight(in, NULL, marks, n, out);
    free(marks);
    free(notes);
    free(boxes);
    return rc;
}

/* "page|note" of every highlight annotation in `path`, one a line. */
static char *read_highlights(const char *path, size_t *count)
{
    GError *err = NULL;
    char *uri = g_filename_to_uri(path, NULL, &err);
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, &err);
    cr_assert(doc, "poppler cannot open %s: %s", path, err ? err->message : "?");
    GString *out = g_string_new("");
    *count = 0;
    for (int p = 0; p < poppler_document_get_n_pages(doc); p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        GList *annots = poppler_page_get_annot_mapping(page);
        for (GList *l = annots; l; l = l->next) {
            PopplerAnnot *a = ((PopplerAnnotMapping *)l->data)->annot;
            if (poppler_annot_get_annot_type(a) != POPPLER_ANNOT_HIGHLIGHT)
                continue;
            char *note = poppler_annot_get_contents(a);
            g_string_append_printf(out, "%d|%s\n", p + 1, note ? note : "");
            g_free(note);
            (*count)++;
        }
        poppler_page_free_annot_mapping(annots);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_free(uri);
    return g_string_free(out, FALSE);
}

Test(files, highlight_one_annotation_per_entity_and_page)
{
    char *in = sample_pdf(), *dir = test_tmpdir();
    char *out = path_in(dir, "sample.tagged.pdf");
    doctag_doc *doc = NULL;
    doctag_result *res = NULL;
    cr_assert_eq(doctag_doc_from_pdf_file(&doc, in, NULL), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_eq(doctag_tag(&res, test_model(), doc), DOCTAG_OK);
    size_t n = doctag_result_count(res), want = 0;
    cr_assert_gt(n, 10);
    cr_assert_eq(highlight_all(in, res, out), DOCTAG_OK, "%s", doctag_last_error());

    size_t count;
    char *got = read_highlights(out, &count);
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        doctag_box first, b;
        doctag_entity_box(e, 0, &first);
        int pages = 1;
        for (size_t k = 1; k < doctag_entity_box_count(e); k++)
            pages += doctag_entity_box(e, k, &b) == DOCTAG_OK && b.page != first.page;
        want += (size_t)pages;
        char line[300];
        snprintf(line, sizeof line, "%d|%s: %s\n", doctag_entity_page(e),
                 doctag_type_name(doctag_entity_type(e)), doctag_entity_canonical(e));
        cr_assert(strstr(got, line), "no highlight '%s' in:\n%s", line, got);
    }
    cr_assert_eq(count, want, "%zu highlights for %zu entity pages", count, want);
    g_free(got);
    doctag_result_free(res);
    doctag_doc_free(doc);
    free(out);
    free(dir);
    free(in);
}

Test(files, highlight_in_place_and_errors)
{
    char *in = sample_pdf(), *dir = test_tmpdir();
    char *copy = path_in(dir, "copy.pdf");
    cr_assert_eq(test_run("cp '%s' '%s'", in, copy), 0);
    doctag_box box = { 1, 72, 72, 144, 84 };
    doctag_highlight mark = { DOCTAG_TYPE_AGENCY, "agency: id=X", 0x123456, &box, 1 };
    cr_assert_eq(doctag_pdf_highlight(copy, NULL, &mark, 1, copy), DOCTAG_OK, "%s",
                 doctag_last_error());
    size_t count;
    char *got = read_highlights(copy, &count);
    cr_assert_eq(count, 1);
    cr_assert_str_eq(got, "1|agency: id=X\n");
    g_free(got);

    char *missing = path_in(dir, "missing.pdf"), *nodir = path_in(dir, "no/such/out.pdf");
    cr_assert_eq(doctag_pdf_highlight(missing, NULL, &mark, 1, copy), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), ENOENT);
    cr_assert_eq(doctag_pdf_highlight(copy, NULL, &mark, 1, nodir), DOCTAG_ERR_IO);
    cr_assert_eq(doctag_last_errno(), ENOENT);
    box.page = 9;
    cr_assert_eq(doctag_pdf_highlight(copy, NULL, &mark, 1, copy), DOCTAG_ERR_PAGE_RANGE);
    cr_assert_eq(doctag_pdf_highlight(copy, NULL, NULL, 1, copy), DOCTAG_ERR_ARG);
    free(missing);
    free(nodir);
    free(copy);
    free(dir);
    free(in);
}

Test(files, type_colours)
{
    cr_assert_eq(doctag_type_color(DOCTAG_TYPE_MONEY), 0x7ddc6fu);
    unsigned seen[DOCTAG_TYPE_COUNT];
    for (int t = 0; t < DOCTAG_TYPE_COUNT; t++) {
        seen[t] = doctag_type_color(t);
        for (int u = 0; u < t; u++)
            cr_assert_neq(seen[t], seen[u]);
    }
}
