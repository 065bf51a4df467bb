/*
 * doctag.c: the public API (doctag.h), stringing the modules together:
 *   text or PDF (extract) -> normalised text + offset map (normalize)
 *   -> spans (match, with the model) -> entities (canonical), mapped back
 *   to the document's own offsets and, for PDFs, to page boxes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canonical.h"
#include "error.h"
#include "extract.h"
#include "file.h"
#include "match.h"
#include "model.h"
#include "normalize.h"
#include "tag.h"

/* The default model, compiled from models/ at build time (default_model.c). */
extern const unsigned char model_default_data[];
extern const size_t model_default_data_size;

DOCTAG_API const char *doctag_version(void)
{
    return DOCTAG_VERSION_STRING;
}

DOCTAG_API int doctag_version_number(void)
{
    return DOCTAG_VERSION_NUMBER;
}

DOCTAG_API const char *doctag_type_name(int type)
{
    static const char *const names[] = { "money", "un_symbol", "agency", "instrument" };
    return type >= 0 && type < DOCTAG_TYPE_COUNT ? names[type] : NULL;
}

/* ---- model ------------------------------------------------------------ */

/* Every public way to a model ends here: the lookup tables for matching
 * are built once, so the model is read-only from then on. */
static int model_ready(doctag_model **out, int rc)
{
    if (rc == DOCTAG_OK && (rc = match_index_build(*out)) != DOCTAG_OK) {
        model_free(*out);
        *out = NULL;
    }
    return rc;
}

static int compile_sources(doctag_model **out, const char *const *paths, size_t n)
{
    dict d = { 0 };
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < n; i++)
        rc = paths[i] ? dict_parse_file(&d, paths[i])
                      : error_set(DOCTAG_ERR_ARG, "dictionary path %zu is NULL", i);
    if (rc == DOCTAG_OK)
        rc = model_compile_dict(out, &d);
    dict_free(&d);
    return rc;
}

DOCTAG_API int doctag_model_open(doctag_model **out, const char *path,
                                 const doctag_model_options *opts)
{
    error_clear();
    if (!out)
        return error_set(DOCTAG_ERR_ARG, "doctag_model_open: out is NULL");
    *out = NULL;
    if (opts && (opts->version != DOCTAG_MODEL_OPTIONS_VERSION ||
                 (opts->n_dictionaries && !opts->dictionaries)))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_open: bad options (version %u)",
                         opts->version);
    doctag_model *base = NULL;
    int jit_names = !(opts && (opts->flags & DOCTAG_MODEL_FAST_LOAD));
    int rc;
    if (!path) {
        rc = model_deserialize(&base, model_default_data, model_default_data_size,
                               "<default model>", jit_names);
    } else {
        char *data;
        size_t len;
        rc = file_read_all(path, &data, &len);
        if (rc == DOCTAG_OK) {
            rc = model_deserialize(&base, (const unsigned char *)data, len, path, jit_names);
            free(data);
        }
    }
    if (rc != DOCTAG_OK || !opts || opts->n_dictionaries == 0) {
        *out = base;
        return model_ready(out, rc);
    }
    doctag_model *extra = NULL;
    rc = compile_sources(&extra, opts->dictionaries, opts->n_dictionaries);
    if (rc == DOCTAG_OK)
        rc = model_merge(out, base, extra, jit_names);
    model_free(extra);
    model_free(base);
    return model_ready(out, rc);
}

DOCTAG_API int doctag_model_compile(doctag_model **out, const char *const *source_paths, size_t n)
{
    error_clear();
    if (!out || (n && !source_paths))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_compile: NULL argument");
    *out = NULL;
    return model_ready(out, compile_sources(out, source_paths, n));
}

DOCTAG_API int doctag_model_compile_buffer(doctag_model **out, const char *name,
                                           const char *source, size_t len)
{
    error_clear();
    if (!out || (!source && len))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_compile_buffer: NULL argument");
    *out = NULL;
    dict d = { 0 };
    int rc = dict_parse(&d, name ? name : "<buffer>", source ? source : "", len);
    if (rc == DOCTAG_OK)
        rc = model_compile_dict(out, &d);
    dict_free(&d);
    return model_ready(out, rc);
}

DOCTAG_API int doctag_model_save(const doctag_model *model, const char *path)
{
    error_clear();
    if (!model || !path)
        return error_set(DOCTAG_ERR_ARG, "doctag_model_save: NULL argument");
    unsigned char *data;
    size_t len;
    int rc = model_serialize(model, &data, &len);
    if (rc != DOCTAG_OK)
        return rc;
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(data);
        return error_set_errno(DOCTAG_ERR_IO, errno, "cannot create", path);
    }
    errno = 0;
    int err = fwrite(data, 1, len, f) == len ? 0 : (errno ? errno : EIO);
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    free(data);
    return err ? error_set_errno(DOCTAG_ERR_IO, err, "cannot write", path) : DOCTAG_OK;
}

