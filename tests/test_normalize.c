/*
 * test_normalize.c: what the tagger sees (normalize_text) and the offset map
 * that takes a span found in it back to the caller's original bytes.
 *
 * The inputs are the kinds of text that PDF extraction and word processors
 * leave in reports: ligatures, soft hyphens, curly quotes, dashes, footnote
 * marks after a word, no-break spaces, names broken over a line.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctag.h"
#include "normalize.h"

/* normalize_text on a NUL-terminated input; fails the test on an error. */
static normalized_text norm(const char *in)
{
    normalized_text t;
    size_t bad = 12345;
    int rc = normalize_text(&t, in, strlen(in), &bad);
    cr_assert_eq(rc, DOCTAG_OK, "normalize_text(\"%s\") = %d (%s)", in, rc, doctag_last_error());
    cr_assert_eq(t.len, strlen(t.text), "len and text disagree");
    return t;
}

/* The normalised form of `in` is `want`. */
static void expect_norm(const char *in, const char *want)
{
    normalized_text t = norm(in);
    cr_expect_str_eq(t.text, want, "normalising \"%s\": got \"%s\", want \"%s\"", in, t.text, want);
    normalized_text_free(&t);
}

/* Output offset of `needle` in the normalised text (must be there). */
static size_t out_pos(const normalized_text *t, const char *needle)
{
    const char *p = strstr(t->text, needle);
    cr_assert_not_null(p, "\"%s\" not in \"%s\"", needle, t->text);
    return (size_t)(p - t->text);
}

/* ---- Unicode compatibility forms ----------------------------------------- */

/* Regression: utf8proc_decompose_char() needs UTF8PROC_DECOMPOSE as well as
 * UTF8PROC_COMPAT, or it maps nothing. */
Test(normalize, nfkc_turns_a_ligature_into_plain_letters)
{
    /* "ﬁnancial" as PDF extraction often leaves it (U+FB01) */
    expect_norm("ICE \xef\xac\x81nancial records", "ICE financial records");
}

Test(normalize, nfkc_turns_full_width_letters_into_ascii)
{
    /* "ＩＣＥ" (U+FF29 U+FF23 U+FF25) */
    expect_norm("\xef\xbc\xa9\xef\xbc\xa3\xef\xbc\xa5 detention", "ICE detention");
}

/* ---- Removed characters ---------------------------------------------------- */

Test(normalize, soft_hyphen_is_removed)
{
    expect_norm("Immi\xc2\xad" "gration and Customs Enforcement",
                "Immigration and Customs Enforcement");
}

Test(normalize, zero_width_characters_are_removed)
{
    /* ZWSP, ZWNJ, ZWJ, word joiner and BOM inside words */
    expect_norm("I\xe2\x80\x8b" "CE and D\xe2\x80\x8cH\xe2\x80\x8dS and O\xe2\x81\xa0" "BIM\xef\xbb\xbf",
                "ICE and DHS and OBIM");
}

/* ---- Replaced characters -------------------------------------------------- */

Test(normalize, curly_quotes_become_straight_quotes)
{
    expect_norm("the \xe2\x80\x9cProtect, Respect and Remedy\xe2\x80\x9d Framework and ICE\xe2\x80\x99s",
                "the \"Protect, Respect and Remedy\" Framework and ICE's");
    expect_norm("\xe2\x80\x98sanctuary\xe2\x80\x99 laws", "'sanctuary' laws");
}

Test(normalize, dash_variants_become_a_hyphen)
{
    expect_norm("$65\xe2\x80\x93" "68 billion", "$65-68 billion");              /* en dash */
    expect_norm("ICE\xe2\x80\x94" "and DHS", "ICE-and DHS");                    /* em dash */
    expect_norm("CERD/C/USA/CO/10\xe2\x80\x90" "12", "CERD/C/USA/CO/10-12");    /* U+2010 */
    expect_norm("HB19\xe2\x80\x91" "1124", "HB19-1124");                        /* U+2011 */
    expect_norm("\xe2\x88\x92" "5 degrees", "-5 degrees");                      /* U+2212 */
}

Test(normalize, superscript_footnote_mark_is_kept_apart_from_the_word)
{
    /* "Act¹⁴ of 2019": the mark must not glue to the name nor to the next word */
    expect_norm("the Keep Washington Working Act\xc2\xb9\xe2\x81\xb4 of 2019",
                "the Keep Washington Working Act of 2019");
    /* a footnote mark at the very end leaves no trailing space */
    expect_norm("ratified the ICCPR\xc2\xb2", "ratified the ICCPR");
}

