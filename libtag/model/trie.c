/* trie.c: the model's names -> a byte trie (see trie.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "name_key.h"
#include "trie.h"
#include "vec.h"

/* While building: nodes point to their parent, and a hash table finds a
 * node's child by its first label, so that a step costs one probe however
 * many children the node has. */
typedef struct build_node {
    uint32_t edge, edge_len;
    int32_t entry;
    uint32_t parent;
} build_node;

typedef struct builder {
    build_node *nodes;
    size_t n, cap;
    const uint16_t *labels;
    uint32_t *slots;           /* node ids (0: empty), by (parent, first label) */
    size_t mask;
    unsigned shift;            /* 64 - log2(table size) */
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

static size_t slot_of(const builder *b, uint32_t parent, uint16_t label)
{
    size_t h = (size_t)(((uint64_t)parent * 512 + label) * 0x9E3779B97F4A7C15ull >> b->shift);
    for (;; h = (h + 1) & b->mask) {
        uint32_t c = b->slots[h];
        if (!c || (b->nodes[c].parent == parent && b->labels[b->nodes[c].edge] == label))
            return h;
    }
}

/* A new node, filed under its parent and first label; 0 when out of memory. */
static uint32_t new_node(builder *b, build_node n)
{
    if (b->n >= UINT32_MAX || !vec_reserve((void **)&b->nodes, &b->cap, b->n + 1, sizeof *b->nodes))
        return 0;
    b->nodes[b->n] = n;
    if (b->n)
        b->slots[slot_of(b, n.parent, b->labels[n.edge])] = (uint32_t)b->n;
    return (uint32_t)b->n++;
}

/* Cuts node c's edge after `at` labels: a new node takes the first part
 * and c's place under its parent; c, with the rest, becomes its child.
 * Returns the new node, or 0. */
static uint32_t split(builder *b, uint32_t c, uint32_t at)
{
    build_node n = b->nodes[c];
    size_t h = slot_of(b, n.parent, b->labels[n.edge]);
    uint32_t m = new_node(b, (build_node){ n.edge, at, -1, n.parent });   /* files itself at h */
    if (!m)
        return 0;
    b->nodes[c].edge += at;
    b->nodes[c].edge_len -= at;
    b->nodes[c].parent = m;
    b->slots[h] = m;
    b->slots[slot_of(b, m, b->labels[b->nodes[c].edge])] = c;
    return m;
}

/* Inserts the name whose labels are labels[at, at + len). */
static int insert(builder *b, uint32_t at, uint32_t len, uint32_t entry)
{
    const uint16_t *l = b->labels;
    uint32_t k = 0, i = 0;
    while (i < len) {
        uint32_t c = b->slots[slot_of(b, k, l[at + i])];
        if (!c) {
            if (!(k = new_node(b, (build_node){ at + i, len - i, -1, k })))
                return DOCTAG_ERR_NOMEM;
            break;
        }
        const build_node *n = &b->nodes[c];
        uint32_t j = 1;
        while (j < n->edge_len && i + j < len && l[n->edge + j] == l[at + i + j])
            j++;
        if (j < n->edge_len && !(c = split(b, c, j)))
            return DOCTAG_ERR_NOMEM;
        k = c;
        i += j;
    }
    if (b->nodes[k].entry < 0)   /* the first entry to claim a name keeps it */
        b->nodes[k].entry = (int32_t)entry;
    return DOCTAG_OK;
}

static int by_label(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts a node's children: most have a few, sorted in place; qsort the rest. */
static void sort_pairs(uint64_t *p, size_t n)
{
    if (n > 16) {
        qsort(p, n, sizeof *p, by_label);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = p[i];
        size_t j = i;
        for (; j > 0 && p[j - 1] > x; j--)
            p[j] = p[j - 1];
        p[j] = x;
    }
}

/* Lays the children out by parent (a counting sort), each node's sorted by
 * first label; `pairs` (n entries) is scratch. */
static void flatten(name_trie *t, const builder *b, uint64_t *pairs)
{
    size_t n = b->n;
    trie_node *nd = t->nodes;
    memset(nd, 0, (n + 1) * sizeof *nd);
    memset(t->children, 0, n * sizeof *t->children);
    for (size_t c = 1; c < n; c++)
        nd[b->nodes[c].parent + 1].child_start++;
    for (size_t k = 0; k < n; k++) {
        nd[k + 1].child_start += nd[k].child_start;
        nd[k].edge = b->nodes[k].edge;
        nd[k].edge_len = b->nodes[k].edge_len;
        nd[k].entry = b->nodes[k].entry;
    }
    nd[n].entry = -1;
    for (size_t c = 1; c < n; c++) {   /* children[p].target counts p's children placed */
        uint32_t p = b->nodes[c].parent;
        uint32_t at = nd[p].child_start + t->children[p].target;
        t->children[p].target++;
        pairs[at] = (uint64_t)b->labels[b->nodes[c].edge] << 32 | c;
    }
    memset(t->root, 0, sizeof t->root);
    for (size_t k = 0; k < n; k++) {
        uint32_t lo = nd[k].child_start, hi = nd[k + 1].child_start;
        sort_pairs(pairs + lo, hi - lo);
        for (uint32_t x = lo; x < hi; x++) {
            t->children[x].first = (uint32_t)(pairs[x] >> 32);
            t->children[x].target = (uint32_t)pairs[x];
            if (k == 0)
                t->root[t->children[x].first] = t->children[x].target;
        }
    }
}

static int alloc_arrays(name_trie *t, size_t n)
{
    t->nodes = malloc((n + 1) * sizeof *t->nodes);
    t->children = malloc(n * sizeof *t->children);
    return t->nodes && t->children ? DOCTAG_OK : DOCTAG_ERR_NOMEM;
}

/* dst[k] = src[k] for k < n: a loop the compiler vectorises. */
static void widen(uint16_t *restrict dst, const unsigned char *restrict src, size_t n)
{
    for (size_t k = 0; k < n; k++)
        dst[k] = src[k];
}

/* Every name's labels (its bytes, TRIE_FOLD on the first letter of a word
 * written in lower case), and each name in turn inserted. */
static int insert_all(builder *b, name_trie *t, const model_names *names)
{
    uint16_t *l = malloc((names->text_len ? names->text_len : 1) * sizeof *l);
    if (!(t->labels = l))
        return DOCTAG_ERR_NOMEM;
    b->labels = l;
    const char *s = names->text;
    uint32_t at = 0;
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < names->n; i++) {
        uint32_t len = (uint32_t)strlen(s);
        widen(l + at, (const unsigned char *)s, len);
        for (uint32_t w = 0; w < len;) {   /* only a word's first byte can fold */
            if (starts_lower_word(s, w))
                l[at + w] |= TRIE_FOLD;
            const char *space = memchr(s + w, ' ', len - w);
            if (!space)
                break;
            w = (uint32_t)(space - s) + 1;
        }
        rc = insert(b, at, len, names->entry[i]);
        if (len > t->depth)
            t->depth = len;
        at += len + 1;
        s += len + 1;
    }
    return rc;
}

int name_trie_build(name_trie **out, const model_names *names)
{
    *out = NULL;
    builder b = { 0 };
    size_t slots = 64;
    b.shift = 58;
    while (slots < 4 * names->n) {   /* at most 2n + 1 nodes: under half full */
        slots *= 2;
        b.shift--;
    }
    b.slots = calloc(slots, sizeof *b.slots);
    b.mask = slots - 1;
    name_trie *t = calloc(1, sizeof *t);
    int rc = t && b.slots && new_node(&b, (build_node){ 0, 0, -1, 0 }) == 0 && b.n == 1
                 ? DOCTAG_OK
                 : DOCTAG_ERR_NOMEM;
    if (rc == DOCTAG_OK)
        rc = insert_all(&b, t, names);
    uint64_t *pairs = rc == DOCTAG_OK ? malloc(b.n * sizeof *pairs) : NULL;
    if (rc == DOCTAG_OK && (!pairs || alloc_arrays(t, b.n) != DOCTAG_OK))
        rc = DOCTAG_ERR_NOMEM;
    if (rc == DOCTAG_OK) {
        flatten(t, &b, pairs);
        t->n_nodes = b.n;
    }
    free(pairs);
    free(b.nodes);
    free(b.slots);
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
    free(t->labels);
    free(t->nodes);
    free(t->children);
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
