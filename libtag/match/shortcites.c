/* shortcites.c: a case cited by its short form alone, as court opinions
 * and briefs cite a case again (Bluebook rule 10.9): the party's name, a
 * comma, the volume and the reporter. "Carlson, 446 U. S., at 16-18",
 * "Stanley, 483 U. S. 669", "United Presbyterian Church, 738 F. 2d, at
 * 1378". The citation says it is a case wherever the document named it in
 * full (or never did: the excerpt of an opinion). memory.c tags the short
 * forms of the cases the document names, with their ids; this pass tags
 * the cited ones it leaves (id: the short name itself). */
#include <string.h>

#include "post.h"

/* Words a run of capitalised words before the comma may hold between two
 * capitalised ones ("Friends of the Earth", "Laidlaw & Co."). */
static int connector(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("of"), POST_STR("the"), POST_STR("and"),
        POST_STR("for"), POST_STR("&"), POST_STR("de"), POST_STR("in") };
    return post_str_is(words, POST_COUNT(words), w, n);
}

/* Words that start a citation sentence or clause, not a name ("See Carlson"). */
static int signal_word(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("See"), POST_STR("Cf."), POST_STR("In"),
        POST_STR("Compare"), POST_STR("Accord"), POST_STR("Also"), POST_STR("But"),
        POST_STR("And"), POST_STR("Id."), POST_STR("Ibid."), POST_STR("E.g."),
        POST_STR("Quoting"), POST_STR("Citing"), POST_STR("The"), POST_STR("Under"),
        POST_STR("As"), POST_STR("Unlike"), POST_STR("Like"), POST_STR("Contra") };
    return post_str_is(words, POST_COUNT(words), w, n) || post_generic_word(w, n);
}

/* Length of the reporter at t ("U. S.", "S. Ct.", "F. 3d", "F. Supp. 2d",
 * "L. Ed. 2d", the regional reporters) when a space, a comma or a bracket
 * follows it, else 0. The longest one wins ("F. Supp. 2d" over "F."). */
static size_t reporter_len(const char *t, size_t n)
{
    static const post_str reporters[] = { POST_STR("U. S."), POST_STR("U.S."),
        POST_STR("S. Ct."), POST_STR("S.Ct."), POST_STR("L. Ed. 2d"), POST_STR("L. Ed."),
        POST_STR("L.Ed.2d"), POST_STR("L.Ed."), POST_STR("F. Supp. 2d"), POST_STR("F. Supp. 3d"),
        POST_STR("F. Supp."), POST_STR("F.Supp.2d"), POST_STR("F.Supp.3d"), POST_STR("F.Supp."),
        POST_STR("F. App'x"), POST_STR("F. Appx"), POST_STR("Fed. Appx"), POST_STR("F. 2d"),
        POST_STR("F.2d"), POST_STR("F. 3d"), POST_STR("F.3d"), POST_STR("F. 4th"),
        POST_STR("F.4th"), POST_STR("F."), POST_STR("B. R."), POST_STR("B.R."),
        POST_STR("A.2d"), POST_STR("A.3d"), POST_STR("A. 2d"), POST_STR("A. 3d"),
        POST_STR("P.2d"), POST_STR("P.3d"), POST_STR("P. 2d"), POST_STR("P. 3d"),
        POST_STR("N.E.2d"), POST_STR("N.E.3d"), POST_STR("N. E. 2d"), POST_STR("N. E. 3d"),
        POST_STR("N.W.2d"), POST_STR("N. W. 2d"), POST_STR("S.E.2d"), POST_STR("S. E. 2d"),
        POST_STR("S.W.2d"), POST_STR("S.W.3d"), POST_STR("S. W. 2d"), POST_STR("S. W. 3d"),
        POST_STR("So. 2d"), POST_STR("So. 3d"), POST_STR("So.2d"), POST_STR("So.3d") };
    size_t best = 0;
    if (n < 2 || !memchr("USLFBAPN", t[0], 8) || (t[1] != '.' && t[1] != 'o'))
        return 0;   /* what every reporter starts with: "U.", "F.", "So." */
    for (size_t k = 0; k < POST_COUNT(reporters); k++) {
        size_t r = reporters[k].n;
        if (r > best && r <= n && memcmp(t, reporters[k].s, r) == 0 &&
            (r == n || t[r] == ' ' || t[r] == ',' || t[r] == ')' || t[r] == ';'))
            best = r;
    }
    return best;
}

/* 1 if ", <volume> <reporter>" starts at t (the comma). */
static int reporter_follows(const char *t, size_t n)
{
    size_t i = 2, digits = 0;
    if (n < 4 || t[0] != ',' || t[1] != ' ')
        return 0;
    while (i < n && t[i] >= '0' && t[i] <= '9' && digits < 5) {
        i++;
        digits++;
    }
    return digits && digits < 5 && i < n && t[i] == ' ' && reporter_len(t + i + 1, n - i - 1);
}

/* Prepositions of place: after one, capitalised words before a citation
 * name where the facts happened ("carried out in New York City, 403 U. S.,
 * at 389"; "on Capitol Hill, 442 U. S., at 230"), not a case; after "in"
 * a single word is still a case ("as we held in Laird, 408 U. S., at 10"). */
