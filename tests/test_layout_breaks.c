/*
 * test_layout_breaks.c: line breaks on synthetic pages (layouttest.h),
 * without a PDF or poppler: line-break hyphens, paragraphs by gaps, a
 * footnote's number under a cut word, a sentence going on over the page.
 */
#include <criterion/criterion.h>

#include "layouttest.h"

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
