/*
 * test_agency.c: government and intergovernmental bodies (GUIDELINES.md,
 * "agency"), and the things that look like them but are not.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The sentence has the agency `surface` with canonical "id=`id`". */
static void expect_agency(const char *text, const char *surface, const char *id)
{
    char canon[512];
    snprintf(canon, sizeof canon, "id=%s", id);
    char *lines = test_tag_lines(text);
    cr_expect(test_has_entity(text, "agency", surface, canon),
              "\"%s\": want agency|%s|%s, got:\n%s", text, surface, canon, lines);
    free(lines);
}

/* Number of agency entities in the sentence. */
static int agency_count(const char *text)
{
    char *lines = test_tag_lines(text);
    int k = 0;
    for (const char *p = lines; (p = strstr(p, "agency|")) != NULL; p++)
        k++;
    free(lines);
    return k;
}

/* The sentence holds no agency at all. */
static void expect_no_agency(const char *text)
{
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "agency|") == NULL, "\"%s\": no agency expected, got:\n%s", text, lines);
    free(lines);
}

/* ---- Full names and acronyms ---------------------------------------------- */

Test(agency, full_name_and_acronym_are_two_entities_with_one_id)
{
    const char *text = "Palantir has held contracts with Immigration and Customs Enforcement (ICE) since 2014.";
    expect_agency(text, "Immigration and Customs Enforcement", "ICE");
    expect_agency(text, "ICE", "ICE");
    cr_expect_eq(agency_count(text), 2);
}

Test(agency, un_agency_with_acronym)
{
    const char *text = "the United Nations High Commissioner for Refugees (UNHCR) warned";
    expect_agency(text, "United Nations High Commissioner for Refugees", "UNHCR");
    expect_agency(text, "UNHCR", "UNHCR");
}

Test(agency, a_component_named_after_its_parent)
{
    /* "Homeland Security" is a DHS variant, but the longer component wins */
    const char *text = "agents of Homeland Security Investigations (HSI) raided the plant";
    expect_agency(text, "Homeland Security Investigations", "HSI");
    expect_agency(text, "HSI", "HSI");
    cr_expect_eq(agency_count(text), 2, "no DHS inside HSI's name");
}

/* ---- What the span holds ---------------------------------------------------- */

Test(agency, us_prefix_is_inside_and_the_is_outside)
{
    const char *text = "In 2021 the U.S. Department of Homeland Security said it would review the policy.";
    expect_agency(text, "U.S. Department of Homeland Security", "DHS");
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "|the ") == NULL && strstr(lines, "|The ") == NULL,
              "'the' is outside the span:\n%s", lines);
    free(lines);
    expect_agency("The US Immigration and Customs Enforcement agency", "US Immigration and Customs Enforcement", "ICE");
}

Test(agency, possessive_is_outside)
{
    expect_agency("ICE's use of utility records was criticised.", "ICE", "ICE");
    expect_agency("ICE\xe2\x80\x99s use of utility records was criticised.", "ICE", "ICE");
}

Test(agency, brackets_and_full_stop_are_outside)
{
    expect_agency("The database is run by the Department of Homeland Security (DHS).", "DHS", "DHS");
    expect_agency("The database is run by the Department of Homeland Security (DHS).",
                  "Department of Homeland Security", "DHS");
}

Test(agency, title_standing_for_its_office)
{
    expect_agency("In June the UN High Commissioner for Human Rights called on States to act.",
                  "UN High Commissioner for Human Rights", "OHCHR");
}

Test(agency, un_organs)
{
    expect_agency("The Human Rights Committee noted that surveillance must be necessary.",
                  "Human Rights Committee", "CCPR");
    expect_agency("the Working Group on Business and Human Rights visited the country",
                  "Working Group on Business and Human Rights", "UNWG");
    expect_agency("Frontex and the European Union fund the programme", "Frontex", "Frontex");
    expect_agency("Frontex and the European Union fund the programme", "European Union", "EU");
}

/* A treaty body's acronym that is also its treaty's ("CRC", "CEDAW") is the
 * committee where the words around it say a committee acts or is
 * addressed, and the treaty elsewhere. */
