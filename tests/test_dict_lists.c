/*
 * test_dict_lists.c: the dictionaries built from authoritative lists
 * (models/agency-*.dict, models/instrument-*.dict; see models/README.md,
 * "Sources") tag their names whole, with the list's id, in real-style
 * sentences. A few entries from each list.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The sentence has `surface` tagged as `type` with canonical "id=`id`". */
static void expect_entity(const char *type, const char *text, const char *surface, const char *id)
{
    char canon[512];
    snprintf(canon, sizeof canon, "id=%s", id);
    char *lines = test_tag_lines(text);
    cr_expect(test_has_entity(text, type, surface, canon),
              "\"%s\": want %s|%s|%s, got:\n%s", text, type, surface, canon, lines);
    free(lines);
}

#define AGENCY(text, surface, id) expect_entity("agency", text, surface, id)
#define INSTRUMENT(text, surface, id) expect_entity("instrument", text, surface, id)

Test(lists, us_federal_agencies)
{
    AGENCY("Inspectors from the Animal and Plant Health Inspection Service (APHIS) seized the shipment.",
           "Animal and Plant Health Inspection Service", "APHIS");
    AGENCY("Inspectors from the Animal and Plant Health Inspection Service (APHIS) seized the shipment.",
           "APHIS", "APHIS");
    AGENCY("The bill cuts funding for the Office of Energy Efficiency and Renewable Energy.",
           "Office of Energy Efficiency and Renewable Energy", "EERE");
    AGENCY("See Brief for U. S. Dept. of Justice as Amicus Curiae 12.", "U. S. Dept. of Justice", "DOJ");
    AGENCY("the Food Safety and Inspection Service will need more inspectors", "Food Safety and Inspection Service", "FSIS");
    AGENCY("claims were paid by the Office of Workers' Compensation Programs", "Office of Workers' Compensation Programs", "OWCP");
    AGENCY("with the approval of the U.S. Commodity Futures Trading Commission", "U.S. Commodity Futures Trading Commission", "CFTC");
    AGENCY("Drug Enforcement Admin., National Drug Threat Assessment 12 (2019)", "Drug Enforcement Admin.", "DEA");
}

Test(lists, un_system)
{
    AGENCY("The draft was adopted by the Third Committee without a vote.", "Third Committee", "UNGA Third Committee");
    AGENCY("the United Nations Economic Commission for Africa estimates", "United Nations Economic Commission for Africa", "ECA");
    AGENCY("peacekeepers of MINUSCA patrolled the town", "MINUSCA", "MINUSCA");
    AGENCY("the report of the Working Group on the Universal Periodic Review", "Working Group on the Universal Periodic Review", "UPR Working Group");
    AGENCY("the Independent International Commission of Inquiry on the Syrian Arab Republic found",
           "Independent International Commission of Inquiry on the Syrian Arab Republic", "Syria COI");
    AGENCY("the United Nations High Commissioner for Refugees said", "United Nations High Commissioner for Refugees", "UNHCR");
}

Test(lists, eu_bodies)
{
    AGENCY("The European Labour Authority coordinates inspections.", "European Labour Authority", "ELA");
    AGENCY("the trade mark was registered with the EUIPO", "EUIPO", "EUIPO");
    AGENCY("the Directorate-General for Competition opened an inquiry", "Directorate-General for Competition", "DG COMP");
    AGENCY("the European Public Prosecutor's Office (EPPO) charged", "EPPO", "EPPO");
}

Test(lists, regional_organisations)
{
    AGENCY("GRECO published its evaluation report on Hungary.", "GRECO", "GRECO");
    AGENCY("the Inter-American Commission of Women convened experts", "Inter-American Commission of Women", "CIM");
    AGENCY("the Shanghai Cooperation Organisation held its summit", "Shanghai Cooperation Organisation", "SCO");
    AGENCY("troops of the African Union Mission in Somalia (AMISOM)", "African Union Mission in Somalia", "AMISOM");
}

Test(lists, national_bodies)
{
    AGENCY("the Australian Criminal Intelligence Commission (ACIC) may apply", "ACIC", "ACIC");
    AGENCY("The Scottish Human Rights Commission welcomed the report.", "Scottish Human Rights Commission", "SHRC");
    AGENCY("the Human Rights and Equal Opportunity Commission (HREOC) reported", "HREOC", "AHRC");
    AGENCY("officers of An Garda Síochána arrested him", "An Garda Síochána", "Garda");
}

