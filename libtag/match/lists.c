/* lists.c: coordinated lists after a citation (see post.h): "resolutions
 * 7/36 and 25/1" gives "resolutions 7/36" and "25/1", "42 U.S.C. 1981 and
 * 1983" gives "42 U.S.C. 1981" and "1983", each canonicalised with the
 * head of the first ("Human Rights Council resolutions 25/1"; "Directives
 * 2011/36/EU and 2012/29/EU" gives "2012/29/EU", id "Directive
 * 2012/29/EU"); ordinals before a shared head, "Fourth and Fifth
 * Amendment", give "Fourth" (id "Fourth Amendment") and "Fifth
 * Amendment". */
#include <stdlib.h>
#include <string.h>

#include "doctag_limits.h"
#include "post.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a resolution number at t ("25/1", "S-27/2"), or 0. */
static size_t resolution_item(const char *t, size_t n)
{
    size_t i = 0;
    if (n > 2 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] == '-' || (t[1] >= 'A' && t[1] <= 'Z' && n > 3 && t[2] == '-')))
        i = t[1] == '-' ? 2 : 3;
    size_t d = i;
    while (i < n && is_digit(t[i]))
        i++;
    if (i == d || i - d > 4 || i >= n || t[i] != '/')
        return 0;
    if (i + 3 < n && t[i + 1] == 'L' && t[i + 2] == '.' && is_digit(t[i + 3]))
        i += 2;   /* a draft's number: "52/L.3" */
    size_t e = ++i;
    while (i < n && is_digit(t[i]))
        i++;
    if (i == e || i - e > 4 || (i < n && (t[i] == '/' || post_word_byte((unsigned char)t[i]))))
        return 0;
    return i;
}

/* Length of a Security Council resolution number with its year at t
 * ("1820 (2008)"), or 0. */
static size_t council_item(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(t[i]))
        i++;
    if (i < 3 || i > 4 || n < i + 7 || t[i] != ' ' || t[i + 1] != '(' || t[i + 6] != ')')
        return 0;
    for (size_t k = i + 2; k < i + 6; k++)
        if (!is_digit(t[k]))
            return 0;
    return i + 7;
}

/* Length of a general comment's number at t ("No. 20", "20", "No. 7
 * (2005)"), or 0. */
static size_t comment_item(const char *t, size_t n)
{
    size_t i = 0;
    if (n > 3 && t[0] == 'N' && t[1] == 'o') {
        i = 2 + (t[2] == '.');
        i += i < n && t[i] == ' ';
    }
    size_t d = i;
    while (i < n && is_digit(t[i]))
        i++;
    if (i == d || i - d > 3 || (i < n && (t[i] == '/' || post_word_byte((unsigned char)t[i]))))
        return 0;
    if (i + 7 <= n && t[i] == ' ' && t[i + 1] == '(' && is_digit(t[i + 2]) && is_digit(t[i + 5]) &&
        t[i + 6] == ')')
        i += 7;   /* its year */
    return i;
}

/* Length of an EU act's number at t ("2012/29/EU", "2018/1725",
 * "95/46/EC"), or 0. */
static size_t eu_item(const char *t, size_t n)
{
    static const post_str families[] = { POST_STR("/EU"), POST_STR("/EC"), POST_STR("/EEC"),
        POST_STR("/JHA"), POST_STR("/CFSP"), POST_STR("/Euratom") };
    size_t i = 0;
    while (i < n && is_digit(t[i]))
        i++;
    if (i < 2 || i > 4 || i >= n || t[i] != '/')
        return 0;
    size_t e = ++i;
    while (i < n && is_digit(t[i]))
        i++;
    if (i == e || i - e > 4)
        return 0;
    i += post_str_prefix(families, POST_COUNT(families), t + i, n - i);
    return i < n && (t[i] == '/' || post_word_byte((unsigned char)t[i])) ? 0 : i;
}

