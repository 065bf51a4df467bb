/* caps.c: headings in capitals (see post.h). "DEPARTMENT OF HOMELAND
 * SECURITY" names the same body as "Department of Homeland Security": a
 * run of capitals is written in title case ("Department of Homeland
 * Security", short words in lower case, two-letter words such as "EU" as
 * they are) and matched again; what is found there, same length and same
 * place, is tagged in the heading. */
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

/* A byte a run of capitals may hold: no lower-case letter, no line break. */
static int run_byte(char c)
{
    return is_upper(c) || (c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '.' ||
           c == '\'' || c == '&' || c == '-' || c == '(' || c == ')' || c == '/';
}

/* 1 if w (n bytes) is a small word in capitals: OF, THE, AND, FOR, ON, IN,
 * TO, AT, BY, AN, A, OR, AGAINST, WITH (by length: most words of a
 * heading are compared with none). */
static int small_word(const char *w, size_t n)
{
    static const post_str two[] = { POST_STR("OF"), POST_STR("ON"), POST_STR("IN"),
        POST_STR("TO"), POST_STR("AT"), POST_STR("BY"), POST_STR("AN"), POST_STR("OR") };
    static const post_str three[] = { POST_STR("THE"), POST_STR("AND"), POST_STR("FOR") };
    switch (n) {
    case 1: return w[0] == 'A';
    case 2: return post_str_is(two, POST_COUNT(two), w, n);
    case 3: return post_str_is(three, POST_COUNT(three), w, n);
    case 4: return memcmp(w, "WITH", 4) == 0;
    case 7: return memcmp(w, "AGAINST", 7) == 0;
    default: return 0;
    }
}

/* Title case of t[0..n) into out; returns the number of words of at least
 * four letters (a run with none is a list of acronyms, not a name). */
static int title_case(char *out, const char *t, size_t n)
{
    int long_words = 0;
    size_t i = 0;
    while (i < n) {
        if (!is_upper(t[i])) {
            out[i] = t[i];
            i++;
            continue;
        }
        size_t w = i;
        while (i < n && is_upper(t[i]))
            i++;
        size_t len = i - w;
        int small = w > 0 && small_word(t + w, len);
        long_words += len >= 4;
        for (size_t k = w; k < i; k++)
            out[k] = (char)((len <= 2 && !small) || (k == w && !small) ? t[k] : t[k] + 32);
    }
    return long_words;
}

/* 1 if the title-cased name s (n bytes) may be taken from a heading: a
 * dictionary name, or an Act or Bill by its shape ("FURTHER CONTINUING
 * APPROPRIATIONS ACT, 2017"); other shapes ("BILLING CODE", "OFFICE OF
 * MANAGEMENT AND BUDGET WASHINGTON") read a heading's layout as a name. */
static int heading_name(const dict_entry *e, const char *s, size_t n)
{
    if (e->canon != CANON_NAME)
        return 1;
    while (n > 0 && (s[n - 1] == ',' || s[n - 1] == ' ' || (s[n - 1] >= '0' && s[n - 1] <= '9')))
        n--;
    return (n >= 4 && memcmp(s + n - 4, " Act", 4) == 0) ||
           (n >= 5 && memcmp(s + n - 5, " Bill", 5) == 0);
}

/* 1 if a first-pass span overlapping [start, end) is as long or longer. */
static int outdone(const post_ctx *c, size_t start, size_t end)
{
    for (size_t k = post_first_after(c, start); k < c->spans->n; k++) {
        const span *s = &c->spans->items[k];
        if (s->start >= end)
            break;
        if (s->end > start && s->end - s->start >= end - start)
            return 1;
    }
    return 0;
}

/* The runs of capitals of a document, title-cased one after another in one
 * buffer (a blank line between two), so that one match_text() call reads
 * them all. */
typedef struct caps_runs {
    char *buf;
    size_t len, cap;
    size_t *text_at, *buf_at, *n;   /* each run: where in the text, the buffer; length */
    size_t count, cap_runs, cap_b, cap_n;
} caps_runs;

static int add_run(caps_runs *r, const char *t, size_t start, size_t n)
{
    if (!vec_reserve((void **)&r->buf, &r->cap, r->len + n + 2, 1) ||
        !vec_reserve((void **)&r->text_at, &r->cap_runs, r->count + 1, sizeof *r->text_at) ||
        !vec_reserve((void **)&r->buf_at, &r->cap_b, r->count + 1, sizeof *r->buf_at) ||
        !vec_reserve((void **)&r->n, &r->cap_n, r->count + 1, sizeof *r->n))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    if (title_case(r->buf + r->len, t + start, n) == 0)
        return DOCTAG_OK;   /* acronyms only */
    r->text_at[r->count] = start;
    r->buf_at[r->count] = r->len;
    r->n[r->count++] = n;
    r->len += n;
    r->buf[r->len++] = '\n';
    r->buf[r->len++] = '\n';
    return DOCTAG_OK;
}

/* Adds what one match over the runs found inside one run. */
static int take_found(post_ctx *c, const caps_runs *r, const span_list *found)
{
    size_t run = 0;
    int rc = DOCTAG_OK;
    for (size_t k = 0; rc == DOCTAG_OK && k < found->n; k++) {
        const span *s = &found->items[k];
        while (run + 1 < r->count && r->buf_at[run + 1] <= s->start)
            run++;
        const char *b = r->buf + s->start;
        size_t n = s->end - s->start, at = r->text_at[run] + (s->start - r->buf_at[run]);
        int type = c->m->entries[s->entry].type;
        if (s->end > r->buf_at[run] + r->n[run] ||
            (type != DOCTAG_TYPE_AGENCY && type != DOCTAG_TYPE_INSTRUMENT) ||
            !memchr(b, ' ', n) || !heading_name(&c->m->entries[s->entry], b, n) ||
            outdone(c, at, at + n))
            continue;
        rc = post_add_span(c, at, at + n, s->entry, b, n, 1);
    }
    return rc;
}

static int match_runs(post_ctx *c, caps_runs *r)
{
    if (!r->count)
        return DOCTAG_OK;
    /* zeros after the text, as the normaliser's buffers have: the
     * candidate pass reads words a machine word at a time */
    if (!vec_reserve((void **)&r->buf, &r->cap, r->len + 16, 1))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory tagging");
    memset(r->buf + r->len, 0, 16);
    span_list found = { 0 };   /* match_text() reuses a list: start empty */
    /* a region skipped here is one of the piece's text, already reported
     * (or tagged) by the piece's own matching: not reported twice */
    int rc = match_text(&found, NULL, NULL, c->m, c->ix, r->buf, r->len);
    if (rc != DOCTAG_OK)
        return rc;
    rc = take_found(c, r, &found);
    span_list_free(&found);
    return rc;
}

/* A run worth matching: two or more words of capitals. */
static int heading_run(const char *t, size_t n)
{
    size_t words = 0;
    if (n > CAPS_RUN_MAX)
        return 0;
    for (size_t i = 0; i + 1 < n && words < 2; i++)
        if (is_upper(t[i]) && is_upper(t[i + 1]) && (i == 0 || !is_upper(t[i - 1])))
            words++;
    return words >= 2;
}

int caps_pass(post_ctx *c)
{
    const char *t = c->text;
    caps_runs runs = { 0 };
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && (i = post_next_caps_word(c, i)) < c->len;) {
        size_t e = i;   /* i: two capitals starting a word */
        while (e < c->len && run_byte(t[e]))
            e++;
        if (e < c->len && post_word_byte((unsigned char)t[e]))
            while (e > i && t[e - 1] != ' ')   /* a capital starting a word in lower case */
                e--;
        while (e > i && !post_word_byte((unsigned char)t[e - 1]) && t[e - 1] != ')' && t[e - 1] != '.')
            e--;
        if ((e == c->len || !post_word_byte((unsigned char)t[e])) && heading_run(t + i, e - i))
            rc = add_run(&runs, t, i, e - i);
        i = e > i ? e : i + 1;
    }
    if (rc == DOCTAG_OK)
        rc = match_runs(c, &runs);
    free(runs.buf);
    free(runs.text_at);
    free(runs.buf_at);
    free(runs.n);
    return rc;
}
