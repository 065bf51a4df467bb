/* post.c: the second passes' driver and what they share (see post.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "post.h"
#include "vec.h"

uint32_t post_name_entry(const compiled_model *m, int type)
{
    for (size_t i = 0; i < m->n_entries; i++)
        if (m->entries[i].type == type && m->entries[i].canon == CANON_NAME)
            return (uint32_t)i;
    return UINT32_MAX;
}

int post_add_span(post_ctx *c, size_t start, size_t end, uint32_t entry, const char *src,
                  size_t src_len, int wins)
{
    if (!vec_reserve((void **)&c->adds, &c->cap_adds, c->n_adds + 1, sizeof *c->adds))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    if (!c->add_bits && !(c->add_bits = calloc(c->len / 8 + 1, 1)))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    char *copy = NULL;
    if (src) {
        if (!(copy = malloc(src_len + 1)))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
        memcpy(copy, src, src_len);
        copy[src_len] = '\0';
    }
    for (size_t i = start; i < end && i < c->len; i++)
        c->add_bits[i >> 3] |= (unsigned char)(1u << (i & 7));
    c->adds[c->n_adds++] = (post_add){ { start, end, entry, 0 }, copy, wins };
    return DOCTAG_OK;
}

/* The index of the first span of l (in order) ending after `pos`. */
static size_t first_after(const span_list *l, size_t pos)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->items[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t post_first_after(const post_ctx *c, size_t pos)
{
    return first_after(c->spans, pos);
}

/* 1 if [start, end) overlaps a span of l (in order). */
static int overlaps(const span_list *l, size_t start, size_t end)
{
    for (size_t k = first_after(l, start); k < l->n && l->items[k].start < end; k++)
        if (l->items[k].end > l->items[k].start && l->items[k].end > start)
            return 1;
    return 0;
}

int post_taken(const post_ctx *c, size_t start, size_t end)
{
    if (overlaps(c->spans, start, end) || (c->blocked && overlaps(c->blocked, start, end)))
        return 1;
    for (size_t i = start; c->add_bits && i < end && i < c->len; i++)
        if (c->add_bits[i >> 3] & (1u << (i & 7)))
            return 1;
    return 0;
}

int post_joiner(const char *w, size_t n)
{
    /* of, and, for, the, on, in, to, against, &, de, with: by length */
    static const post_str two[] = { POST_STR("of"), POST_STR("on"), POST_STR("in"),
        POST_STR("to"), POST_STR("de") };
    static const post_str three[] = { POST_STR("and"), POST_STR("for"), POST_STR("the") };
    switch (n) {
    case 1: return w[0] == '&';
    case 2: return post_str_is(two, POST_COUNT(two), w, n);
    case 3: return post_str_is(three, POST_COUNT(three), w, n);
    case 4: return memcmp(w, "with", 4) == 0;
    case 7: return memcmp(w, "against", 7) == 0;
    default: return 0;
    }
}

static char fold_upper(char c, int fold)
{
    return fold && c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

size_t post_initials_start(const char *t, size_t end, const char *acr, size_t acr_len, int fold)
{
    size_t j = acr_len, pos = end;
    while (j > 0 && !(acr[j - 1] >= 'A' && acr[j - 1] <= 'Z'))
        j--;
    while (j > 0) {
        size_t w = pos;
        while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '(')
            w--;
        if (w == pos)
            return SIZE_MAX;
        if (!post_joiner(t + w, pos - w)) {
            if (fold_upper(t[w], fold) != acr[j - 1])
                return SIZE_MAX;
            j--;
            while (j > 0 && !(acr[j - 1] >= 'A' && acr[j - 1] <= 'Z'))
                j--;
            if (j == 0)
                return w;
        }
        if (w == 0 || t[w - 1] != ' ')
            return SIZE_MAX;
        pos = w - 1;
    }
    return SIZE_MAX;
}

/* Words that name an office when a title starts with them. */
static int office_title(const char *s, size_t n)
{
    static const post_str titles[] = { POST_STR("Secretary"), POST_STR("Attorney General"),
        POST_STR("Attorney-General"), POST_STR("Director"), POST_STR("Administrator"),
        POST_STR("Commissioner"), POST_STR("Assistant Secretary"), POST_STR("Under Secretary"),
        POST_STR("Acting"), POST_STR("Deputy"), POST_STR("Solicitor General"),
        POST_STR("Inspector General"), POST_STR("High Commissioner") };
    size_t k = post_str_prefix(titles, POST_COUNT(titles), s, n);
    return k != 0 && (k == n || !post_word_byte((unsigned char)s[k]));   /* not "Directorate" */
}

/* 1 if s starts with a word that begins a clause, not a name. */
static int sentence_word(const char *s, size_t n)
{
    static const post_str words[] = { POST_STR("The"), POST_STR("This"), POST_STR("That"),
        POST_STR("These"), POST_STR("In"), POST_STR("On"), POST_STR("If"), POST_STR("And"),
        POST_STR("Or"), POST_STR("For"), POST_STR("To"), POST_STR("Shall"), POST_STR("May"),
        POST_STR("Will"), POST_STR("Should"), POST_STR("Must"), POST_STR("With"),
        POST_STR("Under"), POST_STR("As") };
    for (size_t k = 0; k < POST_COUNT(words); k++) {
        size_t w = words[k].n;
        if (n > w && s[0] == words[k].s[0] && memcmp(s, words[k].s, w) == 0 &&
            !post_word_byte((unsigned char)s[w]))
            return 1;
    }
    return 0;
}

/* 1 if a signature's name comes right before `at`: "Timothy E. Skud, " */
static int signed_by(const char *t, size_t at)
{
    if (at < 8 || t[at - 1] != ' ' || t[at - 2] != ',')
        return 0;
    size_t w = at - 2;   /* the surname */
    while (w > 0 && t[w - 1] >= 'a' && t[w - 1] <= 'z')
        w--;
    if (w < 4 || w == at - 2 || t[w - 1] < 'A' || t[w - 1] > 'Z' || t[w - 2] != ' ')
        return 0;
    w -= 2;   /* before the surname: an initial, "E. " */
    return t[w] == ' ' && t[w - 1] == '.' && t[w - 2] >= 'A' && t[w - 2] <= 'Z' &&
           (w < 3 || t[w - 3] == ' ');
}

/* 1 if the word before `at` is the article: "the Director of ...". */
static int after_article(const char *t, size_t at)
{
    return at >= 4 && (t[at - 1] == ' ' || t[at - 1] == '\n') &&
           (memcmp(t + at - 4, "the", 3) == 0 || memcmp(t + at - 4, "The", 3) == 0) &&
           (at == 4 || !post_word_byte((unsigned char)t[at - 5]));
}

/* "Attorney General Jane Doe", "Secretary of State Blinken": an office's
 * title with its holder's name after it is a person, not the office. A
 * title found by its shape acts for the office only with the article
 * ("the Director of the Office of Refugee Resettlement shall"); without
 * it, it is a post ("Director of Communications Leon Saltiel reviewed
 * the drafts", "A Commissioner for Community Relations was appointed"). */
static void drop_named_holders(post_ctx *c)
{
    for (size_t i = 0; i < c->spans->n; i++) {
        span *s = &c->spans->items[i];
        const char *t = c->text;
        if (c->m->entries[s->entry].type != DOCTAG_TYPE_AGENCY ||
            !office_title(t + s->start, s->end - s->start))
            continue;
        if (c->m->entries[s->entry].canon == CANON_NAME && !after_article(t, s->start)) {
            s->end = s->start;   /* dropped */
            continue;
        }
        size_t k = s->end;
        if (k + 2 < c->len && t[k] == ' ' && t[k + 1] >= 'A' && t[k + 1] <= 'Z' &&
            t[k + 2] >= 'a' && t[k + 2] <= 'z' && !sentence_word(t + k + 1, c->len - k - 1) &&
            !post_taken(c, k + 1, k + 2))
            s->end = s->start;   /* dropped */
        else if (signed_by(t, s->start))
            s->end = s->start;
    }
}

/* 1 if a report's number follows at t: the title before it is the
 * report's ("Principles for Effective Strategic Workforce Planning.
 * GAO-04-39.", in a list of "Related GAO Products"). */
static int report_number_after(const char *t, size_t n)
{
    static const post_str numbers[] = { POST_STR(". GAO-"), POST_STR(". GAO/"),
        POST_STR(", GAO-"), POST_STR(", GAO/"), POST_STR(". CRS Report "),
        POST_STR(", CRS Report ") };
    return post_str_prefix(numbers, POST_COUNT(numbers), t, n) != 0;
}

/* A name found by its shape that ends a report's title is no instrument:
 * a title of a report is not a legal instrument (GUIDELINES.md). An Act
 * named at the end of a title is still the Act ("Executive Guide:
 * Effectively Implementing the Government Performance and Results Act.
 * GAO/GGD-96-118."). */
static void drop_report_titles(post_ctx *c)
{
    for (size_t i = 0; i < c->spans->n; i++) {
        span *s = &c->spans->items[i];
        const dict_entry *e = &c->m->entries[s->entry];
        if (s->end > s->start && e->type == DOCTAG_TYPE_INSTRUMENT && e->canon == CANON_NAME &&
            report_number_after(c->text + s->end, c->len - s->end) &&
            !(s->end - s->start > 4 && memcmp(c->text + s->end - 4, " Act", 4) == 0))
            s->end = s->start;   /* dropped */
    }
}

/* The kind of instrument whose conventional name may carry a year after
 * it, or 0; YEAR_ACT and YEAR_LAW also take a statute's number. */
enum { YEAR_KIND = 1, YEAR_LAW, YEAR_ACT };
static int takes_year(const char *s, size_t n)
{
    static const post_str kinds[] = { POST_STR("Act"), POST_STR("Law"), POST_STR("Code"),
        POST_STR("Convention"), POST_STR("Covenant"), POST_STR("Protocol"),
        POST_STR("Agreement"), POST_STR("Charter"), POST_STR("Treaty"), POST_STR("Bill") };
    for (size_t k = 0; k < POST_COUNT(kinds); k++) {
        size_t w = kinds[k].n;
        if (n > w && s[n - 1] == kinds[k].s[w - 1] && memcmp(s + n - w, kinds[k].s, w) == 0 &&
            s[n - w - 1] == ' ')
            return k == 0 ? YEAR_ACT : k == 1 ? YEAR_LAW : YEAR_KIND;
    }
    return 0;
}

/* The end of the digits at t[i] (1 to `max` of them, then no word byte),
 * or 0. */
static size_t digits_at(const char *t, size_t n, size_t i, size_t max)
{
    size_t d = i;
    while (i < n && t[i] >= '0' && t[i] <= '9')
        i++;
    return i > d && i - d <= max && !(i < n && post_word_byte((unsigned char)t[i])) ? i : 0;
}

/* The end of a year at t[i] (four digits from 1 or 2), or 0. */
static size_t year_at(const char *t, size_t n, size_t i)
{
    size_t e = digits_at(t, n, i, 4);
    return e == i + 4 && (t[i] == '1' || t[i] == '2') ? e : 0;
}

/* The end of a statute's number in its year at t[i], "130 of 1998", "No.
 * 12 of 2005", "No 12 of 2005" (the year may be left out after "No.":
 * "Republic Act No. 9262"), or 0. */
static size_t number_of_year(const char *t, size_t n, size_t i)
{
    int no = 0;
    if (i + 3 < n && memcmp(t + i, "No", 2) == 0 && (t[i + 2] == '.' || t[i + 2] == ' ')) {
        i += t[i + 2] == '.' ? 3 : 2;
        i += i < n && t[i] == ' ';
        no = 1;
    }
    size_t e = digits_at(t, n, i, 5);
    if (!e)
        return 0;
    size_t y = e + 4 <= n && memcmp(t + e, " of ", 4) == 0 ? year_at(t, n, e + 4) : 0;
    return y ? y : no ? e : 0;
}

/* The end of a statute's number in brackets after its year at t[i] ("
 * (No. 138)", " (No. 30 of 2012)", " (Act 22 of 2005)"), or i. */
static size_t bracket_number(const char *t, size_t n, size_t i)
{
    if (i + 2 >= n || memcmp(t + i, " (", 2) != 0)
        return i;
    size_t k = i + 2 + (i + 6 < n && memcmp(t + i + 2, "Act ", 4) == 0 ? 4 : 0);
    size_t e = number_of_year(t, n, k);
    return e && e < n && t[e] == ')' && (t[k] == 'N' || e > k + 8) ? e + 1 : i;
}

/* Length of a conventional year or statute number at t (", 2017", " of
 * 1986", " 2018", ", 1973 (No. 138)"; after an Act or a Law: " No. 12 of
 * 2005", ", No. 48 of 1979", " No. 9262"; after an Act: " 130 of 1998",
 * South Africa's citation), or 0. */
static size_t year_after(const char *t, size_t n, int kind)
{
    size_t i = 0;
    if (i < n && t[i] == ',')
        i++;
    if (i >= n || t[i] != ' ')
        return 0;
    i++;
    size_t num = kind == YEAR_KIND ? 0 : number_of_year(t, n, i);
    if (num && (kind == YEAR_ACT || t[i] == 'N'))
        return num;
    if (i + 3 < n && memcmp(t + i, "of ", 3) == 0)
        i += 3;
    return (i = year_at(t, n, i)) ? bracket_number(t, n, i) : 0;
}

/* 1 if the name s (n bytes) ends in "Act" or "Law" and its year
 * ("Prevention of Terrorism Act, 2012", "Equality Law of 2010"), as a
 * name found by its shape takes it: a statute's number in brackets may
 * follow. (A treaty's number after its year belongs to the treaty, which
 * a longer name may only hold: "Protocol of 2014 to the Forced Labour
 * Convention, 1930 (No. 29)".) */
static int has_year(const char *s, size_t n)
{
    if (n < 10 || !year_at(s, n, n - 4) || s[n - 5] != ' ')
        return 0;
    size_t e = n - 5;
    if (e > 3 && memcmp(s + e - 3, " of", 3) == 0)
        e -= 3;
    else if (s[e - 1] == ',')
        e--;
    return takes_year(s, e) >= YEAR_LAW;
}

size_t post_name_tail(const post_ctx *c, const span *s)
{
    const char *t = c->text + s->start;
    size_t n = s->end - s->start;
    if (s->end == s->start || c->m->entries[s->entry].type != DOCTAG_TYPE_INSTRUMENT)
        return 0;
    int kind = takes_year(t, n);
    if (kind)
        return year_after(c->text + s->end, c->len - s->end, kind);
    return has_year(t, n) ? bracket_number(c->text, c->len, s->end) - s->end : 0;
}

/* "Internal Revenue Code of 1986", "Appropriations Act, 2017", "Minimum
 * Age Convention, 1973 (No. 138)", "Refugees Act 130 of 1998": the year
 * and the statute's number are part of the name. */
static int extend_years(post_ctx *c)
{
    for (size_t i = 0; i < c->spans->n; i++) {
        const span *s = &c->spans->items[i];
        size_t y = post_name_tail(c, s);
        if (!y || (i + 1 < c->spans->n && c->spans->items[i + 1].start < s->end + y))
            continue;
        int rc = post_add_span(c, s->start, s->end + y, s->entry, NULL, 0, 1);
        if (rc != DOCTAG_OK)
            return rc;
    }
    return DOCTAG_OK;
}

/* "U. S. Customs and Border Protection": a state's prefix written in a
 * way the dictionaries do not list stays with the agency's name. */
static int extend_prefixes(post_ctx *c)
{
    static const post_str prefixes[] = { POST_STR("U. S. "), POST_STR("U.S. "),
        POST_STR("United States ") };
    for (size_t i = 0; i < c->spans->n; i++) {
        const span *s = &c->spans->items[i];
        if (s->end == s->start || c->m->entries[s->entry].type != DOCTAG_TYPE_AGENCY)
            continue;
        for (size_t k = 0; k < POST_COUNT(prefixes); k++) {
            size_t p = prefixes[k].n;
            if (s->start < p || memcmp(c->text + s->start - p, prefixes[k].s, p) != 0 ||
                (s->start > p && post_word_byte((unsigned char)c->text[s->start - p - 1])) ||
                (i > 0 && c->spans->items[i - 1].end > s->start - p))
                continue;
            int rc = post_add_span(c, s->start - p, s->end, s->entry, NULL, 0, 1);
            if (rc != DOCTAG_OK)
                return rc;
            break;
        }
    }
    return DOCTAG_OK;
}

/* The start of the run of capitalised words that ends at `start` (a
 * space before it), up to four words back; a word that leads a phrase
 * ("The", "Under") or follows punctuation stops it. */
static size_t capital_run_start(const char *t, size_t start)
{
    for (int words = 0; words < 4 && start >= 2 && t[start - 1] == ' '; words++) {
        size_t w = start - 1;
        while (w > 0 && post_word_byte((unsigned char)t[w - 1]))
            w--;
        if (w == start - 1 || !post_upper_byte((unsigned char)t[w]) ||
            post_lead_word(t + w, start - 1 - w) ||
            (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '('))
            break;
        start = w;
    }
    return start;
}

/* A name found by its shape starts where the capitalised words before it
 * start. The shape may not start after "of the" (the remit of a bigger
 * name is not a name of its own), and the engine then tries the next
 * word: "the role of the Human Rights Commission" gave "Rights
 * Commission", "the United Nations Office on Drugs and Crimes" gave
 * "Nations Office on Drugs and Crimes". Where the run of capitals is
 * itself the remit of a bigger name ("School of Public Policy and Public
 * Administration", whose first word no shape takes), there is none. */
/* 1 if the word at w (n bytes) names people or a post, not a body: "Head
 * of Local Self-Government Service", "Director General of Directorate for
 * Social Affairs", "Members of the ... Commission", "Officers of the ...
 * Police Department". */
static int person_word(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("Head"), POST_STR("Heads"), POST_STR("Member"),
        POST_STR("Members"), POST_STR("Official"), POST_STR("Officials"), POST_STR("General"),
        POST_STR("Chief"), POST_STR("Chair"), POST_STR("Chairman"), POST_STR("Chairperson"),
        POST_STR("President"), POST_STR("Minister"), POST_STR("Officer"), POST_STR("Officers"),
        POST_STR("Deputies"), POST_STR("Agents"), POST_STR("Employees"), POST_STR("Staff") };
    return post_str_is(words, POST_COUNT(words), w, n);
}

