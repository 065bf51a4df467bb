/*
 * test_layout_running.c: running headers and footers on synthetic pages
 * (layouttest.h), without a PDF or poppler: page numbers of one, two and
 * three digits, portrait and landscape pages, a table head repeated on each
 * page, section titles, rule lines, and a 1000-page document of 200 lines a
 * page (100 under valgrind) (the running-line step compares lines through a
 * sort, not with every other line).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>

#include "layouttest.h"

Test(layout_running, headers_footers_page_numbers_of_any_width_and_table_heads)
{
    synth s = { 0 };
    size_t header[120], footer[120], body_top[120], head_row[120][2], first_row[120];
    char buf[128];
    for (int p = 0; p < 120; p++) {
        int landscape = p % 3 == 2;
        float w = landscape ? 792 : 612, h = landscape ? 612 : 792;
        new_page(&s, w, h);
        header[p] = add_line(&s, 72, 40, 9, 11, "Annual Review of Widget Policy");
        /* right-aligned page number: "Page 7" is narrower than "Page 107" */
        snprintf(buf, sizeof buf, "Page %d", p + 1);
        footer[p] = add_line(&s, w - 72 - 4.5f * (float)strlen(buf), h - 30, 9, 11, buf);
        float y = 80;
        if (p >= 40 && p < 50) {
            /* a table continued over ten pages: its head row on each */
            head_row[p][0] = add_line(&s, 72, y, 10, 12, "COUNTRY");
            head_row[p][1] = add_line(&s, 200, y, 10, 12, "RATING");
            y += 14;
            snprintf(buf, sizeof buf, "Country%d", p);
            first_row[p] = add_line(&s, 72, y, 10, 12, buf);
            add_line(&s, 200, y, 10, 12, "Not Free");
            y += 14;
        }
        /* the first body line: on every fourth page one of the same shape
         * (numbers aside), which is not enough for a running line */
        if (p % 4 == 0)
            snprintf(buf, sizeof buf, "(%d) In the Operating Procedures chapter,", p + 1);
        else
            snprintf(buf, sizeof buf, "Paragraph %c%c opens on this page.", 'a' + p % 26,
                     'a' + p / 26);
        body_top[p] = add_line(&s, 72, y + 14, 10, 12, buf);
        for (int k = 0; k < 30; k++) {
            snprintf(buf, sizeof buf, "Body line %d of page %d says something new.", k, p);
            add_line(&s, 72, y + 28 + 14 * (float)k, 10, 12, buf);
        }
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    for (int p = 0; p < 120; p++) {
        cr_expect(s.l[header[p]].dropped, "header of page %d kept", p + 1);
        cr_expect(s.l[footer[p]].dropped, "footer of page %d kept: %s", p + 1,
                  line_text(&s, footer[p]));
        cr_expect(!s.l[body_top[p]].dropped, "body line of page %d dropped: %s", p + 1,
                  line_text(&s, body_top[p]));
        /* the table's head, close over its cells column by column, is the
         * table's on every page (the running header over it is not) */
        if (p >= 40 && p < 50) {
            cr_expect(!s.l[head_row[p][0]].dropped && !s.l[head_row[p][1]].dropped,
                      "table head of page %d dropped", p + 1);
            cr_expect(s.l[head_row[p][0]].head && s.l[head_row[p][1]].head,
                      "table head of page %d not known as one", p + 1);
            cr_expect(!s.l[first_row[p]].dropped, "first table row of page %d dropped", p + 1);
        }
    }
    synth_free(&s);
}

/* Rows repeated word for word at the top of the pages of one part (an NGO
 * report's "How the U.N. Reviewed X" over each country's pages, the head
 * of a table running on): where the run starts the row is text (the
 * section's title, the head over the first rows) and stays; the repeats
 * go. A running foot, a lone word (a logo) and a row on the two pages
 * after the last one seen go wherever they stand; a row again after a
 * gap of pages opens a new run (the next table) and stays. */
