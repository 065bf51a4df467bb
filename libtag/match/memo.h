/* memo.h: the short forms a document defines for itself (memory.c), kept
 * in a hash set of their names. */
#ifndef DOCTAG_MEMO_H
#define DOCTAG_MEMO_H

#include <stddef.h>
#include <stdint.h>

typedef struct memo {
    const char *name;   /* the short form, in the text */
    size_t len;
    const char *src;    /* what it stands for: the full name, in the text */
    size_t src_len;
    uint32_t entry;
    size_t from;        /* tagged from here on (0: a defined name, wherever used) */
    size_t case_start;  /* a case's short form: where the case is named, else SIZE_MAX */
    int person;         /* the name is a person's somewhere ("X's", "Agent X") */
    int early;          /* used, untagged, before the case is named */
} memo;

/* The memos, and a hash set of their names (open addressing: a slot holds
 * a memo's index plus one, 0 when empty), so that a document with many
 * cases does not compare every short form with every other. */
typedef struct memo_list {
    memo *items;
    size_t n, cap;
    uint32_t *slots;
    size_t n_slots;    /* a power of two, at least twice n */
} memo_list;

/* Adds m unless a memo of the same name is there (the first definition
 * holds). Returns DOCTAG_OK or DOCTAG_ERR_NOMEM (the list unchanged). */
int memo_push(memo_list *l, memo m);

/* The memo named name[0..len), or NULL. */
const memo *memo_find(const memo_list *l, const char *name, size_t len);

/* Frees the list's arrays (not the texts its memos point into). */
void memo_list_free(memo_list *l);

#endif
