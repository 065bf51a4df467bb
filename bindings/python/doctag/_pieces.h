/*
 * _pieces.h: a PDF streamed by libdoctag (doctag_stream_pdf_file/_buffer)
 * on a thread of its own, its text and entities gathered into pieces and
 * handed over through a bounded queue, for _stream.c (internal).
 *
 * A piece is a stretch of the document's text as the library tags it
 * (on_tagged: about 256 KiB ending at a paragraph break, the last at the
 * text's end) with every entity in it, and the pages whose text it holds
 * (a page cut by a piece's end is in both pieces). Pure C over the public
 * API: the thread touches no Python object and never needs the GIL.
 */
#ifndef DOCTAG_PY_PIECES_H
#define DOCTAG_PY_PIECES_H

#include <stddef.h>

#include "doctag.h"

typedef struct piece_page {
    int page, has_text;
    size_t offset, len;          /* the page's text in the document's text */
} piece_page;

typedef struct piece_entity {
    int type, page;
    size_t start, end;           /* byte offsets in the document's text */
    size_t text_at, canonical_at;   /* NUL-terminated strings in the pool */
    size_t box_at, n_boxes;      /* in the boxes */
} piece_entity;

typedef struct piece {
    struct piece *next;          /* in the queue */
    size_t offset;               /* where `text` starts in the document's text */
    char *text;                  /* UTF-8, len bytes, not NUL-terminated */
    size_t len, cap_text;
    piece_page *pages;           /* in page order */
    size_t n_pages, cap_pages;
    piece_entity *entities;      /* in text order */
    size_t n_entities, cap_entities;
    char *pool;
    size_t pool_len, cap_pool;
    doctag_box *boxes;
    size_t n_boxes, cap_boxes;
    int page_count;              /* pages in the PDF */
} piece;

void piece_free(piece *p);

/* What to stream. path (a file), else data[0, size): either, and the
 * password, must outlive the stream; the limits are copied. */
typedef struct piece_source {
    const char *path;
    const void *data;
    size_t size;
    doctag_pdf_options pdf;
    doctag_limits limits;
    const doctag_model *model;   /* must outlive the stream */
    int window_pages;            /* 0: the library's default */
} piece_source;

typedef struct piece_stream piece_stream;

/* Starts the thread, at most max_queued pieces ahead of the reader.
 * Returns 0, or an errno value (nothing started). */
int piece_stream_start(piece_stream **out, const piece_source *src, size_t max_queued);

enum { PIECE_READY, PIECE_WAIT, PIECE_END };

/* Waits up to ms milliseconds for the next piece: PIECE_READY (*out is
 * the caller's, piece_free() it), PIECE_WAIT (none yet) or PIECE_END
 * (none will come: see piece_stream_result()). */
int piece_stream_next(piece_stream *s, int ms, piece **out);

/* After PIECE_END: the library's return (DOCTAG_OK or a doctag_error), its
 * message and errno as the thread had them (*message owned by s). */
int piece_stream_result(const piece_stream *s, const char **message, int *err);

/* After PIECE_END: the regions skipped (doctag_result_warning), owned by s. */
size_t piece_stream_warning_count(const piece_stream *s);
const char *piece_stream_warning(const piece_stream *s, size_t i);

/* Stops the thread at its next callback, waits for it, frees everything.
 * It may wait for the page poppler is reading: call it without the GIL. */
void piece_stream_free(piece_stream *s);

#endif
