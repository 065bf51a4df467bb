/* memory.c: what a document defines for itself (see post.h). A short name
 * or acronym in brackets after a name ("the Foreign Intelligence
 * Surveillance Act (FISA)", "Human Rights and Equal Opportunity Commission
 * (HREOC)") is tagged wherever it is used later, with the name's id; a
 * case named in full is tagged by its short form later ("Bivens",
 * "Abbasi, 582 U. S., at 12"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "doctag_limits.h"
#include "memo.h"
#include "post.h"
#include "vec.h"

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* A short form a name of no entity defines ("Human Rights Commission of
 * Pakistan (HRCP)", an NGO: a block span): it stands for that name
 * wherever it is used, so it is never tagged (its memo has no entry), and
 * a name found by its shape that defines the same short form ("the
 * Commission's Lahore office ... Human Rights Commission (HRCP)") is that
 * body too. Read before any other definition, so that it holds. */
static int defined_after_blocks(post_ctx *c, memo_list *memos)
{
    int rc = DOCTAG_OK;
    for (size_t i = 0; c->blocked && i < c->blocked->n && rc == DOCTAG_OK; i++) {
        const span *s = &c->blocked->items[i];
        const char *name;
        size_t name_len;
        if (s->end == s->start ||
            !post_bracket_name(c->text + s->end, c->len - s->end, &name, &name_len) ||
            !post_valid_short(name, name_len) ||
            !post_related(name, name_len, c->text + s->start, s->end - s->start))
            continue;
        rc = memo_push(memos, (memo){ name, name_len, NULL, 0, UINT32_MAX, 0, SIZE_MAX, 0, 0 });
    }
    return rc;
}

/* Drops the first pass's spans that are a short form of a name of no
 * entity (a dictionary's acronym the document spells as an NGO's). */
static void drop_blocked_shorts(post_ctx *c, const memo_list *memos)
{
    for (size_t i = 0; memos->n && i < c->spans->n; i++) {
        span *s = &c->spans->items[i];
        const memo *known = memo_find(memos, c->text + s->start, s->end - s->start);
        if (s->end > s->start && known && known->entry == UINT32_MAX)
            s->end = s->start;
    }
}

/* A name found by the first pass followed by its short form in brackets. */
static int defined_after_spans(post_ctx *c, memo_list *memos)
{
    int rc = DOCTAG_OK;
    for (size_t i = 0; i < c->spans->n && rc == DOCTAG_OK; i++) {
        span *s = &c->spans->items[i];
        int type = c->m->entries[s->entry].type;
        if (s->end == s->start || (type != DOCTAG_TYPE_AGENCY && type != DOCTAG_TYPE_INSTRUMENT))
            continue;
        const char *name;
        size_t name_len;
        int alias;
        size_t end = s->end + post_name_tail(c, s);   /* "Act 2 of 2000 (PAIA)" */
        size_t b = post_defined_name(c->text + end, c->len - end, &name, &name_len, &alias);
        if (!b || !post_valid_short(name, name_len) ||
            (!alias && !post_related(name, name_len, c->text + s->start, s->end - s->start)) ||
            (name_len == s->end - s->start && memcmp(name, c->text + s->start, name_len) == 0))
            continue;
        const memo *known = memo_find(memos, name, name_len);
        if (known && known->entry == UINT32_MAX) {
            if (c->m->entries[s->entry].canon == CANON_NAME)
                s->end = s->start;   /* dropped: the body of no entity the block names */
            continue;
        }
        const char *src = c->text + s->start;
        size_t src_len = s->end - s->start;
        if (c->m->entries[s->entry].canon == CANON_NAME && !alias && is_upper(name[1])) {
            /* a name found by its shape takes its acronym as id */
            src = name;
            src_len = name_len;
            rc = post_add_span(c, s->start, end, s->entry, name, name_len, 1);
        }
        if (rc == DOCTAG_OK)
            rc = memo_push(memos, (memo){ name, name_len, src, src_len, s->entry, 0, SIZE_MAX, 0, 0 });
    }
    return rc;
}

