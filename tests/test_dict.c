/*
 * test_dict.c: the dictionary source format (models/README.md): what
 * dict_parse() makes of well-formed sources, and the file:line message of
 * every malformed one.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "doctag.h"

/* Parses `src` as file "test.dict"; returns the code. */
static int parse(dict *d, const char *src)
{
    memset(d, 0, sizeof *d);
    return dict_parse(d, "test.dict", src, strlen(src));
}

/* The variant whose text is `text`, or NULL. */
static const dict_variant *variant(const dict *d, const char *text)
{
    for (size_t i = 0; i < d->n_variants; i++)
        if (strcmp(d->variants[i].text, text) == 0)
            return &d->variants[i];
    return NULL;
}

/* ---- Well-formed sources --------------------------------------------------- */

Test(dict, entries_variants_and_types)
{
    dict d;
    const char *src =
        "# agencies first\n"
        "@type agency\n"
        "DHS = Department of Homeland Security | Homeland Security Department | DHS\n"
        "\n"
        "@type instrument\n"
        "ICCPR = International Covenant on Civil and Political Rights | ICCPR\n";
    cr_assert_eq(parse(&d, src), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_eq(d.n_entries, 2);
    cr_expect_str_eq(d.entries[0].id, "DHS");
    cr_expect_eq(d.entries[0].type, DOCTAG_TYPE_AGENCY);
    cr_expect_eq(d.entries[0].canon, CANON_ID);
    cr_expect_str_eq(d.entries[1].id, "ICCPR");
    cr_expect_eq(d.entries[1].type, DOCTAG_TYPE_INSTRUMENT);
    cr_assert_eq(d.n_variants, 5);
    const dict_variant *v = variant(&d, "Homeland Security Department");
    cr_assert_not_null(v);
    cr_expect_eq(v->entry, 0);
    cr_expect_eq(v->is_pattern, 0);
    cr_expect_eq(v->line, 3);
    cr_expect_str_eq(v->file, "test.dict");
    v = variant(&d, "ICCPR");
    cr_assert_not_null(v);
    cr_expect_eq(v->entry, 1);
    cr_expect_eq(v->line, 6);
    dict_free(&d);
}

Test(dict, block_type_and_canonicaliser_kinds)
{
    dict d;
    const char *src =
        "@type block\n"
        "Supreme Court = Supreme Court\n"
        "@type money\n"
        "%money = /\\$\\d+/\n"
        "@type instrument\n"
        "%statute = /\\d+ U\\.S\\.C\\. \\d+/\n"
        "%case = /[A-Z]\\w+ v\\. [A-Z]\\w+/\n"
        "%name = /[A-Z]\\w+ Act/\n";
    cr_assert_eq(parse(&d, src), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_eq(d.n_entries, 5);
    cr_expect_eq(d.entries[0].type, DICT_TYPE_BLOCK);
    cr_expect_eq(d.entries[1].type, DOCTAG_TYPE_MONEY);
    cr_expect_eq(d.entries[1].canon, CANON_MONEY);
    cr_expect_str_eq(d.entries[1].id, "money", "the '%%' is not part of the ID");
    cr_expect_eq(d.entries[2].canon, CANON_STATUTE);
    cr_expect_eq(d.entries[3].canon, CANON_CASE);
    cr_expect_eq(d.entries[4].canon, CANON_NAME);
    cr_expect_eq(dict_canon_kind("un_symbol"), CANON_UN_SYMBOL);
    cr_expect_eq(dict_canon_kind("resolution"), CANON_RESOLUTION);
    cr_expect_eq(dict_canon_kind("general_comment"), CANON_GENERAL_COMMENT);
    cr_expect_eq(dict_canon_kind("currency"), -1);
    cr_expect_eq(dict_canon_kind("id"), -1, "'id' is the default, not a %%name");
    dict_free(&d);
}

Test(dict, prefix_expands_into_variants_with_and_without_it)
{
    dict d;
    const char *src =
        "@type agency\n"
        "@prefix us = U.S. | US | United States\n"
        "ICE = {us} Immigration and Customs Enforcement | ICE\n";
    cr_assert_eq(parse(&d, src), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(d.n_variants, 5, "bare + 3 prefixed + the acronym");
    cr_expect_not_null(variant(&d, "Immigration and Customs Enforcement"));
    cr_expect_not_null(variant(&d, "U.S. Immigration and Customs Enforcement"));
    cr_expect_not_null(variant(&d, "US Immigration and Customs Enforcement"));
    cr_expect_not_null(variant(&d, "United States Immigration and Customs Enforcement"));
    cr_expect_null(variant(&d, "{us} Immigration and Customs Enforcement"));
    dict_free(&d);
}

Test(dict, pattern_may_hold_a_bar_and_patterns_are_separated_by_spaced_bars)
{
    dict d;
    const char *src =
        "@type instrument\n"
        "%general_comment = /General (?:Comment|Recommendation) No\\. \\d+/ | /GC|GR \\d+/\n";
    cr_assert_eq(parse(&d, src), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_eq(d.n_variants, 2);
    cr_expect_eq(d.variants[0].is_pattern, 1);
    cr_expect_str_eq(d.variants[0].text, "General (?:Comment|Recommendation) No\\. \\d+");
    cr_expect_str_eq(d.variants[1].text, "GC|GR \\d+");
    dict_free(&d);
}

Test(dict, near_applies_to_the_next_entry_only)
{
    dict d;
    const char *src =
        "@type money\n"
        "@near $ | \" dollars\"\n"
        "%money = /\\$\\d+/\n"
        "%money = /\\d+ euros/\n";
    cr_assert_eq(parse(&d, src), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_eq(d.n_variants, 2);
    const char *near = d.variants[0].near;
    cr_assert_not_null(near);
    cr_expect_str_eq(near, "$");
    cr_expect_str_eq(near + 2, " dollars", "quotes are dropped, the space kept");
    cr_expect_eq(near[2 + strlen(" dollars") + 1], '\0', "the list ends with an empty string");
    cr_expect_null(d.variants[1].near);
    dict_free(&d);
}

/* A lower-case word in the dictionary also matches its capitalised form;
 * a capitalised word does not match in lower case. */
Test(dict, lowercase_words_match_capitalised)
{
    const char *src =
        "@type instrument\n"
        "CAT = Convention against Torture\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "mine.dict", src, strlen(src)), DOCTAG_OK, "%s",
                 doctag_last_error());
    const char *texts[] = { "the Convention Against Torture applies", "the Convention against Torture applies",
                            "the convention against torture applies" };
    size_t want[] = { 1, 1, 0 };
    for (int i = 0; i < 3; i++) {
        doctag_result *r = NULL;
        cr_assert_eq(doctag_tag_text(&r, m, texts[i], strlen(texts[i])), DOCTAG_OK);
        cr_expect_eq(doctag_result_count(r), want[i], "\"%s\": %zu entities", texts[i],
                     doctag_result_count(r));
        doctag_result_free(r);
    }
    doctag_model_free(m);
}

/* ---- Malformed sources: DOCTAG_ERR_DICT_SYNTAX with name:LINE: ----------- */

static void expect_syntax_error(const char *src, int line)
{
    dict d;
    int rc = parse(&d, src);
    char where[64];
    snprintf(where, sizeof where, "test.dict:%d:", line);
    cr_expect_eq(rc, DOCTAG_ERR_DICT_SYNTAX, "rc %d for:\n%s", rc, src);
    cr_expect(strncmp(doctag_last_error(), where, strlen(where)) == 0,
              "message \"%s\" should start with \"%s\"", doctag_last_error(), where);
    dict_free(&d);
}

Test(dict_errors, missing_equals)
{
    expect_syntax_error("@type agency\n# DHS\nDHS Department of Homeland Security\n", 3);
    expect_syntax_error("@type agency\nDHS=Department of Homeland Security\n", 2);
}

Test(dict_errors, unknown_type)
{
    expect_syntax_error("# people\n@type person\nBiden = Joe Biden\n", 2);
}

Test(dict_errors, entry_before_type)
{
    expect_syntax_error("\nDHS = Department of Homeland Security\n@type agency\n", 2);
}

Test(dict_errors, unknown_prefix)
{
    expect_syntax_error("@type agency\n@prefix us = U.S. | US\nICE = {usa} Immigration and Customs Enforcement\n", 3);
}

Test(dict_errors, unterminated_pattern)
{
    expect_syntax_error("@type money\n%money = /\\$\\d+\n", 2);
}

Test(dict_errors, unknown_canonicaliser)
{
    expect_syntax_error("@type money\n\n%currency = /\\$\\d+/\n", 3);
}

/* An empty variant between bars ("A | | B") or a trailing bar ("A |") is an
 * error, not a literal holding the bar ("| B", "A |"). */
Test(dict_errors, empty_variant)
{
    expect_syntax_error("@type agency\nDHS = Department of Homeland Security | | DHS\n", 2);
    expect_syntax_error("@type agency\nICE = ICE |\n", 2);
}

Test(dict_errors, no_variant)
{
    expect_syntax_error("@type agency\nDHS = \n", 2);
}

Test(dict_errors, unknown_directive)
{
    expect_syntax_error("@type agency\n@include other.dict\n", 2);
}

Test(dict_errors, error_names_the_file_given)
{
    dict d = { 0 };
    const char *src = "@type agency\nbroken line\n";
    cr_expect_eq(dict_parse(&d, "models/agency.dict", src, strlen(src)), DOCTAG_ERR_DICT_SYNTAX);
    cr_expect(strncmp(doctag_last_error(), "models/agency.dict:2:", 21) == 0, "%s", doctag_last_error());
    dict_free(&d);
}

/* ---- Patterns that do not compile: DOCTAG_ERR_PATTERN with file:line ------ */

Test(dict_errors, pattern_that_does_not_compile)
{
    const char *src =
        "@type money\n"
        "%money = /\\$\\d+/\n"
        "# an unbalanced bracket:\n"
        "%money = /(\\$\\d+/\n";
    doctag_model *m = (doctag_model *)1;
    int rc = doctag_model_compile_buffer(&m, "money.dict", src, strlen(src));
    cr_expect_eq(rc, DOCTAG_ERR_PATTERN, "rc %d (%s)", rc, doctag_strerror(rc));
    cr_expect_null(m, "no model on failure");
    cr_expect(strncmp(doctag_last_error(), "money.dict:4:", 13) == 0, "message \"%s\"",
              doctag_last_error());
}

Test(dict_errors, compile_buffer_reports_syntax_with_its_name)
{
    const char *src = "@type agency\n@type nothing\n";
    doctag_model *m = NULL;
    cr_expect_eq(doctag_model_compile_buffer(&m, "user.dict", src, strlen(src)), DOCTAG_ERR_DICT_SYNTAX);
    cr_expect(strncmp(doctag_last_error(), "user.dict:2:", 12) == 0, "message \"%s\"", doctag_last_error());
    cr_expect_null(m);
}

/* The alternatives copied before the empty one are freed (valgrind and
 * LeakSanitizer check it: scripts/test --valgrind --sanitize). */
Test(dict_errors, empty_prefix_alternative_leaks_nothing)
{
    expect_syntax_error("@type agency\n@prefix us = U.S. | United States |  | US\n"
                        "DHS = {us} Department of Homeland Security\n", 2);
    expect_syntax_error("@type agency\n@prefix un = United Nations | UN\n"
                        "@prefix us = U.S. |  | US\n", 3);
}

/* IDs become canonical forms: no control character, no ';', valid UTF-8. */
Test(dict_errors, control_characters_and_semicolons)
{
    expect_syntax_error("@type agency\nDH\x01S = Department of Homeland Security\n", 2);
    expect_syntax_error("@type agency\n# ok\nDHS\x7f = DHS\n", 3);
    expect_syntax_error("@type agency\nDHS;ICE = DHS\n", 2);
    expect_syntax_error("@type agency\n\tDH\tS = DHS\n", 2);
    const char *bad = "@type agency\nDHS = DHS\nD\xc6\xc6S = D\xc6S\n";
    doctag_model *m = NULL;
    cr_expect_eq(doctag_model_compile_buffer(&m, "bad.dict", bad, strlen(bad)), DOCTAG_ERR_UTF8);
    cr_expect_not_null(strstr(doctag_last_error(), "bad.dict:3: invalid UTF-8 at byte 24"), "%s",
                       doctag_last_error());
    cr_expect_null(m);
    const char *crlf = "@type agency\r\nDHS = Department of Homeland Security\r\n";
    cr_expect_eq(doctag_model_compile_buffer(&m, "crlf.dict", crlf, strlen(crlf)), DOCTAG_OK);
    doctag_model_free(m);
}
