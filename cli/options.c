/* options.c: the values of the doctag CLI's options that several
 * commands take (options.h): entity types, positive counts, sizes, and
 * the limit options. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

/* --types money,agency -> bit mask of doctag_type values. */
int parse_types(const char *list, unsigned *mask)
{
    const char *p = list;
    *mask = 0;
    for (;;) {
        size_t len = strcspn(p, ",");
        int found = 0;
        for (int t = 0; t < DOCTAG_TYPE_COUNT && !found; t++) {
            const char *name = doctag_type_name(t);
            if (name && strlen(name) == len && strncmp(name, p, len) == 0) {
                *mask |= 1u << t;
                found = 1;
            }
        }
        if (!found)
            return -1;
        if (p[len] == '\0')
            return 0;
        p += len + 1;
    }
}

/* A positive count for --max-entities. Returns 0 or -1. */
int parse_positive_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v == 0 || v > SIZE_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* A positive int for --max-pages / --page-ms. Returns 0 or -1. */
int parse_positive_int(const char *s, int *out)
{
    size_t v;
    if (parse_positive_size(s, &v) != 0 || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

/* "250", "64K", "256M", "2G" -> bytes. Returns 0 or -1. */
int parse_byte_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
              : *end == 'G' || *end == 'g' ? 30 : 0;
    if (shift)
        end++;
    if (*s < '0' || *s > '9' || *end || errno || v == 0 || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)v << shift;
    return 0;
}

int limit_option(int c, const char *arg, doctag_limits *limits, char *why, size_t size)
{
    const char *name, *form = "a positive number";
    int rc;
    switch (c) {
    case OPT_MAX_BYTES:
        name = "max-bytes";
        form = "a positive number of bytes, K, M or G";
        rc = parse_byte_size(arg, &limits->max_input_bytes);
        break;
    case OPT_MAX_ENTITIES:
        name = "max-entities";
        rc = parse_positive_size(arg, &limits->max_entities);
        break;
    case OPT_MAX_PAGES:
        name = "max-pages";
        rc = parse_positive_int(arg, &limits->max_pages);
        break;
    case OPT_PAGE_MS:
        name = "page-ms";
        rc = parse_positive_int(arg, &limits->pdf_page_ms);
        break;
    default:
        return 1;
    }
    if (rc != 0)
        snprintf(why, size, "bad --%s '%s' (%s)", name, arg, form);
    return rc;
}

int command_limit_option(const char *command, int c, const char *arg, doctag_limits *limits)
{
    char why[200];
    int rc = limit_option(c, arg, limits, why, sizeof why);
    return rc == 0 ? EXIT_ALL_OK : rc < 0 ? usage_error(command, "%s", why) : usage_hint(command);
}
