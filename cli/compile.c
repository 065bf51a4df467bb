/* compile.c: doctag compile, dictionary sources into a model file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "doctag.h"

static const char usage_compile[] =
    "Usage: doctag compile -o OUT.model SOURCE.dict...\n"
    "Compiles dictionary sources (format: doctag(1), DICTIONARIES) into a model file for\n"
    "'doctag tag --model'. The model holds only these sources, not the built-in\n"
    "dictionaries. A malformed source line is reported as FILE:LINE.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE    the model file to write (required)\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status:\n"
    "  0  the model was written\n"
    "  1  a source does not compile, or the model could not be written\n"
    "  2  usage error\n";

int command_compile(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    int c;

    optind = 0;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'h': fputs(usage_compile, stdout); return EXIT_ALL_OK;
        default: return usage_hint("compile");
        }
    }
    if (!out)
        return usage_error("compile", "no output file (-o OUT.model)");
    if (optind >= argc)
        return usage_error("compile", "no dictionary sources");

    doctag_model *model = NULL;
    int rc = doctag_model_compile(&model, (const char *const *)(argv + optind),
                                  (size_t)(argc - optind));
    if (rc != DOCTAG_OK) {
        /* The message names the failing source and line. */
        report_doctag_error("compile", rc);
        return EXIT_INPUT_FAILED;
    }
    rc = doctag_model_save(model, out);
    if (rc != DOCTAG_OK)
        report_doctag_error(out, rc);
    doctag_model_free(model);
    return rc == DOCTAG_OK ? EXIT_ALL_OK : EXIT_INPUT_FAILED;
}