static int place_before(const char *t, size_t name_start, size_t name_end)
{
    static const post_str words[] = { POST_STR("on"), POST_STR("at"), POST_STR("near"),
        POST_STR("from"), POST_STR("across"), POST_STR("to"), POST_STR("into"),
        POST_STR("within"), POST_STR("throughout"), POST_STR("outside") };
    if (name_start < 2 || (t[name_start - 1] != ' ' && t[name_start - 1] != '\n'))
        return 0;
    size_t w = name_start - 1;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n')
        w--;
    size_t n = name_start - 1 - w;
    if (n == 2 && memcmp(t + w, "in", 2) == 0)
        return memchr(t + name_start, ' ', name_end - name_start) != NULL;
    return post_str_is(words, POST_COUNT(words), t + w, n);
}

/* The start of the word ending at `end` (after a space, a line break or
 * a bracket, or at the text's start). */
static size_t word_start(const char *t, size_t end)
{
    size_t w = end;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '(')
        w--;
    return w;
}

int post_case_continues(const char *t, size_t at)
{
    static const post_str words[] = { POST_STR("v."), POST_STR("v"), POST_STR("re"),
        POST_STR("parte"), POST_STR("rel.") };
    size_t e = at, breaks = 0;
    while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\n'))
        breaks += t[--e] == '\n';
    if (e == 0 || breaks > 1)
        return 1;
    size_t w = word_start(t, e);
    return post_str_is(words, POST_COUNT(words), t + w, e - w);
}

/* The short name ending at `end` (the comma before the citation): up to
 * eight words, capitalised or connectors between capitalised ones, after a
 * word that is neither (or a bracket, a line's start); a leading signal
 * word ("See") is left out. Sets *start; returns 0 when there is none. */
static int short_name(const char *t, size_t end, size_t *start)
{
    size_t s = end, pos = end, words = 0, first_cap = end;
    while (pos > 0 && words < 8) {
        size_t w = word_start(t, pos);
        if (w == pos)
            break;
        if (post_upper_byte((unsigned char)t[w]))
            first_cap = w;
        else if (!connector(t + w, pos - w))
            break;
        s = w;
        words++;
        if (w == 0 || (t[w - 1] != ' ' && t[w - 1] != '\n') ||
            (w > 1 && t[w - 1] == '\n' && t[w - 2] == '\n'))
            break;
        pos = w - 1;
    }
    /* eight words and more before them: the name's start is not in sight */
    int cut = words == 8 && s > 1 && (t[s - 1] == ' ' || t[s - 1] == '\n') &&
              post_upper_byte((unsigned char)t[word_start(t, s - 1)]);
    s = first_cap;   /* a connector does not start a name */
    while (s < end) {   /* "See Carlson": the name is after the signal */
        size_t e = s;
        while (e < end && t[e] != ' ')
            e++;
        if (!signal_word(t + s, e - s) || e == end)
            break;
        s = e + 1;
    }
    if (cut || s >= end || !post_upper_byte((unsigned char)t[s]) || end - s < 3 ||
        signal_word(t + s, end - s) || memmem(t + s, end - s, " v. ", 4) ||
        (end - s == 13 && memcmp(t + s, "United States", 13) == 0) || place_before(t, s, end) ||
        post_case_continues(t, s))
        return 0;
    *start = s;
    return 1;
}

/* The model's case entry (the %case pattern's), or UINT32_MAX. */
static uint32_t case_entry(const compiled_model *m)
{
    for (size_t i = 0; i < m->n_entries; i++)
        if (m->entries[i].type == DOCTAG_TYPE_INSTRUMENT && m->entries[i].canon == CANON_CASE)
            return (uint32_t)i;
    return UINT32_MAX;
}

/* 1 if the party text p (n bytes) starts with the name and the party
 * goes on with a comma, a space or its end there ("Nexus Pharms." of
 * "Nexus Pharms., Inc."). */
static int party_starts(const char *p, size_t n, const char *name, size_t len)
{
    return len <= n && memcmp(p, name, len) == 0 &&
           (len == n || p[len] == ',' || p[len] == ' ');
}

/* The case named in full in the document (a first-pass span, before or
 * after the citation) one of whose parties the short name starts: its
 * text, for the id. NULL when none. */
static const char *full_case(const post_ctx *c, const char *name, size_t len,
                             size_t *full_len)
{
    for (size_t i = 0; i < c->spans->n; i++) {
        const span *sp = &c->spans->items[i];
        if (c->m->entries[sp->entry].canon != CANON_CASE || sp->end == sp->start)
            continue;
        const char *t = c->text + sp->start;
        size_t n = sp->end - sp->start;
        const char *v = memmem(t, n, " v. ", 4);
        if (v && (party_starts(t, (size_t)(v - t), name, len) ||
                  party_starts(v + 4, n - (size_t)(v - t) - 4, name, len))) {
            *full_len = n;
            return t;
        }
    }
    return NULL;
}

int shortcites_pass(post_ctx *c)
{
    uint32_t entry = UINT32_MAX;   /* looked up at the first citation */
    const char *t = c->text, *p = t, *end = t + c->len;
    int rc = DOCTAG_OK;
    while (rc == DOCTAG_OK && (p = memchr(p, ',', (size_t)(end - p))) != NULL) {
        size_t at = (size_t)(p - t), start;
        p++;
        if (at + 2 >= c->len || t[at + 1] != ' ' || t[at + 2] < '0' || t[at + 2] > '9' ||
            !reporter_follows(t + at, c->len - at) || !short_name(t, at, &start) ||
            post_taken(c, start, at))
            continue;
        if (entry == UINT32_MAX && (entry = case_entry(c->m)) == UINT32_MAX)
            break;
        size_t src_len = at - start;
        const char *src = full_case(c, t + start, at - start, &src_len);
        rc = post_add_span(c, start, at, entry, src ? src : t + start, src_len, 0);
    }
    return rc;
}
