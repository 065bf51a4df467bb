/* manifest.h: a batch's record of every document, and what makes a batch
 * resumable.
 *
 * DIR/manifest.jsonl holds one JSON object a line per document processed:
 *   {"doc": ID, "status": "ok"|"failed"|"error", "kind": "pdf"|"text"|...,
 *    "bytes": N, "mtime": N, "pages": N, "pages_without_text": N,
 *    "entities": {"money": N, "un_symbol": N, "agency": N, "instrument": N},
 *    "output": "PATH"|null, "output_bytes": N, "seconds": S,
 *    "error": MSG|null, "config": HEX}
 * "failed": the document itself cannot be tagged (damaged, encrypted,
 * image-only, unsupported, over a limit): the same input fails again.
 * "error": a failure of the machine (I/O, memory): worth another try.
 *
 * Each record is appended with one write(2) once the document's output is
 * complete (written under a temporary name and renamed), so a process
 * killed at any point leaves only whole records, each naming a complete
 * output. A later run reads the records (the last one for a document
 * wins) and passes by the documents done with the same input (bytes and
 * mtime) and the same settings (config). */
#ifndef DOCTAG_CLI_MANIFEST_H
#define DOCTAG_CLI_MANIFEST_H

#include <stdio.h>

#include "doctag.h"

typedef enum manifest_status {
    MANIFEST_OK,
    MANIFEST_FAILED,
    MANIFEST_ERROR
} manifest_status;

/* One document's record, as written. Strings may be NULL. */
typedef struct manifest_record {
    const char *doc;
    manifest_status status;
    const char *kind;
    long long bytes, mtime;
    int pages, pages_without_text;
    size_t entities[DOCTAG_TYPE_COUNT];
    const char *output;         /* relative to the manifest's folder */
    long long output_bytes;
    double seconds;
    const char *error;
    const char *config;
} manifest_record;

/* What a run knows of a document: from an earlier run's last record, and
 * whether this run has met its id already. */
typedef struct manifest_entry {
    char *doc;
    char *output;
    char *config;
    char *error;
    long long bytes, mtime, output_bytes;
    manifest_status status;
    int has_record;             /* an earlier record was read */
    int seen;                   /* met in this run */
    long offset;                /* of its last record in the file */
} manifest_entry;

typedef struct manifest {
    int fd;                     /* the file, open for appending; -1: none */
    char *path;
    int sync;                   /* fdatasync after each record */
    manifest_entry *slots;      /* open addressing on the doc id */
    size_t cap, count;
    size_t superseded;          /* records overwritten by later ones */
} manifest;

/* Opens (creating it if needed) and reads the manifest at `path`, and
 * locks it: two batches cannot write one directory. `path` NULL: no file,
 * only the index of ids met (to catch duplicate ids). Returns 0 or an
 * errno value (EWOULDBLOCK: locked by another process). */
int manifest_open(manifest *m, const char *path, int sync);

/* The entry of `doc`, created if new (NULL when out of memory). */
manifest_entry *manifest_entry_of(manifest *m, const char *doc);

/* Appends one record (a whole line, one write). Returns 0 or errno. */
int manifest_append(manifest *m, const manifest_record *r);

/* Writes a record as one JSON line. */
void manifest_write_record(FILE *f, const manifest_record *r);

/* Rewrites the file with only the last record of each document (after a
 * run that redid documents), through a temporary file and a rename. */
int manifest_compact(manifest *m);

void manifest_close(manifest *m);

const char *manifest_status_name(manifest_status s);

#endif
