/*
 * test_instrument.c: legal instruments (GUIDELINES.md, "instrument"):
 * treaties, statutes and their citations, cases, resolutions, general
 * comments, named Acts and bills, and what is not one.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The sentence has the instrument `surface` with canonical "id=`id`"
 * (id NULL: any canonical). */
static void expect_instrument(const char *text, const char *surface, const char *id)
{
    char canon[512];
    if (id)
        snprintf(canon, sizeof canon, "id=%s", id);
    char *lines = test_tag_lines(text);
    cr_expect(test_has_entity(text, "instrument", surface, id ? canon : NULL),
              "\"%s\": want instrument|%s|%s, got:\n%s", text, surface, id ? canon : "*", lines);
    free(lines);
}

/* Number of instrument entities in the sentence. */
static int instrument_count(const char *text)
{
    char *lines = test_tag_lines(text);
    int k = 0;
    for (const char *p = lines; (p = strstr(p, "instrument|")) != NULL; p++)
        k++;
    free(lines);
    return k;
}

/* ---- Treaties ---------------------------------------------------------------- */

Test(instrument, treaty_full_name_and_acronym_share_the_id)
{
    const char *text = "Article 17 of the International Covenant on Civil and Political Rights "
                       "(ICCPR) protects privacy.";
    expect_instrument(text, "International Covenant on Civil and Political Rights", "ICCPR");
    expect_instrument(text, "ICCPR", "ICCPR");
    cr_expect_eq(instrument_count(text), 2);
}

Test(instrument, article_reference_is_outside)
{
    const char *text = "Article 17 of the ICCPR protects against arbitrary interference with privacy.";
    expect_instrument(text, "ICCPR", "ICCPR");
    cr_expect_eq(instrument_count(text), 1, "only the ICCPR, not 'Article 17 of the ICCPR'");
    expect_instrument("as required by ICCPR, Article 9", "ICCPR", "ICCPR");
    expect_instrument("Section 6103 of the Internal Revenue Code bars disclosure",
                      "Internal Revenue Code", "Internal Revenue Code");
}

Test(instrument, capitalised_small_words_in_a_title)
{
    /* the dictionary writes "against"; titles write "Against" */
    expect_instrument("the Convention Against Torture and Other Cruel, Inhuman or Degrading "
                      "Treatment or Punishment forbids refoulement",
                      "Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
                      "CAT");
}

/* The Optional Protocols as UPR and treaty-body documents write them: by
 * their treaty's acronym, by subject alone, and a treaty's Protocols
 * together; the word before ("both", "third") stays outside, and an
 * optional protocol still being drafted, in lower case, is none. */
Test(instrument, optional_protocols_by_acronym_and_subject)
{
    expect_instrument("Withdraw its interpretative declaration to the OP to the CRC on the "
                      "involvement of children in armed conflict (Spain);",
                      "OP to the CRC on the involvement of children in armed conflict", "OPAC");
    expect_instrument("the State party ratified the Optional Protocol on the sale of children, "
                      "child prostitution and child pornography in 2002",
                      "Optional Protocol on the sale of children, child prostitution and child "
                      "pornography", "OPSC");
    expect_instrument("Accede to the Optional Protocol to the CRC on a communications procedure "
                      "(Portugal);", "Optional Protocol to the CRC on a communications procedure",
                      "OPIC");
    expect_instrument("Lift its reservations to both Optional Protocols to the CRC (Norway);",
                      "Optional Protocols to the CRC", "CRC Optional Protocols");
    expect_instrument("welcomes the ratification of the two Optional Protocols to the Convention "
                      "on the Rights of the Child in 2009",
                      "Optional Protocols to the Convention on the Rights of the Child",
                      "CRC Optional Protocols");
    expect_instrument("Ratify the third Optional Protocol to the CRC (Slovakia);",
                      "Optional Protocol to the CRC", "CRC Optional Protocol");
    expect_instrument("Ratify the Optional Protocol to the CAT and establish a national preventive "
                      "mechanism (Denmark);", "Optional Protocol to the CAT", "OPCAT");
    expect_instrument("Consider acceding to the OP to CEDAW (Brazil);", "OP to CEDAW", "OP-CEDAW");
    expect_instrument("Ratify the Optional Protocol to the CRPD (Hungary);",
                      "Optional Protocol to the CRPD", "OP-CRPD");
    cr_expect_eq(instrument_count("the working group on an optional protocol to the Convention "
                                  "on the Rights of the Child on the rights to early childhood "
                                  "education"), 1, "only the Convention");
}