Test(agency, a_treaty_acronym_standing_for_its_committee)
{
    expect_agency("As recommended by the CRC and other treaty bodies, raise the minimum age of "
                  "criminal responsibility (Finland);", "CRC", "CRC");
    expect_agency("The CRC, in its concluding observations of 2016, urged the State party to "
                  "prohibit corporal punishment.", "CRC", "CRC");
    expect_agency("Concerns had been raised by CEDAW and CERD that discrimination persists.",
                  "CEDAW", "CEDAW");
    expect_agency("Implement the recommendations of the CRPD on inclusive education (Spain);",
                  "CRPD", "CRPD");
    expect_agency("The Committee on the Rights of the Child (CRC) examined the fifth report.",
                  "CRC", "CRC");
    expect_agency("The State submitted its combined report to CEDAW in 2019.", "CEDAW", "CEDAW");
    expect_agency("Follow up on the recommendations of the CRC and CEDAW Committees (Ireland);",
                  "CEDAW", "CEDAW");
    expect_agency("as the CAT, CRC and CRPD committees have recommended", "CAT", "CAT");
    expect_agency("as the CAT, CRC and CRPD committees have recommended", "CRPD", "CRPD");
    expect_no_agency("Withdraw its remaining reservations to the CRC (Iran);");
    expect_no_agency("Incorporate the provisions of the CRC into domestic law (Slovakia);");
    expect_no_agency("the rights guaranteed by the CRC and the CRPD apply to every child");
    expect_no_agency("Take all measures necessary to fully implement the CRC (France);");
    expect_no_agency("Ratify the CAT, CRC and CRPD and report to the treaty committees;");
}

/* ---- Case ----------------------------------------------------------------- */

Test(agency, acronyms_are_case_sensitive)
{
    expect_no_agency("The ice on the river was thin and the ice cream melted.");
    expect_no_agency("Notice of a hearing was sent; the NOTICE was late.");   /* no ICE in NOTICE */
    expect_agency("Officers from ICE arrived.", "ICE", "ICE");
}

/* ---- Not agencies -------------------------------------------------------- */

Test(agency, companies_are_not_agencies)
{
    expect_no_agency("Palantir Technologies built the case management system.");
    expect_no_agency("LexisNexis and Thomson Reuters sell data to brokers.");
}

Test(agency, ngos_are_not_agencies)
{
    expect_no_agency("Amnesty International found that the system discriminates.");
    expect_no_agency("The ACLU and EFF filed a lawsuit.");
}

Test(agency, courts_and_legislatures_are_not_agencies)
{
    expect_no_agency("The Supreme Court ruled in 2018 that a warrant is needed.");
    expect_no_agency("Congress passed the bill in 2022.");
    expect_no_agency("The House Committee on Homeland Security held a hearing.");
    expect_no_agency("The Court of Justice of the European Union struck down the directive.");
}

Test(agency, un_as_a_modifier_is_not_tagged)
{
    expect_no_agency("The UN Special Rapporteur on the right to privacy visited in 2023.");
    expect_no_agency("UN Doc. A/HRC/45/9, para. 3.");
    char *lines = test_tag_lines("States should implement the UN Guiding Principles.");
    cr_expect(strstr(lines, "agency|UN|") == NULL, "no UN inside the UNGPs:\n%s", lines);
    free(lines);
}

Test(agency, generic_phrases_are_not_agencies)
{
    expect_no_agency("Federal agencies and local police share data; the agency said it complied.");
}

Test(agency, systems_are_not_agencies)
{
    expect_no_agency("Data flows into systems such as HART, IDENT and EURODAC.");
}

/* "State Department" (the US Department of State, id=DOS) is not the
 * "State Department" inside a state's "Washington State Department of Licensing". */
Test(agency, state_department_inside_a_state_agency_name)
{
    char *lines = test_tag_lines("The Washington State Department of Licensing shared data with ICE.");
    cr_expect(strstr(lines, "id=DOS") == NULL, "not the US State Department:\n%s", lines);
    free(lines);
}

/* County and city offices by their shape (models/agency.dict): the place
 * and the office are one name; a company named after a county, a court and
 * a university's department are no agency. */
