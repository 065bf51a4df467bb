/*
 * test_pdf_layout.c: the PDF layout rules on synthetic lines, without a PDF
 * or poppler: running headers and footers (page numbers of one, two and
 * three digits, portrait and landscape pages, a table head repeated on each
 * page), reading order by baseline and by column, line-break hyphens, and
 * a 1000-page document of 200 lines a page (100 under valgrind) (the running-line step compares
 * lines through a sort, not with every other line).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>

#include "layout.h"
#include "tables.h"

typedef struct synth {
    layout_glyph *g;
    size_t ng, cap_g;
    layout_line *l;
    size_t nl, cap_l;
    layout_page *p;
    size_t np, cap_p;
} synth;

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    while (*cap < need)
        *cap = *cap ? *cap * 2 : 64;
    p = realloc(p, *cap * elem);
    cr_assert_not_null(p);
    return p;
}

static void new_page(synth *s, float w, float h)
{
    s->p = grow(s->p, &s->cap_p, s->np + 1, sizeof *s->p);
    layout_page *p = &s->p[s->np++];
    p->number = (int)s->np;
    p->width = w;
    p->height = h;
    p->first_line = s->nl;
    p->n_lines = 0;
}

/* A line of `text` on the current page: glyphs half a size wide, boxes
 * `box` points tall standing on the baseline `base`. Returns its index. */
static size_t add_line(synth *s, float x, float base, float size, float box, const char *text)
{
    size_t n = strlen(text);
    s->g = grow(s->g, &s->cap_g, s->ng + n, sizeof *s->g);
    s->l = grow(s->l, &s->cap_l, s->nl + 1, sizeof *s->l);
    layout_line *l = &s->l[s->nl];
    memset(l, 0, sizeof *l);
    l->page = (int)s->np;
    l->first = s->ng;
    l->count = n;
    l->size = box;
    l->base = base;
    l->x0 = x;
    l->x1 = x + 0.5f * size * (float)n;
    l->y0 = base - box;
    l->y1 = base;
    for (size_t i = 0; i < n; i++) {
        layout_glyph *g = &s->g[s->ng++];
        g->cp = (unsigned char)text[i];
    }
    s->p[s->np - 1].n_lines++;
    return s->nl++;
}

static void synth_free(synth *s)
{
    free(s->g);
    free(s->l);
    free(s->p);
}

/* The text of line i (static buffer). */
static const char *line_text(const synth *s, size_t i)
{
    static char buf[512];
    size_t n = s->l[i].count < sizeof buf - 1 ? s->l[i].count : sizeof buf - 1;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)s->g[s->l[i].first + k].cp;
    buf[n] = '\0';
    return buf;
}

/* ---- Running lines ---------------------------------------------------------- */

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

/* ---- Reading order ----------------------------------------------------------- */

static void order_of(synth *s, size_t page, size_t *order, long *n)
{
    *n = layout_reading_order(s->l, s->g, &s->p[page], order);
    cr_assert_geq(*n, 0);
}

/* A long table over twelve landscape pages (an NGO's country reviews, as
 * QuarkXPress sets them): under a running section title, its head row of
 * six cells (one of two lines, "FH" over "RATING") stands close over the
 * rows on every page; each row's cells start level but for a hair (a
 * score set 0.1 pt higher), the groups (one line of them past the white
 * between the columns), the statement and the assessment (two
 * paragraphs) of several lines; a footer of three pieces. The title and footer are furniture;
 * the head is the table's on every
 * page, read first, cell by cell; then the rows in order, each one's
 * country first and its cells column by column. */
