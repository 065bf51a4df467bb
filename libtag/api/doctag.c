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
#include "doctag_limits.h"
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

/* ---- model ------------------------------------------------------------ */

/* The limits a model holds its documents to. */
static doctag_limits effective_limits(const doctag_model_options *opts)
{
    return limits_resolve(opts && opts->version >= 2 ? opts->limits : NULL);
}

/* Every public way to a model ends here: the compiled model (pure data)
 * and the lookup tables matching derives from it are built once and owned
 * by the handle, so the handle is read-only from then on. Takes `compiled`
 * whatever happens. */
static int model_ready(doctag_model **out, compiled_model *compiled, int rc,
                       const doctag_model_options *opts)
{
    *out = NULL;
    doctag_model *h = NULL;
    if (rc == DOCTAG_OK && !(h = calloc(1, sizeof *h)))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory opening the model");
    if (rc == DOCTAG_OK)
        rc = match_index_build(&h->index, compiled);
    if (rc != DOCTAG_OK) {
        free(h);
        model_free(compiled);
        return rc;
    }
    h->compiled = compiled;
    h->limits = effective_limits(opts);
    *out = h;
    return DOCTAG_OK;
}

/* Parses one dictionary source held in memory: UTF-8 text (models/README.md),
 * so that every ID and canonical form made from it is valid UTF-8 too. */
static int parse_source(dict *d, const char *name, const char *src, size_t len)
{
    size_t bad = utf8_first_invalid(src, len);
    if (bad == (size_t)-1)
        return dict_parse(d, name, src, len);
    int line = 1;
    for (size_t i = 0; i < bad; i++)
        line += src[i] == '\n';
    return error_set(DOCTAG_ERR_UTF8, "%s:%d: invalid UTF-8 at byte %zu", name, line, bad);
}

static int parse_source_file(dict *d, const char *path)
{
    char *src;
    size_t len;
    int rc = file_read_all(path, &src, &len, LIMIT_MAX_INPUT_BYTES);
    if (rc != DOCTAG_OK)
        return rc;
    rc = parse_source(d, path, src, len);
    free(src);
    return rc;
}

static int compile_sources(compiled_model **out, const char *const *paths, size_t n)
{
    dict d = { 0 };
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < n; i++)
        rc = paths[i] ? parse_source_file(&d, paths[i])
                      : error_set(DOCTAG_ERR_ARG, "dictionary path %zu is NULL", i);
    if (rc == DOCTAG_OK)
        rc = model_compile_dict(out, &d);
    dict_free(&d);
    return rc;
}

/* Option structs are accepted in every version from 1 to the current one
 * (a program built against an older header keeps working). */
static int options_version_bad(const char *call, unsigned version, unsigned current)
{
    if (version >= 1 && version <= current)
        return 0;
    error_set(DOCTAG_ERR_ARG, "%s: unsupported options version %u", call, version);
    return 1;
}

static int model_options_bad(const char *call, const doctag_model_options *opts)
{
    if (!opts)
        return 0;
    if (options_version_bad(call, opts->version, DOCTAG_MODEL_OPTIONS_VERSION))
        return 1;
    if (opts->n_dictionaries && !opts->dictionaries) {
        error_set(DOCTAG_ERR_ARG, "%s: n_dictionaries %zu but no dictionaries", call,
                  opts->n_dictionaries);
        return 1;
    }
    if (opts->version >= 2 && opts->limits && options_version_bad(call, opts->limits->version,
                                                                  DOCTAG_LIMITS_VERSION))
        return 1;
    return 0;
}

/* Every entry ID of a model file is what a dictionary allows (it becomes a
 * canonical form): UTF-8, without a control character, ';' or tab. */
static int entry_ids_ok(const compiled_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_entries; i++) {
        const char *id = m->entries[i].id;
        size_t n = strlen(id);
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)id[k] < 0x20 || id[k] == 0x7f || id[k] == ';')
                n = 0;
        if (!n || utf8_first_invalid(id, n) != (size_t)-1)
            return error_set(DOCTAG_ERR_MODEL_FORMAT, "%s: damaged model file (entry %zu)", name,
                             i);
    }
    return DOCTAG_OK;
}

