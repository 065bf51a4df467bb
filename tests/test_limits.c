/*
 * test_limits.c: hostile text is bounded and loses nothing else. A run of
 * "A/" that once exhausted the JIT stack keeps the entities around it; a
 * pattern that does hit a limit skips only its region, with one warning;
 * control characters are separators, so no surface is cut short; limits on
 * input bytes and entities fail with their own codes.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char para1[] =
    "In 2021 the U.S. Department of Homeland Security (DHS) paid $91.9 million under "
    "8 U.S.C. \xc2\xa7 1253(a)(1).\n\n";
static const char para2[] = "\n\nSee A/HRC/48/31 and the ICCPR, as OHCHR said.\n";

/* para1, `unit` repeated n times, para2 (malloc'd). */
static char *around(const char *unit, size_t n, size_t *len)
{
    size_t u = strlen(unit), a = strlen(para1), b = strlen(para2);
    char *t = malloc(a + u * n + b + 1);
    memcpy(t, para1, a);
    for (size_t i = 0; i < n; i++)
        memcpy(t + a + i * u, unit, u);
    memcpy(t + a + u * n, para2, b + 1);
    *len = a + u * n + b;
    return t;
}

/* Every entity's surface is exactly text[start:end]. */
static void expect_surfaces_exact(const doctag_result *r, const char *text, size_t len)
{
    for (size_t i = 0; i < doctag_result_count(r); i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        size_t s = doctag_entity_start(e), n = doctag_entity_end(e) - s;
        cr_assert_leq(s + n, len);
        cr_expect_eq(strlen(doctag_entity_text(e)), n, "entity %zu \"%s\" cut short", i,
                     doctag_entity_text(e));
        cr_expect_eq(memcmp(doctag_entity_text(e), text + s, n), 0);
    }
}

static int has(const doctag_result *r, const char *surface)
{
    for (size_t i = 0; i < doctag_result_count(r); i++)
        if (strcmp(doctag_entity_text(doctag_result_entity(r, i)), surface) == 0)
            return 1;
    return 0;
}

/* ---- A region that once failed the whole document -------------------------- */

Test(limits, an_a_slash_run_keeps_the_other_entities)
{
    size_t len;
    char *text = around("A/", 110000, &len);
    doctag_result *r = NULL;
    int rc = doctag_tag_text(&r, test_model(), text, len);
    cr_assert_eq(rc, DOCTAG_OK, "%s: %s", doctag_strerror(rc), doctag_last_error());
    const char *want[] = { "U.S. Department of Homeland Security", "DHS", "$91.9 million",
                           "8 U.S.C. \xc2\xa7 1253(a)(1)", "A/HRC/48/31", "ICCPR", "OHCHR" };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_expect(has(r, want[i]), "%s kept", want[i]);
    cr_expect_eq(doctag_result_warning_count(r), 0,
                 "the symbol pattern needs no deep stack: %s", doctag_result_warning(r, 0));
    expect_surfaces_exact(r, text, len);
    doctag_result_free(r);
    free(text);
}

/* A caller's pattern written the old way (one backtracking frame per
 * component) does exhaust its stack on the run: that region is skipped,
 * reported once, and everything else is tagged. */
Test(limits, a_pattern_over_its_limit_skips_only_its_region)
{
    const char *src = "@type un_symbol\n"
                      "%un_symbol = /X(?:\\/ ?[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*)*\\/ ?\\d+/\n"
                      "@type agency\nDHS = Department of Homeland Security | DHS\n"
                      "OHCHR = OHCHR\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "old.dict", src, strlen(src)), DOCTAG_OK, "%s",
                 doctag_last_error());
    size_t len;
    char *text = around("X/A/", 150000, &len);
    memcpy(strstr(text, "A/HRC/48/31"), "X/1/2/48/31", 11);
    doctag_result *r = NULL;
    int rc = doctag_tag_text(&r, m, text, len);
    cr_assert_eq(rc, DOCTAG_OK, "%s: %s", doctag_strerror(rc), doctag_last_error());
    cr_expect(has(r, "U.S. Department of Homeland Security"));
    cr_expect(has(r, "DHS"));
    cr_expect(has(r, "X/1/2/48/31"), "the same pattern still runs after the region");
    cr_expect(has(r, "OHCHR"));
    cr_assert_eq(doctag_result_warning_count(r), 1, "one warning for the one region");
    const char *w = doctag_result_warning(r, 0);
    cr_expect_not_null(strstr(w, "region skipped"), "%s", w);
    cr_expect_not_null(strstr(w, "un_symbol pattern"), "%s", w);
    cr_expect_null(doctag_result_warning(r, 1));
    expect_surfaces_exact(r, text, len);
    doctag_result_free(r);
    doctag_model_free(m);
    free(text);
}