Test(layout_order, table_head_kept_on_every_page_and_rows_in_order)
{
    enum { PAGES = 12, ROWS = 3 };
    static const struct { float x; const char *t; float base; } head[] = {
        { 93, "COUNTRY", 102 }, { 188, "FH", 102 }, { 175, "RATING", 113.5f },
        { 237, "AFFILIATIONS", 102 }, { 349, "EXCERPT FROM STATEMENT", 102 },
        { 560, "ASSESSMENT", 102 }, { 668, "SCORE", 102 },
    };
    enum { HEAD = sizeof head / sizeof head[0] };
    synth s = { 0 };
    size_t title[PAGES], foot[PAGES][3], hd[PAGES][HEAD], row[PAGES][ROWS][16], nrow[PAGES][ROWS];
    char buf[128];
    for (int p = 0; p < PAGES; p++) {
        new_page(&s, 792, 612);
        title[p] = add_line(&s, 313, 50, 10.8f, 10.8f, "How the Council Reviewed Freedonia");
        for (size_t k = 0; k < HEAD; k++)
            hd[p][k] = add_line(&s, head[k].x, head[k].base, 9, 9, head[k].t);
        float y = 125;
        for (int r = 0; r < ROWS; r++) {
            size_t *c = row[p][r], k = 0;
            snprintf(buf, sizeof buf, "LAND%dX%d", p, r);
            c[k++] = add_line(&s, 72, y, 9, 9, buf);
            c[k++] = add_line(&s, 167, y, 9, 9, "Not free");
            /* groups of one to three lines, the longest past the column's
             * white (as "Asian Group, NAM," is) */
            c[k++] = add_line(&s, 234, y, 9, 9, r == 1 ? "Asian Group, NAM, G77," : "EE, EU");
            for (int i = 1; i <= r; i++)
                c[k++] = add_line(&s, 234, y + 11.5f * (float)i, 9, 9, i == 1 ? "Arab League," : "OIC");
            int lines = 3 + 3 * (r % 2);
            for (int i = 0; i < lines; i++) {
                snprintf(buf, sizeof buf, "Statement %d.%d line %d of its words", p, r, i);
                c[k++] = add_line(&s, 324, y + 11.5f * (float)i, 9, 9, buf);
            }
            /* the assessment in two paragraphs, the second level with no
             * other cell's start */
            c[k++] = add_line(&s, 531, y, 9, 9, "Negative");
            c[k++] = add_line(&s, 531, y + 23, 9, 9, "Praises the state");
            c[k++] = add_line(&s, 531, y + 46, 9, 9, "Asks nothing");
            c[k++] = add_line(&s, 666, y - 0.1f, 9, 9, "-8");
            nrow[p][r] = k;
            y += 11.5f * (float)(lines > 4 ? lines + 1 : 5);
        }
        foot[p][0] = add_line(&s, 80, 580, 13.7f, 13.7f, "WIDGET SOCIETY");
        snprintf(buf, sizeof buf, "%d", p + 20);
        foot[p][1] = add_line(&s, 391, 580, 13.7f, 13.7f, buf);
        foot[p][2] = add_line(&s, 585, 580, 13.7f, 13.7f, "WIDGET WATCH 2009");
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    size_t *order = malloc(s.nl * sizeof *order);
    cr_assert_not_null(order);
    for (int p = 0; p < PAGES; p++) {
        cr_expect(s.l[title[p]].dropped, "running title of page %d kept", p + 1);
        for (int k = 0; k < 3; k++)
            cr_expect(s.l[foot[p][k]].dropped, "footer of page %d kept", p + 1);
        for (size_t k = 0; k < HEAD; k++)
            cr_expect(!s.l[hd[p][k]].dropped && s.l[hd[p][k]].head,
                      "head cell %s of page %d dropped", head[k].t, p + 1);
        long n;
        order_of(&s, (size_t)p, order, &n);
        size_t at = 0;
        for (size_t k = 0; k < HEAD && at < (size_t)n; k++, at++)
            cr_expect_eq(order[at], hd[p][k], "page %d: head cell %zu read as %s", p + 1, k,
                         line_text(&s, order[at]));
        for (int r = 0; r < ROWS; r++) {
            cr_expect(at < (size_t)n && order[at] == row[p][r][0], "page %d row %d: %s first",
                      p + 1, r, at < (size_t)n ? line_text(&s, order[at]) : "nothing");
            for (size_t k = 0; k < nrow[p][r] && at < (size_t)n; k++, at++) {
                int in = 0;
                for (size_t j = 0; j < nrow[p][r]; j++)
                    in |= order[at] == row[p][r][j];
                cr_expect(in, "page %d row %d: %s read in it", p + 1, r,
                          line_text(&s, order[at]));
            }
        }
    }
    free(order);
    synth_free(&s);
}

/* The lines of a country table's page as QuarkXPress set them (an NGO
 * report, two pages of one table): the head row, then three rows whose groups
 * ("G77, NAM, OIC") reach past the white left of the statements, whose
 * assessments run in two paragraphs beside statements of four to fifteen
 * lines. Read: the head, then row by row, each row's country first and
 * nothing of a row before the row above it is done. */
Test(layout_order, country_table_rows_in_order_under_its_head)
{
    static const struct { float x0, x1, base; int row; const char *t; } cells[] = {
        { 97.9f, 148.5f, 102.0f, -1, "COUNTRY" },
        { 185.4f, 241.8f, 102.0f, -1, "FH RATING" },
        { 255.3f, 327.6f, 102.0f, -1, "AFFILIATIONS" },
        { 366.2f, 512.4f, 102.0f, -1, "EXCERPT FROM STATEMENT" },
        { 578.5f, 644.6f, 102.0f, -1, "ASSESSMENT" },
        { 682.8f, 717.3f, 102.0f, -1, "SCORE" },
        { 74.6f, 111.3f, 114.0f, 0, "RUSSIA" },
        { 182.7f, 218.0f, 113.8f, 0, "Not Free" },
        { 255.4f, 289.9f, 113.8f, 0, "EE, OIC" },
        { 338.5f, 516.2f, 113.8f, 0, "As a country whose citizens have, on many" },
        { 551.2f, 588.4f, 114.0f, 0, "Negative" },
        { 682.9f, 693.7f, 113.8f, 0, "- 3" },
        { 255.4f, 296.6f, 125.4f, 0, "(observer)" },
        { 338.5f, 531.9f, 125.4f, 0, "occasions, been subjected to terrorist threats, we" },
        { 338.5f, 539.5f, 136.8f, 0, "express solidarity with Algeria's efforts in dealing" },
        { 551.2f, 660.6f, 136.8f, 0, "Expresses solidarity with" },
        { 338.5f, 413.8f, 148.3f, 0, "with this scourge." },
        { 551.2f, 663.9f, 148.3f, 0, "Algeria instead of holding it" },
        { 551.2f, 668.2f, 159.9f, 0, "accountable for human rights" },
        { 551.2f, 593.2f, 171.3f, 0, "violations." },
        { 74.6f, 147.6f, 183.4f, 1, "SAUDI ARABIA" },
        { 182.7f, 218.0f, 183.3f, 1, "Not Free" },
        { 255.4f, 309.4f, 183.3f, 1, "Asian Group," },
        { 338.5f, 532.9f, 183.3f, 1, "Algeria has been never-ceasing in deploying its" },
        { 551.2f, 588.4f, 183.4f, 1, "Negative" },
        { 682.9f, 693.7f, 183.3f, 1, "- 9" },
        { 255.4f, 309.9f, 194.8f, 1, "Arab League," },
        { 338.5f, 530.7f, 194.8f, 1, "efforts to establish a state based on principles of" },
        { 255.4f, 323.2f, 206.4f, 1, "G77, NAM, OIC" },
        { 338.5f, 530.4f, 206.4f, 1, "equality, social justice, and the protection of the" },
        { 551.2f, 648.5f, 208.6f, 1, "Strongly praises Algeria" },
        { 338.5f, 533.5f, 217.8f, 1, "rights of its citizens... My country is grateful for" },
        { 551.2f, 631.5f, 220.2f, 1, "instead of holding it" },
        { 338.5f, 527.5f, 229.3f, 1, "Algeria's efforts to protect the state institutions" },
        { 551.2f, 648.4f, 231.6f, 1, "accountable for ongoing" },
        { 338.5f, 536.2f, 240.8f, 1, "and the mechanisms which have been established" },
        { 551.2f, 593.2f, 243.1f, 1, "violations." },
        { 338.5f, 503.2f, 252.3f, 1, "to promote and protect human rights. We" },
        { 338.5f, 539.8f, 263.8f, 1, "welcome Algeria's efforts to promote the rights of" },
        { 338.5f, 529.3f, 275.3f, 1, "women and the efforts to integrate women fully" },
        { 338.5f, 399.3f, 286.8f, 1, "into society..." },
        { 74.6f, 126.9f, 298.9f, 2, "SLOVENIA" },
        { 182.7f, 200.5f, 298.8f, 2, "Free" },
        { 255.4f, 286.1f, 298.8f, 2, "EE, EU" },
        { 338.5f, 529.9f, 298.8f, 2, "My delegation would be interested in learning," },
        { 551.2f, 584.5f, 298.9f, 2, "Positive" },
        { 682.9f, 687.9f, 298.8f, 2, "5" },
        { 338.5f, 534.5f, 310.3f, 2, "also by way of recommendation, what steps your" },
        { 338.5f, 507.1f, 321.8f, 2, "government is taking in order to provide a" },
        { 551.2f, 645.1f, 321.8f, 2, "Challenges Algeria and" },
        { 338.5f, 527.8f, 333.3f, 2, "specific legal framework to prevent and protect" },
        { 551.2f, 650.4f, 333.3f, 2, "makes recommendations" },
        { 338.5f, 520.1f, 344.8f, 2, "children from trafficking for sexual and other" },
        { 551.2f, 656.7f, 344.8f, 2, "regarding child trafficking" },
        { 338.5f, 537.3f, 356.3f, 2, "exploitative purposes and define 'trafficking' as a" },
        { 551.2f, 632.6f, 356.3f, 2, "and women's rights." },
        { 338.5f, 524.8f, 367.8f, 2, "special criminal offense under domestic law..." },
        { 338.5f, 510.1f, 379.3f, 2, "Slovenia would like to recommend to fully" },
        { 338.5f, 525.6f, 390.8f, 2, "integrating gender perspective in the follow up" },
        { 338.5f, 533.8f, 402.3f, 2, "process to the UPR review... Algeria ratified the" },
        { 338.5f, 524.3f, 413.8f, 2, "Convention on the Elimination of all Forms of" },
        { 338.5f, 507.3f, 425.3f, 2, "Discrimination Against Women... We are" },
        { 338.5f, 511.3f, 436.8f, 2, "nevertheless concerned about the extensive" },
        { 338.5f, 525.4f, 448.3f, 2, "reservation Algeria made... We consider these" },
        { 338.5f, 536.5f, 459.8f, 2, "reservations as contrary to the object and purpose" },
        { 338.5f, 507.5f, 471.3f, 2, "of CEDAW and therefore impermissible." },
    };
    enum { N = sizeof cells / sizeof cells[0] };
    synth s = { 0 };
    size_t at[2][N];
    for (int p = 0; p < 2; p++) {
        new_page(&s, 792, 612);
        for (size_t i = 0; i < N; i++) {
            char buf[96];   /* the head alike on both pages, the rows not */
            snprintf(buf, sizeof buf, "%s%s", cells[i].t,
                     cells[i].row < 0 ? "" : p ? " (two)" : " (one)");
            at[p][i] = add_line(&s, cells[i].x0, cells[i].base, 9, 9, buf);
            s.l[at[p][i]].x1 = cells[i].x1;
        }
    }
    cr_assert_eq(layout_drop_running(s.l, s.p, s.np, s.g), 0);
    size_t order[N];
    for (int p = 0; p < 2; p++) {
        long n;
        order_of(&s, (size_t)p, order, &n);
        cr_assert_eq(n, N, "page %d: lines dropped", p + 1);
        int row = -1;
        for (long k = 0; k < n; k++) {
            size_t i = order[k] - at[p][0];
            cr_expect(cells[i].row >= row, "page %d: \"%s\" (row %d) read in row %d", p + 1,
                      cells[i].t, cells[i].row, row);
            if (cells[i].row > row)
                cr_expect(cells[i].x0 < 80, "page %d: row %d opens with \"%s\"", p + 1,
                          cells[i].row, cells[i].t);
            if (cells[i].row > row)
                row = cells[i].row;
        }
    }
    synth_free(&s);
}

Test(layout_order, by_baseline_when_boxes_are_taller_than_the_pitch)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    /* 12-point pitch; the boxes of alternate lines are 15 and 30 points
     * tall, so a line's box top lies above the previous line's */
    size_t want[20];
    for (int k = 0; k < 20; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "line%d of the paragraph", k);
        want[k] = add_line(&s, 72, 100 + 12 * (float)k, 10, k % 2 ? 30 : 15, buf);
    }
    size_t order[20];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 20);
    for (int k = 0; k < 20; k++)
        cr_expect_eq(order[k], want[k], "position %d: %s", k, line_text(&s, order[k]));
    synth_free(&s);
}