/* A model from the bytes of a model file (`trusted`: the built-in model, or
 * the caller said so), with the options' extra dictionaries merged in. */
static int model_from_bytes(doctag_model **out, const unsigned char *data, size_t len,
                            const char *name, int trusted, const doctag_model_options *opts)
{
    compiled_model *base = NULL;
    unsigned flags = opts ? opts->flags : 0;
    trusted = trusted || (flags & DOCTAG_MODEL_TRUSTED);
    int rc = model_deserialize(&base, data, len, name, trusted);
    if (rc == DOCTAG_OK && (rc = entry_ids_ok(base, name)) != DOCTAG_OK) {
        model_free(base);
        base = NULL;
    }
    if (rc != DOCTAG_OK || !opts || opts->n_dictionaries == 0)
        return model_ready(out, base, rc, opts);
    compiled_model *extra = NULL, *merged = NULL;
    rc = compile_sources(&extra, opts->dictionaries, opts->n_dictionaries);
    if (rc == DOCTAG_OK) {
        rc = model_merge(&merged, base, extra);   /* takes both */
    } else {
        model_free(extra);
        model_free(base);
    }
    return model_ready(out, merged, rc, opts);
}

DOCTAG_API int doctag_model_open(doctag_model **out, const char *path,
                                 const doctag_model_options *opts)
{
    error_clear();
    if (!out)
        return error_set(DOCTAG_ERR_ARG, "doctag_model_open: out is NULL");
    *out = NULL;
    if (model_options_bad("doctag_model_open", opts))
        return DOCTAG_ERR_ARG;
    if (!path)
        return model_from_bytes(out, model_default_data, model_default_data_size,
                                "<default model>", 1, opts);
    char *data;
    size_t len;
    int rc = file_read_all(path, &data, &len, effective_limits(opts).max_input_bytes);
    if (rc != DOCTAG_OK)
        return rc;
    rc = model_from_bytes(out, (const unsigned char *)data, len, path, 0, opts);
    free(data);
    return rc;
}

DOCTAG_API int doctag_model_open_buffer(doctag_model **out, const void *data, size_t size,
                                        const doctag_model_options *opts)
{
    error_clear();
    if (!out || (!data && size))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_open_buffer: NULL argument");
    *out = NULL;
    if (model_options_bad("doctag_model_open_buffer", opts))
        return DOCTAG_ERR_ARG;
    return model_from_bytes(out, data ? data : "", size, "<buffer>", 0, opts);
}

DOCTAG_API int doctag_model_compile(doctag_model **out, const char *const *source_paths, size_t n)
{
    error_clear();
    if (!out || (n && !source_paths))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_compile: NULL argument");
    compiled_model *compiled = NULL;
    int rc = compile_sources(&compiled, source_paths, n);
    return model_ready(out, compiled, rc, NULL);
}

DOCTAG_API int doctag_model_compile_buffer(doctag_model **out, const char *name,
                                           const char *source, size_t len)
{
    error_clear();
    if (!out || (!source && len))
        return error_set(DOCTAG_ERR_ARG, "doctag_model_compile_buffer: NULL argument");
    dict d = { 0 };
    compiled_model *compiled = NULL;
    int rc = parse_source(&d, name ? name : "<buffer>", source ? source : "", len);
    if (rc == DOCTAG_OK)
        rc = model_compile_dict(&compiled, &d);
    dict_free(&d);
    return model_ready(out, compiled, rc, NULL);
}

