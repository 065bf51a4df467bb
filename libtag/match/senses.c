/* senses.c: the sense an acronym has where it stands (see post.h). An
 * acronym the dictionaries know names the body only where the document
 * uses it so: "FCC" in a text that spells out "flight control computer
 * (FCC)" is not the Federal Communications Commission, "IDF" in "TF-IDF"
 * is nothing, and "ratify the CED" is the Convention, not the Committee,
 * while "recommended by the CRC" is the Committee, not the Convention;
 * "the Constitution" in a report on Australia is Australia's; in a list of
 * abbreviations, "CRC Convention on the Rights of the Child" is two. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "doctag_limits.h"
#include "post.h"
#include "vec.h"

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* 1 if s (n bytes) is an acronym: two to SENSE_ACRONYM_MAX capitals and digits. */
static int acronym(const char *s, size_t n)
{
    if (n < 2 || n > SENSE_ACRONYM_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_upper(s[i]) && !(i > 0 && s[i] >= '0' && s[i] <= '9'))
            return 0;
    return 1;
}

/* The acronyms the document spells out in lower-case words: "... flight
 * control computer (FCC)". One pass over the brackets of the text. */
typedef struct spelled {
    const char **at;   /* where each acronym is written */
    size_t *len;
    size_t n, cap, cap_len;
} spelled;

static int find_spelled(const post_ctx *c, spelled *out)
{
    const char *p = c->text, *end = c->text + c->len;
    while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
        size_t at = (size_t)(++p - c->text), n = 0;
        while (at + n < c->len && n <= SENSE_ACRONYM_MAX && c->text[at + n] != ')')
            n++;
        if (at < 2 || c->text[at - 2] != ' ' || at + n >= c->len || !acronym(c->text + at, n))
            continue;
        size_t start = post_initials_start(c->text, at - 2, c->text + at, n, 1);
        if (start == SIZE_MAX || c->text[start] < 'a' || c->text[start] > 'z')
            continue;
        if (!vec_reserve((void **)&out->at, &out->cap, out->n + 1, sizeof *out->at) ||
            !vec_reserve((void **)&out->len, &out->cap_len, out->n + 1, sizeof *out->len))
            return DOCTAG_ERR_NOMEM;
        out->at[out->n] = c->text + at;
        out->len[out->n++] = n;
    }
    return DOCTAG_OK;
}

static int spelled_otherwise(const spelled *sp, const char *s, size_t n)
{
    for (size_t k = 0; k < sp->n; k++)
        if (sp->len[k] == n && memcmp(sp->at[k], s, n) == 0)
            return 1;
    return 0;
}

/* 1 if the acronym at [start, end) is part of a compound: "TF-IDF",
 * "IDF-TF", or of a number: "EU" in "2012/29/EU", an EU act's. */
static int in_compound(const post_ctx *c, size_t start, size_t end)
{
    const char *t = c->text;
    return (start >= 2 && t[start - 1] == '-' && (is_upper(t[start - 2]) || (t[start - 2] >= '0' && t[start - 2] <= '9'))) ||
           (start >= 2 && t[start - 1] == '/' && t[start - 2] >= '0' && t[start - 2] <= '9') ||
           (end + 1 < c->len && t[end] == '-' && is_upper(t[end + 1]));
}

/* 1 if a treaty verb comes right before start: "ratify the", "accede to". */
static int treaty_verb(const post_ctx *c, size_t start)
{
    static const post_str verbs[] = { POST_STR("ratify the "), POST_STR("ratified the "),
        POST_STR("ratifying the "), POST_STR("ratification of the "), POST_STR("accede to the "),
        POST_STR("acceded to the "), POST_STR("accession to the "), POST_STR("sign the "),
        POST_STR("signed the "), POST_STR("signing the "), POST_STR("party to the "),
        POST_STR("parties to the "), POST_STR("reservations to the "),
        POST_STR("reservation to the ") };
    const char *t = c->text;
    /* every verb ends in "the ": most acronyms stop there */
    if (start < 4 || t[start - 1] != ' ' || (t[start - 2] | 32) != 'e' ||
        (t[start - 3] | 32) != 'h' || (t[start - 4] | 32) != 't')
        return 0;
    for (size_t k = 0; k < POST_COUNT(verbs); k++) {
        size_t v = verbs[k].n;
        if (start >= v && strncasecmp(t + start - v, verbs[k].s, v) == 0)
            return 1;
    }
    return 0;
}