Test(layout_order, two_columns_with_spanning_title_and_footnote)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t title = add_line(&s, 72, 60, 14, 16, "A title that spans both of the columns of the page");
    size_t left[30], right[30];
    for (int k = 0; k < 30; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "left column line %d text", k);
        left[k] = add_line(&s, 72, 100 + 14 * (float)k, 10, 12, buf);
        snprintf(buf, sizeof buf, "right column line %d text", k);
        right[k] = add_line(&s, 320, 100 + 14 * (float)k, 10, 12, buf);
    }
    size_t note = add_line(&s, 72, 560, 10, 12,
                           "1 A footnote running the whole width of the page, under both");
    size_t order[62];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 62);
    cr_expect_eq(order[0], title);
    for (int k = 0; k < 30; k++) {
        cr_expect_eq(order[1 + k], left[k], "left %d: %s", k, line_text(&s, order[1 + k]));
        cr_expect_eq(order[31 + k], right[k], "right %d: %s", k, line_text(&s, order[31 + k]));
    }
    cr_expect_eq(order[61], note);
    synth_free(&s);
}

/* A paper's first page: a title block of many short centred lines (more
 * than cross the gutter of a two-column page), white below it, then two
 * columns: the columns are found below the white. */
/* A Federal Register page: three columns, then a table the width of the
 * page under its title, a line of white above its head, whose cells cross
 * the columns' gutters. The columns are read to their ends, then the
 * table: neither its title nor its cells inside a column's text. */