/* 1 if the words ending at `start` (a space before it) are "of", "of the",
 * "for" or "for the" after a capitalised word: "School of Public Policy
 * and Public Administration" is the tail of a bigger name. */
static int tail_of_name(const char *t, size_t start)
{
    static const post_str joins[] = { POST_STR(" of the "), POST_STR(" for the "),
        POST_STR(" of "), POST_STR(" for ") };
    for (size_t k = 0; k < POST_COUNT(joins); k++) {
        size_t j = joins[k].n;
        if (start < j + 1 || memcmp(t + start - j, joins[k].s, j) != 0)
            continue;
        size_t w = start - j;
        while (w > 0 && post_word_byte((unsigned char)t[w - 1]))
            w--;
        return w < start - j && post_upper_byte((unsigned char)t[w]) &&
               !post_lead_word(t + w, start - j - w) && !person_word(t + w, start - j - w);
    }
    return 0;
}

static int extend_capitals(post_ctx *c)
{
    for (size_t i = 0; i < c->spans->n; i++) {
        span *s = &c->spans->items[i];
        const dict_entry *e = &c->m->entries[s->entry];
        if (s->end == s->start || e->type != DOCTAG_TYPE_AGENCY || e->canon != CANON_NAME)
            continue;
        size_t start = capital_run_start(c->text, s->start);
        if (tail_of_name(c->text, start)) {
            s->end = s->start;   /* dropped */
            continue;
        }
        if (start == s->start || (i > 0 && c->spans->items[i - 1].end > start))
            continue;
        int rc = post_add_span(c, start, s->end, s->entry, NULL, 0, 1);
        if (rc != DOCTAG_OK)
            return rc;
    }
    return DOCTAG_OK;
}

