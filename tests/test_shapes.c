/*
 * test_shapes.c: names found by their shape (models/generic.dict, made by
 * tools/gen_generic.py) start and end where the name does: not on a post
 * held by a person, a month, a second instrument or a heading word.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The sentence has an entity of `type` with exactly this surface. */
static void expect_entity(const char *text, const char *type, const char *surface)
{
    char *lines = test_tag_lines(text);
    cr_expect(test_has_entity(text, type, surface, NULL), "\"%s\": want %s|%s, got:\n%s", text,
              type, surface, lines);
    free(lines);
}

/* No entity of the sentence has this surface. */
static void expect_no_surface(const char *text, const char *surface)
{
    char *lines = test_tag_lines(text);
    char want[512];
    snprintf(want, sizeof want, "|%s|", surface);
    cr_expect(strstr(lines, want) == NULL, "\"%s\": no entity \"%s\" expected, got:\n%s", text,
              surface, lines);
    free(lines);
}

/* ---- Agencies ---------------------------------------------------------------- */

Test(shapes, a_month_after_a_remit_is_not_part_of_the_name)
{
    const char *text = "The draft was sent to the Human Rights Ombudsman of the Republic of Ruritania "
                       "in August 2009 and discussed by the Interministerial Commission on Human "
                       "Rights in September.";
    expect_entity(text, "agency", "Human Rights Ombudsman of the Republic of Ruritania");
    expect_entity(text, "agency", "Interministerial Commission on Human Rights");
}

Test(shapes, a_ministry_remit_given_as_a_list_is_one_name)
{
    const char *text = "Shelters are financed by the Ministry of Labour, Family and Social Affairs "
                       "and by the Ministry of Education, Science and Sport.";
    expect_entity(text, "agency", "Ministry of Labour, Family and Social Affairs");
    expect_entity(text, "agency", "Ministry of Education, Science and Sport");
}

Test(shapes, delegation_lists_in_title_case)
{
    const char *text = "Ms. Ana Novak, State Secretary, Ministry Of Justice; Mr. Ivo Kranjc, Director, "
                       "Government Office For National Minorities; Ms. Eva Horvat, Ministry Of The "
                       "Interior.";
    expect_entity(text, "agency", "Ministry Of Justice");
    expect_entity(text, "agency", "Government Office For National Minorities");
    expect_entity(text, "agency", "Ministry Of The Interior");
}

Test(shapes, a_post_or_a_group_of_people_is_outside_the_name)
{
    const char *head = "Dr. Marko Zupan, Head of Local Self-Government Service, Ministry of Public "
                       "Administration;";
    expect_entity(head, "agency", "Local Self-Government Service");
    expect_no_surface(head, "Head of Local Self-Government Service");
    expect_entity("Members of the Interministerial Commission on Human Rights include NGOs.", "agency",
                  "Interministerial Commission on Human Rights");
    const char *staff = "Officials in the Rural Housing Administration network said so.";
    expect_entity(staff, "agency", "Rural Housing Administration");
    expect_no_surface(staff, "Officials in the Rural Housing Administration");
}

Test(shapes, a_remit_with_with_or_against)
{
    expect_entity("The government established the National Commission for Persons with Disability "
                  "in 2012.",
                  "agency", "National Commission for Persons with Disability");
}

/* ---- Instruments ------------------------------------------------------------- */

Test(shapes, case_law_on_a_subject_is_not_a_law)
{
    const char *text = "See infra \"Case Law on the Preemptive Scope of Selected Prescription Drug "
                       "Provisions.\"";
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "instrument|") == NULL, "no instrument expected, got:\n%s", lines);
    free(lines);
    expect_entity("Parliament adopted the Law on Foreigners in 2011.", "instrument",
                  "Law on Foreigners");
}

