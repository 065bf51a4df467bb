/*
 * test_un_symbol.c: United Nations document symbols (GUIDELINES.md,
 * "un_symbol") as they are cited in reports' footnotes.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The sentence has the symbol `surface` with canonical "symbol=`symbol`". */
static void expect_symbol(const char *text, const char *surface, const char *symbol)
{
    char canon[512];
    snprintf(canon, sizeof canon, "symbol=%s", symbol);
    char *lines = test_tag_lines(text);
    cr_expect(test_has_entity(text, "un_symbol", surface, canon),
              "\"%s\": want un_symbol|%s|%s, got:\n%s", text, surface, canon, lines);
    free(lines);
}

/* The sentence holds exactly `n` UN symbols. */
static void expect_symbol_count(const char *text, int n)
{
    char *lines = test_tag_lines(text);
    int k = 0;
    for (const char *p = lines; (p = strstr(p, "un_symbol|")) != NULL; p++)
        k++;
    cr_expect_eq(k, n, "\"%s\": want %d un_symbol, got:\n%s", text, n, lines);
    free(lines);
}

/* ---- The shapes of the guidelines ------------------------------------------ */

Test(un_symbol, council_resolution)
{
    expect_symbol("Human Rights Council resolution 47/23 (A/HRC/RES/47/23) on new technologies",
                  "A/HRC/RES/47/23", "A/HRC/RES/47/23");
}

Test(un_symbol, general_assembly_report)
{
    expect_symbol("Report of the Special Rapporteur on racism, A/75/590, 10 November 2020.",
                  "A/75/590", "A/75/590");
}

Test(un_symbol, committee_general_comment)
{
    expect_symbol("CESCR, General Comment No. 20, E/C.12/GC/20, para. 7.",
                  "E/C.12/GC/20", "E/C.12/GC/20");
    expect_symbol("Human Rights Committee, General comment No. 36, CCPR/C/GC/36.",
                  "CCPR/C/GC/36", "CCPR/C/GC/36");
}

Test(un_symbol, revision_suffix_is_inside)
{
    expect_symbol("Compilation of general comments, HRI/GEN/1/Rev.9 (Vol. I).",
                  "HRI/GEN/1/Rev.9", "HRI/GEN/1/Rev.9");
}

Test(un_symbol, general_assembly_resolution_symbol)
{
    expect_symbol("Global Compact for Migration, A/RES/73/195, annex.", "A/RES/73/195", "A/RES/73/195");
}

Test(un_symbol, security_council_year_in_brackets_is_inside)
{
    expect_symbol("as recalled in S/RES/2334 (2016) on settlements", "S/RES/2334 (2016)",
                  "S/RES/2334 (2016)");
}

/* Only a Security Council symbol takes the bracketed year ("E/C.12/GC/20
 * (2009)" was once one span; corpus: amnesty-digital-border-a line 243,
 * gold "E/C.12/GC/20"). */
Test(un_symbol, year_after_a_non_security_council_symbol_is_outside)
{
    const char *text = "UN CESCR, General Comment No. 20, UN Doc. E/C.12/GC/20 (2009), Para. 2";
    expect_symbol(text, "E/C.12/GC/20", "E/C.12/GC/20");
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "(2009)") == NULL, "the year is outside:\n%s", lines);
    free(lines);
}

Test(un_symbol, addendum_suffix_is_inside)
{
    expect_symbol("Guiding Principles on Internal Displacement, E/CN.4/1998/53/Add.2, annex.",
                  "E/CN.4/1998/53/Add.2", "E/CN.4/1998/53/Add.2");
}

Test(un_symbol, combined_periodic_reports)
{
    expect_symbol("Concluding observations on the United States, CERD/C/USA/CO/10-12, para. 15.",
                  "CERD/C/USA/CO/10-12", "CERD/C/USA/CO/10-12");
}

Test(un_symbol, a_space_after_a_slash_is_one_symbol)
{
    /* a line break after the slash leaves "A/ HRC/45/9"; the canonical form
     * drops the space */
    expect_symbol("UN Doc. A/\nHRC/45/9, para. 3", "A/\nHRC/45/9", "A/HRC/45/9");
}

