/*
 * fuzz_text.c: tags arbitrary bytes as text with the default model. Invalid
 * UTF-8 must be refused with DOCTAG_ERR_UTF8; valid text must tag, and
 * every entity must keep the invariants of fuzz_check.h.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

static doctag_model *model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (doctag_model_open(&model, NULL, NULL) != DOCTAG_OK) {
        fprintf(stderr, "fuzz_text: %s\n", doctag_last_error());
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    doctag_result *r = NULL;
    int rc = doctag_tag_text(&r, model, (const char *)data, size);
    FUZZ_CHECK(rc == DOCTAG_OK || rc == DOCTAG_ERR_UTF8 || rc == DOCTAG_ERR_LIMIT_INPUT ||
                   rc == DOCTAG_ERR_LIMIT_ENTITIES,
               "rc %d (%s): %s", rc, doctag_strerror(rc), doctag_last_error());
    FUZZ_CHECK((rc == DOCTAG_OK) == (r != NULL), "rc %d with result %p", rc, (void *)r);
    if (r)
        fuzz_check_result(r, (const char *)data, size);
    doctag_result_free(r);
    return 0;
}
