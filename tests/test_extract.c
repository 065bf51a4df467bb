/*
 * test_extract.c: PDF text extraction on the corpus (one typesetter,
 * WeasyPrint) and on PDFs of other producers made here at run time:
 * groff -ms two-column through ps2pdf (Ghostscript), a three-column page
 * set by pango-view (cairo), a two-column pdfTeX article, a ReportLab
 * page of cells, stamps, marks and footers, a ReportLab report with
 * sparse margin notes and a footer set apart on one page, ReportLab drop
 * caps, a ReportLab scorecard repeating its table head, pdfTeX tables
 * (cells of text, and figures in one column); and hostile PDFs written
 * byte by byte (a form bomb, 100 pages sharing one content stream).
 *
 * Generators missing: the test skips, saying which Debian package to add
 * (groff, ghostscript, pango1.0-tools, qpdf, texlive-latex-base,
 * python3-reportlab).
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

/* ---- Helpers ------------------------------------------------------------- */

static char *path_of(const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

/* The text of a PDF through the public API (malloc'd). */
static char *pdf_text(const char *path, const doctag_pdf_options *opts)
{
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_file(&doc, path, opts);
    cr_assert_eq(rc, DOCTAG_OK, "%s: %s (%s)", path, doctag_strerror(rc), doctag_last_error());
    char *t = strdup(doctag_doc_text(doc, NULL));
    doctag_doc_free(doc);
    return t;
}

/* A copy with each run of whitespace turned into one space, as the
 * normaliser will see it (malloc'd). */
static char *collapse(const char *t)
{
    char *c = malloc(strlen(t) + 1), *o = c;
    for (; *t; t++)
        if (*t == ' ' || *t == '\n' || *t == '\t') {
            if (o > c && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = *t;
        }
    *o = '\0';
    return c;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

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

/* ---- Word sequences and their longest common subsequence ----------------- */

typedef struct words {
    uint64_t *h;  /* one hash per word */
    size_t n;
} words;

/* Length of a superscript character (¹ ² ³ U+2070..U+207F) at s, else 0. */
static size_t superscript_len(const unsigned char *s)
{
    if (s[0] == 0xC2 && (s[1] == 0xB9 || s[1] == 0xB2 || s[1] == 0xB3))
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xB0 && s[2] <= 0xBF)
        return 3;
    return 0;
}

/* Length of a whitespace character at s (ASCII, no-break and the Unicode
 * spaces U+2000..U+200A, U+202F, U+3000), else 0. */
static size_t space_len(const unsigned char *s)
{
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Splits on whitespace; a run of superscripts is a word of its own, so that
 * "workforces.¹" and "workforces. ¹" compare equal. */
static words split_words(const char *text)
{
    words w = { malloc((strlen(text) / 2 + 2) * sizeof(uint64_t)), 0 };
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        size_t k;
        while ((k = space_len(s)) > 0)
            s += k;
        if (!*s)
            break;
        int sup = superscript_len(s) > 0;
        uint64_t h = 1469598103934665603ull;
        while (*s && !space_len(s)) {
            k = superscript_len(s);
            if ((k > 0) != sup)
                break;
            size_t step = k ? k : 1;
            for (size_t i = 0; i < step; i++)
                h = (h ^ s[i]) * 1099511628211ull;
            s += step;
        }
        w.h[w.n++] = h;
    }
    return w;
}

static size_t lcs(const words *a, const words *b)
{
    size_t *prev = calloc(b->n + 1, sizeof *prev), *cur = calloc(b->n + 1, sizeof *cur);
    for (size_t i = 1; i <= a->n; i++) {
        for (size_t j = 1; j <= b->n; j++)
            cur[j] = a->h[i - 1] == b->h[j - 1] ? prev[j - 1] + 1
                     : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t r = prev[b->n];
    free(prev);
    free(cur);
    return r;
}

/* Share of the words of `want` found, in order, in `got`. */
static double word_match(const char *want, const char *got)
{
    words a = split_words(want), b = split_words(got);
    double r = a.n ? (double)lcs(&a, &b) / (double)a.n : 1.0;
    free(a.h);
    free(b.h);
    return r;
}

/* Asserts that the strings occur in `text` (whitespace collapsed) in this
 * order. */
static void assert_in_order(const char *raw, const char *const *items, size_t n)
{
    char *text = collapse(raw);
    const char *at = text;
    for (size_t i = 0; i < n; i++) {
        const char *p = strstr(at, items[i]);
        cr_assert(p != NULL, "\"%s\" missing or out of order (after \"%s\")", items[i],
                  i ? items[i - 1] : "start");
        at = p + strlen(items[i]);
    }
    free(text);
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

/* ---- Other producers, made here ------------------------------------------------ */

/* Deterministic filler prose: paragraph i of n words from a vocabulary. */
static void filler(char *out, size_t cap, const char *const *vocab, size_t nv, unsigned seed,
                   size_t n)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len + 32 < cap; i++) {
        seed = seed * 1103515245u + 12345u;
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? " " : "",
                                vocab[(seed >> 16) % nv]);
    }
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

Test(extract_generated, groff_ms_two_columns)
{
    if (!test_have_program("groff") || !test_have_program("ps2pdf"))
        cr_skip_test("groff or ps2pdf missing: apt-get install groff ghostscript");
    static const char *const vocab[] = {
        "the", "committee", "reviewed", "national", "budgets", "and", "regional",
        "programmes", "for", "migrant", "workers", "while", "independent", "auditors",
        "examined", "procurement", "records", "contracts", "surveillance",
        "technologies", "used", "by", "border", "agencies", "across", "member", "states",
    };
    char *dir = test_tmpdir();
    char *ms = path_of("%s/report.ms", dir), *pdf = path_of("%s/report.pdf", dir);
    size_t cap = 1 << 16, len = 0;
    char *want = malloc(cap), para[2048];
    FILE *f = fopen(ms, "w");
    cr_assert_not_null(f);
    fprintf(f, ".ds CH Widget Policy Review\n.ds CF Page %%\n.TL\nAnnual Widget Report\n.2C\n");
    len += (size_t)snprintf(want + len, cap - len, "Annual Widget Report\n");
    for (int i = 1; i <= 40; i++) {
        filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], (unsigned)i, 70);
        fprintf(f, ".PP\nParagraph%d opens here. %s Paragraph%d closes here.\n", i, para, i);
        len += (size_t)snprintf(want + len, cap - len,
                                "Paragraph%d opens here. %s Paragraph%d closes here.\n", i, para, i);
        if (i == 4) {
            /* line-break hyphens set by hand: "inter-|national" is a word
             * (seen whole below), "self-|reliance" a compound (seen so) */
            fprintf(f, ".PP\n.nf\nThe committee adopted an inter-\nnational framework on self-\n"
                       "reliance of member states.\n.fi\n.PP\nEveryone agreed that international "
                       "rules and self-reliance matter, and the Privacy Act\\*{14\\*} applies "
                       "to official financial files.\n");
            len += (size_t)snprintf(want + len, cap - len,
                                    "The committee adopted an international framework on "
                                    "self-reliance of member states. Everyone agreed that "
                                    "international rules and self-reliance matter, and the "
                                    "Privacy Act 14 applies to official financial files.\n");
        }
    }
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && groff -ms -Tps report.ms > report.ps 2>/dev/null && "
                     "ps2pdf report.ps report.pdf", dir), 0, "groff | ps2pdf failed");

    char *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    double m = word_match(want, got);
    cr_log_info("groff -ms two columns: %.2f%% of the words match", 100 * m);
    fprintf(stderr, "word match groff -ms .2C: %.2f%%\n", 100 * m);
    cr_expect_geq(m, 0.98);
    /* column after column, page after page */
    char *items[80];
    for (int i = 0; i < 40; i++) {
        items[2 * i] = path_of("Paragraph%d opens", i + 1);
        items[2 * i + 1] = path_of("Paragraph%d closes", i + 1);
    }
    assert_in_order(got, (const char *const *)items, 80);
    for (int i = 0; i < 80; i++)
        free(items[i]);
    cr_expect(strstr(got, "an international framework on self-reliance of member") != NULL,
              "hyphens at line ends");
    cr_expect(strstr(got, "Privacy Act 14 applies") != NULL, "footnote mark glued");
    cr_expect(strstr(got, "official financial files") != NULL, "ligatures");
    cr_expect_eq(count_of(got, "Widget Policy Review"), 0, "running header survived");
    cr_expect_eq(count_of(got, "Page "), 0, "page footer survived");
    free(got);
    free(want);
    free(ms);
    free(pdf);
    free(dir);
}

