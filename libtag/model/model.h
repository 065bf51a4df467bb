/*
 * model.h: compiled models. Each /pattern/ variant of the dictionaries
 * becomes pcre2 code of its own; the literal variants (names) are kept as
 * they are written, with their entries, and the matcher builds a byte trie
 * from them when the model is opened (trie.h). A model is immutable once
 * built and is shared by threads.
 */
#ifndef DOCTAG_MODEL_H
#define DOCTAG_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <pcre2.h>

#include "dict.h"
#include "doctag.h"
#include "name_key.h"

#define MODEL_ENTRY_FROM_MARK ((uint32_t)-1)

typedef struct model_pattern {
    pcre2_code *code;
    char *source;        /* the pattern as compiled (kept for save/recompile) */
    uint32_t entry;      /* entry index, or MODEL_ENTRY_FROM_MARK for tries */
    uint32_t entry_base; /* added to the entry index (models merged at load) */
    char *near;          /* "lit\0lit\0\0": only tried near these (dict @near) */
    size_t near_len;     /* bytes of near, 0 when there is none */
    int anchored;        /* always 0: names are no longer patterns (the field
                            stays in the file record; an anchored pattern is
                            never run) */
    unsigned char first[32];  /* unused, kept with `anchored` */
} model_pattern;

/* The literal variants: every name, as written in its dictionary, with its
 * entry. `text` holds the n names one after another, each ending in a NUL
 * (text_len bytes in all); `entry[i]` is the entry of the i-th name. The
 * first name to claim a text keeps it (dictionary order). */
typedef struct model_names {
    char *text;
    size_t text_len;
    uint32_t *entry;
    size_t n;
} model_names;

/* How far before an @near literal a match may start. */
#define MODEL_NEAR_WINDOW 200

/* Pure data: nothing in it changes after model_compile_dict(),
 * model_merge() or model_deserialize() return. The lookup tables matching
 * derives from it (match.h) are a separate object. */
typedef struct compiled_model compiled_model;
struct compiled_model {
    dict_entry *entries;
    size_t n_entries;
    model_pattern *patterns;  /* in priority order: earlier wins equal-length ties */
    size_t n_patterns;
    size_t n_variants;
    unsigned char *name_keys;  /* bitmap of name_key() of every name's start */
    model_names names;
};

/* Compiles parsed dictionaries (one or several, appended in order). */
int model_compile_dict(compiled_model **out, const dict *d);

/* Appends the entries, patterns and names of `extra` to `base`, moving
 * them (compiled and JIT-compiled patterns are not compiled again). Takes
 * both models: on success *out is `base` grown and `extra` is freed; on
 * failure both are freed and *out is NULL. */
int model_merge(compiled_model **out, compiled_model *base, compiled_model *extra);

/* The binary format: serialise into a malloc'd buffer / load from bytes. */
int model_serialize(const compiled_model *m, unsigned char **out, size_t *len);
int model_deserialize(compiled_model **out, const unsigned char *data, size_t len,
                      const char *name, int trusted);

void model_free(compiled_model *m);

#endif