/* ---- What the span leaves out ---------------------------------------------- */

Test(un_symbol, citation_prefix_and_paragraph_are_outside)
{
    const char *text = "UN Doc. A/HRC/45/9, para. 3.";
    expect_symbol(text, "A/HRC/45/9", "A/HRC/45/9");
    expect_symbol_count(text, 1);
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "Doc") == NULL && strstr(lines, "para") == NULL,
              "nothing but the symbol:\n%s", lines);
    cr_expect(strstr(lines, "agency|UN|") == NULL, "'UN' of 'UN Doc.' is not an agency:\n%s", lines);
    free(lines);
}

Test(un_symbol, trailing_full_stop_is_outside)
{
    expect_symbol("See the report of the Working Group, A/HRC/48/31.", "A/HRC/48/31", "A/HRC/48/31");
    char *lines = test_tag_lines("See A/HRC/48/31.");
    cr_expect(strstr(lines, "A/HRC/48/31.") == NULL, "the full stop is outside:\n%s", lines);
    free(lines);
}

/* ---- Canonical form ----------------------------------------------------------- */

Test(un_symbol, canonical_upper_cases_components_but_not_rev)
{
    expect_symbol("UNHCR, Handbook on Procedures, HCR/1P/4/ENG/REV.4, 2019.",
                  "HCR/1P/4/ENG/REV.4", "HCR/1P/4/ENG/Rev.4");
    expect_symbol("OHCHR, E/CN.4/1998/53/ADD.2 and A/HRC/45/9/CORR.1", "A/HRC/45/9/CORR.1",
                  "A/HRC/45/9/Corr.1");
}

/* ---- Not UN symbols --------------------------------------------------------- */

Test(un_symbol, nothing_inside_a_url)
{
    expect_symbol_count("Available at https://undocs.org/A/HRC/RES/47/23 (accessed 3 May 2023).", 0);
    expect_symbol_count("Report at www.ohchr.org/Documents/A_HRC_45_9 and A/HRC/45/9", 1);
}

/* A URL written without its scheme, common in UN footnotes, is a link too. */
Test(un_symbol, nothing_inside_a_url_without_scheme)
{
    expect_symbol_count("See undocs.org/en/A/75/590.", 0);
}

Test(un_symbol, other_bodies_report_numbers)
{
    expect_symbol_count("GAO, Facial Recognition Services, GAO-23-105959, September 2023.", 0);
    expect_symbol_count("DHS, Privacy Impact Assessment for IDENT, DHS/OBIM/PIA-004, 2012.", 0);
    expect_symbol_count("Amnesty International, The Digital Border, POL 40/7772/2024, 2024.", 0);
}

Test(un_symbol, bare_resolution_number_is_not_a_symbol)
{
    const char *text = "General Assembly resolution 47/23 calls on States";
    expect_symbol_count(text, 0);
    cr_expect(test_has_entity(text, "instrument", "General Assembly resolution 47/23", NULL));
}

Test(un_symbol, several_symbols_in_one_footnote)
{
    const char *text = "See A/HRC/44/57; A/75/590 and CCPR/C/USA/CO/4, paras. 22-23.";
    expect_symbol_count(text, 3);
    expect_symbol(text, "A/HRC/44/57", "A/HRC/44/57");
    expect_symbol(text, "CCPR/C/USA/CO/4", "CCPR/C/USA/CO/4");
}

/* Footnotes run together in a PDF's text: the next note's number follows
 * a symbol's full stop. A last component starting with a digit has no
 * dotted part, while one starting with letters keeps it. */
Test(un_symbol, next_footnote_number_is_outside)
{
    const char *text = "25. A/HRC/10/79.26. Vienna Convention on the Law of Treaties. 27. A/HRC/12/L.28.";
    expect_symbol(text, "A/HRC/10/79", "A/HRC/10/79");
    expect_symbol(text, "A/HRC/12/L.28", "A/HRC/12/L.28");
    expect_symbol("See CERD/C/USA/CO/10-12 and E/CN.4/1998/53/Add.2.", "CERD/C/USA/CO/10-12",
                  "CERD/C/USA/CO/10-12");
}