Test(layout_order, full_width_table_under_three_columns)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t col[3][30], cell[3][5];
    char buf[80];
    for (int c = 0; c < 3; c++)
        for (int k = 0; k < 30; k++) {
            snprintf(buf, sizeof buf, "column %d line %d of the body text", c, k);
            col[c][k] = add_line(&s, 45 + 177 * (float)c, 100 + 14 * (float)k, 9, 12, buf);
        }
    static const char *const cells[5] = { "FCC OPS installation and verification",
                                          "1 work-hour at $85 per hour = $85 .....",
                                          "$0 ...........................", "$85 ......",
                                          "$6,205." };
    static const float xs[5] = { 45, 180, 342, 450, 510 };
    static const char *const heads[4] = { "Action", "Labor cost", "Parts cost", "Cost per product" };
    static const float hx[4] = { 105, 245, 359, 424 };
    add_line(&s, 266, 522, 7, 8, "ESTIMATED COSTS");   /* its title, alone on its row */
    for (int k = 0; k < 4; k++)   /* the head row: cells that cross no gutter */
        add_line(&s, hx[k], 545, 7, 8, heads[k]);
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < 5; k++)
            cell[r][k] = add_line(&s, xs[k], 557 + 10 * (float)r, 7, 8, cells[k]);
    size_t order[110];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 110);
    for (int c = 0; c < 3; c++)
        for (int k = 0; k < 30; k++)
            cr_expect_eq(order[30 * c + k], col[c][k], "column %d line %d: got %s", c, k,
                         line_text(&s, order[30 * c + k]));
    (void)cell;
    synth_free(&s);
}