Test(lists, ilo_conventions)
{
    INSTRUMENT("the Minimum Age Convention, 1973 (No. 138), and", "Minimum Age Convention, 1973 (No. 138)", "ILO C138");
    INSTRUMENT("ratify ILO Convention No. 182 without delay", "ILO Convention No. 182", "ILO C182");
    INSTRUMENT("Freedom of Association and Protection of the Right to Organise Convention (ILO 87);", "ILO 87", "ILO C087");
    INSTRUMENT("the Termination of Employment Convention has not been ratified", "Termination of Employment Convention", "ILO C158");
}

Test(lists, un_treaties)
{
    INSTRUMENT("the Convention on Psychotropic Substances, 1971, lists", "Convention on Psychotropic Substances, 1971", "Convention on Psychotropic Substances");
    INSTRUMENT("Parties to the Minamata Convention on Mercury agreed", "Minamata Convention on Mercury", "Minamata Convention");
    INSTRUMENT("under the Hague Convention on the Civil Aspects of International Child Abduction",
               "Hague Convention on the Civil Aspects of International Child Abduction", "Hague Child Abduction Convention");
    INSTRUMENT("the Convention on the Elimination of All Forms of Discrimination against Women requires",
               "Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW");
}

Test(lists, un_standards)
{
    INSTRUMENT("contrary to the Havana Rules", "Havana Rules", "Havana Rules");
    INSTRUMENT("the Bangalore Principles of Judicial Conduct state", "Bangalore Principles of Judicial Conduct", "Bangalore Principles");
    INSTRUMENT("implement the UN Rules for the Treatment of Women Prisoners and Non-Custodial Measures for Women Offenders",
               "UN Rules for the Treatment of Women Prisoners and Non-Custodial Measures for Women Offenders", "Bangkok Rules");
}

Test(lists, council_of_europe_treaties)
{
    INSTRUMENT("ratify Protocol No. 12 to the European Convention on Human Rights", "Protocol No. 12 to the European Convention on Human Rights", "ECHR Protocol 12");
    INSTRUMENT("the Oviedo Convention prohibits", "Oviedo Convention", "Oviedo Convention");
    INSTRUMENT("the Criminal Law Convention on Corruption entered into force", "Criminal Law Convention on Corruption", "Criminal Law Convention on Corruption");
}

Test(lists, us_statutes_codes_and_clauses)
{
    INSTRUMENT("the Individuals with Disabilities Education Act (IDEA) guarantees", "Individuals with Disabilities Education Act", "IDEA");
    INSTRUMENT("a violation of Utah Code section 58-37-8", "Utah Code", "Utah Code");
    INSTRUMENT("the Double Jeopardy Clause bars a second prosecution", "Double Jeopardy Clause", "Double Jeopardy Clause");
    INSTRUMENT("section 501(c)(3) of the Internal Revenue Code of 1986", "Internal Revenue Code of 1986", "Internal Revenue Code");
}

Test(lists, titles_acting_for_their_office)
{
    AGENCY("The Secretary of Homeland Security shall, in consultation with the Attorney General, review",
           "Secretary of Homeland Security", "DHS");
    AGENCY("The Secretary of Homeland Security shall, in consultation with the Attorney General, review",
           "Attorney General", "DOJ");
    AGENCY("a report of the Secretary-General on the rights of the child", "Secretary-General", "UNSG");
    char *lines = test_tag_lines("Attorney General Merrick Garland and Deputy Secretary of State Kurt Campbell met.");
    cr_expect(strstr(lines, "agency|") == NULL, "a person named with a post is not the office:\n%s", lines);
    free(lines);
}

Test(lists, constitutions_national_laws_and_eu_acts)
{
    INSTRUMENT("section 51 of the Australian Constitution", "Australian Constitution", "Constitution of Australia");
    INSTRUMENT("the Constitution of the Republic of South Africa, 1996 protects", "Constitution of the Republic of South Africa, 1996", "Constitution of South Africa");
    INSTRUMENT("under the Equality Act 2010, public bodies", "Equality Act 2010", "Equality Act 2010");
    INSTRUMENT("powers under the Telecommunications and Other Legislation Amendment (Assistance and Access) Act 2018 (TOLA)", "TOLA", "TOLA");
    INSTRUMENT("the New Zealand Bill of Rights Act 1990 affirms", "New Zealand Bill of Rights Act 1990", "NZBORA");
    INSTRUMENT("Member States transposed the Temporary Protection Directive in 2022", "Temporary Protection Directive", "Temporary Protection Directive");
    INSTRUMENT("the Treaty of Amsterdam moved asylum to the first pillar", "Treaty of Amsterdam", "Treaty of Amsterdam");
}

