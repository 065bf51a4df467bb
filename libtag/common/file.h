/* file.h: reading a whole file, with errors that name it. Internal. */
#ifndef DOCTAG_FILE_H
#define DOCTAG_FILE_H

#include <stddef.h>

/* Reads `path` into a malloc'd buffer (one spare byte after *len, set to
 * NUL). Returns DOCTAG_OK, or DOCTAG_ERR_NOMEM, or DOCTAG_ERR_IO with the
 * system's reason: "cannot open PATH: No such file or directory" (a
 * directory: EISDIR) and doctag_last_errno() set, or DOCTAG_ERR_LIMIT_INPUT
 * past `max` bytes (a device or a pipe that never ends). */
int file_read_all(const char *path, char **out, size_t *len, size_t max);

#endif
