/* vec.c: the growable-array helper (see vec.h). */
#include <stdint.h>
#include <stdlib.h>

#include "vec.h"

int vec_reserve(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return 0;
        n *= 2;
    }
    if (elem && n > SIZE_MAX / elem)
        return 0;
    void *p = realloc(*items, n * elem);
    if (!p)
        return 0;
    *items = p;
    *cap = n;
    return 1;
}