Test(extract_generated, pango_cairo_three_columns)
{
    if (!test_have_program("pango-view") || !test_have_program("qpdf"))
        cr_skip_test("pango-view or qpdf missing: apt-get install pango1.0-tools qpdf");
    static const char *const vocab[] = {
        "the", "tribunal", "examined", "financial", "disclosures", "and", "humanitarian",
        "programmes", "for", "displaced", "families", "while", "regional", "observers",
        "documented", "detention", "conditions", "biometric", "registration", "data",
        "sharing", "among", "international", "agencies",
    };
    enum { COLS = 3, WIDTH = 26, GAP = 5, PAGES = 3, PER_COL = 2 };
    char *dir = test_tmpdir();
    size_t cap = 1 << 16, wlen = 0;
    char *want = malloc(cap);
    int section = 0;
    for (int pg = 1; pg <= PAGES; pg++) {
        /* each column: PER_COL sections wrapped at WIDTH, monospace */
        char col[COLS][64][256];   /* as wide as `line` below */
        int rows[COLS] = { 0 };
        for (int c = 0; c < COLS; c++)
            for (int s = 0; s < PER_COL; s++) {
                char text[1024], para[900];
                section++;
                filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0],
                       (unsigned)section * 7u, 28);
                if (section == 2)
                    snprintf(text, sizeof text, "Section%d begins. the council approved an "
                             "inter-national charter, see the Act<sup>14</sup> now. %s "
                             "Section%d ends.", section, para, section);
                else
                    snprintf(text, sizeof text, "Section%d begins. %s Section%d ends.", section,
                             para, section);
                /* expected text: markup and the break hyphen removed */
                char plain[1024];
                size_t pl = 0;
                for (const char *p = text; *p;) {
                    if (strncmp(p, "<sup>", 5) == 0) { plain[pl++] = ' '; p += 5; continue; }
                    if (strncmp(p, "</sup>", 6) == 0) { p += 6; continue; }
                    if (strncmp(p, "inter-national", 14) == 0) {
                        memcpy(plain + pl, "international", 13);
                        pl += 13;
                        p += 14;
                        continue;
                    }
                    plain[pl++] = *p++;
                }
                plain[pl] = '\0';
                wlen += (size_t)snprintf(want + wlen, cap - wlen, "%s\n", plain);
                /* greedy wrap; "inter-" ends a line on its own */
                const char *p = text;
                char line[256] = "";
                size_t ll = 0, vis = 0;
                while (*p) {
                    const char *e = strchr(p, ' ');
                    size_t wl = e ? (size_t)(e - p) : strlen(p);
                    size_t wvis = wl;
                    if (memchr(p, '<', wl))
                        wvis = 5; /* "Act" + two small superscript digits */
                    int force = strncmp(p, "inter-national", 14) == 0;
                    if (force) { wl = 6; wvis = 6; }
                    if (ll && vis + 1 + wvis > WIDTH) {
                        snprintf(col[c][rows[c]++], sizeof col[c][0], "%s", line);
                        ll = vis = 0;
                    }
                    ll += (size_t)snprintf(line + ll, sizeof line - ll, "%s%.*s", ll ? " " : "",
                                           (int)wl, p);
                    vis += (vis ? 1 : 0) + wvis;
                    if (force) {
                        snprintf(col[c][rows[c]++], sizeof col[c][0], "%s", line);
                        ll = vis = 0;
                        p += 6;
                        continue;
                    }
                    p += wl;
                    while (*p == ' ')
                        p++;
                }
                if (ll)
                    snprintf(col[c][rows[c]++], sizeof col[c][0], "%s", line);
                col[c][rows[c]++][0] = '\0';
            }
        char *txt = path_of("%s/p%d.txt", dir, pg);
        FILE *f = fopen(txt, "w");
        cr_assert_not_null(f);
        fprintf(f, "Quarterly Tribunal Bulletin\n\n");
        int nrows = 0;
        for (int c = 0; c < COLS; c++)
            if (rows[c] > nrows)
                nrows = rows[c];
        for (int r = 0; r < nrows; r++) {
            for (int c = 0; c < COLS; c++) {
                const char *cell = r < rows[c] ? col[c][r] : "";
                size_t vis = strlen(cell) - (strstr(cell, "<sup>") ? 11 : 0);
                fprintf(f, "%s%*s", cell, c + 1 < COLS ? (int)(WIDTH - vis + GAP) : 0, "");
            }
            fputc('\n', f);
        }
        fprintf(f, "\nPage %d of %d\n", pg, PAGES);
        fclose(f);
        cr_assert_eq(test_run("cd '%s' && pango-view --no-display --markup --font='DejaVu Sans Mono 9' "
                         "--margin=40 --output=p%d.pdf p%d.txt 2>/dev/null", dir, pg, pg), 0,
                     "pango-view failed");
        free(txt);
    }
    cr_assert_eq(test_run("cd '%s' && qpdf --empty --pages p1.pdf p2.pdf p3.pdf -- cairo.pdf", dir), 0);
    char *pdf = path_of("%s/cairo.pdf", dir);
    char *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    double m = word_match(want, got);
    cr_log_info("pango/cairo three columns: %.2f%% of the words match", 100 * m);
    fprintf(stderr, "word match pango-view 3 columns: %.2f%%\n", 100 * m);
    cr_expect_geq(m, 0.98);
    char *items[2 * COLS * PER_COL * PAGES];
    for (int i = 0; i < section; i++) {
        items[2 * i] = path_of("Section%d begins", i + 1);
        items[2 * i + 1] = path_of("Section%d ends", i + 1);
    }
    assert_in_order(got, (const char *const *)items, (size_t)(2 * section));
    for (int i = 0; i < 2 * section; i++)
        free(items[i]);
    cr_expect(strstr(got, "approved an international charter") != NULL, "hyphen not joined");
    cr_expect(strstr(got, "the Act 14 now") != NULL, "superscript glued to its word");
    cr_expect_eq(count_of(got, "Quarterly Tribunal Bulletin"), 0, "running header survived");
    cr_expect_eq(count_of(got, "Page "), 0, "page footer survived");
    free(got);
    free(pdf);
    free(want);
    free(dir);
}