/* ---- Control characters ---------------------------------------------------- */

Test(limits, nul_never_truncates_a_surface)
{
    static const char text[] = "A/HRC/\0 47/23 and the U.S.\0Department of Homeland Security "
                               "paid $\x01" "91 million; A/HRC/47/23\x7f and ICE\x1b.";
    size_t len = sizeof text - 1;
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, test_model(), text, len), DOCTAG_OK, "%s",
                 doctag_last_error());
    expect_surfaces_exact(r, text, len);
    cr_expect(!has(r, "A/HRC/"), "no symbol across the NUL");
    cr_expect(has(r, "A/HRC/47/23"));
    cr_expect(has(r, "Department of Homeland Security"), "the NUL separates \"U.S.\"");
    cr_expect(has(r, "ICE"));
    doctag_result_free(r);
}

/* Even a caller's pattern that would cross one yields no entity holding a
 * control character. */
Test(limits, no_entity_holds_a_control_character)
{
    const char *src = "@type agency\n%name = /Foo\\sBar|Foo.Bar|Foo[^a-z]Bar/\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "cross.dict", src, strlen(src)), DOCTAG_OK,
                 "%s", doctag_last_error());
    static const char text[] = "Foo\0Bar, Foo\x02" "Bar, Foo\xc2\x90" "Bar and Foo Bar.";
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, sizeof text - 1), DOCTAG_OK);
    cr_expect_eq(doctag_result_count(r), 1, "only the plain Foo Bar");
    expect_surfaces_exact(r, text, sizeof text - 1);
    doctag_result_free(r);
    doctag_model_free(m);
}

/* ---- Limits ------------------------------------------------------------------- */

static doctag_model *model_with(const doctag_limits *l)
{
    doctag_model_options o = DOCTAG_MODEL_OPTIONS_INIT;
    o.limits = l;
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_open(&m, NULL, &o), DOCTAG_OK, "%s", doctag_last_error());
    return m;
}

Test(limits, defaults_are_named)
{
    doctag_limits l;
    doctag_limits_init(&l);
    cr_expect_eq(l.version, DOCTAG_LIMITS_VERSION);
    cr_expect_eq(l.max_input_bytes, (size_t)256 << 20);
    cr_expect_eq(l.max_entities, 1000000);
}

Test(limits, input_bytes)
{
    doctag_limits l;
    doctag_limits_init(&l);
    l.max_input_bytes = 40;
    doctag_model *m = model_with(&l);
    doctag_result *r = NULL;
    const char *ok = "ICE and DHS met.";
    cr_expect_eq(doctag_tag_text(&r, m, ok, strlen(ok)), DOCTAG_OK);
    cr_expect_eq(doctag_result_count(r), 2);
    doctag_result_free(r);
    r = NULL;
    cr_expect_eq(doctag_tag_text(&r, m, para1, strlen(para1)), DOCTAG_ERR_LIMIT_INPUT);
    cr_expect_null(r);
    cr_expect_not_null(strstr(doctag_last_error(), "limit of 40"), "%s", doctag_last_error());
    doctag_model_free(m);
}

