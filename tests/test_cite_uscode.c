/*
 * test_cite_uscode.c: the US citation grammar (GUIDELINES.md, "Citations
 * in every common form"): US Code and CFR with §/§§, ranges, alphanumeric
 * sections, et seq., note, App.; the long form "title N, United States
 * Code"; Public and Private Laws; the Constitution by article and
 * amendment; court rules; state codes. Locators are not instruments.
 */
#include <criterion/criterion.h>

#include "citetest.h"

static const cite_case us_code[] = {
    { "Removal orders under 8 U.S.C. \xc2\xa7 1253(a)(1) carry criminal penalties.",
      "8 U.S.C. \xc2\xa7 1253(a)(1)", "8 U.S.C. \xc2\xa7 1253" },
    { "Title VI, 42 U.S.C. 2000d et seq., bars discrimination.", "42 U.S.C. 2000d et seq.",
      "42 U.S.C. \xc2\xa7 2000d et seq." },
    { "(5 U.S.C. 552 note)", "5 U.S.C. 552 note", "5 U.S.C. \xc2\xa7 552 note" },
    { "(2 USC 4501 note) is amended", "2 USC 4501 note", "2 U.S.C. \xc2\xa7 4501 note" },
    { "The Act, 50 U. S. C. \xc2\xa7" "1801 et seq., created a court.", "50 U. S. C. \xc2\xa7" "1801 et seq.",
      "50 U.S.C. \xc2\xa7 1801 et seq." },
    { "a suit under 42 U. S. C. \xc2\xa7" "1983 against state officers", "42 U. S. C. \xc2\xa7" "1983",
      "42 U.S.C. \xc2\xa7 1983" },
    { "jurisdiction under 28 U.S.C. \xc2\xa7\xc2\xa7 1331-1332 exists", "28 U.S.C. \xc2\xa7\xc2\xa7 1331-1332",
      "28 U.S.C. \xc2\xa7 1331-1332" },
    { "as provided in 42 U.S.C. 300u-11, the Secretary", "42 U.S.C. 300u-11",
      "42 U.S.C. \xc2\xa7 300u-11" },
    { "under 42 U.S.C. 3514a the funds remain", "42 U.S.C. 3514a", "42 U.S.C. \xc2\xa7 3514a" },
    { "see 50 U.S.C. App. \xc2\xa7 5 for the older text", "50 U.S.C. App. \xc2\xa7 5",
      "50 U.S.C. \xc2\xa7 5" },
    { "Regulation Z, 12 CFR \xc2\xa7 226.5a, requires disclosures.", "12 CFR \xc2\xa7 226.5a",
      "12 CFR \xc2\xa7 226.5a" },
    { "short sales under 17 CFR \xc2\xa7 240.10b-21 are fraud", "17 CFR \xc2\xa7 240.10b-21",
      "17 CFR \xc2\xa7 240.10b-21" },
    { "the list in 19 CFR 12.104g(a) is amended", "19 CFR 12.104g(a)", "19 CFR \xc2\xa7 12.104g" },
    { "disclosure under 45 C.F.R. \xc2\xa7 164.512(f)(2) to police", "45 C.F.R. \xc2\xa7 164.512(f)(2)",
      "45 CFR \xc2\xa7 164.512" },
    { "amending 19 CFR part 12 as follows", "19 CFR part 12", "19 CFR Part 12" },
    { "The CDC relied on 42 CFR 71.40 to expel migrants.", "42 CFR 71.40", "42 CFR \xc2\xa7 71.40" },
    { "See 8 CFR 208.13 et seq. for asylum.", "8 CFR 208.13 et seq.", "8 CFR \xc2\xa7 208.13 et seq." },
};

static const cite_case public_laws[] = {
    { "The Infrastructure Investment and Jobs Act, Pub. L. 117-58, funds it.", "Pub. L. 117-58",
      "Pub. L. 117-58" },
    { "Pub. L. No. 117-58, 135 Stat. 429 (2021)", "Pub. L. No. 117-58", "Pub. L. 117-58" },
    { "the USA PATRIOT Act, Public Law 107-56, expanded surveillance", "Public Law 107-56",
      "Pub. L. 107-56" },
    { "enacted as P.L. 114-254 in December", "P.L. 114-254", "Pub. L. 114-254" },
    { "relief was granted by Priv. L. 98-1 for one family", "Priv. L. 98-1", "Priv. L. 98-1" },
};

