/*
 * test_pdf_furniture.c: spacing, footnote marks and page furniture on
 * ReportLab PDFs made here at run time: table cells and glossary entries
 * drawn as separate strings, a raised footnote mark, a rotated margin
 * stamp, a rule line, running headers and footers; notes in a narrow
 * margin and a footer set apart, without its number, on one page; and on
 * pdfTeX, numbered notes ending in a document symbol or a DOI.
 *
 * ReportLab or pdfTeX missing: the test skips (apt-get install
 * python3-reportlab texlive-latex-base).
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

/* ReportLab (python3-reportlab): table cells, glossary entries and a
 * footnote mark drawn as separate strings with no space between them, a
 * stamp rotated in the margin beside the text, a rule above the notes, a
 * running header and right-aligned footers "Page 1" .. "Page 12". */
Test(extract_generated, reportlab_spacing_stamps_marks_footers)
{
    char *dir = reportlab_run("from reportlab.pdfgen import canvas\n"
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
                              "c.save()\n");
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
    char *dir = reportlab_run("from reportlab.pdfgen import canvas\n"
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
                              "c.save()\n");
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
    free(dir);
}

/* pdfTeX: numbered endnotes and references, each ending in a UN document
 * symbol or a DOI with its full stop ("A/HRC/8/22." then "15.
 * A/HRC/12/10."). The next note's number opens a line of its own and is
 * not joined to the symbol as a URL cut at the line end would be
 * ("A/HRC/8/22.15."); a symbol or URL really cut at the line end still is
 * ("E/C." + "12/GC/20"). */
Test(extract_generated, pdftex_note_numbers_after_symbols_and_urls)
{
    char *dir;
    FILE *f = pdflatex_open("notes", &dir);
    fputs("\\documentclass[10pt]{article}\n\\begin{document}\n\\noindent Notes\n"
          "\\begin{enumerate}\\setcounter{enumi}{13}\n"
          "\\item A/HRC/8/22.\n\\item A/HRC/12/10.\n\\item A/HRC/8/31, para.~23.\n"
          "\\item Babel, M. (2023). Bringing data minimization to wallets.\\\\\n"
          "https://doi.org/10.48550/arXiv.2301.00823.\n"
          "\\item Mazzocca, C. (2025). A survey on decentralized identifiers.\\\\\n"
          "https://doi.org/10.48550/arXiv.2402.02455.\n"
          "\\item See the general comment in E/C.\\\\\n12/GC/20 of the Committee.\n"
          "\\end{enumerate}\n\\end{document}\n", f);
    char *pdf = pdflatex_close(f, dir, "notes"), *raw = pdf_text(pdf, NULL);
    static const char *const want[] = {
        "14. A/HRC/8/22.\n", "15. A/HRC/12/10.\n", "16. A/HRC/8/31, para. 23.\n",
        "arXiv.2301.00823.\n", "18. Mazzocca", "arXiv.2402.02455.\n", "19. See the general",
        "E/C.12/GC/20 of the Committee.",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        cr_expect(strstr(raw, want[i]) != NULL, "\"%s\" missing:\n%s", want[i], raw);
    cr_expect(strstr(raw, "22.15.") == NULL && strstr(raw, "00823.18.") == NULL,
              "a note's number joined to the symbol or URL before it:\n%s", raw);
    free(raw);
    free(pdf);
    free(dir);
}
