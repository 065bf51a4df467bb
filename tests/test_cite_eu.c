/*
 * test_cite_eu.c: EU legislation by its number form (GUIDELINES.md):
 * regulations, directives, decisions, framework and implementing acts,
 * headings in capitals; one canonical id however the number is written;
 * the descriptive title and "of the European Parliament and of the Council"
 * stay outside.
 */
#include <criterion/criterion.h>

#include "citetest.h"

static const cite_case acts[] = {
    { "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016",
      "Regulation (EU) 2016/679", "Regulation (EU) 2016/679" },
    { "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
      "REGULATION (EU) 2016/679", "Regulation (EU) 2016/679" },
    { "under Regulation (EU) No 2016/679 the controller", "Regulation (EU) No 2016/679",
      "Regulation (EU) 2016/679" },
    { "the AI Act, Regulation (EU) 2024/1689, entered into force", "Regulation (EU) 2024/1689",
      "Regulation (EU) 2024/1689" },
    { "access to documents shall be governed by Regulation (EC) No 1049/2001 of the European "
      "Parliament", "Regulation (EC) No 1049/2001", "Regulation (EC) 1049/2001" },
    { "Council Regulation (EC) No. 1049/2001 applies", "Council Regulation (EC) No. 1049/2001",
      "Regulation (EC) 1049/2001" },
    { "the Eurodac rules in Regulation (EU) No 603/2013 were recast", "Regulation (EU) No 603/2013",
      "Regulation (EU) 603/2013" },
    { "repealing Directive 95/46/EC (General Data Protection Regulation)", "Directive 95/46/EC",
      "Directive 95/46/EC" },
    { "the Return Directive, Directive 2008/115/EC, sets common standards", "Directive 2008/115/EC",
      "Directive 2008/115/EC" },
    { "DIRECTIVE 2013/32/EU OF THE EUROPEAN PARLIAMENT", "DIRECTIVE 2013/32/EU",
      "Directive 2013/32/EU" },
    { "Directive (EU) 2016/680 on the protection of natural persons", "Directive (EU) 2016/680",
      "Directive (EU) 2016/680" },
    { "Council Framework Decision 2005/211/JHA extended the SIS functions",
      "Council Framework Decision 2005/211/JHA", "Framework Decision 2005/211/JHA" },
    { "Council Decision 2005/211/JHA of 24 February 2005", "Council Decision 2005/211/JHA",
      "Decision 2005/211/JHA" },
    { "Commission Recommendation (EU) 2021/946 of 3 June 2021 on a common Union toolbox",
      "Commission Recommendation (EU) 2021/946", "Recommendation (EU) 2021/946" },
    { "63 COMMISSION RECOMMENDATION (EU) 2021/946 of 3 June 2021",
      "COMMISSION RECOMMENDATION (EU) 2021/946", "Recommendation (EU) 2021/946" },
    { "Commission Implementing Decision (EU) 2019/1765 on the eHealth network",
      "Commission Implementing Decision (EU) 2019/1765", "Decision (EU) 2019/1765" },
    { "Commission Delegated Regulation (EU) 2019/980 supplements it",
      "Commission Delegated Regulation (EU) 2019/980", "Regulation (EU) 2019/980" },
    { "Council Decision (CFSP) 2019/797 concerning restrictive measures",
      "Council Decision (CFSP) 2019/797", "Decision (CFSP) 2019/797" },
    { "Council Directive 2003/86/EC on the right to family reunification",
      "Council Directive 2003/86/EC", "Directive 2003/86/EC" },
    { "Regulation (EEC) No 1612/68 on freedom of movement for workers",
      "Regulation (EEC) No 1612/68", NULL },
    { "amending Regulation (EU) 2018/1240 (ETIAS)", "Regulation (EU) 2018/1240",
      "Regulation (EU) 2018/1240" },
    { "Decision (EU) 2017/1324 of the Council", "Decision (EU) 2017/1324", "Decision (EU) 2017/1324" },
    { "transfers under Regulation (EU) 2018/1725 by Union bodies", "Regulation (EU) 2018/1725",
      "Regulation (EU) 2018/1725" },
    { "Directive 2002/58/EC (the ePrivacy Directive) still applies", "Directive 2002/58/EC",
      "Directive 2002/58/EC" },
    { "Council Regulation (EC) No 2007/2004 established Frontex",
      "Council Regulation (EC) No 2007/2004", "Regulation (EC) 2007/2004" },
    { "the Dublin III Regulation (EU) No 604/2013 allocates responsibility",
      "Regulation (EU) No 604/2013", "Regulation (EU) 604/2013" },
    { "adopted by Commission Implementing Regulation (EU) 2021/1037",
      "Commission Implementing Regulation (EU) 2021/1037", "Regulation (EU) 2021/1037" },
    /* a list's plural head goes with the first item; the others by number */
    { "Directives 2011/36/EU and 2012/29/EU set minimum standards for victims",
      "Directives 2011/36/EU", "Directive 2011/36/EU" },
    { "Directives 2011/36/EU and 2012/29/EU set minimum standards for victims", "2012/29/EU",
      "Directive 2012/29/EU" },
    { "Regulations (EU) 2016/679 and 2018/1725 are aligned on this point", "2018/1725",
      "Regulation (EU) 2018/1725" },
    { "Directive 95/46/EC and 2002/58/EC were the first data protection acts", "2002/58/EC",
      "Directive 2002/58/EC" },
};

