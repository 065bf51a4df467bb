/* money.c: money spans -> "value=...;currency=..." (GUIDELINES.md, money). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canonical.h"
#include "strbuf.h"

typedef struct currency_marker {
    const char *text;   /* as it appears (symbols, codes, words) */
    const char *iso;
} currency_marker;

/* Longer markers first where one is a prefix of another. */
static const currency_marker markers[] = {
    { "US$", "USD" }, { "U.S.$", "USD" }, { "A$", "AUD" }, { "AU$", "AUD" },
    { "C$", "CAD" }, { "CA$", "CAD" }, { "NZ$", "NZD" }, { "HK$", "HKD" },
    { "$", "USD" }, { "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" }, { "\xc2\xa5", "JPY" },
    { "\xe2\x82\xb9", "INR" }, { "\xe2\x82\xa9", "KRW" }, { "\xe2\x82\xbd", "RUB" },
    { "Fr.", "CHF" },
    { "Australian dollars", "AUD" }, { "Canadian dollars", "CAD" },
    { "Hong Kong dollars", "HKD" }, { "New Zealand dollars", "NZD" },
    { "US dollars", "USD" }, { "U.S. dollars", "USD" }, { "dollars", "USD" }, { "dollar", "USD" },
    { "euros", "EUR" }, { "euro", "EUR" }, { "pounds sterling", "GBP" }, { "pounds", "GBP" },
    { "Swiss francs", "CHF" }, { "francs", "CHF" }, { "yen", "JPY" }, { "rupees", "INR" },
    { "pesos", "MXN" }, { "reais", "BRL" }, { "rand", "ZAR" }, { "yuan", "CNY" }, { "renminbi", "CNY" },
};

static const char *const iso_codes[] = {
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "HKD", "INR", "MXN",
    "BRL", "ZAR", "SEK", "NOK", "DKK", "PLN", "RUB", "TRY", "KRW", "SGD", "NGN", "KES",
    "EGP", "COP", "ARS", "CLP", "PEN", "ILS", "SAR", "AED", "QAR", "UAH", "HUF", "CZK",
};

static const char *find_currency(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++)
        for (size_t k = 0; s[i] >= 'A' && s[i] <= 'Z' && k < sizeof iso_codes / sizeof *iso_codes; k++)
            if (memcmp(s + i, iso_codes[k], 3) == 0 &&
                (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
                (i + 3 == len || !isalpha((unsigned char)s[i + 3])))
                return iso_codes[k];
    for (size_t k = 0; k < sizeof markers / sizeof *markers; k++) {
        size_t n = strlen(markers[k].text);
        unsigned char first = (unsigned char)tolower((unsigned char)markers[k].text[0]);
        for (size_t i = 0; i + n <= len; i++)
            if ((unsigned char)tolower((unsigned char)s[i]) == first &&
                strncasecmp(s + i, markers[k].text, n) == 0 &&
                (isalpha((unsigned char)markers[k].text[0]) == 0 || i == 0 ||
                 !isalpha((unsigned char)s[i - 1])))
                return markers[k].iso;
    }
    return "USD";
}

typedef struct amount {
    char digits[64];   /* significant digits, no separators */
    int exp10;         /* value = digits * 10^exp10 */
} amount;

/* The amount as a double, only to compare the two ends of a range. */
static double amount_value(const amount *a)
{
    return strtod(a->digits, NULL) * pow(10, a->exp10);
}

/* Reads "1,234.56" at s[*i]; returns 0 when there is no number there. */
static int read_number(const char *s, size_t len, size_t *i, amount *a)
{
    size_t n = 0, p = *i;
    int frac = -1;
    if (p >= len || !isdigit((unsigned char)s[p]))
        return 0;
    while (p < len && n + 1 < sizeof a->digits) {
        char c = s[p];
        if (isdigit((unsigned char)c)) {
            a->digits[n++] = c;
            if (frac >= 0)
                frac++;
        } else if (c == ',' && frac < 0 && p + 1 < len && isdigit((unsigned char)s[p + 1])) {
            /* thousands separator */
        } else if (c == '.' && frac < 0 && p + 1 < len && isdigit((unsigned char)s[p + 1])) {
            frac = 0;
        } else {
            break;
        }
        p++;
    }
    a->digits[n] = '\0';
    a->exp10 = frac > 0 ? -frac : 0;
    *i = p;
    return 1;
}

typedef struct scale_word {
    const char *word;
    int exp10;
    int case_sensitive;
} scale_word;

