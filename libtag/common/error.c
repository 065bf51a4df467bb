/* error.c: error names and the per-thread detailed message. */
/* The XSI strerror_r, not the GNU one the project's -D_GNU_SOURCE selects. */
#undef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* Thread-local, so that threads sharing a model never see each other's
 * messages; this is the library's only static storage and it is per thread. */
static _Thread_local char last_message[1024];
static _Thread_local int last_errno;

int error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    last_errno = 0;
    return code;
}

int error_set_errno(int code, int err, const char *what, const char *path)
{
    char reason[256];
    /* the XSI strerror_r (no _GNU_SOURCE here): thread-safe, fills reason */
    if (err == 0 || strerror_r(err, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", err);
    snprintf(last_message, sizeof last_message, "%s %s: %s", what, path, reason);
    last_errno = err;
    return code;
}

void error_clear(void)
{
    last_message[0] = '\0';
    last_errno = 0;
}

DOCTAG_API const char *doctag_last_error(void)
{
    return last_message;
}

DOCTAG_API int doctag_last_errno(void)
{
    return last_errno;
}

DOCTAG_API const char *doctag_strerror(int code)
{
    switch (code) {
    case DOCTAG_OK: return "success";
    case DOCTAG_ERR_NOMEM: return "out of memory";
    case DOCTAG_ERR_ARG: return "invalid argument";
    case DOCTAG_ERR_IO: return "input/output error";
    case DOCTAG_ERR_UTF8: return "invalid UTF-8";
    case DOCTAG_ERR_EMPTY: return "empty input";
    case DOCTAG_ERR_DICT_SYNTAX: return "malformed dictionary line";
    case DOCTAG_ERR_PATTERN: return "dictionary pattern does not compile";
    case DOCTAG_ERR_MODEL_FORMAT: return "not a compatible doctag model";
    case DOCTAG_ERR_NOT_PDF: return "not a PDF file";
    case DOCTAG_ERR_PDF_CORRUPT: return "damaged PDF";
    case DOCTAG_ERR_PDF_ENCRYPTED: return "encrypted PDF (password missing or wrong)";
    case DOCTAG_ERR_PDF_NO_PAGES: return "PDF has no pages";
    case DOCTAG_ERR_PDF_NO_TEXT: return "PDF has no text layer (scanned pages need OCR)";
    case DOCTAG_ERR_PAGE_RANGE: return "page range outside the document";
    case DOCTAG_ERR_UNSUPPORTED: return "not supported by this build";
    case DOCTAG_ERR_INTERNAL: return "internal error";
    case DOCTAG_ERR_PDF_LIMIT: return "PDF page over the time limit";
    case DOCTAG_ERR_LIMIT_INPUT: return "input too large (limit)";
    case DOCTAG_ERR_LIMIT_ENTITIES: return "too many entities in one document (limit)";
    default: return "unknown error";
    }
}
