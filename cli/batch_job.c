/* batch_job.c: one document of a batch, from its bytes to its output. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_job.h"
#include "input.h"
#include "progress.h"

void batch_job_fail(batch_job *job, manifest_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(job->error);
    if (vasprintf(&job->error, fmt, ap) < 0)
        job->error = NULL;
    va_end(ap);
    if (!job->error)
        job->error = strdup("out of memory");
    job->status = status;
}

/* The library's failure as "<what>: <detail>", without the file or
 * "<buffer>" the library put first (the batch names the document). */
static void fail_doctag(batch_job *job, int code)
{
    const char *detail = doctag_last_error(), *name = doctag_strerror(code);
    char *copy = strdup(detail ? detail : "");
    const char *d = copy ? copy : "";
    size_t n = job->path ? strlen(job->path) : 0;
    if (strncmp(d, "<buffer>: ", 10) == 0)
        d += 10;
    else if (n && strncmp(d, job->path, n) == 0 && strncmp(d + n, ": ", 2) == 0)
        d += n + 2;
    /* the machine's failures are worth a retry; the document's are not */
    manifest_status status = code == DOCTAG_ERR_IO || code == DOCTAG_ERR_NOMEM ||
                             code == DOCTAG_ERR_INTERNAL ? MANIFEST_ERROR : MANIFEST_FAILED;
    batch_job_fail(job, status, "%s", *d ? d : name);   /* the detail says what failed */
    free(copy);
}

/* Opens the job's text document; 0, or -1 with the job failed. */
static int open_doc(batch_job *job, doctag_doc **doc)
{
    int rc;
    if (job->kind == SNIFF_EMPTY || job->kind == SNIFF_BINARY) {
        batch_job_fail(job, MANIFEST_FAILED, "unsupported: %s", job->kind == SNIFF_EMPTY
                       ? "an empty file" : "not a PDF, an archive or UTF-8 text");
        return -1;
    }
    if (job->path) {
        char *text = NULL;
        size_t len = 0;
        /* sources.c has checked its size against --max-bytes */
        int is_pdf, err = input_read(job->path, 0, SIZE_MAX, &text, &len, &is_pdf);
        if (err) {
            batch_job_fail(job, MANIFEST_ERROR, "cannot read: %s", strerror(err));
            return -1;
        }
        rc = doctag_doc_from_text(doc, text, len);
        free(text);
    } else {
        rc = doctag_doc_from_text(doc, job->data, job->len);
    }
    if (rc != DOCTAG_OK) {
        fail_doctag(job, rc);
        return -1;
    }
    return 0;
}

static void write_entities(const batch_settings *s, FILE *f, const batch_job *job,
                           const doctag_result *result)
{
    size_t n = doctag_result_count(result);
    output_writer w;
    int whole =
        output_writer_open(&w, f, s->format, job->id, job->path, job->kind == SNIFF_PDF) == 0;
    for (size_t i = 0; i < n; i++) {
        if (whole)
            output_writer_entity(&w, doctag_result_entity(result, i));
        else   /* no memory for the writer's buffers: a row at a time */
            output_write_entity_of(f, s->format, job->id, job->path,
                                   doctag_result_entity(result, i), job->kind == SNIFF_PDF);
    }
    if (whole)
        output_writer_close(&w);
}

char *batch_job_output_name(const char *id, output_format format)
{
    const char *ext = output_format_extension(format);
    size_t n = strlen(id);
    char *name = malloc(n + strlen(ext) + 1);
    if (!name)
        return NULL;
    for (size_t i = 0; i < n; i++)
        name[i] = id[i] == '!' ? '/' : id[i];
    strcpy(name + n, ext);
    return name;
}

/* Closes `f`, the temporary file `tmp`, and renames it to `path`;
 * removes it on any failure. 0 or errno. */