/* 1 if an article of it is cited right before: "articles 31 and 32 of the CED". */
static int article_of(const post_ctx *c, size_t start)
{
    if (start < 8 || memcmp(c->text + start - 7, "of the ", 7) != 0)
        return 0;
    size_t from = start > 50 ? start - 50 : 0;
    const char *hit = memmem(c->text + from, start - 7 - from, "rticle", 6);
    return hit && !memchr(hit, '.', (size_t)(c->text + start - 7 - hit)) &&
           !memchr(hit, ';', (size_t)(c->text + start - 7 - hit));
}

/* 1 if the acronym t (n bytes) names both a core treaty and the committee
 * that monitors it ("CRC", "CAT", "CEDAW", "CRPD"): the dictionaries read
 * it as the treaty. */
static int treaty_body_acronym(const char *t, size_t n)
{
    static const post_str both[] = { POST_STR("CRC"), POST_STR("CAT"), POST_STR("CEDAW"),
        POST_STR("CRPD"), POST_STR("CMW"), POST_STR("CED"), POST_STR("CERD") };
    return post_str_is(both, POST_COUNT(both), t, n);
}

/* 1 if the words before start say a committee acts or is addressed:
 * "recommended by the CRC", "concluding observations of CEDAW", "its
 * report to the CRC"; "provisions of the CRC", "guaranteed by the CRC" and
 * "reservations to the CRC" are the treaty's. */
static int committee_before(const post_ctx *c, size_t start)
{
    static const post_str words[] = { POST_STR("recommended by"), POST_STR("raised by"),
        POST_STR("expressed by"), POST_STR("made by"), POST_STR("issued by"),
        POST_STR("requested by"), POST_STR("highlighted by"), POST_STR("urged by"),
        POST_STR("noted by"), POST_STR("recommendations of"), POST_STR("recommendations by"),
        POST_STR("recommendation of"), POST_STR("observations of"), POST_STR("views of"),
        POST_STR("jurisprudence of"), POST_STR("report to"), POST_STR("reports to"),
        POST_STR("submitted to"), POST_STR("dialogue with"), POST_STR("members of"),
        POST_STR("session of"), POST_STR("Chair of"), POST_STR("Chairperson of") };
    const char *t = c->text;
    size_t end = start;
    if (end >= 4 && memcmp(t + end - 4, "the ", 4) == 0)
        end -= 4;
    if (end < 2 || t[end - 1] != ' ')
        return 0;
    end--;
    for (size_t k = 0; k < POST_COUNT(words); k++) {
        size_t v = words[k].n;
        if (end >= v && memcmp(t + end - v, words[k].s, v) == 0 &&
            (end == v || !post_word_byte((unsigned char)t[end - v - 1])))
            return 1;
    }
    return 0;
}

/* 1 if the words after end say a committee acts: "the CRC recommended",
 * "the CRC, in its concluding observations", "the CRC and other treaty
 * bodies", "the CRC's concluding observations". */