DOCTAG_API size_t doctag_model_entry_count(const doctag_model *model)
{
    return model ? model->n_variants : 0;
}

DOCTAG_API void doctag_model_free(doctag_model *model)
{
    model_free(model);
}

/* ---- documents -------------------------------------------------------- */

DOCTAG_API int doctag_doc_from_text(doctag_doc **out, const char *text, size_t len)
{
    error_clear();
    if (!out || (!text && len))
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_from_text: NULL argument");
    *out = NULL;
    size_t bad = utf8_first_invalid(text, len);
    if (bad != (size_t)-1)
        return error_set(DOCTAG_ERR_UTF8, "invalid UTF-8 at byte %zu", bad);
    doctag_doc *d = calloc(1, sizeof *d);
    char *copy = malloc(len + 1);
    if (!d || !copy) {
        free(d);
        free(copy);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory copying %zu bytes of text", len);
    }
    if (len)
        memcpy(copy, text, len);
    copy[len] = '\0';
    d->text = copy;
    d->len = len;
    *out = d;
    return DOCTAG_OK;
}

static int pdf_options_ok(const doctag_pdf_options *opts)
{
    return !opts || (opts->version == DOCTAG_PDF_OPTIONS_VERSION && opts->first_page >= 0 &&
                     opts->last_page >= 0);
}

static int doc_from_pdf(doctag_doc **out, const void *data, size_t size, const char *name,
                        const doctag_pdf_options *opts)
{
    extract_result r;
    memset(&r, 0, sizeof r);
    int rc = extract_pdf(&r, data, size, name, opts);
    if (rc != DOCTAG_OK)
        return rc;
    doctag_doc *d = calloc(1, sizeof *d);
    extract_result *pdf = malloc(sizeof *pdf);
    if (!d || !pdf) {
        free(d);
        free(pdf);
        extract_result_free(&r);
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory", name);
    }
    *pdf = r;
    d->text = pdf->text;
    d->len = pdf->len;
    d->pdf = pdf;
    *out = d;
    return DOCTAG_OK;
}

DOCTAG_API int doctag_doc_from_pdf_buffer(doctag_doc **out, const void *data, size_t size,
                                          const doctag_pdf_options *opts)
{
    error_clear();
    if (!out || (!data && size) || !pdf_options_ok(opts))
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_from_pdf_buffer: bad argument");
    *out = NULL;
    return doc_from_pdf(out, data, size, "<buffer>", opts);
}

DOCTAG_API int doctag_doc_from_pdf_file(doctag_doc **out, const char *path,
                                        const doctag_pdf_options *opts)
{
    error_clear();
    if (!out || !path || !pdf_options_ok(opts))
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_from_pdf_file: bad argument");
    *out = NULL;
    char *data;
    size_t len;
    int rc = file_read_all(path, &data, &len);
    if (rc != DOCTAG_OK)
        return rc;
    rc = doc_from_pdf(out, data, len, path, opts);
    free(data);
    return rc;
}

DOCTAG_API const char *doctag_doc_text(const doctag_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->len : 0;
    return doc ? doc->text : NULL;
}

DOCTAG_API int doctag_doc_page_count(const doctag_doc *doc)
{
    return doc && doc->pdf ? doc->pdf->n_pages : 0;
}

DOCTAG_API int doctag_doc_page_start(const doctag_doc *doc, int page, size_t *offset)
{
    error_clear();
    if (!doc || !offset)
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_page_start: NULL argument");
    const extract_result *pdf = doc->pdf;
    if (!pdf || page < pdf->first_page || page > pdf->last_page)
        return error_set(DOCTAG_ERR_PAGE_RANGE, "page %d was not read", page);
    *offset = doc->len;
    for (size_t i = 0; i < pdf->n_lines; i++) {   /* lines are in text order */
        if (pdf->lines[i].page >= page) {
            *offset = pdf->lines[i].start;
            break;
        }
    }
    return DOCTAG_OK;
}

DOCTAG_API int doctag_doc_pages_without_text(const doctag_doc *doc)
{
    if (!doc || !doc->pdf || !doc->pdf->page_has_text)
        return 0;
    int n = 0;   /* only the pages that were read */
    for (int p = doc->pdf->first_page; p >= 1 && p <= doc->pdf->last_page; p++)
        n += !doc->pdf->page_has_text[p - 1];
    return n;
}

DOCTAG_API int doctag_doc_page_has_text(const doctag_doc *doc, int page)
{
    if (!doc || !doc->pdf || !doc->pdf->page_has_text || page < 1 || page > doc->pdf->n_pages)
        return 0;
    return doc->pdf->page_has_text[page - 1];
}

DOCTAG_API void doctag_doc_free(doctag_doc *doc)
{
    if (!doc)
        return;
    if (doc->pdf) {
        extract_result_free(doc->pdf);   /* frees the text too */
        free(doc->pdf);
    } else {
        free(doc->text);
    }
    free(doc);
}