Test(layout_order, title_block_over_two_columns)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t head[12];
    for (int k = 0; k < 12; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "Author %d, University %d", k, k);
        head[k] = add_line(&s, 240, 60 + 13 * (float)k, 10, 12, buf);
    }
    size_t left[20], right[20];
    for (int k = 0; k < 20; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "left column line %2d of the text, full width", k);
        left[k] = add_line(&s, 72, 260 + 13 * (float)k, 10, 12, buf);
        snprintf(buf, sizeof buf, "right column line %2d of the text, full width", k);
        right[k] = add_line(&s, 310, 260 + 13 * (float)k, 10, 12, buf);
    }
    size_t order[52];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 52);
    for (int k = 0; k < 12; k++)
        cr_expect_eq(order[k], head[k], "head %d: %s", k, line_text(&s, order[k]));
    for (int k = 0; k < 20; k++) {
        cr_expect_eq(order[12 + k], left[k], "left %d: %s", k, line_text(&s, order[12 + k]));
        cr_expect_eq(order[32 + k], right[k], "right %d: %s", k, line_text(&s, order[32 + k]));
    }
    synth_free(&s);
}

/* A mark half a point wide at the far right of the page (a rule's end, a
 * dot): the region's last bin holds its start (an overflow once, caught by
 * valgrind on a TeX manual); the columns still read one after the other. */
Test(layout_order, sliver_at_the_right_edge)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t left[20], right[20];
    for (int k = 0; k < 20; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "left column line %d text", k);
        left[k] = add_line(&s, 72, 100 + 14 * (float)k, 10, 12, buf);
        snprintf(buf, sizeof buf, "right column line %d text", k);
        right[k] = add_line(&s, 320, 100 + 14 * (float)k, 10, 12, buf);
    }
    add_line(&s, 590, 380, 1, 12, ".");
    size_t order[41];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 41);
    for (int k = 0; k < 20; k++) {
        cr_expect_eq(order[k], left[k], "left %d: %s", k, line_text(&s, order[k]));
        cr_expect_eq(order[20 + k], right[k], "right %d: %s", k, line_text(&s, order[20 + k]));
    }
    synth_free(&s);
}

/* Notes set small in a left margin beside the body (QuarkXPress reports):
 * the body is read first, then the notes. */
Test(layout_order, margin_notes_after_the_body)
{
    synth s = { 0 };
    new_page(&s, 595, 842);
    size_t body[30], note[6];
    for (int k = 0; k < 30; k++) {
        char buf[96];
        snprintf(buf, sizeof buf, "body line %2d of the report, set in eleven point type", k);
        body[k] = add_line(&s, 140, 80 + 13 * (float)k, 7, 12, buf);
    }
    for (int k = 0; k < 6; k++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d. A/HRC/8/%d.", 14 + k, 20 + k);
        note[k] = add_line(&s, 18, 320 + 9 * (float)k, 7, 8, buf);
    }
    size_t order[36];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 36);
    for (int k = 0; k < 30; k++)
        cr_expect_eq(order[k], body[k], "body %d: %s", k, line_text(&s, order[k]));
    for (int k = 0; k < 6; k++)
        cr_expect_eq(order[30 + k], note[k], "note %d: %s", k, line_text(&s, order[30 + k]));
    synth_free(&s);
}

Test(layout_order, table_cells_of_one_row_left_to_right)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t a = add_line(&s, 72, 100, 10, 12, "ICCPR");
    size_t b = add_line(&s, 160, 100.5f, 10, 12, "International Covenant");
    size_t c = add_line(&s, 72, 114, 10, 12, "CAT");
    size_t d = add_line(&s, 160, 114, 10, 12, "Convention against Torture");
    size_t order[4];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 4);
    cr_expect(order[0] == a && order[1] == b && order[2] == c && order[3] == d);
    synth_free(&s);
}

