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

/* Opens the job's document; 0, or -1 with the job failed. */
static int open_doc(const batch_settings *s, batch_job *job, doctag_doc **doc)
{
    int rc;
    if (job->kind == SNIFF_EMPTY || job->kind == SNIFF_BINARY) {
        batch_job_fail(job, MANIFEST_FAILED, "unsupported: %s", job->kind == SNIFF_EMPTY
                       ? "an empty file" : "not a PDF, an archive or UTF-8 text");
        return -1;
    }
    if (job->kind == SNIFF_PDF) {
        rc = job->path ? doctag_doc_from_pdf_file(doc, job->path, &s->pdf)
                       : doctag_doc_from_pdf_buffer(doc, job->data, job->len, &s->pdf);
    } else if (job->path) {
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

/* Page counts, the --max-pages limit and a warning for scanned pages. */
static int check_pages(const batch_settings *s, batch_job *job, const doctag_doc *doc)
{
    if (job->kind != SNIFF_PDF)
        return 0;
    job->pages = doctag_doc_page_count(doc);
    job->pages_without_text = doctag_doc_pages_without_text(doc);
    if (s->max_pages > 0 && job->pages > s->max_pages) {
        batch_job_fail(job, MANIFEST_FAILED, "%d pages, more than --max-pages %d",
                       job->pages, s->max_pages);
        return -1;
    }
    if (job->pages_without_text > 0 &&
        asprintf(&job->warning, "warning: %d pages have no text layer (scanned pages "
                 "need OCR)", job->pages_without_text) < 0)
        job->warning = NULL;
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

/* DIR/<output name>, written as DIR/<output name>.part and renamed. */
static void write_output_file(const batch_settings *s, batch_job *job,
                              const doctag_result *result)
{
    char *path = NULL, *tmp = NULL;
    int err = (job->output = batch_job_output_name(job->id, s->format)) ? 0 : ENOMEM;
    if (!err && (asprintf(&path, "%s/%s", s->out_dir, job->output) < 0 ||
                 asprintf(&tmp, "%s.part", path) < 0))
        err = ENOMEM;
    if (!err) {
        *strrchr(path, '/') = '\0';
        err = output_make_directories(path);
        path[strlen(path)] = '/';
    }
    FILE *f = err ? NULL : fopen(tmp, "wb");
    if (!err && !f)
        err = errno;
    if (f) {
        output_write_header(f, s->format);
        write_entities(s, f, job, result);
        err = finish_file(s, f, tmp, path);
    }
    struct stat st;
    if (!err)
        job->output_bytes = stat(path, &st) == 0 ? (long long)st.st_size : -1;
    else
        batch_job_fail(job, MANIFEST_ERROR, "cannot write %s: %s",
                       path ? path : job->output ? job->output : "output", strerror(err));
    free(path);
    free(tmp);
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

void batch_job_run(const batch_settings *s, batch_job *job)
{
    if (job->skipped || job->error)
        return;
    double start = progress_now();
    doctag_doc *doc = NULL;
    doctag_result *result = NULL;
    if (open_doc(s, job, &doc) == 0 && check_pages(s, job, doc) == 0) {
        int rc = doctag_tag(&result, s->model, doc);
        if (rc != DOCTAG_OK)
            fail_doctag(job, rc);
    }
    doctag_doc_free(doc);
    free(job->data);   /* the document's bytes are no longer needed */
    job->data = NULL;
    if (result) {
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
