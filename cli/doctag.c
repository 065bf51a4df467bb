/* doctag.c: the doctag command-line tool, for batch pipelines.
 *
 *   doctag tag [options] FILE...     entities as JSON Lines, TSV or CSV
 *   doctag text [options] FILE...    the text the tagger sees
 *   doctag highlight [options] PDF   a copy of the PDF, entities highlighted
 *   doctag compile -o OUT SOURCE...  dictionary sources -> model file
 *
 * Only the public API (doctag.h) is used, and the library's growable-array
 * helper (common/vec.c, compiled in: it has no state). An input is a PDF when "%PDF-"
 * occurs in its first 1024 bytes, text otherwise, whatever its name. One
 * bad input never stops a batch: it is reported on stderr and the exit
 * status says that something failed (see usage_exit_codes below).
 *
 * This file reads the global options and hands the rest of the command
 * line to the command: tag.c, text.c, highlight.c, compile.c, batch.c. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "batch.h"
#include "doctag.h"

const char usage_exit_codes[] =
    "Exit status:\n"
    "  0  every input was processed\n"
    "  1  some input failed (reported on stderr; the others were processed),\n"
    "     or an output could not be written\n"
    "  2  usage error (unknown option, bad value, no input files)\n"
    "  3  the model could not be loaded (--model, --dict)\n";

static const char usage_main[] =
    "Usage: doctag COMMAND [options] FILE...\n"
    "Tag legal instruments, UN document symbols, agencies and money in reports.\n"
    "\n"
    "Commands:\n"
    "  tag        tag text or PDF files; entities as JSON Lines, TSV or CSV\n"
    "  text       print the text the tagger sees (extracted from a PDF)\n"
    "  batch      tag folders and archives of reports: parallel, resumable\n"
    "  highlight  write a copy of a PDF with the entities highlighted\n"
    "  compile    compile dictionary sources into a model file\n"
    "\n"
    "  -h, --help     this help; 'doctag COMMAND --help' for a command\n"
    "  -V, --version  the version of doctag and of libdoctag\n"
    "\n"
    "An input is a PDF if '%PDF-' is in its first 1024 bytes, else UTF-8 text;\n"
    "'-' reads standard input. 'man doctag' has the details and examples.\n"
    "\n";

/* ---- main --------------------------------------------------------------- */

/* The commands, each with the name getopt_long gives it in its messages
 * (argv[0], which must be writable). */
static char tag_name[] = "doctag tag", text_name[] = "doctag text",
            compile_name[] = "doctag compile", highlight_name[] = "doctag highlight",
            batch_name[] = "doctag batch";
static const struct command {
    const char *name;
    char *program;
    int (*run)(int argc, char **argv);
} commands[] = {
    { "tag", tag_name, command_tag },
    { "text", text_name, command_text },
    { "compile", compile_name, command_compile },
    { "highlight", highlight_name, command_highlight },
    { "batch", batch_name, command_batch },
};

static void print_version(void)
{
    printf("doctag %s (libdoctag %s)\n", DOCTAG_VERSION_STRING, doctag_version());
    if (doctag_version_number() != DOCTAG_VERSION_NUMBER)
        fprintf(stderr, "doctag: warning: built with libdoctag %s but running with %s\n",
                DOCTAG_VERSION_STRING, doctag_version());
}

/* Flushes stdout: a full disk or a closed pipe must not pass for success. */
static int finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        report_io_error("standard output", NULL, errno ? errno : EIO);
        return status == EXIT_ALL_OK ? EXIT_INPUT_FAILED : status;
    }
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    /* getopt_long names the program argv[0] in its messages: "doctag" at
     * the top, "doctag tag" etc. for a command (set below). */
    static char program_name[] = "doctag";
    argv[0] = program_name;
    /* '+': stop at the command; its options are parsed by the command. */
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage_main, stdout);
            fputs(usage_exit_codes, stdout);
            return finish_stdout(EXIT_ALL_OK);
        case 'V':
            print_version();
            return finish_stdout(EXIT_ALL_OK);
        default:
            return usage_hint(NULL);
        }
    }
    if (optind >= argc)
        return usage_error(NULL, "no command (tag, text, highlight or compile)");

    const char *command = argv[optind];
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(command, commands[i].name) == 0) {
            sub_argv[0] = commands[i].program;
            return finish_stdout(commands[i].run(sub_argc, sub_argv));
        }
    if (strcmp(command, "help") != 0)
        return usage_error(NULL, "unknown command '%s'", command);
    fputs(usage_main, stdout);
    fputs(usage_exit_codes, stdout);
    return finish_stdout(EXIT_ALL_OK);
}
