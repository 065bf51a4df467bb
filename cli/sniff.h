/* sniff.h: what a file is, from its first bytes, whatever its name.
 *
 * A PDF starts with "%PDF-" (readers tolerate leading junk, so the magic
 * is also looked for in the first SNIFF_WINDOW bytes, but only when no
 * archive signature is there: a tar of PDFs has "%PDF-" at byte 512).
 * Archives and compressed files are recognised by their signatures; what
 * is left is UTF-8 text if its head is valid UTF-8 without NUL bytes, and
 * unsupported otherwise (an image, an executable...): never tagged. */
#ifndef DOCTAG_CLI_SNIFF_H
#define DOCTAG_CLI_SNIFF_H

#include <stddef.h>

/* How many leading bytes sniff_kind() looks at (at most). */
#define SNIFF_WINDOW 1024

typedef enum sniff_kind {
    SNIFF_UNREAD,       /* not looked at (the file could not be read) */
    SNIFF_EMPTY,        /* no bytes */
    SNIFF_PDF,
    SNIFF_TEXT,         /* UTF-8 text (as far as the head shows) */
    SNIFF_ARCHIVE,      /* zip, tar, 7z, rar, cpio, ar, iso... */
    SNIFF_COMPRESSED,   /* gzip, bzip2, xz, zstd, lzip: maybe a tar inside */
    SNIFF_BINARY        /* none of these: unsupported */
} sniff_kind;

/* The kind of a file whose first `len` bytes are `head` (pass up to
 * SNIFF_WINDOW bytes; fewer only when the file is shorter). */
sniff_kind sniff_kind_of(const void *head, size_t len);

/* "pdf", "text", "archive", ... ("unread") for messages and the manifest. */
const char *sniff_kind_name(sniff_kind kind);

/* The one UTF-8 check of the CLI: the length of the well-formed sequence at
 * d[0..avail) (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF), 0 if malformed, or -1 if it is cut short by `avail`. A
 * NUL-terminated string may pass SIZE_MAX: a NUL is never a continuation
 * byte, so the check stops there. */
int utf8_length(const unsigned char *d, size_t avail);

#endif