/* ReportLab (python3-reportlab): table cells, glossary entries and a
 * footnote mark drawn as separate strings with no space between them, a
 * stamp rotated in the margin beside the text, a rule above the notes, a
 * running header and right-aligned footers "Page 1" .. "Page 12". */
Test(extract_generated, reportlab_spacing_stamps_marks_footers)
{
    if (access("/usr/bin/python3", X_OK) != 0
        || test_run("/usr/bin/python3 -c 'import reportlab' 2>/dev/null") != 0)
        cr_skip_test("ReportLab missing: apt-get install python3-reportlab");
    char *dir = test_tmpdir(), *py = path_of("%s/make.py", dir);
    FILE *f = fopen(py, "w");
    cr_assert_not_null(f);
    fputs("from reportlab.pdfgen import canvas\n"
          "from reportlab.lib.pagesizes import letter\n"
          "W, H = letter\n"
          "c = canvas.Canvas('rl.pdf', pagesize=letter)\n"
          "voc = 'the council reviewed national reports and regional programmes for migrant "
          "workers while independent auditors examined procurement records'.split()\n"
          "for p in range(1, 13):\n"
          "    c.setFont('Helvetica', 9)\n"
          "    c.drawString(72, H - 40, 'Committee Bulletin on Treaty Bodies')\n"
          "    c.drawRightString(W - 72, 30, 'Page %d' % p)\n"
          "    c.setFont('Times-Roman', 11)\n"
          "    y = H - 90\n"
          "    for k in range(3):\n"
          "        words = ['Para%dx%d' % (p, k), 'opens'] + [voc[(p * 7 + k * 3 + i) % len(voc)]"
          " for i in range(40)] + ['Para%dx%d' % (p, k), 'closes.']\n"
          "        for i in range(0, len(words), 11):\n"
          "            c.drawString(72, y, ' '.join(words[i:i + 11])); y -= 14\n"
          "        y -= 10\n"
          "    if p == 2:\n"
          "        for a, b in [('ICCPR', 'International Covenant on Civil and Political Rights'),"
          " ('CAT', 'Convention against Torture')]:\n"
          "            c.drawString(72, y, a); c.drawString(150, y, b); y -= 14\n"
          "        t = 'The Assembly recalled its Resolution 60/25'\n"
          "        c.drawString(72, y, t); x = 72 + c.stringWidth(t, 'Times-Roman', 11)\n"
          "        c.setFont('Times-Roman', 7); c.drawString(x, y + 4, '16')\n"
          "        x += c.stringWidth('16', 'Times-Roman', 7)\n"
          "        c.setFont('Times-Roman', 11); c.drawString(x, y, ' and the report.'); y -= 24\n"
          "        c.drawString(72, y, '_' * 30); y -= 12\n"
          "        c.setFont('Times-Roman', 8); c.drawString(72, y, '16 A/RES/60/25.')\n"
          "    c.saveState(); c.translate(W - 50, 250); c.rotate(90)\n"
          "    c.setFont('Helvetica-Bold', 9); c.drawString(0, 0, 'DRAFT WITH PROPOSALS')\n"
          "    c.restoreState()\n"
          "    c.showPage()\n"
          "c.save()\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && /usr/bin/python3 make.py", dir), 0, "reportlab failed");
    char *pdf = path_of("%s/rl.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    char *items[72];
    for (int i = 0; i < 36; i++) {
        items[2 * i] = path_of("Para%dx%d opens", i / 3 + 1, i % 3);
        items[2 * i + 1] = path_of("Para%dx%d closes", i / 3 + 1, i % 3);
    }
    assert_in_order(got, (const char *const *)items, 72);
    for (int i = 0; i < 72; i++)
        free(items[i]);
    cr_expect(strstr(got, "ICCPR International Covenant on Civil") != NULL, "cells glued");
    cr_expect(strstr(got, "CAT Convention against Torture") != NULL, "cells glued");
    cr_expect(strstr(got, "Resolution 60/25 16 and the report.") != NULL, "mark glued: %s", got);
    cr_expect(test_has_entity(got, "un_symbol", "A/RES/60/25", NULL), "note lost");
    cr_expect_eq(count_of(got, "PROPOSALS"), 0, "rotated stamp in the text");
    cr_expect_eq(count_of(got, "___"), 0, "rule line in the text");
    cr_expect_eq(count_of(got, "Committee Bulletin"), 0, "running header survived");
    cr_expect_eq(count_of(got, "Page "), 0, "page footer survived");
    free(got);
    free(pdf);
    free(py);
    free(dir);
}

