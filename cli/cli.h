/* cli.h: what the doctag subcommands share: exit codes, messages on
 * stderr (report.c), option values (options.c), and the commands main()
 * in doctag.c dispatches to. */
#ifndef DOCTAG_CLI_CLI_H
#define DOCTAG_CLI_CLI_H

#include <stddef.h>

enum {
    EXIT_ALL_OK = 0,
    EXIT_INPUT_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_MODEL = 3
};

/* The help's "Exit status:" section (doctag.c), shared by the commands'
 * help. */
extern const char usage_exit_codes[];

/* ---- Messages (report.c) ----------------------------------------------- */

/* "doctag: WHAT: <strerror>: <detail>" for the calling thread's last
 * library error (the detail alone when it names WHAT already). */
void report_doctag_error(const char *what, int code);

/* "doctag: WHAT: input/output error: DETAIL: strerror(err)". */
void report_io_error(const char *what, const char *detail, int err);

/* Points to 'doctag COMMAND --help'; returns EXIT_USAGE. */
int usage_hint(const char *command);

/* "doctag: MESSAGE" and the hint; returns EXIT_USAGE. */
int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- Option values (options.c) ----------------------------------------- */

/* --types money,agency -> bit mask of doctag_type values; -1 if a name is
 * not a type. */
int parse_types(const char *list, unsigned *mask);

/* A positive count (--max-bytes, --max-entities) in *out. Returns 0, or -1
 * for anything else (0, a sign, trailing text, out of range). */
int parse_positive_size(const char *s, size_t *out);

/* A positive int (--max-pages, --page-ms) in *out. Returns 0 or -1. */
int parse_positive_int(const char *s, int *out);

/* ---- Commands ------------------------------------------------------------ */

/* Each takes the command's argv (argv[0] "doctag COMMAND") and returns the
 * exit status. */
int command_tag(int argc, char **argv);       /* tag.c */
int command_text(int argc, char **argv);      /* text.c */
int command_compile(int argc, char **argv);   /* compile.c */
int command_highlight(int argc, char **argv); /* highlight.c */

#endif
