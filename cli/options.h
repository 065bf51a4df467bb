/* options.h: the values of the options several doctag commands take
 * (options.c): entity types, positive counts, and the limit options
 * (--max-bytes, --max-entities, --max-pages, --page-ms) that tag, text,
 * batch and highlight each take some of, parsed in one place. */
#ifndef DOCTAG_CLI_OPTIONS_H
#define DOCTAG_CLI_OPTIONS_H

#include <stddef.h>

#include "doctag.h"

/* --types money,agency -> bit mask of doctag_type values; -1 if a name is
 * not a type. */
int parse_types(const char *list, unsigned *mask);

/* A positive count (--max-entities) in *out. Returns 0, or -1 for
 * anything else (0, a sign, trailing text, out of range). */
int parse_positive_size(const char *s, size_t *out);

/* A positive int (--max-pages, --page-ms) in *out. Returns 0 or -1. */
int parse_positive_int(const char *s, int *out);

/* A positive number of bytes with an optional K, M or G suffix (--max-bytes
 * 64K, 256M) in *out. Returns 0 or -1. */
int parse_byte_size(const char *s, size_t *out);

/* ---- The limit options ----------------------------------------------------
 * A command puts the entries it takes in its getopt_long table and hands
 * each of these options to limit_option(). */
enum { OPT_MAX_BYTES = 0x400, OPT_MAX_ENTITIES, OPT_MAX_PAGES, OPT_PAGE_MS };
#define LIMIT_OPTION_MAX_BYTES { "max-bytes", required_argument, NULL, OPT_MAX_BYTES }
#define LIMIT_OPTION_MAX_ENTITIES { "max-entities", required_argument, NULL, OPT_MAX_ENTITIES }
#define LIMIT_OPTION_MAX_PAGES { "max-pages", required_argument, NULL, OPT_MAX_PAGES }
#define LIMIT_OPTION_PAGE_MS { "page-ms", required_argument, NULL, OPT_PAGE_MS }
#define LIMIT_OPTIONS LIMIT_OPTION_MAX_BYTES, LIMIT_OPTION_MAX_ENTITIES, \
                      LIMIT_OPTION_MAX_PAGES, LIMIT_OPTION_PAGE_MS

/* Option c's value `arg` into its field of *limits: --max-bytes N (K, M, G
 * suffixes) max_input_bytes, --max-entities max_entities, --max-pages
 * max_pages, --page-ms pdf_page_ms, each a positive number. Returns 0; 1 if
 * c is none of them; -1 for a bad value, the usage message in why[0, size)
 * ("bad --max-pages 'x' (a positive number)"). */
int limit_option(int c, const char *arg, doctag_limits *limits, char *why, size_t size);

#endif