Test(shapes, statutes_named_amendments_of_a_year)
{
    const char *text = "Congress enacted the Medical Device Amendments of 1976, after the Color "
                       "Additive Amendments of 1960.";
    expect_entity(text, "instrument", "Medical Device Amendments of 1976");
    expect_entity(text, "instrument", "Color Additive Amendments of 1960");
    expect_no_surface("The 2019 amendments of the statute took effect.", "amendments of the");
}

Test(shapes, and_the_joins_two_instruments_not_one_name)
{
    const char *text = "Freedom of expression is guaranteed by the Constitution and the Media Act.";
    expect_entity(text, "instrument", "Media Act");
    expect_no_surface(text, "Constitution and the Media Act");
    expect_entity("Preemption and the Federal Food, Drug, and Cosmetic Act (FD&C Act)", "instrument",
                  "Federal Food, Drug, and Cosmetic Act");
}

Test(shapes, its_optional_protocol_is_a_second_instrument)
{
    const char *text = "In April 2008 Ruritania ratified the UN Convention on the Rights of Persons "
                       "with Disabilities and its Optional Protocol.";
    expect_entity(text, "instrument", "UN Convention on the Rights of Persons with Disabilities");
}

Test(shapes, treaty_titles_written_with_small_words)
{
    const char *text = "lift its reservations on the Convention on the Elimination of all forms of "
                       "Discrimination Against Women and ratify the International Convention for the "
                       "Protection of all persons from Enforced Disappearances.";
    expect_entity(text, "instrument",
                  "Convention on the Elimination of all forms of Discrimination Against Women");
    expect_entity(text, "instrument",
                  "International Convention for the Protection of all persons from Enforced "
                  "Disappearances");
}

/* A list of abbreviations sets each acronym before its name. */
Test(shapes, an_acronym_before_the_name_it_abbreviates_is_two_entities)
{
    const char *text = "List of abbreviations\n\nCRC Convention on the Rights of the Child\n"
                       "ICCPR International Covenant on Civil and Political Rights\n";
    expect_entity(text, "instrument", "CRC");
    expect_entity(text, "instrument", "Convention on the Rights of the Child");
    expect_entity(text, "instrument", "ICCPR");
    expect_entity(text, "instrument", "International Covenant on Civil and Political Rights");
    /* an acronym that is not the name's stays in it */
    expect_entity("the UNESCO Convention against Discrimination in Education applies", "instrument",
                  "UNESCO Convention against Discrimination in Education");
}

/* A possessive before a name is its owner, not a word of it, except the
 * plurals that start names. */
Test(shapes, a_possessive_owner_is_outside_the_name)
{
    const char *text = "Canada recommends that Zambia's Penal Code be amended, and under the "
                       "Constitution's Supremacy Clause federal law prevails.";
    expect_entity(text, "instrument", "Penal Code");
    expect_entity(text, "instrument", "Supremacy Clause");
    expect_no_surface(text, "Zambia's Penal Code");
    expect_entity("Pakistan introduced the Women's Protection Act of 2006.", "instrument",
                  "Women's Protection Act of 2006");
    expect_entity("Section 10 of the Children's Act 2004 applies.", "instrument", "Children's Act 2004");
}

/* A society, a school or a foundation is no government body, and neither
 * is the remit inside its name. */
Test(shapes, societies_and_schools_are_not_agencies)
{
    const char *text = "Washington, D.C.: American Society for Public Administration, 2002; the "
                       "School of Public Policy and Public Administration at George Washington "
                       "University.";
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "agency|") == NULL, "no agency expected, got:\n%s", lines);
    free(lines);
    expect_entity("the role of the Ruritanian Human Rights Commission is to inquire", "agency",
                  "Ruritanian Human Rights Commission");
}

/* Plain text from a PDF glues a footnote's number to the word before it:
 * a dictionary name ends there as a pattern does ("Refugees9"), an
 * acronym does not ("EU27"). */