static int committee_after(const post_ctx *c, size_t end)
{
    static const post_str words[] = { POST_STR(" recommended"), POST_STR(" recommends"),
        POST_STR(" urged"), POST_STR(" urges"), POST_STR(" expressed"), POST_STR(" noted"),
        POST_STR(" called"), POST_STR(" calls on"), POST_STR(" calls upon"),
        POST_STR(" requested"), POST_STR(" welcomed"), POST_STR(" welcomes"),
        POST_STR(" regretted"), POST_STR(" regrets"), POST_STR(" reiterated"),
        POST_STR(" reiterates"), POST_STR(" has recommended"), POST_STR(" has urged"),
        POST_STR(" has expressed"), POST_STR(" has called"), POST_STR(", in its "),
        POST_STR(" in its concluding"), POST_STR(" concluding observations"),
        POST_STR("'s concluding observations"), POST_STR("'s recommendations"),
        POST_STR(" and other treaty bodies"), POST_STR(" and other human rights treaty bodies"),
        POST_STR(" and other UN treaty bodies"), POST_STR(" and other United Nations treaty bodies"),
        POST_STR(" and other treaty monitoring bodies"), POST_STR(" and other treaty-monitoring bodies") };
    const char *t = c->text + end;
    size_t n = c->len - end;
    for (size_t k = 0; k < POST_COUNT(words); k++)
        if (n >= words[k].n && memcmp(t, words[k].s, words[k].n) == 0 &&
            (n == words[k].n || words[k].s[words[k].n - 1] == ' ' ||
             !post_word_byte((unsigned char)t[words[k].n])))
            return 1;
    return 0;
}

/* 1 if the acronym at `end`'s left heads a list of committees: "the CRC and
 * CEDAW Committees", "CAT, CRC and CRPD committees". */
static int committees_after(const post_ctx *c, size_t end)
{
    const char *t = c->text;
    for (int items = 0; items < 4 && end < c->len; items++) {
        if (c->len - end >= 11 && (memcmp(t + end, " Committees", 11) == 0 ||
                                   memcmp(t + end, " committees", 11) == 0))
            return 1;
        size_t j = c->len - end >= 5 && memcmp(t + end, " and ", 5) == 0 ? 5
                 : c->len - end >= 2 && memcmp(t + end, ", ", 2) == 0 ? 2 : 0;
        size_t k = end + j;
        while (k < c->len && is_upper(t[k]))
            k++;
        if (!j || !acronym(t + end + j, k - end - j))
            return 0;
        end = k;
    }
    return 0;
}

/* 1 if the acronym at [start, end) is defined for a body named right
 * before it: "Committee on the Rights of the Child (CRC)". */
static int defined_for_agency(const post_ctx *c, size_t i, size_t start, size_t end)
{
    if (i == 0 || start < 2 || c->text[start - 1] != '(' || c->text[start - 2] != ' ' ||
        end >= c->len || c->text[end] != ')')
        return 0;
    const span *before = &c->spans->items[i - 1];
    return before->end == start - 2 && c->m->entries[before->entry].type == DOCTAG_TYPE_AGENCY;
}

/* The constitution a document names that is not the United States': "the
 * Australian Constitution", "Constitution of Australia"; NULL when there is
 * none or the document names the U.S. one too. */
static const span *other_constitution(const post_ctx *c)
{
    const span *other = NULL;
    for (size_t i = 0; i < c->spans->n; i++) {
        const span *s = &c->spans->items[i];
        const char *t = c->text + s->start;
        size_t n = s->end - s->start;
        if (n <= 13 || c->m->entries[s->entry].type != DOCTAG_TYPE_INSTRUMENT ||
            !memmem(t, n, "Constitution", 12))
            continue;
        if (memmem(t, n, "United States", 13) || memmem(t, n, "U.S.", 4) ||
            memmem(t, n, "America", 7))
            return NULL;
        if (!other && (memcmp(t + n - 13, " Constitution", 13) == 0 ||
                       memcmp(t, "Constitution of ", 16) == 0))
            other = s;
    }
    return other;
}

/* "the Constitution" in a report on another state is that state's: it
 * takes the id of the constitution the document names ("Australian
 * Constitution"), not the U.S. Constitution's. */
