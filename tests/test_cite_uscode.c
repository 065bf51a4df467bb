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
