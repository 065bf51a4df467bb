/* trie.c: literal variants -> trie-shaped pattern pieces (see trie.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strbuf.h"
#include "name_key.h"
#include "trie.h"

typedef struct node {
    unsigned char c;     /* the edge into this node */
    unsigned char fold;  /* 1: matches c and its capital (a lower-case word's first letter) */
    int32_t child, sibling;
    int32_t entry;       /* the entry a name ending here belongs to, or -1 */
} node;

typedef struct trie {
    node *nodes;
    size_t n, cap;
} trie;

static int32_t new_node(trie *t, unsigned char c, unsigned char fold)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        node *p = realloc(t->nodes, cap * sizeof *p);
        if (!p)
            return -1;
        t->nodes = p;
        t->cap = cap;
    }
    t->nodes[t->n] = (node){ c, fold, -1, -1, -1 };
    return (int32_t)t->n++;
}

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

static int insert(trie *t, const char *s, int32_t entry)
{
    int32_t cur = 0;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned char fold = (unsigned char)starts_lower_word(s, i);
        int32_t k = t->nodes[cur].child;
        while (k >= 0 && !(t->nodes[k].c == c && t->nodes[k].fold == fold))
            k = t->nodes[k].sibling;
        if (k < 0) {
            if ((k = new_node(t, c, fold)) < 0)
                return DOCTAG_ERR_NOMEM;
            t->nodes[k].sibling = t->nodes[cur].child;
            t->nodes[cur].child = k;
        }
        cur = k;
    }
    if (t->nodes[cur].entry < 0)   /* the first entry to claim a name keeps it */
        t->nodes[cur].entry = entry;
    return DOCTAG_OK;
}

static void put_edge(strbuf *b, const node *n)
{
    if (n->fold) {
        sb_printf(b, "[%c%c]", n->c, n->c - 'a' + 'A');
        return;
    }
    if (strchr("\\^$.|?*+()[]{}/#", n->c) && n->c)
        sb_putc(b, '\\');
    sb_putc(b, (char)n->c);
}

static void put_end(strbuf *b, int32_t entry)
{
    sb_printf(b, TRIE_AFTER "(*MARK:%d)", (int)entry);
}

/* The pattern of the subtree below node k (its edge not included). */
static void put_subtree(strbuf *b, const trie *t, int32_t k)
{
    const node *n = &t->nodes[k];
    /* a chain of single children with no name ending: plain text */
    while (n->entry < 0 && n->child >= 0 && t->nodes[n->child].sibling < 0) {
        n = &t->nodes[n->child];
        put_edge(b, n);
    }
    int alternatives = (n->entry >= 0) + 0;
    for (int32_t c = n->child; c >= 0; c = t->nodes[c].sibling)
        alternatives++;
    if (alternatives == 0)
        return;
    if (alternatives == 1 && n->entry >= 0) {
        put_end(b, n->entry);
        return;
    }
    sb_puts(b, "(?:");
    int first = 1;
    for (int32_t c = n->child; c >= 0; c = t->nodes[c].sibling) {
        if (!first)
            sb_putc(b, '|');
        first = 0;
        put_edge(b, &t->nodes[c]);
        put_subtree(b, t, c);
    }
    if (n->entry >= 0) {   /* last: longer names are tried first */
        sb_putc(b, '|');
        put_end(b, n->entry);
    }
    sb_putc(b, ')');
}

typedef struct piece_list {
    char **items;
    unsigned short *first;
    size_t n, cap;
    unsigned short cur_first;   /* first byte of the pieces being added */
    int failed;
} piece_list;

static void add_piece(piece_list *l, char *s)
{
    if (!s || l->failed) {
        free(s);
        l->failed = 1;
        return;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->items, cap * sizeof *p);
        if (p)
            l->items = p;
        unsigned short *f = p ? realloc(l->first, cap * sizeof *f) : NULL;
        if (!p || !f) {
            free(s);
            l->failed = 1;
            return;
        }
        l->first = f;
        l->cap = cap;
    }
    l->first[l->n] = l->cur_first;
    l->items[l->n++] = s;
}

/* Pieces for the subtree below node k, reached by the text in `path`. A
 * subtree too long for one piece is split at its children. */
static void pieces_below(piece_list *l, const trie *t, int32_t k, const char *path, size_t limit)
{
    strbuf b = { 0 };
    sb_puts(&b, path);
    put_subtree(&b, t, k);
    if (b.len <= limit || t->nodes[k].child < 0) {
        add_piece(l, sb_take(&b));
        return;
    }
    sb_free(&b);
    if (t->nodes[k].entry >= 0) {
        strbuf e = { 0 };
        sb_puts(&e, path);
        put_end(&e, t->nodes[k].entry);
        add_piece(l, sb_take(&e));
    }
    for (int32_t c = t->nodes[k].child; c >= 0; c = t->nodes[c].sibling) {
        strbuf p = { 0 };
        sb_puts(&p, path);
        put_edge(&p, &t->nodes[c]);
        char *sub = sb_take(&p);
        if (!sub) {
            l->failed = 1;
            return;
        }
        pieces_below(l, t, c, sub, limit);
        free(sub);
    }
}

int trie_pieces(const dict *d, size_t limit, char ***pieces, unsigned short **first,
                size_t *n_pieces)
{
    trie t = { 0 };
    piece_list l = { 0 };
    int rc = new_node(&t, 0, 0) < 0 ? DOCTAG_ERR_NOMEM : DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < d->n_variants; i++)
        if (!d->variants[i].is_pattern)
            rc = insert(&t, d->variants[i].text, (int32_t)d->variants[i].entry);
    if (rc == DOCTAG_OK)
        for (int32_t c = t.nodes[0].child; c >= 0 && !l.failed; c = t.nodes[c].sibling) {
            strbuf p = { 0 };
            put_edge(&p, &t.nodes[c]);
            l.cur_first = (unsigned short)(t.nodes[c].c | (t.nodes[c].fold << 8));
            char *edge = sb_take(&p);
            if (!edge) {
                l.failed = 1;
                break;
            }
            pieces_below(&l, &t, c, edge, limit);
            free(edge);
        }
    free(t.nodes);
    if (rc != DOCTAG_OK || l.failed) {
        for (size_t i = 0; i < l.n; i++)
            free(l.items[i]);
        free(l.items);
        free(l.first);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory building the name patterns");
    }
    *pieces = l.items;
    *first = l.first;
    *n_pieces = l.n;
    return DOCTAG_OK;
}

static void set_key(unsigned char *keys, const char *s)
{
    unsigned bit = name_key((const unsigned char *)s, strlen(s));
    keys[bit >> 3] |= (unsigned char)(1u << (bit & 7));
}

void trie_name_keys(const dict *d, unsigned char *keys)
{
    for (size_t i = 0; i < d->n_variants; i++) {
        const char *s = d->variants[i].text;
        if (d->variants[i].is_pattern)
            continue;
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
