/* file.c: reading a whole file (see file.h). */
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "file.h"
#include "vec.h"

int file_read_all(const char *path, char **out, size_t *len, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(DOCTAG_ERR_IO, "%s: cannot open", path);
    size_t cap = 0, n = 0, r;
    char *buf = NULL;
    int rc = DOCTAG_OK;
    for (;;) {
        if (!vec_reserve((void **)&buf, &cap, n + (1 << 16) + 1, 1)) {
            rc = error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading", path);
            break;
        }
        if ((r = fread(buf + n, 1, cap - n - 1, f)) == 0)
            break;
        n += r;
        if (n > max) {
            rc = error_set(DOCTAG_ERR_LIMIT_INPUT, "%s: more than %zu bytes (the input limit)",
                           path, max);
            break;
        }
    }
    if (rc == DOCTAG_OK && ferror(f))
        rc = error_set(DOCTAG_ERR_IO, "%s: read error", path);
    fclose(f);
    if (rc != DOCTAG_OK) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return DOCTAG_OK;
}
