/* sources.h: the documents in a batch's inputs.
 *
 * An input is a file, a directory (walked recursively, entries in byte
 * order of their names so a batch always runs in the same order) or an
 * archive read in place with libarchive: zip, tar, tar.gz/.tgz, tar.xz,
 * tar.bz2, 7z, cpio..., a single compressed file (report.pdf.gz) and an
 * archive inside an archive. What a file is comes from its content
 * (sniff.h), never from its name.
 *
 * "-" is standard input, streamed through libarchive: an archive (not 7z,
 * which needs to seek), a compressed file or one document, id "stdin".
 *
 * Each document gets an id that is unique within the inputs and stable
 * from run to run: the input's base name, then the path below it, with
 * '!' where a path enters an archive:
 *     corpus/2019/a.pdf     reports.zip!2019/a.pdf     notes.txt.gz
 * Names starting with '.' (and macOS's __MACOSX folders) are left out.
 *
 * Memory stays bounded whatever the archive: one member at a time is read
 * into memory (at most max_bytes), and only when the caller wants it. */
#ifndef DOCTAG_CLI_SOURCES_H
#define DOCTAG_CLI_SOURCES_H

#include <stddef.h>

#include "sniff.h"

typedef struct source_doc {
    const char *id;       /* see above; borrowed for the callback's duration */
    const char *path;     /* a file on disk to read, or NULL (archive member) */
    char *data;           /* an archive member's bytes (malloc'd, NUL-terminated);
                             the callback may keep them by setting data to NULL */
    size_t len;
    long long size;       /* the size in bytes; -1 if the archive does not say */
    long long mtime;      /* modification time, seconds since the epoch */
    sniff_kind kind;      /* what the content is (unset when counting) */
    const char *error;    /* non-NULL: the document cannot be read, and why */
    int io_error;         /* the error is the machine's (a file that cannot be
                             opened or read), not the document's: worth a retry */
} source_doc;

typedef struct sources_options {
    const char *const *globs;     /* take only documents whose name matches one */
    size_t n_globs;               /* (fnmatch; none: every document) */
    const char *const *excludes;  /* leave out files, folders and members */
    size_t n_excludes;            /* whose name or id matches one */
    long long max_bytes;          /* larger documents fail unread; 0: no limit */
    int count_only;               /* only list: no member is read or sniffed */
    const char *skip_dir;         /* a folder never walked into (the batch's own
                                     output folder), or NULL */
} sources_options;

/* Called for each document before its bytes are read (doc->data NULL):
 * return 1 to pass it by unread (e.g. done in an earlier run), 0 to read
 * it. Not called for documents that fail before that point. */
typedef int (*sources_skip_fn)(void *ctx, const source_doc *doc);

/* Called for each document read, and for each one that cannot be
 * (doc->error set): an unreadable file, a damaged archive, a document over
 * max_bytes, an unsupported file. Return 0 to go on, non-zero to stop. */
typedef int (*sources_take_fn)(void *ctx, source_doc *doc);

/* Walks `inputs` in order. `skip` may be NULL. Returns 0, or what `take`
 * returned to stop the walk, or an errno value when out of memory. */
int sources_walk(char *const *inputs, int n, const sources_options *opts,
                 sources_skip_fn skip, sources_take_fn take, void *ctx);

#endif