Test(shapes, a_footnote_number_glued_to_a_dictionary_name)
{
    const char *text = "guided by the United Nations Millennium Declaration23 and the Convention on "
                       "the Rights of the Child9 and";
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "instrument|United Nations Millennium Declaration|id=Millennium "
                            "Declaration") != NULL, "%s", lines);
    cr_expect(strstr(lines, "instrument|Convention on the Rights of the Child|id=CRC") != NULL, "%s",
              lines);
    free(lines);
    expect_no_surface("The EU27 met in Brussels.", "EU");
}

/* "and" before a kind word starts a second instrument; an adjective and
 * "Act" alone is anaphora; a classification of aircraft systems is no code. */
Test(shapes, second_names_anaphora_and_classifications)
{
    const char *codes = "It undertook to adopt new Codes (Criminal Code, Code of Criminal Procedure "
                        "and Code of Military Justice) before the review.";
    expect_entity(codes, "instrument", "Code of Criminal Procedure");
    expect_entity(codes, "instrument", "Code of Military Justice");
    expect_no_surface("the powers of the States were not to be superseded by the Federal Act unless",
                      "Federal Act");
    expect_no_surface("(d) Subject Air Transport Association (ATA) of America Code 22, Auto flight.",
                      "Subject Air Transport Association (ATA) of America Code");
    expect_entity("the Federal Tort Claims Act applies", "instrument", "Federal Tort Claims Act");
}

/* A glossary's column of names, one a line, which the normalised text runs
 * together: each line's names are found, not one long name down the column. */
Test(shapes, the_names_of_a_column_one_a_line)
{
    const char *glossary = "Abbreviations\n\nDepartment of Labor\nEmployee Benefits Security "
                           "Administration\nEnforcement Management System\nEmployment and Training "
                           "Administration\nFederal Aviation Administration\nFatality Analysis "
                           "Reporting System\nFlash Flood Monitoring and Prediction Program\n"
                           "Government Performance and Results Act\nGeneral Schedule\n";
    expect_entity(glossary, "agency", "Employment and Training Administration");
    expect_entity(glossary, "agency", "Federal Aviation Administration");
    expect_entity(glossary, "instrument", "Government Performance and Results Act");
    const char *wrapped = "under the Ruritanian Data\nRetention and Interception\nAct of 2021, police";
    expect_entity(wrapped, "instrument", "Ruritanian Data\nRetention and Interception\nAct of 2021");
}

/* A field named with a body's word is a remit ("Public Administration");
 * a comma continues a title only into a list that "and" or "or" closes. */
Test(shapes, remits_named_with_a_body_word_and_commas_in_titles)
{
    expect_entity("Dr. Roman Kos, Head of Division, Ministry of Public Administration; and",
                  "agency", "Ministry of Public Administration");
    const char *decree = "By adopting the Decree on the Integration of Aliens, Ruritania introduced "
                         "active measures.";
    expect_entity(decree, "instrument", "Decree on the Integration of Aliens");
    expect_entity("ratify the Convention against Torture, Cruel, Inhuman and Other Degrading "
                  "Treatment soon",
                  "instrument", "Convention against Torture, Cruel, Inhuman and Other Degrading Treatment");
}

/* An airworthiness directive by its number is an instrument; the kind
 * alone, defined as "AD", is anaphora ("this AD"). */
Test(shapes, airworthiness_directives_by_number)
{
    const char *text = "The FAA proposes to supersede Airworthiness Directive (AD) 2018-23-51. "
                       "Since AD 2018-23-51 was issued, this AD would require a revision.";
    expect_entity(text, "instrument", "Airworthiness Directive (AD) 2018-23-51");
    expect_entity(text, "instrument", "AD 2018-23-51");
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "instrument|AD|") == NULL, "no bare AD expected, got:\n%s", lines);
    free(lines);
}

/* Laws of other states in translation named "Act on ...", "Act Regulating
 * ..."; the Office of the Ombudsman. */
