/*
 * fuzz_model.c: loads arbitrary bytes as a model file (not trusted, as a
 * file from outside is) and, when it loads, tags a short report with it.
 * The input's last four bytes are replaced by the right checksum first, so
 * that the fuzzer gets past it to the decoder: the checksum catches
 * accidents, not hostile files. A bad file must fail with
 * DOCTAG_ERR_MODEL_FORMAT (or a pattern error), never crash or leak.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"
#include "hash.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    if (size >= 16) {
        uint32_t sum = hash_fnv1a(HASH_FNV_SEED, copy, size - 4);
        for (int i = 0; i < 4; i++)
            copy[size - 4 + i] = (unsigned char)(sum >> (8 * i));
    }
    doctag_model *m = NULL;
    int rc = doctag_model_open_buffer(&m, copy, size, NULL);
    free(copy);
    FUZZ_CHECK(rc == DOCTAG_OK || rc == DOCTAG_ERR_MODEL_FORMAT,
               "rc %d (%s): %s", rc, doctag_strerror(rc), doctag_last_error());
    FUZZ_CHECK((rc == DOCTAG_OK) == (m != NULL), "rc %d with model %p", rc, (void *)m);
    if (!m)
        return 0;
    fuzz_tag_sample(m);
    return 0;
}
