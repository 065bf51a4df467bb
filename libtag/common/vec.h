/*
 * vec.h: the one growable-array helper. Every list in the library grows
 * through vec_reserve(), so there is one place where capacity doubles and
 * one place where the size computation is checked for overflow.
 *
 *     span *items; size_t n, cap;
 *     if (!vec_reserve((void **)&items, &cap, n + 1, sizeof *items))
 *         return error_set(DOCTAG_ERR_NOMEM, ...);
 *     items[n++] = s;
 */
#ifndef DOCTAG_VEC_H
#define DOCTAG_VEC_H

#include <stddef.h>

/* Makes room for at least `need` elements of `elem` bytes in *items (whose
 * capacity is *cap elements), doubling from 16. Returns 1, or 0 when memory
 * runs out or the size would overflow; *items and *cap are then unchanged. */
int vec_reserve(void **items, size_t *cap, size_t need, size_t elem);

#endif