static int finish_file(const batch_settings *s, FILE *f, const char *tmp, const char *path)
{
    int err = fflush(f) != 0 || ferror(f) ? (errno ? errno : EIO) : 0;
    if (!err && s->sync && fsync(fileno(f)) != 0)
        err = errno;
    if (fclose(f) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        remove(tmp);
    return err;
}

/* DIR/<output name>.part opened for writing (*f), its header written;
 * *path and *tmp malloc'd. Returns 0 or errno. */
static int open_output_file(const batch_settings *s, batch_job *job, char **path, char **tmp,
                            FILE **f)
{
    *path = *tmp = NULL;
    *f = NULL;
    int err = (job->output = batch_job_output_name(job->id, s->format)) ? 0 : ENOMEM;
    if (!err && (asprintf(path, "%s/%s", s->out_dir, job->output) < 0 ||
                 asprintf(tmp, "%s.part", *path) < 0)) {
        err = ENOMEM;
        free(*path);
        *path = *tmp = NULL;
    }
    if (!err) {
        *strrchr(*path, '/') = '\0';
        err = output_make_directories(*path);
        (*path)[strlen(*path)] = '/';
    }
    if (!err && !(*f = fopen(*tmp, "wb")))
        err = errno;
    if (*f)
        output_write_header(*f, s->format);
    return err;
}

/* Renames the output written to tmp into place, its size recorded; a
 * failed job's is removed (and no output recorded). `err`: opening failed.
 * Frees path and tmp. */
static void close_output_file(const batch_settings *s, batch_job *job, FILE *f, char *path,
                              char *tmp, int err)
{
    if (f && job->error) {
        fclose(f);
        remove(tmp);
        free(job->output);
        job->output = NULL;
    } else if (f) {
        err = finish_file(s, f, tmp, path);
    }
    struct stat st;
    if (!job->error && !err)
        job->output_bytes = stat(path, &st) == 0 ? (long long)st.st_size : -1;
    else if (!job->error)
        batch_job_fail(job, MANIFEST_ERROR, "cannot write %s: %s",
                       path ? path : job->output ? job->output : "output", strerror(err));
    free(path);
    free(tmp);
}

/* DIR/<output name>, written as DIR/<output name>.part and renamed. */
static void write_output_file(const batch_settings *s, batch_job *job,
                              const doctag_result *result)
{
    char *path, *tmp;
    FILE *f;
    int err = open_output_file(s, job, &path, &tmp, &f);
    if (f)
        write_entities(s, f, job, result);
    close_output_file(s, job, f, path, tmp, err);
}

static void write_stream(const batch_settings *s, batch_job *job, const doctag_result *result)
{
    FILE *f = open_memstream(&job->stream, &job->stream_len);
    if (!f) {
        batch_job_fail(job, MANIFEST_ERROR, "out of memory");
        return;
    }
    write_entities(s, f, job, result);
    if (fclose(f) != 0)
        batch_job_fail(job, MANIFEST_ERROR, "out of memory");
}

/* ---- PDFs: tagged as they are read ------------------------------------- */

/* A PDF's entities written as the stream hands them out
 * (doctag_stream_pdf_*): the memory is a window of pages, not the
 * document. */
typedef struct pdf_job {
    const batch_settings *s;
    batch_job *job;
    FILE *f;
    output_writer w;
    int whole;                 /* w is open */
} pdf_job;

/* Over --max-pages: the stream stops at the first page. */
#define OVER_MAX_PAGES 1

static int pdf_job_page(void *ctx, const doctag_page_text *page)
{
    pdf_job *p = ctx;
    p->job->pages = page->page_count;
    if (p->s->max_pages > 0 && page->page_count > p->s->max_pages)
        return OVER_MAX_PAGES;
    p->job->pages_without_text += !page->has_text;
    return 0;
}

static int pdf_job_entity(void *ctx, const doctag_entity *e)
{
    pdf_job *p = ctx;
    int t = doctag_entity_type(e);
    if (t >= 0 && t < DOCTAG_TYPE_COUNT)
        p->job->entities[t]++;
    if (p->whole)
        output_writer_entity(&p->w, e);
    else   /* no memory for the writer's buffers: a row at a time */
        output_write_entity_of(p->f, p->s->format, p->job->id, p->job->path, e, 1);
    return 0;
}

/* The job's outcome once its PDF went through the stream (rc). */
static void pdf_job_done(const batch_settings *s, batch_job *job, int rc)
{
    if (rc == OVER_MAX_PAGES)
        batch_job_fail(job, MANIFEST_FAILED, "%d pages, more than --max-pages %d",
                       job->pages, s->max_pages);
    else if (rc != DOCTAG_OK)
        fail_doctag(job, rc);
    else if (job->pages_without_text > 0 &&
             asprintf(&job->warning, "warning: %d pages have no text layer (scanned pages "
                      "need OCR)", job->pages_without_text) < 0)
        job->warning = NULL;
    if (job->error) {   /* what was counted before the failure does not count */
        memset(job->entities, 0, sizeof job->entities);
        job->pages_without_text = 0;
        job->pages = rc == OVER_MAX_PAGES ? job->pages : 0;
    }
}

/* Tags the job's PDF into f. */
static void stream_pdf(const batch_settings *s, batch_job *job, FILE *f)
{
    pdf_job p = { s, job, f, { 0 }, 0 };
    p.whole = output_writer_open(&p.w, f, s->format, job->id, job->path, 1) == 0;
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = &s->pdf;
    o.model = s->model;
    o.on_page = pdf_job_page;
    o.on_entity = pdf_job_entity;
    o.ctx = &p;
    int rc = job->path ? doctag_stream_pdf_file(job->path, &o)
                       : doctag_stream_pdf_buffer(job->data, job->len, &o);
    if (p.whole)
        output_writer_close(&p.w);
    pdf_job_done(s, job, rc);
}

/* A PDF into its output file, or into the job's stream buffer. */
static void run_pdf(const batch_settings *s, batch_job *job)
{
    if (s->out_dir) {
        char *path, *tmp;
        FILE *f;
        int err = open_output_file(s, job, &path, &tmp, &f);
        if (f)
            stream_pdf(s, job, f);
        close_output_file(s, job, f, path, tmp, err);
        return;
    }
    FILE *f = open_memstream(&job->stream, &job->stream_len);
    if (!f) {
        batch_job_fail(job, MANIFEST_ERROR, "out of memory");
        return;
    }
    stream_pdf(s, job, f);
    if (fclose(f) != 0 && !job->error)
        batch_job_fail(job, MANIFEST_ERROR, "out of memory");
    if (job->error) {
        free(job->stream);
        job->stream = NULL;
        job->stream_len = 0;
    }
}

/* A text: opened, tagged, then written. */
static void run_text(const batch_settings *s, batch_job *job)
{
    doctag_doc *doc = NULL;
    doctag_result *result = NULL;
    if (open_doc(job, &doc) == 0) {
        int rc = doctag_tag(&result, s->model, doc);
        if (rc != DOCTAG_OK)
            fail_doctag(job, rc);
    }
    doctag_doc_free(doc);
    free(job->data);   /* the document's bytes are no longer needed */
    job->data = NULL;
    if (!result)
        return;
    size_t n = doctag_result_count(result);
    for (size_t i = 0; i < n; i++) {
        int t = doctag_entity_type(doctag_result_entity(result, i));
        if (t >= 0 && t < DOCTAG_TYPE_COUNT)
            job->entities[t]++;
    }
    if (s->out_dir)
        write_output_file(s, job, result);
    else
        write_stream(s, job, result);
    doctag_result_free(result);
}

void batch_job_run(const batch_settings *s, batch_job *job)
{
    if (job->skipped || job->error)
        return;
    double start = progress_now();
    if (job->kind == SNIFF_PDF)
        run_pdf(s, job);
    else
        run_text(s, job);
    free(job->data);
    job->data = NULL;
    job->seconds = progress_now() - start;
}

void batch_job_free(batch_job *job)
{
    if (!job)
        return;
    free(job->id);
    free(job->path);
    free(job->data);
    free(job->error);
    free(job->warning);
    free(job->output);
    free(job->stream);
    free(job);
}
