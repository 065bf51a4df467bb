/*
 * test_money.c: amounts of money (GUIDELINES.md, "money"), tagged with the
 * default model on sentences like those of the reports, and money_canonical()
 * on its own.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "canonical.h"
#include "testutil.h"

/* The sentence has this money entity (canonical NULL: any). */
#define expect_money(text, surface, canonical)                                       \
    do {                                                                            \
        char *lines_ = test_tag_lines(text);                                        \
        cr_expect(test_has_entity(text, "money", surface, canonical),               \
                  "\"%s\": want money|%s|%s, got:\n%s", text, surface,              \
                  canonical ? canonical : "*", lines_);                             \
        free(lines_);                                                               \
    } while (0)

/* The sentence has no money entity at all. */
static void expect_no_money(const char *text)
{
    char *lines = test_tag_lines(text);
    cr_expect(strstr(lines, "money|") == NULL, "\"%s\": no money expected, got:\n%s", text, lines);
    free(lines);
}

/* ---- Currency symbols ------------------------------------------------------- */

Test(money, dollar_amount_with_a_scale_word)
{
    expect_money("Palantir was awarded a $91.9 million contract by ICE in 2022.",
                 "$91.9 million", "value=91900000;currency=USD");
}

Test(money, dollar_amount_with_a_suffix_letter)
{
    expect_money("The company's revenue reached $3.4B last year.",
                 "$3.4B", "value=3400000000;currency=USD");
}

Test(money, capitalised_scale_word)
{
    expect_money("ICE signed a contract worth $95 Million with the firm.",
                 "$95 Million", "value=95000000;currency=USD");
}

/* Regression: the '+' before " million" once hid the scale word
 * ("value=115"). */
Test(money, plus_qualifier)
{
    expect_money("DHS has spent $115+ million on the biometric system.",
                 "$115+ million", "value=115000000;currency=USD;qualifier=plus");
}

Test(money, euro_and_pound_symbols)
{
    expect_money("The EU gave Libya \xe2\x82\xac" "5 million for border control.",
                 "\xe2\x82\xac" "5 million", "value=5000000;currency=EUR");
    expect_money("Each applicant was charged \xc2\xa3" "1,200 for the visa.",
                 "\xc2\xa3" "1,200", "value=1200;currency=GBP");
}

Test(money, escaped_dollar_from_markdown_is_left_out)
{
    /* text converted from Markdown keeps the backslash: "\$20 billion" */
    expect_money("Congress approved \\$20 billion for border enforcement.",
                 "$20 billion", "value=20000000000;currency=USD");
}

/* ---- Ranges ----------------------------------------------------------------- */

Test(money, range_with_a_hyphen)
{
    expect_money("The market for border technology is worth $65-68 billion a year.",
                 "$65-68 billion", "min=65000000000;max=68000000000;currency=USD");
}

Test(money, range_with_an_en_dash_keeps_the_original_text)
{
    /* the span is the original text (with its en dash); the canonical form
     * is computed on the normalised one */
    expect_money("The market is worth $65\xe2\x80\x93" "68 billion a year.",
                 "$65\xe2\x80\x93" "68 billion", "min=65000000000;max=68000000000;currency=USD");
}

/* Regression: the low end once took the high end's scale (min=750000000000). */
Test(money, range_whose_low_end_has_no_scale_word)
{
    expect_money("ICE paid between $750,000 to $2 million a year for the licence.",
                 "$750,000 to $2 million", "min=750000;max=2000000;currency=USD");
}

/* ---- What the span leaves out ---------------------------------------------- */

Test(money, per_day_wage_keeps_only_the_amount)
{
    expect_money("Detained people were paid $10-a-day for kitchen work.",
                 "$10", "value=10;currency=USD");
    char *lines = test_tag_lines("Detained people were paid $10-a-day for kitchen work.");
    cr_expect(strstr(lines, "money|$10-") == NULL, "the span must stop before '-a-day':\n%s", lines);
    free(lines);
}

Test(money, numbers_without_a_currency_are_not_money)
{
    expect_no_money("More than 110 million people were forcibly displaced in 2023.");
    expect_no_money("The database holds 270 million records on 2.5 million people.");
}

/* An Amnesty index number is not an amount in euros ("EUR 35" was once
 * tagged; corpus: amnesty-digital-border-a line 494). */
Test(money, report_index_number_is_not_money)
{
    expect_no_money("Amnesty International, Xenophobic Machines (Index: EUR 35/4686/2021), 25 October 2021.");
    expect_no_money("Amnesty International, The Digital Border, POL 40/7772/2024.");
}

/* ---- Currency codes and words ---------------------------------------------- */

Test(money, iso_code_before_the_number)
{
    expect_money("The visa fee rose to USD 300 per applicant.", "USD 300", "value=300;currency=USD");
    expect_money("Frontex received EUR 5 million for surveillance drones.",
                 "EUR 5 million", "value=5000000;currency=EUR");
}

Test(money, currency_word_after_the_number)
{
    expect_money("The programme cost some 2.5 million US dollars in its first year.",
                 "2.5 million US dollars", "value=2500000;currency=USD");
    expect_money("Smugglers charged each person 300 dollars for the crossing.",
                 "300 dollars", "value=300;currency=USD");
}

/* ---- Decimals ---------------------------------------------------------------- */

Test(money, decimal_values_are_exact)
{
    expect_money("The pilot cost $1.25 million.", "$1.25 million", "value=1250000;currency=USD");
    expect_money("Brokers sold each record for $0.5 to the agency.", "$0.5", "value=0.5;currency=USD");
    expect_money("The invoice came to $1,234,567.89 in total.",
                 "$1,234,567.89", "value=1234567.89;currency=USD");
}

/* ---- money_canonical() directly -------------------------------------------- */

static void expect_canon(const char *surface, const char *want)
{
    char *got = money_canonical(surface, strlen(surface));
    cr_assert_not_null(got);
    cr_expect_str_eq(got, want, "money_canonical(\"%s\") = \"%s\", want \"%s\"", surface, got, want);
    free(got);
}

Test(money_canonical, single_values)
{
    expect_canon("$91.9 million", "value=91900000;currency=USD");
    expect_canon("$3.4B", "value=3400000000;currency=USD");
    expect_canon("US$ 5bn", "value=5000000000;currency=USD");
    expect_canon("$0.5", "value=0.5;currency=USD");
    expect_canon("$2.50", "value=2.5;currency=USD");
    expect_canon("\xc2\xa3" "1,200", "value=1200;currency=GBP");
    expect_canon("EUR 5 million", "value=5000000;currency=EUR");
    expect_canon("300 dollars", "value=300;currency=USD");
    expect_canon("2.5 million US dollars", "value=2500000;currency=USD");
    expect_canon("$1.25 million", "value=1250000;currency=USD");
    expect_canon("$250K", "value=250000;currency=USD");
}

/* The low end shares the high end's scale only when it has none of its own
 * and is a short number ("$65-68 billion"), not in "$500,000 to $1 million". */
Test(money_canonical, ranges)
{
    expect_canon("$65-68 billion", "min=65000000000;max=68000000000;currency=USD");
    expect_canon("$5 million - $10 million", "min=5000000;max=10000000;currency=USD");
    expect_canon("$500,000 to $1 million", "min=500000;max=1000000;currency=USD");
}

/* The scale after '+' counts (see money.plus_qualifier). */
Test(money_canonical, plus_qualifier)
{
    expect_canon("$115+ million", "value=115000000;currency=USD;qualifier=plus");
    expect_canon("$2+", "value=2;currency=USD;qualifier=plus");
}