/* ReportLab: notes set small in a narrow left margin beside the lower
 * half of the body, some of them short (so that the margin's right part is
 * crossed by few lines, as in QuarkXPress reports), and a running footer
 * (office name left, page number right) that a summary page sets alone and
 * higher, with no number. The body is read before the notes beside it and
 * the footer goes on every page; the office name on the cover stays. */
Test(extract_generated, reportlab_sparse_margin_notes_and_stray_footer)
{
    if (access("/usr/bin/python3", X_OK) != 0
        || test_run("/usr/bin/python3 -c 'import reportlab' 2>/dev/null") != 0)
        cr_skip_test("ReportLab missing: apt-get install python3-reportlab");
    char *dir = test_tmpdir(), *py = path_of("%s/make.py", dir);
    FILE *f = fopen(py, "w");
    cr_assert_not_null(f);
    fputs("from reportlab.pdfgen import canvas\n"
          "from reportlab.lib.pagesizes import A4\n"
          "W, H = A4\n"
          "c = canvas.Canvas('notes.pdf', pagesize=A4)\n"
          "voc = 'the council reviewed national reports and regional programmes for migrant "
          "workers while independent auditors examined procurement records'.split()\n"
          "c.setFont('Helvetica-Bold', 20); c.drawString(72, H - 200, 'Review of Treaty Bodies')\n"
          "c.setFont('Helvetica', 12); c.drawString(72, H - 300, 'Regional Monitoring Office')\n"
          "c.drawString(72, H - 320, 'Geneva, 2009'); c.showPage()\n"
          "c.setFont('Times-Roman', 11); c.drawString(72, H - 90, 'Summary opens the report.')\n"
          "c.setFont('Helvetica', 8); c.drawString(72, 60, 'Regional Monitoring Office')\n"
          "c.showPage()\n"
          "for p in range(3, 15):\n"
          "    c.setFont('Helvetica', 8); c.drawString(72, 30, 'Regional Monitoring Office')\n"
          "    c.drawRightString(W - 40, 30, str(p))\n"
          "    c.setFont('Times-Roman', 11); y = H - 80\n"
          "    for k in range(4):\n"
          "        words = ['Para%dx%d' % (p, k), 'opens'] + [voc[(p * 7 + k * 3 + i) % len(voc)]"
          " for i in range(60)] + ['Para%dx%d' % (p, k), 'closes.']\n"
          "        for i in range(0, len(words), 10):\n"
          "            c.drawString(200, y, ' '.join(words[i:i + 10])); y -= 13\n"
          "        y -= 6\n"
          "    c.setFont('Times-Roman', 7); y = 560\n"
          "    for n, t in enumerate(['8/22.', 'A/HRC/12/10, section 23 and 78 of the report.',"
          " '83(13).', 'A/HRC/8/31, section 63 and 79 of the report.', '8/48.', '11/20.']):\n"
          "        c.drawString(30, y, 'Note%dx%d %s' % (p, n, t)); y -= 11\n"
          "    c.showPage()\n"
          "c.save()\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && /usr/bin/python3 make.py", dir), 0, "reportlab failed");
    char *pdf = path_of("%s/notes.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    char *items[12 * 14];
    size_t n = 0;
    for (int p = 3; p < 15; p++) {
        for (int k = 0; k < 4; k++) {
            items[n++] = path_of("Para%dx%d opens", p, k);
            items[n++] = path_of("Para%dx%d closes.", p, k);
        }
        for (int k = 0; k < 6; k++)
            items[n++] = path_of("Note%dx%d ", p, k);
    }
    assert_in_order(got, (const char *const *)items, n);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    cr_expect_eq(count_of(got, "Regional Monitoring Office"), 1, "running footer left: %s", got);
    cr_expect(strstr(got, "Summary opens the report.") != NULL);
    free(got);
    free(pdf);
    free(py);
    free(dir);
}

