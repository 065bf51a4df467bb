/* options.c: the values of the doctag CLI's options that several
 * commands take: entity types, positive counts. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doctag.h"

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

/* A positive count for --max-bytes / --max-entities. Returns 0 or -1. */
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
