/*
 * fuzz_dict.c: parses arbitrary bytes as a dictionary source
 * (models/README.md) and, when it compiles, tags a short report with the
 * model. A malformed source must fail with a dictionary error code, never
 * crash or leak; a model that compiles must tag within the invariants.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)   /* every pattern is compiled: keep the runs fast */
        return 0;
    doctag_model *m = NULL;
    int rc = doctag_model_compile_buffer(&m, "fuzz.dict", (const char *)data, size);
    FUZZ_CHECK(rc == DOCTAG_OK || rc == DOCTAG_ERR_DICT_SYNTAX || rc == DOCTAG_ERR_PATTERN ||
                   rc == DOCTAG_ERR_UTF8 || rc == DOCTAG_ERR_EMPTY,
               "rc %d (%s): %s", rc, doctag_strerror(rc), doctag_last_error());
    FUZZ_CHECK((rc == DOCTAG_OK) == (m != NULL), "rc %d with model %p", rc, (void *)m);
    if (!m)
        return 0;
    fuzz_tag_sample(m);
    return 0;
}