Test(layout_running, section_titles_and_table_heads_kept_where_their_run_starts)
{
    synth s = { 0 };
    size_t title[40], head[40], logo[40], foot[40];
    char buf[128];
    memset(title, 0xff, sizeof title);
    memset(head, 0xff, sizeof head);
    for (int p = 0; p < 40; p++) {
        new_page(&s, 612, 792);
        add_line(&s, 72, 30, 9, 11, "Report of the Widget Watch, 2009");
        float y = 110;   /* under the top band, as an NGO report's are */
        if (p >= 10 && p < 18)
            title[p] = add_line(&s, 72, y, 12, 14, "How the Council Reviewed Freedonia");
        y += 20;
        /* the table: pages 10 to 17, then again (a new table) 24 to 29 */
        if ((p >= 10 && p < 18) || (p >= 24 && p < 30)) {
            head[p] = add_line(&s, 72, y, 9, 11, "COUNTRY");
            add_line(&s, 200, y, 9, 11, "FH RATING");
            add_line(&s, 320, y, 9, 11, "EXCERPT FROM STATEMENT");
            y += 14;
        }
        logo[p] = p % 5 == 0 ? add_line(&s, 500, y, 9, 11, "WIDGETWATCH") : (size_t)-1;
        for (int k = 0; k < 30; k++) {
            snprintf(buf, sizeof buf, "Row %d of page %d tells its own story.", k, p);
            add_line(&s, 72, y + 14 + 14 * (float)k, 10, 12, buf);
        }
        foot[p] = add_line(&s, 72, 700, 9, 11, "PART TWO: THE COUNTRY REVIEWS");
        if (p >= 10 && p < 18)
            foot[p] = add_line(&s, 72, 740, 9, 11, "How the Council Reviewed Freedonia");
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    cr_expect(!s.l[title[10]].dropped, "section title where the section starts dropped");
    for (int p = 11; p < 18; p++)
        cr_expect(s.l[title[p]].dropped, "section title repeated on page %d kept", p + 1);
    cr_expect(!s.l[head[10]].dropped && !s.l[head[24]].dropped, "table head where it starts dropped");
    for (int p = 11; p < 30; p++)
        if (head[p] != (size_t)-1 && p != 24)
            cr_expect(s.l[head[p]].dropped, "table head repeated on page %d kept", p + 1);
    for (int p = 0; p < 40; p++) {
        if (logo[p] != (size_t)-1)
            cr_expect(s.l[logo[p]].dropped, "logo word of page %d kept", p + 1);
        cr_expect(s.l[foot[p]].dropped, "running foot of page %d kept", p + 1);
    }
    synth_free(&s);
}

Test(layout_running, rule_lines_and_bare_page_numbers)
{
    synth s = { 0 };
    size_t rule[3], num[3];
    char buf[64];
    for (int p = 0; p < 3; p++) {
        new_page(&s, 612, 792);
        add_line(&s, 72, 100 + 10 * (float)p, 10, 12, "Some text that differs from page to page");
        snprintf(buf, sizeof buf, "Text number %d, with its own words.", p * 7);
        add_line(&s, 72, 300, 10, 12, buf);
        rule[p] = add_line(&s, 72, 700, 10, 12, "____________________");
        add_line(&s, 72, 720, 8, 9, p == 1 ? "1 A note." : "2 Another note.");
        snprintf(buf, sizeof buf, "%d", p + 8);
        num[p] = add_line(&s, 300, 760, 10, 12, buf);
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    for (int p = 0; p < 3; p++) {
        cr_expect(s.l[rule[p]].dropped, "rule line of page %d kept", p + 1);
        cr_expect(s.l[num[p]].dropped, "page number of page %d kept", p + 1);
    }
    synth_free(&s);
}

/* 1000 pages of 200 short lines: every page has the same header and a
 * numbered footer. The running-line step groups lines by sorting; comparing every
 * band line with every other (as it once did) would take minutes here. */
Test(layout_running, thousand_pages, .timeout = 120)
{
    synth s = { 0 };
    char buf[64];
    int pages = RUNNING_ON_VALGRIND ? 100 : 1000; /* valgrind: 50 times slower */
    for (int p = 0; p < pages; p++) {
        new_page(&s, 612, 792);
        add_line(&s, 72, 40, 9, 11, "Federal Register / Vol. 85");
        for (int k = 0; k < 200; k++) {
            snprintf(buf, sizeof buf, "w%c%c%c%c", 'a' + k % 26, 'a' + k / 26, 'a' + p % 26,
                     'a' + p / 26);
            add_line(&s, 72 + 40 * (float)(k % 10), 60 + 3.5f * (float)k, 3, 3, buf);
        }
        snprintf(buf, sizeof buf, "%d", p + 1);
        add_line(&s, 300, 770, 9, 11, buf);
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    size_t *order = malloc(s.nl * sizeof *order);
    size_t kept = 0;
    for (size_t p = 0; p < s.np; p++) {
        cr_expect(s.l[s.p[p].first_line].dropped, "header of page %zu kept", p + 1);
        long n = layout_reading_order(s.l, s.g, &s.p[p], order);
        cr_assert_geq(n, 0);
        kept += (size_t)n;
    }
    cr_expect_eq(kept, (size_t)pages * 200, "body lines dropped: %zu kept", kept);
    free(order);
    synth_free(&s);
}
