/*
 * test_layout_tables.c: the reading order of tables on synthetic pages
 * (layouttest.h), without a PDF or poppler: a table's head kept on every
 * page and read first, rows read one after another, cells left to right,
 * dot leaders, rows labelled by their left columns, a table in two halves
 * under a repeated head, and prose that is no table.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "layouttest.h"

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

/* A table in two halves, the left half a row longer, with a legend in
 * smaller type under the left half (a ranking's score bands): the legend
 * is the table's, read after both halves, not between them. */
Test(layout_order, legend_under_a_half_read_after_both_halves)
{
    synth s = { 0 };
    new_page(&s, 612, 792);
    static const char *const heads[2] = { "Country", "Performance" };
    static const float hx[2] = { 136, 228 };
    static const char *const legend[4] = { "Legend", "Constructive: 4 to 6", "Weak: 0 to 3",
                                           "Destructive: -7 to -10" };
    size_t title = add_line(&s, 208, 118, 12, 12, "Table 1: How Countries Performed");
    size_t half[2][2 + 2 * 12], n_half[2] = { 0, 0 }, note[4];
    for (int h = 0; h < 2; h++)
        for (int k = 0; k < 2; k++)
            half[h][n_half[h]++] = add_line(&s, hx[k] + 199 * (float)h, 194, 12, 12, heads[k]);
    for (int r = 0; r < 12; r++)
        for (int h = 0; h < 2 && (h == 0 || r < 11); h++) {
            char name[32];
            float y = 209 + 14.8f * (float)r;
            snprintf(name, sizeof name, "Country%c%d", h ? 'B' : 'A', r);
            half[h][n_half[h]++] = add_line(&s, 111 + 199 * (float)h, y, 12, 12, name);
            half[h][n_half[h]++] = add_line(&s, 210 + 199 * (float)h, y, 12, 12,
                                            r % 2 ? "Weak" : "Constructive");
        }
    for (int k = 0; k < 4; k++)
        note[k] = add_line(&s, 111, 398 + 10.6f * (float)k, 10, 10, legend[k]);
    size_t order[64];
    long n;
    order_of(&s, 0, order, &n);
    cr_assert_eq(n, (long)(1 + n_half[0] + n_half[1] + 4));
    cr_expect_eq(order[0], title);
    for (int h = 0; h < 2; h++)
        for (size_t k = 0; k < n_half[h]; k++) {
            size_t at = 1 + (h ? n_half[0] : 0) + k;
            cr_expect_eq(order[at], half[h][k], "half %d line %zu: got %s", h, k,
                         line_text(&s, order[at]));
        }
    for (size_t k = 0; k < 4; k++) {
        size_t at = 1 + n_half[0] + n_half[1] + k;
        cr_expect_eq(order[at], note[k], "legend line %zu: got %s", k, line_text(&s, order[at]));
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