/* 1 if the citation span t (n bytes) is an EU act's ("Directives 2011/36/EU"). */
static int eu_head(const char *t, size_t n)
{
    return t[0] >= 'A' && t[0] <= 'Z' && t[n - 1] != ')' &&
           (memmem(t, n, "irective", 8) || memmem(t, n, "egulation", 9) || memmem(t, n, "ecision", 7));
}

/* Length of a code section at t ("1983", "2000e-2(a)", "12.104c"), or 0. */
static size_t section_item(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(t[i]))
        i++;
    if (i == 0)
        return 0;
    while (i < n && (post_word_byte((unsigned char)t[i]) ||
                     ((t[i] == '-' || t[i] == '.' || t[i] == ':') && i + 1 < n && is_digit(t[i + 1]))))
        i++;
    while (i < n && t[i] == '(') {
        size_t k = i + 1;
        while (k < n && post_word_byte((unsigned char)t[k]))
            k++;
        if (k == i + 1 || k >= n || t[k] != ')')
            break;
        i = k + 1;
    }
    return i;
}

/* Length of a list joint at t (", ", " and ", ", and ", " or ", "; "). */
static size_t joint(const char *t, size_t n)
{
    static const char *const joints[] = { ", and ", ", or ", " and ", " or ", ", ", " & " };
    for (size_t k = 0; k < sizeof joints / sizeof *joints; k++) {
        size_t j = strlen(joints[k]);
        if (n >= j && memcmp(t, joints[k], j) == 0)
            return j;
    }
    return 0;
}

/* Where the number starts in a citation span: after its last space, or
 * in a resolution's, after "resolution(s) " ("Security Council resolutions
 * 1325 (2000)"). */
static size_t head_len(const char *s, size_t n)
{
    const char *r = n > 7 && s[n - 1] == ')' ? memmem(s, n, "esolutions ", 11) : NULL;
    if (r)
        return (size_t)(r - s) + 11;
    while (n > 0 && s[n - 1] != ' ' && (unsigned char)s[n - 1] != 0xa7)
        n--;
    return n;
}

typedef size_t (*item_fn)(const char *t, size_t n);

/* Adds the item [start, start + n) canonicalised as the head plus itself. */
static int add_item(post_ctx *c, const span *head, size_t start, size_t n)
{
    char buf[256];
    size_t h = head_len(c->text + head->start, head->end - head->start);
    if (h + n >= sizeof buf)
        return DOCTAG_OK;
    memcpy(buf, c->text + head->start, h);
    memcpy(buf + h, c->text + start, n);
    return post_add_span(c, start, start + n, head->entry, buf, h + n, 0);
}

/* 1 if the span t (n bytes) cites the United States Code. */
static int code_head(const char *t, size_t n)
{
    return memmem(t, n, "U.S.C", 5) || memmem(t, n, "USC", 3) || memmem(t, n, "U. S. C", 7);
}

/* 1 if a list's last item ends at t: ".", ";", ")" or the end of a line. */
static int list_end(const char *t, size_t n)
{
    return n == 0 || t[0] == '.' || t[0] == ';' || t[0] == ')' || t[0] == '\n';
}

/* Length of a remark in brackets at t, " (...)" with brackets nested and
 * no line break, or 0. */
static size_t aside(const char *t, size_t n)
{
    if (n < 3 || t[0] != ' ' || t[1] != '(')
        return 0;
    int depth = 0;
    for (size_t i = 1; i < n && i <= LIST_SPAN_MAX && t[i] != '\n'; i++) {
        depth += t[i] == '(';
        depth -= t[i] == ')';
        if (depth == 0)
            return i + 1;
    }
    return 0;
}

/* Items right after the citation, joined by ", " and "and": "1981 and
 * 1983", "7/36, 25/1 and 26/3". Numbers joined by commas alone are not a
 * list ("3 CFR 202, 210-212" gives pages): an "and" or "or" closes it,
 * except after a section of the Code where the items run to the end of
 * the citation (a rule's "Authority: 49 U.S.C. 106(g), 40113, 44701."),
 * not on into a locator ("5 U.S.C. 552, 80 Stat. 383"); a remark in
 * brackets may follow a section ("19 U.S.C. 66, 1202 (General Note 3(i),
 * ...), 1624"). */
