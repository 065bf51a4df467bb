/* error.h: error codes and the per-thread detailed message. Internal. */
#ifndef DOCTAG_ERROR_H
#define DOCTAG_ERROR_H

#include "doctag.h"

/* Sets the calling thread's detailed message (printf format) and returns
 * `code`, so that a failure reads: return error_set(DOCTAG_ERR_IO, ...). */
int error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A failed system call on a file: sets the message "WHAT PATH: REASON"
 * ("cannot open report.pdf: No such file or directory", REASON being
 * strerror(err)) and the thread's errno for doctag_last_errno(); returns
 * `code`. error_set() and error_clear() reset that errno to 0. */
int error_set_errno(int code, int err, const char *what, const char *path);

/* Clears the calling thread's message; called on entry to public calls. */
void error_clear(void);

#endif