static int constitution_sense(post_ctx *c)
{
    const span *other = other_constitution(c);
    uint32_t named = post_name_entry(c->m, DOCTAG_TYPE_INSTRUMENT);
    int rc = DOCTAG_OK;
    for (size_t i = 0; other && named != UINT32_MAX && rc == DOCTAG_OK && i < c->spans->n; i++) {
        const span *s = &c->spans->items[i];
        if (s->end - s->start == 12 && memcmp(c->text + s->start, "Constitution", 12) == 0)
            rc = post_add_span(c, s->start, s->end, named, c->text + other->start,
                               other->end - other->start, 1);
    }
    return rc;
}

/* 1 if the letters of the acronym a (n bytes) are, in order, initials of
 * the words of t (len bytes), the first word giving the first: "CAT" and
 * "Convention against Torture and Other ...", "CEDAW" and "Convention on
 * the Elimination of All Forms of Discrimination against Women". */
static int spells_out(const char *a, size_t n, const char *t, size_t len)
{
    size_t j = 0;
    for (size_t w = 0; w < len && j < n;) {
        size_t e = w;
        while (e < len && t[e] != ' ' && t[e] != '\n')
            e++;
        char first = t[w] >= 'a' && t[w] <= 'z' ? (char)(t[w] - 32) : t[w];
        if (first == a[j])
            j++;
        else if (j == 0)
            return 0;
        w = e + 1;
    }
    return j == n;
}

/* A list of abbreviations sets each acronym before its name ("CRC
 * Convention on the Rights of the Child"): a span found by its shape that
 * starts with an acronym of three or more capitals spelled out by the rest
 * is the acronym and the name, both with the acronym as id. */
static int abbreviation_line(post_ctx *c, const span *s)
{
    const char *t = c->text + s->start;
    size_t n = s->end - s->start, k = 0;
    while (k < n && t[k] != ' ' && t[k] != '\n')
        k++;
    if (k < 3 || k + 1 >= n || c->m->entries[s->entry].canon != CANON_NAME || !acronym(t, k) ||
        !spells_out(t, k, t + k + 1, n - k - 1))
        return DOCTAG_OK;
    int rc = post_add_span(c, s->start, s->start + k, s->entry, t, k, 1);
    if (rc == DOCTAG_OK)
        rc = post_add_span(c, s->start + k + 1, s->end, s->entry, t, k, 1);
    return rc;
}

int senses_pass(post_ctx *c)
{
    uint32_t treaty = post_name_entry(c->m, DOCTAG_TYPE_INSTRUMENT);
    uint32_t body = post_name_entry(c->m, DOCTAG_TYPE_AGENCY);
    spelled sp = { 0 };
    int rc = find_spelled(c, &sp);
    for (size_t i = 0; rc == DOCTAG_OK && i < c->spans->n; i++) {
        span *s = &c->spans->items[i];
        const char *t = c->text + s->start;
        size_t n = s->end - s->start;
        int type = c->m->entries[s->entry].type;
        if (type != DOCTAG_TYPE_AGENCY && type != DOCTAG_TYPE_INSTRUMENT)
            continue;
        if (!acronym(t, n)) {
            rc = abbreviation_line(c, s);
            continue;
        }
        if (in_compound(c, s->start, s->end) || spelled_otherwise(&sp, t, n)) {
            s->end = s->start;   /* dropped */
            continue;
        }
        if (type == DOCTAG_TYPE_AGENCY && treaty != UINT32_MAX &&
            (treaty_verb(c, s->start) || article_of(c, s->start)))
            rc = post_add_span(c, s->start, s->end, treaty, t, n, 1);
        else if (type == DOCTAG_TYPE_INSTRUMENT && body != UINT32_MAX &&
                 treaty_body_acronym(t, n) &&
                 (committee_before(c, s->start) || committee_after(c, s->end) ||
                  committees_after(c, s->end) ||
                  defined_for_agency(c, i, s->start, s->end)))
            rc = post_add_span(c, s->start, s->end, body, t, n, 1);
    }
    free(sp.at);
    free(sp.len);
    if (rc == DOCTAG_OK)
        rc = constitution_sense(c);
    return rc == DOCTAG_ERR_NOMEM ? error_set(rc, "out of memory tagging") : rc;
}
