/*
 * test_memory.c: what a document defines for itself (GUIDELINES.md): a
 * short name or acronym given after a name is tagged wherever it is used,
 * with the name's id; a case named in full is tagged by its short form
 * later; senses in context (an acronym spelled out otherwise, in a
 * compound, or ratified as a treaty).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citetest.h"
#include "testutil.h"

static const cite_case defined[] = {
    { "The Keep Kansas Safe Act (KKSA) took effect in May. Under the KKSA, police may not share "
      "data.", "KKSA", "KKSA" },
    { "The Ruritanian Data Protection Authority (RDPA) opened an inquiry; the RDPA fined the firm.",
      "Ruritanian Data Protection Authority", NULL },
    { "The Ruritanian Data Protection Authority (RDPA) opened an inquiry; the RDPA fined the firm.",
      "RDPA", NULL },
    { "the Ruritanian Equal Treatment and Opportunity Commission (RETOC) reported. RETOC also found",
      "RETOC", "RETOC" },
    { "the Independent National Security Legislation Monitor (INSLM) reviewed it; the INSLM said",
      "Independent National Security Legislation Monitor", "INSLM" },
    { "the Ruritanian government passed the Lawful Decryption Act, also known as LDAX. LDAX "
      "remains under review.", "LDAX", "Lawful Decryption Act" },
    { "the Data Retention Amendment (Trace and Hold) Bill 2021 was passed. "
      "Trace and Hold goes much further.", "Trace and Hold",
      "Data Retention Amendment (Trace and Hold) Bill 2021" },
};

static const cite_case short_forms[] = {
    { "See Ziglar v. Abbasi, 582 U. S. ___ (2017). The Court in Abbasi declined.", "Abbasi",
      "Ziglar v. Abbasi" },
    { "Bivens v. Six Unknown Fed. Narcotics Agents, 403 U. S. 388 (1971). We have not extended "
      "Bivens to a new context.", "Bivens", "Bivens v. Six Unknown Fed. Narcotics Agents" },
    { "Summers v. Earth Island Institute, 555 U. S. 488 (2009). See Summers, 555 U. S., at 496.",
      "Summers", "Summers v. Earth Island Institute" },
    { "Lujan v. Defenders of Wildlife, 504 U. S. 555 (1992). Defenders of Wildlife, 504 U. S., at "
      "560.", "Defenders of Wildlife", "Lujan v. Defenders of Wildlife" },
    { "ACLU v. NSA, 493 F. 3d 644, 648 (CA6 2007) (ACLU). See ACLU, 493 F. 3d, at 655.", "ACLU",
      "ACLU v. NSA" },
    { "See Hughes v. Boston Sci. Corp., 631 F.3d 762 (5th Cir. 2011). In Boston, the court held.",
      "Boston", "Hughes v. Boston Sci. Corp." },
    { "our decision in United States v. United States Dist. Court for Eastern Dist. of Mich., 407 "
      "U. S. 297 (1972) (Keith), in which we explained. Although the Keith opinion disclaimed it.",
      "Keith", "United States v. United States Dist. Court for Eastern Dist. of Mich." },
    { "See Roe v. Acme Widget Co., 512 F. Supp. 2d 40, 44 (D. Mass. 2007) (Acme). Under Acme, the "
      "claim fails.", "Acme", "Roe v. Acme Widget Co." },
    { "Laird v. Tatum, 408 U. S. 1 (1972). The plaintiffs in Laird--and respondents here--lack "
      "standing.", "Laird", "Laird v. Tatum" },
};

/* Not memory: a person of the same name, Id., a country after a
 * recommendation, an acronym used before any case. */
static const cite_case not_defined[] = {
    { "Remove reservations to the CEDAW (Greece); Greece also asked for more.", "Greece", NULL },
    { "Carpenter v. United States (2018) applies. Id. at 2217.", "Id.", NULL },
    { "Agent Mesa fired. Hernandez v. Mesa, 582 U. S. ___ (2017). Mesa's motion was granted.",
      "Mesa", NULL },
    { "the flight control computer (FCC) failed twice; the FCC reboots in flight", "FCC", NULL },
    { "documents were ranked with TF-IDF weights", "IDF", NULL },
    { "The Working Group on the Universal Periodic Review (UPR) met. The UPR process went on.",
      "UPR", NULL },
    { "See Cent. Maine Power Co. v. Maine Comm'n on Governmental Ethics, 721 F.3d 1 (1st Cir. "
      "2025). Maine pharmacists later sued.", "Maine", NULL },
    { "See Hughes v. Boston Sci. Corp., 631 F.3d 762 (5th Cir. 2011). The claims against Boston "
      "Scientific failed.", "Boston", NULL },
};

/* A court named in brackets after a case, or a bracket before any
 * citation, gives the case no short form. */
