/*
 * test_layout_order.c: reading order on synthetic pages (layouttest.h),
 * without a PDF or poppler: by baseline, by column (a title or a footnote
 * across the columns, a title block over them, a table under them), margin
 * notes after the body. Tables' rows: test_layout_tables.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>

#include "layouttest.h"

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

/* A paper's first page: a title block of many short centred lines (more
 * than cross the gutter of a two-column page), white below it, then two
 * columns: the columns are found below the white. */
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