/* The type a name ending in word w (n bytes) has by its head word, or -1. */
static int head_type(const char *w, size_t n)
{
    static const post_str agencies[] = { POST_STR("Commission"), POST_STR("Monitor"),
        POST_STR("Agency"), POST_STR("Office"), POST_STR("Service"), POST_STR("Department"),
        POST_STR("Ministry"), POST_STR("Bureau"), POST_STR("Authority"),
        POST_STR("Administration"), POST_STR("Board"), POST_STR("Police"), POST_STR("Force"),
        POST_STR("Forces"), POST_STR("Ombudsman"), POST_STR("Commissioner"),
        POST_STR("Inspectorate"), POST_STR("Directorate"), POST_STR("Secretariat"),
        POST_STR("Corps"), POST_STR("Guard"), POST_STR("Command") };
    static const post_str instruments[] = { POST_STR("Act"), POST_STR("Bill"),
        POST_STR("Convention"), POST_STR("Covenant"), POST_STR("Protocol"),
        POST_STR("Declaration"), POST_STR("Charter"), POST_STR("Treaty"), POST_STR("Agreement"),
        POST_STR("Code"), POST_STR("Regulation"), POST_STR("Directive"), POST_STR("Statute"),
        POST_STR("Law"), POST_STR("Principles"), POST_STR("Rules"), POST_STR("Schedule") };
    if (post_str_is(agencies, POST_COUNT(agencies), w, n))
        return DOCTAG_TYPE_AGENCY;
    if (post_str_is(instruments, POST_COUNT(instruments), w, n))
        return DOCTAG_TYPE_INSTRUMENT;
    return -1;
}

/* The type of a name by its last head word ("Agency", "Act"), or -1. */
static int name_type(const char *t, size_t start, size_t end)
{
    size_t pos = end;
    while (pos > start) {
        size_t w = pos;
        while (w > start && t[w - 1] != ' ')
            w--;
        int type = head_type(t + w, pos - w);
        if (type >= 0)
            return type;
        pos = w > start ? w - 1 : start;
    }
    return -1;
}

/* "(HREOC)" after words whose initials spell it, one of which says what
 * the name is ("Commission", "Act"): both are tagged, id=HREOC. `at` is
 * the space before the bracket. */
static int defined_by_initials(post_ctx *c, memo_list *memos, size_t at)
{
    const char *name;
    size_t name_len;
    size_t b = post_bracket_name(c->text + at, c->len - at, &name, &name_len);
    if (!b || name_len < 2 || name_len > 10 || memchr(name, ' ', name_len) || !is_upper(name[1]))
        return DOCTAG_OK;
    size_t start = post_initials_start(c->text, at, name, name_len, 0);
    if (start == SIZE_MAX)
        return DOCTAG_OK;
    int type = name_type(c->text, start, at);
    uint32_t entry = type < 0 ? UINT32_MAX : post_name_entry(c->m, type);
    if (entry == UINT32_MAX || post_taken(c, start, at))
        return DOCTAG_OK;
    int rc = post_add_span(c, start, at, entry, name, name_len, 0);
    if (rc == DOCTAG_OK)
        rc = memo_push(memos, (memo){ name, name_len, name, name_len, entry, 0, SIZE_MAX, 0, 0 });
    return rc;
}

static int defined_by_shape(post_ctx *c, memo_list *memos)
{
    int rc = DOCTAG_OK;
    const char *p = c->text, *end = c->text + c->len;
    while (rc == DOCTAG_OK && (p = memchr(p, '(', (size_t)(end - p))) != NULL) {
        size_t at = (size_t)(p - c->text);
        if (at > 0 && c->text[at - 1] == ' ')
            rc = defined_by_initials(c, memos, at - 1);
        p++;
    }
    return rc;
}

/* 1 if s (n bytes) starts with `word` followed by a non-word byte. */
static int starts_word(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && memcmp(s, word, w) == 0 && (n == w || !post_word_byte((unsigned char)s[w]));
}

/* A party that is a government or a title, never a case's short form. */
static int public_party(const char *p, size_t n)
{
    static const char *const words[] = { "United", "State", "States", "People", "Commonwealth",
        "City", "County", "Town", "Village", "Board", "Department", "Dept.", "Secretary",
        "Commissioner", "Attorney", "Director", "Government", "Republic", "Kingdom", "Federal",
        "National", "American", "International", "General", "Friends", "Society",
        "Association", "Council", "Committee", "Union", "Center", "Institute", "Bank",
        "Citizens", "Doe", "Roe", "New", "North", "South", "East", "West", "Saint", "The",
        "Mr.", "Ms.", "Dr.", "Her", "His", "Minister", "Immigration", "Matter" };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (starts_word(p, n, words[k]))
            return 1;
    return 0;
}

