/* error.h: error codes and the per-thread detailed message. Internal. */
#ifndef DOCTAG_ERROR_H
#define DOCTAG_ERROR_H

#include "doctag.h"

/* Sets the calling thread's detailed message (printf format) and returns
 * `code`, so that a failure reads: return error_set(DOCTAG_ERR_IO, ...). */
int error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Clears the calling thread's message; called on entry to public calls. */
void error_clear(void);

#endif
