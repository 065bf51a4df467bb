/*
 * test_pdf_columns.c: reading order on PDFs of other producers, made here
 * at run time: groff -ms two columns through ps2pdf (Ghostscript), three
 * columns set by pango-view (cairo), a two-column pdfTeX article,
 * ReportLab chapters opening with a drop cap, and ReportLab side headings
 * in the margin as FrameMaker sets them.
 *
 * Generators missing: the test skips, saying which Debian package to add
 * (groff, ghostscript, pango1.0-tools, qpdf, texlive-latex-base,
 * python3-reportlab).
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctag.h"
#include "pdftest.h"
#include "testutil.h"


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

/* pdfTeX (texlive-latex-base): a two-column article over a dozen pages,
 * page numbers and a running title in the header, automatic hyphenation,
 * footnotes set smaller and raised. */
Test(extract_generated, pdftex_two_columns)
{
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
        "independent", "rapporteurs", "documented", "administrative", "detention",
        "of", "asylum", "seekers", "under", "international", "obligations",
    };
    char *dir;
    FILE *f = pdflatex_open("paper", &dir);
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
    char *pdf = pdflatex_close(f, dir, "paper"), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
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
    free(dir);
}

/* ReportLab: chapters opening with a drop cap, one letter four lines tall
 * beside the first lines of the paragraph (CRS and NGO reports). The
 * letter opens the first word, before the lines beside it. */
Test(extract_generated, reportlab_drop_cap_opens_its_word)
{
    char *dir = reportlab_run("from reportlab.pdfgen import canvas\n"
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
                              "c.save()\n");
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
    free(dir);
}

/* Side headings as FrameMaker sets GAO reports: a heading in the left
 * margin in larger type, its top level with the first line of its
 * paragraph in the body column (so its baseline is lower than that
 * line's), or on one baseline with it; one line or several. The heading
 * is read before its paragraph and set apart from it, not glued into its
 * first sentence. */
Test(extract_generated, reportlab_side_headings_before_their_paragraphs)
{
    char *dir = reportlab_run(
        "from reportlab.pdfgen import canvas\n"
        "from reportlab.pdfbase.pdfmetrics import getAscent\n"
        "from reportlab.lib.pagesizes import letter\n"
        "W, H = letter\n"
        "c = canvas.Canvas('side.pdf', pagesize=letter)\n"
        "voc = ('agencies can use performance information to make various types of management '\n"
        "       'decisions that improve programs and results while managers report measures').split()\n"
        "heads = [(['Results in Brief'], 15), (['Background'], 15), (['Agencies Can Use',\n"
        "         'Performance', 'Information'], 15), (['Order by Mail or Phone'], 12),\n"
        "         (['Conclusions'], 15), (['Agency Comments'], 15)]\n"
        "def top_level(size, base, body=9.5):\n"
        "    return base + getAscent('Times-Roman', body) - getAscent('Helvetica', size)\n"
        "for page in range(2):\n"
        "    y = H - 120\n"
        "    for s, (head, size) in enumerate(heads[page * 3:page * 3 + 3]):\n"
        "        n = page * 3 + s\n"
        "        hy = y if size == 12 else top_level(size, y)\n"
        "        c.setFont('Helvetica', size)\n"
        "        for k, h in enumerate(head):\n"
        "            c.drawString(33, hy - k * 18, h)\n"
        "        c.setFont('Times-Roman', 9.5)\n"
        "        for k in range(7):\n"
        "            words = [voc[(n * 5 + k * 3 + i) % len(voc)] for i in range(10)]\n"
        "            words = ['Open%d' % n if k == 0 else 'Line%dx%d' % (n, k)] + words\n"
        "            c.drawString(219, y, ' '.join(words) + ('.' if k == 6 else '')); y -= 13\n"
        "        y -= 40\n"
        "    c.showPage()\n"
        "c.save()\n");
    char *pdf = path_of("%s/side.pdf", dir), *raw = pdf_text(pdf, NULL);
    static const char *const heads[] = { "Results in Brief", "Background",
                                         "Agencies Can Use\nPerformance\nInformation",
                                         "Order by Mail or Phone", "Conclusions",
                                         "Agency Comments" };
    for (int n = 0; n < 6; n++) {
        /* the heading, a paragraph break, then its paragraph's first line */
        char *want = path_of("%s\n\nOpen%d ", heads[n], n);
        cr_expect(strstr(raw, want) != NULL, "side heading %d not before its paragraph:\n%s", n,
                  raw);
        free(want);
    }
    char *items[48];
    size_t k = 0;
    for (int n = 0; n < 6; n++) {
        items[k++] = path_of("Open%d ", n);
        for (int j = 1; j < 7; j++)
            items[k++] = path_of("Line%dx%d ", n, j);
    }
    assert_in_order(raw, (const char *const *)items, k);
    for (size_t i = 0; i < k; i++)
        free(items[i]);
    free(raw);
    free(pdf);
    free(dir);
}
