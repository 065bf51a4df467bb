/* file.c: reading a whole file (see file.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "error.h"
#include "file.h"

int file_read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set_errno(DOCTAG_ERR_IO, errno, "cannot open", path);
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);   /* Linux opens a directory for reading; reading fails */
        return error_set_errno(DOCTAG_ERR_IO, EISDIR, "cannot open", path);
    }
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap + 1);
    errno = 0;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (!buf)
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading", path);
    if (err) {
        free(buf);
        return error_set_errno(DOCTAG_ERR_IO, err, "cannot read", path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return DOCTAG_OK;
}