/* Registers the short form name[0..n) of the case span s. */
static int case_short(post_ctx *c, memo_list *memos, const span *s, const char *name, size_t n)
{
    while (n > 0 && (name[n - 1] == ',' || name[n - 1] == ' '))
        n--;
    if (n < 3 || n > MEMORY_NAME_MAX || !is_upper(name[0]) || public_party(name, n) ||
        post_generic_word(name, n) || (n <= 6 && memchr(name, '.', n)))
        return DOCTAG_OK;   /* initials ("U.S.", "N.Y.") stand for much else */
    return memo_push(memos, (memo){ name, n, c->text + s->start, s->end - s->start, s->entry,
                                    s->end, s->start, 0, 0 });
}

/* 1 if the word at p (n bytes) is a public body's ("Comm'n", "Dep't",
 * "Board"): the word before it names a place ("Maine Comm'n on ..."). */
static int body_word(const char *p, size_t n)
{
    static const char *const words[] = { "Comm'n", "Comm'rs", "Comm'r", "Dep't", "Dept.", "Bd.",
        "Cnty.", "Dist.", "Auth.", "Sec'y", "Gov't", "Div.", "Admin.", "Department", "Board",
        "Commission", "County", "Bureau", "Authority", "Police", "Sch.", "School" };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (starts_word(p, n, words[k]))
            return 1;
    return 0;
}

/* The short forms of one party: the whole party when it has several words
 * ("Defenders of Wildlife"), up to its first small word ("United
 * Presbyterian Church" of "... in U. S. A."), and its first word
 * ("Laidlaw" of "Laidlaw Environmental Services (TOC), Inc."), unless a
 * public body's word follows it ("Maine Comm'n on ...": a place). */
static int party_shorts(post_ctx *c, memo_list *memos, const span *s, const char *p, size_t n)
{
    size_t first = 0;
    while (first < n && p[first] != ' ' && p[first] != ',')
        first++;
    int rc = DOCTAG_OK;
    if (first < n && !public_party(p, n))
        rc = case_short(c, memos, s, p, n);
    for (size_t i = first; rc == DOCTAG_OK && i + 1 < n; i++)
        if (p[i] == ' ' && p[i + 1] >= 'a' && p[i + 1] <= 'z') {
            rc = case_short(c, memos, s, p, i);
            break;
        }
    if (rc == DOCTAG_OK && first >= 4 && !(first + 1 < n && body_word(p + first + 1, n - first - 1)))
        rc = case_short(c, memos, s, p, first);
    return rc;
}

/* 1 if the '.' at i of t ends a sentence: a capital follows, and the
 * word before it is not an initial of a reporter ("U. S. 297", "S. Ct.",
 * "F. Supp. 2d"). */
static int sentence_end(const char *t, size_t i, size_t end)
{
    if (t[i] != '.' || i + 2 >= end || t[i + 1] != ' ' || !is_upper(t[i + 2]))
        return 0;
    return !(i >= 2 && is_upper(t[i - 1]) && !post_word_byte((unsigned char)t[i - 2]));
}

/* 1 if the name (n bytes) ends with a court's word: "(Eleventh Circuit)"
 * after a case names the court that decided it, not the case. */
static int court_name(const char *name, size_t n)
{
    static const post_str words[] = { POST_STR("Circuit"), POST_STR("Court"), POST_STR("Cir."),
                                      POST_STR("Board"), POST_STR("Tribunal") };
    size_t w = n;
    while (w > 0 && name[w - 1] != ' ')
        w--;
    return post_str_is(words, POST_COUNT(words), name + w, n - w);
}

/* A short name the citation gives in brackets after the case: "ACLU v.
 * NSA, 493 F. 3d 644, 648 (CA6 2007) (ACLU)", "... 407 U. S. 297 (1972)
 * (Keith)": after the citation (a number before the bracket), not a
 * court's name. The citation ends at ';', a sentence's end or a line
 * break. */
static int cited_short(post_ctx *c, memo_list *memos, const span *s)
{
    size_t end = s->end + MEMORY_CITE_MAX < c->len ? s->end + MEMORY_CITE_MAX : c->len;
    for (size_t i = s->end; i < end && c->text[i] != ';' && c->text[i] != '\n'; i++) {
        if (sentence_end(c->text, i, end))
            break;
        const char *name;
        size_t name_len;
        if (c->text[i] != ' ' || !post_bracket_name(c->text + i, end - i, &name, &name_len))
            continue;
        int digits = 0, cite = 0;
        for (size_t k = 0; k < name_len; k++)
            digits |= name[k] >= '0' && name[k] <= '9';
        for (size_t k = s->end; k < i; k++)
            cite |= c->text[k] >= '0' && c->text[k] <= '9';
        if (cite && !digits && post_valid_short(name, name_len) && !court_name(name, name_len))
            return case_short(c, memos, s, name, name_len);
    }
    return DOCTAG_OK;
}