DOCTAG_API int doctag_model_save(const doctag_model *model, const char *path)
{
    error_clear();
    if (!model || !path)
        return error_set(DOCTAG_ERR_ARG, "doctag_model_save: NULL argument");
    unsigned char *data;
    size_t len;
    match_index_hold(model->index, 1);   /* no pattern is JIT-compiled meanwhile */
    int rc = model_serialize(model->compiled, &data, &len);
    match_index_hold(model->index, 0);
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

DOCTAG_API int doctag_model_serialize(const doctag_model *model, void **out, size_t *size)
{
    error_clear();
    if (!model || !out || !size)
        return error_set(DOCTAG_ERR_ARG, "doctag_model_serialize: NULL argument");
    *out = NULL;
    *size = 0;
    unsigned char *data;
    match_index_hold(model->index, 1);   /* no pattern is JIT-compiled meanwhile */
    int rc = model_serialize(model->compiled, &data, size);
    match_index_hold(model->index, 0);
    if (rc == DOCTAG_OK)
        *out = data;
    return rc;
}

DOCTAG_API void doctag_free(void *p)
{
    free(p);
}

DOCTAG_API size_t doctag_model_entry_count(const doctag_model *model)
{
    return model ? model->compiled->n_entries : 0;
}

DOCTAG_API size_t doctag_model_variant_count(const doctag_model *model)
{
    return model ? model->compiled->n_variants : 0;
}

DOCTAG_API void doctag_model_free(doctag_model *model)
{
    if (!model)
        return;
    match_index_free(model->index);
    model_free(model->compiled);
    free(model);
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

/* tag.h */
int pdf_options_bad(const char *call, const doctag_pdf_options *opts)
{
    if (!opts)
        return 0;
    if (options_version_bad(call, opts->version, DOCTAG_PDF_OPTIONS_VERSION))
        return 1;
    if (opts->first_page < 0 || opts->last_page < 0) {
        error_set(DOCTAG_ERR_ARG, "%s: negative page number", call);
        return 1;
    }
    if (opts->version >= 2 && opts->limits && options_version_bad(call, opts->limits->version,
                                                                  DOCTAG_LIMITS_VERSION))
        return 1;
    return 0;
}

/* tag.h */
doctag_pdf_options pdf_options_resolve(const doctag_pdf_options *opts, doctag_limits *limits)
{
    doctag_pdf_options o = DOCTAG_PDF_OPTIONS_INIT;
    if (opts) {
        o.password = opts->password;
        o.first_page = opts->first_page;
        o.last_page = opts->last_page;
        o.readers = opts->version >= 3 ? opts->readers : 0;
    }
    *limits = limits_resolve(opts && opts->version >= 2 ? opts->limits : NULL);
    o.limits = limits;
    return o;
}

static int doc_from_pdf(doctag_doc **out, const void *data, size_t size, const char *name,
                        const doctag_pdf_options *opts)
{
    extract_result r;
    memset(&r, 0, sizeof r);
    doctag_limits limits;
    doctag_pdf_options full = pdf_options_resolve(opts, &limits);
    int rc = extract_pdf(&r, data, size, name, &full);
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
    if (!out || (!data && size))
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_from_pdf_buffer: NULL argument");
    *out = NULL;
    if (pdf_options_bad("doctag_doc_from_pdf_buffer", opts))
        return DOCTAG_ERR_ARG;
    return doc_from_pdf(out, data, size, "<buffer>", opts);
}

DOCTAG_API int doctag_doc_from_pdf_file(doctag_doc **out, const char *path,
                                        const doctag_pdf_options *opts)
{
    error_clear();
    if (!out || !path)
        return error_set(DOCTAG_ERR_ARG, "doctag_doc_from_pdf_file: NULL argument");
    *out = NULL;
    if (pdf_options_bad("doctag_doc_from_pdf_file", opts))
        return DOCTAG_ERR_ARG;
    char *data;
    size_t len;
    doctag_limits limits;
    pdf_options_resolve(opts, &limits);
    int rc = file_read_all(path, &data, &len, limits.max_input_bytes);
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

DOCTAG_API int doctag_doc_page_range(const doctag_doc *doc, int *first, int *last)
{
    int ok = doc && doc->pdf;
    if (first)
        *first = ok ? doc->pdf->first_page : 0;
    if (last)
        *last = ok ? doc->pdf->last_page : 0;
    return ok ? DOCTAG_OK : error_set(DOCTAG_ERR_ARG, "doctag_doc_page_range: not a PDF document");
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
