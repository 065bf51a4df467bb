/* input.c: reading the doctag CLI's inputs and parsing their options. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
#include "sniff.h"
#include "vec.h"

/* Where the "%PDF-" magic may sit: PDF readers accept leading junk too. */
#define PDF_MAGIC_WINDOW 1024

/* The document name: the base name without its last extension. */
char *input_doc_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
    if (len == 0)
        return strdup("document");
    char *name = malloc(len + 1);
    if (name) {
        memcpy(name, base, len);
        name[len] = '\0';
    }
    return name;
}

/* Grows `buf` to hold all of `f` after its first `len` bytes; EFBIG past
 * `max` bytes. */
static int read_rest(FILE *f, char **buf, size_t *len, size_t *cap, size_t max)
{
    errno = 0;
    for (;;) {
        if (*len > max)
            return EFBIG;
        if (*len == *cap) {
            if (*cap > SIZE_MAX / 2)
                return EFBIG;
            if (!vec_reserve((void **)buf, cap, *cap + 1, 1))   /* doubles */
                return ENOMEM;
        }
        size_t n = fread(*buf + *len, 1, *cap - *len, f);
        *len += n;
        if (n == 0)
            return ferror(f) ? (errno ? errno : EIO) : 0;
    }
}

int input_read(const char *path, int pdf_by_path, size_t max, char **data, size_t *size,
               int *is_pdf)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return errno;

    size_t cap = 1 << 16, len = 0;
    struct stat st;
    memset(&st, 0, sizeof st);
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);   /* Linux opens a directory for reading; reading fails */
        return EISDIR;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < SIZE_MAX - 1)
        cap = (size_t)st.st_size + 1; /* +1: EOF is seen without a regrowth */
    if (cap < PDF_MAGIC_WINDOW)
        cap = PDF_MAGIC_WINDOW;

    char *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    if (!err) {
        /* The head first: a PDF file is left for the library to read. */
        errno = 0;
        len = fread(buf, 1, PDF_MAGIC_WINDOW, f);
        if (len < PDF_MAGIC_WINDOW && ferror(f))
            err = errno ? errno : EIO;
    }
    if (!err) {
        *is_pdf = input_is_pdf(buf, len);
        if (*is_pdf && pdf_by_path && !is_stdin && S_ISREG(st.st_mode) &&
            (unsigned long long)st.st_size > max) {
            err = EFBIG;
        } else if (*is_pdf && pdf_by_path && !is_stdin) {
            free(buf);
            buf = NULL;
            len = 0;
        } else if (len == PDF_MAGIC_WINDOW) {
            err = read_rest(f, &buf, &len, &cap, max);
        }
    }
    if (is_stdin)
        clearerr(stdin);
    else
        fclose(f);
    if (err) {
        free(buf);
        return err;
    }
    *data = buf;
    *size = len;
    return 0;
}

/* sniff.c decides: "%PDF-" past offset 0 counts only when no archive
 * signature is there (a tar of PDFs has one at byte 512). */
int input_is_pdf(const char *data, size_t size)
{
    return sniff_kind_of(data, size) == SNIFF_PDF;
}

/* A page number from 1 at *p (digits only, no sign or space) into *n; *p
 * moves past it. -1 when there is none or it is out of range. */
static int page_number(const char **p, long *n)
{
    char *end;
    if (**p < '0' || **p > '9')
        return -1;
    errno = 0;
    *n = strtol(*p, &end, 10);
    if (errno || *n < 1 || *n > INT_MAX)
        return -1;
    *p = end;
    return 0;
}

/* Parses A-B, N, A- or -B into 1-based inclusive bounds (0 = open end). */
int input_parse_pages(const char *s, doctag_pdf_options *opts)
{
    long first = 0, last = 0;
    const char *p = s;

    if (*p != '-') {
        if (page_number(&p, &first) != 0)
            return -1;
        if (*p == '\0')
            last = first;
    }
    if (*p == '-') {
        p++;
        if (*p != '\0') {
            if (page_number(&p, &last) != 0)
                return -1;
        } else if (first == 0) {
            return -1; /* "-" alone */
        }
    }
    if (*p != '\0' || (last && first > last))
        return -1;
    opts->first_page = (int)first;
    opts->last_page = (int)last;
    return 0;
}

/* --pdf-readers: "auto" (DOCTAG_PDF_READERS_AUTO) or a count from 1. */
int input_parse_readers(const char *s, doctag_pdf_options *opts)
{
    if (strcmp(s, "auto") == 0) {
        opts->readers = DOCTAG_PDF_READERS_AUTO;
        return 0;
    }
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || n < 1 || n > INT_MAX)
        return -1;
    opts->readers = (int)n;
    return 0;
}
