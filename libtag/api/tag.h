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

/* ---- Tagging a PDF's text as it is extracted (tag.c) -------------------- */

/* The text is kept from the start of the piece being gathered (the pieces
 * of doctag_tag(), tag_piece_end(), so the entities are doctag_tag()'s):
 * once a piece is complete it is tagged and its entities handed to
 * on_entity (offsets in the whole text), and its text, lines and boxes
 * dropped, and on_tagged told where it ended. A nonzero return of a
 * callback stops the stream: it is put in *stop and the calls return
 * DOCTAG_ERR_INTERNAL. */
typedef struct tag_stream tag_stream;
typedef struct tag_stream_sink {
    doctag_entity_callback on_entity;   /* each entity of a piece, */
    doctag_tagged_callback on_tagged;   /* then the piece's end; either may be NULL */
    void *ctx;
    int *stop;                          /* gets a callback's nonzero return */
} tag_stream_sink;
int tag_stream_new(tag_stream **out, const doctag_model *model, const tag_stream_sink *sink);

/* Adds the next page (extract.h) and tags the pieces it completes.
 * Returns a doctag_error (DOCTAG_ERR_LIMIT_INPUT past the model's
 * max_input_bytes of text, DOCTAG_ERR_LIMIT_ENTITIES). */
int tag_stream_add(tag_stream *s, const extract_page *page);

/* Tags the rest, then hands the warnings to on_warning (may be NULL). */
int tag_stream_finish(tag_stream *s, doctag_warning_callback on_warning);
void tag_stream_free(tag_stream *s);

/* 1 if the caller's PDF options are bad (message set) (doctag.c). */
int pdf_options_bad(const char *call, const doctag_pdf_options *opts);

/* The caller's PDF options (NULL: the defaults) at the current version,
 * with the limits in force (`limits`) filled in: what the extractor reads
 * (doctag.c). */
doctag_pdf_options pdf_options_resolve(const doctag_pdf_options *opts, doctag_limits *limits);

/* The limits in force given the caller's (NULL: none): every field set,
 * the defaults where the caller's is 0 (limits.c). */
doctag_limits limits_resolve(const doctag_limits *given);

#endif