/* A dot leader leads a cell's text to the next cell: four dots or more,
 * or two set apart from the word; an ellipsis or a full stop is none. */
Test(layout_order, dot_leaders)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    static const char *const led[] = { "AFM revisions ..................", "Action ..",
                                       "$0 ....", "Up to $3,790 .........  ", "Part I . . . ." };
    static const char *const not_led[] = { "the most difficult challenges...",
                                           "of the responsible office.", "$6,205.", "x ." };
    for (size_t k = 0; k < sizeof led / sizeof *led; k++) {
        size_t i = add_line(&s, 72, 100 + 12 * (float)k, 9, 9, led[k]);
        cr_expect(table_leader(&s.l[i], s.g), "%s", led[k]);
    }
    for (size_t k = 0; k < sizeof not_led / sizeof *not_led; k++) {
        size_t i = add_line(&s, 72, 200 + 12 * (float)k, 9, 9, not_led[k]);
        cr_expect(!table_leader(&s.l[i], s.g), "%s", not_led[k]);
    }
    synth_free(&s);
}

/* A Federal Register cost table: its first column holds actions longer
 * than short cells, led to their costs by dot leaders (one, without a
 * leader, wraps onto a second line); the costs are short cells on the
 * same rows. Read row by row: each action with its cost, not the column
 * of actions first. */
Test(layout_order, actions_led_to_their_costs_row_by_row)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    static const char *const actions[3] = { "FCC OPS installation and verification ..",
                                            "AFM revisions .......................",
                                            "MDS installation and verification, INOP" };
    size_t want[9], k = 0;
    want[k++] = add_line(&s, 105, 689, 7.4f, 7.4f, "Action");
    want[k++] = add_line(&s, 262, 689, 7.4f, 7.4f, "Cost per product");
    for (int r = 0; r < 3; r++) {
        float y = 711.5f + 9.8f * (float)r;
        want[k++] = add_line(&s, 45, y, 7.4f, 7.4f, actions[r]);
        want[k++] = add_line(&s, 260, y, 7.4f, 7.4f, "$85 ...........");
    }
    want[k++] = add_line(&s, 53, 711.5f + 9.8f * 3, 7.4f, 7.4f, "marker removal.");
    size_t order[9];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, 9);
    for (size_t i = 0; i < 9; i++)
        cr_expect_eq(order[i], want[i], "line %zu: got %s", i, line_text(&s, order[i]));
    synth_free(&s);
}

/* A scorecard (Word tables of a report): each row's first columns are
 * short labels (a country, its rating, its groups) set apart by white,
 * beside a quoted statement that runs on from row to row with no white
 * between them, an assessment and a score. Read row by row: a row's
 * labels, statement, assessment and score before the next row, the
 * statement's lines in order; not every label of the page first. */
/* ... the assessment column at assess_x, the score at score_x. */
static void check_labelled_rows(int rows, float assess_x, float score_x)
{
    synth s = { 0 };
    new_page(&s, 792, 612);
    enum { SAY = 7 };
    size_t row_of[64], n_lines = 0, say[4][SAY];
    for (int r = 0; r < rows; r++) {
        float y = 100 + 80.5f * (float)r;
        char buf[64];
        size_t first = s.nl;
        snprintf(buf, sizeof buf, "COUNTRY %d", r);
        add_line(&s, 72, y, 9, 9, buf);
        add_line(&s, 176, y, 9, 9, "Partly Free");
        add_line(&s, 248, y, 9, 9, "Group, G77,");
        add_line(&s, 248, y + 11.5f, 9, 9, "NAM, OIC");
        for (int k = 0; k < SAY; k++) {
            snprintf(buf, sizeof buf, "statement of row %d, its line %d, as quoted", r, k);
            say[r][k] = add_line(&s, 338, y + 11.5f * (float)k, 9, 9, buf);
        }
        add_line(&s, assess_x, y, 9, 9, "Negative");
        add_line(&s, assess_x, y + 23, 9, 9, "Praises it instead");
        add_line(&s, assess_x, y + 34.5f, 9, 9, "of holding it to account");
        add_line(&s, score_x, y, 9, 9, "-8");
        for (size_t i = first; i < s.nl; i++)
            row_of[n_lines++] = (size_t)r;
    }
    size_t order[64];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, (long)n_lines);
    for (long k = 1; k < n; k++)
        cr_expect_geq(row_of[order[k]], row_of[order[k - 1]], "%d rows: row %zu's %s read after row %zu",
                      rows, row_of[order[k]], line_text(&s, order[k]), row_of[order[k - 1]]);
    for (int r = 0; r < rows; r++) {
        long at = 0;
        while (at < n && order[at] != say[r][0])
            at++;
        for (int k = 0; k < SAY; k++)
            cr_expect(at + k < n && order[at + k] == say[r][k], "row %d statement line %d", r, k);
    }
    synth_free(&s);
}

