/* canonical.c: span -> canonical form for each canonicaliser (canonical.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canonical.h"
#include "strbuf.h"

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
        int done = 0;
        for (size_t k = 0; k < 4 && !done; k++) {
            size_t n = strlen(suffixes[k]);
            if (i + n <= len && strncasecmp(s + i, suffixes[k], n) == 0 &&
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

/* id=8 U.S.C. § 1253: the citation without sub-section parentheses. */
static void statute(strbuf *b, const char *s, size_t len)
{
    sb_puts(b, "id=");
    size_t n = len;
    while (n > 0 && s[n - 1] == ')') {
        size_t k = n - 1;
        while (k > 0 && s[k] != '(')
            k--;
        if (s[k] != '(')
            break;
        n = k;
    }
    sb_putn(b, s, n);
}

/* id=Carpenter v. United States: without the year in brackets. */
static void court_case(strbuf *b, const char *s, size_t len)
{
    sb_puts(b, "id=");
    if (len > 7 && s[len - 1] == ')' && s[len - 6] == '(' && s[len - 7] == ' ')
        len -= 7;
    sb_putn(b, s, len);
}

/* The number "47/23" or "2334 (2016)" at the end of a resolution span. */
static const char *resolution_number(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    if (i > 0 && len - i >= 6 && s[i] == '(' && s[len - 1] == ')') {
        i--;
        while (i > 0 && s[i - 1] != ' ')
            i--;
    }
    return s + i;
}

/* id=HRC resolution 47/23, id=GA resolution 73/195, id=resolution 47/23 */
static void resolution(strbuf *b, const char *s, size_t len)
{
    static const struct { const char *name, *abbr; } bodies[] = {
        { "General Assembly", "GA" }, { "Security Council", "SC" },
        { "Human Rights Council", "HRC" }, { "UNHRC", "HRC" }, { "HRC", "HRC" },
        { "Commission on Human Rights", "CHR" }, { "Economic and Social Council", "ECOSOC" },
        { "ECOSOC", "ECOSOC" }, { "GA", "GA" }, { "SC", "SC" },
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
    size_t i = len;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    int recommendation = len >= 22 && strncasecmp(s, "General Recommendation", 22) == 0;
    sb_puts(b, recommendation ? "id=General Recommendation No. " : "id=General Comment No. ");
    sb_putn(b, s + i, len - i);
}

void canonical_append(strbuf *b, const dict_entry *e, const char *s, size_t len)
{
    switch (e->canon) {
    case CANON_MONEY: money_append(b, s, len); break;
    case CANON_UN_SYMBOL: un_symbol(b, s, len); break;
    case CANON_STATUTE: statute(b, s, len); break;
    case CANON_CASE: court_case(b, s, len); break;
    case CANON_RESOLUTION: resolution(b, s, len); break;
    case CANON_GENERAL_COMMENT: general_comment(b, s, len); break;
    case CANON_NAME: sb_puts(b, "id="); sb_putn(b, s, len); break;
    default: sb_puts(b, "id="); sb_puts(b, e->id); break;
    }
}

char *canonical_form(const dict_entry *e, const char *s, size_t len)
{
    strbuf b = { 0 };
    canonical_append(&b, e, s, len);
    return sb_take(&b);
}
