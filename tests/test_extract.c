/*
 * test_extract.c: PDF text extraction on the corpus (one typesetter,
 * WeasyPrint) and on PDFs of other producers made here at run time:
 * groff -ms two-column through ps2pdf (Ghostscript), and a three-column
 * page set by pango-view (cairo).
 *
 * Generators missing: the test skips, saying which Debian package to add
 * (groff, ghostscript, pango1.0-tools, qpdf).
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        cr_expect_geq(m, 0.98, "%s: only %.2f%% of the words match", corpus_docs[d], 100 * m);
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
        const extract_pos *ps = &r.pos[i];
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
            cr_assert_eq(r.pos[i].page, 0, "byte %zu outside every line", i);
        for (size_t i = l->start; i < l->end; i++)
            if (r.pos[i].page)
                cr_assert(r.pos[i].page == l->page && r.pos[i].y0 >= l->y0 - 0.5f
                          && r.pos[i].y1 <= l->y1 + 0.5f, "byte %zu outside its line box", i);
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
        cr_assert(r.pos[i].page == 0 || (r.pos[i].page >= 2 && r.pos[i].page <= 3));
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