static const cite_case long_forms[] = {
    { "under section 552 of title 5, United States Code, the agency", "title 5, United States Code",
      NULL },
    { "in section 2241 of title 10, United States Code", "title 10, United States Code", NULL },
    { "amend title 19 of the Code of Federal Regulations (19 CFR part 12)",
      "title 19 of the Code of Federal Regulations", NULL },
    { "Congress may regulate commerce, U.S. Const. art. I, \xc2\xa7 8, cl. 3.",
      "U.S. Const. art. I, \xc2\xa7 8, cl. 3", "U.S. Constitution" },
    { "the warrant requirement of U.S. Const. amend. IV applies", "U.S. Const. amend. IV",
      "U.S. Constitution" },
    { "dismissed under Federal Rule of Civil Procedure 12(b)(6) for failure",
      "Federal Rule of Civil Procedure 12(b)(6)", "Federal Rule of Civil Procedure 12" },
    { "summary judgment under Fed. R. Civ. P. 56(a) was granted", "Fed. R. Civ. P. 56(a)", NULL },
    { "hearsay is defined by the Federal Rules of Evidence", "Federal Rules of Evidence", NULL },
    { "possession under 35 Pa. Stat. and Cons. Stat. \xc2\xa7 780-113(f)(1) is a misdemeanor",
      "35 Pa. Stat. and Cons. Stat. \xc2\xa7 780-113(f)(1)", NULL },
    { "N.J. Stat. Ann. \xc2\xa7 2C:35-1.1(c) defines the term", "N.J. Stat. Ann. \xc2\xa7 2C:35-1.1(c)",
      NULL },
    { "recording without consent violates Cal. Penal Code \xc2\xa7 632 in California",
      "Cal. Penal Code \xc2\xa7 632", NULL },
};

/* State codes in their own citation forms, whole (GUIDELINES.md: a
 * statute citation has no name of its own): the Bluebook's with "§", the
 * codes cited by initials or a short form and the section's shape alone,
 * and session laws by year and chapter. */
static const cite_case state_codes[] = {
    { "He was convicted of murder under Cal. Penal Code \xc2\xa7 187 in 2019.",
      "Cal. Penal Code \xc2\xa7 187", NULL },
    { "assault as defined in Tex. Penal Code Ann. \xc2\xa7 22.01(a)(1) is a misdemeanor",
      "Tex. Penal Code Ann. \xc2\xa7 22.01(a)(1)", "Tex. Penal Code Ann. \xc2\xa7 22.01" },
    { "second-degree murder, N.Y. Penal Law \xc2\xa7 125.25, carries a life term",
      "N.Y. Penal Law \xc2\xa7 125.25", NULL },
    { "the Legislature later amended N.Y. Crim. Proc. Law \xc2\xa7 440.10 again",
      "N.Y. Crim. Proc. Law \xc2\xa7 440.10", NULL },
    { "possession with intent under Fla. Stat. \xc2\xa7 893.13(1)(a) is a felony",
      "Fla. Stat. \xc2\xa7 893.13(1)(a)", NULL },
    { "trafficking, Ohio Rev. Code Ann. \xc2\xa7 2925.03, is graded by weight",
      "Ohio Rev. Code Ann. \xc2\xa7 2925.03", NULL },
    { "possession under Tex. Health & Safety Code Ann. \xc2\xa7 481.115(a) of a controlled substance",
      "Tex. Health & Safety Code Ann. \xc2\xa7 481.115(a)", NULL },
    { "distribution, Md. Code Ann., Crim. Law \xc2\xa7 5-602, is a felony",
      "Md. Code Ann., Crim. Law \xc2\xa7 5-602", NULL },
    { "the offense in Okla. Stat. tit. 63, \xc2\xa7 2-402 was charged", "Okla. Stat. tit. 63, \xc2\xa7 2-402",
      NULL },
    { "Iowa Code \xc2\xa7 124.401 sets the penalty.", "Iowa Code \xc2\xa7 124.401", NULL },
    { "He pleaded guilty under Mass. Gen. Laws ch. 94C, \xc2\xa7 34 to possession.",
      "Mass. Gen. Laws ch. 94C, \xc2\xa7 34", NULL },
    { "Georgia's statute, O.C.G.A. \xc2\xa7 16-13-30, lists the schedules.", "O.C.G.A. \xc2\xa7 16-13-30", NULL },
    { "Arizona punishes it under A.R.S. \xc2\xa7 13-3405 as a class 6 felony", "A.R.S. \xc2\xa7 13-3405", NULL },
    { "He was convicted under N.J.S.A. 2C:35-5 of distribution.", "N.J.S.A. 2C:35-5",
      "N.J.S.A. 2C:35-5" },
    { "notwithstanding the provisions of subsection b. of N.J.S.2C:43-3, a fine may be imposed",
      "N.J.S.2C:43-3", NULL },
    { "as authorized by the act (C.24:21-1 et seq.), any person", "C.24:21-1 et seq.", NULL },
    { "the offense under 720 ILCS 5/12-3.05 is aggravated battery", "720 ILCS 5/12-3.05", NULL },
    { "see 720 Ill. Comp. Stat. 570/402(c) (2018)", "720 Ill. Comp. Stat. 570/402(c)", NULL },
    { "Oregon defines the crime in ORS 475.752 by schedule.", "ORS 475.752", NULL },
    { "a violation of R.C. 2925.03(A)(1) is trafficking in Ohio", "R.C. 2925.03(A)(1)",
      "R.C. 2925.03" },
    { "Washington's RCW 69.50.4013 makes possession a crime.", "RCW 69.50.4013", NULL },
    { "convicted under K.S.A. 21-5706 of possession", "K.S.A. 21-5706", NULL },
    { "Colorado's C.R.S. 18-18-403.5 was amended in 2019.", "C.R.S. 18-18-403.5", NULL },
    { "La. R.S. 40:966 governs Schedule I substances.", "La. R.S. 40:966", NULL },
    { "He was charged under MCL 750.316 with murder.", "MCL 750.316", NULL },
    { "the court applied G.L. c. 265, \xc2\xa7 13A to the assault", "G.L. c. 265, \xc2\xa7 13A", NULL },
    { "except as authorized by P.L. 1970, c. 226 (C.24:21-1 et seq.). Any person",
      "P.L. 1970, c. 226", "P.L. 1970, c. 226" },
    { "The schedules were revised by 1970 N.J. Laws c. 226 soon after.", "1970 N.J. Laws c. 226",
      NULL },
    { "as amended by Laws of 2019, chapter 55, the statute", "Laws of 2019, chapter 55", NULL },
};