/* pdfTeX (texlive-latex-base): a two-column article over a dozen pages,
 * page numbers and a running title in the header, automatic hyphenation,
 * footnotes set smaller and raised. */
Test(extract_generated, pdftex_two_columns)
{
    if (!test_have_program("pdflatex"))
        cr_skip_test("pdflatex missing: apt-get install texlive-latex-base");
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
        "independent", "rapporteurs", "documented", "administrative", "detention",
        "of", "asylum", "seekers", "under", "international", "obligations",
    };
    char *dir = test_tmpdir(), *tex = path_of("%s/paper.tex", dir);
    FILE *f = fopen(tex, "w");
    cr_assert_not_null(f);
    fputs("\\documentclass[twocolumn,10pt]{article}\n\\pagestyle{myheadings}\n"
          "\\markright{Review of Detention Practice}\n\\begin{document}\n", f);
    size_t cap = 1 << 17, len = 0;
    char *want = malloc(cap), para[2048];
    for (int i = 1; i <= 60; i++) {
        filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], (unsigned)i * 3u, 80);
        fprintf(f, "Paragraph%d opens here. %s%s Paragraph%d closes here.\n\n", i, para,
                i == 5 ? " under the Privacy Act\\footnote{See the annex.} today" : "", i);
        len += (size_t)snprintf(want + len, cap - len, "Paragraph%d opens here. %s%s "
                                "Paragraph%d closes here.\n", i, para,
                                i == 5 ? " under the Privacy Act 1 today" : "", i);
    }
    fputs("\\end{document}\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && pdflatex -interaction=batchmode paper.tex >/dev/null 2>&1",
                          dir), 0, "pdflatex failed");
    char *pdf = path_of("%s/paper.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    double m = word_match(want, got);
    fprintf(stderr, "word match pdfTeX two columns: %.2f%%\n", 100 * m);
    cr_expect_geq(m, 0.99);
    char *items[120];
    for (int i = 0; i < 60; i++) {
        items[2 * i] = path_of("Paragraph%d opens", i + 1);
        items[2 * i + 1] = path_of("Paragraph%d closes", i + 1);
    }
    assert_in_order(got, (const char *const *)items, 120);
    for (int i = 0; i < 120; i++)
        free(items[i]);
    cr_expect(strstr(got, "Privacy Act 1 today") != NULL, "footnote mark glued");
    cr_expect_eq(count_of(got, "Review of Detention Practice"), 0, "running title survived");
    free(got);
    free(want);
    free(pdf);
    free(tex);
    free(dir);
}

