/*
 * model.h: compiled models. Dictionary entries become pcre2 code: all the
 * literal variants go into trie-shaped patterns (one pass over the text finds
 * the longest name at each position; a (*MARK) names the entry), each
 * /pattern/ variant into a pattern of its own. A model is immutable once
 * built and is shared by threads.
 */
#ifndef DOCTAG_MODEL_H
#define DOCTAG_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <pcre2.h>

#include "dict.h"
#include "doctag.h"

#define MODEL_ENTRY_FROM_MARK ((uint32_t)-1)

typedef struct model_pattern {
    pcre2_code *code;
    char *source;        /* the pattern as compiled (kept for save/recompile) */
    uint32_t entry;      /* entry index, or MODEL_ENTRY_FROM_MARK for tries */
    uint32_t entry_base; /* added to the entry index (models merged at load) */
    char *near;          /* "lit\0lit\0\0": only tried near these (dict @near) */
    size_t near_len;     /* bytes of near, 0 when there is none */
    int anchored;        /* 1: a name pattern, compiled anchored, tried only at
                            positions whose byte is in `first` (see match.c) */
    unsigned char first[32];  /* bitmap of the bytes an anchored pattern starts with */
} model_pattern;

/* How far before an @near literal a match may start. */
#define MODEL_NEAR_WINDOW 200

struct doctag_model {
    dict_entry *entries;
    size_t n_entries;
    model_pattern *patterns;  /* in priority order: earlier wins equal-length ties */
    size_t n_patterns;
    size_t n_variants;
    unsigned char *name_keys;  /* bitmap of name_key() of every name's start */
    struct match_index *index; /* derived tables for matching (match.h), or NULL */
};

typedef struct match_index match_index;

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
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len && name_key_byte(s[i]); i++)
        h = (h ^ s[i]) * 16777619u;
    return h & (MODEL_NAME_KEYS_BYTES * 8 - 1);
}

/* Compiles parsed dictionaries (one or several, appended in order). */
int model_compile_dict(doctag_model **out, const dict *d);

/* Appends the entries and patterns of `extra` to `base` (a fresh model).
 * `jit_names` 0 leaves the name patterns to pcre2's interpreter. */
int model_merge(doctag_model **out, const doctag_model *base, const doctag_model *extra,
                int jit_names);

/* The binary format: serialise into a malloc'd buffer / load from bytes. */
int model_serialize(const doctag_model *m, unsigned char **out, size_t *len);
int model_deserialize(doctag_model **out, const unsigned char *data, size_t len,
                      const char *name, int jit_names);

void model_free(doctag_model *m);

/* pcre2_compile + JIT with these pcre2 compile options. */
pcre2_code *model_compile_pattern(const char *src, uint32_t options, int *errcode,
                                  size_t *erroffset);

#endif
