/* canonical.c: span -> canonical form for each canonicaliser (canonical.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canonical.h"
#include "strbuf.h"

/* The first occurrence of `word` in s[0..len), ignoring case, or NULL. */
static const char *strcasestr_n(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(s + i, word, n) == 0)
            return s + i;
    return NULL;
}

/* symbol=<components upper-case, spaces removed, Rev./Add./Corr. as such> */
static void un_symbol(strbuf *b, const char *s, size_t len)
{
    sb_puts(b, "symbol=");
    size_t i = 0;
    while (i < len) {
        if (s[i] == ' ') {
            /* keep the space before a Security Council year: "S/RES/2334 (2016)" */
            if (i + 1 < len && s[i + 1] == '(')
                sb_putc(b, ' ');
            i++;
            continue;
        }
        static const char *const suffixes[] = { "Rev.", "Add.", "Corr.", "Amend." };
        static const size_t lengths[] = { 4, 4, 5, 6 };
        int done = 0;
        for (size_t k = 0; k < 4 && !done; k++) {
            size_t n = lengths[k];
            if (i + n <= len && (s[i] | 32) == (suffixes[k][0] | 32) &&
                strncasecmp(s + i, suffixes[k], n) == 0 &&
                (i == 0 || s[i - 1] == '/')) {
                sb_puts(b, suffixes[k]);
                i += n;
                done = 1;
            }
        }
        if (!done)
            sb_putc(b, (char)toupper((unsigned char)s[i++]));
    }
}

/* Length of s without sub-section parentheses at its end: "1253(a)(1)". */
static size_t strip_subsections(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == ')') {
        size_t k = n - 1;
        while (k > 0 && s[k] != '(')
            k--;
        if (s[k] != '(' || k == 0 || s[k - 1] == ' ')
            break;
        n = k;
    }
    return n;
}

/* 1 if s[0..len) ends with `tail`; then *len loses it. */
static int cut_tail(const char *s, size_t *len, const char *tail)
{
    size_t t = strlen(tail);
    if (*len < t || memcmp(s + *len - t, tail, t) != 0)
        return 0;
    *len -= t;
    return 1;
}

/* Where the section number starts after a code's name ("U.S.C.", "CFR"):
 * after the letters, dots and spaces of the name and "§"/"Sec."/"section". */
static size_t section_start(const char *s, size_t len, size_t i)
{
    static const char *const marks[] = { "\xc2\xa7\xc2\xa7", "\xc2\xa7", "Secs.", "Sec.",
                                         "sec.", "sections", "section", "Section", "Parts", "Part",
                                         "parts", "part", "App." };
    while (i < len) {
        size_t k = 0;
        while (k < sizeof marks / sizeof *marks &&
               !(i + strlen(marks[k]) <= len && memcmp(s + i, marks[k], strlen(marks[k])) == 0))
            k++;
        if (k < sizeof marks / sizeof *marks)
            i += strlen(marks[k]);
        else if (s[i] == ' ' || s[i] == '.' || isupper((unsigned char)s[i]))
            i++;
        else
            break;
    }
    return i;
}

/* id=8 U.S.C. § 1253 however it is written ("8 USC 1253(a)", "8 U. S. C.
 * §1253"), id=42 CFR § 71.1, id=42 CFR Part 71; " et seq." and " note" stay. */
static int us_code(strbuf *b, const char *s, size_t len)
{
    size_t title = 0;
    while (title < len && isdigit((unsigned char)s[title]))
        title++;
    if (title == 0 || title + 2 >= len || s[title] != ' ')
        return 0;
    int cfr = s[title + 1] == 'C';
    if (!cfr && s[title + 1] != 'U')
        return 0;
    const char *tail = cut_tail(s, &len, " et seq.") ? " et seq." : cut_tail(s, &len, " note") ? " note" : "";
    size_t sec = section_start(s, len, title + 1);
    int part = cfr && memmem(s + title, sec - title, "art", 3);
    if (sec >= len)
        return 0;
    size_t n = strip_subsections(s + sec, len - sec);
    sb_puts(b, "id=");
    sb_putn(b, s, title);
    sb_puts(b, cfr ? " CFR " : " U.S.C. ");
    sb_puts(b, part ? "Part " : "\xc2\xa7 ");
    sb_putn(b, s + sec, n);
    sb_puts(b, tail);
    return 1;
}