Test(agency, county_and_city_offices)
{
    expect_agency("He reported to the Orange County Probation Department every month.",
                  "Orange County Probation Department", "Orange County Probation Department");
    expect_agency("The Cook County State's Attorney's Office declined to prosecute.",
                  "Cook County State's Attorney's Office", "Cook County State's Attorney's Office");
    expect_agency("A detective of the Aurora Police Department testified at trial.",
                  "Aurora Police Department", "Aurora Police Department");
    expect_agency("The Manhattan District Attorney's Office opened an inquiry.",
                  "Manhattan District Attorney's Office", "Manhattan District Attorney's Office");
    expect_agency("He was held by the San Diego County Department of Corrections for a week.",
                  "San Diego County Department of Corrections", "San Diego County Department of Corrections");
    expect_agency("The New York State Department of Correctional Services transferred him.",
                  "New York State Department of Correctional Services",
                  "New York State Department of Correctional Services");
    expect_agency("Officers of the St. Louis County Police Department responded.",
                  "St. Louis County Police Department", "St. Louis County Police Department");
    expect_agency("The Texas Board of Pardons and Paroles denied clemency.", "Texas Board of Pardons and Paroles",
                  "Texas Board of Pardons and Paroles");
    expect_agency("a caseworker of the New York City Administration for Children's Services testified",
                  "New York City Administration for Children's Services", "NYC ACS");
    expect_no_agency("Orange County Choppers built a motorcycle for the show.");
    expect_no_agency("The Orange County Superior Court denied the motion.");
    expect_no_agency("The Yale University Police Department patrols the campus.");
}

/* A ministry named by its state's adjective and remit (models/agency.dict);
 * without the adjective the state is unknown, and no name. */
Test(agency, ministry_named_by_state_adjective_and_remit)
{
    expect_agency("The Russian Interior Ministry's statement denied the arrests.", "Russian Interior Ministry",
                  "Russian Interior Ministry");
    expect_agency("a spokesperson of the Chinese Foreign Ministry said", "Chinese Foreign Ministry", "Chinese Foreign Ministry");
    expect_agency("The Sri Lankan Defence Ministry confirmed the deployment.", "Sri Lankan Defence Ministry",
                  "Sri Lankan Defence Ministry");
    expect_no_agency("The Foreign Ministry said nothing about it.");
}

/* A name found by its shape takes every capitalised word of its run, also
 * after "of the" (where the shape itself may not start). */
Test(agency, a_shape_name_starts_where_its_capitals_start)
{
    expect_agency("The role of the Human Rights Commission is to inquire.", "Human Rights Commission",
                  "Human Rights Commission");
    expect_agency("a complaint to the office of the Ruritanian Human Rights Ombudsman today",
                  "Ruritanian Human Rights Ombudsman", "Ruritanian Human Rights Ombudsman");
    expect_agency("Under the Police Public Complaints Authority, cases rose.",
                  "Police Public Complaints Authority", "Police Public Complaints Authority");
}

/* Armed forces are agencies (GUIDELINES.md); named bare they are the
 * services, but after a capitalised word they belong to another body
 * (armed groups, charities), which is named whole or not at all. */
Test(agency, armed_services_named_bare)
{
    expect_agency("The court held that the Army's surveillance program chilled no one.", "Army", "Army");
    expect_agency("He served as an Army officer before 2010.", "Army", "Army");
    expect_agency("Funds are provided for Aircraft Procurement, Air Force, in full.", "Air Force",
                  "Air Force");
    expect_agency("claims arising out of acts of the Armed Forces abroad", "Armed Forces", "Armed Forces");
    expect_agency("The Navy refused the request.", "Navy", "Navy");
    expect_no_agency("Rebels of the Lord's Resistance Army abducted children.");
    expect_no_agency("The Salvation Army ran the shelter.");
    expect_no_agency("Veterans of the Army of the Republic of Vietnam were detained.");
    expect_no_agency("the army and the navy were deployed");
    expect_no_agency("Navy Federal Credit Union froze the accounts.");
}

/* A run of capitals over two known names is the two names, not one name
 * found by its shape that cuts the first in two; a shape that only starts
 * inside a known name is that name going on. */
Test(agency, a_shape_over_two_known_names_is_the_two_names)
{
    const char *text = "Department of Health and Human Services\nFood and Drug Administration (FDA). "
                       "The Administration appreciates the funding.";
    expect_agency(text, "Department of Health and Human Services", "HHS");
    expect_agency(text, "Food and Drug Administration", "FDA");
    expect_agency("a campaign of the United Nations Office on Drugs and\nCrimes (UNODC) at home",
                  "United Nations Office on Drugs and\nCrimes", "United Nations Office on Drugs and Crimes");
}