static int by_start(const void *a, const void *b)
{
    const post_add *x = a, *y = b;
    if (x->s.start != y->s.start)
        return x->s.start < y->s.start ? -1 : 1;
    if (x->s.end != y->s.end)
        return x->s.end > y->s.end ? -1 : 1;
    return (y->src != NULL) - (x->src != NULL);   /* the same span: the one with a source */
}

/* The added spans that stay: a winning one drops the first-pass spans it
 * overlaps; others were only added where nothing was. Overlaps among the
 * added: the first (longest at a start) wins. */
static void settle_adds(post_ctx *c)
{
    if (c->n_adds)
        qsort(c->adds, c->n_adds, sizeof *c->adds, by_start);
    size_t last_end = 0, k = 0;
    for (size_t i = 0; i < c->n_adds; i++) {
        post_add *a = &c->adds[i];
        if (a->s.start < last_end) {
            free(a->src);
            continue;
        }
        last_end = a->s.end;
        for (size_t j = post_first_after(c, a->s.start); a->wins && j < c->spans->n; j++) {
            span *s = &c->spans->items[j];
            if (s->start >= a->s.end)
                break;
            if (s->end > a->s.start)
                s->end = s->start;
        }
        c->adds[k++] = *a;
    }
    c->n_adds = k;
}

