/*
 * test_cite_cases.c: court cases (GUIDELINES.md, "Cases"): the full name
 * with party suffixes and abbreviations, In re, Ex parte, Matter of, ex
 * rel., et al., initials; a bracketed year right after the name stays in,
 * a reporter citation and a court with its year stay out; a sentence word
 * never starts the first party.
 */
#include <criterion/criterion.h>

#include "citetest.h"

static const cite_case cases[] = {
    { "In Carpenter v. United States (2018), the Court required a warrant.",
      "Carpenter v. United States (2018)", "Carpenter v. United States" },
    { "See DaimlerChrysler Corp. v. Cuno, 547 U. S. 332, 341 (2006).",
      "DaimlerChrysler Corp. v. Cuno", "DaimlerChrysler Corp. v. Cuno" },
    { "Friends of the Earth, Inc. v. Laidlaw Environmental Services (TOC), Inc., 528 U. S. 167 "
      "(2000)", "Friends of the Earth, Inc. v. Laidlaw Environmental Services (TOC), Inc.", NULL },
    { "Kiobel v. Royal Dutch Petroleum Co., 569 U. S. 108, 116 (2013)",
      "Kiobel v. Royal Dutch Petroleum Co.", NULL },
    { "Hillocks v. Att'y Gen. U.S., 934 F.3d 332, 338 (3d Cir. 2019)",
      "Hillocks v. Att'y Gen. U.S.", NULL },
    { "Chicago & Southern Air Lines, Inc. v. Waterman S. S. Corp., 333 U. S. 103, 111 (1948)",
      "Chicago & Southern Air Lines, Inc. v. Waterman S. S. Corp.", NULL },
    { "United States ex rel. Touhy v. Ragen, 340 U.S. 462 (1951)",
      "United States ex rel. Touhy v. Ragen", NULL },
    { "In re Gault, 387 U.S. 1 (1967), extended due process", "In re Gault", "In re Gault" },
    { "Ex parte Quirin, 317 U.S. 1 (1942)", "Ex parte Quirin", NULL },
    { "Matter of P-B-B-, 28 I&N Dec. 43, 45 (BIA 2020).", "Matter of P-B-B-", NULL },
    { "see, e.g., Matter of Dikhtyar, 28 I&N Dec. 214, 216 (BIA 2021)", "Matter of Dikhtyar", NULL },
    { "In M.S.S. v. Belgium and Greece the Grand Chamber found a violation",
      "M.S.S. v. Belgium and Greece", NULL },
    { "In D.A. and Others v. Poland (2021), the Court", "D.A. and Others v. Poland (2021)", NULL },
    { "In Big Brother Watch and Others v. the United Kingdom (2021), the Court",
      "Big Brother Watch and Others v. the United Kingdom (2021)", NULL },
    { "Bivens v. Six Unknown Fed. Narcotics Agents, 403 U. S. 388 (1971)",
      "Bivens v. Six Unknown Fed. Narcotics Agents", NULL },
    { "EEOC v. Arabian American Oil Co., 499 U. S. 244, 248 (1991)",
      "EEOC v. Arabian American Oil Co.", NULL },
    { "See RJR Nabisco, Inc. v. European Community, 579 U. S. 325 (2016).",
      "RJR Nabisco, Inc. v. European Community", NULL },
    { "Schlesinger v. Reservists Comm. to Stop the War, 418 U. S. 208 (1974)",
      "Schlesinger v. Reservists Comm. to Stop the War", NULL },
    { "Smith et al. v. Jones, 12 F.4th 1 (2021)", "Smith et al. v. Jones", NULL },
    { "in Lange v Australian Broadcasting Corporation (1997) the High Court",
      "Lange v Australian Broadcasting Corporation (1997)", NULL },
    { "Minister for Immigration and Ethnic Affairs v Teoh (1995) held",
      "Minister for Immigration and Ethnic Affairs v Teoh (1995)", NULL },
    { "the legislative history recounted in Sosa v. Alvarez-Machain, 542 U. S. 692, 707 (2004)",
      "Sosa v. Alvarez-Machain", NULL },
    { "Medell\xc3\xadn v. Texas, 552 U. S. 491, 505 (2008)", "Medell\xc3\xadn v. Texas", NULL },
    { "Valley Forge Christian College v. Americans United for Separation of Church and State, "
      "Inc., 454 U. S. 464 (1982)",
      "Valley Forge Christian College v. Americans United for Separation of Church and State, Inc.",
      NULL },
    { "Erie R. Co. v. Tompkins, 304 U. S. 64 (1938)", "Erie R. Co. v. Tompkins", NULL },
    { "Correctional Services Corp. v. Malesko, 534 U. S. 61 (2001)",
      "Correctional Services Corp. v. Malesko", NULL },
    { "See, e.g., Ziglar v. Abbasi, 582 U. S. ___ (2017)", "Ziglar v. Abbasi", NULL },
    { "as the Ninth Circuit held in Coronado v. Holder, 759 F.3d 977 (9th Cir. 2014)",
      "Coronado v. Holder", NULL },
    { "Doe v. Smith (2d Cir. 2007) is not binding here", "Doe v. Smith", NULL },
    { "See Mut. Pharm. Co. v. Bartlett, 570 U.S. 472, 480 (2013).", "Mut. Pharm. Co. v. Bartlett",
      NULL },
    { "But see Nexus Pharms., Inc. v. Cent. Admixture Pharm. Servs., Inc., 48 F.4th 1040 (2022)",
      "Nexus Pharms., Inc. v. Cent. Admixture Pharm. Servs., Inc.", NULL },
    { "Hillsborough Cnty. v. Automated Med. Labs., Inc., 471 U.S. 707 (1985)",
      "Hillsborough Cnty. v. Automated Med. Labs., Inc.", NULL },
    { "United States v. United States Dist. Court for Eastern Dist. of Mich., 407 U. S. 297",
      "United States v. United States Dist. Court for Eastern Dist. of Mich.", NULL },
};

