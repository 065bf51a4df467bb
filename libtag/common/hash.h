/*
 * hash.h: the one hash of the library, 32-bit FNV-1a: small, no tables,
 * good enough for the keys we hash (words, names, file checksums guard
 * against accidents only).
 */
#ifndef DOCTAG_HASH_H
#define DOCTAG_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_SEED 2166136261u

/* Continues the hash `h` over `len` bytes at `p`. */
static inline uint32_t hash_fnv1a(uint32_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

#endif
