/*
 * test_pdf_tables.c: tables on PDFs made here at run time: a ReportLab
 * scorecard repeating its table head at any height, pdfTeX tables of text
 * cells read row by row, and of figures in one column.
 *
 * Generators missing: the test skips, saying which Debian package to add
 * (python3-reportlab, texlive-latex-base).
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

/* ReportLab: a scorecard of ten pages whose table repeats its head row
 * (six cells) on every page, at the top or under a paragraph that opens
 * some pages, under a running header. The head is the table's, kept on
 * every page and read as one row over the page's rows (as pdftotext,
 * mutool and screen readers keep it); the running header and footer go;
 * the rows and the paragraphs stay, in order. */
Test(extract_generated, reportlab_table_head_repeated_at_any_height)
{
    char *dir = reportlab_run("from reportlab.pdfgen import canvas\n"
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
                              "c.save()\n");
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
    free(dir);
}

/* pdfTeX: a table whose cells are paragraphs (a question, then two
 * passages of several lines), rows set apart by white. Each row is read
 * whole, its cells left to right, before the next row. */
Test(extract_generated, pdftex_table_of_text_cells_by_rows)
{
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
    };
    char *dir;
    FILE *f = pdflatex_open("cells", &dir);
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
    char *pdf = pdflatex_close(f, dir, "cells"), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
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
    free(dir);
}

/* pdfTeX: a table of short cells (a label and four figures a row, rows in
 * groups) floated into one column of a two-column article. Its rows are read whole, left to
 * right, one after the other, not one column of figures after another;
 * the prose around it keeps its column order. */
Test(extract_generated, pdftex_table_rows_in_a_column)
{
    static const char *const vocab[] = {
        "the", "commission", "examined", "intergovernmental", "arrangements", "and",
        "humanitarian", "programmes", "for", "displaced", "communities", "while",
    };
    char *dir;
    FILE *f = pdflatex_open("table", &dir);
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
    char *pdf = pdflatex_close(f, dir, "table"), *raw = pdf_text(pdf, NULL), *got = collapse(raw);
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
    free(dir);
}
