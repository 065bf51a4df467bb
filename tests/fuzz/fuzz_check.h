/*
 * fuzz_check.h: what every fuzz target asserts of a tagging result: each
 * entity lies inside the text on UTF-8 character boundaries, in document
 * order without overlap, its surface is exactly text[start:end], its type
 * is known and its canonical form is "key=value(;key=value)*". A broken
 * invariant aborts, which libFuzzer reports as a crash.
 */
#ifndef DOCTAG_FUZZ_CHECK_H
#define DOCTAG_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctag.h"

#define FUZZ_CHECK(cond, ...)                                                \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "invariant broken: %s: ", #cond);                \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
            abort();                                                         \
        }                                                                    \
    } while (0)

static inline int fuzz_is_continuation(const char *text, size_t len, size_t i)
{
    return i < len && ((unsigned char)text[i] & 0xc0) == 0x80;
}

/* "key=value(;key=value)*": keys [a-z_]+, values non-empty, no control
 * characters anywhere. */
static inline int fuzz_canonical_ok(const char *c)
{
    const char *p = c;
    for (;;) {
        const char *k = p;
        while ((*p >= 'a' && *p <= 'z') || *p == '_')
            p++;
        if (p == k || *p != '=')
            return 0;
        const char *v = ++p;
        while (*p && *p != ';') {
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                return 0;
            p++;
        }
        if (p == v)
            return 0;
        if (!*p)
            return 1;
        p++;
    }
}

/* 1 if s is valid UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF). */
static inline int fuzz_utf8_ok(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        unsigned c = *s++, n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2
                               : c >= 0xf0 && c < 0xf5 ? 3 : 4;
        if (n == 4)
            return 0;
        unsigned cp = n ? c & (0x3f >> n) : c;
        for (unsigned k = 0; k < n; k++, s++) {
            if ((*s & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (*s & 0x3f);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
            return 0;
    }
    return 1;
}

static inline void fuzz_check_result(const doctag_result *r, const char *text, size_t len)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < doctag_result_count(r); i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        size_t s = doctag_entity_start(e), en = doctag_entity_end(e);
        const char *surface = doctag_entity_text(e);
        const char *canon = doctag_entity_canonical(e);
        FUZZ_CHECK(s < en && en <= len, "entity %zu at [%zu, %zu) in %zu bytes", i, s, en, len);
        FUZZ_CHECK(s >= prev_end, "entity %zu starts at %zu before %zu", i, s, prev_end);
        FUZZ_CHECK(!fuzz_is_continuation(text, len, s) && !fuzz_is_continuation(text, len, en),
                   "entity %zu [%zu, %zu) splits a character", i, s, en);
        FUZZ_CHECK(surface && strlen(surface) == en - s && memcmp(surface, text + s, en - s) == 0,
                   "entity %zu surface \"%s\" is not text[%zu:%zu]", i, surface ? surface : "",
                   s, en);
        FUZZ_CHECK(doctag_type_name(doctag_entity_type(e)) != NULL, "entity %zu type %d", i,
                   doctag_entity_type(e));
        FUZZ_CHECK(canon && fuzz_canonical_ok(canon) && fuzz_utf8_ok(canon),
                   "entity %zu canonical \"%s\"", i,
                   canon ? canon : "(null)");
        prev_end = en;
    }
}

/* A short report with an entity of every type, tagged by fuzz_dict's and
 * fuzz_model's models. */
static const char fuzz_sample[] =
    "In 2021 the U.S. Department of Homeland Security (DHS) paid $91.9 million under "
    "8 U.S.C. \xc2\xa7 1253(a)(1); see A/HRC/48/31 and the ICCPR. The Keep Washington "
    "Working Act, OHCHR and the European Union (EU) were cited at https://undocs.org/A/1.";

/* Tags fuzz_sample with a model the target made, checks the result and
 * frees both. */
static inline void fuzz_tag_sample(doctag_model *m)
{
    doctag_result *r = NULL;
    int rc = doctag_tag_text(&r, m, fuzz_sample, sizeof fuzz_sample - 1);
    FUZZ_CHECK(rc == DOCTAG_OK, "tagging: rc %d: %s", rc, doctag_last_error());
    fuzz_check_result(r, fuzz_sample, sizeof fuzz_sample - 1);
    doctag_result_free(r);
    doctag_model_free(m);
}

#endif