/* Initials before "§" name a state code, not the U.S. Code or the CFR
 * cited without a title; a page number glued to a word does not start a
 * Public Law. */
static const cite_case not_state_codes[] = {
    { "the rules at C.F.R. \xc2\xa7\xc2\xa7 131.3-169.182 govern standards", "C.F.R. \xc2\xa7\xc2\xa7 131.3-169.182", NULL },
    { "under U.S.C. \xc2\xa7\xc2\xa7 360c(f)(1)(A)(ii) the device", "U.S.C. \xc2\xa7\xc2\xa7 360c(f)(1)(A)(ii)", NULL },
    { "the value was 1005Public Law 114-1 in the table", "Public Law 114-1", NULL },
    { "The N.J.S. committee met; the C.24 form was filed.", "N.J.S.", NULL },
};

/* A slip law's running head of the Statutes at Large glued to the next
 * word in text from its PDF: the Public Law after it is found, the head is
 * not tagged. */
static const cite_case slip_law_heads[] = {
    { "130 STAT. 1005Public Law 114-254 114th Congress An Act", "Public Law 114-254",
      "Pub. L. 114-254" },
    { "126 STAT. 1614Public Law 112-239 112th Congress", "Public Law 112-239", "Pub. L. 112-239" },
};

/* Locators and bare provisions are not instruments (GUIDELINES.md). */
static const cite_case not_instruments[] = {
    { "Pub. L. 95-511, 92 Stat. 1783, created the court.", "92 Stat. 1783", NULL },
    { "Sosa v. Alvarez-Machain, 542 U. S. 692 (2004)", "542 U. S. 692", NULL },
    { "published at 82 FR 26340 on June 7, 2017", "82 FR 26340", NULL },
    { "a motion under Rule 28(j) was filed", "Rule 28(j)", NULL },
    { "as Article 25(3) provides", "Article 25(3)", NULL },
    { "999 U.N.T.S. 171 is the treaty series reference", "999 U.N.T.S. 171", NULL },
    { "reprinted in 3 CFR 202, 210-212 (1981)", "210-212", NULL },
    { "see GAO-23-105959 at 12", "GAO-23-105959", NULL },
};

Test(cite_uscode, us_code_and_cfr_in_every_form)
{
    cr_expect_eq(cite_expect_all("instrument", us_code, CITE_COUNT(us_code)), 0);
}

Test(cite_uscode, public_and_private_laws)
{
    cr_expect_eq(cite_expect_all("instrument", public_laws, CITE_COUNT(public_laws)), 0);
}

Test(cite_uscode, long_forms_constitution_rules_state_codes)
{
    cr_expect_eq(cite_expect_all("instrument", long_forms, CITE_COUNT(long_forms)), 0);
}

Test(cite_uscode, locators_and_bare_provisions_are_not_instruments)
{
    cr_expect_eq(cite_expect_none("instrument", not_instruments, CITE_COUNT(not_instruments)), 0);
}

Test(cite_uscode, state_codes_and_session_laws_in_their_own_forms)
{
    cr_expect_eq(cite_expect_all("instrument", state_codes, CITE_COUNT(state_codes)), 0);
    cr_expect_eq(cite_expect_none("instrument", not_state_codes, CITE_COUNT(not_state_codes)), 0);
}

Test(cite_uscode, a_public_law_after_a_glued_statutes_at_large_head)
{
    cr_expect_eq(cite_expect_all("instrument", slip_law_heads, CITE_COUNT(slip_law_heads)), 0);
    cr_expect_eq(cite_expect_none("instrument", (const cite_case[]){ { "130 STAT. 1005Public Law "
        "114-254", "130 STAT. 1005Public Law 114-254", NULL } }, 1), 0);
}
