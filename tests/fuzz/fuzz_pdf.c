/*
 * fuzz_pdf.c: extracts the text of arbitrary bytes as a PDF and tags it
 * with the default model. A bad PDF must fail with a PDF error code, never
 * crash or leak; extracted text must be valid UTF-8 and tag within the
 * invariants of fuzz_check.h, each entity with at most one box per line.
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
        fprintf(stderr, "fuzz_pdf: %s\n", doctag_last_error());
        abort();
    }
    return 0;
}

static int pdf_error(int rc)
{
    return rc == DOCTAG_ERR_NOT_PDF || rc == DOCTAG_ERR_PDF_CORRUPT ||
           rc == DOCTAG_ERR_PDF_ENCRYPTED || rc == DOCTAG_ERR_PDF_NO_PAGES ||
           rc == DOCTAG_ERR_PDF_NO_TEXT || rc == DOCTAG_ERR_EMPTY || rc < DOCTAG_ERR_INTERNAL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_buffer(&doc, data, size, NULL);
    FUZZ_CHECK(rc == DOCTAG_OK || pdf_error(rc), "rc %d (%s): %s", rc, doctag_strerror(rc),
               doctag_last_error());
    if (!doc)
        return 0;
    size_t len;
    const char *text = doctag_doc_text(doc, &len);
    doctag_result *r = NULL;
    rc = doctag_tag(&r, model, doc);
    FUZZ_CHECK(rc == DOCTAG_OK || rc == DOCTAG_ERR_LIMIT_ENTITIES, "tagging: rc %d: %s", rc,
               doctag_last_error());
    if (r)
        fuzz_check_result(r, text, len);
    doctag_result_free(r);
    doctag_doc_free(doc);
    return 0;
}