/* A declaration named after the meeting that adopted it, as General
 * Assembly resolutions cite it: the title runs to a remark, a verb or a
 * second name; a political declaration in lower case is none. */
Test(instrument, a_declaration_named_after_its_meeting)
{
    expect_instrument("Recalling the Declaration of the high-level meeting of the General Assembly "
                      "on the rule of law at the national and international levels,",
                      "Declaration of the high-level meeting of the General Assembly on the rule "
                      "of law at the national and international levels", NULL);
    expect_instrument("the Declaration of the twenty-sixth special session of the General "
                      "Assembly on HIV/AIDS, entitled \"Global Crisis - Global Action\",",
                      "Declaration of the twenty-sixth special session of the General Assembly "
                      "on HIV/AIDS", NULL);
    expect_instrument("Reaffirming the Political Declaration of the High-level Meeting of the "
                      "General Assembly on HIV and AIDS,", "Political Declaration of the "
                      "High-level Meeting of the General Assembly on HIV and AIDS", NULL);
    expect_instrument("The Declaration of the high-level meeting on addressing large movements "
                      "of refugees and migrants was adopted in 2016.", "Declaration of the "
                      "high-level meeting on addressing large movements of refugees and migrants",
                      NULL);
    expect_instrument("the Declaration of the World Summit on the Information Society and the "
                      "Tunis Agenda", "Declaration of the World Summit on the Information Society",
                      NULL);
    cr_expect_eq(instrument_count("Recalling the political declaration of the high-level meeting "
                                  "on universal health coverage of 2023,"), 0);
}

/* The shape of a named instrument, after a run of capitalised words that
 * is none: the shape pattern skips such a run (tools/gen_generic.py) but a
 * name may still start after a year or inside a hyphenated word of it. */
Test(instrument, a_shape_name_after_a_run_of_capitalised_words)
{
    expect_instrument("The Northern Fisheries Working Group Report cites the Sea Turtle Convention.",
                      "Sea Turtle Convention", NULL);
    expect_instrument("as derived from the 1951 Convention relating to the Status of Sea Turtles.",
                      "Convention relating to the Status of Sea Turtles", NULL);
    expect_instrument("They joined the Anti-Convention on Torture Campaign last year.",
                      "Convention on Torture Campaign", NULL);
}

/* ---- Statute citations ---------------------------------------------------- */

Test(instrument, us_code_citation_is_whole)
{
    expect_instrument("Removal orders under 8 U.S.C. \xc2\xa7 1253(a)(1) carry criminal penalties.",
                      "8 U.S.C. \xc2\xa7 1253(a)(1)", "8 U.S.C. \xc2\xa7 1253");
}

Test(instrument, regulation_citation)
{
    expect_instrument("The CDC relied on 42 CFR 71.1 to expel migrants.", "42 CFR 71.1", "42 CFR \xc2\xa7 71.1");
}

Test(instrument, public_law_citation)
{
    expect_instrument("The Infrastructure Investment and Jobs Act, Pub. L. 117-58, funds it.",
                      "Pub. L. 117-58", "Pub. L. 117-58");
}

/* ---- Cases ---------------------------------------------------------------- */

Test(instrument, case_with_year)
{
    expect_instrument("The Court's reasoning in Carpenter v. United States (2018) applies to location data.",
                      "Carpenter v. United States (2018)", "Carpenter v. United States");
}

Test(instrument, sentence_word_before_a_case_is_outside)
{
    const char *text = "In Carpenter v. United States (2018), the Court required a warrant.";
    expect_instrument(text, "Carpenter v. United States (2018)", "Carpenter v. United States");
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "|In Carpenter") == NULL, "'In' is outside the case:\n%s", lines);
    free(lines);
}

/* ---- Resolutions and general comments ------------------------------------ */

Test(instrument, resolutions)
{
    expect_instrument("General Assembly resolution 47/23 calls on States to protect privacy.",
                      "General Assembly resolution 47/23", NULL);
    expect_instrument("Resolution 47/23 calls on States to protect privacy.", "Resolution 47/23", NULL);
}

Test(instrument, general_comments)
{
    expect_instrument("See CESCR, General Comment No. 20, para. 3.", "General Comment No. 20",
                      "General Comment No. 20");
    expect_instrument("Human Rights Committee, General comment No. 18 on non-discrimination",
                      "General comment No. 18", "General Comment No. 18");
}