/* The first pass's remaining spans and the added ones, in document order,
 * with the added ones' canonical sources. */
static int merge(post_ctx *c, char ***canon_src)
{
    span_list *l = c->spans;
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].end > l->items[i].start)
            n++;
    size_t total = n + c->n_adds, cap = 0;
    span *out = NULL;
    char **src = c->n_adds ? calloc(total, sizeof *src) : NULL;
    if ((total && !vec_reserve((void **)&out, &cap, total, sizeof *out)) || (c->n_adds && !src)) {
        free(out);
        free(src);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    }
    size_t i = 0, a = 0, k = 0;
    while (i < l->n || a < c->n_adds) {
        if (i < l->n && l->items[i].end == l->items[i].start) {
            i++;
            continue;
        }
        if (a < c->n_adds && (i == l->n || c->adds[a].s.start < l->items[i].start)) {
            src[k] = c->adds[a].src;
            c->adds[a].src = NULL;
            out[k++] = c->adds[a++].s;
        } else {
            out[k++] = l->items[i++];
        }
    }
    free(l->items);
    l->items = out;
    l->n = k;
    l->cap = cap;
    *canon_src = src;
    return DOCTAG_OK;
}

void post_free_src(char **canon_src, size_t n)
{
    if (!canon_src)
        return;
    for (size_t i = 0; i < n; i++)
        free(canon_src[i]);
    free(canon_src);
}

