/*
 * trie.h: the model's names (model.h) -> a byte trie the matcher walks.
 *
 * "Department of State" and "Department of Justice" share one path; at a
 * place where a name may start the matcher (match/names.c) follows the text
 * down the trie, one byte a step, and the deepest node holding a name whose
 * next text byte is not a letter or digit is the longest name there. The
 * cost of a step does not depend on how many names there are.
 *
 * Case: a name is matched as written, except that a word written all in
 * lower case also matches with a capital first letter ("against" matches
 * "Against"): the edge of such a word's first letter carries TRIE_FOLD and
 * matches the letter and its capital. Two edges may then match one text
 * byte (an 'A' edge and a folded 'a' edge), so the walk may branch.
 */
#ifndef DOCTAG_TRIE_H
#define DOCTAG_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The boundary checks a name or pattern gets: no letter or digit on either
 * side (pcre2 source, for /pattern/ variants; names.c checks names alike),
 * except after: a footnote number glued to a word that ends in a small
 * letter ("Status of Refugees9 and", as plain text from a PDF writes it). */
#define TRIE_BEFORE "(?<![A-Za-z0-9])"
#define TRIE_AFTER "(?![A-Za-z]|(?<![a-z])[0-9]|[0-9]+[A-Za-z])"

/* An edge label: the byte, with TRIE_FOLD set when its capital matches too. */
#define TRIE_FOLD 0x100u

/* A radix trie: the edge into node k reads nodes[k].edge_len labels from
 * labels + nodes[k].edge (chains of single children are one edge), so a
 * walk makes a step per branch, not per byte. Node 0 is the root. Node k's
 * children are children[nodes[k].child_start, nodes[k + 1].child_start),
 * sorted by the first label of their edge (so folded edges come last).
 * What a step reads of a node is in one record, and of a child in one. */
typedef struct trie_node {
    uint32_t edge;         /* where its edge's labels start */
    uint32_t edge_len;     /* how many labels its edge has */
    int32_t entry;         /* the entry of the name ending there, or -1 */
    uint32_t child_start;  /* its first child in children[] */
} trie_node;

typedef struct trie_child {
    uint32_t first;        /* the first label of its edge */
    uint32_t target;       /* its node */
} trie_child;

typedef struct name_trie {
    uint16_t *labels;      /* every name's labels, each name after the other */
    trie_node *nodes;      /* n_nodes + 1: the last holds the children's end */
    trie_child *children;  /* n_nodes (the root is no one's child) */
    size_t n_nodes;
    size_t depth;          /* the longest name, in bytes */
    uint32_t root[512];    /* the root's children by first label (0: none) */
} name_trie;

/* Builds the trie of all the names of `names`. Returns DOCTAG_OK or
 * DOCTAG_ERR_NOMEM; *out is freed with name_trie_free(). */
int name_trie_build(name_trie **out, const model_names *names);
void name_trie_free(name_trie *t);

/* The child of node k whose edge starts with `label`, or 0 when none. */
static inline uint32_t name_trie_child(const name_trie *t, uint32_t k, unsigned label)
{
    if (!k)
        return t->root[label];
    uint32_t lo = t->nodes[k].child_start, hi = t->nodes[k + 1].child_start;
    const trie_child *c = t->children;
    while (hi - lo > 8) {   /* wide nodes: halve, then scan */
        uint32_t mid = lo + (hi - lo) / 2;
        if (c[mid].first <= label)
            lo = mid;
        else
            hi = mid;
    }
    for (; lo < hi; lo++)
        if (c[lo].first == label)
            return c[lo].target;
    return 0;
}

/* 1 if node k has a folded child (TRIE_FOLD: they sort last). */
static inline int name_trie_has_folded(const name_trie *t, uint32_t k)
{
    if (!k)
        return 1;   /* the root's children are looked up in root[] at once */
    uint32_t lo = t->nodes[k].child_start, hi = t->nodes[k + 1].child_start;
    return hi > lo && (t->children[hi - 1].first & TRIE_FOLD);
}

/* Sets the name_key() bit (name_key.h) of every name, in every case the
 * name matches in. */
void trie_name_keys(const model_names *names, unsigned char *keys);

#endif
