/*
 * test_overlap.c: the rules that decide between candidate spans (README.md,
 * GUIDELINES.md "General rules"): the longest span wins across types, ties
 * go to the earlier entry, nothing is tagged inside a URL or an e-mail
 * address, `block` entries suppress what is inside them, and a user
 * dictionary added at load time plays by the same rules.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Tags with model `m` into "type|text|canonical\n" lines (malloc'd). */
static char *tag_lines_with(const doctag_model *m, const char *text)
{
    doctag_result *r = NULL;
    int rc = doctag_tag_text(&r, m, text, strlen(text));
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    size_t cap = 4096, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < doctag_result_count(r); i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        n += (size_t)snprintf(out + n, cap - n, "%s|%s|%s\n", doctag_type_name(doctag_entity_type(e)),
                              doctag_entity_text(e), doctag_entity_canonical(e));
        cr_assert_lt(n, cap);
    }
    doctag_result_free(r);
    return out;
}

/* The default model tags `text` as exactly `want` (all lines, in order). */
static void expect_exactly(const char *text, const char *want)
{
    char *got = test_tag_lines(text);
    cr_expect_str_eq(got, want, "\"%s\":\ngot:\n%s\nwant:\n%s", text, got, want);
    free(got);
}

/* ---- Longest span wins across types ---------------------------------------- */

Test(overlap, resolution_wins_over_the_organ_inside_it)
{
    expect_exactly("General Assembly resolution 47/23 calls on States to protect privacy.",
                   "instrument|General Assembly resolution 47/23|id=GA resolution 47/23\n");
}

Test(overlap, appropriations_bill_wins_over_the_department_inside_it)
{
    expect_exactly("The Department of Homeland Security Appropriations Bill, 2022 funds ATD.",
                   "instrument|Department of Homeland Security Appropriations Bill, 2022|"
                   "id=Department of Homeland Security Appropriations Bill, 2022\n");
}

Test(overlap, named_act_wins_over_the_amendment_inside_it)
{
    expect_exactly("Senators backed the Fourth Amendment Is Not For Sale Act.",
                   "instrument|Fourth Amendment Is Not For Sale Act|id=Fourth Amendment Is Not For Sale Act\n");
}

Test(overlap, prefixed_name_wins_over_the_bare_one)
{
    expect_exactly("the UN Human Rights Council adopted it",
                   "agency|UN Human Rights Council|id=HRC\n");
}

/* ---- Ties --------------------------------------------------------------- */

Test(overlap, named_entry_wins_a_tie_with_a_generic_shape)
{
    /* "Freedom of Information Act" is both a dictionary name (id=FOIA) and
     * a generic "... Act" name (id = the text): same span, the name wins */
    expect_exactly("ICE released the files under the Freedom of Information Act.",
                   "agency|ICE|id=ICE\ninstrument|Freedom of Information Act|id=FOIA\n");
}

Test(overlap, earlier_entry_wins_a_tie)
{
    const char *src =
        "@type agency\n"
        "Board = Privacy Board\n"
        "@type instrument\n"
        "Board Rules = Privacy Board\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "tie.dict", src, strlen(src)), DOCTAG_OK, "%s",
                 doctag_last_error());
    char *got = tag_lines_with(m, "The Privacy Board met.");
    cr_expect_str_eq(got, "agency|Privacy Board|id=Board\n");
    free(got);
    doctag_model_free(m);
}

/* ---- URLs and e-mail addresses --------------------------------------------- */

Test(overlap, nothing_inside_urls)
{
    expect_exactly("Available at https://undocs.org/A/HRC/RES/47/23.", "");
    expect_exactly("See https://www.ice.gov/doclib/ICE-ERO-2023.pdf and www.dhs.gov/OBIM/ICCPR.", "");
    /* the same names outside the link are tagged */
    expect_exactly("ICE (https://www.ice.gov/ICE) said", "agency|ICE|id=ICE\n");
}

Test(overlap, nothing_inside_email_addresses)
{
    expect_exactly("Write to ICE-FOIA@ice.dhs.gov for records held by ICE.",
                   "agency|ICE|id=ICE\n");
    expect_exactly("Contact privacy@OHCHR.org.", "");
}