static int items_after(post_ctx *c, const span *s, item_fn item)
{
    size_t pos = s->end, first = c->n_adds;
    int closed = 0;
    for (;;) {
        size_t j = joint(c->text + pos, c->len - pos);
        size_t n = j ? item(c->text + pos + j, c->len - pos - j) : 0;
        if (!n || post_taken(c, pos + j, pos + j + n))
            break;
        closed = j > 2;
        int rc = add_item(c, s, pos + j, n);
        if (rc != DOCTAG_OK)
            return rc;
        pos += j + n;
        if (item == section_item)   /* "1202 (General Note 3(i), ...), 1624" */
            pos += aside(c->text + pos, c->len - pos);
    }
    if (item == section_item && c->n_adds > first &&
        code_head(c->text + s->start, s->end - s->start) && list_end(c->text + pos, c->len - pos))
        closed = 1;
    while (!closed && c->n_adds > first)   /* not a list: take the items back */
        free(c->adds[--c->n_adds].src);
    return DOCTAG_OK;
}

/* 1 if the sentence ends at t: ". X", ";", a blank line (one line break in
 * the normalised text: a single one was made a space). */
static int sentence_end(const char *t, size_t n)
{
    if (n >= 1 && (t[0] == ';' || t[0] == '\n'))
        return 1;
    return n >= 3 && t[0] == '.' && t[1] == ' ' && t[2] >= 'A' && t[2] <= 'Z';
}

/* After a plural head ("its resolutions 77/201 of 15 December 2022 on ...,
 * 73/327 of 25 July 2019 on ... and 79/158"): every resolution number to
 * the end of the sentence, or to the next citation. */
static int items_in_sentence(post_ctx *c, const span *s)
{
    size_t end = s->end + LIST_SPAN_MAX < c->len ? s->end + LIST_SPAN_MAX : c->len;
    for (size_t pos = s->end; pos < end && !sentence_end(c->text + pos, end - pos); pos++) {
        unsigned char before = (unsigned char)c->text[pos - 1];
        if (post_word_byte(before) || before == '/' || before == '-' || before == '.')
            continue;
        size_t n = resolution_item(c->text + pos, end - pos);
        if (!n)
            continue;
        if (post_taken(c, pos, pos + n))
            return DOCTAG_OK;
        int rc = add_item(c, s, pos, n);
        if (rc != DOCTAG_OK)
            return rc;
        pos += n - 1;
    }
    return DOCTAG_OK;
}

static size_t joint_before(const char *t, size_t end);

/* Length of a date at t (" of 19 December 2023"), or 0. */
static size_t date_after(const char *t, size_t n)
{
    static const post_str months[] = { POST_STR("January"), POST_STR("February"),
        POST_STR("March"), POST_STR("April"), POST_STR("May"), POST_STR("June"),
        POST_STR("July"), POST_STR("August"), POST_STR("September"), POST_STR("October"),
        POST_STR("November"), POST_STR("December") };
    if (n < 4 || memcmp(t, " of ", 4) != 0)
        return 0;
    size_t i = 4;
    while (i < n && i < 6 && is_digit(t[i]))
        i++;
    if (i == 4 || i >= n || t[i] != ' ')
        return 0;
    size_t m = post_str_prefix(months, POST_COUNT(months), t + i + 1, n - i - 1);
    i += 1 + m;
    if (!m || i + 5 > n || t[i] != ' ')
        return 0;
    for (size_t k = i + 1; k < i + 5; k++)
        if (!is_digit(t[k]))
            return 0;
    return i + 5 < n && is_digit(t[i + 5]) ? 0 : i + 5;
}

/* The list's last item may go without its date: "..., 78/188 of 19
 * December 2023 and 77/205," after a dated item at `pos`. */
