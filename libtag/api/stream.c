/*
 * stream.c: a PDF read, and tagged, a window of pages at a time
 * (doctag_stream_pdf_file / _buffer, doctag.h): the extractor's pages
 * (extract_pdf_stream) go to the caller's page callback and to the
 * tagger's stream (tag.h), whose entities go to the entity callback.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "extract.h"
#include "file.h"
#include "tag.h"

typedef struct pdf_stream {
    const doctag_stream_options *o;
    tag_stream *tagger;        /* NULL without a model */
    int stop;                  /* a callback's nonzero return */
} pdf_stream;

/* The extractor's sink: the page to the caller, then to the tagger. */
static int take_page(void *ctx, const extract_page *pg)
{
    pdf_stream *s = ctx;
    if (s->o->on_page) {
        size_t start = pg->n_lines ? pg->lines[0].start : pg->offset + pg->len;
        doctag_page_text pt = { pg->page, pg->page_count, pg->has_text, pg->text, pg->len,
                                pg->offset, start, pg->n_lines };
        int stop = s->o->on_page(s->o->ctx, &pt);
        if (stop) {
            s->stop = stop;
            return DOCTAG_ERR_INTERNAL;   /* replaced by stop */
        }
    }
    return s->tagger ? tag_stream_add(s->tagger, pg) : DOCTAG_OK;
}

static int stream_options_bad(const char *call, const doctag_stream_options *o)
{
    if (!o)
        return error_set(DOCTAG_ERR_ARG, "%s: NULL options", call);
    if (o->version < 1 || o->version > DOCTAG_STREAM_OPTIONS_VERSION)
        return error_set(DOCTAG_ERR_ARG, "%s: unsupported options version %u", call,
                         o->version);
    if (o->window_pages < 0 || o->window_pages == 1)
        return error_set(DOCTAG_ERR_ARG, "%s: window_pages %d (0, or 2 or more)", call,
                         o->window_pages);
    return pdf_options_bad(call, o->pdf) ? DOCTAG_ERR_ARG : DOCTAG_OK;
}

/* The stream of data[0, size) (checked options). */
static int stream_pdf(const void *data, size_t size, const char *name,
                      const doctag_stream_options *o)
{
    doctag_limits limits;
    doctag_pdf_options full = pdf_options_resolve(o->pdf, &limits);
    pdf_stream s = { o, NULL, 0 };
    tag_stream_sink sink = { o->on_entity, o->version >= 2 ? o->on_tagged : NULL, o->ctx,
                             &s.stop };
    int rc = o->model ? tag_stream_new(&s.tagger, o->model, &sink) : DOCTAG_OK;
    extract_result info;
    if (rc == DOCTAG_OK)
        rc = extract_pdf_stream(data, size, name, &full, (size_t)o->window_pages, take_page,
                                &s, &info);
    else
        memset(&info, 0, sizeof info);
    if (rc == DOCTAG_OK && s.tagger)
        rc = tag_stream_finish(s.tagger, o->on_warning);
    tag_stream_free(s.tagger);
    extract_result_free(&info);
    return s.stop ? s.stop : rc;
}

DOCTAG_API int doctag_stream_pdf_buffer(const void *data, size_t size,
                                        const doctag_stream_options *opts)
{
    error_clear();
    if (!data && size)
        return error_set(DOCTAG_ERR_ARG, "doctag_stream_pdf_buffer: NULL argument");
    int rc = stream_options_bad("doctag_stream_pdf_buffer", opts);
    return rc != DOCTAG_OK ? rc : stream_pdf(data ? data : "", size, "<buffer>", opts);
}

DOCTAG_API int doctag_stream_pdf_file(const char *path, const doctag_stream_options *opts)
{
    error_clear();
    if (!path)
        return error_set(DOCTAG_ERR_ARG, "doctag_stream_pdf_file: NULL argument");
    int rc = stream_options_bad("doctag_stream_pdf_file", opts);
    if (rc != DOCTAG_OK)
        return rc;
    doctag_limits limits;
    pdf_options_resolve(opts->pdf, &limits);
    char *data;
    size_t len;
    rc = file_read_all(path, &data, &len, limits.max_input_bytes);
    if (rc != DOCTAG_OK)
        return rc;
    rc = stream_pdf(data, len, path, opts);
    free(data);
    return rc;
}