/* ---- Block entries ---------------------------------------------------- */

Test(overlap, block_entries_suppress_shorter_matches)
{
    expect_exactly("The UN Special Rapporteur on the right to privacy visited.", "");
    expect_exactly("The House Committee on Homeland Security held a hearing.", "");
    expect_exactly("The Colorado General Assembly passed HB19-1124.",
                   "instrument|HB19-1124|id=HB19-1124\n");
    expect_exactly("The Knight First Amendment Institute sued.", "");
    expect_exactly("GAO-23-105959 was published by GAO.", "agency|GAO|id=GAO\n");
}

/* The second passes add nothing inside a block span either: not a body an
 * NGO's name spells out ("International Commission of Jurists (ICJ)"), nor
 * an acronym the document defined, inside a report's index number. */
Test(overlap, block_entries_hold_nothing_the_second_passes_add)
{
    expect_exactly("The International Commission of Jurists (ICJ) and the International Service for "
                   "Human Rights (ISHR) wrote to the Council; the ICJ and ISHR said so.",
                   "");
    const char *pia = "The Department of Homeland Security (DHS) published its assessment, "
                      "DHS/OBIM/PIA-004, in 2020.";
    char *lines = test_tag_lines(pia);
    cr_expect(strstr(lines, "agency|DHS|id=DHS") != NULL, "the defined acronym:\n%s", lines);
    const char *second = strstr(lines, "agency|DHS|id=DHS");
    cr_expect(second && !strstr(second + 1, "agency|DHS|"), "DHS once, not in the index number:\n%s",
              lines);
    free(lines);
}

/* ---- A user dictionary at load time ------------------------------------ */

/* The default model plus a dictionary file with `src`; caller frees. */
static doctag_model *open_with_user_dict(const char *src)
{
    char *dir = test_tmpdir();
    cr_assert_not_null(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/mine.dict", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(src, f);
    fclose(f);
    const char *paths[] = { path };
    doctag_model_options opts = DOCTAG_MODEL_OPTIONS_INIT;
    opts.dictionaries = paths;
    opts.n_dictionaries = 1;
    doctag_model *m = NULL;
    int rc = doctag_model_open(&m, NULL, &opts);
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_not_null(m);
    remove(path);
    free(dir);
    return m;
}

Test(overlap, user_dictionary_adds_an_entry)
{
    doctag_model *m = open_with_user_dict(
        "# my agencies\n"
        "@type agency\n"
        "Colorado CBI = Colorado Bureau of Investigation | CBI\n");
    cr_expect_gt(doctag_model_entry_count(m), doctag_model_entry_count(test_model()));
    char *got = tag_lines_with(m, "The CBI shared records with ICE.");
    cr_expect_str_eq(got, "agency|CBI|id=Colorado CBI\nagency|ICE|id=ICE\n");
    free(got);
    /* the default model does not know it */
    got = test_tag_lines("The CBI shared records with ICE.");
    cr_expect_str_eq(got, "agency|ICE|id=ICE\n");
    free(got);
    doctag_model_free(m);
}

Test(overlap, user_entry_longer_than_a_default_one_wins)
{
    /* "Homeland Security" (DHS) is inside the user's longer name */
    doctag_model *m = open_with_user_dict(
        "@type agency\n"
        "NYC OEM = New York City Office of Emergency Management and Homeland Security\n");
    char *got = tag_lines_with(m, "the New York City Office of Emergency Management and Homeland Security said");
    cr_expect_str_eq(got, "agency|New York City Office of Emergency Management and Homeland Security|id=NYC OEM\n");
    free(got);
    doctag_model_free(m);
}

Test(overlap, default_entry_longer_than_a_user_one_wins)
{
    /* the user's "Customs Enforcement" is inside the default ICE name */
    doctag_model *m = open_with_user_dict(
        "@type instrument\n"
        "CE = Customs Enforcement\n");
    char *got = tag_lines_with(m, "Immigration and Customs Enforcement detained him; Customs Enforcement rules apply.");
    cr_expect_str_eq(got, "agency|Immigration and Customs Enforcement|id=ICE\ninstrument|Customs Enforcement|id=CE\n");
    free(got);
    doctag_model_free(m);
}