Test(shapes, acts_named_by_their_subject_and_the_ombudsman_office)
{
    expect_entity("Ruritania amended the Act on Regulating Adjustments of Transfers to Individuals "
                  "and Households in 2008.",
                  "instrument", "Act on Regulating Adjustments of Transfers to Individuals and Households");
    expect_entity("The adoption of the Act Regulating the Protection of Right to Trial without Undue "
                  "Delay brings progress.",
                  "instrument", "Act Regulating the Protection of Right to Trial without Undue Delay");
    expect_no_surface("The Act amending the Criminal Procedure Act was adopted.",
                      "Act amending the Criminal Procedure Act");
    expect_entity("children's advocates in the Office of the Ombudsman help them", "agency",
                  "Office of the Ombudsman");
}

/* The title of a Federal Register final rule is the heading before its
 * "AGENCY:" line: after the RIN, the docket or the CFR part, or a
 * paragraph of its own as a PDF gives it; a proposed rule or a notice is
 * not an instrument. */
Test(shapes, a_federal_register_rule_by_its_title_line)
{
    const char *rule = "DEPARTMENT OF LABOR\nOccupational Safety and Health Administration\n29 CFR "
                       "Part 1910\nRIN 1218-AC99\nWalking-Working Surfaces; Personal Fall Protection\n"
                       "AGENCY: Occupational Safety and Health Administration, Labor.\nACTION: Final "
                       "rule.\nSUMMARY: This rule updates the standards.\n";
    expect_entity(rule, "instrument", "Walking-Working Surfaces; Personal Fall Protection");
    const char *docket = "8 CFR Part 208\n[Docket No. USCIS-2019-0011]\nAsylum Eligibility and "
                         "Procedural Modifications\nAGENCY: Department of Homeland Security.\n"
                         "ACTION: Interim final rule; request for comment.\n";
    expect_entity(docket, "instrument", "Asylum Eligibility and Procedural Modifications");
    const char *pdf = "RIN 1651-AB12\n\nImport Restrictions Imposed on Cultural\nMaterials From "
                      "Ruritania\n\nAGENCY: U.S. Customs and Border\nProtection, DHS.\nACTION: Final "
                      "rule.\n";
    expect_entity(pdf, "instrument", "Import Restrictions Imposed on Cultural\nMaterials From Ruritania");
    const char *proposed = "RIN 2120-AA64\nAirworthiness Directives; Ruritania Aircraft Company "
                           "Airplanes\nAGENCY: Federal Aviation Administration (FAA), DOT.\n"
                           "ACTION: Notice of proposed rulemaking (NPRM).\n";
    expect_no_surface(proposed, "Airworthiness Directives; Ruritania Aircraft Company Airplanes");
    const char *notice = "[OMB No. 1615-0001]\nAgency Information Collection Activities; Extension\n"
                         "AGENCY: U.S. Citizenship and Immigration Services.\nACTION: Notice.\n";
    expect_no_surface(notice, "Agency Information Collection Activities; Extension");
}

/* An executive order's or a proclamation's own title follows its number
 * and date, to the end of the heading; emphasis marks stay outside. */
Test(shapes, an_order_by_its_title_after_number_and_date)
{
    const char *eo = "Title 3-The President\nExecutive Order 14012 of February 2, 2021\nRestoring "
                     "Faith in Our Legal Immigration Systems and Strengthening Integration\n\nBy the "
                     "authority vested in me as President";
    expect_entity(eo, "instrument",
                  "Restoring Faith in Our Legal Immigration Systems and Strengthening Integration");
    const char *md = "**Proclamation 10141 of January 20, 2021**  \n**Ending Discriminatory Bans "
                     "on Entry to The United States**\n\n### Preamble";
    expect_entity(md, "instrument", "Ending Discriminatory Bans on Entry to The United States");
    expect_no_surface("Executive Order 13768 of January 25, 2017, was revoked. Nothing else "
                      "happened.\n",
                      "Nothing else happened.");
}

/* A rule's title quoted before its Federal Register citation, however
 * long: the matcher takes a name cut by its window back to its start; a
 * notice about a programme or a policy is not an instrument. */