/* What a case is not: sentence words, courts, reporters, Id. */
static const cite_case not_cases[] = {
    { "See Sosa v. Alvarez-Machain, 542 U. S. 692", "See Sosa v. Alvarez-Machain", NULL },
    { "as the Ninth Circuit held in Coronado v. Holder, 759 F.3d 977",
      "Ninth Circuit held in Coronado v. Holder", NULL },
    { "Doe v. Smith (2d Cir. 2007) is not binding here", "Doe v. Smith (2d Cir. 2007)", NULL },
    { "Doe v. Smith, 542 U. S. 692 (2004)", "Doe v. Smith, 542 U. S. 692", NULL },
    { "Id. at 2217.", "Id.", NULL },
    { "U.S. Smokeless Tobacco Mfr. Co. v. City of N.Y., 708 F.3d 428 (2d Cir. 2013). The U.S. "
      "market grew.", "U.S.", NULL },
    { "the Supreme Court held so in 2018", "Supreme Court", NULL },
    { "Compare this Court's view with the vs. comparison", "vs. comparison", NULL },
};

/* A case cited again by its short form (Bluebook 10.9: a party's name, a
 * comma, volume and reporter) is a case even where the document does not
 * name it in full; where it does, before or after, the id is the case's. */
static const cite_case short_cites[] = {
    { "Compare Carlson, 446 U. S., at 16-18 (allowing a remedy)", "Carlson", "Carlson" },
    { "see Chappell, 462 U. S. 296; Stanley, 483 U. S. 669, and a similar", "Stanley",
      "Stanley" },
    { "see Chappell, 462 U. S. 296; Stanley, 483 U. S. 669, and a similar", "Chappell",
      "Chappell" },
    { "See Jesner, 584 U. S., at ___ (slip op., at 19)", "Jesner", "Jesner" },
    { "(holding that plaintiffs lacked standing); United Presbyterian Church, 738 F. 2d, at 1378 "
      "(holding)", "United Presbyterian Church", NULL },
    { "See, e.g., Mo. Bd. of Exam'rs, 447 F.3d at 1036; METX, LLC, 62 F. Supp. 3d at 582.",
      "METX, LLC", NULL },
    { "with Malesko, 534 U. S., at 71-74 (declining). Later: Correctional Services Corp. v. "
      "Malesko, 534 U. S. 61 (2001).", "Malesko", "Correctional Services Corp. v. Malesko" },
    { "R.J. Reynolds Tobacco Co. v. City of Edina, 60 F.4th 1170 (8th Cir. 2023). See City of "
      "Edina, 60 F.4th at 1173.", "City of Edina", "R.J. Reynolds Tobacco Co. v. City of Edina" },
};

/* What a short citation is not: where the facts happened, the second
 * party of a name cut by a line break, a signal word, Id. */
static const cite_case not_short_cites[] = {
    { "an arrest carried out in New York City, 403 U. S., at 389; Davis", "New York City", NULL },
    { "alleged sex discrimination on Capitol Hill, 442 U. S., at 230.", "Capitol Hill", NULL },
    { "(quoting Gade v. Nat'l\n\nSolid Wastes Mgmt. Ass'n, 505 U.S. 88, 98 (1992)).",
      "Solid Wastes Mgmt. Ass'n", NULL },
    { "Va. Uranium, Inc. v.\nWarren, 587 U.S. 761, 767 (2019)", "Warren", NULL },
    { "See Carlson, 446 U. S., at 18.", "See Carlson", NULL },
    { "Id., 446 U. S., at 18.", "Id.", NULL },
    { "the United States, 446 U. S., at 18.", "United States", NULL },
    { "42 U.S.C. 1983 and Title VII, 42 U.S.C. 2000e", "Title VII", NULL },
};

Test(cite_cases, short_citations)
{
    cr_expect_eq(cite_expect_all("instrument", short_cites, CITE_COUNT(short_cites)), 0);
    cr_expect_eq(cite_expect_none("instrument", not_short_cites, CITE_COUNT(not_short_cites)), 0);
}

Test(cite_cases, full_names_in_every_style)
{
    cr_expect_eq(cite_expect_all("instrument", cases, CITE_COUNT(cases)), 0);
}

Test(cite_cases, what_is_not_a_case)
{
    cr_expect_eq(cite_expect_none("instrument", not_cases, CITE_COUNT(not_cases)), 0);
}
