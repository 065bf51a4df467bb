/* document.h: an input of 'doctag tag' and 'doctag text' (a path, or "-"
 * for stdin) read and opened as a document, each failure reported on
 * stderr in the CLI's shape (document.c). */
#ifndef DOCTAG_CLI_DOCUMENT_H
#define DOCTAG_CLI_DOCUMENT_H

#include <stddef.h>

#include "doctag.h"

/* How messages name an input: "<stdin>" for "-", else the path. */
const char *document_display_name(const char *path);

/* Reads one input, reporting any failure on stderr (too large, cannot be
 * opened or read, an archive): a text's bytes in *data (malloc'd, caller
 * frees), a PDF's too when it comes from stdin (NULL otherwise: it is
 * opened by path); *is_pdf says which. Warns of an empty text file.
 * Returns 0 or -1. */
int document_read(const char *path, size_t max_bytes, char **data, size_t *size,
                  int *is_pdf);

/* The document of what document_read() read. Returns a doctag_error;
 * reports nothing. */
int document_from_input(const char *path, const doctag_pdf_options *pdf_opts,
                        const char *data, size_t size, int is_pdf, doctag_doc **doc);

/* Warns on stderr when some of the requested pages of a PDF have no text
 * layer (scanned pages). */
void document_warn_pages_without_text(const char *path, const doctag_doc *doc,
                                      const doctag_pdf_options *opts);

/* The same warning, given the count of pages without text among the
 * `pages` pages read. */
void document_warn_blank_pages(const char *path, int blank, int pages);

/* Streams the PDF document_read() read (data from stdin, NULL: by path)
 * through opts' callbacks (doctag_stream_pdf_file / _buffer). Returns a
 * doctag_error or a callback's return; reports nothing. */
int document_stream_pdf(const char *path, const char *data, size_t size,
                        const doctag_stream_options *opts);

/* document_read() and document_from_input() in one, and the warning about
 * pages without text: *doc is the caller's to free. Returns 0, or -1 when
 * the failure has been reported. */
int document_open(const char *path, const doctag_pdf_options *pdf_opts,
                  size_t max_bytes, doctag_doc **doc, int *is_pdf);

#endif
