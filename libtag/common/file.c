/* file.c: reading a whole file (see file.h). */
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "file.h"

int file_read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(DOCTAG_ERR_IO, "%s: cannot open", path);
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap + 1);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (!buf)
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading", path);
    if (err) {
        free(buf);
        return error_set(DOCTAG_ERR_IO, "%s: read error", path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return DOCTAG_OK;
}
