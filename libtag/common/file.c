/* file.c: reading a whole file (see file.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "error.h"
#include "file.h"
#include "vec.h"

/* Reads f to its end into *buf (grown with vec_reserve, always room for a
 * NUL), stopping past max bytes. Returns DOCTAG_OK or an error code. */
static int read_stream(FILE *f, const char *path, size_t max, char **buf, size_t *len)
{
    size_t cap = 0, n = 0, r;
    errno = 0;
    for (;;) {
        if (!vec_reserve((void **)buf, &cap, n + (1 << 16) + 1, 1))
            return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading", path);
        if ((r = fread(*buf + n, 1, cap - n - 1, f)) == 0)
            break;
        n += r;
        if (n > max)
            return error_set(DOCTAG_ERR_LIMIT_INPUT,
                             "%s: more than %zu bytes (the input limit)", path, max);
    }
    if (ferror(f))
        return error_set_errno(DOCTAG_ERR_IO, errno ? errno : EIO, "cannot read", path);
    (*buf)[n] = '\0';
    *len = n;
    return DOCTAG_OK;
}

int file_read_all(const char *path, char **out, size_t *len, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set_errno(DOCTAG_ERR_IO, errno, "cannot open", path);
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);   /* Linux opens a directory for reading; reading fails */
        return error_set_errno(DOCTAG_ERR_IO, EISDIR, "cannot open", path);
    }
    char *buf = NULL;
    size_t n = 0;
    int rc = read_stream(f, path, max, &buf, &n);
    fclose(f);
    if (rc != DOCTAG_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    *len = n;
    return DOCTAG_OK;
}
