/* input.h: reading the doctag CLI's inputs and parsing their options.
 *
 * An input is a path or "-" (standard input), read whole and in binary; it
 * is a PDF when "%PDF-" occurs in its first 1024 bytes, text otherwise. */
#ifndef DOCTAG_CLI_INPUT_H
#define DOCTAG_CLI_INPUT_H

#include <stddef.h>

#include "doctag.h"

/* The document name of an input: its base name without the last extension
 * ("corpus/text/a.b.txt" -> "a.b"), "stdin" for "-". Malloc'd; NULL when
 * out of memory. */
char *input_doc_name(const char *path);

/* Reads all of `path` ("-": stdin) into *data (malloc'd, caller frees) and
 * its size into *size, and sets *is_pdf. With `pdf_by_path`, a PDF file
 * (not stdin) is only looked at: *data is NULL and the caller opens it by
 * path, so a large PDF is not held in memory twice. Returns 0 or errno:
 * EFBIG when the input holds more than `max` bytes (/dev/zero, a pipe that
 * never ends). */
int input_read(const char *path, int pdf_by_path, size_t max, char **data, size_t *size,
               int *is_pdf);

/* 1 if the "%PDF-" magic occurs in the first 1024 bytes, and at offset 0
 * if the data has an archive's signature (sniff.h). */
int input_is_pdf(const char *data, size_t size);

/* Parses a page range "A-B", "N", "A-" or "-B" (1-based, inclusive) into
 * opts->first_page / last_page (0 = open end). Returns 0, or -1 if `s` is
 * not a range. */
int input_parse_pages(const char *s, doctag_pdf_options *opts);

/* Parses --pdf-readers ("auto" or N >= 1) into opts->readers. Returns 0,
 * or -1 for anything else. */
int input_parse_readers(const char *s, doctag_pdf_options *opts);

#endif
