/*
 * post.h: second passes over a document's own spans, after match_text():
 * what one span tells about others in the same document.
 *   lists.c   a coordinated list after a citation gives one span per item
 *             ("resolutions 7/36 and 25/1", "42 U.S.C. 1981 and 1983")
 *   memory.c  a short name or acronym the document defines, and a case's
 *             short form, tagged wherever used later with the same id
 *   caps.c    headings in capitals ("DEPARTMENT OF HOMELAND SECURITY")
 *   senses.c  the sense an acronym has where it stands: not the body when
 *             the document spells it otherwise ("flight control computer
 *             (FCC)") or it is part of a compound ("TF-IDF"); the treaty
 *             when it is ratified ("ratify the CED")
 *   post.c    the driver; an office title naming its holder is a person
 *             ("Attorney General Jane Doe"); a conventional year after a
 *             name ("Internal Revenue Code of 1986"); a state's prefix the
 *             dictionaries do not write ("U. S. Customs and Border
 *             Protection")
 * A span a pass adds may carry the text its canonical form is computed
 * from (the full name a short form stands for, the head of a list), since
 * its own surface does not hold it.
 */
#ifndef DOCTAG_POST_H
#define DOCTAG_POST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "match.h"

/* Runs the passes over `spans` (match_text()'s result for `text`, which
 * like match_text()'s is read up to text[len], its NUL; `blocked` its
 * block spans, or NULL, inside which no pass adds a span) and
 * leaves the final spans in document order. *canon_src gets an array of
 * spans->n strings (NULL: the span's own text), or NULL when none is set;
 * free it with post_free_src(). */
int post_pass(span_list *spans, char ***canon_src, const compiled_model *m,
              const match_index *ix, const span_list *blocked, const char *text, size_t len);

void post_free_src(char **canon_src, size_t n);

/* ---- internal to the passes ------------------------------------------- */

typedef struct post_add {
    span s;
    char *src;       /* the text to canonicalise, or NULL */
    int wins;        /* 1: replaces the first pass's spans it overlaps */
} post_add;

typedef struct post_ctx {
    const compiled_model *m;
    const match_index *ix;
    const char *text;
    size_t len;
    span_list *spans;        /* the first pass's spans, in order */
    const span_list *blocked; /* its block spans, in order (NULL: none) */
    post_add *adds;
    size_t n_adds, cap_adds;
    unsigned char *add_bits;  /* one bit a byte: covered by an added span */
    uint64_t *capitals;       /* one bit a byte: a capital starting a word */
    uint64_t *caps_words;     /* the same followed by another capital */
    size_t n_capital_words;   /* of each */
} post_ctx;

/* Adds a span [start, end) of `entry`; `src` (src_len bytes, may be NULL)
 * is copied. Returns DOCTAG_OK or DOCTAG_ERR_NOMEM. */
int post_add_span(post_ctx *c, size_t start, size_t end, uint32_t entry, const char *src,
                  size_t src_len, int wins);

/* 1 if [start, end) overlaps a first-pass span, a block span or an added one. */
int post_taken(const post_ctx *c, size_t start, size_t end);

/* The index of the first first-pass span ending after `pos`. */
size_t post_first_after(const post_ctx *c, size_t pos);

/* The length of the year or statute number after an instrument's name
 * that is part of it (", 2017", " of 1986", " 130 of 1998", " No. 9262",
 * " (No. 138)" after a year), or 0 (post.c). */
size_t post_name_tail(const post_ctx *c, const span *s);

/* 1 if the byte is part of a word (letter, digit, UTF-8 byte). */
static inline int post_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

