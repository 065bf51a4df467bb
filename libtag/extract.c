/* TEMPORARY STUB by the lead so the tree builds; the PDF helper replaces this file. */
#include <string.h>
#include "error.h"
#include "extract.h"
int extract_pdf(extract_result *out, const void *data, size_t size, const char *name,
                const doctag_pdf_options *opts)
{
    (void)data; (void)size; (void)opts;
    memset(out, 0, sizeof *out);
    return error_set(DOCTAG_ERR_UNSUPPORTED, "%s: PDF extraction not built yet", name);
}
void extract_result_free(extract_result *r) { (void)r; }
