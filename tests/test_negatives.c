/*
 * test_negatives.c: precision as coverage grows. Every sentence of
 * tests/negatives.txt names only things the corpus guidelines say are not
 * entities (companies, NGOs, courts, legislatures, systems and databases,
 * programmes, funds, policies, posts held by a person, generic phrases);
 * none of them may yield an agency or an instrument. Lines marked "? " are
 * known false positives: they are reported, not failed on.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The agency and instrument lines of the tagger's output for `sentence`,
 * or NULL when there are none; caller frees. */
static char *named_entities(const char *sentence)
{
    char *lines = test_tag_lines(sentence);
    size_t n = strlen(lines);
    char *out = malloc(n + 1);
    size_t k = 0;
    for (char *line = strtok(lines, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "agency|", 7) != 0 && strncmp(line, "instrument|", 11) != 0)
            continue;
        size_t len = strlen(line);
        memcpy(out + k, line, len);
        out[k + len] = '\n';
        k += len + 1;
    }
    out[k] = '\0';
    free(lines);
    if (k == 0) {
        free(out);
        return NULL;
    }
    return out;
}

Test(negatives, no_agency_or_instrument_in_the_negatives_file)
{
    const char *src = getenv("DOCTAG_SOURCE_DIR");
    cr_assert(src, "DOCTAG_SOURCE_DIR is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/negatives.txt", src);
    char *text = test_read_file(path, NULL);
    cr_assert(text, "cannot read %s", path);

    int sentences = 0, failures = 0, known = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        int is_known = strncmp(line, "? ", 2) == 0;
        const char *sentence = is_known ? line + 2 : line;
        sentences++;
        char *found = named_entities(sentence);
        if (!found)
            continue;
        if (is_known) {
            known++;
            cr_log_warn("known false positive in \"%s\":\n%s", sentence, found);
        } else {
            failures++;
            cr_expect(0, "\"%s\" is a negative, but the tagger found:\n%s", sentence, found);
        }
        free(found);
    }
    free(text);
    cr_log_info("negatives.txt: %d sentences, %d false positives, %d known", sentences,
                failures, known);
    cr_expect_geq(sentences, 90, "negatives.txt has too few sentences (%d)", sentences);
}
