/* tag.h: the objects behind the public handles, shared by doctag.c (model,
 * documents) and tag.c (tagging, results). Internal. */
#ifndef DOCTAG_TAG_H
#define DOCTAG_TAG_H

#include <stddef.h>
#include "doctag.h"
#include "extract.h"
#include "match.h"
#include "model.h"

/* The public model handle: the compiled model (pure data) and the lookup
 * tables matching derives from it, both built once when the handle is
 * opened and never changed afterwards. */
struct doctag_model {
    compiled_model *compiled;
    match_index *index;
    doctag_limits limits;          /* every field set (defaults filled in) */
};

struct doctag_doc {
    char *text;                    /* NUL-terminated UTF-8 */
    size_t len;
    extract_result *pdf;           /* PDFs only: positions, lines, pages; owns text */
};

struct doctag_entity {
    int type;
    char *text;                    /* the exact span of the document's text */
    size_t start, end;
    char *canonical;
    doctag_box *boxes;
    size_t n_boxes;
    /* while the result is built (its pool and boxes may still move):
     * where text and canonical start in the pool, boxes in the boxes */
    size_t text_at, canonical_at, box_at;
};

/* The entities point into the result's pool (every text and canonical
 * form, each ending in a NUL; a canonical form fixed by the entry, such
 * as "id=ICE", once for all the entities that have it) and box array:
 * three allocations in all,
 * and the warnings' strings. */
struct doctag_result {
    doctag_entity *items;
    size_t n;
    char *pool;
    doctag_box *boxes;
    size_t n_boxes;
    char **warnings;               /* regions skipped (doctag_result_warning) */
    size_t n_warnings;
};

/* Where the piece of a document's text starting at `start` ends: at the
 * first paragraph break (a line break, blanks, another line break)
 * LIMIT_TAG_PIECE bytes on or more, just after its first line break; the
 * end of the text (len) if none. The tagger normalises, matches and runs
 * the second passes a piece at a time (bench/bench_stages.c times them
 * the same way). */
size_t tag_piece_end(const char *text, size_t len, size_t start);

/* The limits in force given the caller's (NULL: none): every field set,
 * the defaults where the caller's is 0 (limits.c). */
doctag_limits limits_resolve(const doctag_limits *given);

#endif
