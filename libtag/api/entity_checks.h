/* entity_checks.h: what a span must be to become an entity, whatever the
 * dictionary's patterns (a user's among them) matched. */
#ifndef DOCTAG_ENTITY_CHECKS_H
#define DOCTAG_ENTITY_CHECKS_H

#include <stddef.h>

#include "tag.h"

/* 1 if the span may be an entity: its normalised text (norm, norm_len
 * bytes) holds no paragraph break and not only spaces, and the document's
 * text [start, end) holds no control character (C0 but the blanks, DEL, C1
 * but NEL) and starts and ends on a character's first byte (matching is on
 * bytes: a caller's pattern may match half of one). */
int entity_text_ok(const doctag_doc *doc, const char *norm, size_t norm_len, size_t start,
                   size_t end);

#endif