/* ---- Named Acts, bills and amendments ------------------------------------- */

Test(instrument, named_state_act)
{
    expect_instrument("Washington passed the Keep Washington Working Act in 2019.",
                      "Keep Washington Working Act", NULL);
}

Test(instrument, act_holding_an_amendment_name_is_one_span)
{
    const char *text = "The Fourth Amendment Is Not For Sale Act would close the data broker loophole.";
    expect_instrument(text, "Fourth Amendment Is Not For Sale Act", NULL);
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "instrument|Fourth Amendment|") == NULL,
              "no 'Fourth Amendment' inside the Act:\n%s", lines);
    free(lines);
    cr_expect_eq(instrument_count(text), 1);
}

/* The generic "... Act" shape (generic.dict) must not let a capitalised
 * sentence word and "the" start the name ("Support the Fourth Amendment Is
 * Not For Sale Act" was once one instrument). */
Test(instrument, capitalised_verb_before_an_act_is_outside)
{
    const char *text = "Support the Fourth Amendment Is Not For Sale Act.";
    expect_instrument(text, "Fourth Amendment Is Not For Sale Act", NULL);
    cr_expect_eq(instrument_count(text), 1);
    expect_instrument("Pass the Keep Washington Working Act now.", "Keep Washington Working Act", NULL);
}

Test(instrument, case_against_the_state_keeps_its_article)
{
    expect_instrument("In Big Brother Watch and Others v. the United Kingdom (2021), the Court",
                      "Big Brother Watch and Others v. the United Kingdom (2021)", NULL);
}

Test(instrument, a_document_about_a_bill_is_not_the_bill)
{
    expect_instrument("See the Statement for the Homeland Security Appropriations Bill, 2022.",
                      "Homeland Security Appropriations Bill, 2022", NULL);
    expect_instrument("Section 702 of the FISA Amendments Act expires.", "FISA Amendments Act", NULL);
    expect_instrument("Title VI of the Civil Rights Act of 1964 bars it.", "Civil Rights Act of 1964", NULL);
}

Test(instrument, two_acts_joined_by_and_are_two)
{
    const char *text = "The First Step Act and the Dream Act were debated in Congress.";
    expect_instrument(text, "First Step Act", NULL);
    expect_instrument(text, "Dream Act", NULL);
    cr_expect(!test_has_entity(text, "instrument", "First Step Act and the Dream Act", NULL));
}

Test(instrument, executive_orders_and_proclamations)
{
    expect_instrument("Executive Order 13768 changed enforcement priorities.", "Executive Order 13768", NULL);
    expect_instrument("It was revoked by EO 14012 in 2021.", "EO 14012", NULL);
    expect_instrument("Presidential Proclamation 9645 restricted entry.",
                      "Presidential Proclamation 9645", NULL);
}

Test(instrument, state_bill_number)
{
    expect_instrument("Colorado's HB19-1124 limits cooperation with ICE.", "HB19-1124", NULL);
}

Test(instrument, constitutional_amendment)
{
    expect_instrument("Such searches are protected by the First Amendment and the Fourth Amendment.",
                      "First Amendment", NULL);
    expect_instrument("Such searches are protected by the First Amendment and the Fourth Amendment.",
                      "Fourth Amendment", NULL);
}

/* Statutes of other common-law states are cited with their number in
 * their year (GUIDELINES.md: the year of the conventional name, and
 * citations whole): the number goes with the name, and a bare citation is
 * an instrument; an article reference stays outside. */
Test(instrument, a_statute_number_in_its_year_is_part_of_the_name)
{
    expect_instrument("Asylum seekers lodged claims under section 21 of the Refugees Act 130 of "
                      "1998 in Durban.", "Refugees Act 130 of 1998", NULL);
    expect_instrument("Journalists used the Promotion of Access to Information Act 2 of 2000 "
                      "(PAIA) to obtain the tender records.",
                      "Promotion of Access to Information Act 2 of 2000", "PAIA");
    expect_instrument("The Zanzibar Fisheries Act 8 of 2010 (ZFA) is enforced by the ministry.",
                      "Zanzibar Fisheries Act 8 of 2010", "ZFA");
    expect_instrument("Parliament passed the Anti-Torture Act No. 17 of 2013 unanimously.",
                      "Anti-Torture Act No. 17 of 2013", NULL);
    expect_instrument("Detention under the Prevention of Terrorism (Temporary Provisions) Act, "
                      "No. 48 of 1979 continued.",
                      "Prevention of Terrorism (Temporary Provisions) Act, No. 48 of 1979", NULL);
    expect_instrument("Women may seek protection orders under Republic Act No. 9262.",
                      "Republic Act No. 9262", NULL);
    expect_instrument("Appeals lie under the Information Act, 2005 (No. 22 of 2005) to the "
                      "commission.", "Information Act, 2005 (No. 22 of 2005)", NULL);
    expect_instrument("Citizens filed 6 million requests under India's Right to Information "
                      "Act, 2005 last year.", "Right to Information Act, 2005", NULL);
}