int post_pass(span_list *spans, char ***canon_src, const compiled_model *m,
              const match_index *ix, const span_list *blocked, const char *text, size_t len)
{
    *canon_src = NULL;
    post_ctx c = { m, ix, text, len, spans, blocked, NULL, 0, 0, NULL, NULL, NULL, 0 };
    drop_named_holders(&c);
    drop_report_titles(&c);
    int rc = post_find_capitals(&c);
    if (rc == DOCTAG_OK)
        rc = senses_pass(&c);
    if (rc == DOCTAG_OK)
        rc = caps_pass(&c);
    if (rc == DOCTAG_OK)
        rc = extend_years(&c);
    if (rc == DOCTAG_OK)
        rc = extend_prefixes(&c);
    if (rc == DOCTAG_OK)
        rc = extend_capitals(&c);
    if (rc == DOCTAG_OK)
        rc = lists_pass(&c);
    if (rc == DOCTAG_OK)
        rc = memory_pass(&c);
    if (rc == DOCTAG_OK)
        rc = shortcites_pass(&c);
    if (rc == DOCTAG_OK) {
        settle_adds(&c);
        rc = merge(&c, canon_src);
    }
    for (size_t k = 0; k < c.n_adds; k++)
        free(c.adds[k].src);
    free(c.adds);
    free(c.add_bits);
    free(c.capitals);
    return rc;
}
