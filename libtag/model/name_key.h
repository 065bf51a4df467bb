/*
 * name_key.h: the key of a place where a dictionary name may start. A leaf
 * header: the trie builder (trie.c) sets the keys of every name, the name
 * matcher (match/names.c) checks them, and neither needs the other.
 */
#ifndef DOCTAG_NAME_KEY_H
#define DOCTAG_NAME_KEY_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

#define MODEL_NAME_KEYS_BYTES 16384

/* The key of a position where a name may start: a hash of its first word,
 * the run of letters, digits and non-ASCII bytes there ("U" for "U.S.",
 * "ICE" for "ICE's", "" for "(ICE"). A name's key is that of its own first
 * word, so a position whose key bit is unset in name_keys starts no name. */
static inline int name_key_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

static inline unsigned name_key(const unsigned char *s, size_t len)
{
    size_t n = 0;
    while (n < len && name_key_byte(s[n]))
        n++;
    return hash_fnv1a(HASH_FNV_SEED, s, n) & (MODEL_NAME_KEYS_BYTES * 8 - 1);
}

#endif
