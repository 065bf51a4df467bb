/*
 * test_lists.c: coordinated lists (GUIDELINES.md): one instrument per
 * item, the head with the first, each item with the full canonical id.
 */
#include <criterion/criterion.h>

#include "citetest.h"

static const cite_case items[] = {
    { "claims under 42 U.S.C. 1981 and 1983 were dismissed", "42 U.S.C. 1981",
      "42 U.S.C. \xc2\xa7 1981" },
    { "claims under 42 U.S.C. 1981 and 1983 were dismissed", "1983", "42 U.S.C. \xc2\xa7 1983" },
    { "under 19 U.S.C. 66, 1202 and 1624 the duties", "1202", "19 U.S.C. \xc2\xa7 1202" },
    { "under 19 U.S.C. 66, 1202 and 1624 the duties", "1624", "19 U.S.C. \xc2\xa7 1624" },
    { "42 U.S.C. \xc2\xa7\xc2\xa7 1981, 1982, and 1983 apply", "1982", "42 U.S.C. \xc2\xa7 1982" },
    { "Human Rights Council resolutions 7/36 and 25/1", "Human Rights Council resolutions 7/36",
      "HRC resolution 7/36" },
    { "Human Rights Council resolutions 7/36 and 25/1", "25/1", "HRC resolution 25/1" },
    { "its resolutions 77/201 of 15 December 2022 on protecting children from bullying, 73/327 of "
      "25 July 2019 on the International Year for the Elimination of Child Labour, 2021, and "
      "79/158 of 17 December 2024 on child marriage,", "73/327", "resolution 73/327" },
    { "its resolutions 77/201 of 15 December 2022 on protecting children from bullying, 73/327 of "
      "25 July 2019 on the International Year for the Elimination of Child Labour, 2021, and "
      "79/158 of 17 December 2024 on child marriage,", "79/158", "resolution 79/158" },
    { "General Assembly resolutions 60/251 and 65/281 on the Council", "65/281",
      "GA resolution 65/281" },
    { "their Fourth and Fifth Amendment claims do not", "Fourth", "Fourth Amendment" },
    { "their Fourth and Fifth Amendment claims do not", "Fifth Amendment", "Fifth Amendment" },
    { "the First, Fourth, and Fifth Amendment protections", "First", "First Amendment" },
    { "the First, Fourth, and Fifth Amendment protections", "Fourth", "Fourth Amendment" },
    { "whether the Fifth or Sixth Amendment applies", "Fifth", "Fifth Amendment" },
    { "Authority: 49 U.S.C. 106(g), 40113, 44701.\n", "40113", "49 U.S.C. \xc2\xa7 40113" },
    { "Authority: 49 U.S.C. 106(g), 40113, 44701.\n", "44701", "49 U.S.C. \xc2\xa7 44701" },
    { "(codified as amended at 21 U.S.C. \xc2\xa7\xc2\xa7 321, 355).", "355",
      "21 U.S.C. \xc2\xa7 355" },
    { "Authority: 5 U.S.C. 301; 19 U.S.C. 66, 1202 (General Note 3(i), Harmonized Tariff "
      "Schedule), 1624.\n", "1624", "19 U.S.C. \xc2\xa7 1624" },
    /* Security Council resolutions with their years */
    { "Recalling Security Council resolutions 1325 (2000), 1820 (2008) and 2250 (2015),",
      "1820 (2008)", "SC resolution 1820 (2008)" },
    { "Recalling Security Council resolutions 1325 (2000), 1820 (2008) and 2250 (2015),",
      "2250 (2015)", "SC resolution 2250 (2015)" },
    /* dated items past a remark, and past a page's footnotes */
    { "Reaffirming its resolution 44/25 of 20 November 1989, by which it adopted the Convention, "
      "and 78/188 of 19 December 2023 on the girl child,", "78/188", "resolution 78/188" },
    { "Recalling also its resolution 79/160 of 17 December 2024, 78/188 of 19 December 2023 "
      "and 77/205,", "78/188", "resolution 78/188" },
    { "Recalling also its resolution 79/160 of 17 December 2024, 78/188 of 19 December 2023 "
      "and 77/205,", "77/205", "resolution 77/205" },
    { "Recalling Human Rights Council resolutions 55/29 of 5 April 2024 on social protection "
      "and 57/6 of\n\n19 See resolution 2200 A (XXI), annex.\n\n9 October 2024 on "
      "cyberbullying, and 54/5 of 10 October 2023 on education,", "54/5", "HRC resolution 54/5" },
    { "Human Rights Council resolutions 52/L.3 and 52/L.4 were adopted", "52/L.4",
      "HRC resolution 52/L.4" },
    /* general comments and recommendations */
    { "Recalling its general comments No. 14 and No. 20 on the right to health,", "No. 20",
      "General Comment No. 20" },
    { "see CEDAW general recommendations Nos. 19 and 35 on gender-based violence", "35",
      "General Recommendation No. 35" },
    { "in its general comments No. 7 (2005), No. 12 (2009) and No. 20 (2016), the Committee",
      "No. 12 (2009)", "General Comment No. 12" },
};

static const cite_case not_items[] = {
    { "resolution 78/178 of 19 December 2023, and recalling also 2023 figures", "2023", NULL },
    { "reprinted in 3 CFR 202, 210-212 (1981)", "210-212", NULL },
    { "see 5 U.S.C. 552 note, 12 pages", "12", NULL },
    { "enacted as 5 U.S.C. 552, 80 Stat. 383 (1966)", "80", NULL },
    { "under 42 U.S.C. 1983, 2012 saw more suits", "2012", NULL },
    { "its resolutions 77/201 of 15 December 2022. The ratio 3/4 is", "3/4", NULL },
    { "Recalling its resolutions 77/201 of 15 December 2022 on bullying and\n\nA/C.3/80/L.20\n\n"
      "3/18\n25-17035\n", "3/18", NULL },
    { "On the First, Fifth Amendment claims were raised", "First", NULL },
    { "the Fourth Circuit and Fifth Amendment claims", "Fourth", NULL },
    /* a date alone does not make a number a resolution: a dated head must come first */
    { "See resolution 2200 A (XXI), annex. The ratio was 3/4 of 2 May 2020 figures", "3/4", NULL },
    { "report A/HRC/52/31 of 3 March 2023 and 52/32 of 4 March 2023", "52/32", NULL },
    { "Security Council resolutions 1325 (2000), 1820 (2008), 2009 (2011)", "2009 (2011)", NULL },
    { "general comments No. 14, paras. 12 and 43", "43", NULL },
    { "resolution 44/25 of 20 November 1989, 78/188 of 19 December 2023 and 3/4 of the States",
      "3/4", NULL },
};

Test(lists, one_instrument_per_item_with_the_full_id)
{
    cr_expect_eq(cite_expect_all("instrument", items, CITE_COUNT(items)), 0);
}

Test(lists, numbers_that_are_not_items)
{
    cr_expect_eq(cite_expect_none("instrument", not_items, CITE_COUNT(not_items)), 0);
}
