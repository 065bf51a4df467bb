/* pdftest.c: helpers shared by the PDF extraction tests (see pdftest.h). */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctag.h"
#include "pdftest.h"
#include "testutil.h"

char *path_of(const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

/* The text of a PDF through the public API (malloc'd). */
char *pdf_text(const char *path, const doctag_pdf_options *opts)
{
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_file(&doc, path, opts);
    cr_assert_eq(rc, DOCTAG_OK, "%s: %s (%s)", path, doctag_strerror(rc), doctag_last_error());
    char *t = strdup(doctag_doc_text(doc, NULL));
    doctag_doc_free(doc);
    return t;
}

/* A copy with each run of whitespace turned into one space, as the
 * normaliser will see it (malloc'd). */
char *collapse(const char *t)
{
    char *c = malloc(strlen(t) + 1), *o = c;
    for (; *t; t++)
        if (*t == ' ' || *t == '\n' || *t == '\t') {
            if (o > c && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = *t;
        }
    *o = '\0';
    return c;
}

size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}


/* ---- Word sequences and their longest common subsequence ----------------- */

typedef struct words {
    uint64_t *h;  /* one hash per word */
    size_t n;
} words;

/* Length of a superscript character (¹ ² ³ U+2070..U+207F) at s, else 0. */
static size_t superscript_len(const unsigned char *s)
{
    if (s[0] == 0xC2 && (s[1] == 0xB9 || s[1] == 0xB2 || s[1] == 0xB3))
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xB0 && s[2] <= 0xBF)
        return 3;
    return 0;
}

/* Length of a whitespace character at s (ASCII, no-break and the Unicode
 * spaces U+2000..U+200A, U+202F, U+3000), else 0. */
static size_t space_len(const unsigned char *s)
{
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Splits on whitespace; a run of superscripts is a word of its own, so that
 * "workforces.¹" and "workforces. ¹" compare equal. */
static words split_words(const char *text)
{
    words w = { malloc((strlen(text) / 2 + 2) * sizeof(uint64_t)), 0 };
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        size_t k;
        while ((k = space_len(s)) > 0)
            s += k;
        if (!*s)
            break;
        int sup = superscript_len(s) > 0;
        uint64_t h = 1469598103934665603ull;
        while (*s && !space_len(s)) {
            k = superscript_len(s);
            if ((k > 0) != sup)
                break;
            size_t step = k ? k : 1;
            for (size_t i = 0; i < step; i++)
                h = (h ^ s[i]) * 1099511628211ull;
            s += step;
        }
        w.h[w.n++] = h;
    }
    return w;
}

static size_t lcs(const words *a, const words *b)
{
    size_t *prev = calloc(b->n + 1, sizeof *prev), *cur = calloc(b->n + 1, sizeof *cur);
    for (size_t i = 1; i <= a->n; i++) {
        for (size_t j = 1; j <= b->n; j++)
            cur[j] = a->h[i - 1] == b->h[j - 1] ? prev[j - 1] + 1
                     : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t r = prev[b->n];
    free(prev);
    free(cur);
    return r;
}

/* Share of the words of `want` found, in order, in `got`. */
double word_match(const char *want, const char *got)
{
    words a = split_words(want), b = split_words(got);
    double r = a.n ? (double)lcs(&a, &b) / (double)a.n : 1.0;
    free(a.h);
    free(b.h);
    return r;
}

/* Asserts that the strings occur in `text` (whitespace collapsed) in this
 * order. */
void assert_in_order(const char *raw, const char *const *items, size_t n)
{
    char *text = collapse(raw);
    const char *at = text;
    for (size_t i = 0; i < n; i++) {
        const char *p = strstr(at, items[i]);
        cr_assert(p != NULL, "\"%s\" missing or out of order (after \"%s\")", items[i],
                  i ? items[i - 1] : "start");
        at = p + strlen(items[i]);
    }
    free(text);
}

/* Deterministic filler prose: paragraph i of n words from a vocabulary. */
void filler(char *out, size_t cap, const char *const *vocab, size_t nv, unsigned seed,
                   size_t n)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len + 32 < cap; i++) {
        seed = seed * 1103515245u + 12345u;
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? " " : "",
                                vocab[(seed >> 16) % nv]);
    }
}

char *reportlab_run(const char *script)
{
    if (access("/usr/bin/python3", X_OK) != 0
        || test_run("/usr/bin/python3 -c 'import reportlab' 2>/dev/null") != 0)
        cr_skip_test("ReportLab missing: apt-get install python3-reportlab");
    char *dir = test_tmpdir(), *py = path_of("%s/make.py", dir);
    FILE *f = fopen(py, "w");
    cr_assert_not_null(f);
    fputs(script, f);
    fclose(f);
    free(py);
    cr_assert_eq(test_run("cd '%s' && /usr/bin/python3 make.py", dir), 0, "reportlab failed");
    return dir;
}

FILE *pdflatex_open(const char *name, char **dir)
{
    if (!test_have_program("pdflatex"))
        cr_skip_test("pdflatex missing: apt-get install texlive-latex-base");
    *dir = test_tmpdir();
    char *path = path_of("%s/%s.tex", *dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    free(path);
    return f;
}

char *pdflatex_close(FILE *tex, const char *dir, const char *name)
{
    fclose(tex);
    cr_assert_eq(test_run("cd '%s' && pdflatex -interaction=batchmode %s.tex >/dev/null 2>&1",
                          dir, name), 0, "pdflatex failed");
    return path_of("%s/%s.pdf", dir, name);
}