/* Short forms of every case named in full. */
static int case_names(post_ctx *c, memo_list *memos)
{
    static const char *const prefixes[] = { "In re ", "Ex parte ", "In the Matter of ", "Matter of " };
    int rc = DOCTAG_OK;
    for (size_t i = 0; i < c->spans->n && rc == DOCTAG_OK; i++) {
        const span *s = &c->spans->items[i];
        if (s->end == s->start || c->m->entries[s->entry].canon != CANON_CASE)
            continue;
        const char *t = c->text + s->start;
        size_t n = s->end - s->start;
        if (n > 7 && t[n - 1] == ')' && t[n - 6] == '(')
            n -= 7;
        size_t k = 0;
        while (k < sizeof prefixes / sizeof *prefixes && !starts_word(t, n, prefixes[k]))
            k++;
        if (k < sizeof prefixes / sizeof *prefixes) {
            size_t pl = strlen(prefixes[k]);
            rc = party_shorts(c, memos, s, t + pl, n - pl);
            continue;
        }
        const char *v = memmem(t, n, " v. ", 4);
        size_t vl = 4;
        if (!v && (v = memmem(t, n, " v ", 3)) != NULL)
            vl = 3;
        if (!v)
            continue;
        rc = party_shorts(c, memos, s, t, (size_t)(v - t));
        if (rc == DOCTAG_OK)
            rc = party_shorts(c, memos, s, v + vl, n - (size_t)(v - t) - vl);
        if (rc == DOCTAG_OK)
            rc = cited_short(c, memos, s);
    }
    return rc;
}

/* 1 if a citation follows: ", 582 U. S.", " at 2217", ", supra". */
static int cited(const char *t, size_t n)
{
    if (n > 2 && t[0] == ',' && t[1] == ' ' && t[2] >= '0' && t[2] <= '9')
        return 1;
    if (n > 4 && memcmp(t, " at ", 4) == 0 && t[4] >= '0' && t[4] <= '9')
        return 1;
    return n >= 7 && memcmp(t, ", supra", 7) == 0;
}

/* The memos chained by the hash of their first word, so that one pass over
 * the text finds every use of every memo. */
typedef struct memo_index {
    uint32_t *head, *next;
    size_t mask;
    unsigned char pairs[65536 / 8];   /* the first two bytes of some name */
} memo_index;

static size_t first_word(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && post_word_byte((unsigned char)s[k]))
        k++;
    return k;
}

static int index_build(memo_index *ix, const memo_list *l)
{
    size_t size = 16;
    while (size < 2 * l->n)
        size *= 2;
    ix->mask = size - 1;
    ix->head = malloc(size * sizeof *ix->head);
    ix->next = malloc((l->n ? l->n : 1) * sizeof *ix->next);
    if (!ix->head || !ix->next)
        return DOCTAG_ERR_NOMEM;
    memset(ix->head, 0xff, size * sizeof *ix->head);
    for (size_t k = 0; k < l->n; k++) {
        const memo *m = &l->items[k];
        size_t h = hash_fnv1a(HASH_FNV_SEED, m->name, first_word(m->name, m->len)) & ix->mask;
        ix->next[k] = ix->head[h];
        ix->head[h] = (uint32_t)k;
        unsigned pair = (unsigned char)m->name[0] << 8 | (unsigned char)m->name[1];
        ix->pairs[pair >> 3] |= (unsigned char)(1u << (pair & 7));
    }
    return DOCTAG_OK;
}

/* A place where a memo's name is used: `at`, the memo. */
typedef struct use {
    size_t at;
    uint32_t memo;
} use;

typedef struct use_list {
    use *items;
    size_t n, cap;
} use_list;

/* 1 if the '-' at e joins a compound ("TF-IDF"), not a dash written as
 * two hyphens ("the plaintiffs in Laird--and respondents here"). */
static int compound_dash(const char *t, size_t e, size_t len)
{
    return t[e] == '-' && !(e + 1 < len && t[e + 1] == '-');
}