Test(instrument, a_statute_cited_by_number_alone)
{
    expect_instrument("The minister may detain suspects under Act No. 12 of 2005 for 90 days.",
                      "Act No. 12 of 2005", NULL);
    expect_instrument("Sex work is an offence under Law No. 2016-444 of 13 April.",
                      "Law No. 2016-444", NULL);
    expect_instrument("The court read Federal Law No. 7 of 2014 narrowly.",
                      "Federal Law No. 7 of 2014", NULL);
    /* a number that is not a year's, or an Act read in a play, is none */
    cr_expect_eq(instrument_count("In Act 2 of the opera the chorus sings of exile."), 0);
    cr_expect_eq(instrument_count("The vote on Act 4 of 12 bills was postponed."), 0);
}

/* ---- Not instruments ------------------------------------------------------ */

Test(instrument, anaphora_is_not_an_instrument)
{
    cr_expect_eq(instrument_count("The United States signed the Convention in 1988 but the "
                                  "Convention has not been applied."), 0);
    cr_expect_eq(instrument_count("As the resolution notes, States must act."), 0);
    cr_expect_eq(instrument_count("The Covenant requires remedies."), 0);
}

Test(instrument, generic_phrases_are_not_instruments)
{
    cr_expect_eq(instrument_count("Many cities adopted so-called sanctuary laws after 2017."), 0);
    cr_expect_eq(instrument_count("This is a matter of international human rights law."), 0);
}

Test(instrument, sentence_word_does_not_start_an_act)
{
    const char *text = "Under the Freedom of Information Act, ICE must disclose records.";
    expect_instrument(text, "Freedom of Information Act", "FOIA");
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "|Under ") == NULL, "'Under' is outside:\n%s", lines);
    free(lines);
}

/* A glossary's column of names, one a line, is not one long name; a name
 * wrapped over two lines of running text still is one. */
Test(instrument, a_column_of_names_is_not_one_name)
{
    const char *glossary = "Abbreviations\nSystem\nEmployment and Training Administration\n"
                           "Federal Aviation Administration\nFatality Analysis Reporting System\n"
                           "Flash Flood Monitoring and Prediction Program\n"
                           "Government Performance and Results Act\nGeneral Schedule\n";
    char *lines = test_tag_lines(glossary);
    cr_expect(strstr(lines, "instrument|System") == NULL, "a column read as one name:\n%s", lines);
    free(lines);
    const char *wrapped = "under the Ruritanian Data\nRetention and Interception\nAct of 2021, police";
    lines = test_tag_lines(wrapped);
    cr_expect(strstr(lines, "instrument|Ruritanian Data\nRetention and Interception\nAct") != NULL,
              "a wrapped name:\n%s", lines);
    free(lines);
}

/* A title of a report cited with its number, as in a list of "Related
 * GAO Products", is no instrument, though a kind word ends it; an Act
 * named at the end of such a title still is the Act. */
Test(instrument, a_report_title_is_not_an_instrument)
{
    const char *list = "Related GAO Products\n\nHuman Capital: Core Principles for Agile "
                       "Workforce Planning. GAO-06-117. Washington, D.C.: May 2, 2006.\n\n"
                       "Preliminary Observations on Proposed Census Bureau Hiring Regulations. "
                       "GAO-07-412T. Washington, D.C.: March 1, 2007.\n";
    cr_expect_eq(instrument_count(list), 0, "got:\n%s", test_tag_lines(list));
    expect_instrument("Executive Guide: Applying the Clinger-Cohen Act. GAO/AIMD-98-21. "
                      "Washington, D.C.: 1998.", "Clinger-Cohen Act", NULL);
}