static const scale_word scales[] = {
    { "thousand", 3, 0 }, { "million", 6, 0 }, { "billion", 9, 0 }, { "trillion", 12, 0 },
    { "mn", 6, 0 }, { "bn", 9, 0 }, { "tn", 12, 0 }, { "mln", 6, 0 }, { "bln", 9, 0 },
    { "K", 3, 1 }, { "k", 3, 1 }, { "M", 6, 1 }, { "m", 6, 1 }, { "B", 9, 1 }, { "T", 12, 1 },
};

/* The scale word right after position i (skipping one space), or 0. */
static int read_scale(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == ' ')
        i++;
    for (size_t k = 0; k < sizeof scales / sizeof *scales; k++) {
        size_t n = strlen(scales[k].word);
        if (i + n > len)
            continue;
        int same = scales[k].case_sensitive ? strncmp(s + i, scales[k].word, n) == 0
                                            : strncasecmp(s + i, scales[k].word, n) == 0;
        if (same && (i + n == len || !isalpha((unsigned char)s[i + n])))
            return scales[k].exp10;
    }
    return 0;
}

/* digits * 10^exp10 as a plain decimal: "91900000", "12.5", "0.75". */
static void put_amount(strbuf *b, const amount *a, int scale)
{
    const char *d = a->digits;
    while (d[0] == '0' && d[1])
        d++;
    size_t n = strlen(d);
    int e = a->exp10 + scale;
    if (e >= 0) {
        sb_puts(b, d);
        if (strcmp(d, "0") != 0)
            for (int k = 0; k < e; k++)
                sb_putc(b, '0');
        return;
    }
    size_t frac = (size_t)-e;
    char buf[160];
    size_t k = 0;
    if (frac >= n) {
        buf[k++] = '0';
        buf[k++] = '.';
        for (size_t z = n; z < frac; z++)
            buf[k++] = '0';
        memcpy(buf + k, d, n);
        k += n;
    } else {
        memcpy(buf, d, n - frac);
        k = n - frac;
        buf[k++] = '.';
        memcpy(buf + k, d + n - frac, frac);
        k += frac;
    }
    while (buf[k - 1] == '0')
        k--;
    if (buf[k - 1] == '.')
        k--;
    sb_putn(b, buf, k);
}

/* Length of the scale word at s[i] (after one optional space), or 0. */
static size_t skip_scale(const char *s, size_t len, size_t i)
{
    size_t k = i < len && s[i] == ' ' ? i + 1 : i;
    size_t e = k;
    while (e < len && isalpha((unsigned char)s[e]))
        e++;
    return read_scale(s, len, i) ? e - i : 0;
}

void money_append(strbuf *b, const char *s, size_t len)
{
    amount lo = { "0", 0 }, hi = { "0", 0 };
    size_t i = 0;
    while (i < len && !isdigit((unsigned char)s[i]))
        i++;
    read_number(s, len, &i, &lo);
    int plus_before_scale = i < len && s[i] == '+';   /* "$115+ million" */
    if (plus_before_scale)
        i++;
    int scale_lo = read_scale(s, len, i);
    int scale_hi = 0, range = 0;
    /* a range: "65-68 billion", "$5 million - $10 million", "5 to 10 million" */
    size_t k = i + skip_scale(s, len, i);
    while (k < len && s[k] == ' ')
        k++;
    if (k < len && s[k] == '-')
        k++;
    else if (k + 3 <= len && strncmp(s + k, "to ", 3) == 0)
        k += 3;
    else
        k = len;
    while (k < len && !isdigit((unsigned char)s[k]) && (s[k] == ' ' || s[k] == '$' ||
           isupper((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80))
        k++;
    if (k < len && read_number(s, len, &k, &hi)) {
        range = 1;
        scale_hi = read_scale(s, len, k);
        /* "$65-68 billion": the scale word is shared; but not in
         * "$750,000 to $2 million", where the low end is complete. */
        if (!scale_lo && amount_value(&lo) <= amount_value(&hi))
            scale_lo = scale_hi;
    }
    if (range) {
        sb_puts(b, "min=");
        put_amount(b, &lo, scale_lo);
        sb_puts(b, ";max=");
        put_amount(b, &hi, scale_hi);
    } else {
        sb_puts(b, "value=");
        put_amount(b, &lo, scale_lo);
    }
    sb_puts(b, ";currency=");
    sb_puts(b, find_currency(s, len));
    if (memchr(s, '+', len))
        sb_puts(b, ";qualifier=plus");
}

char *money_canonical(const char *s, size_t len)
{
    strbuf b = { 0 };
    money_append(&b, s, len);
    return sb_take(&b);
}