Test(limits, entities)
{
    doctag_limits l;
    doctag_limits_init(&l);
    l.max_entities = 3;
    doctag_model *m = model_with(&l);
    doctag_result *r = NULL;
    const char *three = "ICE, DHS and OHCHR met.";
    cr_expect_eq(doctag_tag_text(&r, m, three, strlen(three)), DOCTAG_OK);
    doctag_result_free(r);
    r = NULL;
    cr_expect_eq(doctag_tag_text(&r, m, para1, strlen(para1)), DOCTAG_ERR_LIMIT_ENTITIES);
    cr_expect_null(r);
    cr_expect_str_eq(doctag_strerror(DOCTAG_ERR_LIMIT_ENTITIES),
                     "too many entities in one document (limit)");
    doctag_model_free(m);
}

/* Version 1 options (before `limits`) are still read; a limits struct of
 * an unknown version is refused. */
Test(limits, options_versions)
{
    doctag_model_options o = DOCTAG_MODEL_OPTIONS_INIT;
    o.version = 1;
    o.limits = (const doctag_limits *)8;   /* not read in version 1 */
    doctag_model *m = NULL;
    cr_expect_eq(doctag_model_open(&m, NULL, &o), DOCTAG_OK, "%s", doctag_last_error());
    doctag_model_free(m);
    doctag_limits l;
    doctag_limits_init(&l);
    l.version = 99;
    o.version = DOCTAG_MODEL_OPTIONS_VERSION;
    o.limits = &l;
    m = NULL;
    cr_expect_eq(doctag_model_open(&m, NULL, &o), DOCTAG_ERR_ARG);
    cr_expect_null(m);
}

/* A caller's pattern that matches a paragraph break, or spaces that a
 * canonicaliser finds nothing in, yields no entity (no empty value in a
 * canonical form, no entity across paragraphs). Found by fuzz_dict. */
Test(limits, no_entity_across_paragraphs_or_of_spaces)
{
    const char *src = "@type un_symbol\n%un_symbol = /( |\\n)+|Foo\\sBar/\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "spaces.dict", src, strlen(src)), DOCTAG_OK,
                 "%s", doctag_last_error());
    static const char text[] = "Foo\n\nBar and Foo Bar.";
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, sizeof text - 1), DOCTAG_OK);
    cr_assert_eq(doctag_result_count(r), 1, "only Foo Bar");
    cr_expect_str_eq(doctag_entity_canonical(doctag_result_entity(r, 0)), "symbol=FOOBAR");
    doctag_result_free(r);
    doctag_model_free(m);
}

/* Matching is on bytes: a caller's pattern may match half a character,
 * which is never an entity (found by fuzz_dict). */
Test(limits, no_entity_splits_a_character)
{
    const char *src = "@type instrument\n%statute = /.? ?\\d+ U\\.S\\.C\\./\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "bytes.dict", src, strlen(src)), DOCTAG_OK,
                 "%s", doctag_last_error());
    static const char text[] = "See \xc2\xa7" "8 U.S.C. and 9 U.S.C. too.";
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, sizeof text - 1), DOCTAG_OK);
    cr_assert_eq(doctag_result_count(r), 1, "not from the middle of the section sign");
    cr_expect_str_eq(doctag_entity_text(doctag_result_entity(r, 0)), "9 U.S.C.");
    doctag_result_free(r);
    doctag_model_free(m);
}

/* A canonical form is "key=value(;key=value)*": a ';' that a match holds
 * (a caller's pattern, or a rule's title) is written ',' in the value
 * (found by fuzz_dict). */
Test(limits, no_canonical_value_holds_a_separator)
{
    const char *src = "@type instrument\n%statute = /\\d+ U\\.S\\.C\\.[^.]*/\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "semi.dict", src, strlen(src)), DOCTAG_OK,
                 "%s", doctag_last_error());
    static const char text[] = "Under 8 U.S.C. 1253; see. And 9 U.S.C. 10 too.";
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, sizeof text - 1), DOCTAG_OK);
    cr_assert_eq(doctag_result_count(r), 2);
    cr_expect_str_eq(doctag_entity_canonical(doctag_result_entity(r, 0)),
                     "id=8 U.S.C. \xc2\xa7 1253, see", "the text's ';' written ','");
    cr_expect_str_eq(doctag_entity_canonical(doctag_result_entity(r, 1)),
                     "id=9 U.S.C. \xc2\xa7 10 too");
    doctag_result_free(r);
    doctag_model_free(m);
}
