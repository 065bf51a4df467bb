/* citetest.h: table-driven checks shared by the citation-grammar tests
 * (test_cite_*.c, test_lists.c, test_memory.c): a sentence must hold an
 * entity of a type with a surface and canonical id, or must not. */
#ifndef DOCTAG_CITETEST_H
#define DOCTAG_CITETEST_H

#include <stddef.h>

typedef struct cite_case {
    const char *text;      /* a real-style sentence */
    const char *surface;   /* the entity's text */
    const char *id;        /* its canonical "id=..." without "id=", or NULL: any */
} cite_case;

/* Each case's sentence has the entity of `type`; returns the failures
 * (each reported with cr_expect). */
int cite_expect_all(const char *type, const cite_case *cases, size_t n);

/* No case's sentence has an entity of `type` with that surface (id unused). */
int cite_expect_none(const char *type, const cite_case *cases, size_t n);

#define CITE_COUNT(a) (sizeof (a) / sizeof *(a))

#endif