static const cite_case not_case_shorts[] = {
    { "In Marrache v. Bacardi, the U.S. Circuit Court for the Eleventh Circuit (Eleventh Circuit) "
      "considered a claim.", "Eleventh Circuit", NULL },
    { "Doe v. Roe, 12 F.4th 1 (9th Cir. 2021) (Ninth Circuit). The Ninth Circuit then ruled.",
      "Ninth Circuit", NULL },
    { "In Ames v. Burton Industries (Ruritania Chamber) the claim failed. Ruritania Chamber members "
      "left.", "Ruritania Chamber", NULL },
};

/* The number of entities of `type` with text `surface` in `text`. */
static int count(const char *text, const char *type, const char *surface)
{
    char *lines = test_tag_lines(text), want[512];
    snprintf(want, sizeof want, "%s|%s|", type, surface);
    int k = 0;
    for (char *p = lines; (p = strstr(p, want)) != NULL; p++)
        k += p == lines || p[-1] == '\n';
    free(lines);
    return k;
}

Test(memory, defined_names_and_acronyms)
{
    cr_expect_eq(cite_expect_all("instrument", defined, 1), 0);
    cr_expect_eq(cite_expect_all("agency", defined + 1, 4), 0);
    cr_expect_eq(cite_expect_all("instrument", defined + 5, 2), 0);
    cr_expect_eq(count(defined[0].text, "instrument", "KKSA"), 2, "the definition and the use");
}

/* An acronym of the whole name, head included, names the body; one that
 * spells only the topic after "on" does not (see not_defined: UPR). */
Test(memory, an_acronym_with_the_head_names_the_body)
{
    static const cite_case body[] = {
        { "The Ruritanian Commission on the Rights of the Child (RCRC) met; the RCRC asked",
          "RCRC", "RCRC" },
    };
    cr_expect_eq(cite_expect_all("agency", body, 1), 0);
}

/* A defined short name that is a word is not tagged inside a longer
 * capitalised phrase (a heading, another name). */
Test(memory, a_defined_word_inside_a_longer_phrase)
{
    const char *text = "Department of Education (Education)\nSpecial Education. The funding for "
                       "Early Childhood Education rose, and Education asked for more.";
    cr_expect_eq(count(text, "agency", "Education"), 2, "the definition and the plain use");
}

/* A short form a name of no entity defines (a block: an NGO named like a
 * national human rights commission) stands for that name wherever it is
 * used: it is not tagged, and a shorter shape of the name that defines the
 * same short form is the NGO too. */
Test(memory, a_blocked_name_defines_no_short_form)
{
    const char *text = "The Human Rights Commission of Pakistan (HRCP) said 52 journalists were "
                       "attacked. HRCP staff in Karachi were threatened, and a Human Rights "
                       "Commission (HRCP) team went to Sindh. The Federal Investigation Agency "
                       "(FIA) arrested two of them; the FIA denied it.";
    char *lines = test_tag_lines(text);
    cr_expect_eq(count(text, "agency", "HRCP"), 0, "got:\n%s", lines);
    cr_expect_eq(count(text, "agency", "Human Rights Commission"), 0, "got:\n%s", lines);
    cr_expect_eq(count(text, "agency", "FIA"), 2, "an agency's acronym still is: got:\n%s", lines);
    free(lines);
}

Test(memory, case_short_forms)
{
    cr_expect_eq(cite_expect_all("instrument", short_forms, CITE_COUNT(short_forms)), 0);
}

Test(memory, a_party_named_as_a_person_only_where_cited)
{
    const char *text = "Hernandez v. Mesa, 582 U. S. ___ (2017). Hernandez's parents sued. The "
                       "Court vacated. Hernandez, 582 U. S., at 3.";
    cr_expect_eq(count(text, "instrument", "Hernandez"), 1, "only the citation");
}

Test(memory, what_is_not_memory)
{
    cr_expect_eq(cite_expect_none("instrument", not_defined, 3), 0);
    cr_expect_eq(cite_expect_none("agency", not_defined, CITE_COUNT(not_defined)), 0);
}

Test(memory, a_court_in_brackets_is_not_a_case_short_form)
{
    cr_expect_eq(cite_expect_none("instrument", not_case_shorts, CITE_COUNT(not_case_shorts)), 0);
}

Test(memory, a_ratified_acronym_is_the_treaty)
{
    const char *text = "Accelerate its current efforts to sign and ratify the CED (Japan);";
    char *lines = test_tag_lines(text);
    if (strstr(lines, "|CED|"))   /* the dictionaries know "CED" */
        cr_expect(test_has_entity(text, "instrument", "CED", NULL), "got:\n%s", lines);
    free(lines);
}

Test(memory, the_constitution_of_another_state)
{
    const char *text = "The Australian Constitution protects few rights. Under the Constitution, "
                       "Parliament may legislate.";
    cr_expect(test_has_entity(text, "instrument", "Constitution", "id=Australian Constitution"),
              "got:\n%s", test_tag_lines(text));
    const char *us = "The Constitution protects speech.";
    cr_expect(test_has_entity(us, "instrument", "Constitution", "id=U.S. Constitution"));
}
