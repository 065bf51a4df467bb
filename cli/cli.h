/* cli.h: what the doctag subcommands share: exit codes, messages on
 * stderr (report.c), option values (options.h), and the commands main()
 * in doctag.c dispatches to. */
#ifndef DOCTAG_CLI_CLI_H
#define DOCTAG_CLI_CLI_H

#include <stddef.h>

#include "options.h"

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

/* ---- Option values: options.h ------------------------------------------ */

/* A limit option of `command` (limit_option()), or an option getopt_long
 * did not know (then it has said so): EXIT_ALL_OK, or EXIT_USAGE with the
 * message and the hint on stderr (options.c). */
int command_limit_option(const char *command, int c, const char *arg, doctag_limits *limits);

/* ---- Commands ------------------------------------------------------------ */

/* Each takes the command's argv (argv[0] "doctag COMMAND") and returns the
 * exit status. */
int command_tag(int argc, char **argv);       /* tag.c */
int command_text(int argc, char **argv);      /* text.c */
int command_compile(int argc, char **argv);   /* compile.c */
int command_highlight(int argc, char **argv); /* highlight.c */

#endif
