/* pattern.c: compiling one dictionary pattern (see pattern.h). */
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "strbuf.h"

/* The lookahead a word list is looked for in (pattern.h says why only there). */
static const char *const list_starts[] = { "(?!(?:", "(?=(?:" };

static int is_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes the words of w[lo, hi) (sorted, unique, sharing their first d
 * letters) past those d letters, as one group matching exactly them. */
static void put_factored(strbuf *b, char **w, size_t lo, size_t hi, size_t d)
{
    if (hi - lo == 1) {
        sb_puts(b, w[lo] + d);
        return;
    }
    size_t common = 0;   /* the first and last share what all share */
    while (w[lo][d + common] && w[lo][d + common] == w[hi - 1][d + common])
        common++;
    sb_putn(b, w[lo] + d, common);
    d += common;
    int empty = w[lo][d] == '\0';   /* a word ends here: it sorts first */
    sb_puts(b, "(?:");
    for (size_t i = lo + (size_t)empty; i < hi;) {
        size_t j = i + 1;
        while (j < hi && w[j][d] == w[i][d])
            j++;
        if (i > lo + (size_t)empty)
            sb_putc(b, '|');
        sb_putc(b, w[i][d]);
        if (j - i > 1 || w[i][d + 1])
            put_factored(b, w, i, j, d + 1);
        i = j;
    }
    sb_puts(b, empty ? ")?" : ")");
}

/* The length of the word list at s ("Word|Word|...Word" before a ')'),
 * or 0 when what follows is not one (two words at least). */
static size_t list_length(const char *s, size_t *n_words)
{
    size_t i = 0;
    *n_words = 0;
    for (;;) {
        size_t start = i;
        while (is_letter(s[i]))
            i++;
        if (i == start)
            return 0;
        ++*n_words;
        if (s[i] == ')')
            return *n_words >= 2 ? i : 0;
        if (s[i] != '|')
            return 0;
        i++;
    }
}

/* Writes the word list of n words at s (len bytes) factored. Returns 0
 * when out of memory. */
static int put_list(strbuf *b, const char *s, size_t len, size_t n)
{
    char *copy = malloc(len + 1);
    char **w = malloc(n * sizeof *w);
    if (!copy || !w) {
        free(copy);
        free(w);
        return 0;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    size_t k = 0;
    w[k++] = copy;
    for (char *p = copy; *p; p++)
        if (*p == '|' && k < n) {
            *p = '\0';
            w[k++] = p + 1;
        }
    qsort(w, k, sizeof *w, by_string);
    size_t u = 0;   /* unique */
    for (size_t i = 0; i < k; i++)
        if (!u || strcmp(w[u - 1], w[i]) != 0)
            w[u++] = w[i];
    put_factored(b, w, 0, u, 0);
    free(w);
    free(copy);
    return 1;
}

/* The length of a word-list lookahead's opening at s, or 0. */
static size_t list_start(const char *s)
{
    for (size_t k = 0; k < sizeof list_starts / sizeof *list_starts; k++)
        if (strncmp(s, list_starts[k], strlen(list_starts[k])) == 0)
            return strlen(list_starts[k]);
    return 0;
}

char *pattern_factor_words(const char *src)
{
    strbuf b = { 0 };
    int in_class = 0;
    for (size_t i = 0; src[i];) {
        size_t open = in_class ? 0 : list_start(src + i), n_words, len;
        if (open && (len = list_length(src + i + open, &n_words)) > 0) {
            sb_putn(&b, src + i, open);
            if (!put_list(&b, src + i + open, len, n_words))
                b.failed = 1;
            i += open + len;
            continue;
        }
        size_t step = src[i] == '\\' && src[i + 1] ? 2 : 1;   /* an escape: both bytes */
        if (src[i] == '[' && !in_class) {   /* "[]...]" and "[^]...]" hold a ']' */
            in_class = 1;
            step += src[i + 1] == '^';
            step += src[i + step] == ']';
        } else if (src[i] == ']' && in_class) {
            in_class = 0;
        }
        sb_putn(&b, src + i, step);
        i += step;
    }
    sb_putc(&b, '\0');
    return sb_take(&b);
}

pcre2_code *pattern_compile(const char *src, uint32_t options, int *errcode, size_t *erroffset)
{
    char *factored = pattern_factor_words(src);
    pcre2_code *code = NULL;
    PCRE2_SIZE off = 0;
    if (factored)
        code = pcre2_compile((PCRE2_SPTR)factored, PCRE2_ZERO_TERMINATED, options, errcode,
                             &off, NULL);
    free(factored);
    if (!code)   /* the error as the source has it (or no rewrite: no memory) */
        code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, options, errcode, &off,
                             NULL);
    *erroffset = off;
    return code;
}