/* ---- Whitespace ----------------------------------------------------------- */

Test(normalize, no_break_and_other_unicode_spaces_become_one_space)
{
    expect_norm("U.S.\xc2\xa0" "Department of Homeland Security", "U.S. Department of Homeland Security");
    expect_norm("$91.9\xe2\x80\xaf" "million", "$91.9 million");      /* narrow NBSP */
    expect_norm("A/HRC\xe2\x80\x89" "47", "A/HRC 47");                  /* thin space */
    expect_norm("UN\xe3\x80\x80" "Doc.", "UN Doc.");                    /* ideographic */
}

Test(normalize, whitespace_runs_collapse_to_one_space)
{
    expect_norm("Customs  and\t\tBorder \r\n Protection", "Customs and Border Protection");
}

Test(normalize, two_or_more_line_breaks_become_one_newline)
{
    expect_norm("funded by DHS.\n\nThe report", "funded by DHS.\nThe report");
    expect_norm("funded by DHS.\n  \n\t\n The report", "funded by DHS.\nThe report");
    /* a form feed between pages counts as a line break too */
    expect_norm("end of page\f\nnext page", "end of page\nnext page");
}

Test(normalize, a_line_break_inside_a_name_becomes_a_space)
{
    expect_norm("the Department of Homeland\nSecurity collects", "the Department of Homeland Security collects");
}

Test(normalize, leading_and_trailing_whitespace_is_dropped)
{
    expect_norm("\n\n  \xc2\xa0The ICE report \n\n", "The ICE report");
    expect_norm(" \n\t ", "");
}

/* ---- Offset map ------------------------------------------------------------ */

Test(normalize, plain_ascii_maps_one_to_one)
{
    const char *in = "ICE and CBP";
    normalized_text t = norm(in);
    for (size_t i = 0; i <= t.len; i++) {
        cr_expect_eq(offset_map_start(&t.map, i), i, "start %zu", i);
        if (i > 0)
            cr_expect_eq(offset_map_end(&t.map, i), i, "end %zu", i);
    }
    normalized_text_free(&t);
}

Test(normalize, offsets_around_a_replaced_multibyte_dash)
{
    /* "$65–68 billion": the en dash is 3 bytes in, 1 byte out */
    const char *in = "cost $65\xe2\x80\x93" "68 billion";
    normalized_text t = norm(in);
    size_t dash = out_pos(&t, "-");
    cr_assert_eq(dash, 8);
    cr_expect_eq(offset_map_start(&t.map, dash), 8, "the dash starts where the en dash does");
    cr_expect_eq(offset_map_end(&t.map, dash + 1), 11, "and ends after its 3 bytes");
    size_t six8 = out_pos(&t, "68");
    cr_expect_eq(offset_map_start(&t.map, six8), 11);
    cr_expect_eq(offset_map_end(&t.map, t.len), strlen(in), "the end of the text maps to the end");
    size_t s = out_pos(&t, "$65");
    cr_expect_eq(offset_map_start(&t.map, s), 5);
    normalized_text_free(&t);
}

Test(normalize, offsets_around_a_ligature_and_curly_quotes)
{
    /* “ﬁrst” : 3 + 3 + 3 + 3 bytes in, "\"first\"" out */
    const char *in = "the \xe2\x80\x9c\xef\xac\x81rst\xe2\x80\x9d report";
    normalized_text t = norm(in);
    cr_assert_str_eq(t.text, "the \"first\" report");
    size_t q = out_pos(&t, "\"first");
    cr_expect_eq(offset_map_start(&t.map, q), 4);
    cr_expect_eq(offset_map_start(&t.map, q + 1), 7, "'fi' starts at the ligature");
    cr_expect_eq(offset_map_end(&t.map, q + 3), 10, "'fi' ends after the ligature");
    cr_expect_eq(offset_map_start(&t.map, q + 3), 10, "'r' follows the ligature");
    size_t r = out_pos(&t, " report");
    cr_expect_eq(offset_map_end(&t.map, r), 16, "the closing quote ends at byte 16");
    cr_expect_eq(offset_map_start(&t.map, r + 1), 17);
    normalized_text_free(&t);
}