Test(layout_order, rows_labelled_by_the_left_columns)
{
    check_labelled_rows(4, 545, 700);
    check_labelled_rows(2, 545, 700);   /* two rows: the score and the assessment start the second */
    /* the gutter before the assessment wider than the one after the labels:
     * the labels are found inside the left side of that gutter */
    check_labelled_rows(4, 590, 730);
}

/* A long table wrapped once into two halves side by side under one head
 * row that is the same head twice (a ranking of countries): the left
 * half is read, row by row, before the right half; the title above
 * first. */
Test(layout_order, table_in_two_halves_under_a_repeated_head)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    static const char *const heads[3] = { "Country", "Statements", "Average" };
    static const float hx[3] = { 133, 196, 264 };
    size_t title = add_line(&s, 190, 80, 14, 14, "Table 2: How Countries Performed");
    size_t half[2][3 + 3 * 20], n_half[2] = { 0, 0 };
    for (int h = 0; h < 2; h++)
        for (int k = 0; k < 3; k++)
            half[h][n_half[h]++] = add_line(&s, hx[k] + 195 * (float)h, 187, 11, 11, heads[k]);
    for (int r = 0; r < 20; r++)
        for (int h = 0; h < 2; h++) {
            char name[32], num[8];
            float y = 212 + 14 * (float)r;
            snprintf(name, sizeof name, "Country%c%d", h ? 'B' : 'A', r);
            snprintf(num, sizeof num, "%d", 3 + r % 9);
            half[h][n_half[h]++] = add_line(&s, 116 + 195 * (float)h, y, 11, 11, name);
            half[h][n_half[h]++] = add_line(&s, 216 + 195 * (float)h, y, 11, 11, num);
            half[h][n_half[h]++] = add_line(&s, 280 + 195 * (float)h, y, 11, 11, num);
        }
    size_t order[128];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, (long)(1 + n_half[0] + n_half[1]));
    cr_expect_eq(order[0], title);
    for (int h = 0; h < 2; h++)
        for (size_t k = 0; k < n_half[h]; k++) {
            size_t at = 1 + (h ? n_half[0] : 0) + k;
            cr_expect_eq(order[at], half[h][k], "half %d line %zu: got %s", h, k,
                         line_text(&s, order[at]));
        }
    synth_free(&s);
}

/* A table whose head groups its columns (the same datasets under Top-20
 * and under Top-100) right of a column of row labels: its sub-head row is
 * the same cells twice, but the right group's cells do not start where a
 * left half's would (the labels start the table): one table, row by row. */
Test(layout_order, grouped_head_is_no_table_in_two_halves)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    static const char *const sets[3] = { "NQ", "TriviaQA", "SQuAD" };
    static const float sx[3] = { 189, 214, 258 };
    size_t want[3 + 6 + 4 * 8], k = 0;
    add_line(&s, 84, 75, 8, 8, "Training");
    add_line(&s, 254, 75, 8, 8, "Top-20");
    add_line(&s, 420, 75, 8, 8, "Top-100");
    for (int g = 0; g < 2; g++)
        for (int c = 0; c < 3; c++)
            want[k++] = add_line(&s, sx[c] + 168 * (float)g, 85.5f, 8, 8, sets[c]);
    for (int r = 0; r < 4; r++) {
        float y = 101 + 15.5f * (float)r;
        char num[8];
        want[k++] = add_line(&s, 84, y, 8, 8, r % 2 ? "Multi" : "None");
        want[k++] = add_line(&s, 128, y, 8, 8, "BM25");
        for (int g = 0; g < 2; g++)
            for (int c = 0; c < 3; c++) {
                snprintf(num, sizeof num, "%d.%d", 50 + 10 * g + r, c);
                want[k++] = add_line(&s, sx[c] + 168 * (float)g, y, 8, 8, num);
            }
    }
    size_t order[48];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, (long)(3 + k));
    for (size_t i = 0; i < k; i++)
        cr_expect_eq(order[3 + i], want[i], "line %zu: got %s", i, line_text(&s, order[3 + i]));
    synth_free(&s);
}

/* Two columns of prose on one baseline grid, the left one short
 * paragraphs with a blank line between them: each paragraph starts level
 * with a line of the right column, but in the middle of its paragraph
 * (no white above it), so these are no row labels: column by column. */