/* ReportLab: a scorecard of ten pages whose table repeats its head row
 * (six cells) on every page, at the top or under a paragraph that opens
 * some pages, under a running header. The head is the table's, kept on
 * every page and read as one row over the page's rows (as pdftotext,
 * mutool and screen readers keep it); the running header and footer go;
 * the rows and the paragraphs stay, in order. */
Test(extract_generated, reportlab_table_head_repeated_at_any_height)
{
    if (access("/usr/bin/python3", X_OK) != 0
        || test_run("/usr/bin/python3 -c 'import reportlab' 2>/dev/null") != 0)
        cr_skip_test("ReportLab missing: apt-get install python3-reportlab");
    char *dir = test_tmpdir(), *py = path_of("%s/make.py", dir);
    FILE *f = fopen(py, "w");
    cr_assert_not_null(f);
    fputs("from reportlab.pdfgen import canvas\n"
          "from reportlab.lib.pagesizes import landscape, A4\n"
          "W, H = landscape(A4)\n"
          "c = canvas.Canvas('card.pdf', pagesize=(W, H))\n"
          "voc = 'the council reviewed national reports and regional programmes for migrant "
          "workers while independent auditors examined procurement records'.split()\n"
          "head = [(60, 'STATE'), (170, 'RATING'), (260, 'GROUPS'), (380, 'STATEMENT'),"
          " (620, 'ASSESSMENT'), (740, 'SCORE')]\n"
          "for p in range(1, 11):\n"
          "    c.setFont('Helvetica', 8); c.drawString(60, H - 30, 'How the Council Reviewed Freedonia')\n"
          "    y = H - 60\n"
          "    if p % 3 == 1:\n"
          "        c.setFont('Times-Roman', 10)\n"
          "        for k in range(3):\n"
          "            words = [voc[(p * 5 + k * 3 + i) % len(voc)] for i in range(14)]\n"
          "            c.drawString(60, y, 'Background%dx%d %s.' % (p, k, ' '.join(words)))\n"
          "            y -= 13\n"
          "        y -= 20\n"
          "    c.setFont('Helvetica-Bold', 8)\n"
          "    for x, t in head: c.drawString(x, y, t)\n"
          "    y -= 20\n"
          "    c.setFont('Times-Roman', 9)\n"
          "    for r in range(4):\n"
          "        c.drawString(60, y, 'Land%dx%d' % (p, r)); c.drawString(170, y, 'Free')\n"
          "        c.drawString(260, y, 'WEOG')\n"
          "        c.drawString(380, y, 'Statement%dx%d urges the government' % (p, r))\n"
          "        c.drawString(620, y, 'Positive'); c.drawString(740, y, str(r + 2)); y -= 40\n"
          "    c.setFont('Helvetica', 8); c.drawString(60, 30, 'SCORECARD OF THE REVIEW')\n"
          "    c.drawString(420, 30, str(p)); c.showPage()\n"
          "c.save()\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && /usr/bin/python3 make.py", dir), 0, "reportlab failed");
    char *pdf = path_of("%s/card.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    char *items[80];
    size_t n = 0;
    for (int p = 1; p <= 10; p++) {
        if (p % 3 == 1)
            items[n++] = path_of("Background%dx2 ", p);
        items[n++] = path_of("STATE RATING GROUPS STATEMENT ASSESSMENT SCORE Land%dx0 ", p);
        for (int r = 0; r < 4; r++)
            items[n++] = path_of("Statement%dx%d urges", p, r);
    }
    assert_in_order(got, (const char *const *)items, n);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    /* the head stays on every page, each time whole, over the page's rows */
    cr_expect_eq(count_of(got, "STATE RATING GROUPS STATEMENT ASSESSMENT SCORE"), 10,
                 "table head dropped or cut apart: %s", got);
    cr_expect_eq(count_of(got, "Freedonia"), 0, "running header left");
    cr_expect_eq(count_of(got, "Land"), 40, "table rows lost");
    cr_expect_eq(count_of(got, "Positive 5"), 10, "last row's score lost");
    cr_expect_eq(count_of(got, "SCORECARD"), 0, "running footer left");
    free(got);
    free(pdf);
    free(py);
    free(dir);
}