/* ---- The second pass over the lists: bodies and laws added later ------- */

Test(lists_second_pass, us_federal_boards_and_institutes)
{
    AGENCY("The Armed Services Board of Contract Appeals (ASBCA) denied the claim.", "ASBCA", "ASBCA");
    AGENCY("an appeal to the Interior Board of Land Appeals was dismissed", "Interior Board of Land Appeals", "IBLA");
    AGENCY("funded by the National Institute on Minority Health and Health Disparities (NIMHD)",
           "National Institute on Minority Health and Health Disparities", "NIMHD");
    AGENCY("OIRA reviewed the draft rule under Executive Order 12866.", "OIRA", "OIRA");
    AGENCY("the Special Inspector General for Afghanistan Reconstruction found that",
           "Special Inspector General for Afghanistan Reconstruction", "SIGAR");
    AGENCY("a charge filed with the Immigrant and Employee Rights Section", "Immigrant and Employee Rights Section", "IER");
}

Test(lists_second_pass, un_missions_boards_and_inquiries)
{
    AGENCY("UNTAC organised the 1993 elections in Cambodia.", "UNTAC", "UNTAC");
    AGENCY("the United Nations Operation in Somalia (UNOSOM) withdrew in 1995",
           "United Nations Operation in Somalia", "UNOSOM");
    AGENCY("the Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea concluded",
           "Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea", "DPRK COI");
    AGENCY("the UNICEF Executive Board approved the country programme", "UNICEF Executive Board", "UNICEF Executive Board");
    AGENCY("according to the UN Human Rights Monitoring Mission in Ukraine (HRMMU)", "HRMMU", "HRMMU");
}

Test(lists_second_pass, eu_council_bodies_and_missions)
{
    AGENCY("the assessment of the EU Intelligence and Situation Centre", "EU Intelligence and Situation Centre", "EU INTCEN");
    AGENCY("Coreper endorsed the compromise text on Wednesday.", "Coreper", "COREPER");
    AGENCY("vessels of Operation Irini inspected the ship", "Operation Irini", "EUNAVFOR MED Irini");
    AGENCY("the European Counter Terrorism Centre at Europol", "European Counter Terrorism Centre", "ECTC");
}

Test(lists_second_pass, commonwealth_and_other_states)
{
    AGENCY("Officers of the Independent Police Investigative Directorate (IPID) opened a case.", "IPID", "IPID");
    AGENCY("HMRC issued new guidance to employers.", "HMRC", "HMRC");
    AGENCY("the National Commission for Protection of Child Rights (NCPCR) asked", "NCPCR", "NCPCR");
    AGENCY("a statement of the Royal Canadian Mounted Police", "Royal Canadian Mounted Police", "RCMP");
    AGENCY("soldiers of the FARDC were deployed to Ituri", "FARDC", "FARDC");
    AGENCY("members of the Islamic Revolutionary Guard Corps (IRGC) detained her",
           "Islamic Revolutionary Guard Corps", "IRGC");
    AGENCY("approved by Transport Canada Civil Aviation (TCCA), and", "Transport Canada Civil Aviation", "TCCA");
    AGENCY("Sri Lanka has established a National Human Rights Committee, but", "National Human Rights Committee",
           "National Human Rights Committee");
    AGENCY("the General Assembly of the Organization of American States adopted", "General Assembly of the Organization of American States",
           "OAS General Assembly");
}

Test(lists_second_pass, bluebook_abbreviations)
{
    AGENCY("See U.S. Immigr. & Customs Enf't, National Detention Standards 12 (2019).", "U.S. Immigr. & Customs Enf't", "ICE");
    AGENCY("Fed. Trade Comm'n, Data Brokers: A Call for Transparency 3 (2014).", "Fed. Trade Comm'n", "FTC");
    AGENCY("Soc. Sec. Admin., Annual Statistical Supplement (2023).", "Soc. Sec. Admin.", "SSA");
}

Test(lists_second_pass, national_laws_and_coe_titles)
{
    INSTRUMENT("charged under the UAPA and held without bail", "UAPA", "UAPA");
    INSTRUMENT("a request under PAIA was refused", "PAIA", "PAIA");
    INSTRUMENT("the Hong Kong National Security Law criminalises", "Hong Kong National Security Law", "Hong Kong National Security Law");
    INSTRUMENT("repeal the provisions of the Hudood Ordinances that", "Hudood Ordinances", "Hudood Ordinances");
    INSTRUMENT("ratify the Council of Europe Convention on preventing and combating violence against women and domestic violence",
               "Council of Europe Convention on preventing and combating violence against women and domestic violence",
               "Istanbul Convention");
    INSTRUMENT("the Supplementary Convention on the Abolition of Slavery of 1956",
               "Supplementary Convention on the Abolition of Slavery", "Supplementary Slavery Convention");
}