/* 1 if the byte is a capital letter (A-Z). */
static inline int post_upper_byte(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The first bit set at or after `from` in a bitmap of post_ctx, or len. */
static inline size_t post_next_bit(const post_ctx *c, const uint64_t *bits, size_t from)
{
    size_t w = from >> 6;
    if (w >= c->n_capital_words)
        return c->len;
    uint64_t mask = bits[w] & (~0ull << (from & 63));
    while (!mask) {
        if (++w >= c->n_capital_words)
            return c->len;
        mask = bits[w];
    }
    return (w << 6) + (size_t)__builtin_ctzll(mask);
}

/* The first capital starting a word (no word byte before it) at or after
 * `from`, or len: "FISA", "Bivens", "DEPARTMENT", not "McCain". Found in
 * the bitmap post_pass() makes once for the passes that look for names. */
static inline size_t post_next_capital(const post_ctx *c, size_t from)
{
    return post_next_bit(c, c->capitals, from);
}

/* The same for two capitals starting a word: "DEPARTMENT", "UN". */
static inline size_t post_next_caps_word(const post_ctx *c, size_t from)
{
    return post_next_bit(c, c->caps_words, from);
}

/* A word of a fixed list with its length, so that a list is searched
 * without a strlen() per entry and a memcmp() only where the first byte
 * and the length agree. */
typedef struct post_str {
    const char *s;
    size_t n;
} post_str;

#define POST_STR(lit) { lit, sizeof lit - 1 }
#define POST_COUNT(list) (sizeof list / sizeof *list)

/* 1 if w (n bytes) is one of the list's words. */
static inline int post_str_is(const post_str *list, size_t count, const char *w, size_t n)
{
    for (size_t k = 0; k < count; k++)
        if (list[k].n == n && n && list[k].s[0] == w[0] && memcmp(w, list[k].s, n) == 0)
            return 1;
    return 0;
}

/* The length of the list's first word that s (n bytes) starts with, or 0. */
static inline size_t post_str_prefix(const post_str *list, size_t count, const char *s, size_t n)
{
    for (size_t k = 0; k < count; k++)
        if (n >= list[k].n && n && list[k].s[0] == s[0] && memcmp(s, list[k].s, list[k].n) == 0)
            return list[k].n;
    return 0;
}

/* 1 if the word w (n bytes) is a small joining word ("of", "and", "the"). */
int post_joiner(const char *w, size_t n);

/* Where the words before `end` whose initials spell the acronym's capitals
 * start (joiners skipped), or SIZE_MAX: "Independent National Security
 * Legislation Monitor" before "(INSLM)"; `fold` 1: the words may be in
 * lower case ("flight control computer (FCC)"). */
size_t post_initials_start(const char *t, size_t end, const char *acr, size_t acr_len, int fold);

/* The first entry of `type` whose canonical form is the matched text
 * (%name), or UINT32_MAX: what a name found by its shape is tagged as. */
uint32_t post_name_entry(const compiled_model *m, int type);

/* Makes the bitmaps post_next_capital() and post_next_caps_word() read
 * (capitals.c); DOCTAG_OK or DOCTAG_ERR_NOMEM. */
int post_find_capitals(post_ctx *c);

/* Short forms a document gives a name (shortnames.c): the length of one
 * defined in brackets at t ("(FISA)", "(the \"Refugee Convention\")"), or 0,
 * with the short form in *name, *name_len; the same or an alias (", also
 * known as TOLA"; *alias 1: the words say it is one, so it need not look
 * like the name); 1 if a short form may stand for a name (capitalised words
 * and joiners, at most six, not one generic word or a number); 1 if it
 * can stand for the full name (an acronym whose first letter starts a word
 * of it, or a phrase sharing a word with it); 1 if a word alone is an
 * anaphor ("the Convention") or starts a sentence. */
size_t post_bracket_name(const char *t, size_t n, const char **name, size_t *name_len);
size_t post_defined_name(const char *t, size_t n, const char **name, size_t *name_len,
                         int *alias);
int post_valid_short(const char *name, size_t n);
int post_related(const char *name, size_t n, const char *full, size_t full_n);
int post_generic_word(const char *w, size_t n);
/* 1 if the word leads a phrase without being part of a name after it
 * ("The", "Under", "Its", and the generic words). */
int post_lead_word(const char *w, size_t n);

int lists_pass(post_ctx *c);
int memory_pass(post_ctx *c);
int shortcites_pass(post_ctx *c);

/* 1 if a case name at t[at] continues one before it: the word before is
 * "v.", "re", "parte" or "rel." (across line breaks), or `at` starts a
 * paragraph (its start is out of sight). shortcites.c. */
int post_case_continues(const char *t, size_t at);
int caps_pass(post_ctx *c);
int senses_pass(post_ctx *c);

#endif