/* ReportLab: chapters opening with a drop cap, one letter four lines tall
 * beside the first lines of the paragraph (CRS and NGO reports). The
 * letter opens the first word, before the lines beside it. */
Test(extract_generated, reportlab_drop_cap_opens_its_word)
{
    if (access("/usr/bin/python3", X_OK) != 0
        || test_run("/usr/bin/python3 -c 'import reportlab' 2>/dev/null") != 0)
        cr_skip_test("ReportLab missing: apt-get install python3-reportlab");
    char *dir = test_tmpdir(), *py = path_of("%s/make.py", dir);
    FILE *f = fopen(py, "w");
    cr_assert_not_null(f);
    fputs("from reportlab.pdfgen import canvas\n"
          "from reportlab.lib.pagesizes import letter\n"
          "W, H = letter\n"
          "c = canvas.Canvas('cap.pdf', pagesize=letter)\n"
          "voc = 'the council reviewed national reports and regional programmes for migrant "
          "workers while independent auditors examined procurement records'.split()\n"
          "for p, (cap, rest) in enumerate([('U', 'nder'), ('T', 'he'), ('I', 'n')]):\n"
          "    y = H - 100\n"
          "    c.setFont('Times-Roman', 40); c.drawString(72, y - 26, cap)\n"
          "    w = c.stringWidth(cap, 'Times-Roman', 40) + 3\n"
          "    c.setFont('Times-Roman', 11)\n"
          "    for k in range(8):\n"
          "        words = [voc[(p * 5 + k * 3 + i) % len(voc)] for i in range(11 if k < 4 else 13)]\n"
          "        if k == 0: words = [rest + '%d' % p] + words\n"
          "        words = ['Line%dx%d' % (p, k)] + words if k else words\n"
          "        c.drawString(72 + (w if k < 4 else 0), y, ' '.join(words)); y -= 13\n"
          "    c.showPage()\n"
          "c.save()\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && /usr/bin/python3 make.py", dir), 0, "reportlab failed");
    char *pdf = path_of("%s/cap.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    static const char *const first[] = { "Under0 ", "The1 ", "In2 " };
    char *items[30];
    size_t n = 0;
    for (int p = 0; p < 3; p++) {
        items[n++] = strdup(first[p]);
        for (int k = 1; k < 8; k++)
            items[n++] = path_of("Line%dx%d ", p, k);
    }
    assert_in_order(got, (const char *const *)items, n);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(got);
    free(pdf);
    free(py);
    free(dir);
}

/* pdfTeX: a table whose cells are paragraphs (a question, then two
 * passages of several lines), rows set apart by white. Each row is read
 * whole, its cells left to right, before the next row. */