/* The longest memo whose name is used at i (a capitalised word), or -1. */
static int64_t used_at(const post_ctx *c, const memo_list *l, const memo_index *ix, size_t i,
                       size_t w)
{
    const char *t = c->text;
    size_t h = hash_fnv1a(HASH_FNV_SEED, t + i, w) & ix->mask;
    const memo *best = NULL;
    int64_t found = -1;
    for (uint32_t k = ix->head[h]; k != UINT32_MAX; k = ix->next[k]) {
        const memo *m = &l->items[k];
        size_t e = i + m->len;
        if (e > c->len || (best && best->len >= m->len) || memcmp(t + i, m->name, m->len) != 0 ||
            (e < c->len && (post_word_byte((unsigned char)t[e]) || compound_dash(t, e, c->len))))
            continue;
        best = m;
        found = k;
    }
    return found;
}

/* Of the capitals starting a word in `bits` (64 bytes from `base`), those
 * where a name starts (its first two bytes): branch-free. */
static uint64_t name_starts(const post_ctx *c, const memo_index *ix, uint64_t bits, size_t base)
{
    const unsigned char *t = (const unsigned char *)c->text + base;
    uint64_t hits = 0;
    for (; bits; bits &= bits - 1) {
        unsigned b = (unsigned)__builtin_ctzll(bits);
        unsigned pair = (unsigned)t[b] << 8 | t[b + 1];   /* t[len] is the NUL */
        hits |= (uint64_t)((ix->pairs[pair >> 3] >> (pair & 7)) & 1) << b;
    }
    return hits;
}

/* Every use of a memo's name: at a capitalised word with no "-" before
 * it, the longest name there; found once for both passes over them. */
