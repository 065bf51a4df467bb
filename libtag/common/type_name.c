/* type_name.c: the one table of entity type names (doctag.h), read by the
 * public call and by the dictionary parser's @type directive. */
#include <stddef.h>

#include "doctag.h"

DOCTAG_API const char *doctag_type_name(int type)
{
    static const char *const names[DOCTAG_TYPE_COUNT] = {
        [DOCTAG_TYPE_MONEY] = "money",
        [DOCTAG_TYPE_UN_SYMBOL] = "un_symbol",
        [DOCTAG_TYPE_AGENCY] = "agency",
        [DOCTAG_TYPE_INSTRUMENT] = "instrument",
    };
    return type >= 0 && type < DOCTAG_TYPE_COUNT ? names[type] : NULL;
}
