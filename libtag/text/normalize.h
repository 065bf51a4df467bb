/*
 * normalize.h: text -> normalised text + a map back to the original offsets.
 *
 * What the tagger matches against: NFKC (per character, with utf8proc), so
 * ligatures and full-width forms become plain letters; soft hyphens and
 * zero-width characters removed; curly quotes -> ' and "; dash variants
 * (U+2010..U+2015, U+2212) -> '-'; superscript digits (footnote marks,
 * "Act¹⁴") -> a space, kept apart from the word; every run of whitespace
 * (including no-break and other Unicode spaces) -> one space, except that a
 * run holding two or more line breaks -> "\n" (a paragraph break, which no
 * entity crosses). A control character (NUL, C0 other than tab and line
 * ends, DEL, C1) is a separator: it counts as a paragraph break, so no
 * entity holds one and every surface is the bytes between its offsets.
 */
#ifndef DOCTAG_NORMALIZE_H
#define DOCTAG_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* One stretch of the output and the input it came from. Where out_len ==
 * in_len the bytes map one to one; otherwise the whole output stretch stands
 * for the whole input stretch (a replaced character). Bytes of the input
 * that no segment covers were removed. */
typedef struct offset_segment {
    size_t out_start, out_len;
    size_t in_start, in_len;
} offset_segment;

typedef struct offset_map {
    offset_segment *seg;
    size_t n, cap;
} offset_map;

typedef struct normalized_text {
    char *text;        /* NUL-terminated, then zeros to NORMALIZE_SLACK bytes */
    size_t len, cap;
    offset_map map;
} normalized_text;

/* Zero bytes kept after the text: pcre2's JIT reads whole words past the
 * end of a subject. */
#define NORMALIZE_SLACK 64

/* Normalises `len` bytes of UTF-8. Returns DOCTAG_OK, DOCTAG_ERR_NOMEM, or
 * DOCTAG_ERR_UTF8 with the byte offset of the first invalid sequence in
 * the thread's error message (and in *bad_offset if not NULL). */
int normalize_text(normalized_text *out, const char *in, size_t len, size_t *bad_offset);

/* The same for in[start, end), into `out` (zeroed once, then reused from
 * one call to the next: its buffers are kept and grown, never shrunk, so a
 * document tagged a piece at a time needs buffers of one piece's size).
 * The map's input offsets are offsets in `in`. On an error out keeps its
 * buffers (free them with normalized_text_free). */
int normalize_range(normalized_text *out, const char *in, size_t start, size_t end,
                    size_t *bad_offset);

void normalized_text_free(normalized_text *t);

/* Original offset of the start of output position `out_start`, and of the
 * exclusive end of a span ending at output position `out_end`. */
size_t offset_map_start(const offset_map *m, size_t out_start);
size_t offset_map_end(const offset_map *m, size_t out_end);

/* The same for positions visited in increasing order (entities in document
 * order): the cursor walks the segments forward instead of searching. */
typedef struct offset_cursor {
    const offset_map *map;
    size_t seg;
} offset_cursor;

size_t offset_cursor_start(offset_cursor *c, size_t out_start);
size_t offset_cursor_end(offset_cursor *c, size_t out_end);

/* The first invalid UTF-8 byte offset in s, or (size_t)-1 when valid. */
size_t utf8_first_invalid(const char *s, size_t len);

#endif