/* EU acts named by their subject, as UPR recommendations and NGO reports
 * name them; the subject ends before a date, a verb or another name. */
static const cite_case by_subject[] = {
    { "Implement the EU Directive on trafficking in human beings by April 2013 (Belgium);",
      "EU Directive on trafficking in human beings", NULL },
    { "Transpose the EU Directive on preventing and combating trafficking in human beings and "
      "protecting its victims (Austria);", "EU Directive on preventing and combating trafficking "
      "in human beings and protecting its victims", NULL },
    { "Implement the EU Directive on human trafficking and ensure that victims are protected;",
      "EU Directive on human trafficking", NULL },
    { "The European Union Directive on the right to information in criminal proceedings in 2014 "
      "was transposed late.", "European Union Directive on the right to information in criminal "
      "proceedings", NULL },
    { "The EU Directive on trafficking in human beings entered into force in 2011.",
      "EU Directive on trafficking in human beings", NULL },
    { "The EU Directive on victims' rights requires Member States to act.",
      "EU Directive on victims' rights", NULL },
    { "the EU Directive on Trafficking in Human Beings and the Istanbul Convention",
      "EU Directive on Trafficking in Human Beings", NULL },
    { "the Council Framework Decision on the European Arrest Warrant of 2002",
      "Council Framework Decision on the European Arrest Warrant", NULL },
};

/* Not EU acts: journal references, case numbers, dates, bare words. */
static const cite_case not_acts[] = {
    { "published in OJ L 119, 4.5.2016, p. 1", "OJ L 119", NULL },
    { "the Commission decision of 10 July 2023 on adequacy", "decision of 10 July 2023", NULL },
    { "this Regulation shall apply from 25 May 2018", "Regulation", NULL },
    { "Case C-311/18 Schrems II annulled the decision", "C-311/18", NULL },
    { "the 2016/17 budget year", "2016/17", NULL },
    { "in Decision 12/2020 the Ombudsman found", "Decision 12/2020 the", NULL },
    { "The Directive on its face requires nothing more.", "Directive on its face", NULL },
    { "a directive on trafficking is needed", "directive on trafficking", NULL },
    { "the EU Directive on trafficking in human beings and ensure that", "EU Directive on "
      "trafficking in human beings and ensure", NULL },
};

/* "EU" in an EU act's number is no agency. */
Test(cite_eu, the_family_in_a_number_is_no_agency)
{
    static const cite_case family[] = {
        { "Directives 2011/36/EU and 2012/29/EU set minimum standards", "EU", NULL },
        { "see also 2012/29/EU on victims", "EU", NULL },
    };
    cr_expect_eq(cite_expect_none("agency", family, CITE_COUNT(family)), 0);
}

Test(cite_eu, acts_named_by_their_subject)
{
    cr_expect_eq(cite_expect_all("instrument", by_subject, CITE_COUNT(by_subject)), 0);
}

Test(cite_eu, acts_by_number_with_one_id)
{
    cr_expect_eq(cite_expect_all("instrument", acts, CITE_COUNT(acts)), 0);
}

Test(cite_eu, references_that_are_not_acts)
{
    cr_expect_eq(cite_expect_none("instrument", not_acts, CITE_COUNT(not_acts)), 0);
}
