/*
 * test_cite_resolutions.c: resolutions in every style and treaty-body
 * general comments and recommendations (GUIDELINES.md); a resolution's
 * document symbol stays a UN symbol.
 */
#include <criterion/criterion.h>

#include "citetest.h"

static const cite_case resolutions[] = {
    { "General Assembly resolution 47/23 calls on States to protect privacy.",
      "General Assembly resolution 47/23", "GA resolution 47/23" },
    { "Recalling its resolution 70/1 of 25 September 2015", "resolution 70/1", "resolution 70/1" },
    { "Resolution 55/2 of 8 September 2000.", "Resolution 55/2", "resolution 55/2" },
    { "the Universal Declaration, G.A. Res. 217A (III), U.N. Doc. A/810", "G.A. Res. 217A (III)",
      "GA resolution 217A (III)" },
    { "3  Resolution 217 A (III).", "Resolution 217 A (III)", "resolution 217 A (III)" },
    { "4  See resolution 2200 A (XXI), annex.", "resolution 2200 A (XXI)",
      "resolution 2200 A (XXI)" },
    { "S.C. Res. 2334 (Dec. 23, 2016) condemns settlements", "S.C. Res. 2334",
      "SC resolution 2334" },
    { "Security Council Resolution 1325 on women, peace and security",
      "Security Council Resolution 1325", "SC resolution 1325" },
    { "Security Council resolution 2334 (2016) reaffirms", "Security Council resolution 2334 (2016)",
      "SC resolution 2334 (2016)" },
    { "Human Rights Council resolution 7/36 established the mandate",
      "Human Rights Council resolution 7/36", "HRC resolution 7/36" },
    { "in accordance with Human Rights Council resolution 5/1 of 18 June 2007",
      "Human Rights Council resolution 5/1", "HRC resolution 5/1" },
    { "see GA resolution 64/292 on water", "GA resolution 64/292", "GA resolution 64/292" },
    { "Resolution S-27/2 of 10 May 2002, annex.", "Resolution S-27/2", "resolution S-27/2" },
    { "Commission on Human Rights resolution 2005/69 created the post",
      "Commission on Human Rights resolution 2005/69", "CHR resolution 2005/69" },
    { "Economic and Social Council resolution 1996/31 governs consultative status",
      "Economic and Social Council resolution 1996/31", "ECOSOC resolution 1996/31" },
    { "UN General Assembly resolution 73/195 endorsed the Global Compact",
      "UN General Assembly resolution 73/195", "GA resolution 73/195" },
    { "Noting Human Rights Council resolutions 55/29 of 5 April 2024",
      "Human Rights Council resolutions 55/29", "HRC resolution 55/29" },
    { "its resolution No. 44/25 of 20 November 1989", "resolution No. 44/25", NULL },
    { "G.A. Res. 73/195, U.N. Doc. A/RES/73/195", "G.A. Res. 73/195", "GA resolution 73/195" },
    { "Taking note of Human Rights Council resolution 52/L.3 on the rights of the child,",
      "Human Rights Council resolution 52/L.3", "HRC resolution 52/L.3" },
};

static const cite_case comments[] = {
    { "See CESCR, General Comment No. 20, para. 3.", "General Comment No. 20",
      "General Comment No. 20" },
    { "as the Committee said in general comment No. 37 (2020) on peaceful assembly",
      "general comment No. 37 (2020)", "General Comment No. 37" },
    { "General comment No. 18 on non-discrimination", "General comment No. 18",
      "General Comment No. 18" },
    { "CEDAW general recommendation No. 35 on gender-based violence",
      "general recommendation No. 35", "General Recommendation No. 35" },
    { "General Recommendation No. 30 (2004) of CERD", "General Recommendation No. 30 (2004)",
      "General Recommendation No. 30" },
    { "General Comment 16 on privacy", "General Comment 16", "General Comment No. 16" },
    { "Recalling general comments No. 14 and No. 20 of the Committee,", "general comments No. 14",
      "General Comment No. 14" },
    { "see general recommendations Nos. 19 and 35", "general recommendations Nos. 19",
      "General Recommendation No. 19" },
};

/* A resolution's symbol is a UN symbol, not an instrument; anaphora and
 * other numbers are nothing. */
static const cite_case not_resolutions[] = {
    { "see A/RES/73/195 for the text", "A/RES/73/195", NULL },
    { "As the resolution notes, States must act.", "resolution", NULL },
    { "a resolution of 300 dpi", "resolution of 300", NULL },
    { "the general comments of the Committee", "general comments", NULL },
    { "report A/HRC/48/31 of 13 September 2021", "48/31", NULL },
};

Test(cite_resolutions, resolutions_in_every_style)
{
    cr_expect_eq(cite_expect_all("instrument", resolutions, CITE_COUNT(resolutions)), 0);
}

Test(cite_resolutions, general_comments_and_recommendations_in_any_case)
{
    cr_expect_eq(cite_expect_all("instrument", comments, CITE_COUNT(comments)), 0);
}

Test(cite_resolutions, symbols_and_anaphora_are_not_resolutions)
{
    cr_expect_eq(cite_expect_none("instrument", not_resolutions, CITE_COUNT(not_resolutions)), 0);
    static const cite_case symbol[] = { { "see A/RES/73/195 for the text", "A/RES/73/195", NULL } };
    cr_expect_eq(cite_expect_all("un_symbol", symbol, 1), 0);
}