/* id=Pub. L. 117-58 ("Public Law 117-58", "Pub. L. No. 117-58"). */
static int public_law(strbuf *b, const char *s, size_t len)
{
    int priv = s[0] == 'P' && len > 4 && s[1] == 'r';
    if (!((s[0] == 'P' && (s[1] == 'u' || s[1] == '.' || priv))))
        return 0;
    size_t i = len;
    while (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '-'))
        i--;
    sb_puts(b, priv ? "id=Priv. L. " : "id=Pub. L. ");
    sb_putn(b, s + i, len - i);
    return 1;
}

/* EU acts by number: id=Regulation (EU) 2016/679, id=Regulation (EC)
 * 1049/2001, id=Directive 2008/115/EC, id=Framework Decision 2005/211/JHA,
 * id=Recommendation (EU) 2021/946:
 * the same however the act is written ("REGULATION (EU) No 2016/679",
 * "Council Regulation (EC) No. 1049/2001"). */
static int eu_act(strbuf *b, const char *s, size_t len)
{
    static const char *const kinds[] = { "Framework Decision", "Regulation", "Directive",
                                         "Decision", "Recommendation" };
    size_t k = 0, at = 0;
    for (; k < 5; k++) {
        const char *hit = strcasestr_n(s, len, kinds[k]);
        if (hit) {
            at = (size_t)(hit - s) + strlen(kinds[k]);
            break;
        }
    }
    if (k == 5)
        return 0;
    size_t i = len;   /* the number: digits and slashes, maybe "/EC" */
    while (i > at && s[i - 1] != ' ')
        i--;
    const char *org = NULL;
    static const char *const orgs[] = { "(EU, Euratom)", "(EU)", "(EC)", "(EEC)", "(Euratom)", "(CFSP)" };
    for (size_t o = 0; o < sizeof orgs / sizeof *orgs && !org; o++)
        if (memmem(s + at, i - at, orgs[o], strlen(orgs[o])))
            org = orgs[o];
    int suffixed = memchr(s + i, '/', len - i) != memrchr(s + i, '/', len - i);
    sb_puts(b, "id=");
    sb_puts(b, kinds[k]);
    sb_putc(b, ' ');
    if (org && !suffixed) {
        sb_puts(b, org);
        sb_putc(b, ' ');
    }
    sb_putn(b, s + i, len - i);
    return 1;
}

/* Citations: US Code, CFR, Public Laws, EU acts; anything else as written
 * without sub-section parentheses ("Federal Rule of Civil Procedure 12"). */
static void statute(strbuf *b, const char *s, size_t len)
{
    if (len && isdigit((unsigned char)s[0]) && us_code(b, s, len))
        return;
    if (len > 4 && public_law(b, s, len))
        return;
    if (eu_act(b, s, len))
        return;
    sb_puts(b, "id=");
    sb_putn(b, s, strip_subsections(s, len));
}

/* id=Carpenter v. United States: without the year in brackets. */
static void court_case(strbuf *b, const char *s, size_t len)
{
    sb_puts(b, "id=");
    if (len > 7 && s[len - 1] == ')' && s[len - 6] == '(' && s[len - 7] == ' ')
        len -= 7;
    sb_putn(b, s, len);
}

/* The number of a resolution span: what follows "resolution(s)", "Res."
 * and "No.": "47/23", "2334 (2016)", "217 A (III)", "S-27/2". */
