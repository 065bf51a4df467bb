/* batch_job.h: one document of a batch, from its bytes to its output.
 *
 * batch_job_run() runs in a worker thread: it opens the document (text or
 * PDF), tags it with the shared model and writes its entities, either to
 * its own file in the output folder (under a temporary name, renamed when
 * complete) or into a memory buffer that the batch writes to the stream
 * in input order. Everything the manifest records is left in the job. */
#ifndef DOCTAG_CLI_BATCH_JOB_H
#define DOCTAG_CLI_BATCH_JOB_H

#include <stddef.h>

#include "doctag.h"
#include "manifest.h"
#include "output.h"
#include "sniff.h"

/* What every job of a batch shares (read-only while workers run). */
typedef struct batch_settings {
    const doctag_model *model;
    doctag_pdf_options pdf;
    output_format format;
    const char *out_dir;        /* one file per document, or NULL: a stream */
    int max_pages;              /* 0: no limit */
    int sync;                   /* fsync each output before its rename */
} batch_settings;

typedef struct batch_job {
    /* the input */
    char *id;
    char *path;                 /* a file to read, or NULL: data holds it */
    char *data;
    size_t len;
    sniff_kind kind;
    long long bytes, mtime;
    int skipped;                /* done in an earlier run: nothing to do */
    /* the outcome */
    manifest_status status;
    char *error;                /* NULL when tagged */
    char *warning;              /* e.g. pages without a text layer */
    int pages, pages_without_text;
    size_t entities[DOCTAG_TYPE_COUNT];
    double seconds;
    char *output;               /* the output file, relative to out_dir */
    long long output_bytes;
    char *stream;               /* stream mode: this document's lines */
    size_t stream_len;
} batch_job;

/* Tags the job's document; sets status, error and the rest. Thread-safe
 * (each call uses only its job and the shared, read-only settings). */
void batch_job_run(const batch_settings *s, batch_job *job);

/* The output file of document `id` relative to the output folder: the id
 * with '!' as '/' and the format's extension added
 * ("reports.zip!2019/a.pdf" -> "reports.zip/2019/a.pdf.jsonl"). Malloc'd. */
char *batch_job_output_name(const char *id, output_format format);

/* Sets the job's error (a copy of printf-style text) and its status. */
void batch_job_fail(batch_job *job, manifest_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

void batch_job_free(batch_job *job);

#endif
