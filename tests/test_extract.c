/*
 * test_extract.c: PDF text extraction on the corpus (one typesetter,
 * WeasyPrint: words, running lines, columns, hyphens, ligatures,
 * positions; skipped without ../shared), and the boxes of word pieces.
 * Other producers' PDFs made at run time are tested by defect kind in
 * test_pdf_columns.c, test_pdf_furniture.c and test_pdf_tables.c; hostile
 * PDFs in test_pdf_hostile.c.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "doctag.h"
#include "extract.h"
#include "pdftest.h"
#include "testutil.h"

static const char *const corpus_docs[] = {
    "amnesty-digital-border-a", "bhrrc-palantir-ice-raids",
    "dailydot-lexisnexis-colorado", "idp-ccr-ohchr-submission",
};
#define N_DOCS (sizeof corpus_docs / sizeof corpus_docs[0])

/* The running header of each corpus PDF (pdftotext -layout shows it at the
 * top of every page; every page also ends with "Page N"). */
static const char *const corpus_headers[] = {
    "THE DIGITAL BORDER: MIGRATION, TECHNOLOGY & INEQUALITY",
    "Business & Human Rights Resource Centre",
    "The Daily Dot",
    "Submission to OHCHR on the UN Guiding Principles and technology companies",
};


/* Lines that read "Page N" (a page footer) in a text. */
static size_t page_footer_lines(const char *t)
{
    size_t n = 0;
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int num = 0;
        if (len > 5 && strncmp(p, "Page ", 5) == 0) {
            num = 1;
            for (size_t i = 5; i < len; i++)
                if (p[i] < '0' || p[i] > '9')
                    num = 0;
        }
        n += num;
        p += len + (e ? 1 : 0);
    }
    return n;
}


/* ---- The corpus (WeasyPrint) ------------------------------------------------ */

Test(extract_corpus, words_match_source_text)
{
    const char *shared = test_shared_dir();
    if (!shared)
        cr_skip_test("../shared (the corpus) is absent");
    for (size_t d = 0; d < N_DOCS; d++) {
        char *pdf = path_of("%s/corpus/pdf/%s.pdf", shared, corpus_docs[d]);
        char *txt = path_of("%s/corpus/text/%s.txt", shared, corpus_docs[d]);
        char *want = test_read_file(txt, NULL);
        cr_assert_not_null(want, "%s unreadable", txt);
        char *got = pdf_text(pdf, NULL);
        double m = word_match(want, got);
        cr_log_info("%s: %.2f%% of the words match", corpus_docs[d], 100 * m);
        fprintf(stderr, "word match %s: %.2f%%\n", corpus_docs[d], 100 * m);
        cr_expect_geq(m, 0.999, "%s: only %.2f%% of the words match", corpus_docs[d], 100 * m);
        free(pdf);
        free(txt);
        free(want);
        free(got);
    }
}

Test(extract_corpus, running_headers_and_page_numbers_dropped)
{
    const char *shared = test_shared_dir();
    if (!shared)
        cr_skip_test("../shared (the corpus) is absent");
    for (size_t d = 0; d < N_DOCS; d++) {
        char *pdf = path_of("%s/corpus/pdf/%s.pdf", shared, corpus_docs[d]);
        char *txt = path_of("%s/corpus/text/%s.txt", shared, corpus_docs[d]);
        char *want = test_read_file(txt, NULL);
        char *got = pdf_text(pdf, NULL);
        size_t hw = count_of(want, corpus_headers[d]), hg = count_of(got, corpus_headers[d]);
        cr_expect_leq(hg, hw, "%s: header \"%s\" %zu times, %zu in the source", corpus_docs[d],
                      corpus_headers[d], hg, hw);
        cr_expect_leq(page_footer_lines(got), page_footer_lines(want),
                      "%s: a \"Page N\" footer survived", corpus_docs[d]);
        free(pdf);
        free(txt);
        free(want);
        free(got);
    }
}

