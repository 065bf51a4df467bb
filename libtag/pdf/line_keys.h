/*
 * line_keys.h: a line's text as the running-line step (furniture.c)
 * compares it, and the lines that are furniture by their text alone.
 * Internal to furniture.c.
 */
#ifndef DOCTAG_LINE_KEYS_H
#define DOCTAG_LINE_KEYS_H

#include <stddef.h>

#include "layout.h"

/* Writes to key the line's text lower-cased (ASCII), runs of spaces as one
 * and, if `mask`, each run of digits as one '#': "Page 12 of 40" ->
 * "page # of #". key must hold LIMIT_PDF_KEY_MAX bytes; returns the length
 * written (no NUL). */
size_t line_key(const layout_line *l, const layout_glyph *g, int mask, char *key);

/* Whether a masked key is a page number and nothing else: "#", "page # of
 * #", "- # -", "[#]", a lower-case roman numeral, ... */
int line_is_page_number(const char *key, size_t n);

/* Whether the line is a rule drawn with characters: three or more
 * underscores, dashes or box-drawing lines and nothing else but spaces. */
int line_is_rule(const layout_line *l, const layout_glyph *g);

#endif