static const char *resolution_number(const char *s, size_t len)
{
    static const char *const keys[] = { "esolutions", "esolution", "Res." };
    const char *at = NULL;
    for (size_t k = 0; k < 3 && !at; k++) {
        const char *hit = memmem(s, len, keys[k], strlen(keys[k]));
        if (hit)
            at = hit + strlen(keys[k]);
    }
    if (!at)
        return s + len;
    while (at < s + len && *at == ' ')
        at++;
    if (s + len - at > 3 && memcmp(at, "No", 2) == 0) {
        at += 2;
        at += at < s + len && *at == '.';
        while (at < s + len && *at == ' ')
            at++;
    }
    return at;
}

/* id=HRC resolution 47/23, id=GA resolution 73/195, id=resolution 47/23 */
static void resolution(strbuf *b, const char *s, size_t len)
{
    static const struct { const char *name, *abbr; } bodies[] = {
        { "General Assembly", "GA" }, { "Security Council", "SC" },
        { "Human Rights Council", "HRC" }, { "UNHRC", "HRC" }, { "HRC", "HRC" },
        { "H.R.C.", "HRC" }, { "Commission on Human Rights", "CHR" },
        { "Commission on the Status of Women", "CSW" },
        { "Economic and Social Council", "ECOSOC" }, { "ECOSOC", "ECOSOC" },
        { "G.A.", "GA" }, { "G. A.", "GA" }, { "S.C.", "SC" }, { "S. C.", "SC" },
        { "GA", "GA" }, { "SC", "SC" },
    };
    const char *number = resolution_number(s, len);
    sb_puts(b, "id=");
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++) {
        if (memmem(s, (size_t)(number - s), bodies[k].name, strlen(bodies[k].name))) {
            sb_puts(b, bodies[k].abbr);
            sb_putc(b, ' ');
            break;
        }
    }
    sb_puts(b, "resolution ");
    sb_putn(b, number, (size_t)(s + len - number));
}

/* id=General Comment No. 20 (General Recommendation No. 30 likewise) */
static void general_comment(strbuf *b, const char *s, size_t len)
{
    if (len > 7 && s[len - 1] == ')' && s[len - 6] == '(' && s[len - 7] == ' ')
        len -= 7;   /* the year: "general comment No. 37 (2020)" */
    size_t i = len;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    int recommendation = len >= 22 && strncasecmp(s, "General Recommendation", 22) == 0;
    sb_puts(b, recommendation ? "id=General Recommendation No. " : "id=General Comment No. ");
    sb_putn(b, s + i, len - i);
}

/* A ';' the text brings into a value (a rule's title: "Aliens ...;
 * Procedures ...") is written ',': the form is key=value(;key=value)*. */
static void no_separator_in_value(strbuf *b, size_t from)
{
    char *p = b->failed ? NULL : b->s + from, *end = p + (b->len - from);
    while (p && (p = memchr(p, ';', (size_t)(end - p))) != NULL)
        *p++ = ',';
}

void canonical_append(strbuf *b, const dict_entry *e, const char *s, size_t len)
{
    size_t from = b->len;
    switch (e->canon) {
    case CANON_MONEY: money_append(b, s, len); break;
    case CANON_UN_SYMBOL: un_symbol(b, s, len); break;
    case CANON_STATUTE: statute(b, s, len); break;
    case CANON_CASE: court_case(b, s, len); break;
    case CANON_RESOLUTION: resolution(b, s, len); break;
    case CANON_GENERAL_COMMENT: general_comment(b, s, len); break;
    case CANON_NAME: sb_putn(b, "id=", 3); sb_putn(b, s, len); break;
    default: sb_putn(b, "id=", 3); sb_puts(b, e->id); break;
    }
    if (e->canon != CANON_MONEY)   /* money alone has several keys */
        no_separator_in_value(b, from);
}

int canonical_fixed(const dict_entry *e)
{
    return e->canon == CANON_ID;
}

char *canonical_form(const dict_entry *e, const char *s, size_t len)
{
    strbuf b = { 0 };
    canonical_append(&b, e, s, len);
    return sb_take(&b);
}
