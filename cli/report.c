/* report.c: the doctag CLI's messages on stderr, in one shape:
 * "doctag: WHAT: <error>: <detail>" for a failure, and the usage errors
 * that point to 'doctag COMMAND --help'. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doctag.h"

/* "doctag: WHAT: <strerror>: <detail>". The detail is copied first: it is
 * only valid until the next doctag call, and doctag_strerror() is one. */
void report_doctag_error(const char *what, int code)
{
    const char *last = doctag_last_error();
    char *detail = strdup(last ? last : "");
    const char *name = doctag_strerror(code);

    if (detail && what[0] && strstr(detail, what))
        fprintf(stderr, "doctag: %s\n", detail);   /* the library named the file already */
    else if (detail && detail[0])
        fprintf(stderr, "doctag: %s: %s: %s\n", what, name, detail);
    else
        fprintf(stderr, "doctag: %s: %s\n", what, name);
    free(detail);
}

/* A failure of the CLI's own I/O, in the same shape. */
void report_io_error(const char *what, const char *detail, int err)
{
    fprintf(stderr, "doctag: %s: %s: %s%s%s\n", what, doctag_strerror(DOCTAG_ERR_IO),
            detail ? detail : "", detail ? ": " : "", strerror(err));
}

/* Points to the help; getopt_long has already named a bad option. */
int usage_hint(const char *command)
{
    fprintf(stderr, "Try 'doctag %s%s--help'.\n", command ? command : "",
            command ? " " : "");
    return EXIT_USAGE;
}

int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("doctag: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return usage_hint(command);
}
