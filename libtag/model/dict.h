/*
 * dict.h: the dictionary source format (models/README.md) -> entries and
 * variants. Parsing only; model.c compiles the result into pcre2 code.
 */
#ifndef DOCTAG_DICT_H
#define DOCTAG_DICT_H

#include <stddef.h>

/* Internal type of `@type block` entries: they win overlaps and are then
 * dropped from the output. Public types are the doctag_type values. */
#define DICT_TYPE_BLOCK (-1)

/* At most this many literals in one @near line. */
#define DICT_MAX_NEAR 32

/* How an entry's canonical form is made (an ID starting with '%'). */
typedef enum canon_kind {
    CANON_ID = 0,        /* id=<the entry's ID> */
    CANON_NAME,          /* id=<the matched text> */
    CANON_MONEY,         /* value=...;currency=... */
    CANON_UN_SYMBOL,     /* symbol=... */
    CANON_STATUTE,       /* id=8 U.S.C. § 1253 */
    CANON_CASE,          /* id=Carpenter v. United States */
    CANON_RESOLUTION,    /* id=GA resolution 47/23 */
    CANON_GENERAL_COMMENT /* id=General Comment No. 20 */
} canon_kind;

typedef struct dict_entry {
    int type;            /* doctag_type or DICT_TYPE_BLOCK */
    canon_kind canon;
    char *id;            /* the ID as written (without '%' for CANON_*) */
} dict_entry;

typedef struct dict_variant {
    size_t entry;        /* index into the entries */
    int is_pattern;      /* 1: a pcre2 pattern; 0: literal text */
    char *text;          /* the literal (prefixes expanded) or the pattern */
    const char *file;    /* where it was written, for error messages (the
                            dict's copy of the file name: dict.files) */
    int line;
    char *near;          /* patterns: "lit\0lit\0\0" from @near, or NULL */
} dict_variant;

typedef struct dict {
    dict_entry *entries;
    size_t n_entries, cap_entries;
    dict_variant *variants;
    size_t n_variants, cap_variants;
    char **files;        /* the names of the sources parsed, one copy each */
    size_t n_files, cap_files;
} dict;

/* Parses one source text and appends its entries to `d` (which starts
 * zeroed). `name` is the file name used in messages. On a malformed line
 * returns DOCTAG_ERR_DICT_SYNTAX with "name:line: what" as the message. */
int dict_parse(dict *d, const char *name, const char *src, size_t len);

/* Reads and parses a file. */
int dict_parse_file(dict *d, const char *path);

void dict_free(dict *d);

/* Parses a canonicaliser name ("money") -> kind; -1 when unknown. */
int dict_canon_kind(const char *name);

#endif