static int last_undated(post_ctx *c, const span *head, size_t pos, size_t end)
{
    static const post_str ands[] = { POST_STR(", and "), POST_STR(" and ") };
    size_t j = post_str_prefix(ands, POST_COUNT(ands), c->text + pos, end - pos);
    size_t n = j ? resolution_item(c->text + pos + j, end - pos - j) : 0;
    size_t e = pos + j + n;
    if (!n || (e + 4 <= c->len && memcmp(c->text + e, " of ", 4) == 0) || post_taken(c, pos + j, e))
        return DOCTAG_OK;   /* "3/4 of the States" is a share */
    return add_item(c, head, pos + j, n);
}

/* 1 if the span is a resolution whose number ("44/25") has its date after
 * it ("resolution 44/25 of 20 November 1989"). */
static int dated_resolution(const post_ctx *c, const span *s)
{
    const char *t = c->text + s->start;
    size_t len = s->end - s->start, h = head_len(t, len);
    return c->m->entries[s->entry].canon == CANON_RESOLUTION && resolution_item(t + h, len - h) &&
           date_after(c->text + s->end, c->len - s->end);
}

/* A list whose items carry their dates runs on past a remark, a sentence
 * or a page's footnotes ("its resolution 44/25 of 20 November 1989, by
 * which it adopted the Convention, and 78/188 of 19 December 2023"): after
 * a dated resolution, up to the next one, a number joined to what comes
 * before (", ", " and ") and followed by its date is a resolution of the
 * same body. A resolution cited without its date in between (a footnote's
 * "See resolution 2200 A (XXI)") does not end the list. */
static int dated_items(post_ctx *c, size_t i)
{
    const span *s = &c->spans->items[i];
    if (!dated_resolution(c, s))
        return DOCTAG_OK;
    size_t end = s->end + LIST_DATED_MAX < c->len ? s->end + LIST_DATED_MAX : c->len;
    for (size_t k = i + 1; k < c->spans->n && c->spans->items[k].start < end; k++)
        if (dated_resolution(c, &c->spans->items[k])) {
            end = c->spans->items[k].start;
            break;
        }
    const char *t = c->text;
    for (const char *p = t + s->end; (p = memchr(p, '/', (size_t)(t + end - p))) != NULL; p++) {
        size_t pos = (size_t)(p - t);
        while (pos > s->end && is_digit(t[pos - 1]))
            pos--;
        if (pos == (size_t)(p - t) || !joint_before(t, pos))
            continue;
        size_t n = resolution_item(t + pos, end - pos);
        size_t d = n ? date_after(t + pos + n, c->len - pos - n) : 0;
        if (!d || post_taken(c, pos, pos + n))
            continue;
        int rc = add_item(c, s, pos, n);
        if (rc == DOCTAG_OK)
            rc = last_undated(c, s, pos + n + d, end);
        if (rc != DOCTAG_OK)
            return rc;
    }
    return DOCTAG_OK;
}

/* 1 if w (n bytes) is a capitalised ordinal that numbers an amendment
 * ("Fourth", "Fourteenth", "Twenty-first"). */
static int ordinal_word(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("First"), POST_STR("Second"), POST_STR("Third"),
        POST_STR("Fourth"), POST_STR("Fifth"), POST_STR("Sixth"), POST_STR("Seventh"),
        POST_STR("Eighth"), POST_STR("Ninth"), POST_STR("Tenth"), POST_STR("Eleventh"),
        POST_STR("Twelfth"), POST_STR("Thirteenth"), POST_STR("Fourteenth"),
        POST_STR("Fifteenth"), POST_STR("Sixteenth"), POST_STR("Seventeenth"),
        POST_STR("Eighteenth"), POST_STR("Nineteenth"), POST_STR("Twentieth") };
    if (n > 7 && memcmp(w, "Twenty-", 7) == 0)
        return 1;
    return post_str_is(words, POST_COUNT(words), w, n);
}

