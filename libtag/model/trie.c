/* trie.c: the model's names -> a byte trie (see trie.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "name_key.h"
#include "trie.h"
#include "vec.h"

/* While building: each node's children as a linked list. */
typedef struct build_node {
    uint16_t label;
    int32_t entry;
    uint32_t child, sibling;   /* 0: none (the root is nobody's child) */
} build_node;

typedef struct builder {
    build_node *nodes;
    size_t n, cap;
    size_t depth;
    uint32_t root[512];        /* the root's children by label */
} builder;

/* 1 if position i of s starts a word written all in lower-case letters. */
static int starts_lower_word(const char *s, size_t i)
{
    if (i > 0 && s[i - 1] != ' ')
        return 0;
    size_t j = i;
    while (s[j] >= 'a' && s[j] <= 'z')
        j++;
    return j > i && (s[j] == ' ' || s[j] == '\0');
}

static uint32_t new_node(builder *b, uint16_t label)
{
    if (b->n >= UINT32_MAX || !vec_reserve((void **)&b->nodes, &b->cap, b->n + 1, sizeof *b->nodes))
        return 0;
    b->nodes[b->n] = (build_node){ label, -1, 0, 0 };
    return (uint32_t)b->n++;
}

/* The child of node k along `label`, made if missing; 0 when out of memory. */
static uint32_t child(builder *b, uint32_t k, uint16_t label)
{
    uint32_t c = k ? b->nodes[k].child : b->root[label];
    while (c && b->nodes[c].label != label)
        c = b->nodes[c].sibling;
    if (c || !(c = new_node(b, label)))
        return c;
    if (k) {
        b->nodes[c].sibling = b->nodes[k].child;
        b->nodes[k].child = c;
    } else {
        b->root[label] = c;
    }
    return c;
}

static int insert(builder *b, const char *s, uint32_t entry)
{
    uint32_t k = 0;
    size_t i = 0;
    for (; s[i]; i++) {
        uint16_t label = (uint16_t)((unsigned char)s[i] | (starts_lower_word(s, i) ? TRIE_FOLD : 0));
        if (!(k = child(b, k, label)))
            return DOCTAG_ERR_NOMEM;
    }
    if (k && b->nodes[k].entry < 0)   /* the first entry to claim a name keeps it */
        b->nodes[k].entry = (int32_t)entry;
    if (i > b->depth)
        b->depth = i;
    return DOCTAG_OK;
}

static int by_label(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Lays the linked children out as edge arrays sorted by label; `pairs`
 * (n entries) is scratch for one node's (label, node) pairs. */
static void flatten(name_trie *t, const builder *b, uint64_t *pairs)
{
    uint32_t e = 0;
    for (size_t k = 0; k < b->n; k++) {
        t->edge_start[k] = e;
        t->entry[k] = b->nodes[k].entry;
        size_t m = 0;
        for (uint32_t c = k ? b->nodes[k].child : 0; c; c = b->nodes[c].sibling)
            pairs[m++] = (uint64_t)b->nodes[c].label << 32 | c;
        for (unsigned l = 0; k == 0 && l < 512; l++)
            if (b->root[l])
                pairs[m++] = (uint64_t)l << 32 | b->root[l];
        qsort(pairs, m, sizeof *pairs, by_label);
        for (size_t x = 0; x < m; x++, e++) {
            t->label[e] = (uint16_t)(pairs[x] >> 32);
            t->target[e] = (uint32_t)pairs[x];
        }
    }
    t->edge_start[b->n] = e;
    memcpy(t->root, b->root, sizeof t->root);
}

static int alloc_arrays(name_trie *t, size_t n)
{
    t->edge_start = malloc((n + 1) * sizeof *t->edge_start);
    t->entry = malloc(n * sizeof *t->entry);
    t->label = malloc(n * sizeof *t->label);
    t->target = malloc(n * sizeof *t->target);
    return t->edge_start && t->entry && t->label && t->target ? DOCTAG_OK : DOCTAG_ERR_NOMEM;
}

int name_trie_build(name_trie **out, const model_names *names)
{
    *out = NULL;
    builder b = { 0 };
    name_trie *t = calloc(1, sizeof *t);
    int rc = t && new_node(&b, 0) == 0 && b.n == 1 ? DOCTAG_OK : DOCTAG_ERR_NOMEM;
    const char *s = names->text;
    for (size_t i = 0; rc == DOCTAG_OK && i < names->n; i++) {
        rc = insert(&b, s, names->entry[i]);
        s += strlen(s) + 1;
    }
    uint64_t *pairs = rc == DOCTAG_OK ? malloc(b.n * sizeof *pairs) : NULL;
    if (rc == DOCTAG_OK && (!pairs || alloc_arrays(t, b.n) != DOCTAG_OK))
        rc = DOCTAG_ERR_NOMEM;
    if (rc == DOCTAG_OK)
        flatten(t, &b, pairs);
    free(pairs);
    if (t) {
        t->n_nodes = b.n;
        t->depth = b.depth;
    }
    free(b.nodes);
    if (rc != DOCTAG_OK) {
        name_trie_free(t);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory building the name trie");
    }
    *out = t;
    return DOCTAG_OK;
}

void name_trie_free(name_trie *t)
{
    if (!t)
        return;
    free(t->edge_start);
    free(t->entry);
    free(t->label);
    free(t->target);
    free(t);
}

static void set_key(unsigned char *keys, const char *s)
{
    unsigned bit = name_key((const unsigned char *)s, strlen(s));
    keys[bit >> 3] |= (unsigned char)(1u << (bit & 7));
}

void trie_name_keys(const model_names *names, unsigned char *keys)
{
    const char *s = names->text;
    for (size_t i = 0; i < names->n; i++, s += strlen(s) + 1) {
        set_key(keys, s);
        if (starts_lower_word(s, 0)) {   /* also matches capitalised */
            char word[64];
            size_t n = 0;
            while (n + 1 < sizeof word && name_key_byte((unsigned char)s[n])) {
                word[n] = s[n];
                n++;
            }
            word[n] = '\0';
            word[0] = (char)(word[0] - 'a' + 'A');
            set_key(keys, word);
        }
    }
}