/* ---- A name broken over a line ---------------------------------------------- */

Test(agency, name_broken_over_a_line_is_found_with_original_offsets)
{
    const char *text = "data collected by the Department of Homeland\nSecurity, which";
    doctag_result *res = NULL;
    cr_assert_eq(doctag_tag_text(&res, test_model(), text, strlen(text)), DOCTAG_OK, "%s",
                 doctag_last_error());
    const doctag_entity *found = NULL;
    for (size_t i = 0; i < doctag_result_count(res); i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        if (doctag_entity_type(e) == DOCTAG_TYPE_AGENCY)
            found = e;
    }
    cr_assert_not_null(found, "the agency was not found across the line break");
    const char *want = "Department of Homeland\nSecurity";
    size_t at = (size_t)(strstr(text, want) - text);
    cr_expect_eq(doctag_entity_start(found), at);
    cr_expect_eq(doctag_entity_end(found), at + strlen(want));
    cr_expect_str_eq(doctag_entity_text(found), want, "the text keeps the newline");
    cr_expect_str_eq(doctag_entity_canonical(found), "id=DHS");
    doctag_result_free(res);
}

/* A title found by its shape acts for its office with the article ("the
 * Director of the Office of ... shall"); without it, it is a post held
 * by a person, often named after it (GUIDELINES.md: a person named with a
 * post is not tagged), and no title inside it is tagged either. */
Test(agency, a_post_without_the_article_is_a_person)
{
    expect_agency("The report is due when the Administrator of the Rural Utilities Service "
                  "certifies it.", "Administrator of the Rural Utilities Service",
                  "Administrator of the Rural Utilities Service");
    expect_no_agency("Director of Outreach Programmes Tamar Oren designed the survey, and "
                     "Director of Communications Yusuf Demir edited it.");
    expect_no_agency("A Commissioner for Indigenous Affairs was appointed in 1992.");
    expect_no_agency("Timothy E. Skud, Deputy Assistant Secretary of the Treasury.");
    expect_agency("The Directorate for Social Affairs of the Ministry answered.",
                  "Directorate for Social Affairs", "Directorate for Social Affairs");
}

/* A department named by its remit alone, as budget documents list them
 * ("Health and Human Services", "Housing and Urban Development"); inside
 * an appropriations Act's name it is part of the Act. */
Test(agency, a_department_by_its_remit)
{
    expect_agency("and the Departments of Transportation, Housing and Urban Development, and related "
                  "agencies for the fiscal year",
                  "Housing and Urban Development", "HUD");
    expect_agency("funding for Housing and Urban Development rose by 8 percent", "Housing and Urban "
                  "Development", "HUD");
    char *lines = test_tag_lines("the Transportation, Housing and Urban Development Appropriations "
                                 "Act, 2022 passed");
    cr_expect(strstr(lines, "agency|Housing and Urban Development|") == NULL,
              "no agency inside the Act expected, got:\n%s", lines);
    free(lines);
}

/* UK ministers whose title acts for their department, with the article
 * before it; a title before its holder's name, or after another word
 * ("Shadow", "former", another state's), is a person's post. */
Test(agency, uk_ministers_acting_for_their_department)
{
    expect_agency("The Home Secretary may by order designate a country.", "Home Secretary",
                  "Home Office");
    expect_agency("The Foreign Secretary summoned the ambassador.", "Foreign Secretary", "FCDO");
    expect_agency("Rules made by the Lord Chancellor apply.", "Lord Chancellor", "MoJ UK");
    expect_agency("The Secretary of State for Justice must publish the data.",
                  "Secretary of State for Justice", "MoJ UK");
    expect_agency("The Secretary of State for the Home Department may detain.",
                  "Secretary of State for the Home Department", "Home Office");
    expect_agency("A reference by the Attorney General for England and Wales was made.",
                  "Attorney General for England and Wales", "AGO UK");
    expect_no_agency("Home Secretary Theresa May spoke at the conference.");
    expect_no_agency("The Shadow Home Secretary objected to the bill.");
    expect_no_agency("The former Foreign Secretary wrote a memoir.");
    expect_no_agency("India's Foreign Secretary visited Kathmandu.");
    expect_no_agency("Secretary of State for Justice Dominic Raab spoke.");
}
