/* document.c: an input of 'doctag tag' and 'doctag text' read and opened
 * as a document, each failure reported on stderr (see document.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "document.h"
#include "input.h"
#include "sniff.h"

/* "<stdin>" for "-", else the path. */
const char *document_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Scanned pages yield no text and so no entities: say so, as a warning. */
void document_warn_blank_pages(const char *path, int blank, int pages)
{
    if (blank > 0)
        fprintf(stderr, "doctag: %s: warning: %d of %d pages have no text layer "
                "(scanned pages need OCR)\n", document_display_name(path), blank, pages);
}

/* Only the requested pages count; the others were not extracted. */
void document_warn_pages_without_text(const char *path, const doctag_doc *doc,
                                      const doctag_pdf_options *opts)
{
    int count = doctag_doc_page_count(doc);
    int first = opts->first_page > 0 ? opts->first_page : 1;
    int last = opts->last_page > 0 && opts->last_page < count ? opts->last_page : count;
    int blank = 0;

    for (int page = first; page <= last; page++)
        if (!doctag_doc_page_has_text(doc, page))
            blank++;
    document_warn_blank_pages(path, blank, last - first + 1);
}

/* A PDF input streamed (doctag_stream_pdf_*): from data when it came from
 * stdin, else by path. */
int document_stream_pdf(const char *path, const char *data, size_t size,
                        const doctag_stream_options *opts)
{
    if (data)
        return doctag_stream_pdf_buffer(data, size, opts);
    return doctag_stream_pdf_file(path, opts);
}

/* Reads one input, reporting any failure on stderr: a text's bytes in
 * *data, a PDF's too when it comes from stdin (NULL otherwise: it is
 * opened by path). Returns 0 or -1. */
int document_read(const char *path, size_t max_bytes, char **data, size_t *size,
                  int *is_pdf)
{
    *data = NULL;
    *size = 0;
    int err = input_read(path, 1, max_bytes, data, size, is_pdf);
    if (err == EFBIG) {
        fprintf(stderr, "doctag: %s: %s: more than %zu bytes (--max-bytes)\n",
                document_display_name(path), doctag_strerror(DOCTAG_ERR_LIMIT_INPUT),
                max_bytes);
        return -1;
    }
    if (err) {
        /* as other tools say it: "cannot open report.pdf: No such file or directory" */
        int opening = err == ENOENT || err == EACCES || err == EISDIR || err == ENOTDIR;
        fprintf(stderr, "doctag: cannot %s %s: %s\n", opening ? "open" : "read",
                document_display_name(path), strerror(err));
        return -1;
    }
    sniff_kind kind = *is_pdf ? SNIFF_PDF : sniff_kind_of(*data, *size);
    if (kind == SNIFF_ARCHIVE || kind == SNIFF_COMPRESSED) {
        fprintf(stderr, "doctag: %s: an archive or compressed file: use 'doctag batch'\n",
                document_display_name(path));
        free(*data);
        *data = NULL;
        return -1;
    }
    if (*size == 0 && !*is_pdf) {
        /* no text, no entities: as doctag_tag_text() and Model.tag_text("")
         * give; said on stderr, as it is often a mistake upstream */
        fprintf(stderr, "doctag: %s: warning: the file is empty\n",
                document_display_name(path));
    }
    return 0;
}

/* The document of what document_read() read. Returns a doctag_error. */
int document_from_input(const char *path, const doctag_pdf_options *pdf_opts,
                        const char *data, size_t size, int is_pdf, doctag_doc **doc)
{
    if (!is_pdf)
        return doctag_doc_from_text(doc, data, size);
    if (data)
        return doctag_doc_from_pdf_buffer(doc, data, size, pdf_opts); /* stdin */
    return doctag_doc_from_pdf_file(doc, path, pdf_opts);
}

/* Opens one input as a document, reporting any failure on stderr.
 * Returns 0 or -1. */
int document_open(const char *path, const doctag_pdf_options *pdf_opts,
                  size_t max_bytes, doctag_doc **doc, int *is_pdf)
{
    char *data;
    size_t size;
    if (document_read(path, max_bytes, &data, &size, is_pdf) != 0)
        return -1;
    int rc = document_from_input(path, pdf_opts, data, size, *is_pdf, doc);
    if (rc != DOCTAG_OK)
        report_doctag_error(document_display_name(path), rc);
    free(data);
    if (rc != DOCTAG_OK)
        return -1;
    if (*is_pdf)
        document_warn_pages_without_text(path, *doc, pdf_opts);
    return 0;
}
