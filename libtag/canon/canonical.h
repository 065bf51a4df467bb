/*
 * canonical.h: matched span -> canonical form ("key=value;key=value"), as
 * GUIDELINES.md defines it for each type.
 */
#ifndef DOCTAG_CANONICAL_H
#define DOCTAG_CANONICAL_H

#include <stddef.h>
#include "dict.h"
#include "strbuf.h"

/* The canonical form of `surface` (normalised text, `len` bytes) matched by
 * entry `e`. Returns a malloc'd string, or NULL when out of memory. */
char *canonical_form(const dict_entry *e, const char *surface, size_t len);

/* The same, appended to `b` (no allocation but b's growth, no printf): how
 * a result builds all its canonical forms in one buffer. */
void canonical_append(strbuf *b, const dict_entry *e, const char *surface, size_t len);

/* 1 if e's canonical form is the same whatever the text (id=<its ID>):
 * a caller may then make it once and share it. */
int canonical_fixed(const dict_entry *e);

/* value=91900000;currency=USD, min=...;max=...;currency=..., qualifier=plus */
char *money_canonical(const char *surface, size_t len);
void money_append(strbuf *b, const char *surface, size_t len);

#endif
