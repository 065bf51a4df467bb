/* limits.c: the limits on one document's work (doctag_limits, doctag.h):
 * their defaults (common/doctag_limits.h says why each) and the limits in
 * force when a caller gives some. */
#include <stddef.h>

#include "doctag_limits.h"
#include "tag.h"

DOCTAG_API void doctag_limits_init(doctag_limits *limits)
{
    if (!limits)
        return;
    limits->version = DOCTAG_LIMITS_VERSION;
    limits->max_input_bytes = LIMIT_MAX_INPUT_BYTES;
    limits->max_entities = LIMIT_MAX_ENTITIES;
    limits->max_pages = LIMIT_MAX_PAGES;
    limits->pdf_page_ms = LIMIT_PDF_PAGE_MS;
}

doctag_limits limits_resolve(const doctag_limits *given)
{
    doctag_limits l;
    doctag_limits_init(&l);
    if (!given)
        return l;
    if (given->max_input_bytes)
        l.max_input_bytes = given->max_input_bytes;
    if (given->max_entities)
        l.max_entities = given->max_entities;
    if (given->max_pages > 0)
        l.max_pages = given->max_pages;
    if (given->pdf_page_ms > 0)
        l.pdf_page_ms = given->pdf_page_ms;
    return l;
}
