/* cli.h: what the doctag subcommands share (defined in doctag.c). */
#ifndef DOCTAG_CLI_CLI_H
#define DOCTAG_CLI_CLI_H

enum {
    EXIT_ALL_OK = 0,
    EXIT_INPUT_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_MODEL = 3
};

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

/* --types money,agency -> bit mask of doctag_type values; -1 if a name is
 * not a type. */
int parse_types(const char *list, unsigned *mask);

/* doctag highlight (highlight.c). */
int command_highlight(int argc, char **argv);

#endif