static int find_uses(const post_ctx *c, const memo_list *l, const memo_index *ix, use_list *out)
{
    size_t next = 0;   /* past the first word of the last place looked at */
    for (size_t word = 0; word < c->n_capital_words; word++) {
        size_t base = word << 6;
        for (uint64_t hits = name_starts(c, ix, c->capitals[word], base); hits; hits &= hits - 1) {
            size_t i = base + (size_t)__builtin_ctzll(hits);
            if (i < next || (i > 0 && c->text[i - 1] == '-'))
                continue;
            size_t w = first_word(c->text + i, c->len - i);
            int64_t k = used_at(c, l, ix, i, w);
            next = i + (w ? w : 1);
            if (k >= 0 && !vec_reserve((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items))
                return DOCTAG_ERR_NOMEM;
            if (k >= 0)
                out->items[out->n++] = (use){ i, (uint32_t)k };
        }
    }
    return DOCTAG_OK;
}

typedef int (*use_fn)(post_ctx *c, memo *m, size_t at);

/* Calls fn at every use, in order. */
static int scan_uses(post_ctx *c, memo_list *l, const use_list *uses, use_fn fn)
{
    int rc = DOCTAG_OK;
    for (size_t k = 0; k < uses->n && rc == DOCTAG_OK; k++)
        rc = fn(c, &l->items[uses->items[k].memo], uses->items[k].at);
    return rc;
}

/* First pass: is a case's short form also a person's name, or a word the
 * text used before the case ("Texas" in "El Paso, Texas")? */
static int observe(post_ctx *c, memo *m, size_t at)
{
    static const char *const titles[] = { "Agent ", "Officer ", "Mr. ", "Ms. ", "Mrs. ", "Dr. ",
                                          "Judge ", "Justice ", "President ", "Senator " };
    const char *t = c->text;
    size_t e = at + m->len;
    if (m->case_start == SIZE_MAX)
        return DOCTAG_OK;
    if (e + 1 < c->len && t[e] == '\'' && (t[e + 1] == 's' || !post_word_byte((unsigned char)t[e + 1])))
        m->person = 1;
    for (size_t k = 0; k < sizeof titles / sizeof *titles; k++)
        if (at >= strlen(titles[k]) && memcmp(t + at - strlen(titles[k]), titles[k], strlen(titles[k])) == 0)
            m->person = 1;
    if (at < m->case_start && !post_taken(c, at, e))
        m->early = 1;
    return DOCTAG_OK;
}

/* 1 if the defined name used at [at, e) is a word inside a longer
 * capitalised phrase ("Early Childhood Education", "Overall Education
 * Funding" for the short name "Education" of the Department): a
 * capitalised word right before it, not one that leads a phrase ("The",
 * "Under"). A word after it may be a heading's ("Corps Topline"). Acronyms
 * are not checked ("the Acting HREOC"). */
static int inside_phrase(const post_ctx *c, const memo *m, size_t at)
{
    const char *t = c->text;
    int lower = 0;
    for (size_t k = 0; k < m->len; k++)
        lower |= m->name[k] >= 'a' && m->name[k] <= 'z';
    if (!lower || m->case_start != SIZE_MAX)
        return 0;
    if (at < 2 || t[at - 1] != ' ' || !post_word_byte((unsigned char)t[at - 2]))
        return 0;
    size_t w = at - 1;
    while (w > 0 && post_word_byte((unsigned char)t[w - 1]))
        w--;
    return post_upper_byte((unsigned char)t[w]) && !post_lead_word(t + w, at - 1 - w);
}

/* Second pass: tags a use (a person's name or an early word only where a
 * citation follows: "Hernandez, 582 U. S., at 3"). A case's short form
 * cited before the document names the case in full (an opinion's syllabus,
 * an excerpt) is tagged too, with the case's id. */
static int tag_use(post_ctx *c, memo *m, size_t at)
{
    size_t e = at + m->len;
    int cite = cited(c->text + e, c->len - e);
    /* a case's one-word short form before a capitalised word is part of
     * another name ("Boston Scientific" after Hughes v. Boston Sci. Corp.) */
    if (m->case_start != SIZE_MAX && !cite && !memchr(m->name, ' ', m->len) && e + 1 < c->len &&
        c->text[e] == ' ' && is_upper(c->text[e + 1]))
        return DOCTAG_OK;
    int early_cite = m->case_start != SIZE_MAX && cite && !post_case_continues(c->text, at);
    if (m->entry == UINT32_MAX || (at < m->from && !early_cite) ||
        ((m->person || m->early) && !cite) || post_taken(c, at, e) || inside_phrase(c, m, at))
        return DOCTAG_OK;
    return post_add_span(c, at, e, m->entry, m->src, m->src_len, 0);
}

/* The short title in brackets inside an instrument's name: "Surveillance
 * Legislation Amendment (Identify and Disrupt) Bill 2020" is also called
 * "Identify and Disrupt". Only a phrase: a bracketed acronym inside a name
 * ("International Productions Order (IPO) Bill") stands for the order. */
static int inner_titles(post_ctx *c, memo_list *memos)
{
    int rc = DOCTAG_OK;
    for (size_t i = 0; i < c->spans->n && rc == DOCTAG_OK; i++) {
        const span *s = &c->spans->items[i];
        if (s->end == s->start || c->m->entries[s->entry].type != DOCTAG_TYPE_INSTRUMENT)
            continue;
        const char *t = c->text + s->start, *open = memchr(t, '(', s->end - s->start);
        const char *name;
        size_t name_len;
        if (!open || open == t || open[-1] != ' ' ||
            !post_bracket_name(open - 1, (size_t)(c->text + s->end - open + 1), &name, &name_len) ||
            !memchr(name, ' ', name_len) || !post_valid_short(name, name_len) ||
            name + name_len + 2 > c->text + s->end)
            continue;
        rc = memo_push(memos, (memo){ name, name_len, t, s->end - s->start, s->entry, 0, SIZE_MAX, 0, 0 });
    }
    return rc;
}

int memory_pass(post_ctx *c)
{
    memo_list memos = { 0 };
    int rc = defined_after_blocks(c, &memos);
    if (rc == DOCTAG_OK) {
        drop_blocked_shorts(c, &memos);
        rc = defined_after_spans(c, &memos);
    }
    if (rc == DOCTAG_OK)
        rc = defined_by_shape(c, &memos);
    if (rc == DOCTAG_OK)
        rc = inner_titles(c, &memos);
    if (rc == DOCTAG_OK)
        rc = case_names(c, &memos);
    memo_index ix = { NULL, NULL, 0, { 0 } };
    if (rc == DOCTAG_OK && memos.n)
        rc = index_build(&ix, &memos);
    use_list uses = { NULL, 0, 0 };
    if (rc == DOCTAG_OK && memos.n)
        rc = find_uses(c, &memos, &ix, &uses);
    if (rc == DOCTAG_OK)
        rc = scan_uses(c, &memos, &uses, observe);
    if (rc == DOCTAG_OK)
        rc = scan_uses(c, &memos, &uses, tag_use);
    free(uses.items);
    free(ix.head);
    free(ix.next);
    memo_list_free(&memos);
    return rc == DOCTAG_ERR_NOMEM ? error_set(rc, "out of memory tagging") : rc;
}