Test(normalize, offsets_skip_removed_characters)
{
    /* "Immi\xc2\xadgration": the soft hyphen (2 bytes at 4) is removed */
    const char *in = "Immi\xc2\xad" "gration";
    normalized_text t = norm(in);
    cr_assert_str_eq(t.text, "Immigration");
    cr_expect_eq(offset_map_end(&t.map, 4), 4, "'Immi' ends before the soft hyphen");
    cr_expect_eq(offset_map_start(&t.map, 4), 6, "'g' starts after the soft hyphen");
    cr_expect_eq(offset_map_end(&t.map, t.len), strlen(in));
    normalized_text_free(&t);
}

Test(normalize, offsets_of_a_name_broken_over_a_line)
{
    const char *in = "by the Department of Homeland\n   Security.";
    normalized_text t = norm(in);
    size_t s = out_pos(&t, "Department");
    size_t e = out_pos(&t, "Security") + strlen("Security");
    size_t os = offset_map_start(&t.map, s), oe = offset_map_end(&t.map, e);
    cr_expect_eq(os, 7);
    cr_expect_eq(oe, strlen(in) - 1, "the span ends before the full stop");
    cr_expect_eq(memcmp(in + os, "Department of Homeland\n   Security", oe - os), 0,
                 "the original span keeps its line break");
    normalized_text_free(&t);
}

Test(normalize, offsets_after_leading_whitespace)
{
    const char *in = "\xc2\xa0\n  ICE";
    normalized_text t = norm(in);
    cr_assert_str_eq(t.text, "ICE");
    cr_expect_eq(offset_map_start(&t.map, 0), 5);
    cr_expect_eq(offset_map_end(&t.map, 3), 8);
    normalized_text_free(&t);
}

/* ---- Invalid UTF-8 --------------------------------------------------------- */

/* `in` (len bytes) is rejected with the offset `want` in *bad_offset, in
 * doctag_last_error() and from utf8_first_invalid(). */
static void expect_bad(const char *in, size_t len, size_t want)
{
    normalized_text t;
    size_t bad = (size_t)-7;
    int rc = normalize_text(&t, in, len, &bad);
    cr_expect_eq(rc, DOCTAG_ERR_UTF8, "rc %d", rc);
    cr_expect_eq(bad, want, "bad_offset %zu, want %zu", bad, want);
    char num[32];
    snprintf(num, sizeof num, "%zu", want);
    const char *msg = doctag_last_error();
    const char *p = strstr(msg, num);
    cr_expect(p && (p == msg || p[-1] < '0' || p[-1] > '9') &&
                  (p[strlen(num)] < '0' || p[strlen(num)] > '9'),
              "message \"%s\" does not name byte %s", msg, num);
    cr_expect_eq(utf8_first_invalid(in, len), want);
    if (rc == DOCTAG_OK)
        normalized_text_free(&t);
}

Test(normalize, truncated_sequence_is_invalid)
{
    /* an en dash cut after two of its three bytes, at the end of the text */
    const char in[] = "between $65\xe2\x80";
    expect_bad(in, sizeof in - 1, 11);
}

Test(normalize, truncated_sequence_followed_by_ascii_is_invalid)
{
    const char in[] = "cost $65\xe2\x80" "68 billion";
    expect_bad(in, sizeof in - 1, 8);
}

Test(normalize, overlong_encoding_is_invalid)
{
    /* "/" encoded in two bytes (C0 AF) */
    const char in[] = "A\xc0\xaf" "HRC/47/23";
    expect_bad(in, sizeof in - 1, 1);
}

Test(normalize, surrogate_is_invalid)
{
    /* U+D800 encoded as if it were a character */
    const char in[] = "the ICCPR \xed\xa0\x80 text";
    expect_bad(in, sizeof in - 1, 10);
}

Test(normalize, stray_continuation_byte_is_invalid)
{
    const char in[] = "Department of Homeland Security \x80 said";
    expect_bad(in, sizeof in - 1, 32);
}

Test(normalize, utf8_first_invalid_accepts_valid_text)
{
    const char *ok = "\xe2\x82\xac" "5 million for Frontex, \xe2\x80\x9cIOM\xe2\x80\x9d, \xf0\x9f\x98\x80 and more text";
    cr_expect_eq(utf8_first_invalid(ok, strlen(ok)), (size_t)-1);
    cr_expect_eq(utf8_first_invalid("", 0), (size_t)-1);
    /* past the 8-byte ASCII fast path */
    const char late[] = "0123456789abcdefghij\xff";
    cr_expect_eq(utf8_first_invalid(late, sizeof late - 1), 20);
}