Test(extract_corpus, two_columns_hyphens_ligatures)
{
    const char *shared = test_shared_dir();
    if (!shared)
        cr_skip_test("../shared (the corpus) is absent");
    char *pdf = path_of("%s/corpus/pdf/amnesty-digital-border-a.pdf", shared);
    char *got = pdf_text(pdf, NULL), *raw = got;
    got = collapse(raw);
    /* page 2: the left column, then the right one */
    static const char *const order[] = {
        "mimic human behavior.", "BIOMETRIC DATA", "BORDER-INDUSTRIAL COMPLEX",
        "EXTERNALIZATION", "GPS TECHNOLOGIES", "INTERNALIZATION", "INTEROPERABILITY",
        "INTERSECTIONAL DISCRIMINATION",
    };
    assert_in_order(got, order, sizeof order / sizeof order[0]);
    /* WeasyPrint breaks words with U+2010: joined, also inside URLs and
     * after a real hyphen; real hyphens kept */
    cr_expect(strstr(got, "semi-automated decision-making") != NULL);
    cr_expect(strstr(got, "immigration-industrial complex") != NULL);
    cr_expect(strstr(got, "https://creativecommons.org/") != NULL);
    cr_expect(strstr(raw, "\xE2\x80\x90\n") == NULL, "a line-break U+2010 survived");
    /* footnote marks stand apart from the word before them */
    cr_expect(strstr(got, "workforces. \xC2\xB9") != NULL, "footnote mark glued to its word");
    for (const char *p = got; *p; p++)
        cr_assert(!((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xAC),
                  "an unexpanded ligature");
    free(pdf);
    free(got);
    free(raw);
}

Test(extract_corpus, positions_lines_and_page_range)
{
    const char *shared = test_shared_dir();
    if (!shared)
        cr_skip_test("../shared (the corpus) is absent");
    char *pdf = path_of("%s/corpus/pdf/idp-ccr-ohchr-submission.pdf", shared);
    size_t size;
    char *data = test_read_file(pdf, &size);
    cr_assert_not_null(data);

    extract_result r;
    int rc = extract_pdf(&r, data, size, pdf, NULL);
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(r.n_pages, 7);
    cr_expect_eq(strlen(r.text), r.len);
    for (int p = 0; p < r.n_pages; p++)
        cr_expect(r.page_has_text[p], "page %d has text", p + 1);
    for (size_t i = 0; i < r.len; i++) {
        extract_pos box = extract_byte_box(&r, i);
        const extract_pos *ps = &box;
        char c = r.text[i];
        if (c == '\n') {
            cr_assert_eq(ps->page, 0, "a newline at %zu comes from a glyph", i);
            continue;
        }
        if (c == ' ' || ps->page == 0)
            continue;
        cr_assert(ps->page >= 1 && ps->page <= 7, "byte %zu: page %d", i, ps->page);
        cr_assert(ps->x0 >= 0 && ps->x0 <= ps->x1 && ps->x1 <= 596 && ps->y0 >= 0
                  && ps->y0 <= ps->y1 && ps->y1 <= 842, "byte %zu: box outside the page", i);
    }
    /* every glyph byte belongs to one line, lines in text order */
    size_t prev_end = 0;
    for (size_t k = 0; k < r.n_lines; k++) {
        const extract_line *l = &r.lines[k];
        cr_assert(l->start >= prev_end && l->start <= l->end && l->end <= r.len);
        for (size_t i = prev_end; i < l->start; i++)
            cr_assert_eq(extract_byte_box(&r, i).page, 0, "byte %zu outside every line", i);
        for (size_t i = l->start; i < l->end; i++) {
            extract_pos p = extract_byte_box(&r, i);
            if (p.page)
                cr_assert(p.page == l->page && p.y0 >= l->y0 - 0.5f && p.y1 <= l->y1 + 0.5f
                          && p.x0 >= l->x0 - 0.5f && p.x1 <= l->x1 + 0.5f,
                          "byte %zu outside its line box", i);
        }
        prev_end = l->end;
    }
    const char *first_words = "Submission to the Office of the High Commissioner";
    cr_expect(strncmp(r.text, first_words, strlen(first_words)) == 0,
              "the text starts with \"%.60s\"", r.text);
    extract_result_free(&r);

    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    o.first_page = 2;
    o.last_page = 3;
    rc = extract_pdf(&r, data, size, pdf, &o);
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    cr_expect(strstr(r.text, first_words) == NULL, "page 1 text in pages 2-3");
    for (size_t i = 0; i < r.len; i++)
        cr_assert(extract_byte_box(&r, i).page == 0
                  || (extract_byte_box(&r, i).page >= 2 && extract_byte_box(&r, i).page <= 3));
    extract_result_free(&r);
    free(data);
    free(pdf);
}


/* Boxes come from word pieces: a range that covers whole pieces gets the
 * union of their boxes; one that cuts a piece gets it cut in proportion to
 * its characters; the extractor's own bytes (the space) have none. */
Test(extract_positions, range_box_from_word_pieces)
{
    char text[] = "UNICEF budget)";
    /* pieces: "UNICEF" [0, 6), "budget" [7, 13), ")" [13, 14) */
    extract_word words[] = {
        { 100, 700, 160, 712 },
        { 165, 701, 215, 713 },
        { 215, 699, 218, 714 },   /* x0 is the last one's x1: not written again */
    };
    extract_line line = { 0, 14, 3, 100, 699, 218, 714, 0, 3 };
    extract_result r;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.len = strlen(text);
    size_t cap = 0;
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(extract_put_box(&r.boxes, &r.boxes_len, &cap, i ? &words[i - 1] : NULL,
                                     &words[i]), 0);
    cr_expect_lt(r.boxes_len, 3 * sizeof words[0], "%zu bytes", r.boxes_len);
    r.lines = &line;
    r.n_lines = 1;
    extract_pos b;
    extract_range_box(&r, 0, 0, 6, &b);     /* "UNICEF" */
    cr_expect(b.page == 3 && b.x0 == 100 && b.x1 == 160 && b.y0 == 700 && b.y1 == 712);
    extract_range_box(&r, 0, 0, 13, &b);    /* "UNICEF budget" */
    cr_expect(b.page == 3 && b.x0 == 100 && b.x1 == 215 && b.y0 == 700 && b.y1 == 713);
    extract_range_box(&r, 0, 7, 10, &b);    /* "bud": half of "budget" */
    cr_expect(b.page == 3 && b.x0 == 165 && b.x1 == 190 && b.y0 == 701 && b.y1 == 713,
              "%g-%g", b.x0, b.x1);
    extract_range_box(&r, 0, 6, 7, &b);     /* the space */
    cr_expect_eq(b.page, 0);
    cr_expect_eq(extract_byte_box(&r, 6).page, 0);
    b = extract_byte_box(&r, 13);           /* ")" */
    cr_expect(b.page == 3 && b.x0 == 215 && b.x1 == 218 && b.y0 == 699 && b.y1 == 714);
    free(r.boxes);
}