Test(layout_order, short_paragraphs_beside_prose_are_no_row_labels)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    size_t left[24], right[32];
    size_t nl = 0;
    char buf[64];
    for (int k = 0; k < 32; k++) {
        if (k % 4 != 3) {   /* three lines, then a blank line */
            snprintf(buf, sizeof buf, "left paragraph %d line %d of it", k / 4, k % 4);
            left[nl++] = add_line(&s, 72, 100 + 12 * (float)k, 10, 10, buf);
        }
        snprintf(buf, sizeof buf, "right column line %d of the text", k);
        right[k] = add_line(&s, 320, 100 + 12 * (float)k, 10, 10, buf);
    }
    size_t order[56];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, (long)nl + 32);
    for (size_t k = 0; k < nl; k++)
        cr_expect_eq(order[k], left[k], "left %zu: %s", k, line_text(&s, order[k]));
    for (size_t k = 0; k < 32; k++)
        cr_expect_eq(order[nl + k], right[k], "right %zu: %s", k, line_text(&s, order[nl + k]));
    synth_free(&s);
}

/* ---- Line breaks ------------------------------------------------------------- */

Test(layout_breaks, hyphens_by_evidence_and_paragraphs_by_gaps)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    add_line(&s, 72, 100, 10, 12, "The committee adopted an inter-");
    add_line(&s, 72, 114, 10, 12, "national framework on self-");
    add_line(&s, 72, 128, 10, 12, "reliance of member states.");
    add_line(&s, 72, 160, 10, 12, "International rules and self-reliance matter.");
    size_t seq[4] = { 0, 1, 2, 3 };
    int br[4];
    cr_assert_eq(linebreak_decide(s.g, s.l, seq, 4, br), 0);
    cr_expect_eq(br[0], BREAK_DEHYPHENATE, "inter-|national");
    cr_expect_eq(br[1], BREAK_JOIN, "self-|reliance keeps its hyphen");
    cr_expect_eq(br[2], BREAK_PARAGRAPH, "a gap of a line and more");
    synth_free(&s);
}

/* A word cut by a line-break hyphen at the foot of a column, the column's
 * footnote under it: the note's number (smaller type) is no rest of the
 * word ("mul-" + "8" is no "mul-8"); a number in the text's own type goes
 * on the word as before ("1751-" + "9020"); the number, raised beside its
 * note, opens the note ("8 SQuAD is limited"). */
Test(layout_breaks, hyphen_before_a_footnote_number_is_no_join)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    add_line(&s, 72, 100, 10, 12, "When training with mul-");
    add_line(&s, 72, 130, 5, 6, "8");
    add_line(&s, 76, 134, 8, 9, "SQuAD is limited to a small set of documents.");
    add_line(&s, 300, 100, 10, 12, "The serial number is ISSN 1751-");
    add_line(&s, 300, 114, 10, 12, "9020 in the catalogue.");
    size_t seq[5] = { 0, 1, 2, 3, 4 };
    int br[5];
    cr_assert_eq(linebreak_decide(s.g, s.l, seq, 5, br), 0);
    cr_expect_eq(br[0], BREAK_PARAGRAPH, "mul-|8 (a footnote's number) joined: %d", br[0]);
    cr_expect_eq(br[1], BREAK_SPACE, "the note's number apart from its note: %d", br[1]);
    cr_expect_eq(br[3], BREAK_JOIN, "1751-|9020 no longer joined: %d", br[3]);
    synth_free(&s);
}

/* Across a page break the paragraph goes on where the sentence does: the
 * last line of a column of text, cut by the column's edge between two
 * words, goes on with a capitalised word on the next page ("... of the
 * Ruritanian Small" + "Business Administration"); a narrow table's cell
 * and a contents line ending in a page number do not. */
Test(layout_breaks, a_full_line_goes_on_over_the_page)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    add_line(&s, 72, 100, 10, 12, "We provided a draft of this report to the Secretaries of the");
    add_line(&s, 72, 114, 10, 12, "Departments of Commerce, Labor, Transportation, and Veterans");
    add_line(&s, 72, 128, 10, 12, "Affairs, and to the Acting Administrator of the Ruritanian Small");
    add_line(&s, 72, 160, 10, 12, "Bolivia Weak");
    add_line(&s, 72, 174, 10, 12, "Chile Weak");
    add_line(&s, 72, 188, 10, 12, "Peru Weak");
    new_page(&s, 612, 792);
    add_line(&s, 72, 100, 10, 12, "Business Administration for their review and comment today.");
    add_line(&s, 72, 130, 10, 12, "Ghana Detrimental");
    size_t all[8] = { 0, 1, 2, 6, 3, 4, 5, 7 };
    int br[8];
    cr_assert_eq(linebreak_decide(s.g, s.l, all, 8, br), 0);
    cr_expect_eq(br[2], BREAK_NEWLINE, "Small | Business (over the page): %d", br[2]);
    cr_expect_eq(br[6], BREAK_PARAGRAPH, "a narrow table's cell | the next page's: %d", br[6]);
    synth_free(&s);
}