/* Third pass (agency-national.dict, instrument-national-laws.dict): bodies
 * and laws of states that UPR, treaty-body and NGO reports name, where the
 * shape of the name alone gives no span or a shorter one ("State" or a
 * possessive first, "Indo-", an army). */
Test(lists_third_pass, security_forces_and_investigators)
{
    AGENCY("personnel of the Indo-Tibetan Border Police were deployed", "Indo-Tibetan Border Police", "ITBP");
    AGENCY("he was summoned by the Terrorism Investigation Division (TID) in Colombo",
           "Terrorism Investigation Division", "TID Sri Lanka");
    AGENCY("detained by the Criminal Investigation Department for two weeks", "Criminal Investigation Department",
           "Criminal Investigation Department");
    AGENCY("abducted by officers of the Directorate General of Forces Intelligence", "Directorate General of Forces Intelligence",
           "DGFI");
    AGENCY("held at the headquarters of the Chieftaincy of Military Intelligence", "Chieftaincy of Military Intelligence",
           "CMI Uganda");
    AGENCY("officers of the State Security Service searched his flat", "State Security Service", "State Security Service");
    AGENCY("units of the People's Armed Police patrolled the city", "People's Armed Police", "PAP China");
    AGENCY("soldiers of the South Sudan People's Defence Forces (SSPDF) looted", "South Sudan People's Defence Forces", "SSPDF");
    AGENCY("red-tagged by the National Task Force to End Local Communist Armed Conflict",
           "National Task Force to End Local Communist Armed Conflict", "NTF-ELCAC");
}

Test(lists_third_pass, national_laws_by_short_title)
{
    INSTRUMENT("arrested under the Same Sex Marriage (Prohibition) Act, 2013 and", "Same Sex Marriage (Prohibition) Act, 2013",
               "Same Sex Marriage (Prohibition) Act");
    INSTRUMENT("the Charities and Societies Proclamation restricted foreign funding", "Charities and Societies Proclamation",
               "Charities and Societies Proclamation");
    INSTRUMENT("protection orders under the Protection of Women from Domestic Violence Act are rare",
               "Protection of Women from Domestic Violence Act", "PWDVA");
    INSTRUMENT("the Magna Carta of Women guarantees", "Magna Carta of Women", "Magna Carta of Women");
    INSTRUMENT("detainees held under TADA were later acquitted", "TADA", "TADA");
    INSTRUMENT("an injunction under the Protection from Harassment Act 1997 was granted",
               "Protection from Harassment Act 1997", "Protection from Harassment Act");
    INSTRUMENT("prosecuted under the Information and Electronic Transactions Law for a post",
               "Information and Electronic Transactions Law", "ITE Law");
}

Test(lists_third_pass, electoral_bodies_ombudsmen_and_regional_standards)
{
    AGENCY("the National Electoral Board of Ethiopia (NEBE) postponed the vote", "National Electoral Board of Ethiopia", "NEBE");
    AGENCY("the National Electoral Council announced the results", "National Electoral Council", "National Electoral Council");
    AGENCY("a special unit was created in the Public Ministry to investigate", "Public Ministry", "Public Ministry");
    AGENCY("a complaint filed with the Wafaqi Mohtasib in Islamabad", "Wafaqi Mohtasib", "Wafaqi Mohtasib");
    AGENCY("the Parliamentary Commissioner for Human Rights visited the prison", "Parliamentary Commissioner for Human Rights",
           "Parliamentary Commissioner for Human Rights");
    INSTRUMENT("as the Robben Island Guidelines require", "Robben Island Guidelines", "Robben Island Guidelines");
    INSTRUMENT("the Guidelines on the Conditions of Arrest, Police Custody and Pre-Trial Detention in Africa provide",
               "Guidelines on the Conditions of Arrest, Police Custody and Pre-Trial Detention in Africa", "Luanda Guidelines");
    INSTRUMENT("the Principles and Best Practices on the Protection of Persons Deprived of Liberty in the Americas state",
               "Principles and Best Practices on the Protection of Persons Deprived of Liberty in the Americas",
               "IACHR Principles on Persons Deprived of Liberty");
}