Test(shapes, a_long_quoted_rule_title_and_a_long_appropriations_act)
{
    const char *fr = "the following actions: \"Control of Communicable Diseases; Foreign "
                     "Quarantine: Suspension of the Right to Introduce and Prohibition of "
                     "Introduction of Persons into United States from Designated Foreign Countries "
                     "or Places for Public Health Purposes,\" 85 FR 56,424 (September 11, 2020).";
    expect_entity(fr, "instrument",
                  "Control of Communicable Diseases; Foreign Quarantine: Suspension of the Right "
                  "to Introduce and Prohibition of Introduction of Persons into United States from "
                  "Designated Foreign Countries or Places for Public Health Purposes");
    const char *rule = "rescind the rule titled \"Asylum Cooperative Agreements With Ruritania,\" 84 "
                       "FR 63,994 (November 19, 2019)";
    expect_entity(rule, "instrument", "Asylum Cooperative Agreements With Ruritania");
    const char *program = "reconsider the notice \"Termination of the Ruritanian Minors Parole "
                          "Program,\" 82 FR 38,926 (August 16, 2017), and the \"Family Reunification "
                          "Policy\" 82 FR 1 too";
    expect_no_surface(program, "Termination of the Ruritanian Minors Parole Program");
    expect_no_surface(program, "Termination of the Ruritanian Minors Parole Program,");
    expect_no_surface(program, "Family Reunification Policy");
    const char *act = "H.R. 4502 - Labor, Health and Human Services, Education, Agriculture, Rural "
                      "Development, Energy and Water Development, Financial Services and General "
                      "Government, Interior, Environment, Military Construction, Veterans Affairs, "
                      "Transportation, and Housing and Urban Development Appropriations Act, 2022\n";
    expect_entity(act, "instrument",
                  "Labor, Health and Human Services, Education, Agriculture, Rural Development, "
                  "Energy and Water Development, Financial Services and General Government, "
                  "Interior, Environment, Military Construction, Veterans Affairs, Transportation, "
                  "and Housing and Urban Development Appropriations Act, 2022");
}

/* "and the" before a second body's head word starts a second name: a
 * title's remit does not run on into the next office; "and" inside a
 * remit stays. */
Test(shapes, and_the_before_a_body_word_starts_a_second_name)
{
    const char *two = "The letter went to the Children's Commissioner for England and the "
                      "Commissioner for Human Rights of the Council of Europe last week.";
    expect_entity(two, "agency", "Children's Commissioner for England");
    expect_entity(two, "agency", "Commissioner for Human Rights of the Council of Europe");
    expect_no_surface(two, "Children's Commissioner for England and the Commissioner for Human "
                           "Rights of the Council of Europe");
    const char *directors = "The Director of Rural Statistics and the Director of Water Supply "
                            "signed the plan.";
    expect_entity(directors, "agency", "Director of Rural Statistics");
    expect_entity(directors, "agency", "Director of Water Supply");
    const char *ministries = "Officials of the Ministry of Justice, and the Ministry of Foreign "
                             "Affairs met in May.";
    expect_entity(ministries, "agency", "Ministry of Justice");
    expect_entity(ministries, "agency", "Ministry of Foreign Affairs");
    const char *bare = "The Office of Civil Rights and Commissioner for Refugees replied.";
    expect_entity(bare, "agency", "Office of Civil Rights");
    expect_no_surface(bare, "Office of Civil Rights and Commissioner for Refugees");
    expect_entity("The Department of Health and Human Services issued guidance.", "agency",
                  "Department of Health and Human Services");
    expect_entity("The Commission for Equality and Human Rights was consulted.", "agency",
                  "Commission for Equality and Human Rights");
    expect_entity("The Ministry of Foreign Affairs and Trade replied on Monday.", "agency",
                  "Ministry of Foreign Affairs and Trade");
    expect_entity("The Commissioner for Children and Young People wrote twice.", "agency",
                  "Commissioner for Children and Young People");
}
