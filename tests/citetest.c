/* citetest.c: see citetest.h. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "citetest.h"
#include "testutil.h"

int cite_expect_all(const char *type, const cite_case *cases, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        char canon[512];
        if (cases[i].id)
            snprintf(canon, sizeof canon, "id=%s", cases[i].id);
        if (test_has_entity(cases[i].text, type, cases[i].surface, cases[i].id ? canon : NULL))
            continue;
        char *lines = test_tag_lines(cases[i].text);
        cr_expect(0, "\"%s\": want %s|%s|%s, got:\n%s", cases[i].text, type, cases[i].surface,
                  cases[i].id ? canon : "*", lines);
        free(lines);
        failed++;
    }
    return failed;
}

int cite_expect_none(const char *type, const cite_case *cases, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (!test_has_entity(cases[i].text, type, cases[i].surface, NULL))
            continue;
        char *lines = test_tag_lines(cases[i].text);
        cr_expect(0, "\"%s\": %s|%s must not be tagged, got:\n%s", cases[i].text, type,
                  cases[i].surface, lines);
        free(lines);
        failed++;
    }
    return failed;
}