Test(extract_generated, pdftex_table_of_text_cells_by_rows)
{
    if (!test_have_program("pdflatex"))
        cr_skip_test("pdflatex missing: apt-get install texlive-latex-base");
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
    };
    char *dir = test_tmpdir(), *tex = path_of("%s/cells.tex", dir);
    FILE *f = fopen(tex, "w");
    cr_assert_not_null(f);
    fputs("\\documentclass[10pt]{article}\n\\begin{document}\n", f);
    char para[2048];
    filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], 7u, 60);
    fprintf(f, "Before opens here. %s Before closes here.\n\n", para);
    fputs("\\noindent\\begin{tabular}{p{3cm}p{5cm}p{5cm}}\n"
          "Question & Passage found by one & Passage found by two\\\\[8pt]\n", f);
    for (int r = 1; r <= 3; r++) {
        fprintf(f, "Ask%d which body reviewed the reports? & ", r);
        filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], (unsigned)r * 11u, 30);
        fprintf(f, "OneFor%d opens %s OneFor%d closes. & ", r, para, r);
        filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], (unsigned)r * 13u, 40);
        fprintf(f, "TwoFor%d opens %s TwoFor%d closes.\\\\[8pt]\n", r, para, r);
    }
    fputs("\\end{tabular}\n\n", f);
    filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], 9u, 60);
    fprintf(f, "After opens here. %s After closes here.\n\n\\end{document}\n", para);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && pdflatex -interaction=batchmode cells.tex >/dev/null 2>&1",
                          dir), 0, "pdflatex failed");
    char *pdf = path_of("%s/cells.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    char *items[24];
    size_t n = 0;
    items[n++] = path_of("Before closes here.");
    items[n++] = path_of("Question Passage found by one Passage found by two");
    for (int r = 1; r <= 3; r++) {
        items[n++] = path_of("Ask%d which body", r);
        items[n++] = path_of("OneFor%d opens", r);
        items[n++] = path_of("OneFor%d closes.", r);
        items[n++] = path_of("TwoFor%d opens", r);
        items[n++] = path_of("TwoFor%d closes.", r);
    }
    items[n++] = path_of("After opens here.");
    assert_in_order(got, (const char *const *)items, n);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(got);
    free(pdf);
    free(tex);
    free(dir);
}

/* pdfTeX: a table of short cells (a label and four figures a row, rows in
 * groups) floated into one column of a two-column article. Its rows are read whole, left to
 * right, one after the other, not one column of figures after another;
 * the prose around it keeps its column order. */
Test(extract_generated, pdftex_table_rows_in_a_column)
{
    if (!test_have_program("pdflatex"))
        cr_skip_test("pdflatex missing: apt-get install texlive-latex-base");
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
    };
    char *dir = test_tmpdir(), *tex = path_of("%s/table.tex", dir);
    FILE *f = fopen(tex, "w");
    cr_assert_not_null(f);
    fputs("\\documentclass[twocolumn,10pt]{article}\n\\begin{document}\n", f);
    char para[2048];
    for (int i = 1; i <= 12; i++) {
        filler(para, sizeof para, vocab, sizeof vocab / sizeof vocab[0], (unsigned)i * 5u, 70);
        fprintf(f, "Paragraph%d opens here. %s Paragraph%d closes here.\n\n", i, para, i);
        if (i == 3) {
            fputs("\\begin{table}[h]\\centering\n\\begin{tabular}{lrrrr}\n"
                  "Region & Cases & Top-5 & Top-20 & Top-100\\\\[6pt]\n", f);
            for (int r = 1; r <= 8; r++) /* rows in groups of three, white between */
                fprintf(f, "Area%d & %d & %d.%d & %d.%d & %d.%d\\\\%s\n", r, 3 * r + 1, 40 + r, r,
                        60 + r, r, 70 + r, r, r % 3 == 0 ? "[6pt]" : "");
            fputs("\\end{tabular}\n\\caption{Accuracy by region.}\n\\end{table}\n\n", f);
        }
    }
    fputs("\\end{document}\n", f);
    fclose(f);
    cr_assert_eq(test_run("cd '%s' && pdflatex -interaction=batchmode table.tex >/dev/null 2>&1",
                          dir), 0, "pdflatex failed");
    char *pdf = path_of("%s/table.pdf", dir), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
    free(raw);
    char *items[40];
    size_t n = 0;
    for (int i = 1; i <= 3; i++) {
        items[n++] = path_of("Paragraph%d opens", i);
        items[n++] = path_of("Paragraph%d closes", i);
    }
    items[n++] = path_of("Region Cases Top-5 Top-20 Top-100");
    for (int r = 1; r <= 8; r++)
        items[n++] = path_of("Area%d %d %d.%d %d.%d %d.%d", r, 3 * r + 1, 40 + r, r, 60 + r, r,
                             70 + r, r);
    for (int i = 4; i <= 12; i++) {
        items[n++] = path_of("Paragraph%d opens", i);
        items[n++] = path_of("Paragraph%d closes", i);
    }
    assert_in_order(got, (const char *const *)items, n);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(got);
    free(pdf);
    free(tex);
    free(dir);
}

/* ---- Hostile PDFs, written byte by byte ----------------------------------------- */

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