/* Length of the list joint ending at t[end] (" and ", ", and ", ", "...), or 0. */
static size_t joint_before(const char *t, size_t end)
{
    static const post_str joints[] = { POST_STR(", and "), POST_STR(", or "),
        POST_STR(" and "), POST_STR(" or "), POST_STR(", ") };
    for (size_t k = 0; k < POST_COUNT(joints); k++)
        if (end >= joints[k].n && memcmp(t + end - joints[k].n, joints[k].s, joints[k].n) == 0)
            return joints[k].n;
    return 0;
}

/* Ordinals that share the head after them: "Fourth and Fifth Amendment
 * claims", "the First, Fifth, and Fourteenth Amendments": each one before
 * the span is an instrument of its own, id "<ordinal> Amendment". The
 * joint next to the head must be "and" or "or" (a list, not a series of
 * phrases). */
static int ordinals_before(post_ctx *c, const span *s)
{
    const char *t = c->text;
    uint32_t entry = post_name_entry(c->m, DOCTAG_TYPE_INSTRUMENT);
    size_t pos = s->start;
    for (int first = 1; entry != UINT32_MAX; first = 0) {
        size_t j = joint_before(t, pos);
        if (!j || (first && j == 2))
            return DOCTAG_OK;
        size_t we = pos - j, ws = we;
        while (ws > 0 && t[ws - 1] != ' ' && t[ws - 1] != '\n' && t[ws - 1] != '(')
            ws--;
        if (!ordinal_word(t + ws, we - ws) || post_taken(c, ws, we))
            return DOCTAG_OK;
        char buf[64];
        memcpy(buf, t + ws, we - ws);
        memcpy(buf + (we - ws), " Amendment", 10);
        int rc = post_add_span(c, ws, we, entry, buf, we - ws + 10, 0);
        if (rc != DOCTAG_OK)
            return rc;
        pos = ws;
    }
    return DOCTAG_OK;
}

/* 1 if the span t (n bytes) is "<ordinal> Amendment(s)". */
static int amendment_span(const char *t, size_t n)
{
    const char *sp = memchr(t, ' ', n);
    if (!sp || !ordinal_word(t, (size_t)(sp - t)))
        return 0;
    size_t rest = n - (size_t)(sp - t);
    return (rest == 10 && memcmp(sp, " Amendment", 10) == 0) ||
           (rest == 11 && memcmp(sp, " Amendments", 11) == 0);
}

int lists_pass(post_ctx *c)
{
    int rc = DOCTAG_OK;
    size_t n = c->spans->n;
    for (size_t i = 0; i < n && rc == DOCTAG_OK; i++) {
        const span s = c->spans->items[i];
        const char *t = c->text + s.start;
        size_t len = s.end - s.start;
        canon_kind k = c->m->entries[s.entry].canon;
        if (len == 0)
            continue;
        if (k == CANON_RESOLUTION && t[len - 1] == ')' && memmem(t, len, "esolutions ", 11) &&
            council_item(t + head_len(t, len), len - head_len(t, len)))
            rc = items_after(c, &s, council_item);
        else if (k == CANON_RESOLUTION && memmem(t, len, "esolutions ", 11))
            rc = items_in_sentence(c, &s);
        else if (k == CANON_RESOLUTION && resolution_item(t + head_len(t, len), len - head_len(t, len)))
            rc = items_after(c, &s, resolution_item);
        else if (k == CANON_GENERAL_COMMENT && (memmem(t, len, "omments ", 8) ||
                                                memmem(t, len, "ecommendations ", 15)))
            rc = items_after(c, &s, comment_item);
        else if (k == CANON_STATUTE && eu_head(t, len))
            rc = items_after(c, &s, eu_item);
        else if (k == CANON_STATUTE && t[0] >= '0' && t[0] <= '9' && t[len - 1] != '.' &&
                 !(len > 5 && memcmp(t + len - 5, " note", 5) == 0))
            rc = items_after(c, &s, section_item);
        else if (c->m->entries[s.entry].type == DOCTAG_TYPE_INSTRUMENT && amendment_span(t, len))
            rc = ordinals_before(c, &s);
        if (k == CANON_RESOLUTION && rc == DOCTAG_OK)
            rc = dated_items(c, i);
    }
    return rc;
}
